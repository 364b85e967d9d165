// The hidden-layer activations of the config as tf ops (which ones saturate or die: ../train/statistics.ts).
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
