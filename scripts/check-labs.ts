/** npm run check:labs: every lab's metadata is valid, its solution passes every check and its starter fails one. */
import { checkLab } from '../src/lab-runtime/lab-check.ts';
import { labIds } from '../src/lab-runtime/node-labs.ts';

let bad = 0;
for (const id of labIds()) {
  const { problems } = await checkLab(id);
  if (problems.length === 0) console.log(`ok    ${id}`);
  else {
    bad++;
    console.log(`FAIL  ${id}`);
    for (const p of problems) console.log(`      ${p}`);
  }
}
process.exit(bad ? 1 : 0);
