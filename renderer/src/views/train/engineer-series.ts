// What the engineer's chart draws, as plain data: per picked layer, one quantity of LayerStats over the
// statistics steps — ‖W‖ and ‖ΔW‖/‖W‖ on a log axis (exact zeros set apart for their own lane, never a fake
// small value), activation mean and std on a linear one — and the axis domain that holds them.
import { UPDATE_GUIDE } from '../../../../electron/common/diagnostics';
import type { LayerStats } from '../../../../electron/common/records';
import { reachFloor, sampleIndices } from '../../charts/chart-math';

export const ENGINEER_METRICS = ['weightNorm', 'updateRatio', 'actMean', 'actStd'] as const;
export type EngineerMetric = (typeof ENGINEER_METRICS)[number];

/** Whether a quantity is drawn on a log axis (sizes that differ by powers of ten). */
export function isLogMetric(m: EngineerMetric): boolean {
  return m === 'weightNorm' || m === 'updateRatio';
}

/** 10^e exactly (Math.pow(10, -4) is 0.00009999999999999999 in some engines; the literal 1e-4 is not). */
const decade = (e: number): number => Number(`1e${e}`);

/** The guide band of update/weight (CS231n's rule of thumb, about 10⁻³), as values rather than log10. */
export const UPDATE_BAND = { low: decade(UPDATE_GUIDE.low), high: decade(UPDATE_GUIDE.high), target: decade(UPDATE_GUIDE.target) } as const;

export interface LayerSeries {
  layer: number;
  /** [step, value] of the values the axis can place. */
  points: [number, number][];
  /** Steps where a log quantity was exactly 0. */
  zeros: number[];
}

/**
 * One series per picked layer (in the order given), at most `budget` evenly spaced statistics steps each.
 * Non-finite values are left out; on a log axis so are zeros, which are listed apart.
 */
export function engineerSeries(
  statSteps: readonly number[],
  layerStats: readonly (readonly LayerStats[])[],
  metric: EngineerMetric,
  picked: readonly number[],
  budget = 400,
): LayerSeries[] {
  const log = isLogMetric(metric);
  const idx = sampleIndices(statSteps.length, budget);
  return picked.map((layer) => {
    const series = layerStats[layer] ?? [];
    const points: [number, number][] = [];
    const zeros: number[] = [];
    for (const i of idx) {
      const s = series[i];
      if (!s) continue;
      const v = s[metric];
      if (!Number.isFinite(v)) continue;
      if (log && v <= 0) zeros.push(statSteps[i]!);
      else points.push([statSteps[i]!, v]);
    }
    return { layer, points, zeros };
  });
}

/** The narrowest linear axis (activation units). */
const MIN_SPAN = 0.1;

/**
 * The y domain: whole decades around the values on a log axis (update/weight always showing its guide band);
 * on a linear axis the values' range with a little room and at least MIN_SPAN wide, std from 0.
 */
export function engineerDomain(metric: EngineerMetric, series: readonly LayerSeries[]): [number, number] {
  const values = series.flatMap((s) => s.points.map((p) => p[1]));
  if (isLogMetric(metric)) {
    const all = metric === 'updateRatio' ? [...values, UPDATE_BAND.low, UPDATE_BAND.high] : values;
    if (!all.length) return [0.1, 10];
    // A norm (a float32 magnitude) within reach of the float32 floor pulls the axis down to it; a ratio does not.
    const e = Math.floor(Math.log10(Math.min(...all)));
    const lo = decade(metric === 'weightNorm' ? reachFloor(e) : e);
    const hi = decade(Math.ceil(Math.log10(Math.max(...all))));
    return [lo, hi > lo ? hi : lo * 10];
  }
  if (!values.length) return metric === 'actStd' ? [0, 1] : [-1, 1];
  const lo = metric === 'actStd' ? 0 : Math.min(...values);
  const hi = Math.max(...values);
  // Never narrower than MIN_SPAN: a saturated layer's mean of 0.99999 ± 10⁻⁶ is a flat line at 1, not a cliff.
  if (hi - lo < MIN_SPAN) {
    if (metric === 'actStd') return [0, MIN_SPAN];
    const mid = (lo + hi) / 2;
    return [mid - MIN_SPAN / 2, mid + MIN_SPAN / 2];
  }
  const pad = (hi - lo) * 0.05;
  return [metric === 'actStd' ? 0 : lo - pad, hi + pad];
}
