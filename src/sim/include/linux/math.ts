/** include/linux/math.h */

/**
 * reciprocal_scale: (u32)(((u64)val * ep_ro) >> 32), i.e. val scaled into [0, ep_ro). Split into
 * 16-bit halves so every step is exact in a double.
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
