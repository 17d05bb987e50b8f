// Every command a chapter offers to run (```console runnable) is one the simulated shell knows.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createShell } from '../../../src/shell/index.ts';

const DIR = join(import.meta.dirname, '../../../content/chapters');

/** The command lines of every runnable block, by chapter file. */
function runnableCommands(): [string, string][] {
  const out: [string, string][] = [];
  for (const file of readdirSync(DIR).filter((f) => f.endsWith('.mdx'))) {
    const text = readFileSync(join(DIR, file), 'utf8');
    for (const block of text.matchAll(/^```\w*[^\n]*\brunnable\b[^\n]*\n([\s\S]*?)^```/gm)) {
      for (const line of block[1]!.split('\n')) {
        const m = /^[#$] (.+)$/.exec(line);
        if (m) out.push([file, m[1]!.trim()]);
      }
    }
  }
  return out;
}

describe('runnable commands in the chapters', () => {
  const commands = runnableCommands();
  it('exist', () => expect(commands.length).toBeGreaterThan(0));
  it.each(commands)('%s: %s runs in the shell', (_file, command) => {
    const shell = createShell();
    shell.exec('run steady --duration 5ms');
    const out = shell.exec(command);
    expect(out.stderr).not.toMatch(/command not found|[Uu]sage|invalid|unrecognized|No such file/);
    expect(out.code).toBe(0);
  });
});
