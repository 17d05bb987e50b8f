import { describe, expect, it } from 'vitest';
import { Histogram } from '../../../src/sim/lib/histogram.ts';

describe('the latency histogram', () => {
  it('gives percentiles within 1/32 above the true value, from nanoseconds to minutes', () => {
    for (const scale of [40, 3_000, 250_000, 7e9, 9e10]) {
      const h = new Histogram();
      // 1..1000 times the scale, so the true p50 is 500×, p90 900×, p99 990×.
      for (let i = 1; i <= 1000; i++) h.record(i * scale + 0.37);
      const s = h.summary();
      for (const [got, want] of [[s.p50Ns, 500], [s.p90Ns, 900], [s.p99Ns, 990]] as const) {
        const truth = want * scale + 0.37;
        expect(got).toBeGreaterThanOrEqual(truth);
        expect(got).toBeLessThanOrEqual(truth * (1 + 1 / 32));
      }
      expect(s.maxNs).toBe(1000 * scale + 0.37);
      expect(s.minNs).toBe(scale + 0.37);
    }
  });

  it('keeps small latencies in buckets of one nanosecond', () => {
    const h = new Histogram();
    for (const v of [3.2, 3.9, 17.5, 31.99]) h.record(v);
    expect(h.percentile(50)).toBe(3);
    expect(h.percentile(75)).toBe(17);
    expect(h.summary().maxNs).toBe(31.99);
  });

  it('reports nothing as zeros', () => {
    expect(new Histogram().summary()).toEqual({ count: 0, minNs: 0, meanNs: 0, p50Ns: 0, p90Ns: 0, p99Ns: 0, p999Ns: 0, maxNs: 0 });
  });
});
