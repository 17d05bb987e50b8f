/** Routing input (net/ipv4/route.c), reduced: this host delivers locally and does not forward. */
import * as machine_h from '../../include/machine.ts';
import * as netdevice_h from '../../include/linux/netdevice.ts';
import type { SkBuff } from '../../include/linux/skbuff.ts';
import { kfree_skb_reason } from '../core/skbuff.ts';

// Imported constants as module constants, which V8 folds into the code (docs/fast-simulator-code.md).
const { NET_RX_DROP } = netdevice_h;
const { machine } = machine_h;

/** ip_error: no local route for the destination (this host does not forward). */
export function ip_error(skb: SkBuff): number {
  machine().mib.Ip.InAddrErrors++;
  kfree_skb_reason(skb, 'IP_INADDRERRORS', 'ip_error');
  return NET_RX_DROP;
}
