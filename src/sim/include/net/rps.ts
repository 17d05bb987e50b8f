/** RFS's global table and the socket side of it (include/net/rps.h). */
import * as sock_h from './sock.ts';
import type { Sock } from './sock.ts';
import * as in_h from '../uapi/linux/in.ts';

// Imported constants as module constants, which V8 folds into the code (docs/fast-simulator-code.md).
const { IPPROTO_TCP } = in_h;
const { sock_net } = sock_h;

/** rps_sock_flow_table: for each flow hash, the CPU its reader last ran on. */
export class RpsSockFlowTable {
  declare readonly mask: number;
  declare readonly ents: Uint32Array;

  constructor(entries: number) {
    this.mask = entries - 1;
    this.ents = new Uint32Array(entries).fill(0xffffffff);
  }
}

/** rps_cpu_mask: roundup_pow_of_two(nr_cpu_ids) - 1 */
export function rps_cpu_mask(nrCpus: number): number {
  let n = 1;
  while (n < nrCpus) n <<= 1;
  return n - 1;
}

/** sock_rps_record_flow: RFS learns the CPU the reader runs on (established TCP sockets only). */
export function sock_rps_record_flow(sk: Sock, cpu: number): void {
  const m = sock_net(sk);
  const table = m.net_hotdata.rps_sock_flow_table;
  if (table === null || sk.protocol !== IPPROTO_TCP || !sk.sk_rxhash) return;
  const hash = sk.sk_rxhash;
  table.ents[hash & table.mask] = ((hash & ~rps_cpu_mask(m.nrCpus)) | cpu) >>> 0;
}
