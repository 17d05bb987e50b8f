/**
 * One CPU's state: its clock, where its time went, the interrupts and softirqs waiting on it, its
 * threads and its softnet_data (what the kernel keeps in struct rq, irq_stat, kernel_cpustat and
 * per-CPU variables). Kernel functions act on it: kernel/sched (what runs next), kernel/irq,
 * kernel/softirq. Work happens in steps, each atomic at its start in global time and charging its
 * cost to this CPU's clock.
 */
import { Fifo } from '../../engine/fifo.ts';
import type { Timer } from '../../engine/timer.ts';
import * as machine_h from '../machine.ts';
import * as interrupt_h from './interrupt.ts';
import type { IrqDesc } from './irqdesc.ts';
import { SoftnetData } from './netdevice.ts';

// Imported constants as module constants, which V8 folds into the code (docs/fast-simulator-code.md).
const { NR_SOFTIRQS } = interrupt_h;
const { machine } = machine_h;

/** What a CPU is running, as the index of the CpuTime field its time is charged to (a number, so charging is one indexed add). */
export const CTX_IRQ = 0;
export const CTX_SOFTIRQ = 1;
export const CTX_KSOFTIRQD = 2;
export const CTX_USER = 3;
export const CTX_SYSTEM = 4;
export const CTX_IDLE = 5;

/** Where a CPU's time went, in ns (what top and /proc/stat split into hi, si, us, sy). */
export interface CpuTime {
  irq: number;
  softirq: number;
  ksoftirqd: number;
  user: number;
  system: number;
  idle: number;
}

/** A schedulable thread pinned to one CPU (struct task_struct, reduced). */
export interface Thread {
  readonly name: string;
  runnable: boolean;
  vruntime: number;
  /** Do one step of work on `cpu`, charging it; or go to sleep (runnable = false). */
  step(cpu: Cpu): void;
}

export class Cpu {
  declare readonly id: number;
  declare readonly sd: SoftnetData;
  /** Local time: the end of the last step this CPU executed. */
  clock = -0; // a double from the start (docs/fast-simulator-code.md)
  /** Pending softirqs (local_softirq_pending: a bit per SOFTIRQ number). */
  pending = 0;
  /** kstat_softirqs: handler runs per softirq number (/proc/softirqs). */
  readonly softirqCounts = new Array<number>(NR_SOFTIRQS).fill(0);
  /** Time per context, indexed by CTX_*. */
  readonly spent = new Float64Array(6);
  /** Local interrupts of /proc/interrupts: timer (LOC), rescheduling IPIs (RES), function-call IPIs (CAL). */
  readonly local = { LOC: 0, RES: 0, CAL: 0 };
  /** ksoftirqd/N, made at boot (spawn_ksoftirqd). */
  declare ksoftirqd: Thread;
  readonly threads: Thread[] = [];
  current: Thread | null = null;
  /** rq->nr_switches: switches from one task to another, the idle task included (/proc/stat's ctxt sums them). */
  nr_switches = 0;
  /** When the current thread's slice began. */
  sliceStart = -0; // a double from the start
  needResched = false;
  /** What runs now (CTX_*), and the clock when it began: its time is added to `spent` when it ends. */
  ctx = CTX_SYSTEM;
  ctxStart = -0; // a double from the start
  /** The CPU's next step, and its periodic tick. */
  declare timer: Timer;
  declare tickTimer: Timer;
  /** Hard interrupts raised here and not yet handled, in the order they came. */
  readonly irqs = new Fifo<IrqDesc>();
  /** __do_softirq in progress at irq_exit, until which jiffy it may restart, and how many times more. */
  inSoftirq = false;
  softirqEnd = 0;
  softirqRestart = 0;
  /** The local timer interrupt for the tick, and for expired hrtimers with the functions they run. */
  declare tickIrq: IrqDesc;
  declare hrtimerIrq: IrqDesc;
  readonly hrtimerCallbacks = new Fifo<() => void>();

  constructor(id: number) {
    this.id = id;
    this.sd = new SoftnetData(id);
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
  settle(): void {
    this.spent[this.ctx]! += this.clock - this.ctxStart;
    this.ctxStart = this.clock;
  }

  /** Where this CPU's time went, in ns. */
  get time(): CpuTime {
    this.settle();
    const s = this.spent;
    return { irq: s[0]!, softirq: s[1]!, ksoftirqd: s[2]!, user: s[3]!, system: s[4]!, idle: s[5]! };
  }

  /** Make sure the CPU looks for work at `time` (or when its current step ends). */
  wake(time: number): void {
    machine().timers.armEarlier(this.timer, Math.max(time, this.clock));
  }
}
