/**
 * The command-line grammar the shell understands, a small part of bash's: words with '…', "…"
 * and \ quoting, pipelines (|), lists (; && ||), and redirections (> >> 2> 2>&1 <).
 */

export interface Redirect {
  fd: 0 | 1 | 2;
  op: '>' | '>>' | '<' | '>&';
  target: string;
}

export interface Stage {
  argv: string[];
  redirects: Redirect[];
}

export interface ListItem {
  /** How this pipeline is joined to the previous one. */
  join: ';' | '&&' | '||';
  pipeline: Stage[];
}

export class ParseError extends Error {}

type Token = { kind: 'word'; text: string } | { kind: 'op'; text: string };

const OPS = ['&&', '||', '2>&1', '2>>', '>>', '2>', '>&', ';', '|', '>', '<', '&'];

export function tokenize(line: string): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  while (i < line.length) {
    const c = line[i]!;
    if (c === ' ' || c === '\t' || c === '\n') {
      i++;
      continue;
    }
    if (c === '#') break;
    const op = OPS.find((o) => line.startsWith(o, i) && (o[0] !== '2' || atWordStart(line, i)));
    if (op) {
      tokens.push({ kind: 'op', text: op });
      i += op.length;
      continue;
    }
    let word = '';
    while (i < line.length) {
      const ch = line[i]!;
      if (ch === ' ' || ch === '\t' || ch === '\n' || ';|&<>'.includes(ch)) break;
      if (ch === "'") {
        const end = line.indexOf("'", i + 1);
        if (end < 0) throw new ParseError("unexpected EOF while looking for matching `''");
        word += line.slice(i + 1, end);
        i = end + 1;
      } else if (ch === '"') {
        i++;
        while (i < line.length && line[i] !== '"') {
          if (line[i] === '\\' && i + 1 < line.length && '"\\$`'.includes(line[i + 1]!)) i++;
          word += line[i];
          i++;
        }
        if (i >= line.length) throw new ParseError('unexpected EOF while looking for matching `"\'');
        i++;
      } else if (ch === '\\') {
        if (i + 1 < line.length) word += line[i + 1];
        i += 2;
      } else {
        word += ch;
        i++;
      }
    }
    tokens.push({ kind: 'word', text: word });
  }
  return tokens;
}

function atWordStart(line: string, i: number): boolean {
  return i === 0 || ' \t;|&'.includes(line[i - 1]!);
}

/** Parse a line into a list of pipelines; throws ParseError with bash's wording. */
export function parse(line: string): ListItem[] {
  const tokens = tokenize(line);
  const list: ListItem[] = [];
  let join: ListItem['join'] = ';';
  let pipeline: Stage[] = [];
  let stage: Stage = { argv: [], redirects: [] };
  const unexpected = (t: string) => new ParseError(`syntax error near unexpected token \`${t}'`);
  const endStage = (tok: string) => {
    if (stage.argv.length === 0 && stage.redirects.length === 0) throw unexpected(tok);
    pipeline.push(stage);
    stage = { argv: [], redirects: [] };
  };
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i]!;
    if (t.kind === 'word') {
      stage.argv.push(t.text);
      continue;
    }
    switch (t.text) {
      case '|':
        endStage('|');
        break;
      case ';':
      case '&&':
      case '||':
      case '&':
        endStage(t.text);
        list.push({ join, pipeline });
        pipeline = [];
        join = t.text === '&' ? ';' : (t.text as ListItem['join']);
        break;
      case '2>&1':
        stage.redirects.push({ fd: 2, op: '>&', target: '1' });
        break;
      default: {
        const next = tokens[i + 1];
        if (!next || next.kind !== 'word') throw unexpected(next ? next.text : 'newline');
        i++;
        const fd = t.text.startsWith('2') ? 2 : t.text === '<' ? 0 : 1;
        const op = t.text.endsWith('>>') ? '>>' : t.text === '<' ? '<' : '>';
        stage.redirects.push({ fd, op, target: next.text });
      }
    }
  }
  if (stage.argv.length > 0 || stage.redirects.length > 0) pipeline.push(stage);
  else if (pipeline.length > 0) throw unexpected('newline');
  if (pipeline.length > 0) list.push({ join, pipeline });
  else if (list.length > 0 && join !== ';') throw unexpected('newline');
  return list;
}
