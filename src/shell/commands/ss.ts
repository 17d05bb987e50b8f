/**
 * ss (iproute2 6.1) over the host's sockets. Its column layout is ss.c's render(): each column as
 * wide as its widest field plus its delimiter, Local/Peer Address right-aligned, the rest left;
 * output not on a terminal is "compact" (no spreading to the screen width), as captured from the tool.
 */
import { formatIPv4, type SocketStat } from '../../sim/index.ts';
import { getopt, has } from '../argv.ts';
import type { Command } from '../types.ts';
import { SS_USAGE } from './ss-usage.ts';

type Align = 'left' | 'right';

interface Column {
  header: string;
  ldelim: string;
  align: Align;
  disabled: boolean;
}

/** Lay out rows of fields (one per enabled column) as ss.c's render() does without a terminal. */
export function renderColumns(columns: Column[], rows: string[][]): string {
  const cols = columns.filter((c) => !c.disabled);
  const maxLen = cols.map((_, i) => Math.max(0, ...rows.map((r) => r[i]!.length)));
  let first = true;
  const width = cols.map((c, i) => {
    const w = !first && maxLen[i]! > 0 ? maxLen[i]! + c.ldelim.length : maxLen[i]!;
    if (w) first = false;
    return w;
  });
  let out = '';
  for (const row of rows) {
    let started = false;
    row.forEach((field, i) => {
      const c = cols[i]!;
      const w = width[i]!;
      let printed = 0;
      if (started) {
        out += c.ldelim;
        printed = c.ldelim.length;
      }
      started = true;
      if (w && c.align === 'right') {
        const s = w - field.length - printed;
        if (s > 0) {
          out += ' '.repeat(s);
          printed += s;
        }
      }
      out += field;
      printed += field.length;
      if (w && c.align === 'left') {
        const s = w - printed;
        if (s > 0) out += ' '.repeat(s);
      }
    });
    out += '\n';
  }
  return out;
}

const skmem = (s: SocketStat) => {
  const m = s.skmem;
  return `\n\t skmem:(r${m.r},rb${m.rb},t${m.t},tb${m.tb},f${m.f},w${m.w},o${m.o},bl${m.bl},d${m.d})`;
};

export const ss: Command = {
  name: 'ss',
  page: {
    summary: 'socket statistics',
    body: `SYNOPSIS
       ss [-t] [-u] [-a] [-l] [-m] [-n] [-H]
DESCRIPTION
       -t TCP, -u UDP, -a all states, -l listening (UNCONN for UDP), -n numeric, -H no header,
       -m socket memory: skmem:(r<rmem_alloc>,rb<rcvbuf>,t<wmem_alloc>,tb<sndbuf>,f<forward_alloc>,
          w<wmem_queued>,o<opt_mem>,bl<backlog>,d<drops>)
       For UDP, Recv-Q is r: the truesize of what waits in the receive queue.
`,
  },
  run(ctx) {
    const p = getopt('ss', ctx.argv.slice(1), [
      { short: 't', long: 'tcp' }, { short: 'u', long: 'udp' }, { short: 'a', long: 'all' }, { short: 'l', long: 'listening' },
      { short: 'm', long: 'memory' }, { short: 'n', long: 'numeric' }, { short: 'e', long: 'extended' }, { short: 'p', long: 'processes' },
      { short: 'H', long: 'no-header' }, { short: '4', long: 'ipv4' }, { short: '6', long: 'ipv6' }, { short: 'x', long: 'unix' },
      { short: 'w', long: 'raw' }, { short: 'i', long: 'info' }, { short: 'o', long: 'options' }, { short: 'r', long: 'resolve' },
      { short: 'h', long: 'help' }, { short: 'V', long: 'version' }, { short: 'O', long: 'oneline' },
    ]);
    if (p.error) return { stdout: '', stderr: `${p.error.message}\n${SS_USAGE}`, code: 255 };
    if (has(p, 'help')) return { stdout: SS_USAGE, stderr: '', code: 0 };
    if (has(p, 'version')) return { stdout: 'ss utility, iproute2-6.1.0\n', stderr: '', code: 0 };
    let tcp = has(p, 'tcp');
    let udp = has(p, 'udp');
    const onlyOther = !tcp && !udp && (has(p, 'unix') || has(p, 'raw') || has(p, 'ipv6'));
    if (!tcp && !udp) tcp = udp = !onlyOther;
    const all = has(p, 'all');
    const listening = has(p, 'listening');
    const stats = ctx.state.host.stats();
    const shown = stats.sockets.filter((s) => {
      if (s.proto === 'tcp' ? !tcp : !udp) return false;
      // UDP without a peer is UNCONN, which ss files with the listening sockets.
      const isListen = s.state === 'UNCONN';
      return all || (listening ? isListen : !isListen);
    });
    const netid = tcp && udp;
    const columns: Column[] = [
      { header: 'Netid', ldelim: '', align: 'left', disabled: !netid },
      { header: 'State', ldelim: ' ', align: 'left', disabled: false },
      { header: 'Recv-Q', ldelim: ' ', align: 'left', disabled: false },
      { header: 'Send-Q', ldelim: ' ', align: 'left', disabled: false },
      { header: 'Local Address:', ldelim: ' ', align: 'right', disabled: false },
      { header: 'Port', ldelim: '', align: 'left', disabled: false },
      { header: 'Peer Address:', ldelim: ' ', align: 'right', disabled: false },
      { header: 'Port', ldelim: '', align: 'left', disabled: false },
      { header: 'Process', ldelim: '', align: 'left', disabled: false },
      { header: '', ldelim: '', align: 'left', disabled: false },
    ];
    const rows: string[][] = [];
    if (!has(p, 'no-header')) rows.push(columns.filter((c) => !c.disabled).map((c, i, a) => (i === a.length - 1 ? '' : c.header)));
    for (const s of shown) {
      const row = [
        ...(netid ? [s.proto] : []),
        s.state,
        String(s.recvQ).padEnd(6),
        String(s.sendQ).padEnd(6),
        `${formatIPv4(s.localAddr)}:`,
        s.localPort === 0 ? '*' : String(s.localPort),
        `${formatIPv4(s.peerAddr)}:`,
        s.peerPort === 0 ? '*' : String(s.peerPort),
        has(p, 'memory') ? skmem(s) : '',
        '',
      ];
      rows.push(row);
    }
    if (rows.length === 0) return { stdout: '', stderr: '', code: 0 };
    return { stdout: renderColumns(columns, rows), stderr: '', code: 0 };
  },
};
