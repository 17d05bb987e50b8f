/** NAPI: struct napi_struct and the scheduling contract (net/core/dev.c). */
import type { Host } from './host.ts';
import type { QVector } from './igb.ts';
import type { NetDevice } from './netdevice.ts';
import type { SoftnetData } from './softnet.ts';
import { GroState, gro_normal_list, napi_gro_flush } from './gro.ts';
import { ListHead, list_add_tail, list_del_init, list_empty } from './list.ts';
import { Hrtimer, hrtimer_start } from './hrtimer.ts';
import * as netdevice_h from './netdevice.ts';
import * as softirq_h from './softirq.ts';

// Imported constants as module constants, which V8 folds into the code (see index.ts).
const { NAPI_STATE_MISSED, NAPI_STATE_SCHED } = netdevice_h;
const { NET_RX_SOFTIRQ } = softirq_h;

export const NAPI_POLL_WEIGHT = 64;

export type PollFunction = (napi: NapiStruct, budget: number) => number;

/** What the simulator observed of one NAPI instance: the facts a lab's checks read. */
export interface NapiObservations {
  polls: number;
  work: number;
  /** Polls that returned more than their budget (a driver bug the kernel reports). */
  overBudget: number;
  /** Polls that used the whole budget and still completed NAPI (drivers must not). */
  completedAtBudget: number;
  /** Polls that did less than the budget and left NAPI scheduled without completing. */
  leftScheduled: number;
  completions: number;
}

export class NapiStruct {
  declare readonly host: Host;
  declare readonly dev: NetDevice | null;
  declare readonly name: string;
  declare poll: PollFunction;
  weight = NAPI_POLL_WEIGHT;
  state = 0;
  /** napi_enable() done and no napi_disable() since. */
  enabled = false;
  q_vector: QVector | null = null;
  sd: SoftnetData | null = null;
  /** Its node in the list it is on (a CPU's poll_list, net_rx_action's local list or repoll); empty when on none. */
  readonly poll_list: ListHead<NapiStruct> = new ListHead<NapiStruct>(this);
  /** The CPU whose poll_list holds it (list_owner), -1 when none. */
  list_owner = -1;
  readonly gro = new GroState();
  /** The gro_flush_timeout timer: napi_watchdog polls the NAPI again when no IRQ will. */
  declare readonly timer: Hrtimer;
  defer_hard_irqs_count = 0;
  readonly seen: NapiObservations = { polls: 0, work: 0, overBudget: 0, completedAtBudget: 0, leftScheduled: 0, completions: 0 };

  constructor(host: Host, dev: NetDevice | null, name: string, poll: PollFunction) {
    this.host = host;
    this.dev = dev;
    this.name = name;
    this.poll = poll;
    this.timer = new Hrtimer(host, () => napi_watchdog(this));
  }
}

/** list_add_tail(&n->poll_list, head), with CONFIG_DEBUG_LIST's check that the NAPI is on no list yet. */
function napi_list_add_tail(n: NapiStruct, head: ListHead<NapiStruct>): void {
  if (!list_empty(n.poll_list)) {
    n.host.warn(`list_add corruption: NAPI ${n.name} is already on a list (a driver completed NAPI and still returned its budget?)`);
    list_del_init(n.poll_list);
  }
  list_add_tail(n.poll_list, head);
}

/** napi_schedule_prep: claim the NAPI; if it is already scheduled, note that an event was missed. */
export function napi_schedule_prep(n: NapiStruct): boolean {
  if (!n.enabled) return false;
  if (n.state & NAPI_STATE_SCHED) {
    n.state |= NAPI_STATE_MISSED;
    return false;
  }
  n.state |= NAPI_STATE_SCHED;
  return true;
}

/** ____napi_schedule: put the NAPI on this CPU's poll list and raise NET_RX_SOFTIRQ. */
export function ____napi_schedule(sd: SoftnetData, n: NapiStruct): void {
  napi_list_add_tail(n, sd.poll_list);
  n.list_owner = sd.cpu;
  n.host.cpus[sd.cpu]!.raiseSoftirq(NET_RX_SOFTIRQ);
}

export function __napi_schedule(n: NapiStruct): void {
  ____napi_schedule(n.host.cpu.sd, n);
}

/** napi_schedule: called by a driver's IRQ handler. */
export function napi_schedule(n: NapiStruct): void {
  if (napi_schedule_prep(n)) __napi_schedule(n);
}

