// The MLP of a config, written with tf ops over tf.Variables (no tf.layers) so that training can ask for the
// gradient with respect to every Dense pre-activation (δ) in the same backward pass as the weights: a zero
// "probe" tensor is added to each pre-activation and differentiated like a weight.
//
// Layer l: z = a·W + b (+ probe) → [batch norm] → activation → [+ a if residual and widths match].
// The last layer is the softmax output; its logits go to the loss (softmax is folded into the cross-entropy).
import * as tf from '@tensorflow/tfjs';
import { hiddenWidths, type Activation, type ModelConfig } from '../../common/config';
import type { LayerInfo } from '../../common/records';
import { DYING, saturationOf } from '../train/statistics';
import { applyActivation } from './activations';
import { initKernel } from './initializers';

/** Batch-norm ε as in Keras. */
export const BN_EPSILON = 1e-3;
/**
 * Moving-average momentum of the batch-norm inference statistics. Keras uses 0.99; the lab's runs are often a
 * few dozen steps long, where 0.99 would leave the inference statistics near their initial values, so 0.9.
 */
export const BN_MOMENTUM = 0.9;

export interface DenseLayer {
  info: LayerInfo;
  activation: Activation | 'softmax';
  kernel: tf.Variable<tf.Rank.R2>;
  bias: tf.Variable<tf.Rank.R1>;
  bn?: { gamma: tf.Variable<tf.Rank.R1>; beta: tf.Variable<tf.Rank.R1>; mean: tf.Variable<tf.Rank.R1>; variance: tf.Variable<tf.Rank.R1> };
  residual: boolean;
}

export interface Mlp {
  layers: DenseLayer[];
  /** Every trainable variable, in a fixed order (kernel, bias, [gamma, beta]) per layer. */
  trainable: tf.Variable[];
  dispose(): void;
}

let instance = 0;

export function buildMlp(model: ModelConfig, inputs: number, classes: number, seed: number): Mlp {
  const run = ++instance; // variable names are global in tfjs; keep each model's own
  const widths = [...hiddenWidths(model), classes];
  const layers: DenseLayer[] = [];
  let fanIn = inputs;
  widths.forEach((units, index) => {
    const output = index === widths.length - 1;
    const name = output ? 'output' : `dense_${index + 1}`;
    const v = <R extends tf.Rank>(t: tf.Tensor<R>, suffix: string, trainable = true) => {
      const variable = tf.variable(t, trainable, `m${run}/${name}/${suffix}`) as tf.Variable<R>;
      t.dispose(); // the variable holds its own reference to the data
      return variable;
    };
    const layer: DenseLayer = {
      info: { index, name, units, fanIn, activation: output ? 'softmax' : model.activation, output },
      activation: output ? 'softmax' : model.activation,
      kernel: v(tf.tidy(() => initKernel(model.initializer, fanIn, units, (seed + 7919 * (index + 1)) >>> 0)), 'kernel'),
      bias: v(tf.zeros([units]) as tf.Tensor1D, 'bias'),
      residual: !output && model.residual && fanIn === units,
    };
    if (!output && model.batchNorm) {
      layer.bn = {
        gamma: v(tf.ones([units]) as tf.Tensor1D, 'gamma'),
        beta: v(tf.zeros([units]) as tf.Tensor1D, 'beta'),
        mean: v(tf.zeros([units]) as tf.Tensor1D, 'moving_mean', false),
        variance: v(tf.ones([units]) as tf.Tensor1D, 'moving_variance', false),
      };
    }
    layers.push(layer);
    fanIn = units;
  });
  const trainable = layers.flatMap((l) => [l.kernel, l.bias, ...(l.bn ? [l.bn.gamma, l.bn.beta] : [])]);
  return {
    layers,
    trainable,
    dispose() {
      for (const l of layers) {
        l.kernel.dispose();
        l.bias.dispose();
        if (l.bn) Object.values(l.bn).forEach((t) => t.dispose());
      }
    },
  };
}

