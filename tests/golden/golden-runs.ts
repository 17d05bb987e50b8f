/**
 * The simulator's safety net: a few hundred configurations that drive every part of the receive
 * path (every scenario, several seeds, 1-8 CPUs and queues, RPS and RFS, lowered budgets, GRO off,
 * allocation and FIFO failures, the flow limit, deferred interrupts, wrapping and empty traces,
 * pass-through and buggy hooks, second runs on one host), each reduced to digests of everything a
 * run returns: counters, drops, latency, kernel messages and every trace event. A change to the
 * simulator that should not change behaviour keeps them all identical (tests/unit/sim/golden.test.ts);
 * one that should is recorded on purpose with `npm run golden -- --update`, which says what moved.
 */
import { createHash } from 'node:crypto';
import {
  bursts,
  constantRate,
  createHost,
  elephantFlow,
  manyFlows,
  reference,
  SCENARIOS,
  tcpFlow,
  TRACE_STAGES,
  type HostConfig,
  type RunResult,
  type Workload,
} from '../../src/sim/index.ts';

export interface GoldenConfig {
  name: string;
  host: HostConfig;
  /** One or more runs on the same host, in order (a second run starts from what the first left). */
  runs: { workload: Workload; durationNs: number }[];
}

/** The digests of one configuration: of everything, and of each part, so a change can be located. */
export interface GoldenDigest {
  all: string;
  parts: Record<string, string>;
  /** Headline numbers of the last run, to say what moved in a summary. */
  headline: { sent: number; delivered: number; dropped: number; warnings: number; traceEvents: number };
}

const sha = (text: string | Uint8Array) => createHash('sha256').update(text).digest('hex').slice(0, 16);

