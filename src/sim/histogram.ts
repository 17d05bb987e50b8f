/**
 * A log-linear latency histogram (in the manner of HdrHistogram): 32 sub-buckets per power of two,
 * so percentiles are within ~3% whatever the range, in constant memory and O(1) per sample.
 */
const SUB_BITS = 5;
const SUB = 1 << SUB_BITS;
/** 2^-k for every exponent a double has: dividing by a power of two is multiplying by its inverse, exactly. */
const INV_POW2 = Float64Array.from({ length: 1024 }, (_, k) => 2 ** -k);

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
    // clz32 gives the exponent of values below 2^32 ns (4.3 s) without a logarithm.
    const exp = v < 4294967296 ? 31 - Math.clz32(v) : Math.floor(Math.log2(v));
    if (exp < SUB_BITS) return Math.floor(v);
    const sub = Math.floor(v * INV_POW2[exp - SUB_BITS]!) - SUB;
    return (exp - SUB_BITS + 1) * SUB + sub;
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
