// The terminal in Chromium: the sandbox page, typing as a learner types, reading the screen.
import { test, expect, type Locator, type Page } from '@playwright/test';
import { openLab, runAndWait, setCode } from './napi-lab.ts';
import { chapterPath, watchErrors } from './site.ts';
import { LOOPS, noRefill, throwing } from '../napi-poll-mistakes.ts';
import { labFile } from '../../src/lab-runtime/node-labs.ts';

const PROMPT = 'root@packetpath:~#';

/** The terminal's text as xterm's DOM renderer shows it, one string per row. */
async function rows(term: Locator): Promise<string[]> {
  const all = await term.locator('.xterm-rows > div').evaluateAll((divs) => divs.map((d) => (d.textContent ?? '').replace(/\u00a0/g, ' ').trimEnd()));
  while (all.length && all.at(-1) === '') all.pop();
  return all;
}

async function screenText(term: Locator): Promise<string> {
  return (await rows(term)).join('\n');
}

async function openSandbox(page: Page, query = '') {
  await page.goto(`sandbox/${query}`);
  const term = page.locator('[data-sandbox-terminal]');
  await expect(term).toHaveAttribute('data-ready', '', { timeout: 15_000 });
  return term;
}

/** Type a command, press Enter, and wait until it has finished and the prompt is back. */
async function typeCommand(page: Page, term: Locator, command: string) {
  const done = Number((await term.getAttribute('data-commands')) ?? 0);
  await page.keyboard.type(command);
  await page.keyboard.press('Enter');
  await expect(term).toHaveAttribute('data-commands', String(done + 1), { timeout: 15_000 });
  await expect.poll(async () => (await rows(term)).at(-1)).toBe(PROMPT);
}

/** Type a command, and Ctrl+C it after `afterMs`: the terminal shows ^C and a new prompt. */
async function interrupt(page: Page, term: Locator, command: string, afterMs: number) {
  await page.keyboard.type(command);
  await page.keyboard.press('Enter');
  await page.waitForTimeout(afterMs);
  await page.keyboard.press('Control+C');
  await expect.poll(async () => (await rows(term)).slice(-2), { timeout: 10_000 }).toEqual(['^C', PROMPT]);
}

test('the sandbox: ethtool, a bigger ring, traffic and softnet_stat, read from the screen', async ({ page }) => {
  const errors = watchErrors(page);
  // A fresh host for this test, once (the reload below must find what the test did).
  await page.addInitScript(() => {
    if (sessionStorage.getItem('pp-test-fresh')) return;
    sessionStorage.setItem('pp-test-fresh', '1');
    localStorage.removeItem('pp-term-sandbox');
  });
  const term = await openSandbox(page);

  await typeCommand(page, term, 'ethtool -g eth0');
  let text = await screenText(term);
  expect(text).toContain(`${PROMPT} ethtool -g eth0\nRing parameters for eth0:\nPre-set maximums:\nRX:             4096`);
  expect(text).toMatch(/Current hardware settings:\nRX:\s+256/);

  await typeCommand(page, term, 'ethtool -G eth0 rx 4096');
  await typeCommand(page, term, 'run');
  text = await screenText(term);
  expect(text).toMatch(/steady: .*\n\s+ran 100 ms of traffic/);
  expect(text).toMatch(/sent\s+20000 frames/);

  await typeCommand(page, term, 'cat /proc/net/softnet_stat');
  const r = await rows(term);
  const softnet = r.slice(r.lastIndexOf(`${PROMPT} cat /proc/net/softnet_stat`) + 1, -1).join('');
  // Four CPUs, 15 hex columns each (the rows wrap on screen); the first column counts packets processed.
  const cpus = softnet.match(/([0-9a-f]{8} ){14}[0-9a-f]{8}/g) ?? [];
  expect(cpus).toHaveLength(4);
  const processed = cpus.reduce((sum, row) => sum + parseInt(row.slice(0, 8), 16), 0);
  // What the CPUs processed is what the driver passed up (a few frames were still in the ring at the end).
  await typeCommand(page, term, 'cat /sys/class/net/eth0/statistics/rx_packets');
  expect((await rows(term)).at(-2)).toBe(String(processed));
  expect(processed).toBeGreaterThan(19_900);

  // The ring is still 4096 after a reload: the host is rebuilt from the commands that made it.
  await page.reload();
  const again = page.locator('[data-sandbox-terminal]');
  await expect(again).toHaveAttribute('data-ready', '', { timeout: 15_000 });
  await expect.poll(async () => (await rows(again)).join('\n')).toContain('Restoring your host: replaying 5 commands');
  await typeCommand(page, again, 'ethtool -g eth0 | grep -A1 Current');
  expect((await rows(again)).slice(-3)).toEqual(['Current hardware settings:', 'RX:             4096', PROMPT]);
  expect(errors).toEqual([]);
});

