/**
 * npm run js-weight (run by npm run build after astro + pagefind): the JavaScript each page of
 * dist/ ships before any lab is opened, gzipped — its <script> tags (inline and src) and their
 * static imports, followed recursively; dynamic import() chunks (a lab's editor, the search UI)
 * are not counted, since they load only when asked for. The budget is 50 KB gzipped per page;
 * the browser tests assert it (tests/e2e/js-weight.spec.ts). `--json` prints the numbers as JSON,
 * `--strict` exits non-zero when a page is over budget.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';

export const LIMIT_BYTES = 50 * 1024;
const root = resolve(import.meta.dirname, '..');
const dist = join(root, 'dist');

function htmlFiles(dir: string): string[] {
  return readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .filter((f) => f.endsWith('.html') && !f.startsWith('pagefind'))
    .map((f) => join(dir, f))
    .sort();
}

/** Maps a URL path in the site (with the base) to a file in dist/. */
function fileFor(src: string, base: string, fromFile: string): string | null {
  if (/^(https?:)?\/\//.test(src)) return null;
  let p: string;
  if (src.startsWith('/')) p = join(dist, src.startsWith(base) ? src.slice(base.length) : src);
  else p = resolve(dirname(fromFile), src);
  p = p.split(/[?#]/)[0]!;
  return existsSync(p) ? p : null;
}

const STATIC_IMPORT = /(?:^|[;\s}])(?:import|export)\s*(?:[\w*${}\s,]+from\s*)?["']([^"']+)["']/g;

export interface PageWeight {
  page: string;
  bytes: number;
  files: string[];
}

export function measure(base = '/'): PageWeight[] {
  if (!existsSync(dist)) throw new Error('dist/ is missing: run npm run build');
  const gz = (s: string | Buffer) => gzipSync(s).length;
  const out: PageWeight[] = [];
  for (const file of htmlFiles(dist)) {
    const html = readFileSync(file, 'utf8');
    let bytes = 0;
    const files: string[] = [];
    const seen = new Set<string>();
    const visit = (path: string) => {
      if (seen.has(path)) return;
      seen.add(path);
      const code = readFileSync(path, 'utf8');
      bytes += gz(code);
      files.push(relative(dist, path));
      for (const m of code.matchAll(STATIC_IMPORT)) {
        const dep = fileFor(m[1]!, base, path);
        if (dep) visit(dep);
      }
    };
    for (const m of html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/g)) {
      const attrs = m[1] ?? '';
      if (/type=["']?application\/(ld\+)?json/.test(attrs)) continue;
      const src = /\bsrc=["']([^"']+)["']/.exec(attrs)?.[1];
      if (src) {
        const f = fileFor(src, base, file);
        if (f) visit(f);
      } else if (m[2]?.trim()) {
        bytes += gz(m[2]);
        for (const i of m[2].matchAll(STATIC_IMPORT)) {
          const dep = fileFor(i[1]!, base, file);
          if (dep) visit(dep);
        }
      }
    }
    for (const m of html.matchAll(/<link\b[^>]*rel=["']modulepreload["'][^>]*href=["']([^"']+)["']/g)) {
      const f = fileFor(m[1]!, base, file);
      if (f) visit(f);
    }
    out.push({ page: '/' + relative(dist, file).replace(/index\.html$/, ''), bytes, files });
  }
  return out;
}

if (import.meta.main) {
  const baseArg = process.env.PP_BASE ? `/${process.env.PP_BASE.replace(/^\/+|\/+$/g, '')}/`.replace('//', '/') : '/';
  const pages = measure(baseArg);
  if (process.argv.includes('--json')) {
    console.log(JSON.stringify(pages, null, 2));
  } else {
    console.log(`\nJavaScript per page before any lab is opened (gzipped; budget ${LIMIT_BYTES / 1024} KB):`);
    const w = Math.max(...pages.map((p) => p.page.length));
    for (const p of pages) {
      const kb = (p.bytes / 1024).toFixed(1).padStart(6);
      console.log(`  ${p.page.padEnd(w)}  ${kb} KB  ${p.bytes > LIMIT_BYTES ? 'OVER BUDGET' : ''}`.trimEnd());
    }
  }
  const over = pages.filter((p) => p.bytes > LIMIT_BYTES);
  if (over.length) {
    console.error(`${over.length} page(s) over the ${LIMIT_BYTES / 1024} KB budget: ${over.map((p) => p.page).join(', ')}`);
    if (process.argv.includes('--strict')) process.exit(1);
  }
}
