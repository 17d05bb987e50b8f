/** Finding the socket a segment or datagram is for (net/ipv4/inet_hashtables.c, and udp.c's __udp4_lib_lookup). */
import type { Machine } from '../../include/machine.ts';
import type { Sock } from '../../include/net/sock.ts';
import type { IpProto } from '../../include/uapi/linux/in.ts';

// Imported constants and functions as module constants, which V8 folds into the code (docs/fast-simulator-code.md).

/**
 * __inet_lookup: the socket bound to the port and to the address or to any. Each TCP socket here
 * stands for the one connection on its port, so UDP's lookup (__udp4_lib_lookup) is the same.
 */
export function __inet_lookup(net: Machine, protocol: IpProto, daddr: number, dport: number): Sock | undefined {
  const sockets = net.sockets;
  for (let i = 0; i < sockets.length; i++) {
    const sk = sockets[i]!;
    if (sk.protocol === protocol && sk.num === dport && (sk.rcv_saddr === 0 || sk.rcv_saddr === daddr)) return sk;
  }
  return undefined;
}
