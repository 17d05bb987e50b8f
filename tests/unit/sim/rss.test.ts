import { describe, expect, it } from 'vitest';
import {
  IGB_RETA_SIZE,
  MICROSOFT_RSS_KEY,
  ethtool_rxfh_indir_default,
  formatIPv4,
  igb_reta_default,
  parseIPv4,
  parseIPv6,
  reciprocal_scale,
  rssInputIPv4,
  rssInputIPv6,
  toeplitzHash,
} from '../../../src/sim/index.ts';
import { NETDEV_RSS_KEY_LEN } from '../../../src/sim/include/linux/netdevice.ts';
import { netdev_rss_key_fill } from '../../../src/sim/net/ethtool/ioctl.ts';
import { createRng } from '../../../src/sim/engine/rng.ts';

const hex = (b: Uint8Array): string => Array.from(b, (x) => x.toString(16).padStart(2, '0')).join('');

// Microsoft, "Verifying the RSS Hash Calculation". The table lists the
// destination first; the hash input puts the source first.
const V4 = [
  { dst: '161.142.100.80', dport: 1766, src: '66.9.149.187', sport: 2794, in2: '420995bba18e6450', h2: 0x323e8fc2, h4: 0x51ccc178 },
  { dst: '65.69.140.83', dport: 4739, src: '199.92.111.2', sport: 14230, in2: 'c75c6f0241458c53', h2: 0xd718262a, h4: 0xc626b0ea },
  { dst: '12.22.207.184', dport: 38024, src: '24.19.198.95', sport: 12898, in2: '1813c65f0c16cfb8', h2: 0xd2d0a5de, h4: 0x5c2b394a },
  { dst: '209.142.163.6', dport: 2217, src: '38.27.205.30', sport: 48228, in2: '261bcd1ed18ea306', h2: 0x82989176, h4: 0xafc7327f },
  { dst: '202.188.127.2', dport: 1303, src: '153.39.163.191', sport: 44251, in2: '9927a3bfcabc7f02', h2: 0x5d1809c5, h4: 0x10e828a2 },
];

const V6 = [
  { dst: '3ffe:2501:200:3::1', dport: 1766, src: '3ffe:2501:200:1fff::7', sport: 2794, h2: 0x2cc18cd5, h4: 0x40207d3d },
  { dst: 'ff02::1', dport: 4739, src: '3ffe:501:8::260:97ff:fe40:efab', sport: 14230, h2: 0x0f0c461c, h4: 0xdde51bbf },
  { dst: 'fe80::200:f8ff:fe21:67cf', dport: 38024, src: '3ffe:1900:4545:3:200:f8ff:fe21:67cf', sport: 44251, h2: 0x4b61e985, h4: 0x02d1feef },
];

describe('toeplitzHash: Microsoft IPv4 vectors', () => {
  for (const [i, v] of V4.entries()) {
    it(`vector ${i + 1}: 2-tuple`, () => {
      const input = rssInputIPv4(parseIPv4(v.src), parseIPv4(v.dst));
      expect(hex(input)).toBe(v.in2);
      expect(toeplitzHash(MICROSOFT_RSS_KEY, input)).toBe(v.h2);
    });
    it(`vector ${i + 1}: 4-tuple`, () => {
      const input = rssInputIPv4(parseIPv4(v.src), parseIPv4(v.dst), v.sport, v.dport);
      expect(hex(input)).toBe(v.in2 + v.sport.toString(16).padStart(4, '0') + v.dport.toString(16).padStart(4, '0'));
      expect(toeplitzHash(MICROSOFT_RSS_KEY, input)).toBe(v.h4);
    });
  }
  it('vector 1 4-tuple input is 420995bba18e6450 0aea 06e6', () => {
    expect(hex(rssInputIPv4(parseIPv4('66.9.149.187'), parseIPv4('161.142.100.80'), 2794, 1766))).toBe('420995bba18e64500aea06e6');
  });
});

describe('toeplitzHash: Microsoft IPv6 vectors', () => {
  for (const [i, v] of V6.entries()) {
    it(`vector ${i + 1}: 2-tuple`, () => {
      const input = rssInputIPv6(parseIPv6(v.src), parseIPv6(v.dst));
      expect(input.length).toBe(32);
      expect(toeplitzHash(MICROSOFT_RSS_KEY, input)).toBe(v.h2);
    });
    it(`vector ${i + 1}: 4-tuple`, () => {
      const input = rssInputIPv6(parseIPv6(v.src), parseIPv6(v.dst), v.sport, v.dport);
      expect(input.length).toBe(36);
      expect(toeplitzHash(MICROSOFT_RSS_KEY, input)).toBe(v.h4);
    });
  }
});

