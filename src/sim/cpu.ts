/**
 * One CPU: what runs on it and when. Work happens in steps, each atomic at its start in global
 * time and charging its cost to this CPU's clock: a hard interrupt, one pass over the pending
 * softirqs, or one step of a thread. Between steps the CPU chooses as the kernel does: pending
 * hard IRQs first, then softirqs raised by them (at irq_exit), then threads — the application and
 * ksoftirqd — by a fair scheduler.
 */
import type { Host } from './host.ts';
import { Fifo } from './fifo.ts';
import { IrqDesc } from './irq.ts';
import type { Timer } from './timer.ts';
import { SoftnetData } from './softnet.ts';
import * as softirq_h from './softirq.ts';

// Imported constants as module constants, which V8 folds into the code (see index.ts).
const { MAX_SOFTIRQ_RESTART, MAX_SOFTIRQ_TIME_NS, NET_RX_SOFTIRQ, NR_SOFTIRQS, TIMER_SOFTIRQ } = softirq_h;

/** What a CPU is running, as the index of the CpuTime field its time is charged to (a number, so charging is one indexed add). */
export const CTX_IRQ = 0;
export const CTX_SOFTIRQ = 1;
export const CTX_KSOFTIRQD = 2;
export const CTX_USER = 3;
export const CTX_SYSTEM = 4;
const IDLE = 5;

/** Where a CPU's time went, in ns (what top and /proc/stat split into hi, si, us, sy). */
export interface CpuTime {
  irq: number;
  softirq: number;
  ksoftirqd: number;
  user: number;
  system: number;
  idle: number;
}

/** A schedulable thread pinned to one CPU. */
export interface Thread {
  readonly name: string;
  runnable: boolean;
  vruntime: number;
  /** Do one step of work on `cpu`, charging it; or go to sleep (runnable = false). */
  step(cpu: Cpu): void;
}

/** The per-CPU kthread that takes over softirq work that keeps coming back. */
class Ksoftirqd implements Thread {
  declare readonly name: string;
  runnable = false;
  vruntime = -0; // a double from the start (index.ts)

  constructor(cpu: number) {
    this.name = `ksoftirqd/${cpu}`;
  }

  /** run_ksoftirqd */
  step(cpu: Cpu): void {
    if (!cpu.pending) {
      this.runnable = false;
      return;
    }
    cpu.handleSoftirqs(CTX_KSOFTIRQD);
  }
}

export class Cpu {
  declare readonly id: number;
  declare readonly host: Host;
  declare readonly sd: SoftnetData;
  /** Local time: the end of the last step this CPU executed. */
  clock = -0; // a double from the start (index.ts)
  /** Pending softirqs (bit per SOFTIRQ number). */
  pending = 0;
  readonly softirqCounts = new Array<number>(NR_SOFTIRQS).fill(0);
  /** Time per context, indexed by CTX_* and IDLE. */
  private readonly spent = new Float64Array(6);
  /** Local interrupts of /proc/interrupts: timer (LOC), rescheduling IPIs (RES), function-call IPIs (CAL). */
  readonly local = { LOC: 0, RES: 0, CAL: 0 };
  declare readonly ksoftirqd: Ksoftirqd;
  readonly threads: Thread[] = [];
  current: Thread | null = null;
  /** rq->nr_switches: switches from one task to another, the idle task included (/proc/stat's ctxt sums them). */
  nr_switches = 0;
  private sliceStart = -0; // a double from the start (index.ts)
  needResched = false;
  /** What runs now (CTX_*), and the clock when it began: its time is added to `spent` when it ends. */
  private ctx = CTX_SYSTEM;
  private ctxStart = -0; // a double from the start (index.ts)
  private declare readonly timer: Timer;
  private declare readonly tickTimer: Timer;
  /** Hard interrupts raised here and not yet handled, in the order they came. */
  private readonly irqs = new Fifo<IrqDesc>();
  /** __do_softirq in progress at irq_exit, until which jiffy it may restart, and how many times more. */
  private inSoftirq = false;
  private softirqEnd = 0;
  private softirqRestart = 0;
  private declare readonly hrtimerIrq: IrqDesc;
  private readonly hrtimerCallbacks = new Fifo<() => void>();

