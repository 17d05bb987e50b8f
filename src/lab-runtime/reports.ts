/** Grade reports for the command line: a table, JUnit XML and Gradescope's results.json. */
import type { LabResult } from './run-lab.ts';

export interface GradedFile {
  file: string;
  result: LabResult;
}

const pad = (s: string, w: number) => s + ' '.repeat(Math.max(0, w - s.length));

export function table(graded: GradedFile[]): string {
  const w = Math.max(4, ...graded.map((g) => g.file.length));
  const lines = [`${pad('file', w)}  score    status   failing checks`];
  for (const { file, result } of graded) {
    const failing = result.error ? `${result.error.kind}: ${result.error.message}${result.error.line ? ` (line ${result.error.line})` : ''}` : result.checks.filter((c) => !c.pass).map((c) => c.id).join(', ');
    lines.push(`${pad(file, w)}  ${pad(`${result.score}/${result.maxScore}`, 7)}  ${pad(result.status, 7)}  ${failing || '-'}`);
  }
  return lines.join('\n');
}

function xml(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

export function junit(graded: GradedFile[]): string {
  const suites = graded.map(({ file, result }) => {
    const failures = result.checks.filter((c) => !c.pass).length;
    const cases = result.checks
      .map((c) => `    <testcase classname="${xml(result.lab)}" name="${xml(`${c.id}: ${c.demands}`)}">${c.pass ? '' : `<failure message="${xml(c.message ?? '')}"/>`}</testcase>`)
      .join('\n');
    const time = ((result.timing.transpileMs + result.timing.simulateMs + result.timing.checkMs) / 1000).toFixed(3);
    return `  <testsuite name="${xml(file)}" tests="${result.checks.length}" failures="${failures}" time="${time}">\n${cases}\n  </testsuite>`;
  });
  return `<?xml version="1.0" encoding="UTF-8"?>\n<testsuites>\n${suites.join('\n')}\n</testsuites>\n`;
}

/** Gradescope autograder results (one submission): a test per check, weighted. */
export function gradescope({ result }: GradedFile): object {
  return {
    score: result.score,
    output: result.error ? `${result.error.message}${result.error.line ? ` (line ${result.error.line})` : ''}` : `${result.checks.filter((c) => c.pass).length} of ${result.checks.length} checks passed`,
    tests: result.checks.map((c) => ({
      name: `${c.id}: ${c.demands}`,
      score: c.pass ? c.weight : 0,
      max_score: c.weight,
      status: c.pass ? 'passed' : 'failed',
      output: c.message ?? '',
    })),
  };
}
