import { describe, expect, it } from 'vitest';
import { quizProblems } from '../../../src/lib/quiz.ts';
import { chapterFromPath } from '../../../src/lib/url.ts';
import { layoutMap, wrapLabel, type MapChapter } from '../../../src/lib/map-layout.ts';
import { inlineMarkdown } from '../../../src/lib/text.ts';

describe('Quiz props', () => {
  const ok = { question: 'Which?', options: [{ text: 'a', correct: true, explain: 'yes' }, { text: 'b', explain: 'no' }] };
  it('accepts a valid quiz', () => expect(quizProblems(ok)).toEqual([]));
  it('needs a correct option', () =>
    expect(quizProblems({ ...ok, options: [{ text: 'a', explain: 'x' }, { text: 'b', explain: 'y' }] }).join()).toMatch(/correct: true/));
  it('needs an explanation for each option', () =>
    expect(quizProblems({ ...ok, options: [{ text: 'a', correct: true, explain: 'x' }, { text: 'b' } as never] }).join()).toMatch(/option 2 .*explain/));
  it('names the chapter file from the page path', () => expect(chapterFromPath('/base/chapters/05-napi/')).toBe('content/chapters/05-napi.mdx'));
  it('escapes HTML and renders `code`', () => expect(inlineMarkdown('<b> `x<y`')).toBe('&lt;b&gt; <code>x&lt;y</code>'));
});

describe('the map layout', () => {
  const ch = (stage: number, shortTitle = `S${stage}`): MapChapter => ({ id: `${String(stage).padStart(2, '0')}-x`, stage, shortTitle, summary: '' });
  const chapters = [13, 0, 5, 1, 2, 12, 11].map((s) => ch(s));
  const L = layoutMap(chapters, { cols: 4 });
  it('puts the receive stages on the path in order, from the wire to the application', () => {
    const path = L.nodes.filter((n) => n.kind !== 'apart').map((n) => n.key);
    expect(path).toEqual(['wire', '01-x', '02-x', '05-x', '11-x', 'app']);
    expect(L.edges).toHaveLength(path.length - 1);
  });
  it('places the overview, troubleshooting and the send path apart', () => {
    expect(L.nodes.filter((n) => n.kind === 'apart').map((n) => n.chapter?.stage)).toEqual([0, 12, 13]);
    const lowestPath = Math.max(...L.nodes.filter((n) => n.kind !== 'apart').map((n) => n.y));
    for (const n of L.nodes.filter((n) => n.kind === 'apart')) expect(n.y).toBeGreaterThan(lowestPath);
  });
  it('snakes: the second row runs right to left', () => {
    const row2 = L.nodes.filter((n) => n.kind !== 'apart' && n.y > L.nodes[0]!.y);
    expect(row2[0]!.x).toBeGreaterThan(row2[1]!.x);
  });
  it('wraps long labels on two lines', () => {
    expect(wrapLabel('GRO and netif_receive_skb', 18)).toEqual(['GRO and', 'netif_receive_skb']);
    expect(wrapLabel('NAPI', 18)).toEqual(['NAPI']);
  });
});
