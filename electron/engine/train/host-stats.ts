// Per-layer statistics of the fast step: the JS reductions the tfjs pass uses on the arrays it read back
// (gradients, pre-activation gradients δ, activations; one pass per array), and writeLayerStats, which lays out
// either these or the kernels' own (../kernels/assembly/reductions.ts) in the fields, order and definitions of
// the tensor version in stats.ts (STAT_FIELDS), so decodeLayerStats reads any of them.
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

/** A layer's activation statistics ([mean, std, saturated share, dead share]) and Σδ² of its δ. */
export interface LayerActivityStats {
  act: [number, number, number, number];
  deltaSq: number;
}

export interface LayerSums extends LayerActivityStats {
  /** Count and sums of the kernel gradient, of the bias gradient, and the kernel's Σw² and Σ(Δw)². */
  kernelSize: number;
  kernel: GradientSums & { weightSq: number; updateSq: number };
  biasGradSq: number;
}

/** Write one layer's STATS_PER_LAYER values at `out[offset…]`. */
export function writeLayerStats(out: Float32Array, offset: number, l: LayerSums): void {
  const g = l.kernel;
  const [actMean, actStd, saturatedFrac, deadFrac] = l.act;
  const values: Record<(typeof STAT_FIELDS)[number], number> = {
    gradNorm: Math.sqrt(g.sumSq),
    gradMeanAbs: g.sumAbs / l.kernelSize,
    gradMaxAbs: g.maxAbs,
    gradZeroFrac: g.zeros / l.kernelSize,
    biasGradNorm: Math.sqrt(l.biasGradSq),
    deltaNorm: Math.sqrt(l.deltaSq),
    weightNorm: Math.sqrt(g.weightSq),
    updateNorm: Math.sqrt(g.updateSq),
    actMean,
    actStd,
    saturatedFrac,
    deadFrac,
  };
  STAT_FIELDS.forEach((k, i) => (out[offset + i] = values[k]));
}
