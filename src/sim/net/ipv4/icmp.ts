/** ICMP errors the receive path sends (net/ipv4/icmp.c), with the global rate limit. */
import type { Machine } from '../../include/machine.ts';
import * as netdevice_h from '../../include/linux/netdevice.ts';
import type { SkBuff } from '../../include/linux/skbuff.ts';
import * as icmp_h from '../../include/uapi/linux/icmp.ts';

// Imported constants as module constants, which V8 folds into the code (docs/fast-simulator-code.md).
const { ICMP_DEST_UNREACH } = icmp_h;
const { dev_net } = netdevice_h;

/** net.ipv4.icmp_msgs_per_sec and icmp_msgs_burst defaults. */
const ICMP_MSGS_PER_SEC = 1000;
const ICMP_MSGS_BURST = 50;

/** icmp_global_allow: the token bucket every ICMP error draws from. */
function icmp_global_allow(net: Machine, now: number): boolean {
  const bucket = net.icmp_global;
  bucket.credit = Math.min(ICMP_MSGS_BURST, bucket.credit + ((now - bucket.stamp) * ICMP_MSGS_PER_SEC) / 1e9);
  bucket.stamp = now;
  if (bucket.credit < 1) return false;
  bucket.credit -= 1;
  return true;
}

/** icmp_send: an error about `skb` back to its sender, counted, or refused by the global rate limit. */
export function icmp_send(skb: SkBuff, type: number, code: number): void {
  void code;
  const net = dev_net(skb.dev);
  const mib = net.mib.Icmp;
  if (!icmp_global_allow(net, net.cpu.clock)) {
    mib.OutRateLimitGlobal++;
    return;
  }
  mib.OutMsgs++;
  if (type === ICMP_DEST_UNREACH) mib.OutDestUnreachs++;
}