/** JSON with object keys sorted, so that a field moved within an object literal is no change. */
function canonical(value: unknown): string {
  return JSON.stringify(value, (_k, v: unknown) => {
    if (v === null || typeof v !== 'object' || Array.isArray(v)) return v;
    return Object.fromEntries(Object.entries(v as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
  });
}

/** Every trace event as five numbers (stage by its index): hashing a buffer, not 65 536 objects' JSON. */
function traceDigest(r: RunResult): string {
  const events = r.trace;
  const buf = new Float64Array(events.length * 5);
  events.forEach((e, i) => buf.set([e.time, e.packet, TRACE_STAGES.indexOf(e.stage), e.cpu, e.aux], i * 5));
  return sha(new Uint8Array(buf.buffer));
}

export function digestRuns(results: RunResult[]): GoldenDigest {
  const parts: Record<string, string> = {};
  results.forEach((r, i) => {
    const p = results.length > 1 ? `run${i + 1}.` : '';
    parts[`${p}summary`] = sha(canonical({ workload: r.workload, startNs: r.startNs, endNs: r.endNs, sent: r.sent, delivered: r.delivered }));
    parts[`${p}latency`] = sha(canonical(r.latency));
    parts[`${p}stats`] = sha(canonical(r.stats));
    parts[`${p}drops`] = sha(canonical(r.drops));
    parts[`${p}warnings`] = sha(canonical(r.warnings));
    parts[`${p}trace`] = traceDigest(r);
  });
  const last = results.at(-1)!;
  return {
    all: sha(canonical(parts)),
    parts,
    headline: {
      sent: last.sent,
      delivered: last.delivered,
      dropped: last.drops.reduce((s, d) => s + d.count, 0),
      warnings: last.warnings.length,
      traceEvents: last.trace.length,
    },
  };
}

/** A configuration's digests; one the host refuses is pinned by its error, which is behaviour too. */
export function runGolden(c: GoldenConfig): GoldenDigest {
  let host;
  try {
    host = createHost(c.host);
  } catch (e) {
    const message = (e as Error).message;
    return { all: sha(message), parts: { error: sha(message) }, headline: { sent: 0, delivered: 0, dropped: 0, warnings: 0, traceEvents: 0 } };
  }
  return digestRuns(c.runs.map((r) => host.run(r.workload, { durationNs: r.durationNs })));
}

// --- the configurations ------------------------------------------------------------------------

const MS = 1e6;

/** Hooks that call the reference: the simulator must behave exactly as without them. */
const passThrough: HostConfig['hooks'] = {
  igb_msix_ring: (irq, q) => reference.igb_msix_ring(irq, q),
  igb_poll: (napi, budget) => reference.igb_poll(napi, budget),
  net_rx_action: () => reference.net_rx_action(),
  rss_select_queue: (rss, flow) => reference.rss_select_queue(rss, flow),
  get_rps_cpu: (dev, skb) => reference.get_rps_cpu(dev, skb),
  enqueue_to_backlog: (skb, cpu) => reference.enqueue_to_backlog(skb, cpu),
  napi_gro_receive: (napi, skb) => reference.napi_gro_receive(napi, skb),
  ip_rcv: (skb, dev) => reference.ip_rcv(skb, dev),
  __udp_enqueue_schedule_skb: (sk, skb) => reference.__udp_enqueue_schedule_skb(sk, skb),
};

/** Learner-style mistakes whose consequences (warnings, stuck queues, drops) the simulator must report the same way. */
const buggyHooks: Record<string, HostConfig['hooks']> = {
  'poll-over-budget': { igb_poll: (napi, budget) => reference.igb_poll(napi, budget) + 1 },
  'poll-returns-nan': { igb_poll: (napi, budget) => (reference.igb_poll(napi, budget), Number.NaN) },
  'poll-returns-budget-always': { igb_poll: (napi, budget) => (reference.igb_poll(napi, budget), budget) },
  'irq-does-nothing': { igb_msix_ring: () => 1 },
  'rss-all-to-queue-1': { rss_select_queue: (rss, flow) => ({ hash: reference.rss_select_queue(rss, flow).hash, queue: 1 }) },
  'rps-to-cpu-9': { get_rps_cpu: () => 9 },
  'udp-refuses-all': { __udp_enqueue_schedule_skb: (sk) => (sk.sk_drops++, -12) },
  'gro-passes-all': { napi_gro_receive: (napi, skb) => reference.napi_gro_receive(napi, { ...skb, flow: { ...skb.flow, proto: 17 } }) },
};

const rps = (queues: number, mask: string): Record<string, string> =>
  Object.fromEntries(Array.from({ length: queues }, (_, q) => [`/sys/class/net/eth0/queues/rx-${q}/rps_cpus`, mask]));
const rfs = (queues: number): Record<string, string | number> =>
  Object.fromEntries(Array.from({ length: queues }, (_, q) => [`/sys/class/net/eth0/queues/rx-${q}/rps_flow_cnt`, 2048]));

/** Host variants, each for one part of the path; merged over a scenario's own host settings. */
const VARIANTS: { name: string; host: HostConfig }[] = [
  { name: 'default', host: {} },
  { name: '1cpu-1q', host: { cpus: 1, nic: { queues: 1 } } },
  { name: '2cpu-2q', host: { cpus: 2, nic: { queues: 2 } } },
  { name: '8cpu-4q', host: { cpus: 8 } },
  { name: '4cpu-1q', host: { nic: { queues: 1 } } },
  { name: 'rps', host: { sysfs: rps(4, 'f') } },
  { name: 'rps-8cpu', host: { cpus: 8, sysfs: rps(4, 'f0') } },
  { name: 'rfs', host: { sysctl: { 'net.core.rps_sock_flow_entries': 32768 }, sysfs: { ...rps(4, 'f'), ...rfs(4) } } },
  { name: 'low-budget', host: { sysctl: { 'net.core.netdev_budget': 50, 'net.core.dev_weight': 16 } } },
  { name: 'low-backlog-rps', host: { sysctl: { 'net.core.netdev_max_backlog': 32 }, sysfs: rps(4, '1') } },
  { name: 'flow-limit', host: { sysctl: { 'net.core.netdev_max_backlog': 64, 'net.core.flow_limit_cpu_bitmap': 'f' }, sysfs: rps(4, '2') } },
  { name: 'gro-off', host: { nic: { gro: false } } },
  { name: 'rxhash-off-rps', host: { nic: { rxhash: false }, sysfs: rps(4, 'f') } },
  { name: 'alloc-fail', host: { nic: { pageAllocFailRate: 0.05 } } },
  { name: 'alloc-fail-hard', host: { nic: { pageAllocFailRate: 0.6, ringSize: 64 } } },
  { name: 'fifo-small', host: { nic: { queues: 1, fifoBytes: 4096, ringSize: 64 } } },
  { name: 'deferred-irq', host: { sysfs: { '/sys/class/net/eth0/napi_defer_hard_irqs': 2, '/sys/class/net/eth0/gro_flush_timeout': 200000 } } },
  { name: 'gro-flush-timeout', host: { sysfs: { '/sys/class/net/eth0/gro_flush_timeout': 50000 } } },
  { name: 'rx-usecs-0', host: { nic: { rxUsecs: 0 } } },
  { name: 'rx-usecs-50', host: { nic: { rxUsecs: 50 } } },
  { name: 'rx-usecs-1', host: { nic: { rxUsecs: 1 } } },
  { name: 'irqs-on-cpu0', host: { sysfs: Object.fromEntries([129, 130, 131, 132].map((i) => [`/proc/irq/${i}/smp_affinity`, '1'])) } },
  { name: 'hz1000', host: { hz: 1000 } },
  { name: 'hz100-budget-usecs', host: { hz: 100, sysctl: { 'net.core.netdev_budget_usecs': 20000 } } },
  { name: 'trace-wraps', host: { traceCapacity: 100 } },
  { name: 'trace-empty', host: { traceCapacity: 0 } },
  { name: 'small-rcvbuf', host: { sockets: [{ proto: 'udp', port: 9000, rcvbuf: 4096 }, { proto: 'tcp', port: 5201, rcvbuf: 16384 }] } },
  { name: 'udp-mem', host: { sysctl: { 'net.ipv4.udp_mem': '1 2 3' } } },
  { name: 'pass-through-hooks', host: { hooks: passThrough } },
  ...Object.entries(buggyHooks).map(([name, hooks]) => ({ name: `buggy:${name}`, host: { hooks } })),
];

/** Short runs: every mechanism shows within a few ms, and the whole set grades in seconds. */
const cap = (ns: number) => Math.min(ns, 4 * MS);

function merge(a: HostConfig | undefined, b: HostConfig): HostConfig {
  return {
    ...a,
    ...b,
    nic: { ...a?.nic, ...b.nic },
    sysctl: { ...a?.sysctl, ...b.sysctl },
    sysfs: { ...a?.sysfs, ...b.sysfs },
    hooks: { ...a?.hooks, ...b.hooks },
    sockets: b.sockets ?? a?.sockets,
  };
}

/** Extra workloads beyond the named scenarios: faults, unbound ports, TCP without GRO, a Poisson mix. */
const EXTRA: { name: string; workload: Workload; host?: HostConfig }[] = [
  {
    name: 'faults',
    workload: { ...manyFlows({ pps: 400_000, flows: 8 }), faults: { fcs: 0.01, otherMac: 0.01, ipCsum: 0.01, l4Csum: 0.02 } },
  },
  { name: 'no-socket', workload: constantRate({ pps: 300_000, flows: 4, dport: 7777 }) },
  { name: 'other-host', workload: { ...constantRate({ pps: 100_000, flows: 2 }), flows: [{ dport: 9000, dst: '10.0.0.9' }] } },
  { name: 'tcp-2flows', workload: tcpFlow({ gbps: 8, flows: 2 }), host: { sockets: [{ proto: 'tcp', port: 5201 }] } },
  { name: 'poisson', workload: { ...manyFlows({ pps: 700_000, flows: 32 }), arrivals: 'poisson' } },
  { name: 'elephant-big', workload: elephantFlow({ pps: 1_500_000, payload: 1000 }) },
  { name: 'bursts-line-rate', workload: bursts({ pps: 400_000, burst: 800, flows: 2 }) },
];

/** Where the recorded digests live, by configuration name. */
export const GOLDEN_FILE = new URL('./golden-runs.json', import.meta.url);

export type GoldenRecord = Record<string, GoldenDigest>;

/** What differs between a recorded set and a new one, one line per configuration, naming the parts that moved. */
export function compareGolden(recorded: GoldenRecord, now: GoldenRecord): string[] {
  const lines: string[] = [];
  for (const name of Object.keys(now)) {
    const was = recorded[name];
    const is = now[name]!;
    if (!was) lines.push(`+ ${name}: new`);
    else if (was.all !== is.all) {
      const parts = Object.keys({ ...was.parts, ...is.parts }).filter((p) => was.parts[p] !== is.parts[p]);
      const moved = (Object.keys(is.headline) as (keyof GoldenDigest['headline'])[])
        .filter((k) => was.headline[k] !== is.headline[k])
        .map((k) => `${k} ${was.headline[k]} → ${is.headline[k]}`);
      lines.push(`~ ${name}: ${parts.join(', ')} changed${moved.length ? ` (${moved.join(', ')})` : ''}`);
    }
  }
  for (const name of Object.keys(recorded)) if (!(name in now)) lines.push(`- ${name}: gone`);
  return lines;
}

export function goldenConfigs(): GoldenConfig[] {
  const out: GoldenConfig[] = [];
  const bases = [
    ...SCENARIOS.map((s) => ({ name: s.name, workload: s.workload, durationNs: cap(s.durationNs), host: s.host })),
    ...EXTRA.map((e) => ({ name: e.name, workload: e.workload, durationNs: 3 * MS, host: e.host })),
  ];
  bases.forEach((base, b) => {
    VARIANTS.forEach((v, i) => {
      // Every variant with every workload under seed 1; a rotating third of them under seed 7 too.
      const seeds = (b + i) % 3 === 0 ? [1, 7] : [1];
      for (const seed of seeds) {
        out.push({ name: `${base.name}/${v.name}/seed${seed}`, host: merge(base.host, { ...v.host, seed }), runs: [{ workload: base.workload, durationNs: base.durationNs }] });
      }
    });
  });
  // A host run twice: the second run starts from the state the first left (queues, clocks, counters).
  for (const s of SCENARIOS) {
    out.push({ name: `${s.name}/two-runs`, host: merge(s.host, {}), runs: [{ workload: s.workload, durationNs: 2 * MS }, { workload: s.workload, durationNs: 2 * MS }] });
  }
  return out;
}
