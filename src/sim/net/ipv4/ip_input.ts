/** IPv4 receive (net/ipv4/ip_input.c). */
import * as netdevice_h from '../../include/linux/netdevice.ts';
import type { NetDevice } from '../../include/linux/netdevice.ts';
import * as skbuff_h from '../../include/linux/skbuff.ts';
import type { SkBuff } from '../../include/linux/skbuff.ts';
import * as in_h from '../../include/uapi/linux/in.ts';
import * as _skbuff_h from '../core/skbuff.ts';
import * as route_h from './route.ts';
import * as tcp_ipv4_h from './tcp_ipv4.ts';
import * as udp_h from './udp.ts';

// Imported constants as module constants, which V8 folds into the code (docs/fast-simulator-code.md).
const { dev_net, NET_RX_DROP, NET_RX_SUCCESS } = netdevice_h;
const { FRAME_IP_CSUM_BAD } = skbuff_h;
const { IPPROTO_TCP, IPPROTO_UDP } = in_h;
const { kfree_skb_reason } = _skbuff_h;
const { ip_error } = route_h;
const { tcp_v4_rcv } = tcp_ipv4_h;
const { udp_rcv } = udp_h;

declare module '../../include/hooks.ts' {
  interface Hooks {
    /** The IPv4 receive handler (dev_add_pack: ETH_P_IP). */
    ip_rcv: typeof ip_rcv;
  }
}

/**
 * ip_rcv: count the datagram, check its header, route it. Local datagrams go to
 * ip_local_deliver; anything else is not ours (this host does not forward).
 */
export function ip_rcv(skb: SkBuff, dev: NetDevice): number {
  const mib = dev_net(dev).mib;
  // ip_rcv_core (its trace event is recorded by the caller, __netif_receive_skb_core)
  mib.Ip.InReceives++;
  mib.IpExt.InOctets += skb.len;
  if (skb.faults & FRAME_IP_CSUM_BAD) return ip_rcv_csum_error(skb);
  mib.IpExt.InNoECTPkts += skb.gso_segs > 1 ? skb.gso_segs : 1;
  // ip_rcv_finish: the route lookup (early demux would find the same local route).
  if (skb.flow.daddr !== dev.ipv4) return ip_error(skb);
  return ip_local_deliver(skb);
}

/** ip_rcv_core's csum_error: the header checksum is wrong. (Drop paths live apart so that ip_rcv stays small enough to inline.) */
function ip_rcv_csum_error(skb: SkBuff): number {
  const mib = dev_net(skb.dev).mib;
  mib.IpExt.InCsumErrors++;
  mib.Ip.InHdrErrors++;
  kfree_skb_reason(skb, 'IP_CSUM', 'ip_rcv_core');
  return NET_RX_DROP;
}

/** ip_local_deliver → ip_protocol_deliver_rcu: the L4 handler, then InDelivers. */
export function ip_local_deliver(skb: SkBuff): number {
  const mib = dev_net(skb.dev).mib;
  const proto = skb.flow.proto;
  if (proto === IPPROTO_UDP) udp_rcv(skb);
  else if (proto === IPPROTO_TCP) tcp_v4_rcv(skb);
  else {
    mib.Ip.InUnknownProtos++;
    kfree_skb_reason(skb, 'IP_NOPROTO', 'ip_protocol_deliver_rcu');
    return NET_RX_DROP;
  }
  mib.Ip.InDelivers++;
  return NET_RX_SUCCESS;
}
