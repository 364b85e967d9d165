// Pure helpers of the diagnostics views: which layers to draw, the probe nearest a step, histogram counts as
// shares, the histogram charts' zoom and legend words, and the verdicts' layer ranges as text ("1–3, 5").
import { layerRanges } from '../../../../../electron/common/diagnostics';
import type { LayerInfo, LayerProbeRecord, ProbeLayerStats } from '../../../../../electron/common/records';
import { fmt, pct1 } from '../../../charts/chart-math';
import { t } from '../../../lib/i18n/i18n.svelte';

/** Hidden layers (the ones the makemore set is about). */
export const hiddenOf = (layers: readonly LayerInfo[]) => layers.filter((l) => !l.output);

/** Index of the probe whose step is nearest `step` (−1 when there are none). */
export function nearestProbe(probes: readonly LayerProbeRecord[], step: number): number {
  let best = -1;
  for (let i = 0; i < probes.length; i++) if (best < 0 || Math.abs(probes[i]!.step - step) < Math.abs(probes[best]!.step - step)) best = i;
  return best;
}

/** Counts as shares of their total (an empty histogram stays all zero). */
export function shares(counts: readonly number[], total: number): number[] {
  return counts.map((c) => (total > 0 ? c / total : 0));
}

/** 0-based layer indices as 1-based ranges: [0, 1, 2, 4] → "1–3, 5". */
export function rangeText(layers: readonly number[]): string {
  return layerRanges(layers)
    .map(([a, b]) => (a === b ? `${a + 1}` : `${a + 1}–${b + 1}`))
    .join(', ');
}

/**
 * The x range a histogram chart zooms to: the bins that hold anything in any of the overlaid shares, one bin of
 * margin each side (tanh fills [−1, 1], sigmoid [0, 1]); the whole axis [lo, hi] when all are empty.
 */
export function usedRange(rows: readonly (readonly number[])[], lo: number, hi: number, bins: number): [number, number] {
  const binW = (hi - lo) / bins;
  let a = bins;
  let b = -1;
  for (const r of rows) r.forEach((v, i) => { if (v > 0) { a = Math.min(a, i); b = Math.max(b, i); } });
  return b < 0 ? [lo, hi] : [lo + Math.max(0, a - 1) * binW, lo + Math.min(bins, b + 2) * binW];
}

/** One overlaid histogram of DistributionChart: a layer of one run (Train) or one layer of a run (Compare). */
export interface DistributionSeries {
  key: number;
  colour: string;
  dash?: string;
  /** Shares of the entries per bin (empty when the series has no histogram here). */
  share: readonly number[];
  /** What the legend says of it (name, statistics). */
  label: string;
}

/** A distribution's legend words: mean, std and the saturated share of h, or the std and exact zeros of ∂L/∂h. */
export function distributionLegend(kind: 'act' | 'grad', s: ProbeLayerStats | null | undefined): string {
  if (!s) return '';
  return kind === 'act'
    ? t('diag.act.legend', { mean: fmt(s.actMean), std: fmt(s.actStd), sat: s.saturatedFrac === null ? '—' : pct1(s.saturatedFrac) })
    : t('diag.grad.legend', { std: fmt(s.actGradStd), zeros: pct1(s.total ? s.actGradZeros / s.total : 0) });
}

/** One line of ProbeLinesChart: [step, plotted value or null] points with its colour and legend name. */
export interface ProbeLine {
  key: number;
  colour: string;
  dash?: string;
  label: string;
  pts: readonly (readonly [number, number | null])[];
}

/** The point of a line whose step is nearest `step` (null for a line without points). */
export function nearestPoint<P extends readonly [number, unknown]>(pts: readonly P[], step: number): P | null {
  let best: P | null = null;
  for (const p of pts) if (best === null || Math.abs(p[0] - step) < Math.abs(best[0] - step)) best = p;
  return best;
}
