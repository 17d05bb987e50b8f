/** netstat -s (net-tools 2.10): the SNMP counters with prose labels, unlabelled ones as "Name: value". */
import type { HostStats } from '../../sim/index.ts';
import { NETSTAT_GROUPS, SNMP_GROUPS } from '../../sim/index.ts';
import { getopt, has } from '../argv.ts';
import type { Command } from '../types.ts';

type Label = { text: string; always?: boolean };
/** `%` stands for the value. "always": printed even when 0 (net-tools' `number`, versus `opt_number`). */
const L = (text: string, always = false): Label => ({ text, always });

const IP: Record<string, Label> = {
  InReceives: L('% total packets received', true),
  InHdrErrors: L('% with invalid headers'),
  InAddrErrors: L('% with invalid addresses'),
  ForwDatagrams: L('% forwarded', true),
  InUnknownProtos: L('% with unknown protocol'),
  InDiscards: L('% incoming packets discarded', true),
  InDelivers: L('% incoming packets delivered', true),
  OutRequests: L('% requests sent out', true),
  OutDiscards: L('% outgoing packets dropped'),
  OutNoRoutes: L('% dropped because of missing route'),
  ReasmTimeout: L('% fragments dropped after timeout'),
  ReasmReqds: L('% reassemblies required'),
  ReasmOKs: L('% packets reassembled ok'),
  ReasmFails: L('% packet reassembles failed'),
  FragOKs: L('% fragments received ok'),
  FragFails: L('% fragments failed'),
  FragCreates: L('% fragments created'),
};
const TCP: Record<string, Label> = {
  ActiveOpens: L('% active connection openings', true),
  PassiveOpens: L('% passive connection openings', true),
  AttemptFails: L('% failed connection attempts', true),
  EstabResets: L('% connection resets received', true),
  CurrEstab: L('% connections established', true),
  InSegs: L('% segments received', true),
  OutSegs: L('% segments sent out', true),
  RetransSegs: L('% segments retransmitted', true),
  InErrs: L('% bad segments received', true),
  OutRsts: L('% resets sent', true),
};
const UDP: Record<string, Label> = {
  InDatagrams: L('% packets received', true),
  NoPorts: L('% packets to unknown port received', true),
  InErrors: L('% packet receive errors', true),
  OutDatagrams: L('% packets sent', true),
  RcvbufErrors: L('% receive buffer errors', true),
  SndbufErrors: L('% send buffer errors', true),
};
const TCPEXT: Record<string, Label> = {
  SyncookiesSent: L('% SYN cookies sent'),
  SyncookiesRecv: L('% SYN cookies received'),
  SyncookiesFailed: L('% invalid SYN cookies received'),
  EmbryonicRsts: L('% resets received for embryonic SYN_RECV sockets'),
  PruneCalled: L('% packets pruned from receive queue because of socket buffer overrun'),
  RcvPruned: L('% packets pruned from receive queue'),
  OfoPruned: L('% packets dropped from out-of-order queue because of socket buffer overrun'),
  TW: L('% TCP sockets finished time wait in fast timer'),
  TWRecycled: L('% time wait sockets recycled by time stamp'),
  TWKilled: L('% TCP sockets finished time wait in slow timer'),
  DelayedACKs: L('% delayed acks sent'),
  DelayedACKLost: L('Quick ack mode was activated % times'),
  ListenOverflows: L('% times the listen queue of a socket overflowed'),
  ListenDrops: L('% SYNs to LISTEN sockets dropped'),
  TCPHPHits: L('% packet headers predicted'),
  TCPPureAcks: L('% acknowledgments not containing data payload received'),
  TCPHPAcks: L('% predicted acknowledgments'),
  TCPRcvCollapsed: L('% packets collapsed in receive queue due to low socket buffer'),
  TCPAbortOnData: L('% connections reset due to unexpected data'),
  TCPAbortOnClose: L('% connections reset due to early user close'),
  TCPAbortOnMemory: L('% connections aborted due to memory pressure'),
  TCPAbortOnTimeout: L('% connections aborted due to timeout'),
};
const ICMP_TYPES: [string, string][] = [
  ['DestUnreachs', 'destination unreachable'], ['TimeExcds', 'timeout in transit'], ['ParmProbs', 'wrong parameters'],
  ['SrcQuenchs', 'source quenches'], ['Redirects', 'redirects'], ['Echos', 'echo requests'], ['EchoReps', 'echo replies'],
  ['Timestamps', 'timestamp request'], ['TimestampReps', 'timestamp reply'], ['AddrMasks', 'address mask request'],
  ['AddrMaskReps', 'address mask replies'],
];

