/** TCP's established fast path (net/ipv4/tcp_input.c), reduced. */
import * as sock_h from '../../include/net/sock.ts';
import type { SkBuff } from '../../include/linux/skbuff.ts';
import type { Sock } from '../../include/net/sock.ts';
import * as trace_h from '../../engine/trace.ts';
import * as skbuff_h from '../core/skbuff.ts';
import * as _sock_h from '../core/sock.ts';
import * as tcp_output_h from './tcp_output.ts';

// Imported constants as module constants, which V8 folds into the code (docs/fast-simulator-code.md).
const { STAGE } = trace_h;
const { sock_net } = sock_h;
const { kfree_skb_reason } = skbuff_h;
const { sk_data_ready } = _sock_h;
const { tcp_send_ack } = tcp_output_h;

/** tcp_rcv_established → tcp_data_queue: queue in-order data if receive memory allows. */
export function tcp_rcv_established(sk: Sock, skb: SkBuff): number {
  const m = sock_net(sk);
  if (sk.sk_rmem_alloc + skb.truesize > sk.sk_rcvbuf) {
    // tcp_try_rmem_schedule: prune; with nothing out of order to prune, the segment is dropped.
    m.mib.TcpExt.PruneCalled++;
    m.mib.TcpExt.TCPRcvQDrop++;
    sk.sk_drops++;
    kfree_skb_reason(skb, 'PROTO_MEM', 'tcp_data_queue');
    return 0;
  }
  const cpu = m.cpu;
  sk.sk_rmem_alloc += skb.truesize;
  sk.unreadBytes += skb.end_seq - skb.seq;
  sk.sk_receive_queue.push(skb);
  sk.sk_rxhash = skb.hash;
  skb.queuedAt = cpu.clock;
  m.trace.record(cpu.clock, skb.id, STAGE.sock_queue, cpu.id, sk.index);
  tcp_send_ack(skb);
  sk_data_ready(sk);
  return 0;
}
