// The config's optimizer as a tf.train optimizer, with Keras's defaults (the seed program is Keras):
// Adam β=(0.9, 0.999), ε=1e-7; RMSprop ρ=0.9, ε=1e-7; momentum 0.9.
import * as tf from '@tensorflow/tfjs';
import type { ExperimentConfig } from '../../common/config';

export function makeOptimizer(cfg: ExperimentConfig['optimizer']): tf.Optimizer {
  const lr = cfg.learningRate;
  switch (cfg.kind) {
    case 'sgd':
      return tf.train.sgd(lr);
    case 'momentum':
      return tf.train.momentum(lr, 0.9);
    case 'adam':
      return tf.train.adam(lr, 0.9, 0.999, 1e-7);
    case 'rmsprop':
      return tf.train.rmsprop(lr, 0.9, 0, 1e-7);
    default: {
      const never: never = cfg.kind;
      throw new Error(`unknown optimizer ${String(never)}`);
    }
  }
}
