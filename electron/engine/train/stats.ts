// Per-layer gradient statistics as ONE flat tensor (so a statistics step costs one GPU/wasm read), and the
// decoding of that tensor back into LayerStats; plus log10|g| histograms over the fixed bins of records.ts.
// Norms are sqrt(sum(g²)) rather than tf.norm, which is much slower on wasm.
import * as tf from '@tensorflow/tfjs';
import { HISTOGRAM, type LayerStats } from '../../common/records';

/** Values per layer in the stats tensor, in this order. */
export const STAT_FIELDS = [
  'gradNorm',
  'gradMeanAbs',
  'gradMaxAbs',
  'gradZeroFrac',
  'biasGradNorm',
  'deltaNorm',
  'weightNorm',
  'updateNorm',
  'actMean',
  'actStd',
  'saturatedFrac',
  'deadFrac',
] as const;
export const STATS_PER_LAYER = STAT_FIELDS.length;

export const l2 = (t: tf.Tensor): tf.Scalar => tf.sqrt(tf.sum(tf.square(t)));

/** The pre-update part of a layer's statistics: 7 gradient/weight values (updateNorm is added after the step). */
export function gradientStats(gW: tf.Tensor, gb: tf.Tensor, delta: tf.Tensor, W: tf.Tensor): tf.Tensor1D {
  const absG = tf.abs(gW);
  return tf.stack([l2(gW), tf.mean(absG), tf.max(absG), tf.mean(tf.cast(tf.equal(gW, 0), 'float32')), l2(gb), l2(delta), l2(W)]) as tf.Tensor1D;
}

/** 0 when every entry of every tensor is finite, NaN otherwise (x·0 is NaN for ±Inf and NaN). */
export function finiteFlag(ts: tf.Tensor[]): tf.Scalar {
  return tf.addN(ts.map((t) => tf.sum(tf.mul(t, 0)))) as tf.Scalar;
}

export function decodeLayerStats(values: Float32Array, offset: number, layers: number): LayerStats[] {
  const out: LayerStats[] = [];
  for (let l = 0; l < layers; l++) {
    const v = (k: (typeof STAT_FIELDS)[number]) => values[offset + l * STATS_PER_LAYER + STAT_FIELDS.indexOf(k)]!;
    const weightNorm = v('weightNorm');
    out.push({
      layer: l,
      gradNorm: v('gradNorm'),
      gradMeanAbs: v('gradMeanAbs'),
      gradMaxAbs: v('gradMaxAbs'),
      gradZeroFrac: v('gradZeroFrac'),
      biasGradNorm: v('biasGradNorm'),
      deltaNorm: v('deltaNorm'),
      weightNorm,
      updateRatio: weightNorm > 0 ? v('updateNorm') / weightNorm : 0,
      actMean: v('actMean'),
      actStd: v('actStd'),
      saturatedFrac: v('saturatedFrac'),
      deadFrac: v('deadFrac'),
    });
  }
  return out;
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