export interface ForwardOptions {
  training: boolean;
  /** Zero tensors added to each pre-activation, so that ∂E/∂probe = δ. */
  probes?: tf.Tensor[];
  /** Also return per-layer activation statistics [mean, std, saturated, dead] (kept; caller disposes). */
  collectStats?: boolean;
}

export interface ForwardResult {
  logits: tf.Tensor2D;
  /** Per layer [actMean, actStd, saturatedFrac, deadFrac], tf.keep'd so they survive a gradient scope. */
  actStats: tf.Tensor1D[];
  /** Batch moments of batch-norm layers (kept), to update the moving statistics after the step. */
  moments: { layer: DenseLayer; mean: tf.Tensor1D; variance: tf.Tensor1D }[];
}

function activationStats(layer: DenseLayer, u: tf.Tensor2D, a: tf.Tensor2D): tf.Tensor1D {
  return tf.tidy(() => {
    const { mean, variance } = tf.moments(a);
    const kind = layer.activation;
    // The rules of ../train/statistics.ts: saturated outside its band, dead when ≤ 0 for every sample.
    const band = saturationOf(kind);
    const satFrac = band ? tf.mean(tf.cast(tf.logicalOr(tf.less(a, band.low), tf.greater(a, band.high)), 'float32')) : tf.scalar(0);
    const dead = DYING.has(kind) ? tf.mean(tf.cast(tf.lessEqual(tf.max(u, 0), 0), 'float32')) : tf.scalar(0);
    return tf.stack([mean, tf.sqrt(variance), satFrac, dead]) as tf.Tensor1D;
  });
}

export function forward(mlp: Mlp, x: tf.Tensor2D, opts: ForwardOptions): ForwardResult {
  const actStats: tf.Tensor1D[] = [];
  const moments: ForwardResult['moments'] = [];
  let a = x;
  let logits: tf.Tensor2D | undefined;
  mlp.layers.forEach((layer, i) => {
    let z = tf.add(tf.matMul(a, layer.kernel), layer.bias) as tf.Tensor2D;
    const probe = opts.probes?.[i];
    if (probe) z = tf.add(z, probe);
    let u = z;
    if (layer.bn) {
      const bn = layer.bn;
      let mean: tf.Tensor1D = bn.mean;
      let variance: tf.Tensor1D = bn.variance;
      if (opts.training) {
        const m = tf.moments(z, 0);
        mean = m.mean as tf.Tensor1D;
        variance = m.variance as tf.Tensor1D;
        moments.push({ layer, mean: tf.keep(tf.clone(mean)), variance: tf.keep(tf.clone(variance)) });
      }
      u = tf.add(tf.mul(tf.div(tf.sub(z, mean), tf.sqrt(tf.add(variance, BN_EPSILON))), bn.gamma), bn.beta);
    }
    if (layer.activation === 'softmax') {
      logits = u;
      if (opts.collectStats) actStats.push(tf.keep(activationStats(layer, u, tf.softmax(u))));
      return;
    }
    const g = applyActivation(layer.activation, u);
    if (opts.collectStats) actStats.push(tf.keep(activationStats(layer, u, g)));
    a = layer.residual ? tf.add(g, a) : g;
  });
  return { logits: logits!, actStats, moments };
}

/** Move the batch-norm inference statistics towards this step's batch moments, then free the moments. */
export function updateMovingStats(moments: ForwardResult['moments']): void {
  for (const { layer, mean, variance } of moments) {
    tf.tidy(() => {
      const bn = layer.bn!;
      bn.mean.assign(tf.add(tf.mul(bn.mean, BN_MOMENTUM), tf.mul(mean, 1 - BN_MOMENTUM)));
      bn.variance.assign(tf.add(tf.mul(bn.variance, BN_MOMENTUM), tf.mul(variance, 1 - BN_MOMENTUM)));
    });
    mean.dispose();
    variance.dispose();
  }
}

/** Mean sparse categorical cross-entropy from logits (what Keras computes for a softmax output). */
export function crossEntropy(logits: tf.Tensor2D, oneHot: tf.Tensor2D): tf.Scalar {
  return tf.neg(tf.mean(tf.sum(tf.mul(oneHot, tf.logSoftmax(logits)), 1)));
}
