/**
 * The terminal on screen: xterm.js sized to its box by the fit addon (refitted when the box
 * changes size), coloured from the site's palette and recoloured when the theme changes. Copy and
 * paste work as in a desktop terminal: Ctrl+C copies when text is selected (and interrupts
 * otherwise), Ctrl+Shift+C copies, Ctrl+V and Ctrl+Shift+V paste.
 */
import { Terminal, type ITheme } from '@xterm/xterm';
import { FitAddon } from '@xterm/addon-fit';
import xtermCss from '@xterm/xterm/css/xterm.css?inline';

let cssInjected = false;

function injectCss(): void {
  if (cssInjected) return;
  cssInjected = true;
  const style = document.createElement('style');
  style.dataset.ppTerminal = '';
  style.textContent = xtermCss;
  document.head.appendChild(style);
}

/** The site's colours (CSS custom properties on <html>) as an xterm theme. */
function siteTheme(): ITheme {
  // The properties hold light-dark() pairs, which xterm cannot read: a probe's computed colour is the theme's half, as rgb().
  const probe = document.createElement('span');
  probe.hidden = true;
  document.body.append(probe);
  const v = (name: string) => {
    probe.style.color = `var(${name})`;
    return getComputedStyle(probe).color;
  };
  const green = v('--right');
  const blue = v('--accent');
  const red = v('--drop');
  const theme: ITheme = {
    background: v('--code-bg'),
    foreground: v('--fg'),
    cursor: v('--accent'),
    cursorAccent: v('--code-bg'),
    selectionBackground: v('--accent-soft'),
    selectionForeground: v('--fg'),
    black: v('--fg'),
    red,
    green,
    yellow: v('--focus'),
    blue,
    magenta: v('--link-visited'),
    cyan: blue,
    white: v('--muted'),
    brightBlack: v('--muted'),
    brightRed: red,
    brightGreen: green,
    brightYellow: v('--focus'),
    brightBlue: blue,
    brightMagenta: v('--link-visited'),
    brightCyan: blue,
    brightWhite: v('--fg'),
  };
  probe.remove();
  return theme;
}

export interface XtermView {
  readonly cols: number;
  write(text: string): void;
  focus(): void;
}

export function createXterm(container: HTMLElement, label: string, onData: (data: string) => void, onResize: (cols: number) => void): XtermView {
  injectCss();
  const term = new Terminal({
    fontFamily: getComputedStyle(document.documentElement).getPropertyValue('--font-mono').trim() || 'monospace',
    fontSize: 14,
    lineHeight: 1.15,
    cursorBlink: true,
    scrollback: 5000,
    theme: siteTheme(),
  });
  const fit = new FitAddon();
  term.loadAddon(fit);
  // xterm gets an element of its own: the fit addon sizes it to its parent's computed height, which
  // counts the parent's padding, so the parent must have none (the box's padding is outside it).
  const screen = document.createElement('div');
  screen.className = 'terminal-screen';
  container.append(screen);
  term.open(screen);
  term.textarea?.setAttribute('aria-label', label);

  const copy = () => void navigator.clipboard?.writeText(term.getSelection()).catch(() => {});
  term.attachCustomKeyEventHandler((e) => {
    if (e.type !== 'keydown') return true;
    const mod = e.ctrlKey || e.metaKey;
    const key = e.key.toLowerCase();
    if (mod && key === 'c' && (e.shiftKey || term.hasSelection())) {
      copy();
      term.clearSelection();
      return false;
    }
    // Leave Ctrl+V to the browser: its paste event reaches xterm, which sends the text as input.
    if (mod && key === 'v') return false;
    return true;
  });

  term.onData(onData);
  const refit = () => {
    if (container.clientWidth === 0) return;
    fit.fit();
    onResize(term.cols);
  };
  refit();
  new ResizeObserver(refit).observe(container);
  new MutationObserver(() => (term.options.theme = siteTheme())).observe(document.documentElement, { attributes: true, attributeFilter: ['data-theme'] });

  return {
    get cols() {
      return term.cols;
    },
    write: (text) => term.write(text),
    focus: () => term.focus(),
  };
}
