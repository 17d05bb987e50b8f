/** What TCP tells its peer (net/ipv4/tcp_output.c), reduced: the data received and the window. */
import * as netdevice_h from '../../include/linux/netdevice.ts';
import type { SkBuff } from '../../include/linux/skbuff.ts';
import type { Sock } from '../../include/net/sock.ts';

// Imported constants and functions as module constants, which V8 folds into the code (docs/fast-simulator-code.md).
const { dev_net } = netdevice_h;

/** tcp_send_ack: the peer learns that everything up to this segment's end arrived. */
export function tcp_send_ack(skb: SkBuff): void {
  dev_net(skb.dev).peer.ack(skb.flow, skb.end_seq);
}

/** tcp_select_window: half the free receive buffer (tcp_adv_win_scale = 1), in bytes. */
export function tcp_select_window(sk: Sock): number {
  return Math.max(0, sk.sk_rcvbuf - sk.sk_rmem_alloc) >> 1;
}
