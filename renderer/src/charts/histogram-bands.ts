// Percentiles of log10|g| from the fixed-bin gradient histograms (records.ts HISTOGRAM), for the percentile-band
// chart. Percentiles are over the non-zero entries, interpolated inside a bin; exact zeros are counted apart.
import { HISTOGRAM, type HistogramRecord } from '../../../electron/common/records';

export const BAND_QUANTILES = [0.1, 0.25, 0.5, 0.75, 0.9] as const;

export interface BandPoint {
  step: number;
  /** log10|g| at each of BAND_QUANTILES; empty when every entry was zero. */
  q: number[];
  zeros: number;
  total: number;
}

const BIN = (HISTOGRAM.log10Max - HISTOGRAM.log10Min) / HISTOGRAM.bins;

export function quantilesOf(counts: readonly number[], qs: readonly number[] = BAND_QUANTILES): number[] {
  const n = counts.reduce((a, b) => a + b, 0);
  if (n <= 0) return [];
  return qs.map((q) => {
    const target = q * n;
    let seen = 0;
    for (let b = 0; b < counts.length; b++) {
      const c = counts[b]!;
      if (c > 0 && seen + c >= target) return HISTOGRAM.log10Min + (b + (target - seen) / c) * BIN;
      seen += c;
    }
    return HISTOGRAM.log10Max;
  });
}

/** One band point per histogram of `layer`, in step order. */
export function bandSeries(histograms: readonly HistogramRecord[], layer: number): BandPoint[] {
  return histograms
    .filter((h) => h.layer === layer)
    .sort((a, b) => a.step - b.step)
    .map((h) => ({ step: h.step, q: quantilesOf(h.counts), zeros: h.zeros, total: h.total }));
}
