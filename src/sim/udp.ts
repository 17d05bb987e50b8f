/** UDP receive (net/ipv4/udp.c). */
import * as packet_h from './packet.ts';
import type { SkBuff } from './skbuff.ts';
import { sk_data_ready, type Sock } from './sock.ts';
import * as sock_h from './sock.ts';
import * as trace_h from './trace.ts';
import { icmp_send_port_unreach } from './icmp.ts';

// Imported constants as module constants, which V8 folds into the code (see index.ts).
const { FRAME_L4_CSUM_BAD, IPPROTO_UDP } = packet_h;
const { STAGE } = trace_h;
const { PAGE_SIZE } = sock_h;

export const ENOMEM = 12;
export const ENOBUFS = 105;
const INT_MAX = 2147483647;

/** udp_rcv → __udp4_lib_rcv: checksum, socket lookup, then queue to the socket. */
export function udp_rcv(skb: SkBuff): number {
  const host = skb.dev.host;
  const cpu = host.cpu;
  cpu.charge(host.cost.udpRcv);
  host.trace.record(cpu.clock, skb.packet.id, STAGE.l4_rcv, cpu.id, 0);
  if (skb.packet.faults & FRAME_L4_CSUM_BAD) return udp_csum_error(skb);
  const sk = host.sockLookup(IPPROTO_UDP, skb.flow.daddr, skb.flow.dport);
  if (!sk) return udp_no_socket(skb);
  const rc = host.hooks.__udp_enqueue_schedule_skb(sk, skb);
  if (rc < 0) udp_queue_rcv_drop(skb, rc);
  return 0;
}

// The drop paths of udp_rcv, apart so that udp_rcv stays small enough to inline.

/** __udp4_lib_rcv's csum_error. */
function udp_csum_error(skb: SkBuff): number {
  const host = skb.dev.host;
  host.mib.Udp.InCsumErrors++;
  host.mib.Udp.InErrors++;
  host.kfree_skb(skb, 'UDP_CSUM', '__udp4_lib_rcv');
  return 0;
}

/** __udp4_lib_rcv with no socket bound to the port: port unreachable. */
function udp_no_socket(skb: SkBuff): number {
  const host = skb.dev.host;
  host.mib.Udp.NoPorts++;
  icmp_send_port_unreach(host);
  host.kfree_skb(skb, 'NO_SOCKET', '__udp4_lib_rcv');
  return 0;
}

/** __udp_queue_rcv_skb: count and free what the enqueue refused. */
function udp_queue_rcv_drop(skb: SkBuff, rc: number): void {
  const host = skb.dev.host;
  const mib = host.mib.Udp;
  if (rc === -ENOMEM) mib.RcvbufErrors++;
  else mib.MemErrors++;
  mib.InErrors++;
  host.kfree_skb(skb, rc === -ENOMEM ? 'SOCKET_RCVBUFF' : 'PROTO_MEM', '__udp_queue_rcv_skb');
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
