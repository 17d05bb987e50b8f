// Every lab: its metadata is valid, its solution passes every check, its starter fails at least one.
import { describe, expect, it } from 'vitest';
import { checkLab } from '../../src/lab-runtime/lab-check.ts';
import { labIds } from '../../src/lab-runtime/node-labs.ts';

describe.each(labIds())('lab %s', (id) => {
  it('is valid, its solution passes and its starter fails', async () => {
    const report = await checkLab(id);
    expect(report.problems).toEqual([]);
  });
});
