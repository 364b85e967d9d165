// Pure helpers of the run store: the "recent" per-layer statistics the gradient-flow diagram and the layer
// chart show (a geometric mean over the last few statistics steps, so bands do not flicker at 20 Hz), and the
// step each epoch ended on, and the thinning that keeps a long live run's series bounded.
import type { LayerStats } from '../../../../electron/common/records';

const LOG_FIELDS = ['gradNorm', 'deltaNorm', 'biasGradNorm', 'weightNorm', 'updateRatio', 'gradMeanAbs', 'gradMaxAbs'] as const;
const MEAN_FIELDS = ['gradZeroFrac', 'actMean', 'actStd', 'saturatedFrac', 'deadFrac'] as const;

function geoMean(values: number[]): number {
  const pos = values.filter((v) => v > 0 && Number.isFinite(v));
  if (pos.length === 0) return values.some((v) => !Number.isFinite(v)) ? NaN : 0;
  return 10 ** (pos.reduce((a, v) => a + Math.log10(v), 0) / pos.length);
}

/** Recent statistics of one layer, with how many of the folded steps had an exactly zero gradient. */
export interface RecentLayerStats extends LayerStats {
  /** Steps folded. */
  window: number;
  gradZeroSteps: number;
  deltaZeroSteps: number;
}

/**
 * Per layer, the last `n` statistics steps folded into one: magnitudes by geometric mean over their non-zero
 * values (exactly 0 only when every step was 0 — a zero is never invented, nor hidden: the number of steps
 * that were exactly 0 is kept), fractions by arithmetic mean.
 */
export function recentStats(layerStats: readonly (readonly LayerStats[])[], n = 8): RecentLayerStats[] | null {
  if (layerStats.length === 0 || (layerStats[0]?.length ?? 0) === 0) return null;
  return layerStats.map((series, layer) => {
    const tail = series.slice(-n);
    const out: RecentLayerStats = {
      ...tail[tail.length - 1]!,
      layer,
      window: tail.length,
      gradZeroSteps: tail.filter((s) => s.gradNorm === 0).length,
      deltaZeroSteps: tail.filter((s) => s.deltaNorm === 0).length,
    };
    for (const f of LOG_FIELDS) out[f] = geoMean(tail.map((s) => s[f]));
    for (const f of MEAN_FIELDS) out[f] = tail.reduce((a, s) => a + s[f], 0) / tail.length;
    return out;
  });
}

/** Steps per epoch of a saved run, for placing its epoch markers. */
export function stepsPerEpoch(trainSize: number | undefined, batchSize: number, lastStep: number, epochsDone: number): number {
  if (trainSize) return Math.ceil(trainSize / batchSize);
  return Math.max(1, Math.round((lastStep + 1) / Math.max(1, epochsDone)));
}

/**
 * Thin parallel live series in place to every other point (the newest always kept), once they pass `cap` points:
 * a long run then costs the charts no more per update than a short one, while every chart still gets more points
 * than it draws. Older points thin further each time, so the newest stay dense.
 */
export function halveOver(cap: number, ...series: unknown[][]): boolean {
  const n = series[0]?.length ?? 0;
  if (n <= cap) return false;
  for (const arr of series) {
    let w = 0;
    for (let i = 0; i < n; i++) if (i % 2 === 0 || i === n - 1) arr[w++] = arr[i];
    arr.length = w;
  }
  return true;
}
