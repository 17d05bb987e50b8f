/**
 * A simulated Linux host: N CPUs, one igb NIC (eth0), sockets with reading threads, and the
 * receive path between them. Deterministic: the same seed, configuration and hooks give the same
 * counters to the last packet.
 */
import { SocketReader, type ReaderConfig } from './app.ts';
import { withHost } from './context.ts';
import { DEFAULT_COST_MODEL, type CostModel } from './cost.ts';
import { Cpu } from './cpu.ts';
import { SKB_DROP_REASONS, type DropSite, type SkbDropReason } from './dropreason.ts';
import { KernelError } from './errno.ts';
import { Histogram, type LatencySummary } from './histogram.ts';
import { referenceHooks, HOOK_NAMES, type Hooks } from './hooks.ts';
import { IgbAdapter, IGB_MAX_RX_QUEUES, IGB_MAX_RXD, IGB_MIN_RXD, igb_open } from './igb.ts';
import type { IrqDesc } from './irq.ts';
import { createMib, type Mib } from './mib.ts';
import { NetDevice } from './netdevice.ts';
import { Nic } from './nic.ts';
import type { Flow, IpProto, WireFrame } from './packet.ts';
import * as packet_h from './packet.ts';
import { createRng, type Rng } from './rng.ts';
import { createRpsIpi, process_backlog, rps_cpu_mask, RpsSockFlowTable } from './rps.ts';
import { netdev_rss_key_fill, parseIPv4 } from './rss.ts';
import type { SkBuff } from './skbuff.ts';
import { sock_set_rcvbuf, Sock } from './sock.ts';
import { SdFlowLimit } from './softnet.ts';
import { SysctlTable } from './sysctl.ts';
import { TimerQueue } from './timer.ts';
import { Trace, type TraceEvent } from './trace.ts';
import * as trace_h from './trace.ts';
import { TrafficSource, type Workload } from './workload.ts';
import { collectStats, type HostStats } from './stats.ts';
import { writeSysfs } from './sysfs.ts';

// Imported constants as module constants, which V8 folds into the code (see index.ts).
const { IPPROTO_TCP, IPPROTO_UDP } = packet_h;
const { STAGE } = trace_h;

export interface NicConfig {
  name?: string;
  /** RX queues (ethtool -L combined): 1..4 on this i210-class NIC, and at most the CPU count. */
  queues?: number;
  /** RX descriptors per ring (ethtool -G rx): 64..4096, rounded up to a multiple of 8. */
  ringSize?: number;
  /** ethtool -C rx-usecs: 0, 1 or 3 (dynamic), or 10..10000. */
  rxUsecs?: number;
  ip?: string;
  mac?: string;
  /** The NIC's on-chip receive packet buffer in bytes. */
  fifoBytes?: number;
  /** Fraction of page allocations that fail during ring refill (memory pressure). */
  pageAllocFailRate?: number;
  gro?: boolean;
  rxhash?: boolean;
  /** RSS key as hex (40 bytes), instead of the per-boot random netdev_rss_key. */
  rssKey?: string;
}

export interface SocketConfig {
  proto: 'udp' | 'tcp';
  port: number;
  /** setsockopt(SO_RCVBUF, value): the kernel doubles it (capped at rmem_max). Omitted: rmem_default (UDP) or tcp_rmem[1] (TCP). */
  rcvbuf?: number;
  /** The reading thread; null for a socket nobody reads. */
  reader?: Partial<ReaderConfig> | null;
}

export interface HostConfig {
  seed?: number;
  cpus?: number;
  hz?: number;
  nic?: NicConfig;
  sockets?: SocketConfig[];
  /** sysctl writes applied at boot, e.g. { 'net.core.netdev_budget': 600 }. */
  sysctl?: Record<string, string | number>;
  /** sysfs/procfs writes applied at boot, e.g. { '/sys/class/net/eth0/queues/rx-0/rps_cpus': 'e' }. */
  sysfs?: Record<string, string | number>;
  hooks?: Partial<Hooks>;
  cost?: Partial<CostModel>;
  /** Trace events kept (the most recent ones). */
  traceCapacity?: number;
}

export interface RunOptions {
  durationNs: number;
}

export interface DropCount extends DropSite {
  count: number;
}

