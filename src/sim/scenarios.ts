/**
 * Named scenarios that labs, the terminal and the tests share: a workload and, where the story
 * needs it, the host settings that make it happen.
 */
import type { HostConfig } from './host.ts';
import type { Workload } from './hw/peer.ts';
import { bursts, constantRate, elephantFlow, manyFlows, tcpFlow } from './user/workload.ts';

export interface Scenario {
  name: string;
  /** One line on what it shows. */
  description: string;
  workload: Workload;
  durationNs: number;
  /** Host settings the scenario assumes (merged into the host's config by those who build one for it). */
  host?: HostConfig;
}

export const SCENARIOS: readonly Scenario[] = [
  {
    name: 'steady',
    description: '200 kpps of small UDP datagrams in 16 flows: the path at ease, for reading counters',
    workload: manyFlows({ pps: 200_000, flows: 16 }),
    durationNs: 100e6,
  },
  {
    name: 'ring-overflow',
    description: 'one flow at 2.5 Mpps: one queue, one CPU, more than it can poll; the ring overflows',
    workload: constantRate({ pps: 2_500_000, flows: 1 }),
    durationNs: 20e6,
  },
  {
    name: 'elephant',
    description: 'one flow carries 90% of 1 Mpps: RSS keeps a flow on one queue, so one CPU does most of the work',
    workload: elephantFlow({ pps: 1_000_000 }),
    durationNs: 20e6,
  },
  {
    name: 'bursts',
    description: 'bursts of 2000 datagrams at line rate every 20 ms: the socket buffer must absorb them',
    workload: bursts({ pps: 100_000, burst: 2000, flows: 4 }),
    durationNs: 100e6,
  },
  {
    name: 'slow-reader',
    description: '300 kpps to an application that needs 5 µs per datagram: the socket receive buffer overflows',
    workload: manyFlows({ pps: 300_000, flows: 16 }),
    durationNs: 50e6,
    host: { sockets: [{ proto: 'udp', port: 9000, reader: { cpu: 3, processNs: 5000 } }] },
  },
  {
    name: 'tcp-bulk',
    description: 'a bulk TCP transfer at up to 5 Gb/s: GRO merges segments, so the stack sees far fewer packets than the NIC',
    workload: tcpFlow({ gbps: 5 }),
    durationNs: 20e6,
    host: { sockets: [{ proto: 'tcp', port: 5201 }] },
  },
];

export function findScenario(name: string): Scenario | undefined {
  return SCENARIOS.find((s) => s.name === name);
}
