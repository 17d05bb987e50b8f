/**
 * A simulated Linux host: N CPUs, one igb NIC (eth0), sockets with reading threads, and the receive
 * path between them. The host is the machine: it validates its configuration, boots the kernel
 * (each subsystem's init, in the kernel's order) and runs the clock; kernel code reaches it only
 * through the Machine interface (include/machine.ts) while its events run. Deterministic: the same
 * seed, configuration and hooks give the same counters to the last packet.
 */
import { DEFAULT_COST_MODEL, type CostModel } from './engine/cost.ts';
import { DropLedger, type DropCount as LedgerCount } from './engine/drops.ts';
import { createRng, type Rng } from './engine/rng.ts';
import { TimerQueue } from './engine/timer.ts';
import { Trace, type TraceEvent } from './engine/trace.ts';
import type { Hooks } from './include/hooks.ts';
import { withMachine, type Machine } from './include/machine.ts';
import { KernelError } from './include/linux/errno.ts';
import { NR_SOFTIRQS, type SoftirqAction } from './include/linux/interrupt.ts';
import { NetDevice, SdFlowLimit, type PacketType } from './include/linux/netdevice.ts';
import { Cpu } from './include/linux/sched.ts';
import { UTS_RELEASE } from './include/linux/utsname.ts';
import type { SkbDropReason } from './include/net/dropreason-core.ts';
import type { Flow } from './include/net/flow_dissector.ts';
import type { NetHotdata } from './include/net/hotdata.ts';
import { RpsSockFlowTable } from './include/net/rps.ts';
import { createMib, type Mib } from './include/net/snmp.ts';
import { Sock } from './include/net/sock.ts';
import { IPPROTO_TCP, IPPROTO_UDP, type IpProto } from './include/uapi/linux/in.ts';
import { Nic } from './hw/nic.ts';
import { Peer, TrafficSource, type Workload } from './hw/peer.ts';
import { Histogram, type LatencySummary } from './lib/histogram.ts';
import { parseIPv4 } from './lib/inet.ts';
import { write_irq_affinity } from './kernel/irq/proc.ts';
import { sched_init_cpu } from './kernel/sched/core.ts';
import { spawn_ksoftirqd } from './kernel/softirq.ts';
import { SysctlTable, type SysctlValue } from './kernel/sysctl.ts';
import { net_dev_init, netif_set_real_num_rx_queues } from './net/core/dev.ts';
import { net_class_stores, rx_queue_stores } from './net/core/net-sysfs.ts';
import { sock_set_rcvbuf } from './net/core/sock.ts';
import { netdev_rss_key_fill } from './net/ethtool/ioctl.ts';
import { inet_init } from './net/ipv4/af_inet.ts';
import { tcp_v4_do_rcv } from './net/ipv4/tcp_ipv4.ts';
import { __inet_lookup } from './net/ipv4/inet_hashtables.ts';
import { tcp_select_window } from './net/ipv4/tcp_output.ts';
import { IgbAdapter, IGB_MAX_RX_QUEUES, IGB_MAX_RXD, IGB_MIN_RXD } from './drivers/net/ethernet/intel/igb/igb.ts';
import { igb_ethtool_ops, isValidIgbRxUsecs } from './drivers/net/ethernet/intel/igb/igb_ethtool.ts';
import { igb_open } from './drivers/net/ethernet/intel/igb/igb_main.ts';
import { SocketReader, type ReaderConfig } from './user/app.ts';
import { referenceHooks, HOOK_NAMES } from './hooks.ts';
import { collectStats, type HostStats } from './stats.ts';

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

/** Drops by reason (null for the NIC's hardware) and place. */
export type DropCount = LedgerCount<SkbDropReason>;

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

export class Host implements Machine {
  /** The configuration the host was booted with (what `reset` boots again). */
  declare readonly config: Readonly<HostConfig>;
  declare readonly seed: number;
  /** What `uname -r` says. */
  readonly kernelRelease = UTS_RELEASE;
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
  declare cpu: Cpu;
  /** Global time of the event being processed. */
  now = -0; // a double from the start (docs/fast-simulator-code.md)
  declare readonly trace: Trace;
  readonly drops = new DropLedger<SkbDropReason>();
  /** Latency of what the application read during the current run. */
  latency = new Histogram();
  declare readonly peer: Peer;
  declare readonly flows: readonly Flow[];