export interface RunResult {
  workload: string;
  startNs: number;
  endNs: number;
  /** Frames the workload put on the wire. */
  sent: number;
  /** Datagrams and segments the application read. */
  delivered: number;
  /** From the last bit on the wire to the application's read, for what was read in this run. */
  latency: LatencySummary;
  /** Counters at the end of the run (cumulative since boot, as the kernel's are). */
  stats: HostStats;
  /** Drops during this run, by reason and place. */
  drops: DropCount[];
  /** Kernel messages (dmesg) logged during this run. */
  warnings: string[];
  /** The trace's events at the end of the run, decoded when first read (most callers never read them). */
  readonly trace: TraceEvent[];
}

export const DEFAULT_UDP_PORT = 9000;
export const MAX_CPUS = 32;

/** A config value outside what the host accepts: names the field and the accepted range. */
function invalid(field: string, value: unknown, accepted: string): never {
  throw new RangeError(`host config: ${field} = ${JSON.stringify(value)} is not valid (${accepted})`);
}

function intIn(field: string, value: number | undefined, fallback: number, min: number, max: number): number {
  const v = value ?? fallback;
  if (!Number.isInteger(v) || v < min || v > max) invalid(field, v, `a whole number ${min}..${max}`);
  return v;
}

export class Host {
  /** The configuration the host was booted with (what `reset` boots again). */
  declare readonly config: Readonly<HostConfig>;
  declare readonly seed: number;
  /** What `uname -r` says. */
  readonly kernelRelease = '6.18.0-packetpath';
  declare readonly nrCpus: number;
  declare readonly hz: number;
  declare readonly tickNs: number;
  /** EEVDF base slice: 0.75 ms × (1 + ilog2(min(CPUs, 8))). */
  declare readonly sched_slice_ns: number;
  readonly timers = new TimerQueue();
  declare readonly rng: Rng;
  declare readonly cost: Readonly<CostModel>;
  declare readonly hooks: Hooks;
  readonly cpus: Cpu[] = [];
  readonly mib: Mib = createMib();
  declare readonly trace: Trace;
  /** Latency of what the application read during the current run. */
  latency = new Histogram();
  declare readonly dev: NetDevice;
  declare readonly nic: Nic;
  declare readonly adapter: IgbAdapter;
  readonly sockets: Sock[] = [];
  readonly readers: SocketReader[] = [];
  readonly rpsIpi: IrqDesc[] = [];
  declare readonly hashSeed: number;
  /** Global time of the event being processed. */
  now = -0; // a double from the start (index.ts)
  /** The CPU whose step is running (this_cpu). */
  declare cpu: Cpu;
  nextPacketId = 0;
  /** Kernel log. */
  readonly dmesg: string[] = [];
  private readonly warnedOnce = new Set<string>();
  private declare readonly sysctl: SysctlTable;
  private readonly flows = new Map<string, Flow>();
  /** The same flows by id: what an RX descriptor's frame names its flow by. */
  readonly flowsById: Flow[] = [];
  /** Drop counts by reason (or 'hw') and then by place: constant strings, so no key is built per drop. */
  private readonly drops = new Map<string, Map<string, DropCount>>();
  private lastDrop: DropCount | null = null;
  /** Hot tunables, refreshed on every sysctl write. */
  netdev_budget = 300;
  netdev_budget_usecs = 8000;
  max_backlog = 1000;
  dev_rx_weight = 64;
  gro_normal_batch = 8;
  udp_mem_max_pages = 0;
  rps_sock_flow_table: RpsSockFlowTable | null = null;
  /** Bytes charged by all UDP sockets (against udp_mem). */
  udpMemory = 0;
  readonly icmpBucket = { credit: 50, stamp: 0 };
  /** TCP: per flow, the sequence delivered to the socket (what the receiver has ACKed). */
  private readonly tcpAcked = new Map<number, number>();

