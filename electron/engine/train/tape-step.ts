// The reference engine ('tape'): forward, one gradient-tape backward pass for the weights AND every
// pre-activation (δ via zero probes), tf.train's optimizer, and a single read of everything the step reports.
// Slow (hundreds of kernels a step) but written with tf ops only, so it trains any model on any backend and is
// what the other engines are tested against. Statistics are gathered as sums and finished by statistics.ts.
import * as tf from '@tensorflow/tfjs';
import type { ExperimentConfig } from '../../common/config';
import { crossEntropy, forward, updateMovingStats, type ForwardResult, type Mlp } from '../model/mlp';
import type { StepEngine, StepRequest, StepResult } from './engine';
import { clipTensors } from './clip';
import { makeOptimizer } from './optimizer';
import { layerStatsOf } from './statistics';

/** Values per layer in the sums tensor: Σg², Σ|g|, max|g|, zeros, Σgb², Σδ², ΣW², Σ(ΔW)², activation stats ×4. */
const SUMS_PER_LAYER = 12;

const sq = (t: tf.Tensor): tf.Scalar => tf.sum(tf.square(t));

/**
 * 0 when every entry of every tensor is finite, NaN otherwise (x·0 is NaN for ±Inf and NaN). Stacked and summed,
 * not tf.addN: a WebGPU adapter may bind only 8 storage buffers per shader stage, fewer than a deep net's tensors.
 */
function finiteFlag(ts: tf.Tensor[]): tf.Scalar {
  return tf.sum(tf.stack(ts.map((t) => tf.sum(tf.mul(t, 0)))));
}

export class TapeStep implements StepEngine {
  readonly id = 'tape' as const;
  private readonly optimizer: tf.Optimizer;
  private readonly clip: ExperimentConfig['optimizer']['clip'];

  constructor(
    private readonly mlp: Mlp,
    optimizer: ExperimentConfig['optimizer'],
  ) {
    this.optimizer = makeOptimizer(optimizer);
    this.clip = optimizer.clip;
  }

  syncVariables(): void {
    // The tape trains the model's variables themselves.
  }

  dispose(): void {
    this.optimizer.dispose();
  }

  step(req: StepRequest): StepResult {
    const t = tapeValues(this.mlp, this.optimizer, this.clip, req);
    try {
      return this.finish(req, t.dataSync() as Float32Array);
    } finally {
      t.dispose();
    }
  }

  /** The same step, read back without blocking: for backends that cannot read synchronously (WebGPU on Node). */
  async stepAsync(req: StepRequest): Promise<StepResult> {
    const t = tapeValues(this.mlp, this.optimizer, this.clip, req);
    try {
      return this.finish(req, (await t.data()) as Float32Array);
    } finally {
      t.dispose();
    }
  }

  private finish(req: StepRequest, values: Float32Array): StepResult {
    const { layers } = this.mlp;
    const L = layers.length;
    const flags = values.subarray(2, 2 + L);
    const [normBefore, normAfter, clipped] = values.subarray(2 + L, 5 + L);
    const result: StepResult = { loss: values[0]!, acc: values[1]!, nonFiniteLayer: flags.findIndex((f) => !Number.isFinite(f)), gradNorm: normBefore! };
    if (this.clip) result.clip = { normAfter: normAfter!, clipped: clipped === 1 };
    let offset = 5 + L;
    if (req.withStats) {
      result.layers = layers.map((l, i) => {
        const v = values.subarray(offset + i * SUMS_PER_LAYER, offset + (i + 1) * SUMS_PER_LAYER);
        return layerStatsOf(i, {
          kernelSize: l.info.fanIn * l.info.units,
          kernel: { sumSq: v[0]!, sumAbs: v[1]!, maxAbs: v[2]!, zeros: v[3]!, weightSq: v[6]!, updateSq: v[7]! },
          biasGradSq: v[4]!,
          deltaSq: v[5]!,
          act: [v[8]!, v[9]!, v[10]!, v[11]!],
        });
      });
      offset += L * SUMS_PER_LAYER;
    }
    if (req.withHistogram) {
      result.kernelGrads = layers.map((l) => {
        const size = l.info.fanIn * l.info.units;
        return values.slice(offset, (offset += size));
      });
    }
    return result;
  }
}

