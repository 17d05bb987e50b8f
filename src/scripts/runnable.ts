/**
 * Runnable commands in the prose: a code block marked `runnable` gets a button on each command
 * line. The button types the command into the page's terminal (a lab's, opening the lab if need
 * be, or the sandbox's); on a page with no terminal it opens the sandbox, in one reused tab.
 */
export const TYPE_COMMAND = 'pp:type-command';

function run(command: string, sandboxUrl: string): void {
  const target = document.querySelector<HTMLElement>('[data-terminal-target]');
  if (target) {
    target.scrollIntoView({ behavior: 'smooth', block: 'center' });
    target.dispatchEvent(new CustomEvent(TYPE_COMMAND, { detail: command }));
    return;
  }
  window.open(`${sandboxUrl}?run=${encodeURIComponent(command)}`, 'pp-sandbox');
}

/** Give each `[data-command]` line under `root` its button (once). */
export function enhanceRunnable(root: ParentNode, sandboxUrl = document.documentElement.dataset.sandbox ?? '/sandbox/'): void {
  root.querySelectorAll<HTMLElement>('[data-command]').forEach((line) => {
    if (line.querySelector('.run-command')) return;
    const command = line.dataset.command!;
    const button = document.createElement('button');
    button.type = 'button';
    button.className = 'run-command';
    button.textContent = 'Run ▸';
    button.title = 'Type this command into the terminal';
    button.setAttribute('aria-label', `Run ${command} in the terminal`);
    button.addEventListener('click', () => run(command, sandboxUrl));
    line.append(button);
  });
}
