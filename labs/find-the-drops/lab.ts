import { defineLab, n } from '../../src/lab-runtime/define.ts';
import { findScenario, type RunResult } from '../../src/sim/index.ts';

/** The terminal's `run bursts`: the checks send exactly the traffic the learner can send. */
const BURSTS = findScenario('bursts')!;
const arrivals = BURSTS.workload.arrivals;
const BURST_FRAMES = typeof arrivals === 'object' ? arrivals.burst : 1;

/** Drops during the run in the NIC (no kernel drop reason: the kernel never saw those frames). */
const nicDrops = (r: RunResult) => r.drops.filter((d) => d.reason === null).reduce((s, d) => s + d.count, 0);
const reasonDrops = (r: RunResult, reason: string) => r.drops.filter((d) => d.reason === reason).reduce((s, d) => s + d.count, 0);

export default defineLab({
  kind: 'tuning',
  id: 'find-the-drops',
  title: 'Find the drops, then stop them',
  chapter: '12-where-did-my-packets-go',
  task:
    'This host loses datagrams whenever a burst arrives (type run bursts in the terminal to see it happen). Walk up the path with the tools of this chapter — ethtool -S, ip -s -s link, /proc/net/softnet_stat, nstat, ss, dropwatch — find every place that drops, and tune the host in the terminal until a burst arrives whole. The application and its socket stay as they are: change the host, not the program. Then press Check my host: the checks send the lab\'s bursts through the host as you left it.',
  host: {
    // A single-queue NIC (as in many VMs) whose traffic someone steered with RPS to one CPU and a
    // backlog limit someone lowered: two drop points, found with two different tools.
    nic: { queues: 1 },
    sysctl: { 'net.core.netdev_max_backlog': 300 },
    sysfs: { '/sys/class/net/eth0/queues/rx-0/rps_cpus': '2' },
    sockets: [{ proto: 'udp', port: 9000, rcvbuf: 4 << 20, reader: { cpu: 3, processNs: 300 } }],
  },
  scenarios: [{ name: 'bursts', workload: BURSTS.workload, durationNs: BURSTS.durationNs }],
  checks: [
    {
      id: 'nic',
      demands: 'No frame is lost in the NIC: the ring has room for a whole burst.',
      verify: ({ runs: { bursts: r }, host }) => {
        const lost = nicDrops(r!);
        if (lost === 0) return null;
        return `${n(lost)} frames never reached the ring: they show as rx_missed_errors in ethtool -S eth0 and as missed in ip -s -s link show eth0. Each queue's ring holds ${n(host.adapter.rx_ring_count)} descriptors (ethtool -g eth0) and a burst is ${n(BURST_FRAMES)} frames.`;
      },
    },
    {
      id: 'backlog',
      demands: "No packet is dropped at a CPU's backlog (enqueue_to_backlog).",
      verify: ({ runs: { bursts: r }, host }) => {
        const lost = reasonDrops(r!, 'CPU_BACKLOG');
        if (lost === 0) return null;
        return `${n(lost)} packets were dropped by enqueue_to_backlog (reason CPU_BACKLOG; the second column of /proc/net/softnet_stat). net.core.netdev_max_backlog is ${host.sysctl('net.core.netdev_max_backlog').value}, and RPS sends every packet of the queue to the CPUs in rps_cpus.`;
      },
    },
    {
      id: 'delivered',
      demands: 'Every datagram of every burst reaches the application.',
      weight: 2,
      verify: ({ runs: { bursts: r } }) => {
        if (r!.delivered === r!.sent) return null;
        const where = r!.drops.map((d) => `${n(d.count)} ${d.reason === null ? `in the NIC (${d.where})` : `${d.reason} in ${d.where}`}`).join(', ');
        return `The application read ${n(r!.delivered)} of the ${n(r!.sent)} datagrams sent${where ? `; dropped: ${where}` : ' (the rest were still queued when the traffic stopped)'}.`;
      },
    },
  ],
  hints: [
    'Start at the wire: run bursts, then ethtool -S eth0 | grep -E "missed|no_buffer|drops". A counter that grows there means frames never got a descriptor.',
    'ethtool -g eth0 shows the ring size and its maximum; ethtool -G eth0 rx N changes it.',
    'With the NIC fixed, look one stage up: cat /proc/net/softnet_stat. The second column counts packets a CPU\'s backlog refused; dropwatch names the reason.',
    'sysctl net.core.netdev_max_backlog is the backlog limit. Spreading RPS over more CPUs (rps_cpus) shares the burst between several backlogs.',
  ],
});
