/** clear: the marker a terminal clears its screen on. */
import { CLEAR, type Command } from '../types.ts';

export const clear: Command = {
  name: 'clear',
  page: { summary: 'clear the screen', body: 'SYNOPSIS\n       clear\n' },
  run: () => ({ stdout: CLEAR, stderr: '', code: 0 }),
};
