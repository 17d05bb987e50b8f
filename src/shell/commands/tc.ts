/** tc -s qdisc show (iproute2 6.1): mq with one pfifo_fast per TX queue; the TX path is not simulated, so counters are 0. */
import type { Host } from '../../sim/index.ts';
import type { Command } from '../types.ts';
import { completeDevice } from './ip.ts';

const PRIOMAP = 'bands 3 priomap 1 2 2 2 1 2 0 0 1 1 1 1 1 1 1 1';

function qdiscs(host: Host, dev: string | undefined, stats: boolean): string {
  const block = (line: string) => line + (stats ? ' Sent 0 bytes 0 pkt (dropped 0, overlimits 0 requeues 0) \n backlog 0b 0p requeues 0\n' : '');
  let out = '';
  if (dev === undefined || dev === 'lo') out += block('qdisc noqueue 0: dev lo root refcnt 2 \n'.replace(dev ? 'dev lo ' : '', ''));
  if (dev === undefined || dev === host.dev.name) {
    const d = dev ? '' : `dev ${host.dev.name} `;
    out += block(`qdisc mq 0: ${d}root \n`);
    for (let q = 1; q <= host.stats().nic.ethtool.filter(([n]) => /^tx_queue_\d+_packets$/.test(n)).length; q++) out += block(`qdisc pfifo_fast 0: ${d}parent :${q} ${PRIOMAP}\n`);
  }
  return out;
}

export const tc: Command = {
  name: 'tc',
  page: { summary: 'queueing disciplines (TX side; not simulated, counters 0)', body: 'SYNOPSIS\n       tc [-s] qdisc show [dev DEV]\n' },
  run(ctx) {
    const host = ctx.state.host;
    const args = ctx.argv.slice(1);
    let stats = false;
    while (args.length && args[0]!.startsWith('-')) {
      const o = args.shift()!;
      if (o === '-s' || o === '-stats' || o === '-statistics' || o === '-d' || o === '-details') stats ||= o.startsWith('-s');
      else if (o === '-V') return { stdout: 'tc utility, iproute2-6.1.0, libbpf 1.1.2\n', stderr: '', code: 0 };
      else return { stdout: '', stderr: `Option "${o}" is unknown, try "tc -help".\n`, code: 255 };
    }
    const object = args.shift();
    if (object === undefined) return { stdout: '', stderr: 'Usage: tc [ OPTIONS ] OBJECT { COMMAND | help }\nwhere  OBJECT := { qdisc | class | filter | chain | action | monitor | exec }\n', code: 255 };
    if (!'qdisc'.startsWith(object)) return { stdout: '', stderr: `Object "${object}" is unknown, try "tc help".\n`, code: 255 };
    const cmd = args.shift() ?? 'show';
    if (cmd !== 'show' && cmd !== 'list' && cmd !== 'ls') {
      if (['add', 'del', 'replace', 'change'].includes(cmd)) return { stdout: '', stderr: 'Error: the TX path (qdiscs) is not simulated on this host.\n', code: 2 };
      return { stdout: '', stderr: `Command "${cmd}" is unknown, try "tc qdisc help".\n`, code: 255 };
    }
    let dev: string | undefined;
    while (args.length) {
      const a = args.shift()!;
      if (a === 'dev') dev = args.shift();
      else return { stdout: '', stderr: `What is "${a}"? Try "tc qdisc help".\n`, code: 255 };
    }
    if (dev !== undefined && dev !== 'lo' && dev !== host.dev.name) return { stdout: '', stderr: `Cannot find device "${dev}"\n`, code: 1 };
    return { stdout: qdiscs(host, dev, stats), stderr: '', code: 0 };
  },
  complete: completeDevice,
};
