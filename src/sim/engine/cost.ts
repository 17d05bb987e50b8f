/**
 * What each operation costs the CPU that does it, in ns of virtual time. The values are order-of-
 * magnitude estimates for one modern 3 GHz core with warm caches and no netfilter rules, fitted to
 * the anchors of the reference (the XDP paper's ~208 ns per packet up to the first netfilter hook,
 * Cloudflare's few hundred kpps for a naive UDP reader). They are parameters, not facts: a lab or
 * the terminal may change them, and overload then appears where it does on a real host.
 */
export interface CostModel {
  /** Hard interrupt entry, handler and exit. */
  hardirq: number;
  /** Entering a softirq run (handle_softirqs) and net_rx_action's own overhead. */
  softirqEntry: number;
  /** One call of a NAPI poll function, apart from the packets it handles. */
  napiPoll: number;
  /** The driver's work per received descriptor: read it, build the skb, fill hash/csum fields. */
  driverRxPacket: number;
  /** Refill one descriptor by reusing the other half of a page. */
  refillReuse: number;
  /** Refill one descriptor with a new page: allocate it and DMA-map it. */
  refillAlloc: number;
  /** Unmap a page the stack still holds (it cannot be reused). */
  dmaUnmap: number;
  /** GRO per packet (a merged packet skips every later per-packet cost). */
  groPacket: number;
  /** skb_get_hash computing a flow hash in software: the flow dissector and siphash. */
  flowHash: number;
  /** enqueue_to_backlog. */
  backlogEnqueue: number;
  /** __netif_receive_skb_core, ip_rcv and the route lookup (early demux hit). */
  netifReceiveIp: number;
  /** UDP lookup, admission and enqueue, sk_data_ready. */
  udpRcv: number;
  /** TCP established fast path per skb (ACK generation share included). */
  tcpRcv: number;
  /** Freeing a dropped skb. */
  kfreeSkb: number;
  /** Sending an IPI (the sender's share). */
  ipiSend: number;
  /** Time from sending an IPI to its handler running on the target CPU. */
  ipiLatency: number;
  /** Waking a sleeping reader (try_to_wake_up on the waker's CPU). */
  wakeup: number;
  /** A context switch on the CPU that switches. */
  contextSwitch: number;
  /** recvmsg of one datagram: syscall and dequeue, apart from the copy. */
  recvmsg: number;
  /** Copy to user memory, in bytes per ns (~8 GB/s). */
  copyBytesPerNs: number;
  /** The scheduler tick's work (timer interrupt). */
  tick: number;
}

export const DEFAULT_COST_MODEL: Readonly<CostModel> = Object.freeze({
  hardirq: 1000,
  softirqEntry: 300,
  napiPoll: 100,
  driverRxPacket: 45,
  refillReuse: 10,
  refillAlloc: 70,
  dmaUnmap: 25,
  groPacket: 35,
  flowHash: 50,
  backlogEnqueue: 60,
  netifReceiveIp: 160,
  udpRcv: 220,
  tcpRcv: 450,
  kfreeSkb: 30,
  ipiSend: 200,
  ipiLatency: 1500,
  wakeup: 1500,
  contextSwitch: 1500,
  recvmsg: 900,
  copyBytesPerNs: 8,
  tick: 800,
});
