// The two loaders of labs/ (Vite's, for the browser and the site's build; the file system's, for
// the command line) find the same labs, the same definitions and the same files.
import { describe, expect, it } from 'vitest';
import * as bundled from '../../../src/lab-runtime/bundled-labs.ts';
import * as onDisk from '../../../src/lab-runtime/node-labs.ts';
import { submissionExtension } from '../../../src/lab-runtime/define.ts';

describe('the lab loaders', () => {
  it('find the same labs', () => {
    expect(bundled.labIds()).toEqual(onDisk.labIds());
    expect(onDisk.labIds()).toEqual(expect.arrayContaining(['find-the-drops', 'napi-poll']));
  });

  it.each(onDisk.labIds())('load the same definition, starter and solution of %s', async (id) => {
    const [fromVite, fromDisk] = await Promise.all([bundled.loadLab(id), onDisk.loadLab(id)]);
    expect(fromVite.id).toBe(id);
    expect({ id: fromVite.id, chapter: fromVite.chapter, checks: fromVite.checks.map((c) => c.id) }).toEqual({ id: fromDisk.id, chapter: fromDisk.chapter, checks: fromDisk.checks.map((c) => c.id) });
    const ext = submissionExtension(fromDisk);
    for (const file of [`starter.${ext}`, `solution.${ext}`] as const) expect(await bundled.loadLabFile(id, file)).toBe(onDisk.labFile(id, file));
  });

  it('refuse an id that is no lab, listing the labs', async () => {
    const message = 'no lab "nope"; the labs are: find-the-drops, napi-poll';
    await expect(bundled.loadLab('nope')).rejects.toThrow(message);
    await expect(onDisk.loadLab('nope')).rejects.toThrow(message);
    await expect(bundled.loadLabFile('nope', 'starter.ts')).rejects.toThrow(message);
    expect(() => onDisk.labFile('../napi-poll', 'starter.ts')).toThrow('no lab "../napi-poll"');
    await expect(bundled.loadLabFile('napi-poll', 'starter.sh')).rejects.toThrow('labs/napi-poll/starter.sh does not exist');
  });
});
