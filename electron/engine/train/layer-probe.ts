// The layer probe: on one batch, with the model's current weights, a forward and backward pass of its own (tfjs
// autograd, independent of the step engines, which only sync their weights into the model before it runs) and
// the diagnostics of makemore part 3, CS231n and Nielsen's chapter 5 per layer (records.ts ProbeLayerStats):
// activation and ∂L/∂h distributions, saturation, pre-activation percentiles, grad:data, update:data, and the
// chain-rule ledger log10(‖δₗ‖/‖δₗ₊₁‖) beside its activation part log10 mean|σ'| and weights part ‖δₗ₊₁Wᵀ‖/‖δₗ₊₁‖.
// Batch norm runs in training mode on the batch's own moments and leaves the moving statistics alone.
import * as tf from '@tensorflow/tfjs';
import { ACTIVATION_HISTOGRAM, PROBE_SATURATION, type LayerProbeRecord, type ProbeLayerStats } from '../../common/records';
import { applyActivation } from '../model/activations';
import { BN_EPSILON, type DenseLayer, type Mlp } from '../model/mlp';
import { histogram } from './statistics';

export interface ProbeBatch {
  x: Float32Array;
  y: Int32Array;
  features: number;
  classes: number;
}

/** What the probe reads off one pass: per layer u, h, δ, ∂L/∂h, ∂L/∂W, ∂L/∂b, σ'(u) and δₗ₊₁·Wₗ₊₁ᵀ. */
interface PassArrays {
  loss: number;
  u: Float32Array[];
  h: Float32Array[];
  delta: Float32Array[];
  dh: Float32Array[];
  dW: Float32Array[];
  db: Float32Array[];
  dsigma: (Float32Array | null)[];
  backWeights: (Float32Array | null)[];
  W: Float32Array[];
}

/** Run the probe pass on a batch; pure with respect to the model (nothing is assigned). */
export function layerProbe(mlp: Mlp, batch: ProbeBatch, learningRate: number, step: number): LayerProbeRecord {
  const p = probePass(mlp, batch);
  const layers = mlp.layers.map((layer, l) => layerStats(layer, l, p, learningRate));
  return { type: 'layer-probe', step, learningRate, loss: p.loss, layers };
}

function probePass(mlp: Mlp, batch: ProbeBatch): PassArrays {
  const n = batch.y.length;
  let out: PassArrays | undefined;
  tf.tidy(() => {
    const x = tf.tensor2d(batch.x.subarray(0, n * batch.features), [n, batch.features]);
    const oneHot = tf.oneHot(tf.tensor1d(batch.y, 'int32'), batch.classes).toFloat() as tf.Tensor2D;
    const L = mlp.layers.length;
    const zProbe = mlp.layers.map((l) => tf.zeros([n, l.info.units]) as tf.Tensor2D);
    const hProbe = mlp.layers.map((l) => tf.zeros([n, l.info.units]) as tf.Tensor2D);
    const run = (kernels: tf.Tensor2D[], biases: tf.Tensor1D[], zs: tf.Tensor2D[], hs: tf.Tensor2D[]) => {
      const us: tf.Tensor2D[] = [];
      const outs: tf.Tensor2D[] = [];
      let a: tf.Tensor2D = x;
      for (let l = 0; l < L; l++) {
        const layer = mlp.layers[l]!;
        const z = tf.add(tf.add(tf.matMul(a, kernels[l]!), biases[l]!), zs[l]!) as tf.Tensor2D;
        const u = layer.bn ? batchNorm(layer, z) : z;
        us.push(u);
        const g = tf.add(layer.activation === 'softmax' ? u : applyActivation(layer.activation, u), hs[l]!) as tf.Tensor2D;
        outs.push(g);
        a = layer.residual ? (tf.add(g, a) as tf.Tensor2D) : g;
      }
      const logits = outs[L - 1]!;
      const loss = tf.neg(tf.mean(tf.sum(tf.mul(oneHot, tf.logSoftmax(logits)), 1))) as tf.Scalar;
      return { loss, us, outs };
    };
    const kernels = mlp.layers.map((l) => l.kernel as tf.Tensor2D);
    const biases = mlp.layers.map((l) => l.bias as tf.Tensor1D);
    const values = run(kernels, biases, zProbe, hProbe);
    const grads = tf.grads((...args: tf.Tensor[]) => {
      const [k, b, zs, hs] = [0, 1, 2, 3].map((i) => args.slice(i * L, (i + 1) * L));
      return run(k as tf.Tensor2D[], b as tf.Tensor1D[], zs as tf.Tensor2D[], hs as tf.Tensor2D[]).loss;
    })([...kernels, ...biases, ...zProbe, ...hProbe]);
    const [dW, db, delta, dh] = [0, 1, 2, 3].map((i) => grads.slice(i * L, (i + 1) * L));
    const dsigma = mlp.layers.map((layer, l) => {
      if (layer.activation === 'softmax') return null;
      const kind = layer.activation;
      return Float32Array.from(tf.grad((u: tf.Tensor) => tf.sum(applyActivation(kind, u as tf.Tensor2D)))(values.us[l]!).dataSync());
    });
    const backWeights = mlp.layers.map((_, l) => (l + 1 < L ? Float32Array.from(tf.matMul(delta[l + 1]!, kernels[l + 1]!, false, true).dataSync()) : null));
    const read = (ts: tf.Tensor[]) => ts.map((t) => Float32Array.from(t.dataSync()));
    out = {
      loss: values.loss.dataSync()[0]!,
      u: read(values.us),
      h: read(values.outs),
      delta: read(delta!),
      dh: read(dh!),
      dW: read(dW!),
      db: read(db!),
      dsigma,
      backWeights,
      W: read(kernels),
    };
  });
  return out!;
}