  constructor(host: Host, id: number, process_backlog: ConstructorParameters<typeof SoftnetData>[2]) {
    this.host = host;
    this.id = id;
    this.sd = new SoftnetData(host, id, process_backlog);
    this.ksoftirqd = new Ksoftirqd(id);
    this.threads.push(this.ksoftirqd);
    this.timer = host.timers.create(() => this.step(host.now));
    this.tickTimer = host.timers.create(() => this.tick(host.now));
    host.timers.arm(this.tickTimer, host.tickNs);
    this.hrtimerIrq = new IrqDesc(-1, 'LOC', '', 1 << id, [], () => this.runHrtimers());
  }

  /** Charging is one add (the context's share is settled when it ends), small enough for V8 to inline anywhere. */
  charge(ns: number): void {
    this.clock += ns;
  }

  /** From now on, charge time to `ctx`. */
  setCtx(ctx: number): void {
    this.settle();
    this.ctx = ctx;
  }

  /** Add the time charged since the context began, or since the last settling, to its share. */
  private settle(): void {
    this.spent[this.ctx]! += this.clock - this.ctxStart;
    this.ctxStart = this.clock;
  }

  /** Where this CPU's time went, in ns. */
  get time(): CpuTime {
    this.settle();
    const s = this.spent;
    return { irq: s[0]!, softirq: s[1]!, ksoftirqd: s[2]!, user: s[3]!, system: s[4]!, idle: s[5]! };
  }

  raiseIrq(desc: IrqDesc, time: number): void {
    this.irqs.push(desc);
    this.wake(time);
  }

  raiseSoftirq(nr: number): void {
    this.pending |= 1 << nr;
  }

  /** Make sure the CPU looks for work at `time` (or when its current step ends). */
  wake(time: number): void {
    this.host.timers.armEarlier(this.timer, Math.max(time, this.clock));
  }

  /** The scheduler should switch tasks at the next chance. */
  need_resched(): boolean {
    if (this.needResched) return true;
    if (this.current !== null) return false;
    for (const t of this.threads) if (t.runnable) return true;
    return false;
  }

  private step(now: number): void {
    const host = this.host;
    if (this.clock < now) {
      this.settle();
      this.spent[IDLE]! += now - this.clock;
      this.clock = now;
      this.ctxStart = now;
    }
    host.cpu = this;
    if (this.irqs.qlen > 0) {
      this.hardirq(this.irqs.shift()!);
    } else if (this.inSoftirq) {
      this.handleSoftirqs(CTX_SOFTIRQ);
    } else if (!this.runThread()) {
      return; // idle until an interrupt or a wake-up
    }
    host.timers.arm(this.timer, this.clock);
  }

  private hardirq(desc: IrqDesc): void {
    this.setCtx(CTX_IRQ);
    this.charge(this.host.cost.hardirq);
    if (desc.irq >= 0) desc.counts[this.id]!++;
    desc.handler(desc);
    // irq_exit(): run the softirqs the handler raised, unless softirqs are already running here.
    if (!this.inSoftirq && this.pending) {
      // end = jiffies + msecs_to_jiffies(2): at HZ=250 that is the next tick, not a full 2 ms.
      const jiffies = Math.floor(this.clock / this.host.tickNs);
      this.inSoftirq = true;
      this.softirqEnd = jiffies + Math.ceil(MAX_SOFTIRQ_TIME_NS / this.host.tickNs);
      this.softirqRestart = MAX_SOFTIRQ_RESTART;
    }
  }

  /**
   * One pass of handle_softirqs: run every pending softirq once. In irq_exit context, decide
   * whether to go round again or hand the rest to ksoftirqd.
   */
  handleSoftirqs(ctx: typeof CTX_SOFTIRQ | typeof CTX_KSOFTIRQD): void {
    this.setCtx(ctx);
    const pending = this.pending;
    this.pending = 0;
    this.charge(this.host.cost.softirqEntry);
    for (let nr = 0; nr < NR_SOFTIRQS; nr++) {
      if (!(pending & (1 << nr))) continue;
      this.softirqCounts[nr]!++;
      if (nr === NET_RX_SOFTIRQ) this.host.hooks.net_rx_action();
    }
    if (ctx === CTX_SOFTIRQ && this.inSoftirq) {
      const jiffies = Math.floor(this.clock / this.host.tickNs);
      if (this.pending && !(jiffies < this.softirqEnd && !this.need_resched() && --this.softirqRestart > 0)) {
        this.wakeup_softirqd();
        this.inSoftirq = false;
      } else if (!this.pending) {
        this.inSoftirq = false;
      }
    }
  }

