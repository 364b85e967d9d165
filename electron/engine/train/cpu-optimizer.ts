// The config's optimizer run in plain JS over Float32Array parameters (for the fast engines when the kernels do
// not run it themselves: the tfjs-ops pass, and optimizers other than Adam). One pass per parameter, no kernels; the formulas are tf.train's, in the same order, with
// Keras's defaults (KERAS in optimizer.ts).
import type { ExperimentConfig } from '../../common/config';
import { gradientSums, sumSq, type ParamSums } from './statistics';
import { KERAS } from './optimizer';

export class CpuOptimizer {
  private readonly slots: Float32Array[][];
  private t = 0;

  constructor(
    private readonly cfg: ExperimentConfig['optimizer'],
    sizes: number[],
  ) {
    const perParam = cfg.kind === 'adam' ? 2 : cfg.kind === 'sgd' ? 0 : cfg.kind === 'rmsprop' ? 2 : 1;
    this.slots = sizes.map((n) => Array.from({ length: perParam }, () => new Float32Array(n)));
  }

  /**
   * Update every parameter in place from its gradient; returns per parameter Σ(w_new − w_old)² (on the float32
   * values actually stored, for the update norm) and the gradient's and old weights' sums (statistics and
   * finiteness), so that the update is the only pass over the data.
   */
  apply(params: Float32Array[], grads: Float32Array[]): ParamSums[] {
    this.t++;
    return params.map((w, i) => {
      const g = grads[i]!;
      const sums = gradientSums(g);
      return { ...sums, weightSq: sumSq(w), updateSq: this.applyOne(w, g, this.slots[i]!) };
    });
  }

  private applyOne(w: Float32Array, g: Float32Array, s: Float32Array[]): number {
    const lr = this.cfg.learningRate;
    const f = Math.fround;
    let sq = 0;
    const n = w.length;
    switch (this.cfg.kind) {
      case 'sgd':
        for (let i = 0; i < n; i++) {
          const old = w[i]!;
          w[i] = f(old) + f(-lr * g[i]!);
          const d = w[i]! - old;
          sq += d * d;
        }
        return sq;
      case 'momentum': {
        const acc = s[0]!;
        for (let i = 0; i < n; i++) {
          acc[i] = f(KERAS.momentum * acc[i]!) + g[i]!;
          const old = w[i]!;
          w[i] = f(-lr * acc[i]!) + old;
          const d = w[i]! - old;
          sq += d * d;
        }
        return sq;
      }
      case 'adam': {
        // float64 arithmetic, float32 storage: within a few ulps of tf.train.adam's float32 kernels.
        const [m, v] = s as [Float32Array, Float32Array];
        const { beta1, beta2, epsilon } = KERAS.adam;
        const c1 = 1 - beta1 ** this.t;
        const c2 = 1 - beta2 ** this.t;
        for (let i = 0; i < n; i++) {
          const gi = g[i]!;
          const mi = (m[i] = m[i]! * beta1 + gi * (1 - beta1));
          const vi = (v[i] = v[i]! * beta2 + gi * gi * (1 - beta2));
          const old = w[i]!;
          w[i] = old - (lr * (mi / c1)) / (Math.sqrt(vi / c2) + epsilon);
          const d = w[i]! - old;
          sq += d * d;
        }
        return sq;
      }
      case 'rmsprop': {
        const [ms, mom] = s as [Float32Array, Float32Array];
        const { rho, epsilon } = KERAS.rmsprop;
        for (let i = 0; i < n; i++) {
          const gi = g[i]!;
          ms[i] = f(ms[i]! * rho) + f(f(gi * gi) * f(1 - rho));
          mom[i] = f(mom[i]! * 0) + f(f(gi * lr) / f(Math.sqrt(f(ms[i]! + epsilon))));
          const old = w[i]!;
          w[i] = old - mom[i]!;
          const d = w[i]! - old;
          sq += d * d;
        }
        return sq;
      }
      default: {
        const never: never = this.cfg.kind;
        throw new Error(`unknown optimizer ${String(never)}`);
      }
    }
  }
}
