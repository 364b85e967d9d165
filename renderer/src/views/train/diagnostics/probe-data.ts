// Pure helpers of the diagnostics views: which layers to draw, the probe nearest a step, histogram counts as
// shares, and the verdicts' layer ranges as text ("1–3, 5").
import { layerRanges } from '../../../../../electron/common/diagnostics';
import type { LayerInfo, LayerProbeRecord } from '../../../../../electron/common/records';

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
