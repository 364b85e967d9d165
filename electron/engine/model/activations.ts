// The hidden-layer activations of the config as tf ops, plus which ones can saturate (flat tails, sigmoid'
// ≤ 0.25) and which can die (ReLU family: no signal for inputs ≤ 0).
import * as tf from '@tensorflow/tfjs';
import type { Activation } from '../../common/config';

export function applyActivation(kind: Activation, u: tf.Tensor2D): tf.Tensor2D {
  switch (kind) {
    case 'sigmoid':
      return tf.sigmoid(u);
    case 'tanh':
      return tf.tanh(u);
    case 'relu':
      return tf.relu(u);
    case 'leakyRelu':
      return tf.leakyRelu(u, 0.2);
    case 'elu':
      return tf.elu(u);
    case 'selu':
      return tf.selu(u);
    case 'gelu':
      // Exact GELU (x·Φ(x)), as Keras computes it by default.
      return tf.mul(tf.mul(u, 0.5), tf.add(1, tf.erf(tf.mul(u, Math.SQRT1_2))));
    case 'softplus':
      return tf.softplus(u);
    case 'linear':
      return u;
    default: {
      const never: never = kind;
      throw new Error(`unknown activation ${String(never)}`);
    }
  }
}

/** Units in the flat tails: sigmoid output < 0.01 or > 0.99, |tanh| > 0.99. Others cannot saturate both ways. */
export function saturatedMask(kind: Activation, a: tf.Tensor2D): tf.Tensor | null {
  if (kind === 'sigmoid') return tf.logicalOr(tf.less(a, 0.01), tf.greater(a, 0.99));
  if (kind === 'tanh') return tf.greater(tf.abs(a), 0.99);
  return null;
}

/** ReLU-family activations, whose units die when their input is ≤ 0 for every sample. */
export const DYING: ReadonlySet<Activation> = new Set<Activation>(['relu', 'leakyRelu', 'elu', 'selu', 'gelu']);
