// Seeded PRNG: sfc32 seeded through splitmix32. Only 32-bit integer
// arithmetic (Math.imul, >>> 0), so every JS engine yields the same stream.

export interface Rng {
  /** Uniform in [0, 1), 32 bits of resolution. */
  next(): number;
  /** Uniform unsigned 32-bit integer. */
  u32(): number;
  /** Uniform integer in [0, n); n must be a positive integer ≤ 2^32. */
  int(n: number): number;
  /** Fill with random bytes. */
  fill(bytes: Uint8Array): void;
}

const TWO_POW_32 = 4294967296;

export function createRng(seed: number): Rng {
  // splitmix32 spreads a possibly tiny seed (0, 1, 2 …) over the 128-bit state.
  let s = seed >>> 0;
  const splitmix32 = (): number => {
    s = (s + 0x9e3779b9) >>> 0;
    let z = s;
    z = Math.imul(z ^ (z >>> 16), 0x85ebca6b);
    z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35);
    return (z ^ (z >>> 16)) >>> 0;
  };
  let a = splitmix32();
  let b = splitmix32();
  let c = splitmix32();
  let d = splitmix32();

  const u32 = (): number => {
    const t = (((a + b) >>> 0) + d) >>> 0;
    d = (d + 1) >>> 0;
    a = b ^ (b >>> 9);
    b = (c + (c << 3)) >>> 0;
    c = ((c << 21) | (c >>> 11)) >>> 0;
    c = (c + t) >>> 0;
    return t;
  };
  // Discard the first outputs, as sfc32's authors recommend, to mix the state.
  for (let i = 0; i < 12; i++) u32();

  return {
    next: () => u32() / TWO_POW_32,
    u32,
    int(n: number): number {
      if (!Number.isInteger(n) || n <= 0 || n > TWO_POW_32) {
        throw new RangeError(`rng.int: n must be an integer in [1, 2^32], got ${n}`);
      }
      // Rejection sampling: no modulo bias, still integer-exact.
      const limit = TWO_POW_32 - (TWO_POW_32 % n);
      let x = u32();
      while (x >= limit) x = u32();
      return x % n;
    },
    fill(bytes: Uint8Array): void {
      let i = 0;
      for (; i + 4 <= bytes.length; i += 4) {
        const x = u32();
        bytes[i] = x & 0xff;
        bytes[i + 1] = (x >>> 8) & 0xff;
        bytes[i + 2] = (x >>> 16) & 0xff;
        bytes[i + 3] = x >>> 24;
      }
      if (i < bytes.length) {
        let x = u32();
        for (; i < bytes.length; i++, x >>>= 8) bytes[i] = x & 0xff;
      }
    },
  };
}
