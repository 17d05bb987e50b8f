/** ip (iproute2 6.1): `ip [-s [-s]] link [show [dev] NAME]` and `ip addr`, with 6.x's sized columns. */
import { formatIPv4, type Host, type NetdevStats } from '../../sim/index.ts';
import { ZERO_NETDEV } from '../proc/netdev.ts';
import type { Command, Completer, Output } from '../types.ts';

interface Link {
  index: number;
  name: string;
  header: string;
  l2: string;
  stats: NetdevStats;
  inet?: string;
}

function links(host: Host): Link[] {
  const dev = host.dev;
  const up = dev.running;
  return [
    {
      index: 1,
      name: 'lo',
      header: 'lo: <LOOPBACK,UP,LOWER_UP> mtu 65536 qdisc noqueue state UNKNOWN',
      l2: 'link/loopback 00:00:00:00:00:00 brd 00:00:00:00:00:00',
      stats: ZERO_NETDEV,
      inet: '    inet 127.0.0.1/8 scope host lo\n       valid_lft forever preferred_lft forever\n',
    },
    {
      index: dev.ifindex,
      name: dev.name,
      header: `${dev.name}: <BROADCAST,MULTICAST${up ? ',UP,LOWER_UP' : ''}> mtu ${dev.mtu} qdisc mq state ${up ? 'UP' : 'DOWN'}`,
      l2: `link/ether ${dev.mac} brd ff:ff:ff:ff:ff:ff`,
      stats: host.stats().nic.netdev,
      inet: `    inet ${formatIPv4(dev.ipv4)}/${dev.prefixLen} brd ${formatIPv4((dev.ipv4 | (0xffffffff >>> dev.prefixLen)) >>> 0)} scope global ${dev.name}\n       valid_lft forever preferred_lft forever\n`,
    },
  ];
}

const digits = (v: number) => String(v).length;

/** ipaddress.c print_link_stats64: column widths from the largest value, shared by RX and TX. */
export function linkStats(s: NetdevStats, level: number): string {
  const cols = [10, 7, 6, 7, 7, 7, 10];
  const size = (...vals: number[]) => vals.forEach((v, i) => (cols[i] = Math.max(cols[i]!, digits(v))));
  size(s.rx_bytes, s.rx_packets, s.rx_errors, s.rx_dropped, s.rx_missed_errors, s.multicast, s.rx_compressed);
  if (level > 1) size(0, s.rx_length_errors, s.rx_crc_errors, s.rx_frame_errors, s.rx_fifo_errors, s.rx_over_errors, s.rx_nohandler);
  size(s.tx_bytes, s.tx_packets, s.tx_errors, s.tx_dropped, s.tx_carrier_errors, s.collisions, s.tx_compressed);
  if (level > 1) size(0, 0, s.tx_aborted_errors, s.tx_fifo_errors, s.tx_window_errors, s.tx_heartbeat_errors, 0);
  const [c0, c1, c2, c3, c4, c5, c6] = cols as [number, number, number, number, number, number, number];
  const num = (w: number, v: number) => `${String(v).padStart(w)} `;
  const hdr = (w: number, t: string) => t.padStart(w);
  let out = `    RX: ${hdr(c0 - 4, 'bytes')} ${hdr(c1, 'packets')} ${hdr(c2, 'errors')} ${hdr(c3, 'dropped')} ${hdr(c4, 'missed')} ${hdr(c5, 'mcast')} ${hdr(c6, s.rx_compressed ? 'compressed' : '')}\n`;
  out += `    ${num(c0, s.rx_bytes)}${num(c1, s.rx_packets)}${num(c2, s.rx_errors)}${num(c3, s.rx_dropped)}${num(c4, s.rx_missed_errors)}${num(c5, s.multicast)}${s.rx_compressed ? num(c6, s.rx_compressed) : ''}\n`;
  if (level > 1) {
    out += `    RX errors:${' '.repeat(c0 - 10)} ${hdr(c1, 'length')} ${hdr(c2, 'crc')} ${hdr(c3, 'frame')} ${hdr(c4, 'fifo')} ${hdr(c5, 'overrun')}${s.rx_nohandler ? ` ${hdr(c6, 'nohandler')}` : ''}\n`;
    out += `${' '.repeat(c0 + 5)}${num(c1, s.rx_length_errors)}${num(c2, s.rx_crc_errors)}${num(c3, s.rx_frame_errors)}${num(c4, s.rx_fifo_errors)}${num(c5, s.rx_over_errors)}${s.rx_nohandler ? num(c6, s.rx_nohandler) : ''}\n`;
  }
  out += `    TX: ${hdr(c0 - 4, 'bytes')} ${hdr(c1, 'packets')} ${hdr(c2, 'errors')} ${hdr(c3, 'dropped')} ${hdr(c4, 'carrier')} ${hdr(c5, 'collsns')} ${hdr(c6, s.tx_compressed ? 'compressed' : '')}\n`;
  out += `    ${num(c0, s.tx_bytes)}${num(c1, s.tx_packets)}${num(c2, s.tx_errors)}${num(c3, s.tx_dropped)}${num(c4, s.tx_carrier_errors)}${num(c5, s.collisions)}${s.tx_compressed ? num(c6, s.tx_compressed) : ''}\n`;
  if (level > 1) {
    out += `    TX errors:${' '.repeat(c0 - 10)} ${hdr(c1, 'aborted')} ${hdr(c2, 'fifo')} ${hdr(c3, 'window')} ${hdr(c4, 'heartbt')} ${hdr(c5, 'transns')}\n`;
    out += `${' '.repeat(c0 + 5)}${num(c1, s.tx_aborted_errors)}${num(c2, s.tx_fifo_errors)}${num(c3, s.tx_window_errors)}${num(c4, s.tx_heartbeat_errors)}${num(c5, 0)}\n`;
  }
  return out;
}

