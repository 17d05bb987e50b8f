/**
 * Where the labs are and how a lab id maps to its files: labs/<id>/lab.ts (the definition),
 * starter.<ts|sh> and solution.<ts|sh>. Two thin loaders read this layout, because no one way of
 * finding files works everywhere: bundled-labs.ts uses Vite's import.meta.glob (the browser's
 * lazy chunks, the site's build, Vitest), which plain Node does not have; node-labs.ts uses the
 * file system (`npm run grade`, check:labs, the grading worker threads), which the browser does
 * not have. Pure: no Vite, no Node APIs.
 */

/** The folder of the labs, from the project's root. */
export const LABS_FOLDER = 'labs';
/** The file that defines a lab (`export default defineLab({ … })`). */
const DEFINITION_FILE = 'lab.ts';
/** A lab's starter and reference solution: TypeScript for a code lab, shell commands for a tuning lab. */
export type LabTextFile = `${'starter' | 'solution'}.${'ts' | 'sh'}`;

/** A lab id, which is also its folder's name: lower-case words joined by dashes (napi-poll). */
export const isLabId = (id: string): boolean => /^[a-z0-9][a-z0-9-]*$/.test(id);

/** A lab's file from the project's root, as messages name it: labs/napi-poll/lab.ts. */
export const labPath = (id: string, file: string = DEFINITION_FILE): string => `${LABS_FOLDER}/${id}/${file}`;

/** The lab id and file name of a path that ends in labs/<id>/<file>, or null for any other path. */
export function parseLabPath(path: string): { id: string; file: string } | null {
  const m = new RegExp(`(?:^|/)${LABS_FOLDER}/([^/]+)/([^/]+)$`).exec(path);
  return m && isLabId(m[1]!) ? { id: m[1]!, file: m[2]! } : null;
}

/** The error for an id that is no lab, listing the labs there are. */
export const unknownLab = (id: string, known: readonly string[]): Error => new Error(`no lab "${id}"; the labs are: ${known.join(', ')}`);
