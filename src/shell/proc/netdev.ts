/** /proc/net/dev (net/core/net-procfs.c dev_seq_printf_stats). */
import type { HostStats, NetdevStats } from '../../sim/index.ts';

export const ZERO_NETDEV: NetdevStats = {
  rx_packets: 0, tx_packets: 0, rx_bytes: 0, tx_bytes: 0, rx_errors: 0, tx_errors: 0, rx_dropped: 0, tx_dropped: 0,
  multicast: 0, collisions: 0, rx_length_errors: 0, rx_over_errors: 0, rx_crc_errors: 0, rx_frame_errors: 0,
  rx_fifo_errors: 0, rx_missed_errors: 0, tx_aborted_errors: 0, tx_carrier_errors: 0, tx_fifo_errors: 0,
  tx_heartbeat_errors: 0, tx_window_errors: 0, rx_compressed: 0, tx_compressed: 0, rx_nohandler: 0,
};

const w = (n: number, width: number) => String(n).padStart(width);

function line(name: string, s: NetdevStats): string {
  return (
    `${name.padStart(6)}: ${w(s.rx_bytes, 7)} ${w(s.rx_packets, 7)} ${w(s.rx_errors, 4)} ${w(s.rx_dropped + s.rx_missed_errors, 4)} ` +
    `${w(s.rx_fifo_errors, 4)} ${w(s.rx_length_errors + s.rx_over_errors + s.rx_crc_errors + s.rx_frame_errors, 5)} ` +
    `${w(s.rx_compressed, 10)} ${w(s.multicast, 9)} ${w(s.tx_bytes, 8)} ${w(s.tx_packets, 7)} ${w(s.tx_errors, 4)} ` +
    `${w(s.tx_dropped, 4)} ${w(s.tx_fifo_errors, 4)} ${w(s.collisions, 5)} ` +
    `${w(s.tx_carrier_errors + s.tx_aborted_errors + s.tx_window_errors + s.tx_heartbeat_errors, 7)} ${w(s.tx_compressed, 10)}\n`
  );
}

export function renderProcNetDev(stats: HostStats): string {
  return (
    'Inter-|   Receive                                                |  Transmit\n' +
    ' face |bytes    packets errs drop fifo frame compressed multicast|bytes    packets errs drop fifo colls carrier compressed\n' +
    line('lo', ZERO_NETDEV) +
    line(stats.nic.name, stats.nic.netdev)
  );
}
