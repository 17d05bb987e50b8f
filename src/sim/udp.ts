/** UDP receive (net/ipv4/udp.c). */
import { FRAME_L4_CSUM_BAD, IPPROTO_UDP } from './packet.ts';
import type { SkBuff } from './skbuff.ts';
import { sk_data_ready, type Sock } from './sock.ts';
import { STAGE } from './trace.ts';
import { icmp_send_port_unreach } from './icmp.ts';

export const ENOMEM = 12;
export const ENOBUFS = 105;
const INT_MAX = 2147483647;
const PAGE_SIZE = 4096;

/** udp_rcv → __udp4_lib_rcv: checksum, socket lookup, then queue to the socket. */
export function udp_rcv(skb: SkBuff): number {
  const host = skb.dev.host;
  const cpu = host.cpu;
  const mib = host.mib.Udp;
  cpu.charge(host.cost.udpRcv);
  host.trace.record(cpu.clock, skb.packet.id, STAGE.l4_rcv, cpu.id, 0);
  if (skb.packet.faults & FRAME_L4_CSUM_BAD) {
    mib.InCsumErrors++;
    mib.InErrors++;
    host.kfree_skb(skb, 'UDP_CSUM', '__udp4_lib_rcv');
    return 0;
  }
  const sk = host.sockLookup(IPPROTO_UDP, skb.flow.daddr, skb.flow.dport);
  if (!sk) {
    mib.NoPorts++;
    icmp_send_port_unreach(host);
    host.kfree_skb(skb, 'NO_SOCKET', '__udp4_lib_rcv');
    return 0;
  }
  const rc = host.hooks.__udp_enqueue_schedule_skb(sk, skb);
  if (rc < 0) {
    // __udp_queue_rcv_skb: count and free what the enqueue refused.
    if (rc === -ENOMEM) mib.RcvbufErrors++;
    else mib.MemErrors++;
    mib.InErrors++;
    host.kfree_skb(skb, rc === -ENOMEM ? 'SOCKET_RCVBUFF' : 'PROTO_MEM', '__udp_queue_rcv_skb');
  }
  return 0;
}

/**
 * __udp_enqueue_schedule_skb (6.18): refuse when sk_rmem_alloc + truesize would pass sk_rcvbuf,
 * unless the queue is empty (one datagram always fits); also refuse beyond net.ipv4.udp_mem.
 * On success charge the truesize to the socket, queue it and wake the reader.
 */
export function __udp_enqueue_schedule_skb(sk: Sock, skb: SkBuff): number {
  const host = sk.host;
  const rmem = sk.sk_rmem_alloc;
  const rcvbuf = sk.sk_rcvbuf;
  const size = skb.truesize;
  if (rmem + size > rcvbuf && (rcvbuf > INT_MAX >> 1 || rmem)) {
    sk.sk_drops++;
    return -ENOMEM;
  }
  const pages = Math.ceil((host.udpMemory + size) / PAGE_SIZE);
  if (pages > host.udp_mem_max_pages) {
    sk.sk_drops++;
    return -ENOBUFS;
  }
  sk.sk_rmem_alloc += size;
  host.udpMemory += size;
  sk.sk_receive_queue.push(skb);
  sk.sk_rxhash = skb.hash;
  skb.queuedAt = host.cpu.clock;
  host.trace.record(host.cpu.clock, skb.packet.id, STAGE.sock_queue, host.cpu.id, sk.index);
  sk_data_ready(sk);
  return 0;
}
