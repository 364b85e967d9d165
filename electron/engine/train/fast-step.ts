// The fast step engines: a hand-written forward and backward pass (no gradient tape, no δ probes: δ falls out of
// backprop), then loss and accuracy from the logits, finiteness, per-layer statistics (finished by
// statistics.ts) and the optimizer update. The pass runs on one of two engines:
//   - 'kernels' (wasm and cpu backends): Gradient Lab's WebAssembly SIMD kernels (kernel-pass.ts), with Adam and
//     the statistics' reductions in the kernels too; any depth, residual blocks and batch normalization;
//   - 'tfjs-ops' (backends with a device of their own): fused matMul + bias (+ activation) and matMul kernels of
//     the backend, read back once per step, optimizer in cpu-optimizer.ts; no batch normalization.
// test/engine/step-engines.test.ts checks both against the gradient-tape step (tape-step.ts) on every preset,
// test/engine/kernels.test.ts the kernels against tfjs ops.
import * as tf from '@tensorflow/tfjs';
import type { ExperimentConfig, ModelConfig } from '../../common/config';
import type { DenseLayer, Mlp } from '../model/mlp';
import { kernelsAvailable } from '../kernels/kernels';
import { clipArrays, type ClipOutcome } from './clip';
import { CpuOptimizer } from './cpu-optimizer';
import type { StepEngine, StepRequest, StepResult } from './engine';
import { KernelPass, type PassLayer } from './kernel-pass';
import { activationStatsOf, layerStatsOf, sumSq, type LayerActivityStats } from './statistics';

const FAST_ACTIVATIONS = new Set<string>(['sigmoid', 'tanh', 'relu', 'linear']);

/** The fast engines. */
export type FastEngineId = 'kernels' | 'tfjs-ops';

/** Whether a fast engine can train a model (otherwise the gradient-tape step does; see choose-engine.ts). */
export function supportsFastStep(model: ModelConfig, engine: FastEngineId): boolean {
  return FAST_ACTIVATIONS.has(model.activation) && (engine === 'kernels' || !model.batchNorm);
}

/** a = act(z) for the hidden activations the fast path supports, fused into the matMul where tfjs can. */
function dense(a: tf.Tensor2D, layer: DenseLayer): tf.Tensor2D {
  const kind = layer.activation;
  if (kind === 'sigmoid' || kind === 'relu') return tf.fused.matMul({ a, b: layer.kernel, bias: layer.bias, activation: kind }) as tf.Tensor2D;
  const z = tf.fused.matMul({ a, b: layer.kernel, bias: layer.bias }) as tf.Tensor2D;
  return kind === 'tanh' ? (tf.tanh(z) as tf.Tensor2D) : z;
}

/** dE/dz from dE/da and the layer's output a (the same expressions tfjs's own gradients use). */
function activationBackward(kind: DenseLayer['activation'], dA: tf.Tensor2D, a: tf.Tensor2D): tf.Tensor2D {
  switch (kind) {
    case 'sigmoid':
      return tf.mul(dA, tf.mul(a, tf.sub(1, a))) as tf.Tensor2D;
    case 'tanh':
      return tf.mul(tf.sub(1, tf.square(a)), dA) as tf.Tensor2D;
    case 'relu':
      return tf.mul(dA, tf.step(a)) as tf.Tensor2D;
    default:
      return dA;
  }
}

/** Read tensors into JS arrays: one read each on wasm/cpu (a copy), one concatenated read elsewhere (a device sync). */
function readAll(ts: tf.Tensor[]): Float32Array[] {
  const backend = tf.getBackend();
  if (backend === 'wasm' || backend === 'cpu') return ts.map((t) => t.dataSync() as Float32Array);
  const joined = tf.tidy(() => tf.concat(ts.map((t) => tf.reshape(t, [-1]))));
  const flat = joined.dataSync() as Float32Array;
  joined.dispose();
  let offset = 0;
  return ts.map((t) => flat.subarray(offset, (offset += t.size)));
}

/** The kernels on backends where tfjs computes on this CPU anyway; tfjs ops where it has a device of its own. */
export function defaultFastEngine(): FastEngineId {
  const backend = tf.getBackend();
  return (backend === 'wasm' || backend === 'cpu') && kernelsAvailable() ? 'kernels' : 'tfjs-ops';
}

/** The kernel pass's description of a model's layers. */
export function passLayers(mlp: Mlp): PassLayer[] {
  return mlp.layers.map((l) => ({ fanIn: l.info.fanIn, units: l.info.units, activation: l.activation, residual: l.residual, batchNorm: l.bn !== undefined }));
}

