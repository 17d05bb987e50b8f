/**
 * The kernel functions a lab may replace, by name, with their types. Each is declared by the file
 * that stands for the kernel file defining it (TypeScript merges those declarations into this one
 * interface), so a hook's type is written once, beside its code. The reference implementations
 * are listed in src/sim/hooks.ts; a host's table is its config's hooks over those.
 */
// eslint-disable-next-line @typescript-eslint/no-empty-object-type -- filled by declaration merging
export interface Hooks {}

export type HookName = keyof Hooks;
