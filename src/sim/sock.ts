/** struct sock, reduced to its receive side (include/net/sock.h, net/core/sock.c). */
import type { Host } from './host.ts';
import type { Thread } from './cpu.ts';
import { SkbQueue } from './skb-queue.ts';
import { SOCK_MIN_RCVBUF, SOCK_MIN_SNDBUF } from './sysctl.ts';
import type { IpProto } from './packet.ts';

/** Socket memory is charged to a protocol's memory_allocated in whole pages (sk_mem_pages). */
export const PAGE_SIZE = 4096;

export class Sock {
  declare readonly host: Host;
  /** Index in the host's socket table, as the trace names sockets. */
  declare readonly index: number;
  declare readonly protocol: IpProto;
  declare readonly rcv_saddr: number;
  declare readonly num: number; // local port
  /** TCP: the peer of the established connection (0 for a UDP socket that is not connected). */
  declare readonly daddr: number;
  declare readonly dport: number;
  declare sk_rcvbuf: number;
  declare sk_sndbuf: number;
  /** SO_RCVBUF was set: TCP autotuning keeps its hands off (SOCK_RCVBUF_LOCK). */
  rcvbufLocked = false;
  sk_rmem_alloc = 0;
  readonly sk_receive_queue = new SkbQueue();
  /** TCP socket backlog, used while the owner holds the socket lock. */
  readonly sk_backlog = new SkbQueue();
  sk_backlog_len = 0;
  sk_drops = 0;
  /** The flow hash of the last packet received (sk_rxhash), recorded for RFS. */
  sk_rxhash = -0; // a double from the start (index.ts)
  /** TCP: bytes queued and not yet read (what Recv-Q shows for TCP). */
  unreadBytes = 0;
  /** The socket lock is held by its owner (in recvmsg) until this time. */
  ownedUntil = -Infinity;
  /** The thread sleeping in recvmsg, woken by sk_data_ready. */
  waiter: Thread | null = null;
  waiterCpu = -1;

  constructor(host: Host, index: number, protocol: IpProto, rcv_saddr: number, num: number, daddr: number, dport: number, rcvbuf: number, sndbuf: number) {
    this.host = host;
    this.index = index;
    this.protocol = protocol;
    this.rcv_saddr = rcv_saddr;
    this.num = num;
    this.daddr = daddr;
    this.dport = dport;
    this.sk_rcvbuf = rcvbuf;
    this.sk_sndbuf = sndbuf;
  }

  /** sk_forward_alloc: memory charged to the socket in whole pages beyond what its skbs use. */
  get sk_forward_alloc(): number {
    return this.sk_rmem_alloc > 0 ? Math.ceil(this.sk_rmem_alloc / PAGE_SIZE) * PAGE_SIZE - this.sk_rmem_alloc : 0;
  }
}

/**
 * setsockopt(SO_RCVBUF): the kernel doubles the request (for the overhead of struct sk_buff)
 * after capping it at net.core.rmem_max, and never goes below SOCK_MIN_RCVBUF.
 */
export function sock_set_rcvbuf(sk: Sock, val: number, rmem_max: number): void {
  const capped = Math.min(val, rmem_max);
  sk.sk_rcvbuf = Math.max(capped * 2, SOCK_MIN_RCVBUF);
  sk.rcvbufLocked = true;
}

export function sock_set_sndbuf(sk: Sock, val: number, wmem_max: number): void {
  sk.sk_sndbuf = Math.max(Math.min(val, wmem_max) * 2, SOCK_MIN_SNDBUF);
}

/** sk_data_ready (sock_def_readable): wake the reader sleeping on this socket. */
export function sk_data_ready(sk: Sock): void {
  const waiter = sk.waiter;
  if (waiter === null) return;
  sk.waiter = null;
  sk.host.cpus[sk.waiterCpu]!.wakeThread(waiter);
}