/** How far the terminal's last row reaches below the inside of its box, in CSS pixels (0 or less: it shows whole). */
function lastRowOverflow(term: Locator): Promise<number> {
  return term.evaluate((box) => {
    const rowsEl = box.querySelectorAll('.xterm-rows > div');
    const last = rowsEl[rowsEl.length - 1]!.getBoundingClientRect();
    return last.bottom - (box.getBoundingClientRect().bottom - parseFloat(getComputedStyle(box).borderBottomWidth));
  });
}

test("every row of a terminal shows whole inside its box: the sandbox's and a lab's", async ({ page }) => {
  const sandbox = await openSandbox(page);
  expect(await lastRowOverflow(sandbox)).toBeLessThanOrEqual(0);
  const { term } = await freshNapiLab(page);
  expect(await lastRowOverflow(term)).toBeLessThanOrEqual(0);
});

test('Tab completes a sysctl name; Up recalls the last command; Ctrl+C stops a long run', async ({ page }) => {
  const term = await openSandbox(page);
  await page.keyboard.type('sysctl net.core.netdev_b');
  await page.keyboard.press('Tab');
  await expect.poll(async () => (await rows(term)).at(-1)).toContain(`${PROMPT} sysctl net.core.netdev_budget`);
  await page.keyboard.press('Enter');
  await expect.poll(() => screenText(term)).toContain('net.core.netdev_budget = 300');

  await page.keyboard.press('ArrowUp');
  await expect.poll(async () => (await rows(term)).filter((l) => l.startsWith(PROMPT)).at(-1)).toBe(`${PROMPT} sysctl net.core.netdev_budget`);
  await page.keyboard.press('Control+U');

  await interrupt(page, term, 'run ring-overflow --duration 10s', 300);
  // The page never froze, and the shell still answers.
  await typeCommand(page, term, 'nproc');
  expect((await rows(term)).at(-2)).toBe('4');
});

test('a runnable command in a chapter types into its lab terminal', async ({ page }) => {
  await page.goto(chapterPath('12-where-did-my-packets-go'));
  await page.evaluate(() => localStorage.removeItem('pp-term-lab-find-the-drops'));
  const lab = page.locator('section.lab[data-lab="find-the-drops"]');
  await page.getByRole('button', { name: 'Run ethtool -S eth0 | grep -E \'missed|no_buffer|drops\' in the terminal' }).click();
  const term = lab.locator('[data-lab-terminal]');
  await expect.poll(() => screenText(term), { timeout: 15_000 }).toContain('rx_missed_errors: 0');
});

test('the find-the-drops lab grades the host as the terminal left it', async ({ page }) => {
  await page.goto(chapterPath('12-where-did-my-packets-go'));
  await page.evaluate(() => localStorage.removeItem('pp-term-lab-find-the-drops'));
  const lab = page.locator('section.lab[data-lab="find-the-drops"]');
  await lab.locator('[data-lab-open]').click();
  const term = lab.locator('[data-lab-terminal]');
  await expect.poll(() => screenText(term), { timeout: 15_000 }).toContain(PROMPT);
  await term.click();

  await typeCommand(page, term, 'run bursts');
  expect(await screenText(term)).toMatch(/rx_missed_errors \(in the NIC\)[\s\S]*CPU_BACKLOG in enqueue_to_backlog/);
  await typeCommand(page, term, 'ethtool -G eth0 rx 4096');
  await lab.locator('[data-lab-run]').click();
  await expect(lab.locator('li[data-check="nic"]')).toHaveAttribute('data-state', 'pass', { timeout: 15_000 });
  await expect(lab.locator('li[data-check="backlog"]')).toHaveAttribute('data-state', 'fail');
  await expect(lab.locator('li[data-check="backlog"] [data-check-message]')).toContainText('netdev_max_backlog is 300');

  await term.click();
  await typeCommand(page, term, 'sysctl -w net.core.netdev_max_backlog=2000');
  await lab.locator('[data-lab-run]').click();
  await expect(lab.locator('[data-lab-score]')).toHaveText('4 / 4', { timeout: 15_000 });

  // Show solution (it asks first) lists the reference commands, each with a button that types it.
  page.once('dialog', (d) => void d.accept());
  await lab.locator('[data-lab-solution]').click();
  const shown = lab.locator('[data-lab-solution-text]');
  for (const command of labFile('find-the-drops', 'solution.sh').split('\n').filter((l) => l && !l.startsWith('#'))) {
    await expect(shown.getByRole('button', { name: `Run ${command} in the terminal` })).toBeVisible();
  }
});

