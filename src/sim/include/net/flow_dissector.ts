/** What the flow dissector reads off a packet's headers (struct flow_keys, include/net/flow_dissector.h), reduced. */
import type { IpProto } from '../uapi/linux/in.ts';

/** One 5-tuple. Addresses are unsigned 32-bit numbers (IPv4). */
export interface Flow {
  /** The simulator's name for it: the wire's flows by id (a frame names its flow by id). */
  readonly id: number;
  readonly proto: IpProto;
  readonly saddr: number;
  readonly daddr: number;
  readonly sport: number;
  readonly dport: number;
}
