/** Run a parsed command line: pipelines, lists, redirections; errors worded as bash words them. */
import { KernelError } from '../sim/index.ts';
import { checkWritable, FsError, readFile, strerror, writeFile } from './fs.ts';
import { parse, ParseError, type Stage } from './parse.ts';
import type { Output, ShellState } from './types.ts';

/** Builtins report write errors as "bash: echo: write error: …"; other programs as "prog: write error: …". */
const BUILTINS = new Set(['echo', 'printf']);

export function execLine(state: ShellState, line: string): Output {
  let list;
  try {
    list = parse(line);
  } catch (e) {
    if (e instanceof ParseError) return { stdout: '', stderr: `bash: ${e.message}\n`, code: 2 };
    throw e;
  }
  const out: Output = { stdout: '', stderr: '', code: 0 };
  for (const item of list) {
    if (item.join === '&&' && out.code !== 0) continue;
    if (item.join === '||' && out.code === 0) continue;
    const r = runPipeline(state, item.pipeline);
    out.stdout += r.stdout;
    out.stderr += r.stderr;
    out.code = r.code;
  }
  return out;
}

function runPipeline(state: ShellState, stages: Stage[]): Output {
  let stdin = '';
  let stderr = '';
  let last: Output = { stdout: '', stderr: '', code: 0 };
  for (const stage of stages) {
    last = runStage(state, stage, stdin);
    stderr += last.stderr;
    stdin = last.stdout;
  }
  return { stdout: last.stdout, stderr, code: last.code };
}

function runStage(state: ShellState, stage: Stage, stdinIn: string): Output {
  const host = () => state.host;
  let stdin = stdinIn;
  let stdoutTo: { path: string } | null = null;
  let stderrTo: { path: string } | 'stdout' | null = null;
  for (const r of stage.redirects) {
    try {
      if (r.op === '<') stdin = readFile(host(), r.target);
      else if (r.op === '>&') stderrTo = 'stdout';
      else {
        checkWritable(host(), r.target);
        if (r.fd === 1) stdoutTo = { path: r.target };
        else stderrTo = { path: r.target };
      }
    } catch (e) {
      if (e instanceof FsError) return { stdout: '', stderr: `bash: ${r.target}: ${strerror(e.errno)}\n`, code: 1 };
      throw e;
    }
  }
  const name = stage.argv[0];
  let result: Output;
  if (name === undefined) result = { stdout: '', stderr: '', code: 0 };
  else {
    const cmd = state.commands.get(name);
    if (!cmd) result = { stdout: '', stderr: `bash: ${name}: command not found\n`, code: 127 };
    else result = cmd.run({ state, argv: stage.argv, stdin, exec: (line) => execLine(state, line) });
  }
  if (stderrTo === 'stdout') result = { ...result, stdout: result.stdout + result.stderr, stderr: '' };
  else if (stderrTo) result = { ...result, stderr: '' };
  if (stdoutTo && name !== undefined) {
    const data = result.stdout;
    result = { ...result, stdout: '' };
    // A program writes what it printed in one go; the kernel sees one write(2).
    if (data.length > 0) {
      try {
        writeFile(host(), stdoutTo.path, data);
      } catch (e) {
        if (!(e instanceof KernelError)) throw e;
        const who = BUILTINS.has(name) ? `bash: ${name}` : name;
        result = { ...result, stderr: result.stderr + `${who}: write error: ${e.strerror}\n`, code: 1 };
      }
    }
  }
  return result;
}