  constructor(config: HostConfig = {}) {
    this.config = config;
    this.seed = intIn('seed', config.seed, 1, 0, 0xffffffff);
    this.nrCpus = intIn('cpus', config.cpus, 4, 1, MAX_CPUS);
    this.hz = config.hz ?? 250;
    if (![100, 250, 300, 1000].includes(this.hz)) invalid('hz', this.hz, 'one of 100, 250, 300, 1000');
    this.tickNs = 1e9 / this.hz;
    this.sched_slice_ns = 750_000 * (1 + Math.floor(Math.log2(Math.min(this.nrCpus, 8))));
    this.rng = createRng(this.seed);
    this.hashSeed = this.rng.u32();
    this.cost = Object.freeze({ ...DEFAULT_COST_MODEL, ...config.cost });
    for (const [k, v] of Object.entries(this.cost)) if (!(typeof v === 'number' && v >= 0 && Number.isFinite(v))) invalid(`cost.${k}`, v, 'a non-negative number of ns');
    for (const name of Object.keys(config.hooks ?? {})) if (!(HOOK_NAMES as string[]).includes(name)) invalid(`hooks.${name}`, 'function', `hooks are ${HOOK_NAMES.join(', ')}`);
    this.hooks = { ...referenceHooks, ...config.hooks };
    this.trace = new Trace(intIn('traceCapacity', config.traceCapacity, 1 << 16, 0, 1 << 24));

    const nicCfg = config.nic ?? {};
    const rssKey = nicCfg.rssKey ? parseHexKey(nicCfg.rssKey) : netdev_rss_key_fill(this.rng);
    this.sysctl = new SysctlTable({ nrCpus: this.nrCpus, hz: this.hz, rssKey: padKey(rssKey) });
    for (let i = 0; i < this.nrCpus; i++) this.cpus.push(new Cpu(this, i, process_backlog));
    for (let i = 0; i < this.nrCpus; i++) this.rpsIpi.push(createRpsIpi(this, i));
    this.cpu = this.cpus[0]!;

    const name = nicCfg.name ?? 'eth0';
    if (!/^[a-z][a-z0-9]{0,14}$/.test(name)) invalid('nic.name', name, 'an interface name such as eth0');
    const ip = parseConfigIp('nic.ip', nicCfg.ip ?? '10.0.0.1');
    this.dev = new NetDevice(this, name, 2, nicCfg.mac ?? '52:54:00:12:34:56', ip, 24);
    this.dev.features.gro = nicCfg.gro ?? true;
    this.dev.features.rxhash = nicCfg.rxhash ?? true;
    // igb starts with as many queues as CPUs, up to the NIC's 4.
    const queues = intIn('nic.queues', nicCfg.queues, Math.min(IGB_MAX_RX_QUEUES, this.nrCpus), 1, IGB_MAX_RX_QUEUES);
    this.nic = new Nic(this, queues, rssKey.subarray(0, 40), intIn('nic.fifoBytes', nicCfg.fifoBytes, 32 * 1024, 2048, 1 << 20));
    this.adapter = new IgbAdapter(this, this.dev, this.nic, queues, 128, '0000:03:00.0');
    const ring = intIn('nic.ringSize', nicCfg.ringSize, 256, IGB_MIN_RXD, IGB_MAX_RXD);
    this.adapter.rx_ring_count = Math.ceil(ring / 8) * 8;
    const usecs = nicCfg.rxUsecs ?? 3;
    if (!isValidIgbRxUsecs(usecs)) invalid('nic.rxUsecs', usecs, '0, 1, 3 or 10..10000');
    this.adapter.rx_itr_setting = usecs <= 3 ? usecs : usecs << 2;
    const failRate = nicCfg.pageAllocFailRate ?? 0;
    if (!(failRate >= 0 && failRate <= 1)) invalid('nic.pageAllocFailRate', failRate, 'a fraction 0..1');
    this.adapter.pageAllocFailRate = failRate;
    this.dev.setRealNumRxQueues(queues);

    this.refreshTunables();
    withHost(this, () => {
      for (const [key, value] of Object.entries(config.sysctl ?? {})) this.writeSysctlAtBoot(key, String(value));
      igb_open(this.adapter);
      for (const [path, value] of Object.entries(config.sysfs ?? {})) this.writeSysfsAtBoot(path, String(value));
    });
    const sockets = config.sockets ?? [{ proto: 'udp', port: DEFAULT_UDP_PORT }];
    sockets.forEach((s, i) => this.openSocket(s, i));
  }

  // --- sysctl --------------------------------------------------------------------------

  hasSysctl(name: string): boolean {
    return this.sysctl.has(name);
  }

  sysctlNames(): string[] {
    return this.sysctl.names();
  }

  readSysctl(name: string): string {
    return this.sysctl.read(name);
  }

  sysctlWritable(name: string): boolean {
    return this.sysctl.writable(name);
  }

  describeSysctl(name: string): { default: string; help: string } {
    return this.sysctl.describe(name);
  }

  /** A write to /proc/sys: refused (KernelError) as the kernel refuses it, or applied. */
  writeSysctl(name: string, text: string): void {
    this.sysctl.write(name, text);
    this.refreshTunables(name);
  }