  // The kernel's globals (Machine).
  readonly softirq_vec: (SoftirqAction | null)[] = new Array<SoftirqAction | null>(NR_SOFTIRQS).fill(null);
  readonly ptype_base: PacketType[] = [];
  readonly mib: Mib = createMib();
  readonly sockets: Sock[] = [];
  /** Hot tunables, refreshed on every sysctl write. */
  readonly net_hotdata: NetHotdata = { netdev_budget: 300, netdev_budget_usecs: 8000, max_backlog: 1000, dev_rx_weight: 64, gro_normal_batch: 8, rps_sock_flow_table: null };
  udp_memory_allocated = 0;
  udp_mem_max_pages = 0;
  declare readonly hashrnd: number;
  readonly icmp_global = { credit: 50, stamp: 0 };
  /** Kernel log. */
  readonly dmesg: string[] = [];
  readonly printed_once = new Set<string>();

  // The devices and the application (set once, at boot).
  declare dev: NetDevice;
  declare nic: Nic;
  declare adapter: IgbAdapter;
  readonly readers: SocketReader[] = [];
  private declare readonly sysctlTable: SysctlTable;

  constructor(config: HostConfig = {}) {
    this.config = config;
    this.seed = intIn('seed', config.seed, 1, 0, 0xffffffff);
    this.nrCpus = intIn('cpus', config.cpus, 4, 1, MAX_CPUS);
    this.hz = config.hz ?? 250;
    if (![100, 250, 300, 1000].includes(this.hz)) invalid('hz', this.hz, 'one of 100, 250, 300, 1000');
    this.tickNs = 1e9 / this.hz;
    this.sched_slice_ns = 750_000 * (1 + Math.floor(Math.log2(Math.min(this.nrCpus, 8))));
    this.rng = createRng(this.seed);
    this.hashrnd = this.rng.u32();
    this.cost = Object.freeze({ ...DEFAULT_COST_MODEL, ...config.cost });
    for (const [k, v] of Object.entries(this.cost)) if (!(typeof v === 'number' && v >= 0 && Number.isFinite(v))) invalid(`cost.${k}`, v, 'a non-negative number of ns');
    for (const [name, fn] of Object.entries(config.hooks ?? {})) {
      if (!(HOOK_NAMES as string[]).includes(name)) invalid(`hooks.${name}`, 'function', `hooks are ${HOOK_NAMES.join(', ')}`);
      if (typeof fn !== 'function') invalid(`hooks.${name}`, typeof fn, 'a function');
    }
    this.hooks = { ...referenceHooks, ...config.hooks };
    this.trace = new Trace(intIn('traceCapacity', config.traceCapacity, 1 << 16, 0, 1 << 24));
    const nicCfg = config.nic ?? {};
    const rssKey = nicCfg.rssKey ? parseHexKey(nicCfg.rssKey) : netdev_rss_key_fill(this.rng);
    this.sysctlTable = new SysctlTable({ nrCpus: this.nrCpus, hz: this.hz, rssKey: padKey(rssKey) });
    this.peer = new Peer((flow) => {
      const sk = __inet_lookup(this, IPPROTO_TCP, flow.daddr, flow.dport);
      return sk === undefined ? Infinity : tcp_select_window(sk);
    });
    this.flows = this.peer.flows;
    withMachine(this, () => this.boot(config, nicCfg, rssKey));
  }

