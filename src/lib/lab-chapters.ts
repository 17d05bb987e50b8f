/**
 * A lab belongs to the chapter its lab.ts names (`chapter: '05-napi'`), and only there: each
 * chapter's list of labs (the home page's count, the sidebar's marks, "In this chapter") is derived
 * from the labs, and the build refuses a lab that names no chapter of the course and a <Lab> that a
 * chapter embeds when the lab belongs to another.
 */
import { labPath } from '../lab-runtime/lab-files.ts';

/** What the site needs of a lab: its id and the chapter it names. */
export interface LabOwner {
  id: string;
  chapter: string;
}

/** Each chapter's labs, by chapter id, in id order; throws naming every lab whose chapter is not one of `chapterIds`. */
export function labsByChapter(chapterIds: readonly string[], labs: readonly LabOwner[]): Map<string, string[]> {
  const byChapter = new Map(chapterIds.map((id) => [id, [] as string[]]));
  const astray = labs.filter((lab) => !byChapter.has(lab.chapter));
  if (astray.length) {
    const lines = astray.map((lab) => `  ${labPath(lab.id)}: chapter "${lab.chapter}" does not exist (the chapters are: ${chapterIds.join(', ')})`);
    throw new Error(`Invalid lab${astray.length > 1 ? 's' : ''}: \`chapter\` must name the chapter that embeds the lab, as its file name without .mdx\n${lines.join('\n')}`);
  }
  for (const lab of [...labs].sort((a, b) => a.id.localeCompare(b.id))) byChapter.get(lab.chapter)!.push(lab.id);
  return byChapter;
}

/** Why the chapter `chapterId` (null: a page that is no chapter) may not embed `lab`, or null when the lab is its own. */
export function embedProblem(chapterId: string | null, lab: LabOwner): string | null {
  if (lab.chapter === chapterId) return null;
  return `the lab belongs to the chapter "${lab.chapter}" (${labPath(lab.id)} says chapter: '${lab.chapter}'); embed it there, or change its chapter`;
}
