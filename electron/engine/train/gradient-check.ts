// The gradient check of a real run: for one sampled kernel weight per layer, the step engine's own analytic
// ∂L/∂W (its histogram gradients of step 0) against a central difference of the loss computed here in float64
// plain JavaScript from the same weights and batch (Dense → [batch norm on the batch's moments] → activation
// [→ + skip], softmax cross-entropy). The sample is seeded and drawn among the entries whose analytic gradient
// is not exactly zero (any entry when all are). GELU (which needs erf) is not checked.
import { gradientCheckVerdict, relativeDifference } from '../../common/diagnostics';
import type { GradientCheckEntry } from '../../common/records';
import { mulberry32 } from '../random';
import { BN_EPSILON, type Mlp } from '../model/mlp';

/**
 * Central-difference steps: the check starts at the one that should move the loss by about 1e-9 (firstEpsilon)
 * and grows it until the loss difference clears CHECK_RESOLVED. A first layer under vanishing gradients moves the loss by 1e-14 at ε = 1e-6, where float64's rounding
 * of a loss near 2.3 (~1e-15 after the batch sum) would swamp it; a larger ε resolves it, and the truncation
 * error O(ε²) stays small because the loss is all but linear in such a weight.
 */
export const CHECK_EPSILONS = [1e-6, 1e-5, 1e-4, 1e-3, 1e-2] as const;
/** A loss difference this large is ≥ 1e4 times float64's rounding of the loss. */
export const CHECK_RESOLVED = 1e-10;
/**
 * Multiply-adds the check may spend: plain JavaScript runs some 1e8 a second, so about a second or two. A
 * network and batch too large for it are not checked (the result is empty).
 */
export const CHECK_BUDGET_MACS = 2e8;

/**
 * Multiply-adds of the check: one forward pass for the layers' inputs, then per layer two passes from that
 * layer on (the layers below it are unchanged by its weight).
 */
export function checkCost(weights: readonly LayerWeights64[], batch: number): number {
  const macs = weights.map((l) => l.fanIn * l.units);
  const from = (k: number) => macs.slice(k).reduce((s, m) => s + m, 0);
  return batch * (from(0) + weights.reduce((s, _, k) => s + 2 * from(k), 0));
}

/** The first ε to try for a gradient g: one that moves the loss by about 1e-9, within CHECK_EPSILONS' range. */
export function firstEpsilon(g: number): number {
  const want = 1e-9 / Math.max(Math.abs(g), 1e-300);
  return CHECK_EPSILONS.find((e) => e >= want) ?? CHECK_EPSILONS[CHECK_EPSILONS.length - 1]!;
}

export interface LayerWeights64 {
  kernel: Float64Array;
  bias: Float64Array;
  fanIn: number;
  units: number;
  activation: string;
  residual: boolean;
  bn: { gamma: Float64Array; beta: Float64Array } | null;
}

/** The model's weights as float64 copies (read them after the engine synced its weights in). */
export async function snapshotWeights(mlp: Mlp): Promise<LayerWeights64[]> {
  // data(), not dataSync(): a WebGPU backend reads only asynchronously.
  const read = async (t: { data(): Promise<ArrayLike<number>> }) => Float64Array.from(await t.data());
  return Promise.all(mlp.layers.map(async (l) => ({
    kernel: await read(l.kernel),
    bias: await read(l.bias),
    fanIn: l.info.fanIn,
    units: l.info.units,
    activation: l.activation,
    residual: l.residual,
    bn: l.bn ? { gamma: await read(l.bn.gamma), beta: await read(l.bn.beta) } : null,
  })));
}

const SELU = { alpha: 1.6732632423543772, scale: 1.0507009873554805 };

function act(kind: string, u: number): number {
  switch (kind) {
    case 'sigmoid':
      return 1 / (1 + Math.exp(-u));
    case 'tanh':
      return Math.tanh(u);
    case 'relu':
      return u > 0 ? u : 0;
    case 'leakyRelu':
      return u > 0 ? u : 0.2 * u;
    case 'elu':
      return u > 0 ? u : Math.expm1(u);
    case 'selu':
      return SELU.scale * (u > 0 ? u : SELU.alpha * Math.expm1(u));
    case 'softplus':
      return u > 20 ? u : Math.log1p(Math.exp(u));
    case 'linear':
    case 'softmax':
      return u;
    default:
      throw new Error(`the gradient check has no float64 ${kind}`);
  }
}

