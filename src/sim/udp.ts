/** UDP receive (net/ipv4/udp.c). */
import * as packet_h from './packet.ts';
import type { SkBuff } from './skbuff.ts';
import type { SkbDropReason } from './dropreason.ts';
import { sk_data_ready, type Sock } from './sock.ts';
import * as errno_h from './errno.ts';
import * as sock_h from './sock.ts';
import * as trace_h from './trace.ts';
import { icmp_send_port_unreach } from './icmp.ts';

// Imported constants as module constants, which V8 folds into the code (see index.ts).
const { FRAME_L4_CSUM_BAD, IPPROTO_UDP } = packet_h;
const { L4_DROP, L4_SOCK_QUEUE, STAGE } = trace_h;
const { PAGE_SIZE } = sock_h;
const { ENOBUFS, ENOMEM } = errno_h;

const INT_MAX = 2147483647;

/**
 * udp_rcv → __udp4_lib_rcv: checksum, socket lookup, then queue to the socket. Queued at once, the
 * datagram's l4_rcv and sock_queue are one trace record, made here whichever enqueue the hook is.
 */
export function udp_rcv(skb: SkBuff): number {
  const host = skb.dev.host;
  const cpu = host.cpu;
  cpu.charge(host.cost.udpRcv);
  const time = cpu.clock;
  if (skb.faults & FRAME_L4_CSUM_BAD) return udp_csum_error(skb, time);
  const sk = host.sockLookup(IPPROTO_UDP, skb.flow.daddr, skb.flow.dport);
  if (sk === undefined) return udp_no_socket(skb, time);
  const rc = host.hooks.__udp_enqueue_schedule_skb(sk, skb);
  if (rc < 0) udp_queue_rcv_drop(skb, rc, time);
  else host.trace.record(time, skb.id, L4_SOCK_QUEUE, cpu.id, sk.index);
  return 0;
}

// The drop paths of udp_rcv, apart so that udp_rcv stays small enough to inline. Each frees the
// skb through udp_drop, which traces l4_rcv at udp_rcv's time.

/** kfree_skb for udp_rcv: l4_rcv and the drop are one trace record when nothing ran between them. */
function udp_drop(skb: SkBuff, reason: SkbDropReason, where: string, time: number): void {
  const host = skb.dev.host;
  const cpu = host.cpu;
  if (cpu.clock === time) return host.kfree_skb(skb, reason, where, L4_DROP);
  host.trace.record(time, skb.id, STAGE.l4_rcv, cpu.id, 0);
  host.kfree_skb(skb, reason, where);
}

/** __udp4_lib_rcv's csum_error. */
function udp_csum_error(skb: SkBuff, time: number): number {
  const mib = skb.dev.host.mib.Udp;
  mib.InCsumErrors++;
  mib.InErrors++;
  udp_drop(skb, 'UDP_CSUM', '__udp4_lib_rcv', time);
  return 0;
}

/** __udp4_lib_rcv with no socket bound to the port: port unreachable. */
function udp_no_socket(skb: SkBuff, time: number): number {
  const host = skb.dev.host;
  host.mib.Udp.NoPorts++;
  icmp_send_port_unreach(host);
  udp_drop(skb, 'NO_SOCKET', '__udp4_lib_rcv', time);
  return 0;
}

/** __udp_queue_rcv_skb: count and free what the enqueue refused. */
function udp_queue_rcv_drop(skb: SkBuff, rc: number, time: number): void {
  const mib = skb.dev.host.mib.Udp;
  if (rc === -ENOMEM) mib.RcvbufErrors++;
  else mib.MemErrors++;
  mib.InErrors++;
  udp_drop(skb, rc === -ENOMEM ? 'SOCKET_RCVBUFF' : 'PROTO_MEM', '__udp_queue_rcv_skb', time);
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
  sk_data_ready(sk);
  return 0;
}
