/** /proc/net/udp (net/ipv4/udp.c udp4_format_sock), each line padded to 127 characters. */
import type { HostStats } from '../../sim/index.ts';

const hex = (v: number, width: number) => (v >>> 0).toString(16).toUpperCase().padStart(width, '0');
/** An IPv4 address as the kernel prints a __be32 with %08X on a little-endian host. */
const addr = (a: number) => hex(((a & 0xff) << 24) | ((a >>> 8) & 0xff) << 16 | ((a >>> 16) & 0xff) << 8 | (a >>> 24), 8);
const pad = (s: string) => s.padEnd(127) + '\n';

export function renderProcNetUdp(stats: HostStats): string {
  let out = pad('   sl  local_address rem_address   st tx_queue rx_queue tr tm->when retrnsmt   uid  timeout inode ref pointer drops');
  stats.sockets.forEach((s, i) => {
    if (s.proto !== 'udp') return;
    const slot = s.localPort & 0x3fff;
    out += pad(
      `${String(slot).padStart(5)}: ${addr(s.localAddr)}:${hex(s.localPort, 4)} ${addr(s.peerAddr)}:${hex(s.peerPort, 4)} 07 ` +
        `${hex(s.skmem.t, 8)}:${hex(s.skmem.r, 8)} 00:00000000 00000000 ${'0'.padStart(5)} ${'0'.padStart(8)} ${20000 + i} 2 0000000000000000 ${s.skmem.d}`,
    );
  });
  return out;
}