describe('toeplitzHash: definition', () => {
  // Straight from the definition, one bit at a time, as a cross-check.
  const reference = (key: Uint8Array, input: Uint8Array): number => {
    const bit = (k: number): number => (key[k >> 3]! >> (7 - (k & 7))) & 1;
    let r = 0;
    for (let i = 0; i < input.length * 8; i++) {
      if ((input[i >> 3]! >> (7 - (i & 7))) & 1) {
        let w = 0;
        for (let j = 0; j < 32; j++) w = ((w << 1) | bit(i + j)) >>> 0;
        r = (r ^ w) >>> 0;
      }
    }
    return r;
  };
  it('matches the bit-by-bit definition on random keys and inputs', () => {
    const rng = createRng(7);
    for (let t = 0; t < 200; t++) {
      const len = rng.int(37);
      const key = new Uint8Array(len + 4 + rng.int(16));
      const input = new Uint8Array(len);
      rng.fill(key);
      rng.fill(input);
      expect(toeplitzHash(key, input)).toBe(reference(key, input));
    }
  });
  it('is 0 for an all-zero input and unsigned for a high bit', () => {
    expect(toeplitzHash(MICROSOFT_RSS_KEY, new Uint8Array(12))).toBe(0);
    expect(toeplitzHash(MICROSOFT_RSS_KEY, Uint8Array.of(0x80))).toBe(0x6d5a56da);
    const all = toeplitzHash(new Uint8Array(40).fill(0xff), Uint8Array.of(0x80));
    expect(all).toBe(0xffffffff);
  });
  it('throws RangeError when the key is shorter than input + 4 bytes', () => {
    expect(() => toeplitzHash(new Uint8Array(11), new Uint8Array(8))).toThrow(RangeError);
    expect(() => toeplitzHash(new Uint8Array(12), new Uint8Array(8))).not.toThrow();
    expect(() => toeplitzHash(MICROSOFT_RSS_KEY, new Uint8Array(37))).toThrow(RangeError);
  });
});

describe('indirection table', () => {
  // Fact sheet worked example: 4 queues, index = hash & 0x7f.
  const expected = [
    { index: 120, rr: 0, igb: 3 },
    { index: 106, rr: 2, igb: 3 },
    { index: 74, rr: 2, igb: 2 },
    { index: 127, rr: 3, igb: 3 },
    { index: 34, rr: 2, igb: 1 },
  ];
  for (const [i, v] of V4.entries()) {
    it(`IPv4 TCP vector ${i + 1} → index ${expected[i]!.index}`, () => {
      const index = v.h4 & 0x7f;
      expect(index).toBe(expected[i]!.index);
      expect(ethtool_rxfh_indir_default(index, 4)).toBe(expected[i]!.rr);
      expect(igb_reta_default(index, 4)).toBe(expected[i]!.igb);
    });
  }
  it('igb fills contiguous blocks of 32 with 4 queues; the generic helper goes round-robin', () => {
    expect(IGB_RETA_SIZE).toBe(128);
    const igb = Array.from({ length: IGB_RETA_SIZE }, (_, j) => igb_reta_default(j, 4));
    expect(igb.slice(0, 32).every((q) => q === 0)).toBe(true);
    expect(igb.slice(32, 64).every((q) => q === 1)).toBe(true);
    expect(igb.slice(96).every((q) => q === 3)).toBe(true);
    expect(Array.from({ length: 8 }, (_, j) => ethtool_rxfh_indir_default(j, 4))).toEqual([0, 1, 2, 3, 0, 1, 2, 3]);
    // 3 queues: (j*3)/128 — uneven blocks 43/43/42.
    const igb3 = Array.from({ length: IGB_RETA_SIZE }, (_, j) => igb_reta_default(j, 3));
    expect([0, 1, 2].map((q) => igb3.filter((x) => x === q).length)).toEqual([43, 43, 42]);
  });
});