/** One layer forward in float64: Dense → [batch norm on the batch's moments] → activation [→ + skip]. */
function layerForward(l: LayerWeights64, a: Float64Array, width: number, n: number): Float64Array {
  const z = new Float64Array(n * l.units);
  for (let r = 0; r < n; r++) {
    for (let j = 0; j < l.units; j++) z[r * l.units + j] = l.bias[j]!;
    for (let i = 0; i < width; i++) {
      const ai = a[r * width + i]!;
      if (ai === 0) continue;
      const row = i * l.units;
      for (let j = 0; j < l.units; j++) z[r * l.units + j] += ai * l.kernel[row + j]!;
    }
  }
  if (l.bn) {
    for (let j = 0; j < l.units; j++) {
      let m = 0;
      for (let r = 0; r < n; r++) m += z[r * l.units + j]!;
      m /= n;
      let v = 0;
      for (let r = 0; r < n; r++) v += (z[r * l.units + j]! - m) ** 2;
      v /= n;
      const s = Math.sqrt(v + BN_EPSILON);
      for (let r = 0; r < n; r++) z[r * l.units + j] = ((z[r * l.units + j]! - m) / s) * l.bn.gamma[j]! + l.bn.beta[j]!;
    }
  }
  for (let k = 0; k < z.length; k++) z[k] = act(l.activation, z[k]!);
  if (l.residual) for (let k = 0; k < z.length; k++) z[k] += a[k]!;
  return z;
}

/** The inputs of every layer (index 0: the batch itself), from one float64 forward pass. */
function layerInputs(layers: readonly LayerWeights64[], x: Float32Array, n: number, features: number): Float64Array[] {
  const inputs: Float64Array[] = [Float64Array.from(x.subarray(0, n * features))];
  let width = features;
  for (const l of layers.slice(0, -1)) {
    inputs.push(layerForward(l, inputs[inputs.length - 1]!, width, n));
    width = l.units;
  }
  return inputs;
}

/** Mean softmax cross-entropy, running the layers from `from` on, given that layer's input `a`. */
function lossFrom(layers: readonly LayerWeights64[], from: number, a: Float64Array, y: Int32Array, width: number): number {
  const n = y.length;
  for (const l of layers.slice(from)) {
    a = layerForward(l, a, width, n);
    width = l.units;
  }
  let total = 0;
  for (let r = 0; r < n; r++) {
    let m = -Infinity;
    for (let j = 0; j < width; j++) m = Math.max(m, a[r * width + j]!);
    let s = 0;
    for (let j = 0; j < width; j++) s += Math.exp(a[r * width + j]! - m);
    total += m + Math.log(s) - a[r * width + y[r]!]!;
  }
  return total / n;
}

/** Mean softmax cross-entropy of the batch, in float64. */
export function loss64(layers: readonly LayerWeights64[], x: Float32Array, y: Int32Array, features: number): number {
  return lossFrom(layers, 0, Float64Array.from(x.subarray(0, y.length * features)), y, features);
}

/**
 * One sampled weight per layer: the engine's `kernelGrads` (∂L/∂W at `weights`) against the float64 central
 * difference. Returns [] when a layer's activation has no float64 form here (GELU) or when the check would
 * cost more than CHECK_BUDGET_MACS.
 */
export function sampledGradientCheck(
  weights: LayerWeights64[],
  kernelGrads: readonly Float32Array[],
  batch: { x: Float32Array; y: Int32Array; features: number },
  seed: number,
): GradientCheckEntry[] {
  if (weights.some((l) => l.activation === 'gelu') || checkCost(weights, batch.y.length) > CHECK_BUDGET_MACS) return [];
  const rand = mulberry32(seed);
  const inputs = layerInputs(weights, batch.x, batch.y.length, batch.features);
  return weights.map((l, layer) => {
    const g = kernelGrads[layer]!;
    const nonZero: number[] = [];
    for (let k = 0; k < g.length; k++) if (g[k] !== 0) nonZero.push(k);
    const index = nonZero.length ? nonZero[Math.floor(rand() * nonZero.length)]! : Math.floor(rand() * g.length);
    const w = l.kernel[index]!;
    const at = (v: number) => {
      l.kernel[index] = v;
      const out = lossFrom(weights, layer, inputs[layer]!, batch.y, l.fanIn);
      l.kernel[index] = w;
      return out;
    };
    let numeric = 0;
    for (const eps of CHECK_EPSILONS.filter((e) => e >= firstEpsilon(g[index]!))) {
      const d = at(w + eps) - at(w - eps);
      numeric = d / (2 * eps);
      if (Math.abs(d) >= CHECK_RESOLVED) break;
    }
    const analytic = g[index]!;
    return { layer, index, analytic, numeric, relative: relativeDifference(analytic, numeric), verdict: gradientCheckVerdict(analytic, numeric) };
  });
}