  private writeSysctlAtBoot(name: string, text: string): void {
    try {
      this.writeSysctl(name, text);
    } catch (e) {
      if (e instanceof KernelError) throw new RangeError(`host config: sysctl ${name}=${text} refused: ${e.strerror} (${e.message})`);
      throw e;
    }
  }

  private writeSysfsAtBoot(path: string, text: string): void {
    try {
      writeSysfs(this, path, text);
    } catch (e) {
      if (e instanceof KernelError) throw new RangeError(`host config: ${path} = ${text} refused: ${e.strerror} (${e.message})`);
      throw e;
    }
  }

  private refreshTunables(changed?: string): void {
    const s = this.sysctl;
    this.netdev_budget = s.int('net.core.netdev_budget');
    this.netdev_budget_usecs = s.int('net.core.netdev_budget_usecs');
    this.max_backlog = s.int('net.core.netdev_max_backlog');
    this.dev_rx_weight = s.int('net.core.dev_weight') * s.int('net.core.dev_weight_rx_bias');
    this.gro_normal_batch = s.int('net.core.gro_normal_batch');
    this.udp_mem_max_pages = s.ints('net.ipv4.udp_mem')[2]!;
    if (!changed || changed === 'net.core.rps_sock_flow_entries') {
      const entries = s.int('net.core.rps_sock_flow_entries');
      this.rps_sock_flow_table = entries > 0 ? new RpsSockFlowTable(entries) : null;
    }
    if (changed === 'net.core.flow_limit_cpu_bitmap') {
      const cpus = new Set(s.cpus('net.core.flow_limit_cpu_bitmap'));
      const len = s.int('net.core.flow_limit_table_len');
      for (const cpu of this.cpus) {
        if (!cpus.has(cpu.id)) cpu.sd.flow_limit = null;
        else if (!cpu.sd.flow_limit) cpu.sd.flow_limit = new SdFlowLimit(len);
      }
    }
  }

  // --- sockets -------------------------------------------------------------------------

  private openSocket(s: SocketConfig, i: number): void {
    const field = `sockets[${i}]`;
    if (s.proto !== 'udp' && s.proto !== 'tcp') invalid(`${field}.proto`, s.proto, "'udp' or 'tcp'");
    const port = intIn(`${field}.port`, s.port, 0, 1, 65535);
    const proto: IpProto = s.proto === 'udp' ? IPPROTO_UDP : IPPROTO_TCP;
    if (this.sockets.some((o) => o.protocol === proto && o.num === port)) invalid(`${field}.port`, port, 'already bound: EADDRINUSE');
    const rcvbuf = proto === IPPROTO_UDP ? this.sysctl.int('net.core.rmem_default') : this.sysctl.ints('net.ipv4.tcp_rmem')[1]!;
    const sndbuf = proto === IPPROTO_UDP ? this.sysctl.int('net.core.wmem_default') : this.sysctl.ints('net.ipv4.tcp_wmem')[1]!;
    const sk = new Sock(this, this.sockets.length, proto, 0, port, 0, 0, rcvbuf, sndbuf);
    if (s.rcvbuf !== undefined) {
      if (!Number.isInteger(s.rcvbuf) || s.rcvbuf < 0) invalid(`${field}.rcvbuf`, s.rcvbuf, 'bytes, a whole number ≥ 0');
      sock_set_rcvbuf(sk, s.rcvbuf, this.sysctl.int('net.core.rmem_max'));
    }
    this.sockets.push(sk);
    if (s.reader === null) return;
    const cpu = intIn(`${field}.reader.cpu`, s.reader?.cpu, this.nrCpus - 1, 0, this.nrCpus - 1);
    const processNs = s.reader?.processNs ?? 1000;
    if (!(processNs >= 0 && Number.isFinite(processNs))) invalid(`${field}.reader.processNs`, processNs, 'ns, ≥ 0');
    const reader = new SocketReader(sk, { cpu, processNs });
    this.readers.push(reader);
    this.cpus[cpu]!.threads.push(reader);
    this.cpus[cpu]!.wake(this.now);
  }

  /**
   * The socket a datagram or segment goes to: bound to its port and to its address or to any.
   * Each TCP socket stands for the one connection on its port, so the lookup is the same for both.
   */
  sockLookup(protocol: IpProto, daddr: number, dport: number): Sock | undefined {
    for (const sk of this.sockets) if (sk.protocol === protocol && sk.num === dport && (sk.rcv_saddr === 0 || sk.rcv_saddr === daddr)) return sk;
    return undefined;
  }

