// The config's optimizer as a tf.train optimizer, with Keras's defaults (the seed program is Keras):
// Adam β=(0.9, 0.999), ε=1e-7; RMSprop ρ=0.9, ε=1e-7; momentum 0.9.
import * as tf from '@tensorflow/tfjs';
import type { ExperimentConfig } from '../../common/config';

/** Keras's optimizer defaults, shared by every optimizer implementation of the engine. */
export const KERAS = {
  adam: { beta1: 0.9, beta2: 0.999, epsilon: 1e-7 },
  rmsprop: { rho: 0.9, epsilon: 1e-7 },
  momentum: 0.9,
} as const;

export function makeOptimizer(cfg: ExperimentConfig['optimizer']): tf.Optimizer {
  const lr = cfg.learningRate;
  switch (cfg.kind) {
    case 'sgd':
      return tf.train.sgd(lr);
    case 'momentum':
      return tf.train.momentum(lr, KERAS.momentum);
    case 'adam':
      return tf.train.adam(lr, KERAS.adam.beta1, KERAS.adam.beta2, KERAS.adam.epsilon);
    case 'rmsprop':
      return tf.train.rmsprop(lr, KERAS.rmsprop.rho, 0, KERAS.rmsprop.epsilon);
    default: {
      const never: never = cfg.kind;
      throw new Error(`unknown optimizer ${String(never)}`);
    }
  }
}
