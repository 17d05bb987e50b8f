import { defineLab, ethtoolStat, n, perQueueSum } from '../../src/lab-runtime/define.ts';
import { constantRate, manyFlows, reference, type HostConfig } from '../../src/sim/index.ts';

/** A fast reader with a large buffer: whatever goes wrong here goes wrong in the driver. */
/** Long enough for each queue to see more frames than its ring holds. */
const STEADY_NS = 10e6;

const host: HostConfig = { sockets: [{ proto: 'udp', port: 9000, rcvbuf: 4 << 20, reader: { cpu: 3, processNs: 200 } }] };

export default defineLab({
  id: 'napi-poll',
  title: "Write the driver's poll",
  chapter: '05-napi',
  hook: 'igb_poll',
  // Its body is the loop this lab asks for.
  withholds: ['igb_clean_rx_irq'],
  task:
    "Write igb_poll(napi, budget): take up to budget completed descriptors off the queue's ring, build an skb from each and pass it to napi_gro_receive, give the cleaned descriptors back to the NIC with igb_alloc_rx_buffers, and — only when you did less than the budget — call napi_complete_done and, if it returns true, re-enable the queue's interrupt with igb_ring_irq_enable. Return how many packets you handled.",
  scenarios: [
    {
      name: 'steady',
      description: '200 kpps in 16 flows for 10 ms: more frames than a ring holds',
      host,
      workload: manyFlows({ pps: 200_000, flows: 16 }),
      durationNs: STEADY_NS,
    },
    {
      name: 'overload',
      description: 'one flow at 2.5 Mpps for 3 ms: polls use their whole budget',
      host,
      workload: constantRate({ pps: 2_500_000, flows: 1 }),
      durationNs: 3e6,
    },
  ],
  install: (igb_poll, probe) => {
    let inPoll = 0;
    return {
      igb_poll: (napi, budget) => {
        inPoll = 0;
        const work = igb_poll(napi, budget);
        probe.max('maxPassedUpInOnePoll', inPoll);
        if (inPoll > budget) probe.count('pollsOverBudget');
        return work;
      },
      napi_gro_receive: (napi, skb) => {
        inPoll++;
        return reference.napi_gro_receive(napi, skb);
      },
    };
  },
  checks: [
    {
      id: 'delivers',
      demands: 'Every frame taken off the ring goes up the stack exactly once.',
      weight: 2,
      verify: ({ runs: { steady } }) => {
        // What the driver took off the ring (netdev rx_packets) against what reached ip_rcv.
        const received = steady!.stats.nic.netdev.rx_packets;
        const up = steady!.stats.snmp.Ip.InReceives;
        if (up > received) return `ip_rcv saw ${n(up)} packets but your poll took only ${n(received)}: some skbs were passed to napi_gro_receive twice.`;
        // A poll every interrupt interval at most leaves a few hundred microseconds of traffic on the ring.
        if (up < received * 0.95) return `Only ${n(up)} of the ${n(received)} frames your poll took off the ring reached ip_rcv. Is every skb from igb_build_skb handed to napi_gro_receive?`;
        return null;
      },
    },
    {
      id: 'budget',
      demands: 'A poll handles at most budget packets and returns no more than budget.',
      weight: 2,
      verify: ({ runs: { overload }, probes }) => {
        const over = probes.pollsOverBudget ?? 0;
        if (over > 0) return `${n(over)} polls passed more than budget packets up (up to ${n(probes.maxPassedUpInOnePoll ?? 0)} in one poll, budget is 64). Stop the loop when work_done reaches budget.`;
        const napi = overload!.stats.napi.filter((x) => x.name.startsWith('eth0'));
        const returned = napi.reduce((s, x) => s + x.overBudget, 0);
        if (returned > 0) return `igb_poll returned more than its budget ${n(returned)} times; the kernel logs "NAPI poll function … exceeding its budget".`;
        return null;
      },
    },
    {
      id: 'stays-scheduled',
      demands: 'When the whole budget was used, the poll returns budget without completing NAPI.',
      weight: 2,
      verify: ({ runs: { overload } }) => {
        const bad = overload!.stats.napi.reduce((s, x) => s + x.completedAtBudget, 0);
        if (bad > 0) return `${n(bad)} polls used the whole budget and still called napi_complete_done. With work left, return budget and leave NAPI scheduled: net_rx_action will poll again.`;
        return null;
      },
    },
    {
      id: 'completes',
      demands: 'With less than the budget done, the poll completes NAPI and re-enables the interrupt.',
      weight: 2,
      verify: ({ runs: { steady } }) => {
        const left = steady!.stats.napi.reduce((s, x) => s + x.leftScheduled, 0);
        if (left > 0) return `${n(left)} polls did less than the budget but left NAPI scheduled: nothing polls it again and the interrupt stays masked. Call napi_complete_done(napi, work_done).`;
        const irqs = steady!.stats.interrupts.filter((l) => l.name.includes('TxRx')).map((l) => l.perCpu.reduce((a, b) => a + b, 0));
        const fewest = Math.min(...irqs);
        if (fewest < 20) return `One queue's interrupt fired only ${n(fewest)} times in ${STEADY_NS / 1e6} ms. When napi_complete_done returns true, unmask it with igb_ring_irq_enable(q_vector).`;
        return null;
      },
    },
    {
      id: 'refills',
      demands: 'Cleaned descriptors are given back to the NIC, so a steady load never runs the ring dry.',
      weight: 2,
      verify: ({ runs: { steady } }) => {
        const noBuffer = ethtoolStat(steady!, 'rx_no_buffer_count');
        const drops = perQueueSum(steady!, 'drops');
        if (noBuffer > 0 || drops > 0) return `rx_no_buffer_count is ${n(noBuffer)} and rx_queue_N_drops add up to ${n(drops)} at only 200 kpps: the NIC ran out of descriptors. Give cleaned ones back with igb_alloc_rx_buffers(rx_ring, cleaned_count).`;
        return null;
      },
    },
  ],
  hints: [
    'Start from the ring: const q_vector = container_of(napi, QVector); const rx_ring = q_vector.rx_ring; the next descriptor to look at is IGB_RX_DESC(rx_ring, rx_ring.next_to_clean). Its length is 0 until the NIC has written a frame into it.',
    'igb_build_skb(rx_ring, rx_desc) builds the skb and moves next_to_clean on. Hand the skb to napi_gro_receive(napi, skb) and count it.',
    'Keep a cleaned_count. Every IGB_RX_BUFFER_WRITE (16) descriptors, and once at the end, call igb_alloc_rx_buffers(rx_ring, cleaned_count): the NIC can only write into descriptors you gave back.',
    'If work_done reached budget, return budget and do nothing else. Otherwise: if (napi_complete_done(napi, work_done)) igb_ring_irq_enable(q_vector); return work_done.',
  ],
});
