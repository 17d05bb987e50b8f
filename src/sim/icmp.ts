/** ICMP errors the receive path sends (net/ipv4/icmp.c), with the global rate limit. */
import type { Host } from './host.ts';

/** net.ipv4.icmp_msgs_per_sec and icmp_msgs_burst defaults. */
const ICMP_MSGS_PER_SEC = 1000;
const ICMP_MSGS_BURST = 50;

/** icmp_send(skb, ICMP_DEST_UNREACH, ICMP_PORT_UNREACH): counted, or refused by icmp_global_allow. */
export function icmp_send_port_unreach(host: Host): void {
  const now = host.cpu.clock;
  const bucket = host.icmpBucket;
  bucket.credit = Math.min(ICMP_MSGS_BURST, bucket.credit + ((now - bucket.stamp) * ICMP_MSGS_PER_SEC) / 1e9);
  bucket.stamp = now;
  if (bucket.credit < 1) {
    host.mib.Icmp.OutRateLimitGlobal++;
    return;
  }
  bucket.credit -= 1;
  host.mib.Icmp.OutMsgs++;
  host.mib.Icmp.OutDestUnreachs++;
}