/**
 * One step's values as one tensor left on the backend (the caller reads and disposes it): [loss, acc, flag₀ … flag_{L-1},
 * ‖g‖ before clipping, ‖g‖ after, clipped], then (stats) L × SUMS_PER_LAYER, then (histogram) every kernel gradient
 * flattened, layer by layer. Statistics and histograms describe the gradients applied (after clipping, clip.ts).
 */
function tapeValues(mlp: Mlp, optimizer: tf.Optimizer, clip: ExperimentConfig['optimizer']['clip'], req: StepRequest): tf.Tensor {
  const { layers, trainable } = mlp;
  return tf.tidy(() => {
    const n = req.y.length;
    const xb = tf.tensor2d(req.x, [n, req.features]);
    const labels = tf.tensor1d(req.y, 'int32');
    const oneHot = tf.oneHot(labels, req.classes) as tf.Tensor2D;
    const probes = req.withStats ? layers.map((l) => tf.zeros([n, l.info.units])) : [];
    let fwd: ForwardResult | undefined;
    let acc: tf.Scalar | undefined;
    const f = () => {
      fwd = forward(mlp, xb, { training: true, probes, collectStats: req.withStats });
      acc = tf.keep(tf.mean(tf.cast(tf.equal(tf.argMax(fwd.logits, 1), labels), 'float32')));
      return crossEntropy(fwd.logits, oneHot);
    };
    const { value: loss, grads: raw } = tf.valueAndGrads(f)([...trainable, ...probes]);
    const result = fwd!;
    const clipping = clipTensors(raw.slice(0, trainable.length), clip);
    const grads = [...clipping.grads, ...raw.slice(trainable.length)];
    // Gradients per layer, in the order of mlp.trainable (kernel, bias, [gamma, beta]); finiteness before clipping.
    const perLayer: tf.Tensor[][] = [];
    const rawPerLayer: tf.Tensor[][] = [];
    let k = 0;
    for (const l of layers) {
      const count = l.bn ? 4 : 2;
      perLayer.push(grads.slice(k, k + count));
      rawPerLayer.push(raw.slice(k, k + count));
      k += count;
    }
    const flags = rawPerLayer.map((g) => finiteFlag(g));
    const pre = req.withStats
      ? layers.map((l, i) => {
          const [gW, gb] = perLayer[i]! as [tf.Tensor, tf.Tensor];
          const absG = tf.abs(gW);
          return tf.stack([sq(gW), tf.sum(absG), tf.max(absG), tf.sum(tf.cast(tf.equal(gW, 0), 'float32')), sq(gb), sq(grads[trainable.length + i]!), sq(l.kernel)]);
        })
      : [];
    const before = req.withStats ? layers.map((l) => tf.clone(l.kernel)) : [];
    const named: tf.NamedTensorMap = {};
    trainable.forEach((v, i) => (named[v.name] = grads[i]!));
    optimizer.applyGradients(named);
    updateMovingStats(result.moments);
    const parts: tf.Tensor[] = [tf.stack([loss, acc!, ...flags]), clipping.outcome];
    if (req.withStats) {
      layers.forEach((l, i) => parts.push(pre[i]!, tf.reshape(sq(tf.sub(l.kernel, before[i]!)), [1]), result.actStats[i]!));
    }
    if (req.withHistogram) for (const g of perLayer) parts.push(tf.reshape(g[0]!, [-1]));
    const values = tf.concat(parts);
    acc!.dispose();
    result.actStats.forEach((t) => t.dispose());
    return values;
  });
}
