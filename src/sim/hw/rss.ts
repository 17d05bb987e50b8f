// Receive Side Scaling in the NIC: the Toeplitz hash as Microsoft defines it, the hash input
// layouts, and the queue choice through the indirection table. Addresses are unsigned 32-bit host
// numbers (IPv4) or 16-byte arrays (IPv6); hash input is always network byte order.
import type { RssConfig } from '../include/linux/ethtool.ts';
import type { Flow } from '../include/net/flow_dissector.ts';
import * as in_h from '../include/uapi/linux/in.ts';

// Imported constants as module constants, which V8 folds into the code (docs/fast-simulator-code.md).
const { IPPROTO_TCP } = in_h;

/** The 40-byte key of Microsoft's published RSS verification vectors. */
export const MICROSOFT_RSS_KEY: Uint8Array = Uint8Array.from([
  0x6d, 0x5a, 0x56, 0xda, 0x25, 0x5b, 0x0e, 0xc2, 0x41, 0x67, 0x25, 0x3d, 0x43, 0xa3, 0x8f, 0xb0,
  0xd0, 0xca, 0x2b, 0xcb, 0xae, 0x7b, 0x30, 0xb4, 0x77, 0xcb, 0x2d, 0xa3, 0x80, 0x30, 0xf2, 0x0c,
  0x6a, 0x42, 0xb7, 0x3b, 0xbe, 0xac, 0x01, 0xfa,
]);

/**
 * Toeplitz hash: for every input bit that is 1 (byte 0 first, MSB first),
 * XOR in the 32 key bits starting at that bit position.
 */
export function toeplitzHash(key: Uint8Array, input: Uint8Array): number {
  const n = input.length;
  if (key.length < n + 4) {
    throw new RangeError(`toeplitzHash: key of ${key.length} bytes is too short for ${n} input bytes (needs ${n + 4})`);
  }
  let result = 0;
  // window = key bits [8i, 8i+32); the next key byte supplies the bits that
  // slide in as we move through the 8 bits of input byte i.
  let window = ((key[0]! << 24) | (key[1]! << 16) | (key[2]! << 8) | key[3]!) >>> 0;
  for (let i = 0; i < n; i++) {
    const b = input[i]!;
    const nextKey = key[i + 4]!;
    if (b !== 0) {
      for (let j = 0; j < 8; j++) {
        if (b & (0x80 >>> j)) {
          result ^= j === 0 ? window : (window << j) | (nextKey >>> (8 - j));
        }
      }
    }
    window = ((window << 8) | nextKey) >>> 0;
  }
  return result >>> 0;
}

function checkPort(p: number, what: string): void {
  if (!Number.isInteger(p) || p < 0 || p > 0xffff) throw new RangeError(`${what} must be an integer 0..65535, got ${p}`);
}

function putPorts(out: Uint8Array, at: number, sport: number | undefined, dport: number | undefined): void {
  if (sport === undefined && dport === undefined) return;
  if (sport === undefined || dport === undefined) throw new RangeError('give both ports or neither');
  checkPort(sport, 'sport');
  checkPort(dport, 'dport');
  out[at] = sport >>> 8;
  out[at + 1] = sport & 0xff;
  out[at + 2] = dport >>> 8;
  out[at + 3] = dport & 0xff;
}

/** IPv4 hash input: saddr, daddr[, sport, dport], network byte order (8 or 12 bytes). */
export function rssInputIPv4(saddr: number, daddr: number, sport?: number, dport?: number): Uint8Array {
  const withPorts = sport !== undefined || dport !== undefined;
  const out = new Uint8Array(withPorts ? 12 : 8);
  const s = saddr >>> 0;
  const d = daddr >>> 0;
  out[0] = s >>> 24; out[1] = (s >>> 16) & 0xff; out[2] = (s >>> 8) & 0xff; out[3] = s & 0xff;
  out[4] = d >>> 24; out[5] = (d >>> 16) & 0xff; out[6] = (d >>> 8) & 0xff; out[7] = d & 0xff;
  putPorts(out, 8, sport, dport);
  return out;
}

/** IPv6 hash input: saddr, daddr[, sport, dport] (32 or 36 bytes). */
export function rssInputIPv6(saddr: Uint8Array, daddr: Uint8Array, sport?: number, dport?: number): Uint8Array {
  if (saddr.length !== 16 || daddr.length !== 16) throw new RangeError('IPv6 addresses are 16 bytes');
  const withPorts = sport !== undefined || dport !== undefined;
  const out = new Uint8Array(withPorts ? 36 : 32);
  out.set(saddr, 0);
  out.set(daddr, 16);
  putPorts(out, 32, sport, dport);
  return out;
}

/** The queue RSS gives a flow, and its hash. */
export interface RssSelection {
  hash: number;
  queue: number;
}

/**
 * The NIC's RSS engine, which a lab may replace: hash the flow with the key over the configured
 * fields, then look the low 7 bits up in the indirection table.
 */
export function rss_select_queue(rss: RssConfig, flow: Flow): RssSelection {
  const fields = flow.proto === IPPROTO_TCP ? rss.tcp4 : rss.udp4;
  const input = fields === 'sdfn' ? rssInputIPv4(flow.saddr, flow.daddr, flow.sport, flow.dport) : rssInputIPv4(flow.saddr, flow.daddr);
  const hash = toeplitzHash(rss.key, input);
  return { hash, queue: rss.indir[hash & (rss.indir.length - 1)]! };
}

declare module '../include/hooks.ts' {
  interface Hooks {
    /** The NIC's RSS: hash the flow and pick a queue from the indirection table. */
    rss_select_queue: typeof rss_select_queue;
  }
}
