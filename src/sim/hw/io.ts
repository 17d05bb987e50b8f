/** Device registers as the kernel reaches them (arch/x86/include/asm/io.h). */

/** A device register mapped into the kernel's address space (an __iomem address). */
export interface MmioRegister {
  write(value: number): void;
}

/** writel: a 32-bit write to a device register. */
export function writel(value: number, reg: MmioRegister): void {
  reg.write(value);
}