  /** start_kernel, reduced: the CPUs and their threads, the network core, IPv4, then the NIC's driver, the settings, the sockets. */
  private boot(config: HostConfig, nicCfg: NicConfig, rssKey: Uint8Array): void {
    for (let i = 0; i < this.nrCpus; i++) {
      const cpu = new Cpu(i);
      spawn_ksoftirqd(cpu);
      sched_init_cpu(cpu);
      this.cpus.push(cpu);
    }
    this.cpu = this.cpus[0]!;
    net_dev_init();
    inet_init();

    const name = nicCfg.name ?? 'eth0';
    if (!/^[a-z][a-z0-9]{0,14}$/.test(name)) invalid('nic.name', name, 'an interface name such as eth0');
    const ip = parseConfigIp('nic.ip', nicCfg.ip ?? '10.0.0.1');
    const dev = new NetDevice(this, name, 2, nicCfg.mac ?? '52:54:00:12:34:56', ip, 24);
    this.dev = dev;
    dev.features.gro = nicCfg.gro ?? true;
    dev.features.rxhash = nicCfg.rxhash ?? true;
    // igb starts with as many queues as CPUs, up to the NIC's 4.
    const queues = intIn('nic.queues', nicCfg.queues, Math.min(IGB_MAX_RX_QUEUES, this.nrCpus), 1, IGB_MAX_RX_QUEUES);
    this.nic = new Nic(this, IGB_MAX_RX_QUEUES, rssKey.subarray(0, 40), intIn('nic.fifoBytes', nicCfg.fifoBytes, 32 * 1024, 2048, 1 << 20), this.hooks.rss_select_queue);
    const adapter = new IgbAdapter(dev, this.nic, queues, this.nrCpus, 128, '0000:03:00.0');
    this.adapter = adapter;
    dev.priv = adapter;
    dev.ethtool_ops = igb_ethtool_ops;
    const ring = intIn('nic.ringSize', nicCfg.ringSize, 256, IGB_MIN_RXD, IGB_MAX_RXD);
    adapter.rx_ring_count = Math.ceil(ring / 8) * 8;
    const usecs = nicCfg.rxUsecs ?? 3;
    if (!isValidIgbRxUsecs(usecs)) invalid('nic.rxUsecs', usecs, '0, 1, 3 or 10..10000');
    adapter.rx_itr_setting = usecs <= 3 ? usecs : usecs << 2;
    const failRate = nicCfg.pageAllocFailRate ?? 0;
    if (!(failRate >= 0 && failRate <= 1)) invalid('nic.pageAllocFailRate', failRate, 'a fraction 0..1');
    adapter.pageAllocFailRate = failRate;
    netif_set_real_num_rx_queues(dev, queues);

    this.refreshTunables();
    for (const [name, value] of Object.entries(config.sysctl ?? {})) this.writeAtBoot(`sysctl ${name}=${value}`, () => this.writeSysctl(name, String(value)));
    igb_open(adapter);
    for (const [path, value] of Object.entries(config.sysfs ?? {})) this.writeAtBoot(`${path} = ${value}`, () => this.writeSysfs(path, String(value)));
    const sockets = config.sockets ?? [{ proto: 'udp', port: DEFAULT_UDP_PORT }];
    sockets.forEach((s, i) => this.openSocket(s, i));
  }

  /** Run a tool's request on this host (a syscall, an ethtool or sysfs operation): kernel code reaches this machine meanwhile. */
  request<T>(fn: () => T): T {
    return withMachine(this, fn);
  }

  // --- sysctl --------------------------------------------------------------------------

  hasSysctl(name: string): boolean {
    return this.sysctlTable.has(name);
  }

  sysctlNames(): string[] {
    return this.sysctlTable.names();
  }

  /** A sysctl's value, typed by how its proc handler prints it (the shell prints it). */
  sysctl(name: string): SysctlValue {
    return this.sysctlTable.value(name);
  }

  sysctlWritable(name: string): boolean {
    return this.sysctlTable.writable(name);
  }

  /** A write to /proc/sys: refused (KernelError) as the kernel refuses it, or applied. */
  writeSysctl(name: string, text: string): void {
    this.sysctlTable.write(name, text);
    this.refreshTunables(name);
  }

