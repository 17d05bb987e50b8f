// The terminal without a browser: keys go into the session as xterm would send them, the session's
// output goes into a headless xterm, and the tests read the screen a learner would read.
import { Terminal } from '@xterm/headless';
import { describe, expect, it } from 'vitest';
import { appendToLog } from '../../../src/components/terminal/command-log.ts';
import { columns, commonPrefix } from '../../../src/components/terminal/line-editor.ts';
import { TerminalSession, type ShellBackend } from '../../../src/components/terminal/session.ts';
import { createShell, type Output } from '../../../src/shell/index.ts';

const KEY = { up: '\x1b[A', down: '\x1b[B', left: '\x1b[D', right: '\x1b[C', home: '\x1b[H', end: '\x1b[F', backspace: '\x7f', tab: '\t', enter: '\r', ctrlC: '\x03', ctrlL: '\x0c', ctrlU: '\x15', ctrlW: '\x17' };

/** A session on an in-process shell; `slow` commands wait until released, as a long `run` would. */
function setup(opts: { cols?: number; history?: string[] } = {}) {
  const cols = opts.cols ?? 80;
  const term = new Terminal({ cols, rows: 30, allowProposedApi: true });
  const shell = createShell();
  const executed: string[] = [];
  let interrupts = 0;
  let release: ((out?: Output) => void) | null = null;
  const backend: ShellBackend = {
    exec: (line) => {
      executed.push(line);
      if (line.startsWith('slow')) return new Promise<Output>((resolve) => (release = (out = { stdout: 'done\n', stderr: '', code: 0 }) => resolve(out)));
      return Promise.resolve(shell.exec(line));
    },
    complete: (line, cursor) => Promise.resolve(shell.complete(line, cursor)),
    // As the worker's shell does: an interrupted command answers nothing, with bash's status for SIGINT.
    interrupt: () => {
      interrupts++;
      release?.({ stdout: '', stderr: '', code: 130 });
    },
  };
  let pending = Promise.resolve();
  const session = new TerminalSession({ backend, cols, history: opts.history, write: (t) => void (pending = pending.then(() => new Promise((r) => term.write(t, r)))) });
  void session.foreground(async () => '');
  /** Feed keys, let commands and completions settle, and wait for the screen to catch up. */
  const keys = async (...data: string[]) => {
    for (const d of data) {
      session.feed(d);
      await new Promise((r) => setTimeout(r, 0));
    }
    await new Promise((r) => setTimeout(r, 0));
    await pending;
  };
  /** The screen's lines, a line the terminal wrapped joined again. */
  const screen = () => {
    const b = term.buffer.active;
    const lines: string[] = [];
    for (let i = 0; i < b.length; i++) {
      const row = b.getLine(i)!;
      if (row.isWrapped && lines.length) lines[lines.length - 1] += row.translateToString(true);
      else lines.push(row.translateToString(true));
    }
    while (lines.length && lines.at(-1) === '') lines.pop();
    return lines;
  };
  const cursor = () => ({ x: term.buffer.active.cursorX, y: term.buffer.active.cursorY + term.buffer.active.baseY });
  return { term, session, shell, executed, keys, screen, cursor, release: () => release?.(), interrupts: () => interrupts };
}

const PROMPT = 'root@packetpath:~# ';

