/** include/linux/hash.h */

/** GOLDEN_RATIO_32 */
const GOLDEN_RATIO_32 = 0x61c88647;

/** hash_32(val, bits) */
export function hash_32(val: number, bits: number): number {
  return bits === 0 ? 0 : Math.imul(val, GOLDEN_RATIO_32) >>> (32 - bits);
}