/**
 * napi_complete_done: the driver finished with less than its budget. Flush GRO, hand the packets
 * up, clear SCHED. Returns false when an event was missed meanwhile (the NAPI is rescheduled and the
 * driver must not re-enable its interrupt) or when the IRQ must stay deferred.
 */
export function napi_complete_done(n: NapiStruct, work_done: number): boolean {
  const host = n.host;
  let ret = true;
  let timeout = 0;
  const dev = n.dev;
  if (work_done && dev !== null) {
    // The flush timeout matters only while GRO holds packets; deferring the IRQ does not need any.
    if (n.gro.held) timeout = dev.gro_flush_timeout;
    n.defer_hard_irqs_count = dev.napi_defer_hard_irqs;
  }
  if (n.defer_hard_irqs_count > 0) {
    n.defer_hard_irqs_count--;
    timeout = dev !== null ? dev.gro_flush_timeout : 0;
    if (timeout) ret = false;
  }
  napi_gro_flush(n, timeout !== 0);
  gro_normal_list(n);
  list_del_init(n.poll_list);
  n.list_owner = -1;
  if (!(n.state & NAPI_STATE_SCHED)) host.warn(`WARNING: napi_complete_done called for ${n.name}, which is not scheduled`);
  const missed = (n.state & NAPI_STATE_MISSED) !== 0;
  n.state = missed ? NAPI_STATE_SCHED : 0;
  n.seen.completions++;
  if (missed) {
    __napi_schedule(n);
    return false;
  }
  if (timeout) hrtimer_start(n.timer, timeout);
  return ret;
}

/** napi_watchdog: the gro_flush_timeout hrtimer fired; poll again without waiting for an IRQ. */
function napi_watchdog(n: NapiStruct): void {
  if (n.enabled && !(n.state & NAPI_STATE_SCHED)) {
    n.state |= NAPI_STATE_SCHED;
    __napi_schedule(n);
  }
}

/**
 * __napi_poll: call the poll function with the NAPI's weight as budget, return the work done and
 * set `repoll.value` when the NAPI needs another round.
 */
export function __napi_poll(n: NapiStruct, repoll: { value: boolean }): number {
  repoll.value = false;
  const host = n.host;
  const weight = n.weight;
  let work = 0;
  if (n.state & NAPI_STATE_SCHED) {
    host.cpu.charge(host.cost.napiPoll);
    work = n.poll(n, weight);
    if (!Number.isInteger(work) || work < 0) {
      host.warn(`NAPI poll function ${n.poll.name || 'poll'} returned ${String(work)}, not a count of packets; taken as 0`);
      work = 0;
    }
    n.seen.polls++;
    n.seen.work += work;
  }
  if (work > weight) {
    n.seen.overBudget++;
    host.warnOnce(`napi-over-${n.name}`, `NAPI poll function ${n.poll.name || 'poll'} returned ${work}, exceeding its budget of ${weight}.`);
  }
  if (work < weight) {
    if (n.state & NAPI_STATE_SCHED && list_empty(n.poll_list)) n.seen.leftScheduled++;
    return work;
  }
  // The driver consumed its whole budget: it must not have completed.
  if (!(n.state & NAPI_STATE_SCHED)) {
    n.seen.completedAtBudget++;
    host.warnOnce(`napi-complete-${n.name}`, `${n.name}: NAPI completed by a poll that used its whole budget of ${weight}`);
    return work;
  }
  if (!n.enabled) {
    return work;
  }
  // HZ < 1000: flush every held GRO packet, then hand up the batch.
  napi_gro_flush(n, host.hz >= 1000);
  gro_normal_list(n);
  if (!list_empty(n.poll_list)) {
    host.warnOnce(`napi-resched-${n.name}`, `${n.name}: Budget exhausted after napi rescheduled`);
    return work;
  }
  repoll.value = true;
  return work;
}

/** napi_poll's bool do_repoll, passed by reference as the kernel passes its address (one object, not one per poll). */
const do_repoll = { value: false };

/** napi_poll: poll one NAPI taken off net_rx_action's list, and queue it on `repoll` if needed. */
export function napi_poll(n: NapiStruct, repoll: ListHead<NapiStruct>): number {
  list_del_init(n.poll_list);
  const work = __napi_poll(n, do_repoll);
  if (do_repoll.value) napi_list_add_tail(n, repoll);
  return work;
}