/** The most kernel memory one trainer reserves. */
export const KERNEL_MEMORY_LIMIT = 1024 * 1024 * 1024;

export interface FastStepOptions {
  /** The largest batch the trainer will see (the kernels' memory is sized for it once). */
  maxBatch: number;
  engine: FastEngineId;
}

/** One forward and backward pass, as the rest of the step uses it. */
interface Pass {
  logits: Float32Array;
  grads: Float32Array[];
  layerStats(l: number): LayerActivityStats;
}

export class FastStep implements StepEngine {
  private readonly weights: Float32Array[];
  /** The optimizer in JS; absent when the kernels run it (Adam, see KernelPass.adamStep). */
  private readonly optimizer?: CpuOptimizer;
  private readonly kernels?: KernelPass;
  readonly id: FastEngineId;
  /** Whether the weights changed since the model's variables last got them (see syncVariables). */
  private variablesStale = false;
  private readonly clip: ExperimentConfig['optimizer']['clip'];

  constructor(
    private readonly mlp: Mlp,
    optimizer: ExperimentConfig['optimizer'],
    options: FastStepOptions,
  ) {
    this.clip = optimizer.clip;
    const shapes = passLayers(mlp);
    const features = mlp.layers[0]!.info.fanIn;
    this.id = options.engine;
    if (this.id === 'kernels') {
      this.kernels = new KernelPass(shapes, features, options.maxBatch, optimizer);
      this.weights = this.kernels.params;
      mlp.trainable.forEach((v, i) => this.weights[i]!.set(v.dataSync()));
      mlp.layers.forEach((l, i) => {
        const moving = this.kernels!.movingStats(i);
        if (l.bn && moving) {
          moving.mean.set(l.bn.mean.dataSync());
          moving.variance.set(l.bn.variance.dataSync());
        }
      });
    } else {
      if (mlp.layers.some((l) => l.bn)) throw new Error('the tfjs-ops engine has no batch normalization');
      this.weights = mlp.trainable.map((v) => Float32Array.from(v.dataSync()));
    }
    if (!this.kernels?.ownsOptimizer) this.optimizer = new CpuOptimizer(optimizer, this.weights.map((w) => w.length));
  }

  dispose(): void {
    // Kernel memory and arrays are garbage-collected with the engine; the model's variables belong to the caller.
  }

  /** Logits and gradients of one batch, and each layer's activation statistics, from the kernels or tfjs ops. */
  private forwardBackward(req: StepRequest): Pass {
    const kernels = this.kernels;
    if (kernels) return { ...kernels.run(req.x, req.y), layerStats: (l) => kernels.layerStats(l) };
    const { layers } = this.mlp;
    const L = layers.length;
    const n = req.y.length;
    const C = req.classes;
    const oneHot = new Float32Array(n * C);
    for (let i = 0; i < n; i++) oneHot[i * C + req.y[i]!] = 1;
    // tidy returns the tensors to read, not the read arrays: tidy walks its result element by element.
    const toRead = tf.tidy(() => {
      const x = tf.tensor2d(req.x, [n, req.features]);
      // acts[l] is layer l's input; outs[l] its activation output (before any residual sum).
      const acts: tf.Tensor2D[] = [x];
      const outs: tf.Tensor2D[] = [];
      layers.forEach((layer, i) => {
        const g = layer.activation === 'softmax' ? (tf.fused.matMul({ a: acts[i]!, b: layer.kernel, bias: layer.bias }) as tf.Tensor2D) : dense(acts[i]!, layer);
        outs.push(g);
        acts.push(layer.residual ? (tf.add(g, acts[i]!) as tf.Tensor2D) : g);
      });
      const logits = acts[L]!;
      const probs = tf.softmax(logits);
      // Mean cross-entropy of softmax(logits): dE/dlogits = (p − onehot) / n.
      let delta = tf.mul(tf.sub(probs, tf.tensor2d(oneHot, [n, C])), 1 / n) as tf.Tensor2D;
      const grads: tf.Tensor[] = new Array<tf.Tensor>(2 * L);
      const deltas: tf.Tensor2D[] = new Array<tf.Tensor2D>(L);
      let dA: tf.Tensor2D | undefined;
      for (let l = L - 1; l >= 0; l--) {
        const layer = layers[l]!;
        if (l < L - 1) delta = activationBackward(layer.activation, dA!, outs[l]!);
        deltas[l] = delta;
        grads[2 * l] = tf.matMul(acts[l]!, delta, true, false);
        grads[2 * l + 1] = tf.sum(delta, 0);
        if (l > 0) {
          const back = tf.matMul(delta, layer.kernel, false, true) as tf.Tensor2D;
          dA = layer.residual ? (tf.add(back, dA!) as tf.Tensor2D) : back;
        }
      }
      const readActs = req.withStats ? [...outs.slice(0, L - 1), probs] : [];
      return [logits, ...grads, ...(req.withStats ? deltas : []), ...readActs];
    });
    const read = readAll(toRead);
    tf.dispose(toRead);
    const deltas = read.slice(1 + 2 * L, 1 + 3 * L);
    const acts = read.slice(1 + 3 * L);
    return {
      logits: read[0]!,
      grads: read.slice(1, 1 + 2 * L),
      layerStats: (l) => ({ act: activationStatsOf(layers[l]!.activation, acts[l]!, layers[l]!.info.units), deltaSq: sumSq(deltas[l]!) }),
    };
  }

