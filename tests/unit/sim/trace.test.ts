import { describe, expect, it } from 'vitest';
import { L4_DROP, L4_SOCK_QUEUE, NETIF_IP_RCV, Trace, WIRE_DMA } from '../../../src/sim/engine/trace.ts';
import { SKB_DROP_REASONS, constantRate, createHost, reference, type TraceEvent } from '../../../src/sim/index.ts';

describe('the bounded trace', () => {
  it('keeps the last `capacity` events, oldest first, also for a capacity that is not a power of two', () => {
    const trace = new Trace(5);
    for (let p = 0; p < 12; p++) trace.record(p * 10.5, p, p % 12, (p % 3) - 1, p * 1000);
    const stages = ['ip_rcv', 'l4_rcv', 'sock_queue', 'read', 'drop'];
    expect(trace.events()).toEqual([7, 8, 9, 10, 11].map((p, i) => ({ time: p * 10.5, packet: p, stage: stages[i], cpu: (p % 3) - 1, aux: p * 1000 })));
  });

  it('holds what was recorded before it wrapped, and nothing at capacity 0', () => {
    const trace = new Trace(8);
    trace.record(1, 42, 2, -1, 3);
    expect(trace.events()).toEqual([{ time: 1, packet: 42, stage: 'dma', cpu: -1, aux: 3 }]);
    const none = new Trace(0);
    none.record(1, 1, 0, 0, 0);
    expect(none.events()).toEqual([]);
  });

  it('keeps an aux as large as a packet id of a long run, and every stage and CPU, exactly', () => {
    const trace = new Trace(32);
    const id = 2 ** 40 + 12345; // gro_merged's aux names the packet it merged into
    trace.record(1e12 + 0.25, id + 1, 4, 31, id);
    trace.record(3, 7, 11, -1, 0);
    expect(trace.events()).toEqual([
      { time: 1e12 + 0.25, packet: id + 1, stage: 'gro_merged', cpu: 31, aux: id },
      { time: 3, packet: 7, stage: 'drop', cpu: -1, aux: 0 },
    ]);
  });

  it('gives the last few events alone when asked, and a snapshot later events leave as it was', () => {
    const trace = new Trace(8);
    for (let p = 0; p < 10; p++) trace.record(p, p, 0, 0, 0);
    const snapshot = trace.snapshot();
    trace.record(99, 99, 0, 0, 0);
    expect(trace.events(2).map((e) => e.packet)).toEqual([9, 99]);
    expect(snapshot.events().map((e) => e.packet)).toEqual([2, 3, 4, 5, 6, 7, 8, 9]);
    expect(trace.events(100)).toHaveLength(8);
  });

  it("reads a frame DMA'd on arrival, recorded once, as its wire and dma events, within the capacity", () => {
    const trace = new Trace(3);
    trace.record(5, 1, 8, 0, 0); // l4_rcv of packet 1
    trace.record(7, 2, WIRE_DMA, -1, 3);
    const wire = { time: 7, packet: 2, stage: 'wire', cpu: -1, aux: 0 };
    const dma = { time: 7, packet: 2, stage: 'dma', cpu: -1, aux: 3 };
    expect(trace.events()).toEqual([{ time: 5, packet: 1, stage: 'l4_rcv', cpu: 0, aux: 0 }, wire, dma]);
    expect(trace.events(2)).toEqual([wire, dma]);
    expect(trace.events(1)).toEqual([dma]);
  });

  it('reads netif_receive with ip_rcv, and l4_rcv with sock_queue or with drop, from one record each', () => {
    const trace = new Trace(8);
    trace.record(9, 4, NETIF_IP_RCV, 2, 0);
    trace.record(11, 4, L4_SOCK_QUEUE, 2, 1);
    trace.record(12, 5, L4_DROP, 2, 7);
    expect(trace.events()).toEqual([
      { time: 9, packet: 4, stage: 'netif_receive', cpu: 2, aux: 0 },
      { time: 9, packet: 4, stage: 'ip_rcv', cpu: 2, aux: 0 },
      { time: 11, packet: 4, stage: 'l4_rcv', cpu: 2, aux: 0 },
      { time: 11, packet: 4, stage: 'sock_queue', cpu: 2, aux: 1 },
      { time: 12, packet: 5, stage: 'l4_rcv', cpu: 2, aux: 0 },
      { time: 12, packet: 5, stage: 'drop', cpu: 2, aux: 7 },
    ]);
  });
});

