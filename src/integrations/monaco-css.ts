/**
 * Monaco's modules import their own CSS. Left alone, Astro hoists the CSS of dynamically imported
 * chunks into every page's head (astro issue #9495), so ~180 KB of editor CSS would load on pages
 * whose lab is never opened. This plugin turns each such import into an `?inline` string that is
 * injected into the document when the module runs, i.e. when the lab opens.
 */
import type { Plugin } from 'vite';

const CSS_IMPORT = /^import\s+['"]([^'"]+\.css)['"];?\s*$/gm;

export function monacoCssOnDemand(): Plugin {
  return {
    name: 'packet-path:monaco-css-on-demand',
    enforce: 'pre',
    transform(code, id) {
      if (!/[\\/]node_modules[\\/](monaco-editor|@xterm)[\\/].*\.js$/.test(id) || !code.includes('.css')) return null;
      let i = 0;
      const out = code.replace(CSS_IMPORT, (_m, path: string) => {
        const name = `__ppCss${i++}`;
        return `import ${name} from '${path}?inline';\n__ppInjectCss(${name});`;
      });
      if (i === 0) return null;
      const helper = `const __ppInjectCss = (css) => { if (typeof document === 'undefined') return; const s = document.createElement('style'); s.dataset.ppLab = ''; s.textContent = css; document.head.appendChild(s); };\n`;
      return { code: helper + out, map: null };
    },
  };
}
