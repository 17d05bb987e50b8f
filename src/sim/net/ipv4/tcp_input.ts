/** TCP's established fast path (net/ipv4/tcp_input.c), reduced. */
import * as machine_h from '../../include/machine.ts';
import type { SkBuff } from '../../include/linux/skbuff.ts';
import type { Sock } from '../../include/net/sock.ts';
import * as trace_h from '../../engine/trace.ts';
import { kfree_skb_reason } from '../core/skbuff.ts';
import { sk_data_ready } from '../core/sock.ts';
import { tcp_send_ack } from './tcp_output.ts';

// Imported constants as module constants, which V8 folds into the code (docs/fast-simulator-code.md).
const { STAGE } = trace_h;
const { machine } = machine_h;

/** tcp_rcv_established → tcp_data_queue: queue in-order data if receive memory allows. */
export function tcp_rcv_established(sk: Sock, skb: SkBuff): number {
  const m = machine();
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
