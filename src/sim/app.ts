/** The application: one thread per socket, pinned to a CPU, reading in a loop. */
import { CTX_SYSTEM, CTX_USER, type Cpu, type Thread } from './cpu.ts';
import { IPPROTO_TCP } from './packet.ts';
import { release_sock } from './tcp.ts';
import type { Sock } from './sock.ts';
import { STAGE } from './trace.ts';

/** How the application reads a socket. */
export interface ReaderConfig {
  /** The CPU the reading thread is pinned to (taskset). */
  cpu: number;
  /** User-space work per datagram or segment after recvmsg returns, in ns: what limits the read rate. */
  processNs: number;
}

/** A thread blocking in recvmsg on one socket, then processing what it read. */
export class SocketReader implements Thread {
  declare readonly name: string;
  runnable = true;
  vruntime = 0;
  declare readonly sk: Sock;
  declare readonly processNs: number;

  constructor(sk: Sock, config: ReaderConfig) {
    this.sk = sk;
    this.processNs = config.processNs;
    this.name = `reader:${sk.num}`;
  }

  step(cpu: Cpu): void {
    const sk = this.sk;
    const host = sk.host;
    cpu.ctx = CTX_SYSTEM;
    if (sk.protocol === IPPROTO_TCP) release_sock(sk);
    const skb = sk.sk_receive_queue.peek();
    if (skb === undefined) {
      // Nothing to read: sleep in recvmsg until sk_data_ready.
      this.runnable = false;
      sk.waiter = this;
      sk.waiterCpu = cpu.id;
      return;
    }
    if (skb.queuedAt > cpu.clock) {
      // Queued by another CPU whose step runs ahead of this one: it is not there yet.
      cpu.sleepUntil(this, skb.queuedAt);
      return;
    }
    sk.sk_receive_queue.shift();
    cpu.charge(host.cost.recvmsg + skb.len / host.cost.copyBytesPerNs);
    sk.sk_rmem_alloc -= skb.truesize;
    if (sk.protocol === IPPROTO_TCP) {
      sk.unreadBytes -= skb.end_seq - skb.seq;
      // The socket stays owned while the copy runs: segments arriving meanwhile go to the backlog.
      sk.ownedUntil = cpu.clock;
    } else {
      host.udpMemory -= skb.truesize;
      host.mib.Udp.InDatagrams++;
    }
    host.sock_rps_record_flow(sk, cpu.id);
    host.trace.record(cpu.clock, skb.packet.id, STAGE.read, cpu.id, sk.index);
    host.latency.record(cpu.clock - skb.packet.time);
    host.consume_skb(skb);
    if (this.processNs > 0) {
      cpu.ctx = CTX_USER;
      cpu.charge(this.processNs);
    }
  }
}
