/**
 * /proc/interrupts (kernel/irq/proc.c show_interrupts, arch/x86/kernel/irq.c arch_show_interrupts).
 * The first column is as wide as nr_irqs needs, the header is prec+8 spaces then "CPU%-8d" per CPU.
 */
import type { HostStats } from '../../sim/index.ts';

/**
 * The host's nr_irqs. The kernel sizes it at boot from the IO-APIC pins, room for MSI and the
 * CPUs (arch_probe_nr_irqs); a server like this one has over 1000, which /proc/stat's intr line
 * lists one by one.
 */
export const NR_IRQS = 1024;

/** show_interrupts: 3 digits, one more for each power of ten that nr_irqs reaches (4 here). */
const PREC = Math.max(3, String(NR_IRQS).length);

/** x86 summary rows after the numbered IRQs; only LOC, RES and CAL move in the simulator. */
const SUMMARY: [string, string][] = [
  ['NMI', 'Non-maskable interrupts'],
  ['LOC', 'Local timer interrupts'],
  ['SPU', 'Spurious interrupts'],
  ['PMI', 'Performance monitoring interrupts'],
  ['IWI', 'IRQ work interrupts'],
  ['RTR', 'APIC ICR read retries'],
  ['RES', 'Rescheduling interrupts'],
  ['CAL', 'Function call interrupts'],
  ['TLB', 'TLB shootdowns'],
  ['TRM', 'Thermal event interrupts'],
  ['THR', 'Threshold APIC interrupts'],
  ['MCE', 'Machine check exceptions'],
  ['MCP', 'Machine check polls'],
];

const count = (n: number) => ' ' + String(n >>> 0).padStart(10);

export function renderInterrupts(stats: HostStats): string {
  const cpus = stats.nrCpus;
  let out = ' '.repeat(PREC + 8);
  for (let c = 0; c < cpus; c++) out += `CPU${String(c).padEnd(8)}`;
  out += '\n';
  for (const line of stats.interrupts) {
    out += `${String(line.irq).padStart(PREC)}:`;
    for (let c = 0; c < cpus; c++) out += count(line.perCpu[c] ?? 0);
    // chip holds "<chip name> <hwirq>-edge": " %8s", " %*lu", "-%-8s" of the kernel's format.
    const m = /^(\S+)(\s+\d+)-(\S+)$/.exec(line.chip);
    if (m) out += ` ${m[1]!.padStart(8)}${m[2]!}-${m[3]!.padEnd(8)}  ${line.name}\n`;
    else out += ` ${line.chip}  ${line.name}\n`;
  }
  const local = stats.localInterrupts;
  for (const [name, label] of SUMMARY) {
    const values = name === 'LOC' ? local.LOC : name === 'RES' ? local.RES : name === 'CAL' ? local.CAL : null;
    out += `${name.padStart(PREC)}: `;
    for (let c = 0; c < cpus; c++) out += `${String((values?.[c] ?? 0) >>> 0).padStart(10)} `;
    out += `  ${label}\n`;
  }
  out += `${'ERR'.padStart(PREC)}: ${'0'.padStart(10)}\n`;
  out += `${'MIS'.padStart(PREC)}: ${'0'.padStart(10)}\n`;
  for (const [name, label] of [['PIN', 'Posted-interrupt notification event'], ['NPI', 'Nested posted-interrupt event'], ['PIW', 'Posted-interrupt wakeup event']] as const) {
    out += `${name.padStart(PREC)}: `;
    for (let c = 0; c < cpus; c++) out += `${'0'.padStart(10)} `;
    out += `  ${label}\n`;
  }
  return out;
}
