/**
 * Every counter of the host as data, under the names the kernel and its tools use. The shell
 * renders these as text; labs check them.
 */
import type { DropCount, Host } from './host.ts';
import { igb_update_stats } from './drivers/net/ethernet/intel/igb/igb_main.ts';
import { SOFTIRQ_NAMES, type SoftirqName } from './include/linux/interrupt.ts';
import type { NapiObservations } from './include/linux/netdevice.ts';
import type { CpuTime } from './include/linux/sched.ts';
import { cloneMib, type Mib } from './include/net/snmp.ts';
import { IPPROTO_UDP } from './include/uapi/linux/in.ts';

/** One row of /proc/net/softnet_stat (the 15 columns of Linux >= 6.4, by their source names). */
export interface SoftnetStat {
  processed: number;
  dropped: number;
  time_squeeze: number;
  received_rps: number;
  flow_limit_count: number;
  softnet_backlog_len: number;
  index: number;
  input_qlen: number;
  process_qlen: number;
}

export interface InterruptLine {
  irq: number;
  name: string;
  chip: string;
  perCpu: number[];
}

/** struct rtnl_link_stats64 as `ip -s link` and /sys/class/net/<dev>/statistics show it. */
export interface NetdevStats {
  rx_packets: number;
  tx_packets: number;
  rx_bytes: number;
  tx_bytes: number;
  rx_errors: number;
  tx_errors: number;
  rx_dropped: number;
  tx_dropped: number;
  multicast: number;
  collisions: number;
  rx_length_errors: number;
  rx_over_errors: number;
  rx_crc_errors: number;
  rx_frame_errors: number;
  rx_fifo_errors: number;
  rx_missed_errors: number;
  tx_aborted_errors: number;
  tx_carrier_errors: number;
  tx_fifo_errors: number;
  tx_heartbeat_errors: number;
  tx_window_errors: number;
  rx_compressed: number;
  tx_compressed: number;
  rx_nohandler: number;
}

export interface SocketStat {
  proto: 'udp' | 'tcp';
  state: 'UNCONN' | 'ESTAB';
  localAddr: number;
  localPort: number;
  peerAddr: number;
  peerPort: number;
  /** Recv-Q: rmem (UDP) or unread bytes (TCP). */
  recvQ: number;
  sendQ: number;
  /** ss -m: skmem:(r,rb,t,tb,f,w,o,bl,d) */
  skmem: { r: number; rb: number; t: number; tb: number; f: number; w: number; o: number; bl: number; d: number };
}

export interface ThreadStat {
  name: string;
  cpu: number;
  /** CPU time the thread has had, ns. */
  runtimeNs: number;
  runnable: boolean;
}

export interface HostStats {
  timeNs: number;
  nrCpus: number;
  hz: number;
  softnet: SoftnetStat[];
  softirqs: Record<SoftirqName, number[]>;
  interrupts: InterruptLine[];
  /** Per-CPU local interrupts: LOC (timer), RES (rescheduling IPIs), CAL (function-call IPIs, RPS). */
  localInterrupts: { LOC: number[]; RES: number[]; CAL: number[] };
  cpuTime: CpuTime[];
  /** Per-CPU context switches (rq->nr_switches), switches to and from the idle task included. */
  contextSwitches: number[];
  threads: ThreadStat[];
  nic: {
    name: string;
    driver: 'igb';
    /** `ethtool -S` in the driver's order. */
    ethtool: [string, number][];
    netdev: NetdevStats;
  };
  snmp: Mib;
  sockets: SocketStat[];
  /** What the simulator saw each NAPI's poll do (for checks; not a kernel counter). */
  napi: (NapiObservations & { name: string })[];
  drops: DropCount[];
}

/** The netdev counters: the driver's ring counts and hardware registers, plus the core's drops (dev_get_stats). */
export function netdevStats(host: Host): NetdevStats {
  igb_update_stats(host.adapter);
  const hw = host.nic.hw;
  const rings = host.adapter.ringStats.slice(0, host.adapter.num_rx_queues);
  const sum = (f: (r: (typeof rings)[number]) => number) => rings.reduce((s, r) => s + f(r), 0);
  const rqdpc = sum((r) => r.drops);
  return {
    rx_packets: sum((r) => r.packets),
    tx_packets: 0,
    rx_bytes: sum((r) => r.bytes),
    tx_bytes: 0,
    rx_errors: hw.crcerrs,
    tx_errors: 0,
    rx_dropped: host.dev.stats.rx_dropped,
    tx_dropped: 0,
    multicast: hw.mprc,
    collisions: 0,
    rx_length_errors: 0,
    rx_over_errors: 0,
    rx_crc_errors: hw.crcerrs,
    rx_frame_errors: 0,
    rx_fifo_errors: hw.mpc + rqdpc,
    rx_missed_errors: hw.mpc,
    tx_aborted_errors: 0,
    tx_carrier_errors: 0,
    tx_fifo_errors: 0,
    tx_heartbeat_errors: 0,
    tx_window_errors: 0,
    rx_compressed: 0,
    tx_compressed: 0,
    rx_nohandler: host.dev.stats.rx_nohandler,
  };
}