  /** sock_rps_record_flow: RFS learns the CPU the reader runs on (established TCP sockets only). */
  sock_rps_record_flow(sk: Sock, cpu: number): void {
    const table = this.rps_sock_flow_table;
    if (table === null || sk.protocol !== IPPROTO_TCP || !sk.sk_rxhash) return;
    const hash = sk.sk_rxhash;
    table.ents[hash & table.mask] = ((hash & ~rps_cpu_mask(this)) | cpu) >>> 0;
  }

  // --- TCP senders ---------------------------------------------------------------------

  /** The receiver's window as the sender sees it: half the free receive buffer (tcp_adv_win_scale = 1). */
  tcpWindowOpen(flow: Flow, nextSeq: number, bytes: number): boolean {
    const sk = this.sockLookup(IPPROTO_TCP, flow.daddr, flow.dport);
    if (sk === undefined) return true;
    const acked = this.tcpAcked.get(flow.id) ?? 1;
    const window = Math.max(0, sk.sk_rcvbuf - sk.sk_rmem_alloc) >> 1;
    return nextSeq + bytes - acked <= window;
  }

  tcpDelivered(skb: SkBuff): void {
    const prev = this.tcpAcked.get(skb.flow.id) ?? 1;
    if (skb.end_seq > prev) this.tcpAcked.set(skb.flow.id, skb.end_seq);
  }

  /** One Flow object per 5-tuple, so per-flow caches (the NIC's hash) work across runs. */
  flowFor(proto: IpProto, saddr: number, sport: number, daddr: number, dport: number): Flow {
    const key = `${proto}:${saddr}:${sport}:${daddr}:${dport}`;
    let flow = this.flows.get(key);
    if (!flow) {
      flow = { id: this.flows.size, proto, saddr, sport, daddr, dport };
      this.flows.set(key, flow);
      this.flowsById[flow.id] = flow;
    }
    return flow;
  }

  // --- freeing and dropping ------------------------------------------------------------

  private releasePages(skb: SkBuff): void {
    if (skb.page !== null) skb.page.skbRefs--;
    if (skb.fragPages !== null) for (const p of skb.fragPages) p.skbRefs--;
  }

  /** consume_skb: freed after use, not a drop. */
  consume_skb(skb: SkBuff): void {
    this.releasePages(skb);
  }

  /**
   * kfree_skb_reason: a drop, traced with its reason as the skb:kfree_skb tracepoint shows it, as
   * the free begins. `stage` is L4_DROP for a caller whose l4_rcv event has this same time.
   */
  kfree_skb(skb: SkBuff, reason: SkbDropReason, where: string, stage = STAGE.drop): void {
    this.trace.record(this.cpu.clock, skb.id, stage, this.cpu.id, SKB_DROP_INDEX[reason]);
    this.cpu.charge(this.cost.kfreeSkb);
    this.releasePages(skb);
    this.countDrop(reason, where, skb.gso_segs);
  }

  /** A drop in the NIC's hardware: no skb yet, so no kernel drop reason; `counter` names what counts it. */
  dropHw(frame: WireFrame, now: number, counter: string): void {
    this.countDrop(null, counter, 1);
    this.trace.record(now, frame.id, STAGE.nic_drop, -1, 0);
  }

  private countDrop(reason: SkbDropReason | null, where: string, n: number): void {
    // Drops come in runs from one place: the last place counted needs no lookup.
    const last = this.lastDrop;
    if (last !== null && last.reason === reason && last.where === where) last.count += n;
    else this.countDropAt(reason, where, n);
  }

  private countDropAt(reason: SkbDropReason | null, where: string, n: number): void {
    const byReason = reason ?? 'hw';
    let places = this.drops.get(byReason);
    if (!places) this.drops.set(byReason, (places = new Map()));
    let d = places.get(where);
    if (d) d.count += n;
    else places.set(where, (d = { reason, where, count: n }));
    this.lastDrop = d;
  }

  dropCounts(): DropCount[] {
    const all: DropCount[] = [];
    for (const places of this.drops.values()) for (const d of places.values()) all.push({ ...d });
    return all.sort((a, b) => b.count - a.count || a.where.localeCompare(b.where));
  }

  warn(message: string): void {
    if (this.dmesg.length < 1000) this.dmesg.push(`[${(this.now / 1e9).toFixed(6).padStart(12)}] ${message}`);
  }