function section(name: string, fields: readonly string[], values: Record<string, number>, labels: Record<string, Label>): string {
  let out = `${name}:\n`;
  for (const f of fields) {
    const v = values[f] ?? 0;
    const l = labels[f];
    if (l) {
      if (v !== 0 || l.always) out += `    ${l.text.replace('%', String(v))}\n`;
    } else if (v !== 0) out += `    ${f}: ${v}\n`;
  }
  return out;
}

function icmp(v: Record<string, number>): string {
  let out = 'Icmp:\n';
  out += `    ${v.InMsgs ?? 0} ICMP messages received\n    ${v.InErrors ?? 0} input ICMP message failed\n`;
  if (v.InCsumErrors) out += `    InCsumErrors: ${v.InCsumErrors}\n`;
  const hist = (dir: 'In' | 'Out') => ICMP_TYPES.filter(([t]) => v[dir + t]).map(([t, label]) => `        ${label}: ${v[dir + t]}\n`).join('');
  const inHist = hist('In');
  if (inHist) out += '    ICMP input histogram:\n' + inHist;
  out += `    ${v.OutMsgs ?? 0} ICMP messages sent\n    ${v.OutErrors ?? 0} ICMP messages failed\n`;
  for (const f of ['OutRateLimitGlobal', 'OutRateLimitHost']) if (v[f]) out += `    ${f}: ${v[f]}\n`;
  const outHist = hist('Out');
  if (outHist) out += '    ICMP output histogram:\n' + outHist;
  return out;
}

export function renderNetstatS(stats: HostStats, only: { tcp: boolean; udp: boolean }): string {
  const mib = stats.snmp as unknown as Record<string, Record<string, number>>;
  const all = !only.tcp && !only.udp;
  let out = '';
  if (all) {
    out += `Ip:\n    Forwarding: ${mib.Ip!.Forwarding}\n` + section('Ip', SNMP_GROUPS.Ip.filter((f) => f !== 'Forwarding' && f !== 'DefaultTTL'), mib.Ip!, IP).slice('Ip:\n'.length);
    out += icmp(mib.Icmp!);
  }
  if (all || only.tcp) out += section('Tcp', SNMP_GROUPS.Tcp.filter((f) => !f.startsWith('Rto') && f !== 'MaxConn'), mib.Tcp!, TCP);
  if (all || only.udp) out += section('Udp', SNMP_GROUPS.Udp, mib.Udp!, UDP) + 'UdpLite:\n';
  if (all || only.tcp) out += section('TcpExt', NETSTAT_GROUPS.TcpExt, mib.TcpExt!, TCPEXT);
  if (all) out += section('IpExt', NETSTAT_GROUPS.IpExt, mib.IpExt!, {});
  return out;
}

export const netstat: Command = {
  name: 'netstat',
  page: { summary: 'netstat -s: the SNMP counters in prose', body: 'SYNOPSIS\n       netstat -s [-t] [-u]\n' },
  run(ctx) {
    const p = getopt('netstat', ctx.argv.slice(1), [
      { short: 's', long: 'statistics' }, { short: 't', long: 'tcp' }, { short: 'u', long: 'udp' }, { short: 'n', long: 'numeric' },
      { short: 'a', long: 'all' }, { short: 'i', long: 'interfaces' }, { short: 'V', long: 'version' },
    ]);
    const usage = 'usage: netstat [-vWeenNcCF] [<Af>] -r         netstat {-V|--version|-h|--help}\n       netstat [-vWnNcaeol] [<Socket> ...]\n       netstat { [-vWeenNac] -i | [-cnNe] -M | -s [-6tuw] }\n';
    if (p.error) return { stdout: '', stderr: `${p.error.message}\n${usage}`, code: 1 };
    if (has(p, 'version')) return { stdout: 'net-tools 2.10\nnetstat 1.42 (2001-04-15)\n', stderr: '', code: 0 };
    if (!has(p, 'statistics')) return { stdout: '', stderr: 'netstat: only -s (statistics) is simulated here; try ss for sockets\n', code: 1 };
    return { stdout: renderNetstatS(ctx.state.host.stats(), { tcp: has(p, 'tcp'), udp: has(p, 'udp') }), stderr: '', code: 0 };
  },
};
