# The untuned host: nothing changed.
