/**
 * What kernel code may read of the machine it runs on, and which machine that is. The kernel reaches
 * its globals by name (this CPU's data, init_net's counters, net_hotdata, the printk buffer); the
 * simulator runs several hosts, so those globals are the running host's: machine() returns it,
 * typed as this interface, while one of its events or tools runs. The objects kernel code passes
 * around (an skb, a NAPI, a socket, a ring) hold no way back to the host.
 */
import type { CostModel } from '../engine/cost.ts';
import type { DropLedger } from '../engine/drops.ts';
import type { Rng } from '../engine/rng.ts';
import type { TimerQueue } from '../engine/timer.ts';
import type { Trace } from '../engine/trace.ts';
import type { Hooks } from './hooks.ts';
import type { PacketType } from './linux/netdevice.ts';
import type { SoftirqAction } from './linux/interrupt.ts';
import type { Cpu } from './linux/sched.ts';
import type { SkbDropReason } from './net/dropreason-core.ts';
import type { Flow } from './net/flow_dissector.ts';
import type { NetHotdata } from './net/hotdata.ts';
import type { Mib } from './net/snmp.ts';
import type { Sock } from './net/sock.ts';

export interface Machine {
  // The hardware, and the simulator's clock and instruments.
  readonly nrCpus: number;
  readonly hz: number;
  /** 1/HZ in ns: a jiffy. */
  readonly tickNs: number;
  readonly cpus: readonly Cpu[];
  /** The CPU whose step is running (this_cpu). */
  cpu: Cpu;
  /** Global time of the event being processed, ns. */
  now: number;
  readonly timers: TimerQueue;
  readonly trace: Trace;
  readonly cost: Readonly<CostModel>;
  readonly rng: Rng;
  /** Every drop, by reason and place: what the skb:kfree_skb tracepoint and the NIC's counters see. */
  readonly drops: DropLedger<SkbDropReason>;
  /** The flows on the wire by id: what a frame's headers say (a descriptor names its frame's flow by id). */
  readonly flows: readonly Flow[];
  /** The far end of the wire: what a TCP ACK tells the sender (the transmit path is not simulated). */
  readonly peer: { ack(flow: Flow, end_seq: number): void };

  // The kernel's globals.
  /** The functions a lab may have replaced (the reference ones otherwise). */
  readonly hooks: Hooks;
  /** softirq_vec: the handler of each softirq number (open_softirq). */
  readonly softirq_vec: (SoftirqAction | null)[];
  /** ptype_base: the protocol handlers (dev_add_pack). */
  readonly ptype_base: PacketType[];
  /** The base slice of the EEVDF scheduler, ns (sysctl_sched_base_slice, scaled by CPU count). */
  readonly sched_slice_ns: number;
  readonly net_hotdata: NetHotdata;
  /** init_net's SNMP counters. */
  readonly mib: Mib;
  /** The bound sockets (the UDP table and TCP's established hash, in one list). */
  readonly sockets: readonly Sock[];
  /** udp_memory_allocated, in bytes, and net.ipv4.udp_mem's hard limit, in pages. */
  udp_memory_allocated: number;
  readonly udp_mem_max_pages: number;
  /** The flow dissector's per-boot hash key (hashrnd). */
  readonly hashrnd: number;
  /** icmp_global: the token bucket of icmp_global_allow. */
  readonly icmp_global: { credit: number; stamp: number };
  /** The kernel log (dmesg), and the messages printed once already (pr_warn_once). */
  readonly dmesg: string[];
  readonly printed_once: Set<string>;
}

/** The machine running now, in a constant object: a field load, where a module `let` would add a check for its temporal dead zone. */
const current: { machine: Machine | null } = { machine: null };

/** The machine whose event or tool is running. */
export function machine(): Machine {
  const m = current.machine;
  if (m === null) throw new Error('kernel functions can only be called while the simulator runs (inside a hook)');
  return m;
}

/** Run `fn` on `m`, restoring the machine that ran before. */
export function withMachine<T>(m: Machine, fn: () => T): T {
  const prev = current.machine;
  current.machine = m;
  try {
    return fn();
  } finally {
    current.machine = prev;
  }
}

/** The hooks of the running machine. */
export function hooks(): Hooks {
  return machine().hooks;
}
