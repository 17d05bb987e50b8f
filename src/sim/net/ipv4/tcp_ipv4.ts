/** TCP receive on an established connection, before the socket (net/ipv4/tcp_ipv4.c), reduced. */
import * as sock_h from '../../include/net/sock.ts';
import * as netdevice_h from '../../include/linux/netdevice.ts';
import * as skbuff_h from '../../include/linux/skbuff.ts';
import type { SkBuff } from '../../include/linux/skbuff.ts';
import type { Sock } from '../../include/net/sock.ts';
import * as in_h from '../../include/uapi/linux/in.ts';
import * as trace_h from '../../engine/trace.ts';
import * as _skbuff_h from '../core/skbuff.ts';
import { __inet_lookup } from './inet_hashtables.ts';
import * as tcp_input_h from './tcp_input.ts';

// Imported constants as module constants, which V8 folds into the code (docs/fast-simulator-code.md).
const { FRAME_L4_CSUM_BAD } = skbuff_h;
const { IPPROTO_TCP } = in_h;
const { STAGE } = trace_h;
const { sock_net } = sock_h;
const { dev_net } = netdevice_h;
const { kfree_skb_reason } = _skbuff_h;
const { tcp_rcv_established } = tcp_input_h;

/**
 * tcp_v4_rcv: count the segment, check it, find the socket. If a user thread owns the socket
 * (it is in recvmsg), the segment waits in the socket backlog; else it is queued now.
 */
export function tcp_v4_rcv(skb: SkBuff): number {
  const m = dev_net(skb.dev);
  const cpu = m.cpu;
  const mib = m.mib;
  mib.Tcp.InSegs++;
  cpu.charge(m.cost.tcpRcv);
  m.trace.record(cpu.clock, skb.id, STAGE.l4_rcv, cpu.id, 0);
  if (skb.faults & FRAME_L4_CSUM_BAD) {
    mib.Tcp.InCsumErrors++;
    mib.Tcp.InErrs++;
    kfree_skb_reason(skb, 'TCP_CSUM', 'tcp_v4_rcv');
    return 0;
  }
  const f = skb.flow;
  const sk = __inet_lookup(m, IPPROTO_TCP, f.daddr, f.dport);
  if (sk === undefined) {
    // tcp_v4_send_reset
    mib.Tcp.OutRsts++;
    mib.Tcp.OutSegs++;
    kfree_skb_reason(skb, 'NO_SOCKET', 'tcp_v4_rcv');
    return 0;
  }
  if (cpu.clock < sk.ownedUntil) return tcp_add_backlog(sk, skb);
  return tcp_rcv_established(sk, skb);
}

/** tcp_add_backlog: limit = 2 * rcvbuf + sndbuf / 2 + 64 KiB (since 6.10). */
export function tcp_add_backlog(sk: Sock, skb: SkBuff): number {
  const limit = Math.min(2 * sk.sk_rcvbuf + (sk.sk_sndbuf >> 1) + 64 * 1024, 0xffffffff);
  if (sk.sk_backlog_len + sk.sk_rmem_alloc > limit) {
    sock_net(sk).mib.TcpExt.TCPBacklogDrop++;
    sk.sk_drops++;
    kfree_skb_reason(skb, 'SOCKET_BACKLOG', 'tcp_add_backlog');
    return 0;
  }
  sk.sk_backlog.push(skb);
  sk.sk_backlog_len += skb.truesize;
  return 0;
}

/** tcp_v4_do_rcv: a segment that waited in the backlog, processed when the owner releases the socket. */
export function tcp_v4_do_rcv(sk: Sock, skb: SkBuff): number {
  const m = sock_net(sk);
  m.cpu.charge(m.cost.tcpRcv);
  return tcp_rcv_established(sk, skb);
}