/** igb's `ethtool -S`: igb_gstrings_stats, then igb_gstrings_net_stats, then per TX queue and per RX queue. */
function igbEthtoolStats(host: Host, net: NetdevStats): [string, number][] {
  const hw = host.nic.hw;
  const out: [string, number][] = [
    ['rx_packets', hw.gprc],
    ['tx_packets', 0],
    ['rx_bytes', hw.gorc],
    ['tx_bytes', 0],
    ['rx_broadcast', hw.bprc],
    ['tx_broadcast', 0],
    ['rx_multicast', hw.mprc],
    ['tx_multicast', 0],
    ['multicast', hw.mprc],
    ['collisions', 0],
    ['rx_crc_errors', hw.crcerrs],
    ['rx_no_buffer_count', hw.rnbc],
    ['rx_missed_errors', hw.mpc],
    ['tx_aborted_errors', 0],
    ['tx_carrier_errors', 0],
    ['tx_window_errors', 0],
    ['tx_abort_late_coll', 0],
    ['tx_deferred_ok', 0],
    ['tx_single_coll_ok', 0],
    ['tx_multi_coll_ok', 0],
    ['tx_timeout_count', 0],
    ['rx_long_length_errors', 0],
    ['rx_short_length_errors', 0],
    ['rx_align_errors', 0],
    ['tx_tcp_seg_good', 0],
    ['tx_tcp_seg_failed', 0],
    ['rx_flow_control_xon', 0],
    ['rx_flow_control_xoff', 0],
    ['tx_flow_control_xon', 0],
    ['tx_flow_control_xoff', 0],
    ['rx_long_byte_count', hw.gorc],
    ['tx_dma_out_of_sync', 0],
    ['tx_smbus', 0],
    ['rx_smbus', 0],
    ['dropped_smbus', 0],
    ['os2bmc_rx_by_bmc', 0],
    ['os2bmc_tx_by_bmc', 0],
    ['os2bmc_tx_by_host', 0],
    ['os2bmc_rx_by_host', 0],
    ['tx_hwtstamp_timeouts', 0],
    ['tx_hwtstamp_skipped', 0],
    ['rx_hwtstamp_cleared', 0],
    ['rx_errors', net.rx_errors],
    ['tx_errors', net.tx_errors],
    ['tx_dropped', net.tx_dropped],
    ['rx_length_errors', net.rx_length_errors],
    ['rx_over_errors', net.rx_over_errors],
    ['rx_frame_errors', net.rx_frame_errors],
    ['rx_fifo_errors', net.rx_fifo_errors],
    ['tx_fifo_errors', net.tx_fifo_errors],
    ['tx_heartbeat_errors', net.tx_heartbeat_errors],
  ];
  const n = host.adapter.num_rx_queues;
  for (let q = 0; q < n; q++) out.push([`tx_queue_${q}_packets`, 0], [`tx_queue_${q}_bytes`, 0], [`tx_queue_${q}_restart`, 0]);
  for (let q = 0; q < n; q++) {
    const r = host.adapter.ringStats[q]!;
    out.push([`rx_queue_${q}_packets`, r.packets], [`rx_queue_${q}_bytes`, r.bytes], [`rx_queue_${q}_drops`, r.drops], [`rx_queue_${q}_csum_err`, r.csum_err], [`rx_queue_${q}_alloc_failed`, r.alloc_failed]);
  }
  return out;
}

export function collectStats(host: Host): HostStats {
  const cpus = host.cpus;
  const softirqs = Object.fromEntries(SOFTIRQ_NAMES.map((name, nr) => [name, cpus.map((c) => c.softirqCounts[nr]!)])) as Record<SoftirqName, number[]>;
  const interrupts: InterruptLine[] = host.adapter.irqs.map((d) => ({ irq: d.irq, name: d.name, chip: d.chip, perCpu: [...d.counts] }));
  const net = netdevStats(host);
  return {
    timeNs: host.now,
    nrCpus: host.nrCpus,
    hz: host.hz,
    softnet: cpus.map((c) => {
      const sd = c.sd;
      return {
        processed: sd.processed,
        dropped: sd.dropped,
        time_squeeze: sd.time_squeeze,
        received_rps: sd.received_rps,
        flow_limit_count: sd.flow_limit_count,
        softnet_backlog_len: sd.input_pkt_queue.qlen + sd.process_queue.qlen,
        index: c.id,
        input_qlen: sd.input_pkt_queue.qlen,
        process_qlen: sd.process_queue.qlen,
      };
    }),
    softirqs,
    interrupts,
    localInterrupts: { LOC: cpus.map((c) => c.local.LOC), RES: cpus.map((c) => c.local.RES), CAL: cpus.map((c) => c.local.CAL) },
    cpuTime: cpus.map((c) => ({ ...c.time })),
    contextSwitches: cpus.map((c) => c.nr_switches),
    // + 0: a thread that has never run still holds the -0 its runtime starts at (index.ts).
    threads: cpus.flatMap((c) => c.threads.map((t) => ({ name: t.name, cpu: c.id, runtimeNs: t.vruntime + 0, runnable: t.runnable }))),
    nic: { name: host.dev.name, driver: 'igb', ethtool: igbEthtoolStats(host, net), netdev: net },
    snmp: cloneMib(host.mib),
    sockets: host.sockets.map((sk) => ({
      proto: sk.protocol === IPPROTO_UDP ? 'udp' : 'tcp',
      state: sk.protocol === IPPROTO_UDP ? 'UNCONN' : 'ESTAB',
      localAddr: sk.rcv_saddr,
      localPort: sk.num,
      peerAddr: sk.daddr,
      peerPort: sk.dport,
      recvQ: sk.protocol === IPPROTO_UDP ? sk.sk_rmem_alloc : sk.unreadBytes,
      sendQ: 0,
      skmem: { r: sk.sk_rmem_alloc, rb: sk.sk_rcvbuf, t: 0, tb: sk.sk_sndbuf, f: sk.sk_forward_alloc, w: 0, o: 0, bl: sk.sk_backlog_len, d: sk.sk_drops },
    })),
    napi: [...host.adapter.q_vectors.map((q) => q.napi), ...cpus.map((c) => c.sd.backlog)].map((n) => ({ name: n.name, ...n.seen })),
    drops: host.drops.counts(),
  };
}
