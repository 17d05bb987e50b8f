/** IPv4 receive (net/ipv4/ip_input.c). */
import type { Host } from './host.ts';
import type { NetDevice } from './netdevice.ts';
import * as packet_h from './packet.ts';
import type { SkBuff } from './skbuff.ts';
import * as netdevice_h from './netdevice.ts';
import { udp_rcv } from './udp.ts';
import { tcp_v4_rcv } from './tcp.ts';

// Imported constants as module constants, which V8 folds into the code (see index.ts).
const { FRAME_IP_CSUM_BAD, IPPROTO_TCP, IPPROTO_UDP } = packet_h;
const { NET_RX_DROP, NET_RX_SUCCESS } = netdevice_h;

/**
 * ip_rcv: count the datagram, check its header, route it. Local datagrams go to
 * ip_local_deliver; anything else is not ours (this host does not forward).
 */
export function ip_rcv(skb: SkBuff, dev: NetDevice): number {
  const host = dev.host;
  const mib = host.mib;
  // ip_rcv_core (its trace event is recorded by the caller, __netif_receive_skb_core)
  mib.Ip.InReceives++;
  mib.IpExt.InOctets += skb.len;
  if (skb.faults & FRAME_IP_CSUM_BAD) return ip_rcv_csum_error(host, skb);
  mib.IpExt.InNoECTPkts += skb.gso_segs > 1 ? skb.gso_segs : 1;
  // ip_rcv_finish: the route lookup (early demux would find the same local route).
  if (skb.flow.daddr !== dev.ipv4) return ip_error(host, skb);
  return ip_local_deliver(skb);
}

/** ip_rcv_core's csum_error: the header checksum is wrong. (Drop paths live apart so that ip_rcv stays small enough to inline.) */
function ip_rcv_csum_error(host: Host, skb: SkBuff): number {
  host.mib.IpExt.InCsumErrors++;
  host.mib.Ip.InHdrErrors++;
  host.kfree_skb(skb, 'IP_CSUM', 'ip_rcv_core');
  return NET_RX_DROP;
}

/** ip_error: no local route for the destination (this host does not forward). */
function ip_error(host: Host, skb: SkBuff): number {
  host.mib.Ip.InAddrErrors++;
  host.kfree_skb(skb, 'IP_INADDRERRORS', 'ip_error');
  return NET_RX_DROP;
}

/** ip_local_deliver → ip_protocol_deliver_rcu: the L4 handler, then InDelivers. */
export function ip_local_deliver(skb: SkBuff): number {
  const host = skb.dev.host;
  const proto = skb.flow.proto;
  if (proto === IPPROTO_UDP) udp_rcv(skb);
  else if (proto === IPPROTO_TCP) tcp_v4_rcv(skb);
  else {
    host.mib.Ip.InUnknownProtos++;
    host.kfree_skb(skb, 'IP_NOPROTO', 'ip_protocol_deliver_rcu');
    return NET_RX_DROP;
  }
  host.mib.Ip.InDelivers++;
  return NET_RX_SUCCESS;
}
