/** Softirq numbers and limits (include/linux/interrupt.h, kernel/softirq.c). */

/** In /proc/softirqs order. */
export const SOFTIRQ_NAMES = ['HI', 'TIMER', 'NET_TX', 'NET_RX', 'BLOCK', 'IRQ_POLL', 'TASKLET', 'SCHED', 'HRTIMER', 'RCU'] as const;
export type SoftirqName = (typeof SOFTIRQ_NAMES)[number];

export const HI_SOFTIRQ = 0;
export const TIMER_SOFTIRQ = 1;
export const NET_TX_SOFTIRQ = 2;
export const NET_RX_SOFTIRQ = 3;
export const SCHED_SOFTIRQ = 7;
export const RCU_SOFTIRQ = 9;
export const NR_SOFTIRQS = SOFTIRQ_NAMES.length;

/** handle_softirqs restarts while under 2 ms, fewer than 10 restarts and no need_resched(). */
export const MAX_SOFTIRQ_TIME_NS = 2_000_000;
export const MAX_SOFTIRQ_RESTART = 10;

/** struct softirq_action's handler (open_softirq). */
export type SoftirqAction = () => void;
