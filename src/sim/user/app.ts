/** The application: one thread per socket, pinned to a CPU, reading in a loop. */
import * as sched_h from '../include/linux/sched.ts';
import type { Cpu, Thread } from '../include/linux/sched.ts';
import type { Sock } from '../include/net/sock.ts';
import * as af_inet_h from '../net/ipv4/af_inet.ts';

// Imported constants as module constants, which V8 folds into the code (docs/fast-simulator-code.md).
const { CTX_SYSTEM, CTX_USER } = sched_h;
const { inet_recvmsg } = af_inet_h;

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
  vruntime = -0; // a double from the start (docs/fast-simulator-code.md)
  declare readonly sk: Sock;
  declare readonly processNs: number;
  /** Where the reader reports each datagram's latency: from the NIC's receive timestamp to the read. */
  private declare readonly measure: (latencyNs: number) => void;

  constructor(sk: Sock, config: ReaderConfig, measure: (latencyNs: number) => void) {
    this.sk = sk;
    this.processNs = config.processNs;
    this.name = `reader:${sk.num}`;
    this.measure = measure;
  }

  step(cpu: Cpu): void {
    cpu.setCtx(CTX_SYSTEM);
    const hwtstamp = inet_recvmsg(this.sk, this, cpu);
    if (hwtstamp < 0) return;
    this.measure(cpu.clock - hwtstamp);
    if (this.processNs > 0) {
      cpu.setCtx(CTX_USER);
      cpu.charge(this.processNs);
    }
  }
}
