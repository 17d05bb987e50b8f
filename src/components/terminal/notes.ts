/**
 * What a terminal says about its host in the learner's terms: which function a code lab's host
 * runs, and how the learner's code broke a command.
 */
import { whereInFile, type LearnerError } from '../../lab-runtime/learner-module.ts';

/** The learner's function threw: the exception at their line, as the grader reports it ("your " goes before). */
export function threw(hook: string, error: LearnerError): string {
  return `${hook} threw ${error.message}${whereInFile(error)}`;
}

/**
 * Which function a code lab's host runs for its hook: the learner's (`code`, their file) or the
 * kernel's (null); `now` after a Run put theirs in place, `still` after one whose code did not load.
 */
export function runsLine(hook: string, code: string | null, change?: 'now' | 'still'): string {
  if (code === null) return change === 'still' ? `This host still runs the kernel's ${hook}.\n` : `This host runs the kernel's ${hook}; press Run and it runs yours.\n`;
  if (change === 'still') return `This host still runs your ${hook} from an earlier Run.\n`;
  return `This host ${change === 'now' ? 'now ' : ''}runs your ${hook}, from your last Run.\n`;
}