describe("a run's trace", () => {
  const stagesOf = (events: TraceEvent[], packet: number) => events.filter((e) => e.packet === packet).map((e) => e.stage);

  it('follows a delivered datagram from the wire to the read, in order and in time', () => {
    const host = createHost({ seed: 1, cpus: 2, nic: { queues: 1 } });
    const r = host.run(constantRate({ pps: 10_000 }), { durationNs: 2e6 });
    const first = r.trace.filter((e) => e.packet === 0);
    expect(first.map((e) => e.stage)).toEqual(['wire', 'dma', 'poll', 'netif_receive', 'ip_rcv', 'l4_rcv', 'sock_queue', 'read']);
    for (let i = 1; i < first.length; i++) expect(first[i]!.time).toBeGreaterThanOrEqual(first[i - 1]!.time);
    expect(first[0]!.cpu).toBe(-1); // the NIC
    expect(first[2]!.cpu).toBeGreaterThanOrEqual(0);
  });

  it('ends a dropped packet with the drop reason the kernel gives', () => {
    // No socket on the port: __udp4_lib_rcv frees the skb with SKB_DROP_REASON_NO_SOCKET.
    const host = createHost({ seed: 1, sockets: [] });
    const r = host.run(constantRate({ pps: 10_000, dport: 7777 }), { durationNs: 1e6 });
    const last = r.trace.filter((e) => e.packet === 0).at(-1)!;
    expect(stagesOf(r.trace, 0)).toEqual(['wire', 'dma', 'poll', 'netif_receive', 'ip_rcv', 'l4_rcv', 'drop']);
    expect(SKB_DROP_REASONS[last.aux]).toBe('NO_SOCKET');
  });

  it('shows a datagram refused by a full socket buffer reaching UDP and dropped there, never queued', () => {
    // Nobody reads the socket: once its buffer is full, __udp_enqueue_schedule_skb refuses.
    const host = createHost({ seed: 1, sockets: [{ proto: 'udp', port: 9000, reader: null }] });
    const r = host.run(constantRate({ pps: 100_000 }), { durationNs: 2e6 });
    const drop = r.trace.find((e) => e.stage === 'drop')!;
    expect(SKB_DROP_REASONS[drop.aux]).toBe('SOCKET_RCVBUFF');
    const stages = stagesOf(r.trace, drop.packet);
    expect(stages).toEqual(['wire', 'dma', 'poll', 'netif_receive', 'ip_rcv', 'l4_rcv', 'drop']);
    // The skb:kfree_skb tracepoint fires as the free begins: nothing ran since udp_rcv looked at it.
    const events = r.trace.filter((e) => e.packet === drop.packet);
    expect(events[6]!.time).toBe(events[5]!.time);
  });

  it("traces the drop after udp_rcv at the time it happens when a lab's enqueue spends time first", () => {
    const host = createHost({
      seed: 1,
      sockets: [{ proto: 'udp', port: 9000, reader: null }],
      hooks: {
        __udp_enqueue_schedule_skb: (sk, skb) => {
          host.cpu.charge(500);
          return reference.__udp_enqueue_schedule_skb(sk, skb);
        },
      },
    });
    const r = host.run(constantRate({ pps: 100_000 }), { durationNs: 2e6 });
    const drop = r.trace.find((e) => e.stage === 'drop')!;
    const events = r.trace.filter((e) => e.packet === drop.packet);
    expect(events.map((e) => e.stage)).toEqual(['wire', 'dma', 'poll', 'netif_receive', 'ip_rcv', 'l4_rcv', 'drop']);
    expect(events[6]!.time - events[5]!.time).toBe(500);
  });

  it("is that run's, also when read after the host ran again", () => {
    const host = createHost({ seed: 1, cpus: 2, nic: { queues: 1 } });
    const first = host.run(constantRate({ pps: 10_000 }), { durationNs: 1e6 });
    const second = host.run(constantRate({ pps: 10_000 }), { durationNs: 1e6 });
    expect(Math.max(...first.trace.map((e) => e.time))).toBeLessThanOrEqual(first.endNs);
    expect(second.trace.some((e) => e.time > first.endNs)).toBe(true);
    expect(JSON.parse(JSON.stringify(first)).trace).toEqual(first.trace);
  });
});
