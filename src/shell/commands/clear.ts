/** clear: the marker a terminal clears its screen on. */
import { CLEAR, type Command } from '../types.ts';

export const clear: Command = () => ({ stdout: CLEAR, stderr: '', code: 0 });
