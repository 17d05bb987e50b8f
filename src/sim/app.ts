/** The application: one thread per socket, pinned to a CPU, reading in a loop. */
import { CTX_SYSTEM, CTX_USER, type Cpu, type Thread } from './cpu.ts';
import * as packet_h from './packet.ts';
import { release_sock } from './tcp.ts';
import type { SkBuff } from './skbuff.ts';
import type { Sock } from './sock.ts';
import * as trace_h from './trace.ts';

// Imported constants as module constants, which V8 folds into the code (see index.ts).
const { IPPROTO_TCP } = packet_h;
const { STAGE } = trace_h;

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
  vruntime = -0; // a double from the start (index.ts)
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
    cpu.setCtx(CTX_SYSTEM);
    if (sk.protocol === IPPROTO_TCP) release_sock(sk);
    const skb = sk.sk_receive_queue.peek();
    if (skb === undefined || skb.queuedAt > cpu.clock) {
      this.wait(cpu, skb);
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
    host.trace.record(cpu.clock, skb.id, STAGE.read, cpu.id, sk.index);
    host.latency.record(cpu.clock - skb.hwtstamp);
    host.consume_skb(skb);
    if (this.processNs > 0) {
      cpu.setCtx(CTX_USER);
      cpu.charge(this.processNs);
    }
  }

  /** Nothing to read yet: sleep in recvmsg until sk_data_ready, or until what another CPU queued ahead of this one's time. */
  private wait(cpu: Cpu, head: SkBuff | undefined): void {
    if (head === undefined) {
      this.runnable = false;
      this.sk.waiter = this;
      this.sk.waiterCpu = cpu.id;
    } else {
      // Queued by another CPU whose step runs ahead of this one: it is not there yet.
      cpu.sleepUntil(this, head.queuedAt);
    }
  }
}