/** Batch norm on the batch's own moments (training mode), with the layer's γ and β. */
function batchNorm(layer: DenseLayer, z: tf.Tensor2D): tf.Tensor2D {
  const bn = layer.bn!;
  const { mean, variance } = tf.moments(z, 0);
  return tf.add(tf.mul(tf.div(tf.sub(z, mean), tf.sqrt(tf.add(variance, BN_EPSILON))), bn.gamma), bn.beta) as tf.Tensor2D;
}

function layerStats(layer: DenseLayer, l: number, p: PassArrays, lr: number): ProbeLayerStats {
  const h = p.h[l]!;
  const u = p.u[l]!;
  const W = p.W[l]!;
  const dW = p.dW[l]!;
  const weightStd = std(W);
  const weightGradStd = std(dW);
  const next = p.delta[l + 1];
  const back = p.backWeights[l];
  const ds = p.dsigma[l];
  const ledger = next && back && ds ? { ratio: log10Ratio(norm(p.delta[l]!), norm(next)), act: Math.log10(meanAbs(ds)), weights: log10Ratio(norm(back), norm(next)) } : null;
  const [preP15, preP50, preP85] = percentiles(u, [0.15, 0.5, 0.85]);
  const g = histogram(p.dh[l]!);
  return {
    layer: l,
    actMean: mean(h),
    actStd: std(h),
    saturatedFrac: saturatedShare(layer.activation, h),
    preP15: preP15!,
    preP50: preP50!,
    preP85: preP85!,
    actGradStd: std(p.dh[l]!),
    weightStd,
    weightGradStd,
    gradToData: weightGradStd / weightStd,
    updateToDataStd: finiteOrNull(Math.log10((lr * weightGradStd) / weightStd)),
    updateToDataNorm: finiteOrNull(Math.log10((lr * norm(dW)) / norm(W))),
    deltaNorm: norm(p.delta[l]!),
    biasGradNorm: norm(p.db[l]!),
    ledgerRatio: finiteOrNull(ledger?.ratio),
    ledgerActivation: finiteOrNull(ledger?.act),
    ledgerWeights: finiteOrNull(ledger?.weights),
    actCounts: activationHistogram(h),
    actGradCounts: g.counts,
    actGradZeros: g.zeros,
    total: h.length,
  };
}

const log10Ratio = (a: number, b: number) => Math.log10(a / b);
/** Log-valued fields travel as null when not finite (JSON has no ±Infinity); see records.ts. */
const finiteOrNull = (x: number | undefined): number | null => (x !== undefined && Number.isFinite(x) ? x : null);

function mean(x: Float32Array): number {
  let s = 0;
  for (let i = 0; i < x.length; i++) s += x[i]!;
  return s / x.length;
}

/** Population standard deviation (÷ n), in float64. */
export function std(x: Float32Array): number {
  const m = mean(x);
  let s = 0;
  for (let i = 0; i < x.length; i++) s += (x[i]! - m) * (x[i]! - m);
  return Math.sqrt(s / x.length);
}

export function norm(x: Float32Array): number {
  let s = 0;
  for (let i = 0; i < x.length; i++) s += x[i]! * x[i]!;
  return Math.sqrt(s);
}

function meanAbs(x: Float32Array): number {
  let s = 0;
  for (let i = 0; i < x.length; i++) s += Math.abs(x[i]!);
  return s / x.length;
}

/** Entries sorted for percentiles at most; a larger layer × batch is read at an even stride. */
export const PERCENTILE_SAMPLE = 1_000_000;

/**
 * Percentiles with linear interpolation between order statistics (numpy's and torch.quantile's default), exact
 * up to PERCENTILE_SAMPLE entries and over an even-strided sample of that many beyond.
 */
export function percentiles(x: Float32Array, qs: number[]): number[] {
  const stride = Math.ceil(x.length / PERCENTILE_SAMPLE);
  const sorted = (stride > 1 ? Float64Array.from({ length: Math.floor(x.length / stride) }, (_, i) => x[i * stride]!) : Float64Array.from(x)).sort();
  return qs.map((q) => {
    const pos = q * (sorted.length - 1);
    const lo = Math.floor(pos);
    const hi = Math.min(sorted.length - 1, lo + 1);
    return sorted[lo]! + (pos - lo) * (sorted[hi]! - sorted[lo]!);
  });
}

/** Share in the flat tails by PROBE_SATURATION, or null when the activation has none. */
export function saturatedShare(kind: DenseLayer['activation'], h: Float32Array): number | null {
  if (kind !== 'tanh' && kind !== 'sigmoid') return null;
  let sat = 0;
  for (let i = 0; i < h.length; i++) {
    const v = kind === 'tanh' ? h[i]! : 2 * h[i]! - 1;
    if (Math.abs(v) > PROBE_SATURATION[kind]) sat++;
  }
  return sat / h.length;
}

/** Counts over ACTIVATION_HISTOGRAM's bins; values outside go to the end bins. */
export function activationHistogram(h: Float32Array): number[] {
  const { min, max, bins } = ACTIVATION_HISTOGRAM;
  const counts = new Array<number>(bins).fill(0);
  const width = (max - min) / bins;
  for (let i = 0; i < h.length; i++) {
    const b = Math.floor((h[i]! - min) / width);
    counts[Number.isFinite(b) ? Math.min(bins - 1, Math.max(0, b)) : bins - 1]!++;
  }
  return counts;
}
