/** IPv4's start and its sockets' receive call (net/ipv4/af_inet.c). */
import * as machine_h from '../../include/machine.ts';
import * as sock_h from '../../include/net/sock.ts';
import type { Cpu, Thread } from '../../include/linux/sched.ts';
import type { SkBuff } from '../../include/linux/skbuff.ts';
import * as rps_h from '../../include/net/rps.ts';
import type { Sock } from '../../include/net/sock.ts';
import * as if_ether_h from '../../include/uapi/linux/if_ether.ts';
import * as in_h from '../../include/uapi/linux/in.ts';
import * as trace_h from '../../engine/trace.ts';
import * as core_h from '../../kernel/sched/core.ts';
import * as dev_h from '../core/dev.ts';
import * as skbuff_h from '../core/skbuff.ts';
import * as _sock_h from '../core/sock.ts';

// Imported constants as module constants, which V8 folds into the code (docs/fast-simulator-code.md).
const { ETH_P_IP } = if_ether_h;
const { IPPROTO_TCP } = in_h;
const { STAGE } = trace_h;
const { hooks } = machine_h;
const { sock_net } = sock_h;
const { sock_rps_record_flow } = rps_h;
const { sleep_until } = core_h;
const { dev_add_pack } = dev_h;
const { consume_skb } = skbuff_h;
const { release_sock } = _sock_h;

/** inet_init: ip_rcv becomes the handler of IPv4 frames (ip_packet_type). */
export function inet_init(): void {
  dev_add_pack({ type: ETH_P_IP, func: hooks().ip_rcv });
}

/**
 * inet_recvmsg (udp_recvmsg, tcp_recvmsg), for a thread blocking on one socket: take the first
 * datagram or segment, charge the copy, free it. Returns its receive timestamp (SO_TIMESTAMPING),
 * or -1 when there was nothing to read yet and the thread now sleeps until there is.
 */
export function inet_recvmsg(sk: Sock, thread: Thread, cpu: Cpu): number {
  const m = sock_net(sk);
  if (sk.protocol === IPPROTO_TCP) release_sock(sk);
  const skb = sk.sk_receive_queue.peek();
  if (skb === undefined || skb.queuedAt > cpu.clock) {
    sk_wait_data(sk, thread, cpu, skb);
    return -1;
  }
  sk.sk_receive_queue.shift();
  cpu.charge(m.cost.recvmsg + skb.len / m.cost.copyBytesPerNs);
  sk.sk_rmem_alloc -= skb.truesize;
  if (sk.protocol === IPPROTO_TCP) {
    sk.unreadBytes -= skb.end_seq - skb.seq;
    // The socket stays owned while the copy runs: segments arriving meanwhile go to the backlog.
    sk.ownedUntil = cpu.clock;
  } else {
    m.udp_memory_allocated -= skb.truesize;
    m.mib.Udp.InDatagrams++;
  }
  sock_rps_record_flow(sk, cpu.id);
  m.trace.record(cpu.clock, skb.id, STAGE.read, cpu.id, sk.index);
  consume_skb(skb);
  return skb.hwtstamp;
}

/** sk_wait_data: sleep in recvmsg until sk_data_ready, or until what another CPU queued ahead of this one's time is there. */
function sk_wait_data(sk: Sock, thread: Thread, cpu: Cpu, head: SkBuff | undefined): void {
  if (head === undefined) {
    thread.runnable = false;
    sk.waiter = thread;
    sk.waiterCpu = cpu.id;
  } else {
    // Queued by another CPU whose step runs ahead of this one: it is not there yet.
    sleep_until(cpu, thread, head.queuedAt);
  }
}