describe('reciprocal_scale', () => {
  const ref = (v: number, e: number): number => Number(((BigInt(v >>> 0) * BigInt(e >>> 0)) >> 32n) & 0xffffffffn);
  const edges = [0, 1, 2, 0xffff, 0x10000, 0x7fffffff, 0x80000000, 0xfffffffe, 0xffffffff];
  it('matches the u64 reference on edge values', () => {
    for (const v of edges) for (const e of edges) expect(reciprocal_scale(v, e)).toBe(ref(v, e));
  });
  it('matches the u64 reference on random values', () => {
    const rng = createRng(42);
    for (let i = 0; i < 20000; i++) {
      const v = rng.u32();
      const e = i % 2 ? rng.u32() : rng.int(256) + 1;
      expect(reciprocal_scale(v, e)).toBe(ref(v, e));
    }
  });
  it('scales into [0, ep_ro): the top of the hash range maps to the last CPU', () => {
    expect(reciprocal_scale(0xffffffff, 4)).toBe(3);
    expect(reciprocal_scale(0x40000000, 4)).toBe(1);
    expect(reciprocal_scale(0x3fffffff, 4)).toBe(0);
    expect(reciprocal_scale(0xffffffff, 0xffffffff)).toBe(0xfffffffe);
  });
});

describe('address parsing', () => {
  it('IPv4 round-trips', () => {
    for (const s of ['0.0.0.0', '255.255.255.255', '10.0.0.1', '192.168.1.254', '66.9.149.187']) {
      expect(formatIPv4(parseIPv4(s))).toBe(s);
    }
    expect(parseIPv4('255.255.255.255')).toBe(0xffffffff);
    expect(parseIPv4('161.142.100.80')).toBe(0xa18e6450);
    expect(formatIPv4(-1)).toBe('255.255.255.255');
  });
  it('IPv4 refuses bad text', () => {
    for (const s of ['', '1.2.3', '1.2.3.4.5', '256.0.0.1', '1.2.3.-4', 'a.b.c.d', '01.2.3.4', '1.2.3.4 ', ' 1.2.3.4', '1..3.4', '0x1.2.3.4']) {
      expect(() => parseIPv4(s), s).toThrow(SyntaxError);
    }
  });
  it('IPv6 parses full and :: compressed forms', () => {
    expect(hex(parseIPv6('::'))).toBe('0'.repeat(32));
    expect(hex(parseIPv6('::1'))).toBe('0'.repeat(30) + '01');
    expect(hex(parseIPv6('ff02::1'))).toBe('ff02' + '0'.repeat(26) + '01');
    expect(hex(parseIPv6('3ffe:2501:200:1fff::7'))).toBe('3ffe250102001fff0000000000000007');
    expect(hex(parseIPv6('3ffe:501:8::260:97ff:fe40:efab'))).toBe('3ffe0501000800000260' + '97fffe40efab');
    expect(hex(parseIPv6('1:2:3:4:5:6:7:8'))).toBe('00010002000300040005000600070008');
    expect(hex(parseIPv6('1::'))).toBe('0001' + '0'.repeat(28));
    expect(hex(parseIPv6('::ffff:192.0.2.1'))).toBe('0'.repeat(20) + 'ffffc0000201');
    expect(hex(parseIPv6('FE80::ABCD'))).toBe('fe80' + '0'.repeat(24) + 'abcd');
  });
  it('IPv6 refuses bad text', () => {
    for (const s of ['', ':', ':::', '1::2::3', '1:2:3:4:5:6:7', '1:2:3:4:5:6:7:8:9', '1:2:3:4::5:6:7:8', '12345::', 'g::1', '1:2:3:4:5:6:7:', ':1:2:3:4:5:6:7', '::1.2.3.4.5', '1.2.3.4::']) {
      expect(() => parseIPv6(s), s).toThrow(SyntaxError);
    }
  });
});

describe('netdev_rss_key_fill', () => {
  it('is 52 random bytes, reproducible from the seed; a shorter key is a prefix', () => {
    const a = netdev_rss_key_fill(createRng(1));
    const b = netdev_rss_key_fill(createRng(1));
    const c = netdev_rss_key_fill(createRng(2));
    expect(a.length).toBe(NETDEV_RSS_KEY_LEN);
    expect(a).toEqual(b);
    expect(a).not.toEqual(c);
    expect(a.some((x) => x !== 0)).toBe(true);
    expect(netdev_rss_key_fill(createRng(1), 40)).toEqual(a.slice(0, 40));
    expect(() => netdev_rss_key_fill(createRng(1), 53)).toThrow(RangeError);
  });
});