  private refreshTunables(changed?: string): void {
    const s = this.sysctlTable;
    const hot = this.net_hotdata;
    hot.netdev_budget = s.int('net.core.netdev_budget');
    hot.netdev_budget_usecs = s.int('net.core.netdev_budget_usecs');
    hot.max_backlog = s.int('net.core.netdev_max_backlog');
    hot.dev_rx_weight = s.int('net.core.dev_weight') * s.int('net.core.dev_weight_rx_bias');
    hot.gro_normal_batch = s.int('net.core.gro_normal_batch');
    this.udp_mem_max_pages = s.ints('net.ipv4.udp_mem')[2]!;
    if (!changed || changed === 'net.core.rps_sock_flow_entries') {
      const entries = s.int('net.core.rps_sock_flow_entries');
      hot.rps_sock_flow_table = entries > 0 ? new RpsSockFlowTable(entries) : null;
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

  // --- sysfs and /proc/irq ------------------------------------------------------------

  /**
   * A write to a file of /sys/class/net/<dev> or /proc/irq/<N>: its kernel store, run on this host,
   * refuses it (KernelError) or applies it. ENOENT for a file that is not there or takes no writes.
   */
  writeSysfs(path: string, text: string): void {
    const store = this.sysfsStores().get(path.replace(/\/+$/, ''));
    if (!store) throw new KernelError('ENOENT', `${path}: not a file that takes writes`);
    this.request(() => store(text));
  }

  /** Each file that takes writes, by path, bound to its object: what the VFS finds for an open(2). */
  private sysfsStores(): Map<string, (text: string) => void> {
    const stores = new Map<string, (text: string) => void>();
    const dev = this.dev;
    const base = `/sys/class/net/${dev.name}`;
    dev.rx_queues.forEach((rxq, q) => {
      for (const [file, store] of Object.entries(rx_queue_stores)) stores.set(`${base}/queues/rx-${q}/${file}`, (text) => store(rxq, text));
    });
    for (const [file, store] of Object.entries(net_class_stores)) stores.set(`${base}/${file}`, (text) => store(dev, text));
    for (const desc of this.adapter.irqs) {
      stores.set(`/proc/irq/${desc.irq}/smp_affinity`, (text) => write_irq_affinity(0, desc, text));
      stores.set(`/proc/irq/${desc.irq}/smp_affinity_list`, (text) => write_irq_affinity(1, desc, text));
    }
    return stores;
  }

  /** A setting of the host config, written as a tool would write it; a refusal names it. */
  private writeAtBoot(setting: string, write: () => void): void {
    try {
      write();
    } catch (e) {
      if (e instanceof KernelError) throw new RangeError(`host config: ${setting} refused: ${e.strerror} (${e.message})`);
      throw e;
    }
  }

  // --- sockets -------------------------------------------------------------------------

  private openSocket(s: SocketConfig, i: number): void {
    const field = `sockets[${i}]`;
    if (s.proto !== 'udp' && s.proto !== 'tcp') invalid(`${field}.proto`, s.proto, "'udp' or 'tcp'");
    const port = intIn(`${field}.port`, s.port, 0, 1, 65535);
    const proto: IpProto = s.proto === 'udp' ? IPPROTO_UDP : IPPROTO_TCP;
    if (this.sockets.some((o) => o.protocol === proto && o.num === port)) invalid(`${field}.port`, port, 'already bound: EADDRINUSE');
    const rcvbuf = proto === IPPROTO_UDP ? this.sysctlTable.int('net.core.rmem_default') : this.sysctlTable.ints('net.ipv4.tcp_rmem')[1]!;
    const sndbuf = proto === IPPROTO_UDP ? this.sysctlTable.int('net.core.wmem_default') : this.sysctlTable.ints('net.ipv4.tcp_wmem')[1]!;
    const sk = new Sock(this, this.sockets.length, proto, 0, port, 0, 0, rcvbuf, sndbuf);
    if (proto === IPPROTO_TCP) sk.sk_backlog_rcv = tcp_v4_do_rcv;
    if (s.rcvbuf !== undefined) {
      if (!Number.isInteger(s.rcvbuf) || s.rcvbuf < 0) invalid(`${field}.rcvbuf`, s.rcvbuf, 'bytes, a whole number ≥ 0');
      sock_set_rcvbuf(sk, s.rcvbuf, this.sysctlTable.int('net.core.rmem_max'));
    }
    this.sockets.push(sk);
    if (s.reader === null) return;
    const cpu = intIn(`${field}.reader.cpu`, s.reader?.cpu, this.nrCpus - 1, 0, this.nrCpus - 1);
    const processNs = s.reader?.processNs ?? 1000;
    if (!(processNs >= 0 && Number.isFinite(processNs))) invalid(`${field}.reader.processNs`, processNs, 'ns, ≥ 0');
    const reader = new SocketReader(sk, { cpu, processNs }, (latencyNs) => this.latency.record(latencyNs));
    this.readers.push(reader);
    this.cpus[cpu]!.threads.push(reader);
    this.cpus[cpu]!.wake(this.now);
  }

  // --- running -------------------------------------------------------------------------

  /** Put a workload on the wire for `durationNs` of virtual time and simulate the host meanwhile. */
  run(workload: Workload, options: RunOptions): RunResult {
    const durationNs = options.durationNs;
    if (!(durationNs > 0) || !Number.isFinite(durationNs)) throw new RangeError(`run: durationNs must be a positive number of ns, got ${durationNs}`);
    return withMachine(this, () => {
      const start = this.now;
      const end = start + durationNs;
      const source = new TrafficSource(this.peer, workload, start, end, this.dev.ipv4);
      const dropsBefore = new Map(this.drops.counts().map((d) => [`${d.reason}|${d.where}`, d.count]));
      const warningsBefore = this.dmesg.length;
      this.latency = new Histogram();
      // The wire is the most frequent event: it stays out of the heap, ranked among the timers of
      // the same time as a timer created now would be.
      const wireRank = this.timers.rank();
      while (this.fireUntil(end, source, wireRank)) {}
      this.now = end;
      const drops = this.drops
        .counts()
        .map((d) => ({ ...d, count: d.count - (dropsBefore.get(`${d.reason}|${d.where}`) ?? 0) }))
        .filter((d) => d.count > 0);
      const result = {
        workload: workload.name,
        startNs: start + 0, // + 0: before the first run, now is still the -0 it starts at
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
    });
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
