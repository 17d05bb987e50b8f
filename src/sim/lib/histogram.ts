/**
 * A log-linear latency histogram (in the manner of HdrHistogram): 32 sub-buckets per power of two,
 * so percentiles are within ~3% whatever the range, in constant memory and O(1) per sample.
 */
const SUB_BITS = 5;
const SUB = 1 << SUB_BITS;
/** A double and its high 32 bits (sign, exponent, the mantissa's top 20), in the platform's byte order. */
const BITS = new Float64Array(1);
const HI = new Uint32Array(BITS.buffer);
const HI_WORD = new Uint8Array(new Uint16Array([1]).buffer)[0] === 1 ? 1 : 0;

export interface LatencySummary {
  count: number;
  minNs: number;
  meanNs: number;
  p50Ns: number;
  p90Ns: number;
  p99Ns: number;
  p999Ns: number;
  maxNs: number;
}

export class Histogram {
  private readonly counts = new Float64Array(64 * SUB);
  count = 0;
  private sum = -0; // a double from the start (index.ts)
  private min = Infinity;
  private max = -0; // a double from the start (index.ts)

  record(valueNs: number): void {
    const v = valueNs < 1 ? 1 : valueNs;
    this.counts[Histogram.bucket(v)]!++;
    this.count++;
    this.sum += v;
    if (v < this.min) this.min = v;
    if (v > this.max) this.max = v;
  }

  private static bucket(v: number): number {
    if (v < SUB) return Math.floor(v);
    // A double's exponent and the leading SUB_BITS bits of its mantissa are the bucket: no logarithm.
    BITS[0] = v;
    const hi = HI[HI_WORD]!;
    return ((hi >>> 20) - 1023 - SUB_BITS + 1) * SUB + ((hi >>> (20 - SUB_BITS)) & (SUB - 1));
  }

  /** The upper edge of a bucket: the value reported for samples in it. */
  private static upper(b: number): number {
    if (b < SUB) return b;
    const exp = Math.floor(b / SUB) - 1 + SUB_BITS;
    const sub = b % SUB;
    return (SUB + sub + 1) * 2 ** (exp - SUB_BITS);
  }

  percentile(p: number): number {
    if (this.count === 0) return 0;
    const rank = Math.ceil((p / 100) * this.count);
    let seen = 0;
    for (let b = 0; b < this.counts.length; b++) {
      seen += this.counts[b]!;
      if (seen >= rank) return Math.min(Histogram.upper(b), this.max);
    }
    return this.max;
  }

  summary(): LatencySummary {
    return {
      count: this.count,
      minNs: this.count ? this.min : 0,
      meanNs: this.count ? this.sum / this.count : 0,
      p50Ns: this.percentile(50),
      p90Ns: this.percentile(90),
      p99Ns: this.percentile(99),
      p999Ns: this.percentile(99.9),
      maxNs: this.count ? this.max : 0,
    };
  }
}
