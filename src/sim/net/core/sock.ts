/** Socket options and wake-ups (net/core/sock.c). */
import * as sock_h from '../../include/net/sock.ts';
import type { Sock } from '../../include/net/sock.ts';
import * as core_h from '../../kernel/sched/core.ts';

// Imported constants as module constants, which V8 folds into the code (docs/fast-simulator-code.md).
const { SOCK_MIN_RCVBUF, sock_net } = sock_h;
const { try_to_wake_up } = core_h;

/**
 * sock_set_rcvbuf (setsockopt SO_RCVBUF): the kernel doubles the request (for the overhead of
 * struct sk_buff) after capping it at net.core.rmem_max, and never goes below SOCK_MIN_RCVBUF.
 */
export function sock_set_rcvbuf(sk: Sock, val: number, rmem_max: number): void {
  const capped = Math.min(val, rmem_max);
  sk.sk_rcvbuf = Math.max(capped * 2, SOCK_MIN_RCVBUF);
  sk.rcvbufLocked = true;
}

/** sk_data_ready (sock_def_readable): wake the reader sleeping on this socket. */
export function sk_data_ready(sk: Sock): void {
  const waiter = sk.waiter;
  if (waiter === null) return;
  sk.waiter = null;
  try_to_wake_up(sock_net(sk).cpus[sk.waiterCpu]!, waiter);
}

/** release_sock (__release_sock): the owner lets go of the socket and processes what waited in its backlog. */
export function release_sock(sk: Sock): void {
  const backlog_rcv = sk.sk_backlog_rcv;
  if (backlog_rcv === null) return;
  for (let skb = sk.sk_backlog.shift(); skb !== undefined; skb = sk.sk_backlog.shift()) {
    sk.sk_backlog_len -= skb.truesize;
    backlog_rcv(sk, skb);
  }
}
