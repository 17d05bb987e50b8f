/**
 * Geometry of THE MAP of the receive path, computed from the chapter collection. Pure data: the
 * PathMap component turns it into SVG. The receive stages (1-11) form the path, from the wire to the
 * application, laid out as a snake of `cols` columns; other stages (0, troubleshooting, the send path)
 * are placed apart, in a row below.
 */
export interface MapChapter {
  id: string;
  stage: number;
  shortTitle: string;
  summary: string;
  /** Ids of the chapter's labs (those whose lab.ts names it). */
  labs?: string[];
}

export interface MapNode {
  key: string;
  chapter?: MapChapter;
  /** Lines of the label (the short title wrapped to fit the box). */
  lines: string[];
  kicker: string;
  x: number;
  y: number;
  w: number;
  h: number;
  kind: 'endpoint' | 'stage' | 'apart';
}

export interface MapEdge {
  d: string;
}

export interface MapLayout {
  width: number;
  height: number;
  nodes: MapNode[];
  edges: MapEdge[];
  apartLabelY?: number;
  separatorY?: number;
}

export const PATH_FIRST = 1;
export const PATH_LAST = 11;

export function isPathStage(stage: number): boolean {
  return stage >= PATH_FIRST && stage <= PATH_LAST;
}

/** Wraps a label into at most `max` lines of about `width` characters. */
export function wrapLabel(text: string, width: number, max = 2): string[] {
  if (text.length <= width) return [text];
  const words = text.split(/\s+/);
  const lines: string[] = [];
  let line = '';
  for (const w of words) {
    if (line && (line + ' ' + w).length > width) {
      lines.push(line);
      line = w;
    } else line = line ? `${line} ${w}` : w;
  }
  if (line) lines.push(line);
  if (lines.length > max) {
    const head = lines.slice(0, max - 1);
    head.push(lines.slice(max - 1).join(' '));
    return head;
  }
  return lines;
}

export interface LayoutOptions {
  cols: number;
  boxW?: number;
  boxH?: number;
  gapX?: number;
  gapY?: number;
  margin?: number;
  charsPerLine?: number;
}

export function layoutMap(chapters: MapChapter[], opts: LayoutOptions): MapLayout {
  const { cols } = opts;
  const boxW = opts.boxW ?? 176;
  const boxH = opts.boxH ?? 66;
  const gapX = opts.gapX ?? 40;
  const gapY = opts.gapY ?? 34;
  const margin = opts.margin ?? 12;
  const cpl = opts.charsPerLine ?? 18;
  const sorted = [...chapters].sort((a, b) => a.stage - b.stage);
  const onPath = sorted.filter((c) => isPathStage(c.stage));
  const apart = sorted.filter((c) => !isPathStage(c.stage));

  const seq: Omit<MapNode, 'x' | 'y' | 'w' | 'h'>[] = [
    { key: 'wire', lines: ['The wire'], kicker: 'start', kind: 'endpoint' },
    ...onPath.map((c) => ({
      key: c.id,
      chapter: c,
      lines: wrapLabel(c.shortTitle, cpl),
      kicker: `stage ${c.stage}`,
      kind: 'stage' as const,
    })),
    { key: 'app', lines: ['The application', 'reads'], kicker: 'end', kind: 'endpoint' },
  ];
  const nodes: MapNode[] = [];
  const edges: MapEdge[] = [];
  const colX = (c: number) => margin + c * (boxW + gapX);
  const rowY = (r: number) => margin + r * (boxH + gapY);
  seq.forEach((n, i) => {
    const r = Math.floor(i / cols);
    let c = i % cols;
    if (r % 2 === 1) c = cols - 1 - c;
    nodes.push({ ...n, x: colX(c), y: rowY(r), w: boxW, h: boxH });
  });
  for (let i = 1; i < nodes.length; i++) {
    const a = nodes[i - 1]!;
    const b = nodes[i]!;
    const ay = a.y + a.h / 2;
    if (a.y === b.y) {
      const forward = b.x > a.x;
      const x1 = forward ? a.x + a.w : a.x;
      const x2 = forward ? b.x - 4 : b.x + b.w + 4;
      edges.push({ d: `M${x1} ${ay} H${x2}` });
    } else {
      const x = a.x + a.w / 2;
      edges.push({ d: `M${x} ${a.y + a.h} V${b.y - 4}` });
    }
  }
  const pathRows = Math.ceil(seq.length / cols);
  let height = rowY(pathRows) - gapY + margin;
  const width = colX(cols) - gapX + margin;
  const layout: MapLayout = { width, height, nodes, edges };
  if (apart.length) {
    const sepY = height + 8;
    layout.separatorY = sepY;
    layout.apartLabelY = sepY + 26;
    const top = sepY + 40;
    apart.forEach((c, i) => {
      const r = Math.floor(i / cols);
      const col = i % cols;
      nodes.push({
        key: c.id,
        chapter: c,
        lines: wrapLabel(c.shortTitle, cpl),
        kicker: c.stage === 0 ? 'start here' : `stage ${c.stage}`,
        kind: 'apart',
        x: colX(col),
        y: top + r * (boxH + gapY),
        w: boxW,
        h: boxH,
      });
    });
    height = top + Math.ceil(apart.length / cols) * (boxH + gapY) - gapY + margin;
    layout.height = height;
  }
  return layout;
}
