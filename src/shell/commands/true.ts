/** true: exits 0, and nothing else (it has no manual page here). */
import { ok, type Command } from '../types.ts';

export const trueCommand: Command = { name: 'true', run: () => ok() };