function fail(stderr: string, code: number): Output {
  return { stdout: '', stderr, code };
}

/** The device after "dev" (ip link show dev DEV, tc qdisc show dev DEV): lo or the NIC. */
export const completeDevice: Completer = (words, word, state) =>
  words.at(-1) === 'dev' ? ['lo', state.host.dev.name].filter((n) => n.startsWith(word)) : [];

export const ip: Command = {
  name: 'ip',
  page: {
    summary: 'network devices and their counters',
    body: `SYNOPSIS
       ip [-s [-s]] link [show [dev] DEV]
       ip addr [show [dev] DEV]
DESCRIPTION
       -s adds RX/TX counters: "dropped" is rx_dropped (the kernel's drops, e.g. backlog),
       "missed" is rx_missed_errors (the NIC had no descriptor). -s -s adds the error breakdown.
`,
  },
  run(ctx) {
    const host = ctx.state.host;
    const args = ctx.argv.slice(1);
    let level = 0;
    while (args.length && args[0]!.startsWith('-')) {
      const opt = args.shift()!;
      if (opt === '-s' || opt === '-stats' || opt === '-statistics') level++;
      else if (/^-s+$/.test(opt)) level += opt.length - 1;
      else if (opt === '-V' || opt === '-Version') return { stdout: 'ip utility, iproute2-6.1.0, libbpf 1.1.2\n', stderr: '', code: 0 };
      else if (opt === '-4' || opt === '-d' || opt === '-details') continue;
      else return fail(`Option "${opt}" is unknown, try "ip -help".\n`, 255);
    }
    const object = args.shift();
    if (object === undefined) return fail('Usage: ip [ OPTIONS ] OBJECT { COMMAND | help }\nwhere  OBJECT := { link | address | route | neigh | rule | ... }\n', 255);
    const isLink = 'link'.startsWith(object) && object.length >= 1;
    const isAddr = ['a', 'ad', 'add', 'addr', 'addre', 'addres', 'address'].includes(object);
    if (!isLink && !isAddr) return fail(`Object "${object}" is unknown, try "ip help".\n`, 1);
    const cmd = args.shift() ?? 'show';
    if (!['show', 'list', 'lst', 'sh', 'ls', 'l', 's'].includes(cmd)) {
      if (['set', 'add', 'del', 'delete', 'change'].includes(cmd)) return fail('RTNETLINK answers: Operation not permitted\n', 2);
      return fail(`Command "${cmd}" is unknown, try "ip ${isLink ? 'link' : 'address'} help".\n`, 255);
    }
    let name: string | undefined;
    while (args.length) {
      const a = args.shift()!;
      if (a === 'dev') {
        const n = args.shift();
        if (n === undefined) return fail('Command line is not complete. Try option "help"\n', 255);
        if (name !== undefined) return fail(`Error: either "dev" is duplicate, or "${n}" is a garbage.\n`, 255);
        name = n;
      } else if (name === undefined) name = a;
      else return fail(`Error: either "dev" is duplicate, or "${a}" is a garbage.\n`, 255);
    }
    const all = links(host);
    const shown = name === undefined ? all : all.filter((l) => l.name === name);
    if (shown.length === 0) return fail(`Device "${name}" does not exist.\n`, 1);
    let out = '';
    for (const l of shown) {
      out += `${l.index}: ${l.header} ${isLink ? 'mode DEFAULT ' : ''}group default qlen ${l.name === 'lo' ? 1000 : host.dev.tx_queue_len}\n    ${l.l2}\n`;
      if (isAddr) out += l.inet ?? '';
      if (level > 0) out += linkStats(l.stats, level);
    }
    return { stdout: out, stderr: '', code: 0 };
  },
  complete: completeDevice,
};
