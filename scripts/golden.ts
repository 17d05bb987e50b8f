/**
 * npm run golden [-- --update]: run the golden configurations (tests/golden/golden-runs.ts) and
 * say which differ from the recorded digests, and in what. With --update, record the new digests:
 * for a change to the simulator that is meant to change what a run returns (say so in the commit).
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { compareGolden, GOLDEN_FILE, goldenConfigs, runGolden, type GoldenRecord } from '../tests/golden/golden-runs.ts';

const update = process.argv.includes('--update');
const recorded = JSON.parse(readFileSync(GOLDEN_FILE, 'utf8')) as GoldenRecord;
const now: GoldenRecord = {};
for (const c of goldenConfigs()) now[c.name] = runGolden(c);
const diff = compareGolden(recorded, now);
console.log(diff.length === 0 ? `All ${Object.keys(now).length} configurations identical.` : diff.join('\n'));
if (diff.length > 0) console.log(`\n${diff.length} of ${Object.keys(now).length} configurations differ.`);
if (update) {
  // One line per configuration, so a recorded change reads as a diff of the configurations it moved.
  writeFileSync(GOLDEN_FILE, `{\n${Object.entries(now).map(([name, d]) => `${JSON.stringify(name)}: ${JSON.stringify(d)}`).join(',\n')}\n}\n`);
  console.log(`Recorded ${Object.keys(now).length} configurations in ${GOLDEN_FILE.pathname}.`);
} else if (diff.length > 0) process.exitCode = 1;