describe('the terminal session', () => {
  it('runs a command and prints its output under it, then a new prompt', async () => {
    const t = setup();
    await t.keys('ethtool -g eth0', KEY.enter);
    const s = t.screen();
    expect(s[0]).toBe(PROMPT + 'ethtool -g eth0');
    expect(s[1]).toBe('Ring parameters for eth0:');
    expect(s).toContain('RX:             256');
    expect(s.at(-1)).toBe(PROMPT);
  });

  it('changes the host the next command sees', async () => {
    const t = setup();
    await t.keys('ethtool -G eth0 rx 4096\r', 'ethtool -g eth0\r');
    expect(t.shell.host.adapter.rx_ring_count).toBe(4096);
    expect(t.screen().filter((l) => l.startsWith('RX:'))).toEqual(['RX:             4096', 'RX:             4096']);
  });

  it('edits in the middle of the line and redraws it', async () => {
    const t = setup();
    await t.keys('ethtol -S eth0', KEY.home, ...Array(5).fill(KEY.right), 'o', KEY.end, KEY.backspace, '0');
    expect(t.session.editor.text).toBe('ethtool -S eth0');
    expect(t.screen().at(-1)).toBe(PROMPT + 'ethtool -S eth0');
    expect(t.cursor().x).toBe(PROMPT.length + 'ethtool -S eth0'.length);
    await t.keys(KEY.ctrlW);
    expect(t.screen().at(-1)).toBe(PROMPT + 'ethtool -S ');
    await t.keys(KEY.ctrlU);
    expect(t.screen().at(-1)).toBe(PROMPT);
  });

  it('recalls earlier lines with Up and Down, and keeps the line being typed', async () => {
    const t = setup({ history: ['nproc'] });
    await t.keys('uname -r\r', 'sysctl net.core.netdev_bu', KEY.up);
    expect(t.session.editor.text).toBe('uname -r');
    await t.keys(KEY.up, KEY.up);
    expect(t.session.editor.text).toBe('nproc');
    await t.keys(KEY.down, KEY.down);
    expect(t.session.editor.text).toBe('sysctl net.core.netdev_bu');
    expect(t.screen().at(-1)).toBe(PROMPT + 'sysctl net.core.netdev_bu');
  });

  it('completes a sysctl name with Tab', async () => {
    const t = setup();
    await t.keys('sysctl net.core.netdev_b', KEY.tab);
    expect(t.session.editor.text).toBe('sysctl net.core.netdev_budget');
    // Two names share the prefix: a second Tab lists both and redraws the line under them.
    await t.keys(KEY.tab);
    const s = t.screen();
    expect(s.at(-2)).toMatch(/net\.core\.netdev_budget\s+net\.core\.netdev_budget_usecs/);
    expect(s.at(-1)).toBe(PROMPT + 'sysctl net.core.netdev_budget');
    await t.keys('_u', KEY.tab);
    expect(t.session.editor.text).toBe('sysctl net.core.netdev_budget_usecs ');
  });

  it('completes commands and paths', async () => {
    const t = setup();
    await t.keys('eth', KEY.tab);
    expect(t.session.editor.text).toBe('ethtool ');
    await t.keys(KEY.ctrlU, 'cat /proc/net/softn', KEY.tab);
    expect(t.session.editor.text).toBe('cat /proc/net/softnet_stat ');
  });

  it('abandons the line on Ctrl+C, and interrupts a running command', async () => {
    const t = setup();
    await t.keys('ethtool -S', KEY.ctrlC);
    expect(t.screen().slice(-2)).toEqual([PROMPT + 'ethtool -S^C', PROMPT]);
    expect(t.executed).toEqual([]);
    await t.keys('slow run\r', 'typed ahead', KEY.ctrlC);
    // The interrupted command prints nothing; what was typed during it is dropped, as bash drops it.
    expect(t.screen().slice(-2)).toEqual(['^C', PROMPT]);
    expect(t.executed).toEqual(['slow run']);
  });

  it('keeps type-ahead for the next prompt', async () => {
    const t = setup();
    await t.keys('slow\r', 'nproc\r');
    expect(t.executed).toEqual(['slow']);
    t.release();
    await t.keys();
    expect(t.executed).toEqual(['slow', 'nproc']);
    expect(t.screen().slice(-4)).toEqual(['done', PROMPT + 'nproc', '4', PROMPT]);
  });

  it('runs each line of a paste, in order', async () => {
    const t = setup();
    await t.keys('ethtool -G eth0 rx 1024\r\nsysctl -w net.core.netdev_budget=600\nsysctl net.core.netdev_budget\r');
    expect(t.executed).toEqual(['ethtool -G eth0 rx 1024', 'sysctl -w net.core.netdev_budget=600', 'sysctl net.core.netdev_budget']);
    expect(t.screen()).toContain('net.core.netdev_budget = 600');
  });

  it('clears the screen on Ctrl+L and on clear, keeping the line', async () => {
    const t = setup();
    await t.keys('nproc\r', 'uname', KEY.ctrlL);
    expect(t.screen().filter((l) => l !== '')).toEqual([PROMPT + 'uname']);
    await t.keys(KEY.ctrlU, 'clear\r');
    expect(t.screen().filter((l) => l !== '')).toEqual([PROMPT]);
  });

  it('redraws a line longer than the terminal is wide', async () => {
    const t = setup({ cols: 30 });
    const line = 'echo 4096 > /sys/class/net/eth0/queues/rx-0/rps_flow_cnt';
    await t.keys(line, KEY.home, KEY.right, KEY.backspace, 'e');
    expect(t.session.editor.text).toBe(line);
    expect(t.screen()).toEqual([PROMPT + line]);
    expect(t.cursor()).toEqual({ x: PROMPT.length + 1, y: 0 });
  });

  it("prints the page's own work in place of the prompt, and gives back the line being typed", async () => {
    const t = setup();
    await t.keys('nproc\r', 'ethtool -S eth', KEY.left);
    await t.session.foreground(async () => 'This host now runs your igb_poll, from your last Run.\n');
    await t.keys();
    expect(t.screen().slice(-3)).toEqual(['4', 'This host now runs your igb_poll, from your last Run.', PROMPT + 'ethtool -S eth']);
    expect(t.cursor().x).toBe(PROMPT.length + 'ethtool -S et'.length);
    await t.keys(KEY.end, '0', KEY.enter);
    expect(t.executed).toEqual(['nproc', 'ethtool -S eth0']);
  });

  it("lets Ctrl+C interrupt the page's work on the host; keys typed meanwhile wait for the prompt", async () => {
    const t = setup();
    let finish: (text: string) => void = () => {};
    const work = t.session.foreground((say) => {
      say('Replaying your 2 commands…\n');
      return new Promise<string>((resolve) => (finish = resolve));
    });
    await t.keys('nproc\r', KEY.ctrlC);
    expect(t.interrupts()).toBe(1);
    expect(t.executed).toEqual([]);
    finish("Left out 'run steady': interrupted with Ctrl+C.\n");
    await work;
    await t.keys();
    expect(t.screen().slice(-4)).toEqual(['Replaying your 2 commands…', '^C', "Left out 'run steady': interrupted with Ctrl+C.", PROMPT]);
    // Ctrl+C dropped what was typed ahead, as it does during a command.
    expect(t.executed).toEqual([]);
  });

  it('types a command from the prose as if the learner had', async () => {
    const t = setup();
    t.session.type('cat /proc/net/softnet_stat');
    await t.keys();
    expect(t.executed).toEqual(['cat /proc/net/softnet_stat']);
    // One row per CPU, 15 hex columns on 6.18, as the real file has.
    expect(t.screen()[1]).toMatch(/^[0-9a-f]{8}( [0-9a-f]{8}){14}$/);
  });
});

describe('the line editor helpers', () => {
  it('finds the common prefix and lays candidates out in columns', () => {
    expect(commonPrefix(['net.core.rmem_max', 'net.core.rmem_default'])).toBe('net.core.rmem_');
    expect(commonPrefix([])).toBe('');
    expect(columns(['a', 'bb', 'ccc'], 80)).toBe('a    bb   ccc\r\n');
    expect(columns(['aaaa', 'bbbb', 'cccc'], 12)).toBe('aaaa  cccc\r\nbbbb\r\n');
  });
});

describe('the command log', () => {
  const ok: Output = { stdout: '', stderr: '', code: 0 };
  it('keeps every command, and starts again at a reset that worked', () => {
    let log = appendToLog([], 'ethtool -G eth0 rx 1024', ok);
    log = appendToLog(log, 'run', ok);
    expect(log).toEqual(['ethtool -G eth0 rx 1024', 'run']);
    expect(appendToLog(log, 'reset bursts', ok)).toEqual(['reset bursts']);
    expect(appendToLog(log, 'reset nosuch', { ...ok, code: 2 })).toEqual([...log, 'reset nosuch']);
    expect(appendToLog(log, 'reset; ethtool -G eth0 rx 64', ok)).toHaveLength(3);
  });
});
