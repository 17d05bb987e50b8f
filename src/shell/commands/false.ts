/** false: exits 1, and nothing else (it has no manual page here). */
import { fail, type Command } from '../types.ts';

export const falseCommand: Command = { name: 'false', run: () => fail('') };
