// Kernel initializers with Keras's definitions (the seed program is Keras): variance-scaling normals are
// truncated at 2σ with σ corrected by 0.8796, uniforms use the ±sqrt(3·scale/n) limit. Seeded through tfjs.
// 'standardUniform' is the pre-2010 rule U[±1/√n] (n = fan-in), i.e. variance scaling with scale 1/3;
// 'kaimingTanh' is PyTorch's kaiming_normal_ for tanh, a plain (untruncated) normal of std (5/3)/√n.
import * as tf from '@tensorflow/tfjs';
import { KAIMING_TANH_GAIN, type Initializer } from '../../common/config';

/** Std of a standard normal truncated to ±2, which Keras divides out. */
const TRUNCATION = 0.87962566103423978;

export function initKernel(init: Initializer, fanIn: number, fanOut: number, seed: number): tf.Tensor2D {
  return draw(init, fanIn, fanOut, seed) as tf.Tensor2D;
}

function draw(init: Initializer, fanIn: number, fanOut: number, seed: number): tf.Tensor {
  const shape: [number, number] = [fanIn, fanOut];
  const truncated = (scale: number) => tf.truncatedNormal(shape, 0, Math.sqrt(scale) / TRUNCATION, 'float32', seed);
  const uniform = (scale: number) => {
    const limit = Math.sqrt(3 * scale);
    return tf.randomUniform(shape, -limit, limit, 'float32', seed);
  };
  switch (init.kind) {
    case 'randomNormal':
      return tf.randomNormal(shape, init.mean, init.std, 'float32', seed);
    case 'randomUniform':
      return tf.randomUniform(shape, init.min, init.max, 'float32', seed);
    case 'glorotUniform':
      return uniform(2 / (fanIn + fanOut));
    case 'glorotNormal':
      return truncated(2 / (fanIn + fanOut));
    case 'heNormal':
      return truncated(2 / fanIn);
    case 'heUniform':
      return uniform(2 / fanIn);
    case 'lecunNormal':
      return truncated(1 / fanIn);
    case 'standardUniform':
      return uniform(1 / (3 * fanIn)); // limit √(3·1/(3n)) = 1/√n
    case 'lecunUniform':
      return uniform(1 / fanIn);
    case 'kaimingTanh':
      return tf.randomNormal(shape, 0, KAIMING_TANH_GAIN / Math.sqrt(fanIn), 'float32', seed);
    default: {
      const never: never = init;
      throw new Error(`unknown initializer ${JSON.stringify(never)}`);
    }
  }
}
