/** /proc/sys: what a sysctl's file shows, as its proc handler's read side prints the value. */
import { formatCpuMask, type SysctlValue } from '../../sim/index.ts';

/** The value's text, without the newline the file ends with (`sysctl` prints it after "name = "). */
export function renderSysctl(v: SysctlValue): string {
  switch (v.type) {
    case 'int':
    case 'string':
      return String(v.value);
    case 'vector':
      return v.value.join('\t');
    case 'cpumask':
      return formatCpuMask(v.value, v.nbits);
    case 'bytes':
      return Array.from(v.value, (b) => b.toString(16).padStart(2, '0')).join(':');
  }
}