for (const theme of ['light', 'dark'] as const) {
  test(`the sandbox in the ${theme} theme (screenshot)`, async ({ page }) => {
    await page.setViewportSize({ width: 1280, height: 900 });
    await page.addInitScript((t) => {
      localStorage.setItem('pp-theme', t);
      localStorage.removeItem('pp-term-sandbox');
    }, theme);
    const term = await openSandbox(page);
    await typeCommand(page, term, 'ethtool -G eth0 rx 4096');
    await typeCommand(page, term, 'run ring-overflow');
    await typeCommand(page, term, 'head -2 /proc/net/softnet_stat');
    await page.screenshot({ path: `test-results/screenshots/sandbox-${theme}.png` });
    // The terminal takes the site's colours: its background is a code block's, in either theme.
    const [bg, codeBg] = await page.evaluate(() => {
      const code = document.createElement('pre');
      document.body.append(code);
      return [getComputedStyle(document.querySelector('[data-sandbox-terminal] .xterm-scrollable-element')!).backgroundColor, getComputedStyle(code).backgroundColor];
    });
    expect(bg).toBe(codeBg);
    expect(bg).toBe(theme === 'light' ? 'rgb(244, 242, 237)' : 'rgb(24, 28, 34)');
  });
}

test('a runnable command in a chapter without a lab opens the sandbox and runs there', async ({ page, context }) => {
  await page.goto(chapterPath('03-dma-ring'));
  const popup = context.waitForEvent('page');
  await page.getByRole('button', { name: 'Run ethtool -G eth0 rx 4096 in the terminal' }).click();
  const sandbox = await popup;
  const term = sandbox.locator('[data-sandbox-terminal]');
  await expect(term).toHaveAttribute('data-commands', /\d+/, { timeout: 15_000 });
  await expect.poll(() => screenText(term)).toContain(`${PROMPT} ethtool -G eth0 rx 4096`);
  // The command is typed once: the address loses its ?run= so a reload does not type it again.
  expect(new URL(sandbox.url()).search).toBe('');
});

test('a paste of several lines runs each; the terminal follows a theme switch', async ({ page }) => {
  await page.addInitScript(() => localStorage.setItem('pp-theme', 'light'));
  const term = await openSandbox(page);
  await page.context().grantPermissions(['clipboard-read', 'clipboard-write']);
  await page.evaluate(() => navigator.clipboard.writeText('sysctl -w net.core.netdev_budget=600\nsysctl net.core.netdev_budget\n'));
  const done = Number((await term.getAttribute('data-commands')) ?? 0);
  await page.keyboard.press('ControlOrMeta+V');
  await expect(term).toHaveAttribute('data-commands', String(done + 2), { timeout: 15_000 });
  expect((await rows(term)).slice(-5, -1)).toEqual([`${PROMPT} sysctl -w net.core.netdev_budget=600`, 'net.core.netdev_budget = 600', `${PROMPT} sysctl net.core.netdev_budget`, 'net.core.netdev_budget = 600']);

  const background = () => page.evaluate(() => getComputedStyle(document.querySelector('[data-sandbox-terminal] .xterm-scrollable-element')!).backgroundColor);
  const light = await background();
  await page.locator('.theme-toggle').click();
  await expect.poll(background).not.toBe(light);
});

// A code lab's terminal runs the learner's function once they press Run.
const DROPS = "ethtool -S eth0 | grep -E 'rx_queue_[0-9]+_drops'";

/** What the last command printed, one string per row. */
async function lastOutput(term: Locator): Promise<string[]> {
  const r = await rows(term);
  return r.slice(r.findLastIndex((l) => l.startsWith(`${PROMPT} `)) + 1, -1);
}
const sumDrops = (lines: string[]) => lines.reduce((sum, l) => sum + Number(/rx_queue_\d+_drops: (\d+)/.exec(l)?.[1] ?? NaN), 0);

