/** UDP receive (net/ipv4/udp.c). */
import * as sock_h from '../../include/net/sock.ts';
import * as netdevice_h from '../../include/linux/netdevice.ts';
import * as errno_h from '../../include/linux/errno.ts';
import * as mm_types_h from '../../include/linux/mm_types.ts';
import * as skbuff_h from '../../include/linux/skbuff.ts';
import type { SkBuff } from '../../include/linux/skbuff.ts';
import type { SkbDropReason } from '../../include/net/dropreason-core.ts';
import type { Sock } from '../../include/net/sock.ts';
import * as icmp_h from '../../include/uapi/linux/icmp.ts';
import * as in_h from '../../include/uapi/linux/in.ts';
import * as trace_h from '../../engine/trace.ts';
import * as _skbuff_h from '../core/skbuff.ts';
import * as _sock_h from '../core/sock.ts';
import * as _icmp_h from './icmp.ts';
import { __inet_lookup } from './inet_hashtables.ts';

// Imported constants as module constants, which V8 folds into the code (docs/fast-simulator-code.md).
const { ENOBUFS, ENOMEM } = errno_h;
const { PAGE_SIZE } = mm_types_h;
const { FRAME_L4_CSUM_BAD } = skbuff_h;
const { ICMP_DEST_UNREACH, ICMP_PORT_UNREACH } = icmp_h;
const { IPPROTO_UDP } = in_h;
const { L4_DROP, L4_SOCK_QUEUE, STAGE } = trace_h;
const { sock_net } = sock_h;
const { dev_net } = netdevice_h;
const { kfree_skb_reason } = _skbuff_h;
const { sk_data_ready } = _sock_h;
const { icmp_send } = _icmp_h;

declare module '../../include/hooks.ts' {
  interface Hooks {
    /** Admit a datagram to a UDP socket's receive queue: 0, or -ENOMEM / -ENOBUFS. */
    __udp_enqueue_schedule_skb: typeof __udp_enqueue_schedule_skb;
  }
}

const INT_MAX = 2147483647;

/**
 * udp_rcv → __udp4_lib_rcv: checksum, socket lookup, then queue to the socket. Queued at once, the
 * datagram's l4_rcv and sock_queue are one trace record, made here whichever enqueue the hook is.
 */
export function udp_rcv(skb: SkBuff): number {
  const m = dev_net(skb.dev);
  const cpu = m.cpu;
  cpu.charge(m.cost.udpRcv);
  const time = cpu.clock;
  if (skb.faults & FRAME_L4_CSUM_BAD) return udp_csum_error(skb, time);
  const sk = __inet_lookup(m, IPPROTO_UDP, skb.flow.daddr, skb.flow.dport);
  if (sk === undefined) return udp_no_socket(skb, time);
  const rc = __udp_enqueue_schedule_skb(sk, skb);
  if (rc < 0) udp_queue_rcv_drop(skb, rc, time);
  else m.trace.record(time, skb.id, L4_SOCK_QUEUE, cpu.id, sk.index);
  return 0;
}

// The drop paths of udp_rcv, apart so that udp_rcv stays small enough to inline. Each frees the
// skb through udp_drop, which traces l4_rcv at udp_rcv's time.

/** kfree_skb for udp_rcv: l4_rcv and the drop are one trace record when nothing ran between them. */
function udp_drop(skb: SkBuff, reason: SkbDropReason, where: string, time: number): void {
  const m = dev_net(skb.dev);
  const cpu = m.cpu;
  if (cpu.clock === time) return kfree_skb_reason(skb, reason, where, L4_DROP);
  m.trace.record(time, skb.id, STAGE.l4_rcv, cpu.id, 0);
  kfree_skb_reason(skb, reason, where);
}

/** __udp4_lib_rcv's csum_error. */
function udp_csum_error(skb: SkBuff, time: number): number {
  const mib = dev_net(skb.dev).mib.Udp;
  mib.InCsumErrors++;
  mib.InErrors++;
  udp_drop(skb, 'UDP_CSUM', '__udp4_lib_rcv', time);
  return 0;
}

/** __udp4_lib_rcv with no socket bound to the port: port unreachable. */
function udp_no_socket(skb: SkBuff, time: number): number {
  dev_net(skb.dev).mib.Udp.NoPorts++;
  icmp_send(skb, ICMP_DEST_UNREACH, ICMP_PORT_UNREACH);
  udp_drop(skb, 'NO_SOCKET', '__udp4_lib_rcv', time);
  return 0;
}

/** __udp_queue_rcv_skb: count and free what the enqueue refused. */
function udp_queue_rcv_drop(skb: SkBuff, rc: number, time: number): void {
  const mib = dev_net(skb.dev).mib.Udp;
  if (rc === -ENOMEM) mib.RcvbufErrors++;
  else mib.MemErrors++;
  mib.InErrors++;
  udp_drop(skb, rc === -ENOMEM ? 'SOCKET_RCVBUFF' : 'PROTO_MEM', '__udp_queue_rcv_skb', time);
}

/** __udp_enqueue_schedule_skb: admit the datagram or refuse it. A lab may replace it: this name calls the host's version. */
export function __udp_enqueue_schedule_skb(sk: Sock, skb: SkBuff): number {
  return sock_net(sk).hooks.__udp_enqueue_schedule_skb(sk, skb);
}

/**
 * The kernel's __udp_enqueue_schedule_skb (6.18): refuse when sk_rmem_alloc + truesize would pass
 * sk_rcvbuf, unless the queue is empty (one datagram always fits); also refuse beyond
 * net.ipv4.udp_mem. On success charge the truesize to the socket, queue it and wake the reader.
 */
export function __udp_enqueue_schedule_skb_reference(sk: Sock, skb: SkBuff): number {
  const m = sock_net(sk);
  const rmem = sk.sk_rmem_alloc;
  const rcvbuf = sk.sk_rcvbuf;
  const size = skb.truesize;
  if (rmem + size > rcvbuf && (rcvbuf > INT_MAX >> 1 || rmem)) {
    sk.sk_drops++;
    return -ENOMEM;
  }
  const pages = Math.ceil((m.udp_memory_allocated + size) / PAGE_SIZE);
  if (pages > m.udp_mem_max_pages) {
    sk.sk_drops++;
    return -ENOBUFS;
  }
  sk.sk_rmem_alloc += size;
  m.udp_memory_allocated += size;
  sk.sk_receive_queue.push(skb);
  sk.sk_rxhash = skb.hash;
  skb.queuedAt = m.cpu.clock;
  sk_data_ready(sk);
  return 0;
}
