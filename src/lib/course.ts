import { getCollection, type CollectionEntry } from 'astro:content';
import { stageProblems, ChapterError } from './chapter-check.ts';
import type { MapChapter } from './map-layout.ts';

export type Chapter = CollectionEntry<'chapters'>;

/** Every chapter, ordered by stage. Two chapters with the same stage fail the build, naming both files. */
export async function getChapters(): Promise<Chapter[]> {
  const all = await getCollection('chapters');
  const sorted = [...all].sort((a, b) => a.data.stage - b.data.stage);
  const problems = stageProblems(sorted.map((c) => ({ file: c.filePath ?? c.id, data: c.data })));
  if (problems.length) throw new ChapterError(problems);
  return sorted;
}

export function totalLabs(chapters: Chapter[]): string[] {
  return [...new Set(chapters.flatMap((c) => c.data.labs))];
}

/** What the map, the sidebar and the cards show of a chapter. */
export function toMapChapter(c: Chapter): MapChapter {
  return { id: c.id, stage: c.data.stage, shortTitle: c.data.shortTitle, summary: c.data.summary, labs: c.data.labs };
}
