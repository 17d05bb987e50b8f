// Every golden configuration returns what was recorded: counters, drops, latency, kernel messages
// and trace, to the last event. `npm run golden` says what moved; `-- --update` records a change meant.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { compareGolden, GOLDEN_FILE, goldenConfigs, runGolden, type GoldenRecord } from '../../golden/golden-runs.ts';

describe('golden runs', () => {
  it('are identical to the recorded digests', () => {
    const recorded = JSON.parse(readFileSync(GOLDEN_FILE, 'utf8')) as GoldenRecord;
    const now: GoldenRecord = {};
    for (const c of goldenConfigs()) now[c.name] = runGolden(c);
    expect(Object.keys(now).length).toBeGreaterThan(300);
    expect(compareGolden(recorded, now)).toEqual([]);
  }, 120_000);
});