/** The napi-poll lab with its saved code and terminal gone (once per test: a reload finds what the test did). */
async function freshNapiLab(page: Page) {
  await page.addInitScript(() => {
    if (sessionStorage.getItem('pp-test-fresh')) return;
    sessionStorage.setItem('pp-test-fresh', '1');
    localStorage.removeItem('pp-lab-napi-poll');
    localStorage.removeItem('pp-term-lab-napi-poll');
  });
  const lab = await openLab(page);
  return { lab, term: await labTerminal(lab) };
}

/** The lab's terminal, in view (xterm draws nothing off screen), once its first prompt shows. */
async function labTerminal(lab: Locator): Promise<Locator> {
  const term = lab.locator('[data-lab-terminal]');
  await term.scrollIntoViewIfNeeded();
  await expect.poll(() => screenText(term), { timeout: 15_000 }).toContain(PROMPT);
  return term;
}

/** Put `code` in the editor, press Run, and wait until the terminal's host runs it. */
async function runCode(page: Page, lab: Locator, term: Locator, code: string) {
  await setCode(page, lab, code);
  await runAndWait(page, lab);
  await expect.poll(() => screenText(term), { timeout: 15_000 }).toContain('This host now runs your igb_poll, from your last Run.');
  await term.click();
  await expect.poll(async () => (await rows(term)).at(-1)).toBe(PROMPT);
}

test("after Run the lab's terminal runs the learner's poll: one that never refills drops what the kernel's does not, and a reload keeps it", async ({ page }) => {
  const errors = watchErrors(page);
  await page.setViewportSize({ width: 1280, height: 1000 });
  const { lab, term } = await freshNapiLab(page);
  expect(await screenText(term)).toContain("This host runs the kernel's igb_poll; press Run and it runs yours.\nType help for the tools.\nrun steady or run overload sends the lab's traffic.");
  await term.click();
  await typeCommand(page, term, 'run steady');
  await typeCommand(page, term, DROPS);
  const kernel = await lastOutput(term);
  expect(kernel.length).toBeGreaterThan(0);
  expect(sumDrops(kernel)).toBe(0);

  await runCode(page, lab, term, noRefill());
  // The commands typed before were replayed on the learner's poll.
  expect(await screenText(term)).toContain('Replaying your 2 commands on your igb_poll…');
  await page.screenshot({ path: 'test-results/screenshots/napi-poll-terminal-after-run.png' });
  await typeCommand(page, term, 'run steady');
  expect(await screenText(term)).toMatch(/dropped\s+[1-9]\d*\n(\s+\d+\s+rx_queue_\d+_drops \(in the NIC\)\n)+/);
  await typeCommand(page, term, DROPS);
  const learner = await lastOutput(term);
  expect(learner.length).toBe(kernel.length);
  expect(sumDrops(learner)).toBeGreaterThan(0);
  expect(errors).toEqual([]);

  // A reload boots the same host: the same poll, the same counters.
  const again = await labTerminal(await openLab(page));
  expect(await screenText(again)).toContain('This host runs your igb_poll, from your last Run.');
  await again.click();
  await typeCommand(page, again, DROPS);
  expect(await lastOutput(again)).toEqual(learner);
});

test("a poll that throws: the terminal's command names the function and the exception, and the host is as before it", async ({ page }) => {
  const { lab, term } = await freshNapiLab(page);
  await runCode(page, lab, term, throwing());
  await typeCommand(page, term, 'run steady');
  // (Rows joined as they wrap.)
  const said = (await lastOutput(term)).join('');
  expect(said).toMatch(/^Your igb_poll threw RangeError: bad skb \(line \d+, column \d+\)\./);
  expect(said).toContain('The command stopped there; the host is as it was before it.');
  await typeCommand(page, term, 'cat /sys/class/net/eth0/statistics/rx_packets');
  expect(await lastOutput(term)).toEqual(['0']);
});

test('a poll that never returns: Ctrl+C stops the command, and neither the terminal nor a reload hangs on it', async ({ page }) => {
  const { lab, term } = await freshNapiLab(page);
  await runCode(page, lab, term, LOOPS);
  await interrupt(page, term, 'run steady', 500);
  await typeCommand(page, term, 'nproc');
  expect(await lastOutput(term)).toEqual(['4']);

  const again = await labTerminal(await openLab(page));
  expect(await screenText(again)).toContain('This host runs your igb_poll, from your last Run.');
  expect((await rows(again)).at(-1)).toBe(PROMPT);
});
