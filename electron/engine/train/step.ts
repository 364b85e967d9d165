// One training step: forward, one backward pass for the weights AND every pre-activation (δ via zero probes),
// the optimizer update, and a single read of everything the step reports (loss, accuracy, finiteness per
// layer, and on statistics/histogram steps the per-layer statistics and kernel gradients).
import * as tf from '@tensorflow/tfjs';
import { crossEntropy, forward, updateMovingStats, type ForwardResult, type Mlp } from '../model/mlp';
import { finiteFlag, gradientStats, l2 } from './stats';

export interface StepRequest {
  x: Float32Array;
  y: Int32Array;
  features: number;
  classes: number;
  withStats: boolean;
  withHistogram: boolean;
}

/**
 * Layout of the returned values: [loss, acc, flag₀ … flag_{L-1}], then (stats) L × STATS_PER_LAYER,
 * then (histogram) every kernel gradient flattened, layer by layer.
 */
export function trainStep(mlp: Mlp, optimizer: tf.Optimizer, req: StepRequest): Float32Array {
  const values = stepValues(mlp, optimizer, req);
  try {
    return values.dataSync() as Float32Array;
  } finally {
    values.dispose();
  }
}

/** The same step, read back without blocking: for backends that cannot read synchronously (WebGPU on Node). */
export async function trainStepAsync(mlp: Mlp, optimizer: tf.Optimizer, req: StepRequest): Promise<Float32Array> {
  const values = stepValues(mlp, optimizer, req);
  try {
    return (await values.data()) as Float32Array;
  } finally {
    values.dispose();
  }
}

/** Everything one step reports, as one tensor left on the backend (the caller reads and disposes it). */
function stepValues(mlp: Mlp, optimizer: tf.Optimizer, req: StepRequest): tf.Tensor {
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
    const { value: loss, grads } = tf.valueAndGrads(f)([...trainable, ...probes]);
    const result = fwd!;
    // Gradients per layer, in the order of mlp.trainable (kernel, bias, [gamma, beta]).
    const perLayer: tf.Tensor[][] = [];
    let k = 0;
    for (const l of layers) {
      const count = l.bn ? 4 : 2;
      perLayer.push(grads.slice(k, k + count));
      k += count;
    }
    const flags = perLayer.map((g) => finiteFlag(g));
    const pre = req.withStats ? layers.map((l, i) => gradientStats(perLayer[i]![0]!, perLayer[i]![1]!, grads[trainable.length + i]!, l.kernel)) : [];
    const before = req.withStats ? layers.map((l) => tf.clone(l.kernel)) : [];
    const named: tf.NamedTensorMap = {};
    trainable.forEach((v, i) => (named[v.name] = grads[i]!));
    optimizer.applyGradients(named);
    updateMovingStats(result.moments);
    const parts: tf.Tensor[] = [tf.stack([loss, acc!, ...flags])];
    if (req.withStats) {
      layers.forEach((l, i) => parts.push(pre[i]!, tf.reshape(l2(tf.sub(l.kernel, before[i]!)), [1]), result.actStats[i]!));
    }
    if (req.withHistogram) for (const g of perLayer) parts.push(tf.reshape(g[0]!, [-1]));
    const values = tf.concat(parts);
    acc!.dispose();
    result.actStats.forEach((t) => t.dispose());
    return values;
  });
}
