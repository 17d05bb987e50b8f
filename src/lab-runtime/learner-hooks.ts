/**
 * A code lab's file as hooks for a host: transpiled and evaluated, its function guarded so that an
 * exception leaving it is reported at the learner's line, then wrapped by the lab's `install`.
 * Grading and the lab's terminal both install a file this way, so the terminal's host runs
 * exactly what was graded.
 */
import type { HookName, Hooks } from '../sim/index.ts';
import { withheldNames, type CodeLab, type Probe } from './define.ts';
import { evaluate, ImportRefused, learnerDoor, LearnerCodeError, locate, transpile } from './learner-module.ts';

/** A probe that keeps its counts in `into`. */
export function probeInto(into: Record<string, number>): Probe {
  return {
    count: (name, by = 1) => void (into[name] = (into[name] ?? 0) + by),
    max: (name, value) => void (into[name] = Math.max(into[name] ?? -Infinity, value)),
  };
}

/** The hooks the file installs; throws a LearnerCodeError when it does not load or lacks the function. */
export function learnerHooks(lab: CodeLab, source: string, probe: Probe): Partial<Hooks> {
  const compiled = transpile(source);
  const exports = evaluate(compiled, learnerDoor(withheldNames(lab)));
  let fn: unknown;
  try {
    // A re-export from the door (export { x } from 'packet-path/sim') is read here.
    fn = exports[lab.hook];
  } catch (e) {
    if (e instanceof ImportRefused) throw new LearnerCodeError({ kind: 'import', message: `${e.name}: ${e.message}` });
    throw e;
  }
  if (typeof fn !== 'function') {
    throw new LearnerCodeError({ kind: 'export', message: `Your file must export a function named ${lab.hook} (export function ${lab.hook}(…) { … })` });
  }
  // Whatever is thrown inside the learner's call is theirs to see, at their line: the simulator
  // may be left mid-event, and whoever runs the host must know it was not the simulator's fault.
  const guarded = (...args: unknown[]): unknown => {
    try {
      return fn(...args);
    } catch (e) {
      throw new LearnerCodeError(locate(e, compiled));
    }
  };
  const hook = guarded as Hooks[HookName];
  return lab.install ? lab.install(hook, probe) : ({ [lab.hook]: hook } as Partial<Hooks>);
}
