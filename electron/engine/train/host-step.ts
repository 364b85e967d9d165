// The fast training step for plain MLPs (no batch norm; sigmoid, tanh, ReLU or linear hidden layers, residual
// or not): a hand-written forward and backward pass (no gradient tape, no δ probes: δ falls out of backprop),
// then the rest finished on the host — loss and accuracy from the logits, finiteness, per-layer statistics and
// the optimizer update, whose new weights are written back into the model's variables.
// The pass runs on one of two engines:
//   - 'kernels' (wasm and cpu backends): Gradient Lab's WebAssembly SIMD kernels (kernel-pass.ts), with Adam and
//     the statistics' reductions in the kernels too;
//   - 'tfjs' (backends with a device of their own): fused matMul + bias (+ activation) and matMul kernels of the
//     backend, read back once per step, optimizer in host-optimizer.ts.
// Same value layout as trainStep (step.ts); test/engine/host-step.test.ts checks both engines against the tape
// step, test/engine/kernels.test.ts the kernels against tfjs ops.
import * as tf from '@tensorflow/tfjs';
import type { ExperimentConfig, ModelConfig } from '../../common/config';
import type { DenseLayer, Mlp } from '../model/mlp';
import { kernelsAvailable } from '../kernels/kernels';
import { HostOptimizer } from './host-optimizer';
import { KernelPass } from './kernel-pass';
import { activationStatsOf, sumSq, writeLayerStats, type LayerActivityStats } from './host-stats';
import { STATS_PER_LAYER } from './stats';
import type { StepRequest } from './step';

const FAST_ACTIVATIONS = new Set<string>(['sigmoid', 'tanh', 'relu', 'linear']);

/** Whether a model can train on the fast path (otherwise step.ts's gradient-tape step is used). */
export function supportsHostStep(model: ModelConfig): boolean {
  return !model.batchNorm && FAST_ACTIVATIONS.has(model.activation);
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

/** Read tensors to the host: one read each on wasm/cpu (a copy), one concatenated read elsewhere (a device sync). */
function readAll(ts: tf.Tensor[]): Float32Array[] {
  const backend = tf.getBackend();
  if (backend === 'wasm' || backend === 'cpu') return ts.map((t) => t.dataSync() as Float32Array);
  const joined = tf.tidy(() => tf.concat(ts.map((t) => tf.reshape(t, [-1]))));
  const flat = joined.dataSync() as Float32Array;
  joined.dispose();
  let offset = 0;
  return ts.map((t) => flat.subarray(offset, (offset += t.size)));
}

/** Where the forward and backward pass run: Gradient Lab's wasm kernels (kernel-pass.ts) or tfjs ops. */
export type PassKind = 'kernels' | 'tfjs';

/** The kernels on backends where tfjs computes on this CPU anyway; tfjs ops where it has a device of its own. */
export function defaultPass(): PassKind {
  const backend = tf.getBackend();
  return (backend === 'wasm' || backend === 'cpu') && kernelsAvailable() ? 'kernels' : 'tfjs';
}

/** The most kernel memory one trainer reserves. */
export const KERNEL_MEMORY_LIMIT = 1024 * 1024 * 1024;

export interface HostTrainerOptions {
  /** The largest batch the trainer will see (the kernels' memory is sized for it once). */
  maxBatch: number;
  pass?: PassKind;
}

/** One forward and backward pass, as the rest of the step uses it. */
interface Pass {
  logits: Float32Array;
  grads: Float32Array[];
  layerStats(l: number): LayerActivityStats;
}

export class HostTrainer {
  private readonly weights: Float32Array[];
  /** The optimizer on the host; absent when the kernels run it (Adam, see KernelPass.adamStep). */
  private readonly optimizer?: HostOptimizer;
  private readonly kernels?: KernelPass;
  readonly pass: PassKind;
  /** Whether the weights changed since the model's variables last got them (see syncVariables). */
  private variablesStale = false;

  constructor(
    private readonly mlp: Mlp,
    optimizer: ExperimentConfig['optimizer'],
    options: HostTrainerOptions,
  ) {
    // mlp.trainable is (kernel, bias) per layer here: no batch norm on this path.
    const shapes = mlp.layers.map((l) => ({ fanIn: l.info.fanIn, units: l.info.units, activation: l.activation, residual: l.residual }));
    const features = mlp.layers[0]!.info.fanIn;
    // Very large models or batches (up to 2048 wide, 50 deep, 60 000 rows are allowed) stay on tfjs ops rather
    // than reserve more than KERNEL_MEMORY_LIMIT of kernel memory up front.
    const fits = KernelPass.bytesFor(shapes, features, options.maxBatch, optimizer) <= KERNEL_MEMORY_LIMIT;
    this.pass = options.pass ?? (fits ? defaultPass() : 'tfjs');
    if (this.pass === 'kernels') {
      this.kernels = new KernelPass(shapes, features, options.maxBatch, optimizer);
      this.weights = this.kernels.params;
      mlp.trainable.forEach((v, i) => this.weights[i]!.set(v.dataSync()));
    } else {
      this.weights = mlp.trainable.map((v) => Float32Array.from(v.dataSync()));
    }
    if (!this.kernels?.ownsOptimizer) this.optimizer = new HostOptimizer(optimizer, this.weights.map((w) => w.length));
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
      const hostActs = req.withStats ? [...outs.slice(0, L - 1), probs] : [];
      return [logits, ...grads, ...(req.withStats ? deltas : []), ...hostActs];
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
   * Write the host's weights into the model's variables. The tfjs pass reads the variables, so it syncs every
   * step; on the kernels the weights live in kernel memory and the variables are only read by evaluation and
   * predictions, so train.ts syncs before those.
   */
  syncVariables(): void {
    if (!this.variablesStale) return;
    this.mlp.trainable.forEach((v, i) => {
      const t = tf.tensor(this.weights[i]!, v.shape);
      v.assign(t);
      t.dispose();
    });
    this.variablesStale = false;
  }

  step(req: StepRequest): Float32Array {
    const { layers } = this.mlp;
    const L = layers.length;
    const { logits, grads, layerStats } = this.forwardBackward(req);

    const { loss, acc } = lossAndAccuracy(logits, req.y, req.classes);
    const sums = this.optimizer ? this.optimizer.apply(this.weights, grads) : this.kernels!.adamStep();
    const flags = layers.map((_, l) => (Number.isFinite(sums[2 * l]!.sumSq + sums[2 * l + 1]!.sumSq) ? 0 : NaN));
    this.variablesStale = true;
    if (!this.kernels) this.syncVariables();

    const histogramSize = req.withHistogram ? layers.reduce((s, l) => s + l.info.fanIn * l.info.units, 0) : 0;
    const out = new Float32Array(2 + L + (req.withStats ? L * STATS_PER_LAYER : 0) + histogramSize);
    out[0] = loss;
    out[1] = acc;
    flags.forEach((f, l) => (out[2 + l] = f));
    let offset = 2 + L;
    if (req.withStats) {
      layers.forEach((_, l) => {
        writeLayerStats(out, offset, { kernelSize: grads[2 * l]!.length, kernel: sums[2 * l]!, biasGradSq: sums[2 * l + 1]!.sumSq, ...layerStats(l) });
        offset += STATS_PER_LAYER;
      });
    }
    if (req.withHistogram) {
      for (let l = 0; l < L; l++) {
        out.set(grads[2 * l]!, offset);
        offset += grads[2 * l]!.length;
      }
    }
    return out;
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
