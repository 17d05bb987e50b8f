import { getCollection, type CollectionEntry } from 'astro:content';
import { labIds, loadLab } from '../lab-runtime/bundled-labs.ts';
import { stageProblems, ChapterError } from './chapter-check.ts';
import { labsByChapter } from './lab-chapters.ts';
import type { MapChapter } from './map-layout.ts';

/** A chapter, with the ids of the labs that name it in their lab.ts. */
export type Chapter = CollectionEntry<'chapters'> & { labs: string[] };

/**
 * Every chapter, ordered by stage, with its labs. Two chapters with the same stage fail the build,
 * naming both files; so does a lab whose chapter does not exist. Labs are read here, at build
 * time: their definitions never reach the pages.
 */
export async function getChapters(): Promise<Chapter[]> {
  const all = await getCollection('chapters');
  const sorted = [...all].sort((a, b) => a.data.stage - b.data.stage);
  const problems = stageProblems(sorted.map((c) => ({ file: c.filePath ?? c.id, data: c.data })));
  if (problems.length) throw new ChapterError(problems);
  const labs = await Promise.all(labIds().map(async (id) => ({ id, chapter: (await loadLab(id)).chapter })));
  const byChapter = labsByChapter(sorted.map((c) => c.id), labs);
  return sorted.map((c) => ({ ...c, labs: byChapter.get(c.id)! }));
}

export function totalLabs(chapters: Chapter[]): string[] {
  return chapters.flatMap((c) => c.labs);
}

/** What the map, the sidebar and the cards show of a chapter. */
export function toMapChapter(c: Chapter): MapChapter {
  return { id: c.id, stage: c.data.stage, shortTitle: c.data.shortTitle, summary: c.data.summary, labs: c.labs };
}
