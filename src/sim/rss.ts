// Receive Side Scaling: the Toeplitz hash as Microsoft defines it, the hash
// input layouts, the indirection-table fills of the kernel and of igb, and the
// kernel's reciprocal_scale. Addresses are unsigned 32-bit host numbers
// (IPv4) or 16-byte arrays (IPv6); hash input is always network byte order.

import type { Rng } from './rng.ts';

/** The 40-byte key of Microsoft's published RSS verification vectors. */
export const MICROSOFT_RSS_KEY: Uint8Array = Uint8Array.from([
  0x6d, 0x5a, 0x56, 0xda, 0x25, 0x5b, 0x0e, 0xc2, 0x41, 0x67, 0x25, 0x3d, 0x43, 0xa3, 0x8f, 0xb0,
  0xd0, 0xca, 0x2b, 0xcb, 0xae, 0x7b, 0x30, 0xb4, 0x77, 0xcb, 0x2d, 0xa3, 0x80, 0x30, 0xf2, 0x0c,
  0x6a, 0x42, 0xb7, 0x3b, 0xbe, 0xac, 0x01, 0xfa,
]);

/** NETDEV_RSS_KEY_LEN (include/linux/netdevice.h): the shared key is 52 bytes. */
export const NETDEV_RSS_KEY_LEN = 52;

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

/** Dotted quad → unsigned 32-bit number. Strict like inet_pton: 4 decimal parts, no leading zeros. */
export function parseIPv4(text: string): number {
  const parts = text.split('.');
  if (parts.length !== 4) throw new SyntaxError(`not an IPv4 address: ${JSON.stringify(text)}`);
  let addr = 0;
  for (const p of parts) {
    if (!/^(0|[1-9][0-9]{0,2})$/.test(p) || Number(p) > 255) {
      throw new SyntaxError(`not an IPv4 address: ${JSON.stringify(text)}`);
    }
    addr = addr * 256 + Number(p);
  }
  return addr >>> 0;
}

export function formatIPv4(addr: number): string {
  const a = addr >>> 0;
  return `${a >>> 24}.${(a >>> 16) & 0xff}.${(a >>> 8) & 0xff}.${a & 0xff}`;
}

/** RFC 4291 text → 16 bytes: '::' compression and a dotted-quad tail are accepted. */
export function parseIPv6(text: string): Uint8Array {
  const bad = (): never => {
    throw new SyntaxError(`not an IPv6 address: ${JSON.stringify(text)}`);
  };
  const groups = (s: string, allowV4Tail: boolean): number[] => {
    if (s === '') return [];
    const out: number[] = [];
    const fields = s.split(':');
    fields.forEach((f, i) => {
      if (allowV4Tail && i === fields.length - 1 && f.includes('.')) {
        const v4 = parseIPv4(f);
        out.push(v4 >>> 16, v4 & 0xffff);
      } else if (/^[0-9a-fA-F]{1,4}$/.test(f)) {
        out.push(parseInt(f, 16));
      } else {
        bad();
      }
    });
    return out;
  };
  let words: number[];
  try {
    const dbl = text.indexOf('::');
    if (dbl >= 0) {
      if (text.indexOf('::', dbl + 1) >= 0) bad();
      const head = groups(text.slice(0, dbl), false);
      const tail = groups(text.slice(dbl + 2), true);
      // '::' stands for at least one zero group.
      if (head.length + tail.length > 7) bad();
      words = [...head, ...new Array<number>(8 - head.length - tail.length).fill(0), ...tail];
    } else {
      words = groups(text, true);
      if (words.length !== 8) bad();
    }
  } catch (e) {
    if (e instanceof SyntaxError) bad();
    throw e;
  }
  const out = new Uint8Array(16);
  words.forEach((w, i) => {
    out[2 * i] = w >>> 8;
    out[2 * i + 1] = w & 0xff;
  });
  return out;
}

/** Entries in igb's redirection table (IGB_RETA_SIZE, igb.h). */
export const IGB_RETA_SIZE = 128;

/** include/linux/ethtool.h: the generic default fill, round-robin over the rings. */
export function ethtool_rxfh_indir_default(index: number, n_rx_rings: number): number {
  return index % n_rx_rings;
}

/** igb_setup_mrqc: igb fills contiguous blocks, (j * num_rx_queues) / IGB_RETA_SIZE. */
export function igb_reta_default(index: number, n_rx_rings: number): number {
  return Math.floor((index * n_rx_rings) / IGB_RETA_SIZE);
}

/**
 * include/linux/math.h: (u32)(((u64)val * ep_ro) >> 32), i.e. val scaled
 * into [0, ep_ro). Split into 16-bit halves so every step is exact in a double.
 */
export function reciprocal_scale(val: number, ep_ro: number): number {
  const v = val >>> 0;
  const e = ep_ro >>> 0;
  const hi = (v >>> 16) * e; // < 2^48
  const lo = (v & 0xffff) * e; // < 2^48
  const hiTop = Math.floor(hi / 65536); // hi * 2^16 = hiTop * 2^32 + hiLow * 2^16
  const hiLow = hi - hiTop * 65536;
  return (hiTop + Math.floor((hiLow * 65536 + lo) / 4294967296)) >>> 0;
}

/**
 * net/core/dev.c: the per-boot random key all RSS drivers share (and
 * net.core.netdev_rss_key shows once a driver has asked for it). Draws the
 * whole 52-byte key, so a shorter request is a prefix of the same key.
 */
export function netdev_rss_key_fill(rng: Rng, len: number = NETDEV_RSS_KEY_LEN): Uint8Array {
  if (!Number.isInteger(len) || len < 0 || len > NETDEV_RSS_KEY_LEN) {
    throw new RangeError(`netdev_rss_key_fill: len ${len} exceeds NETDEV_RSS_KEY_LEN (${NETDEV_RSS_KEY_LEN})`);
  }
  const key = new Uint8Array(NETDEV_RSS_KEY_LEN);
  rng.fill(key);
  return key.slice(0, len);
}
