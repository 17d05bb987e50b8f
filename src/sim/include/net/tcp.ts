/** TCP header flags and sizes (include/net/tcp.h). */
import * as ip_h from '../uapi/linux/ip.ts';

// Imported constants as module constants, which V8 folds into the code (docs/fast-simulator-code.md).
const { IP_HLEN } = ip_h;

export const TCPHDR_FIN = 0x01;
export const TCPHDR_SYN = 0x02;
export const TCPHDR_RST = 0x04;
export const TCPHDR_PSH = 0x08;
export const TCPHDR_ACK = 0x10;

/** The TCP header with the timestamp option, as Linux peers send it. */
export const TCP_HLEN = 32;

/** TCP payload bytes of an IP packet of `ipLen` bytes. */
export function tcp_payload_len(ipLen: number): number {
  return ipLen - IP_HLEN - TCP_HLEN;
}