  warnOnce(key: string, message: string): void {
    if (this.warnedOnce.has(key)) return;
    this.warnedOnce.add(key);
    this.warn(message);
  }

  // --- running -------------------------------------------------------------------------

  /** Put a workload on the wire for `durationNs` of virtual time and simulate the host meanwhile. */
  run(workload: Workload, options: RunOptions): RunResult {
    const durationNs = options.durationNs;
    if (!(durationNs > 0) || !Number.isFinite(durationNs)) throw new RangeError(`run: durationNs must be a positive number of ns, got ${durationNs}`);
    const start = this.now;
    const end = start + durationNs;
    const source = new TrafficSource(this, workload, start, end);
    const dropsBefore = new Map(this.dropCounts().map((d) => [`${d.reason}|${d.where}`, d.count]));
    const warningsBefore = this.dmesg.length;
    this.latency = new Histogram();
    // The wire is the most frequent event: it stays out of the heap, ranked among the timers of
    // the same time as a timer created now would be.
    const wireRank = this.timers.rank();
    withHost(this, () => {
      while (this.fireUntil(end, source, wireRank)) {}
    });
    this.now = end;
    const drops = this.dropCounts()
      .map((d) => ({ ...d, count: d.count - (dropsBefore.get(`${d.reason}|${d.where}`) ?? 0) }))
      .filter((d) => d.count > 0);
    const result = {
      workload: workload.name,
      startNs: start + 0, // + 0: before the first run, now is still the -0 it starts at (index.ts)
      endNs: end,
      sent: source.sent,
      delivered: this.latency.count,
      latency: this.latency.summary(),
      stats: this.stats(),
      drops,
      warnings: this.dmesg.slice(warningsBefore),
    };
    const trace = this.trace.snapshot();
    let events: TraceEvent[] | undefined;
    return Object.defineProperty(result, 'trace', { enumerable: true, get: () => (events ??= trace.events()) }) as RunResult;
  }

  /**
   * Run the events due by `end` in order, the wire's and the timers', a batch at a time; false
   * once none is due. Batches rather than one loop for the whole run: a loop entered once is only
   * ever optimized on the stack.
   */
  private fireUntil(end: number, source: TrafficSource, wireRank: number): boolean {
    const timers = this.timers;
    for (let n = 0; n < 1024; n++) {
      const timer = timers.peek();
      const t = source.nextTime;
      if (t <= end && (timer === undefined || t < timer.time || (t === timer.time && wireRank < timer.id))) {
        this.wire(source, end);
      } else {
        if (timer === undefined || timer.time > end) return false;
        timers.pop();
        this.now = timer.time;
        timer.fire();
      }
    }
    return true;
  }

  /** Frames due before any other event arrive in one go: nothing else happens in between. */
  private wire(source: TrafficSource, end: number): void {
    for (let t = source.nextTime; t <= end && t <= this.timers.peekTime(); t = source.nextTime) {
      const frame = source.due();
      if (frame !== null) {
        this.now = t;
        this.nic.receive(frame, t);
      }
      source.next();
    }
  }

  /** Every counter of the host, as data. */
  stats(): HostStats {
    return collectStats(this);
  }
}

const SKB_DROP_INDEX = Object.fromEntries(SKB_DROP_REASONS.map((r, i) => [r, i])) as Record<SkbDropReason, number>;

export function isValidIgbRxUsecs(v: number): boolean {
  return Number.isInteger(v) && (v === 0 || v === 1 || v === 3 || (v >= 10 && v <= 10000));
}

function parseConfigIp(field: string, text: string): number {
  try {
    return parseIPv4(text);
  } catch {
    return invalid(field, text, 'a dotted IPv4 address');
  }
}

function parseHexKey(text: string): Uint8Array {
  const hex = text.replace(/[:\s]/g, '');
  if (!/^([0-9a-fA-F]{2}){40,52}$/.test(hex)) invalid('nic.rssKey', text, '40 to 52 bytes of hex');
  return Uint8Array.from(hex.match(/../g)!.map((b) => parseInt(b, 16)));
}

/** net.core.netdev_rss_key is 52 bytes; a 40-byte key given in the config is shown zero-padded. */
function padKey(key: Uint8Array): Uint8Array {
  const out = new Uint8Array(52);
  out.set(key.subarray(0, 52));
  return out;
}

/** createHost: a host with the defaults of the course (4 CPUs, eth0 with 4 queues of 256). */
export function createHost(config?: HostConfig): Host {
  return new Host(config);
}
