// The one definition of every per-layer statistic a step reports (records.ts LayerStats), shared by all step
// engines and by the tests:
//   - the saturation rule (SATURATION: the flat tails of sigmoid and tanh) and the dead-unit rule (ReLU family:
//     output 0 for every sample of the batch), as thresholds that the tensor version (model/mlp.ts), the JS
//     version here and the WebAssembly kernel (kernels/assembly/reductions.ts, which receives them as arguments)
//     all take from this file;
//   - LayerSums, the raw sums each engine gathers its own way (tensors, JS loops, kernels), and layerStatsOf,
//     which turns them into LayerStats (norms, means, shares, the update ratio) in one place;
//   - log10|g| histograms over the fixed bins of records.ts.
import type { Activation } from '../../common/config';
import { HISTOGRAM, type LayerStats } from '../../common/records';

/** An activation is saturated outside (low, high): sigmoid < 0.01 or > 0.99, tanh |a| > 0.99. */
export const SATURATION: Readonly<Partial<Record<Activation, { low: number; high: number }>>> = {
  sigmoid: { low: 0.01, high: 0.99 },
  tanh: { low: -0.99, high: 0.99 },
};

/** ReLU-family activations, whose units die when their input is ≤ 0 for every sample. */
export const DYING: ReadonlySet<Activation | 'softmax'> = new Set<Activation | 'softmax'>(['relu', 'leakyRelu', 'elu', 'selu', 'gelu']);

/** The saturation band of an activation, or undefined when it has no flat tails (ReLU, linear, softmax…). */
export function saturationOf(kind: Activation | 'softmax'): { low: number; high: number } | undefined {
  return kind === 'softmax' ? undefined : SATURATION[kind];
}

/** Sums of one parameter's gradient (and, for kernels, of its weights before and its update). */
export interface GradientSums {
  sumSq: number;
  sumAbs: number;
  maxAbs: number;
  zeros: number;
}

export interface ParamSums extends GradientSums {
  weightSq: number;
  updateSq: number;
}

/** [mean, std, saturated share, dead share] of a layer's activations. */
export type ActivationStats = [number, number, number, number];

/** A layer's activation statistics and Σδ² of its δ (∂E/∂ pre-activation). */
export interface LayerActivityStats {
  act: ActivationStats;
  deltaSq: number;
}

/** Everything a layer's statistics are made of; every engine gathers these, layerStatsOf finishes them. */
export interface LayerSums extends LayerActivityStats {
  /** Entries of the kernel gradient. */
  kernelSize: number;
  kernel: ParamSums;
  biasGradSq: number;
}

/** The one definition of LayerStats from a layer's sums. */
export function layerStatsOf(layer: number, s: LayerSums): LayerStats {
  const g = s.kernel;
  const weightNorm = Math.sqrt(g.weightSq);
  const [actMean, actStd, saturatedFrac, deadFrac] = s.act;
  return {
    layer,
    gradNorm: Math.sqrt(g.sumSq),
    gradMeanAbs: g.sumAbs / s.kernelSize,
    gradMaxAbs: g.maxAbs,
    gradZeroFrac: g.zeros / s.kernelSize,
    biasGradNorm: Math.sqrt(s.biasGradSq),
    deltaNorm: Math.sqrt(s.deltaSq),
    weightNorm,
    updateRatio: weightNorm > 0 ? Math.sqrt(g.updateSq) / weightNorm : 0,
    actMean,
    actStd,
    saturatedFrac,
    deadFrac,
  };
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

/** Activation statistics of `a` ([batch, units], row-major), by the rules above. */
export function activationStatsOf(kind: Activation | 'softmax', a: Float32Array, units: number): ActivationStats {
  const n = a.length;
  let sum = 0;
  for (let i = 0; i < n; i++) sum += a[i]!;
  const mean = sum / n;
  const band = saturationOf(kind);
  let ss = 0;
  let sat = 0;
  for (let i = 0; i < n; i++) {
    const v = a[i]!;
    ss += (v - mean) * (v - mean);
    if (band && (v < band.low || v > band.high)) sat++;
  }
  let dead = 0;
  if (DYING.has(kind)) {
    for (let u = 0; u < units; u++) {
      let alive = false;
      for (let r = u; r < n && !alive; r += units) alive = a[r]! > 0;
      if (!alive) dead++;
    }
    dead /= units;
  }
  return [mean, Math.sqrt(ss / n), sat / n, dead];
}

/** Histogram of log10|g| over HISTOGRAM's bins; exact zeros counted apart. */
export function histogram(g: Float32Array): { counts: number[]; zeros: number; total: number } {
  const counts = new Array<number>(HISTOGRAM.bins).fill(0);
  const width = (HISTOGRAM.log10Max - HISTOGRAM.log10Min) / HISTOGRAM.bins;
  let zeros = 0;
  for (let i = 0; i < g.length; i++) {
    const a = Math.abs(g[i]!);
    if (a === 0) {
      zeros++;
      continue;
    }
    const bin = Math.floor((Math.log10(a) - HISTOGRAM.log10Min) / width);
    counts[Math.min(HISTOGRAM.bins - 1, Math.max(0, Number.isFinite(bin) ? bin : HISTOGRAM.bins - 1))]!++;
  }
  return { counts, zeros, total: g.length };
}
