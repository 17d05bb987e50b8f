/**
 * Turn the learner's TypeScript into a module object: transpile with sucrase (the same transformer
 * in the browser and in Node, so a file gets the same grade in both), then evaluate it with only
 * the kernel API to import. Errors come back at the learner's line and column.
 */
import { originalPositionFor, TraceMap } from '@jridgewell/trace-mapping';
import { transform } from 'sucrase';
import * as kernelApi from '../sim/kernel-api.ts';
import { FORBIDDEN_GLOBALS } from './no-network.ts';

/** The one import learner code may use. */
export const SIM_MODULE = 'packet-path/sim';
export const LEARNER_FILE = 'learner.ts';

export interface LearnerError {
  kind: 'syntax' | 'runtime' | 'export' | 'import' | 'timeout';
  message: string;
  line?: number;
  column?: number;
}

export class LearnerCodeError extends Error {
  readonly detail: LearnerError;

  constructor(detail: LearnerError) {
    super(detail.message);
    this.detail = detail;
  }
}

export interface CompiledModule {
  code: string;
  map: TraceMap;
}

/** Transpile, or throw a LearnerCodeError of kind 'syntax' at the learner's position. */
export function transpile(source: string): CompiledModule {
  try {
    const out = transform(source, {
      transforms: ['typescript', 'imports'],
      filePath: LEARNER_FILE,
      sourceMapOptions: { compiledFilename: 'learner.js' },
    });
    return { code: out.code, map: new TraceMap(out.sourceMap as ConstructorParameters<typeof TraceMap>[0]) };
  } catch (e) {
    const loc = (e as { loc?: { line: number; column: number } }).loc;
    const message = (e as Error).message.replace(/^Error transforming [^:]*: /, '').replace(/\s*\(\d+:\d+\)$/, '');
    // sucrase's loc is 1-based in both line and column.
    throw new LearnerCodeError({ kind: 'syntax', message: `SyntaxError: ${message}`, line: loc?.line, column: loc?.column });
  }
}


/** Lines the Function constructor puts before the body. */
const WRAPPER_LINES = 2;

/** Learner code reached for a name its door does not have. */
export class ImportRefused extends Error {
  override readonly name = 'ImportError';
}

/**
 * 'packet-path/sim' as a lab's learner sees it: the kernel API (src/sim/kernel-api.ts) without the
 * names the lab withholds. Any other name, however it is reached (an import, a re-export, sim[x]),
 * is refused with the door's message when it is read.
 */
export function learnerDoor(withheld: readonly string[]): object {
  const names = Object.keys(kernelApi).filter((n) => !withheld.includes(n));
  const door: Record<string, unknown> = Object.create(null);
  for (const n of names) door[n] = (kernelApi as Record<string, unknown>)[n];
  Object.freeze(door);
  return new Proxy(door, {
    get(target, name) {
      if (typeof name !== 'string' || name in target) return target[name as string];
      // Module interop asks whether this is an ES module, and some code probes for a thenable.
      if (name === '__esModule') return true;
      if (name === 'then') return undefined;
      if (withheld.includes(name)) throw new ImportRefused(`\`${name}\` is not part of the kernel API in this lab: it does the job you are asked to write`);
      throw new ImportRefused(`\`${name}\` is not part of the kernel API a lab can use`);
    },
  });
}

/** Evaluate the compiled module, importing from `door`, and return its exports. */
export function evaluate(compiled: CompiledModule, door: object): Record<string, unknown> {
  const module = { exports: {} as Record<string, unknown> };
  const require = (specifier: string): unknown => {
    if (specifier === SIM_MODULE) return door;
    throw new Error(`Cannot import '${specifier}': a lab can import only '${SIM_MODULE}'`);
  };
  const body = `${compiled.code}\n//# sourceURL=${LEARNER_FILE}`;
  let factory: (...args: unknown[]) => void;
  try {
    factory = new Function('require', 'exports', 'module', ...FORBIDDEN_GLOBALS, body) as typeof factory;
  } catch (e) {
    throw new LearnerCodeError({ kind: 'syntax', message: String(e) });
  }
  try {
    factory(require, module.exports, module, ...FORBIDDEN_GLOBALS.map(() => undefined));
  } catch (e) {
    throw new LearnerCodeError(locate(e, compiled));
  }
  return module.exports;
}

const asError = (e: unknown): Error => (e instanceof Error ? e : new Error(String(e)));
/** An exception in one line, as a console prints it: "TypeError: x is undefined". */
const errorText = (err: Error) => `${err.name}: ${err.message}`;

/** Where in the learner's file an exception was thrown: the first stack frame in learner.ts. */
export function locate(e: unknown, compiled: CompiledModule): LearnerError {
  const err = asError(e);
  const message = errorText(err);
  const frame = /learner\.ts:(\d+):(\d+)/.exec(err.stack ?? '');
  if (!frame) return { kind: 'runtime', message };
  const pos = originalPositionFor(compiled.map, { line: Number(frame[1]) - WRAPPER_LINES, column: Number(frame[2]) - 1 });
  if (pos.line == null) return { kind: 'runtime', message, line: Number(frame[1]) - WRAPPER_LINES };
  return { kind: 'runtime', message, line: pos.line, column: pos.column + 1 };
}

/** An exception as the learner is told of it: at their line when it left their code (learnerHooks locates those). */
export function learnerError(e: unknown): LearnerError {
  if (e instanceof LearnerCodeError) return e.detail;
  if (e instanceof ImportRefused) return { kind: 'import', message: errorText(e) };
  return { kind: 'runtime', message: errorText(asError(e)) };
}

/** Where an error is in the learner's file, as messages say it: " (line 3, column 7)", or nothing. */
export function whereInFile(error: LearnerError): string {
  return error.line ? ` (line ${error.line}${error.column ? `, column ${error.column}` : ''})` : '';
}
