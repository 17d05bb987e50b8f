/** struct sock, reduced to its receive side (include/net/sock.h). */
import type { Machine } from '../machine.ts';
import * as mm_types_h from '../linux/mm_types.ts';
import type { Thread } from '../linux/sched.ts';
import { SkbQueue, type SkBuff } from '../linux/skbuff.ts';
import type { IpProto } from '../uapi/linux/in.ts';

// Imported constants as module constants, which V8 folds into the code (docs/fast-simulator-code.md).
const { PAGE_SIZE } = mm_types_h;

/** SOCK_MIN_RCVBUF / SOCK_MIN_SNDBUF on x86_64. */
export const SOCK_MIN_RCVBUF = 2304;
export const SOCK_MIN_SNDBUF = 4608;

/** sock_net(sk): the network namespace a socket is in; here the globals of its machine (set by Sock's class body, which alone can read them). */
export let sock_net: (sk: Sock) => Machine;

export class Sock {
  /** Its network namespace (sk_net): private, so that learner code handed a socket cannot reach the host. */
  readonly #net: Machine;
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
  sk_rxhash = -0; // a double from the start (docs/fast-simulator-code.md)
  /** TCP: bytes queued and not yet read (what Recv-Q shows for TCP). */
  unreadBytes = 0;
  /** The socket lock is held by its owner (in recvmsg) until this time. */
  ownedUntil = -Infinity;
  /** What processes a segment that waited in the backlog (TCP's tcp_v4_do_rcv), or null. */
  sk_backlog_rcv: ((sk: Sock, skb: SkBuff) => number) | null = null;
  /** The thread sleeping in recvmsg, woken by sk_data_ready, and its CPU. */
  waiter: Thread | null = null;
  waiterCpu = -1;

  static {
    sock_net = (sk) => sk.#net;
  }

  constructor(net: Machine, index: number, protocol: IpProto, rcv_saddr: number, num: number, daddr: number, dport: number, rcvbuf: number, sndbuf: number) {
    this.#net = net;
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
