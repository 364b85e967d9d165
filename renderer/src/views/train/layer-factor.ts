// What the Train view's per-layer charts need to show growth as clearly as decay. The factor a run's gradient is
// multiplied by on its way back, measured: r = (v_first / v_output)^(1/k) over the k layers between the output
// layer and the first hidden layer, v being ‖∂E/∂W‖ or ‖δ‖ — the effective |w·f′| of the network; below 1 the
// gradient vanishes towards the input, above 1 it explodes. And the flow diagram's colour range, which keeps its
// fixed floor (1e-10) but reaches up to the largest value, so that exploding layers are not all clamped at 10.
import type { LayerStats } from '../../../../electron/common/records';
import type { GradMetric } from '../../charts/chart-math';

/** Within these, a factor per layer reads as "about constant" (×0.8 or ×1.25 per layer is already 10× over 10 layers). */
export const STEADY = { below: 0.8, above: 1.25 } as const;

/** Whether the measured factor makes the gradient grow towards the input, shrink, or stay about the same. */
export function trendOf(r: number): 'grows' | 'shrinks' | 'steady' {
  return r > STEADY.above ? 'grows' : r < STEADY.below ? 'shrinks' : 'steady';
}

/** The measured factor, or null when either end is not a positive finite value or there is one layer. */
export function measuredFactor(stats: readonly LayerStats[] | null, metric: GradMetric): number | null {
  if (!stats || stats.length < 2) return null;
  const value = (s: LayerStats) => (metric === 'grad' ? s.gradNorm : s.deltaNorm);
  const first = value(stats[0]!);
  const out = value(stats[stats.length - 1]!);
  if (!(first > 0 && out > 0 && Number.isFinite(first) && Number.isFinite(out))) return null;
  return (first / out) ** (1 / (stats.length - 1));
}

/** The flow diagram's log10 colour range: [−10, 1] as always, its top raised to the largest value's decade. */
export function flowDomain(stats: readonly LayerStats[] | null, metric: GradMetric): [number, number] {
  const values = (stats ?? []).map((s) => (metric === 'grad' ? s.gradNorm : s.deltaNorm)).filter((v) => v > 0 && Number.isFinite(v));
  const top = values.length ? Math.ceil(Math.log10(Math.max(...values))) : 1;
  return [-10, Math.max(1, top)];
}
