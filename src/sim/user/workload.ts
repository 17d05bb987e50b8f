/** Workload builders: the shapes of traffic the course uses (the peer sends them: hw/peer.ts). */
import { TCP_HLEN } from '../include/net/tcp.ts';
import { IP_HLEN } from '../include/uapi/linux/ip.ts';
import type { FlowSpec, Workload } from '../hw/peer.ts';
import { ETH_WIRE_OVERHEAD, frameLenOf } from '../hw/wire.ts';

/** The MSS of a bulk TCP sender on a 1500-byte MTU with timestamps. */
export const TCP_MSS = 1448;

const defaultFlow = (dport: number, i = 0, proto: 'udp' | 'tcp' = 'udp'): FlowSpec => ({ proto, dport, sport: 40000 + i });

/** Evenly spaced datagrams from `flows` UDP flows to one port. */
export function constantRate(opts: { pps: number; dport?: number; flows?: number; payload?: number }): Workload {
  const n = opts.flows ?? 1;
  return {
    name: 'constant-rate',
    pps: opts.pps,
    payload: opts.payload,
    flows: Array.from({ length: n }, (_, i) => ({ ...defaultFlow(opts.dport ?? 9000, i), src: `10.0.${1 + (i >> 8)}.${i & 255}` })),
  };
}

/** Random (Poisson) arrivals: the same mean as constantRate, with natural clumps. */
export function poissonRate(opts: { pps: number; dport?: number; flows?: number; payload?: number }): Workload {
  return { ...constantRate(opts), name: 'poisson', arrivals: 'poisson' };
}

/** Bursts of back-to-back frames at line rate, spaced to the mean rate. */
export function bursts(opts: { pps: number; burst: number; dport?: number; flows?: number; payload?: number }): Workload {
  return { ...constantRate(opts), name: 'bursts', arrivals: { burst: opts.burst } };
}

/** Many flows from many sources, so RSS and RPS have something to spread. */
export function manyFlows(opts: { pps: number; flows: number; dport?: number; payload?: number }): Workload {
  return { ...constantRate(opts), name: 'many-flows' };
}

/** One elephant flow carrying `share` of the packets among `mice` small flows. */
export function elephantFlow(opts: { pps: number; share?: number; mice?: number; dport?: number; payload?: number }): Workload {
  const mice = opts.mice ?? 15;
  const share = opts.share ?? 0.9;
  const flows: FlowSpec[] = [{ ...defaultFlow(opts.dport ?? 9000, 0), src: '10.0.9.1', weight: share }];
  for (let i = 1; i <= mice; i++) flows.push({ ...defaultFlow(opts.dport ?? 9000, i), src: `10.0.1.${i}`, weight: (1 - share) / mice });
  return { name: 'elephant', pps: opts.pps, payload: opts.payload, flows };
}

/** A bulk TCP transfer (MSS-sized segments) at up to `gbps`, held back by the receiver's window. */
export function tcpFlow(opts: { gbps: number; dport?: number; flows?: number }): Workload {
  const frameBits = (frameLenOf(IP_HLEN + TCP_HLEN + TCP_MSS) + ETH_WIRE_OVERHEAD) * 8;
  const n = opts.flows ?? 1;
  return {
    name: 'tcp-bulk',
    pps: (opts.gbps * 1e9) / frameBits,
    payload: TCP_MSS,
    flows: Array.from({ length: n }, (_, i) => ({ ...defaultFlow(opts.dport ?? 5201, i, 'tcp'), src: `10.0.2.${i + 1}` })),
  };
}
