// Per-layer statistics computed in plain JS from arrays the fast step has already read back (gradients,
// pre-activation gradients δ, activations): one pass per array, no kernels. Same fields, order and definitions
// as the tensor version in stats.ts (STAT_FIELDS), so decodeLayerStats reads either.
import type { Activation } from '../../common/config';
import { DYING } from '../model/activations';
import { STAT_FIELDS } from './stats';

export interface GradientSums {
  sumSq: number;
  sumAbs: number;
  maxAbs: number;
  zeros: number;
}

export function gradientSums(x: Float32Array): GradientSums {
  let sumSq = 0;
  let sumAbs = 0;
  let maxAbs = 0;
  let zeros = 0;
  for (let i = 0; i < x.length; i++) {
    const v = x[i]!;
    const a = Math.abs(v);
    sumSq += v * v;
    sumAbs += a;
    if (a > maxAbs || a !== a) maxAbs = a; // NaN propagates, as tf.max does
    if (v === 0) zeros++;
  }
  return { sumSq, sumAbs, maxAbs, zeros };
}

export function sumSq(x: Float32Array): number {
  let s = 0;
  for (let i = 0; i < x.length; i++) s += x[i]! * x[i]!;
  return s;
}

/** [mean, std, saturatedFrac, deadFrac] of activations `a` ([batch, units], row-major), as activationStats. */
export function activationStatsOf(kind: Activation | 'softmax', a: Float32Array, units: number): [number, number, number, number] {
  const n = a.length;
  let sum = 0;
  for (let i = 0; i < n; i++) sum += a[i]!;
  const mean = sum / n;
  let ss = 0;
  let sat = 0;
  for (let i = 0; i < n; i++) {
    const v = a[i]!;
    ss += (v - mean) * (v - mean);
    if (kind === 'sigmoid' ? v < 0.01 || v > 0.99 : kind === 'tanh' ? Math.abs(v) > 0.99 : false) sat++;
  }
  let dead = 0;
  if (kind !== 'softmax' && DYING.has(kind)) {
    // ReLU: a unit is dead when its output is 0 (input ≤ 0) for every sample of the batch.
    for (let u = 0; u < units; u++) {
      let alive = false;
      for (let r = u; r < n && !alive; r += units) alive = a[r]! > 0;
      if (!alive) dead++;
    }
    dead /= units;
  }
  return [mean, Math.sqrt(ss / n), sat / n, dead];
}

export interface LayerArrays {
  kind: Activation | 'softmax';
  units: number;
  /** Count and sums of the kernel gradient, of the bias gradient, and the kernel's Σw² and Σ(Δw)². */
  kernelSize: number;
  kernel: GradientSums & { weightSq: number; updateSq: number };
  biasGradSq: number;
  delta: Float32Array;
  act: Float32Array;
  /** The activation statistics and Σδ² when the kernels already computed them (kernel-pass.ts). */
  computed?: { act: [number, number, number, number]; deltaSq: number };
}

/** Write one layer's STATS_PER_LAYER values at `out[offset…]`. */
export function writeLayerStats(out: Float32Array, offset: number, l: LayerArrays): void {
  const g = l.kernel;
  const [actMean, actStd, saturatedFrac, deadFrac] = l.computed?.act ?? activationStatsOf(l.kind, l.act, l.units);
  const values: Record<(typeof STAT_FIELDS)[number], number> = {
    gradNorm: Math.sqrt(g.sumSq),
    gradMeanAbs: g.sumAbs / l.kernelSize,
    gradMaxAbs: g.maxAbs,
    gradZeroFrac: g.zeros / l.kernelSize,
    biasGradNorm: Math.sqrt(l.biasGradSq),
    deltaNorm: Math.sqrt(l.computed?.deltaSq ?? sumSq(l.delta)),
    weightNorm: Math.sqrt(g.weightSq),
    updateNorm: Math.sqrt(g.updateSq),
    actMean,
    actStd,
    saturatedFrac,
    deadFrac,
  };
  STAT_FIELDS.forEach((k, i) => (out[offset + i] = values[k]));
}