  wakeup_softirqd(): void {
    this.wakeThread(this.ksoftirqd);
  }

  /** try_to_wake_up for a thread of this CPU, from code running on `host.cpu`. */
  wakeThread(thread: Thread): void {
    if (thread.runnable) return;
    thread.runnable = true;
    thread.vruntime = Math.max(thread.vruntime, this.minVruntime());
    const waker = this.host.cpu;
    if (waker === this) {
      if (this.current === null) this.needResched = true;
      this.wake(this.clock);
    } else {
      waker.charge(this.host.cost.wakeup);
      if (this.current === null && this.clock <= waker.clock) this.local.RES++;
      this.wake(waker.clock + this.host.cost.ipiLatency);
    }
  }

  /** Put a thread of this CPU to sleep until `time` (a timer wakes it, no other CPU is involved). */
  sleepUntil(thread: Thread, time: number): void {
    thread.runnable = false;
    const timer = this.host.timers.create(() => {
      if (thread.runnable) return;
      thread.runnable = true;
      thread.vruntime = Math.max(thread.vruntime, this.minVruntime());
      if (this.current === null) this.needResched = true;
      this.wake(time);
    });
    this.host.timers.arm(timer, time);
  }

  private minVruntime(): number {
    let min = Infinity;
    for (const t of this.threads) if ((t.runnable || t === this.current) && t.vruntime < min) min = t.vruntime;
    return min === Infinity ? 0 : min;
  }

  private pick(): Thread | null {
    let best: Thread | null = null;
    for (const t of this.threads) if (t.runnable && (best === null || t.vruntime < best.vruntime)) best = t;
    return best;
  }

  private runThread(): boolean {
    let t = this.current;
    if (t === null || !t.runnable || this.needResched) {
      const next = this.pick();
      this.needResched = false;
      if (next !== t && next !== null && t !== null) {
        this.setCtx(CTX_SYSTEM);
        this.charge(this.host.cost.contextSwitch);
      }
      if (next !== t) {
        this.nr_switches++;
        this.sliceStart = this.clock;
      }
      this.current = next;
      t = next;
    }
    if (t === null) return false;
    const before = this.clock;
    t.step(this);
    t.vruntime += this.clock - before;
    return true;
  }

  /** The scheduler tick (HZ): skipped while idle (NOHZ), otherwise a local timer interrupt. */
  private tick(now: number): void {
    const host = this.host;
    host.timers.arm(this.tickTimer, now + host.tickNs);
    const busy = this.clock > now || this.current !== null || this.inSoftirq || this.irqs.qlen > 0;
    if (!busy) return;
    this.raiseIrq(this.tickIrq, now);
  }

  private readonly tickIrq = new IrqDesc(-1, 'LOC', '', 0, [], () => this.scheduler_tick());

  private scheduler_tick(): void {
    this.local.LOC++;
    // The interrupt's entry and exit were charged as a hard IRQ; the tick's own work is the rest.
    this.charge(Math.max(0, this.host.cost.tick - this.host.cost.hardirq));
    this.raiseSoftirq(TIMER_SOFTIRQ);
    const cur = this.current;
    if (cur !== null && this.clock - this.sliceStart >= this.host.sched_slice_ns) {
      for (const t of this.threads) {
        if (t !== cur && t.runnable && t.vruntime < cur.vruntime) {
          this.needResched = true;
          break;
        }
      }
    }
  }

  /** An hrtimer of this CPU expired: its function runs in the local timer interrupt. */
  hrtimerExpired(fn: () => void): void {
    this.hrtimerCallbacks.push(fn);
    this.raiseIrq(this.hrtimerIrq, this.host.now);
  }

  private runHrtimers(): void {
    this.local.LOC++;
    for (let fn = this.hrtimerCallbacks.shift(); fn !== undefined; fn = this.hrtimerCallbacks.shift()) fn();
  }
}
