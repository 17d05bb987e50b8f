/** What an interrupt handler returns (include/linux/irqreturn.h). */
export const IRQ_NONE = 0;
export const IRQ_HANDLED = 1;
export type IrqReturn = typeof IRQ_NONE | typeof IRQ_HANDLED;
