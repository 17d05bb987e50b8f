// @ts-check
import { defineConfig } from 'astro/config';
import mdx from '@astrojs/mdx';
import { monacoCssOnDemand } from './src/integrations/monaco-css.ts';
import { simTypes } from './src/integrations/sim-types.ts';

/**
 * PP_BASE: the sub-path the site is served under (e.g. PP_BASE=/packet-path/ for
 * https://example.org/packet-path/). Every internal link goes through import.meta.env.BASE_URL.
 */
/** @param {string | undefined} value */
function normaliseBase(value) {
  const trimmed = (value ?? '/').trim().replace(/^\/+|\/+$/g, '');
  return trimmed ? `/${trimmed}/` : '/';
}

/**
 * A few GitHub-theme token colours fall under WCAG AA contrast (4.5:1) on our code background;
 * this Shiki transformer swaps them for close colours that pass, per theme.
 */
/** @type {Record<string, Record<string, string>>} */
const CONTRAST_FIXES = {
  light: { '#6a737d': '#5c6570', '#d73a49': '#c42b3c', '#e36209': '#b35000' },
  dark: { '#6a737d': '#8b949e' },
};
/** @typedef {{ properties?: Record<string, unknown>, children?: HastLike[] }} HastLike */
/** @type {import('shiki').ShikiTransformer} */
const contrastTransformer = {
  name: 'packet-path-contrast',
  root(root) {
    /** @param {HastLike} node */
    const walk = (node) => {
      const style = node.properties?.style;
      if (typeof style === 'string') {
        /** @type {Record<string, unknown>} */ (node.properties).style = style.replace(/--shiki-(light|dark):(#[0-9a-fA-F]{6})\b/g, (m, /** @type {string} */ theme, /** @type {string} */ color) => {
          const fixed = CONTRAST_FIXES[theme]?.[color.toLowerCase()];
          return fixed ? `--shiki-${theme}:${fixed}` : m;
        });
      }
      for (const child of node.children ?? []) walk(child);
    };
    walk(/** @type {HastLike} */ (/** @type {unknown} */ (root)));
  },
};

/**
 * A code block whose meta says `runnable` (```console runnable) marks each command line — a line
 * that starts with a prompt, `# ` or `$ ` — with data-command; src/scripts/runnable.ts gives it
 * a button that types the command into the page's terminal.
 */
/** @type {import('shiki').ShikiTransformer} */
const runnableTransformer = {
  name: 'packet-path-runnable',
  pre(node) {
    if (/(^|\s)runnable(\s|$)/.test(this.options.meta?.__raw ?? '')) node.properties['data-runnable'] = '';
  },
  line(node, line) {
    if (!/(^|\s)runnable(\s|$)/.test(this.options.meta?.__raw ?? '')) return;
    const m = /^[#$] (.+)$/.exec(this.source.split('\n')[line - 1] ?? '');
    if (m) node.properties['data-command'] = m[1].trim();
  },
};

export default defineConfig({
  base: normaliseBase(process.env.PP_BASE),
  trailingSlash: 'ignore',
  build: { format: 'directory' },
  integrations: [mdx()],
  markdown: {
    shikiConfig: {
      // Both themes are emitted as CSS variables (--shiki-light / --shiki-dark);
      // src/styles/global.css picks one according to the site theme.
      themes: { light: 'github-light', dark: 'github-dark' },
      defaultColor: false,
      wrap: false,
      transformers: [contrastTransformer, runnableTransformer],
    },
  },
  // A build from another chapters folder (PP_CHAPTERS_DIR, used by the site's tests) keeps its
  // own content cache, so it never mixes entries with the course's chapters.
  ...(process.env.PP_CHAPTERS_DIR ? { cacheDir: `./.astro/cache-${process.env.PP_CHAPTERS_DIR.replace(/[^A-Za-z0-9]+/g, '_').slice(-80)}` } : {}),
  devToolbar: { enabled: false },
  vite: {
    plugins: [monacoCssOnDemand(), simTypes()],
    // The grading worker splits into chunks (each lab loads on demand): it must be an ES module worker.
    worker: { format: 'es' },
    build: {
      rolldownOptions: {
        // Astro's MDX modules carry a "use astro:head-inject" directive that the bundler warns
        // about once per chapter; the warning is harmless and drowns real messages.
        onwarn(warning, warn) {
          if (warning.code === 'MODULE_LEVEL_DIRECTIVE' && String(warning.message).includes('astro:head-inject')) return;
          warn(warning);
        },
      },
    },
  },
  server: { host: '127.0.0.1' },
});
