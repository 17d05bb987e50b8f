// The grading command line: a readable table, exit codes, JSON lines, JUnit and Gradescope files.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const root = join(import.meta.dirname, '../../..');
const dir = mkdtempSync(join(tmpdir(), 'pp-grade-'));
const good = join(root, 'labs/napi-poll/solution.ts');
const starter = join(root, 'labs/napi-poll/starter.ts');

function grade(...args: string[]) {
  const r = spawnSync(process.execPath, [join(root, 'scripts/grade.ts'), ...args], { encoding: 'utf8', cwd: root });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

describe('npm run grade', () => {
  it('prints a table and exits 1 when a file fails a check', () => {
    const r = grade('--lab', 'napi-poll', good, starter);
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/solution\.ts\s+10\/10\s+passed/);
    expect(r.stdout).toMatch(/starter\.ts\s+\d+\/10\s+failed\s+.*completes/);
  });

  it('exits 0 when every file passes, and writes JUnit and Gradescope reports', () => {
    const junit = join(dir, 'junit.xml');
    const gs = join(dir, 'results.json');
    const r = grade('--lab', 'napi-poll', good, '--json', '--junit', junit, '--gradescope', gs);
    expect(r.code).toBe(0);
    const line = JSON.parse(r.stdout.trim());
    expect(line).toMatchObject({ lab: 'napi-poll', status: 'passed', score: 10, maxScore: 10 });
    expect(readFileSync(junit, 'utf8')).toMatch(/<testsuite name="[^"]*solution\.ts" tests="5" failures="0"/);
    const results = JSON.parse(readFileSync(gs, 'utf8'));
    expect(results.score).toBe(10);
    expect(results.tests).toHaveLength(5);
    expect(results.tests[0]).toMatchObject({ score: 2, max_score: 2, status: 'passed' });
  });

  it('grades a tuning lab from the commands a learner typed', () => {
    const partial = join(dir, 'ring-only.sh');
    writeFileSync(partial, 'ethtool -g eth0\nethtool -G eth0 rx 4096\nrun bursts\n');
    const r = grade('--lab', 'find-the-drops', join(root, 'labs/find-the-drops/solution.sh'), partial);
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/solution\.sh\s+4\/4\s+passed/);
    // The ring is fixed, the backlog is not: that check names the drops and the setting.
    expect(r.stdout).toMatch(/ring-only\.sh\s+1\/4\s+failed\s+.*backlog/);
  });

  it("grades a learner's progress export: the lab's saved code, or its terminal's commands", () => {
    const exported = join(dir, 'progress.json');
    const data = {
      'pp-lab-napi-poll': JSON.stringify({ code: readFileSync(good, 'utf8'), hintsShown: 0, ran: true, last: null }),
      'pp-term-lab-find-the-drops': JSON.stringify({ history: [], log: ['run bursts', 'ethtool -G eth0 rx 4096'] }),
    };
    writeFileSync(exported, JSON.stringify({ format: 'packet-path-progress', version: 1, data }));
    expect(grade('--lab', 'napi-poll', exported).stdout).toMatch(/progress\.json\s+10\/10\s+passed/);
    expect(grade('--lab', 'find-the-drops', exported).stdout).toMatch(/progress\.json\s+1\/4\s+failed\s+backlog, delivered/);
    const empty = join(dir, 'empty.json');
    writeFileSync(empty, JSON.stringify({ format: 'packet-path-progress', version: 1, data: {} }));
    expect(grade('--lab', 'find-the-drops', empty, '--json').stdout).toContain('holds no terminal for the lab find-the-drops');
  });

  it('reports a time-out for a file that never returns', () => {
    const loop = join(dir, 'loop.ts');
    writeFileSync(loop, 'export function igb_poll(napi: unknown, budget: number): number { for (;;) {} }\n');
    const r = grade('--lab', 'napi-poll', loop, '--time-limit', '1000');
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/timeout: Stopped after the time limit of 1000 ms/);
  });

  it('refuses bad usage with a message and exit 2', () => {
    expect(grade('--lab', 'nope', good)).toMatchObject({ code: 2, stderr: expect.stringContaining('no lab "nope"; the labs are: find-the-drops, napi-poll') });
    expect(grade('--lab', 'napi-poll', join(dir, 'missing.ts'))).toMatchObject({ code: 2, stderr: expect.stringContaining('no such file') });
    expect(grade('--lab', 'napi-poll', good, starter, '--gradescope', join(dir, 'x.json'))).toMatchObject({ code: 2 });
  });
});
