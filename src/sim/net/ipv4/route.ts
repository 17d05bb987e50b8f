/** Routing input (net/ipv4/route.c), reduced: this host delivers locally and does not forward. */
import * as netdevice_h from '../../include/linux/netdevice.ts';
import type { SkBuff } from '../../include/linux/skbuff.ts';
import * as skbuff_h from '../core/skbuff.ts';

// Imported constants as module constants, which V8 folds into the code (docs/fast-simulator-code.md).
const { dev_net, NET_RX_DROP } = netdevice_h;
const { kfree_skb_reason } = skbuff_h;

/** ip_error: no local route for the destination (this host does not forward). */
export function ip_error(skb: SkBuff): number {
  dev_net(skb.dev).mib.Ip.InAddrErrors++;
  kfree_skb_reason(skb, 'IP_INADDRERRORS', 'ip_error');
  return NET_RX_DROP;
}
