/** A text as lines and lines as a text, as the text tools count them. */

/** Lines of a text, without the final newline's empty element. */
export function lines(text: string): string[] {
  if (text === '') return [];
  const all = text.split('\n');
  if (all[all.length - 1] === '') all.pop();
  return all;
}

/** Lines back into a text, each ending in a newline. */
export const joinLines = (ls: string[]) => (ls.length ? ls.join('\n') + '\n' : '');