  /**
   * Write the weights (and batch norm's running statistics) into the model's variables. The tfjs-ops pass reads
   * the variables, so it syncs every step; on the kernels the weights live in kernel memory and the variables are
   * only read by evaluation and predictions, so train.ts syncs before those.
   */
  syncVariables(): void {
    if (!this.variablesStale) return;
    const assign = (v: tf.Variable, values: Float32Array) => {
      const t = tf.tensor(values, v.shape);
      v.assign(t);
      t.dispose();
    };
    this.mlp.trainable.forEach((v, i) => assign(v, this.weights[i]!));
    this.mlp.layers.forEach((l, i) => {
      const moving = this.kernels?.movingStats(i);
      if (l.bn && moving) {
        assign(l.bn.mean, moving.mean);
        assign(l.bn.variance, moving.variance);
      }
    });
    this.variablesStale = false;
  }

  step(req: StepRequest): StepResult {
    const { layers } = this.mlp;
    const { logits, grads, layerStats } = this.forwardBackward(req);

    const { loss, acc } = lossAndAccuracy(logits, req.y, req.classes);
    // Clipping rewrites the gradients in place (kernel memory on the kernels) before the optimizer reads them.
    const clipped: ClipOutcome | undefined = this.clip && clipArrays(grads, this.clip);
    const sums = this.optimizer ? this.optimizer.apply(this.weights, grads) : this.kernels!.adamStep();
    this.variablesStale = true;
    if (!this.kernels) this.syncVariables();

    // Parameters per layer in sums/grads: kernel, bias, [γ, β].
    const first: number[] = [];
    let p = 0;
    for (const l of layers) {
      first.push(p);
      p += l.bn ? 4 : 2;
    }
    const nonFiniteLayer = layers.findIndex((l, i) => {
      let s = 0;
      for (let j = first[i]!; j < first[i]! + (l.bn ? 4 : 2); j++) s += sums[j]!.sumSq;
      return !Number.isFinite(s);
    });
    const gradNorm = clipped?.normBefore ?? Math.sqrt(sums.reduce((s, p) => s + p.sumSq, 0));
    const result: StepResult = { loss, acc, nonFiniteLayer, gradNorm };
    if (clipped) result.clip = { normAfter: clipped.normAfter, clipped: clipped.clipped };
    if (req.withStats) {
      result.layers = layers.map((_, l) => {
        const k = first[l]!;
        return layerStatsOf(l, { kernelSize: grads[k]!.length, kernel: sums[k]!, biasGradSq: sums[k + 1]!.sumSq, ...layerStats(l) });
      });
    }
    if (req.withHistogram) result.kernelGrads = layers.map((_, l) => Float32Array.from(grads[first[l]!]!));
    return result;
  }
}

/** Mean softmax cross-entropy (log-sum-exp in float64) and accuracy (first maximum wins, as tf.argMax). */
export function lossAndAccuracy(logits: Float32Array, y: Int32Array, C: number): { loss: number; acc: number } {
  let loss = 0;
  let hits = 0;
  const n = y.length;
  for (let i = 0; i < n; i++) {
    let max = -Infinity;
    let arg = 0;
    for (let c = 0; c < C; c++) {
      const v = logits[i * C + c]!;
      if (v > max) [max, arg] = [v, c];
    }
    let sum = 0;
    for (let c = 0; c < C; c++) sum += Math.exp(logits[i * C + c]! - max);
    loss += max + Math.log(sum) - logits[i * C + y[i]!]!;
    if (arg === y[i]) hits++;
  }
  return { loss: loss / n, acc: hits / n };
}
