/** TCP receive on an established connection (net/ipv4/tcp_ipv4.c, tcp_input.c), reduced. */
import * as packet_h from './packet.ts';
import type { SkBuff } from './skbuff.ts';
import { sk_data_ready, type Sock } from './sock.ts';
import * as trace_h from './trace.ts';

// Imported constants as module constants, which V8 folds into the code (see index.ts).
const { FRAME_L4_CSUM_BAD, IPPROTO_TCP } = packet_h;
const { STAGE } = trace_h;

/**
 * tcp_v4_rcv: count the segment, check it, find the socket. If a user thread owns the socket
 * (it is in recvmsg), the segment waits in the socket backlog; else it is queued now.
 */
export function tcp_v4_rcv(skb: SkBuff): number {
  const host = skb.dev.host;
  const cpu = host.cpu;
  const mib = host.mib;
  mib.Tcp.InSegs++;
  cpu.charge(host.cost.tcpRcv);
  host.trace.record(cpu.clock, skb.id, STAGE.l4_rcv, cpu.id, 0);
  if (skb.faults & FRAME_L4_CSUM_BAD) {
    mib.Tcp.InCsumErrors++;
    mib.Tcp.InErrs++;
    host.kfree_skb(skb, 'TCP_CSUM', 'tcp_v4_rcv');
    return 0;
  }
  const f = skb.flow;
  const sk = host.sockLookup(IPPROTO_TCP, f.daddr, f.dport);
  if (sk === undefined) {
    // tcp_v4_send_reset
    mib.Tcp.OutRsts++;
    mib.Tcp.OutSegs++;
    host.kfree_skb(skb, 'NO_SOCKET', 'tcp_v4_rcv');
    return 0;
  }
  if (cpu.clock < sk.ownedUntil) return tcp_add_backlog(sk, skb);
  return tcp_rcv_established(sk, skb);
}

/** tcp_add_backlog: limit = 2 * rcvbuf + sndbuf / 2 + 64 KiB (since 6.10). */
export function tcp_add_backlog(sk: Sock, skb: SkBuff): number {
  const host = sk.host;
  const limit = Math.min(2 * sk.sk_rcvbuf + (sk.sk_sndbuf >> 1) + 64 * 1024, 0xffffffff);
  if (sk.sk_backlog_len + sk.sk_rmem_alloc > limit) {
    host.mib.TcpExt.TCPBacklogDrop++;
    sk.sk_drops++;
    host.kfree_skb(skb, 'SOCKET_BACKLOG', 'tcp_add_backlog');
    return 0;
  }
  sk.sk_backlog.push(skb);
  sk.sk_backlog_len += skb.truesize;
  return 0;
}

/** tcp_rcv_established → tcp_data_queue: queue in-order data if receive memory allows. */
export function tcp_rcv_established(sk: Sock, skb: SkBuff): number {
  const host = sk.host;
  if (sk.sk_rmem_alloc + skb.truesize > sk.sk_rcvbuf) {
    // tcp_try_rmem_schedule: prune; with nothing out of order to prune, the segment is dropped.
    host.mib.TcpExt.PruneCalled++;
    host.mib.TcpExt.TCPRcvQDrop++;
    sk.sk_drops++;
    host.kfree_skb(skb, 'PROTO_MEM', 'tcp_data_queue');
    return 0;
  }
  sk.sk_rmem_alloc += skb.truesize;
  sk.unreadBytes += skb.end_seq - skb.seq;
  sk.sk_receive_queue.push(skb);
  sk.sk_rxhash = skb.hash;
  skb.queuedAt = host.cpu.clock;
  host.trace.record(host.cpu.clock, skb.id, STAGE.sock_queue, host.cpu.id, sk.index);
  host.tcpDelivered(skb);
  sk_data_ready(sk);
  return 0;
}

/** __release_sock: the owner releases the lock and processes what waited in the backlog. */
export function release_sock(sk: Sock): void {
  const host = sk.host;
  for (let skb = sk.sk_backlog.shift(); skb !== undefined; skb = sk.sk_backlog.shift()) {
    sk.sk_backlog_len -= skb.truesize;
    host.cpu.charge(host.cost.tcpRcv);
    tcp_rcv_established(sk, skb);
  }
}
