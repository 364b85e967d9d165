// The forward and backward pass of an MLP on Gradient Lab's own WebAssembly kernels (../kernels), for the
// backends where tfjs itself runs on the CPU (wasm, cpu). Same mathematics as the model's tf ops (model/mlp.ts):
//   z = a·W + b, [u = BN(z) = γ·(z − μ)/√(σ² + ε) + β over the batch], a' = act(u) (+ a when residual);
//   logits → softmax → mean cross-entropy; δ_L = (p − onehot)/n, dU = dA ∘ act'(a'),
//   δ_l = dU or BN's backward of dU, dW = aᵀ·δ, db = Σ_rows δ, dA_prev = δ·Wᵀ (+ dA when residual).
// Batch norm also moves its running statistics (Keras's momentum and ε, from model/mlp.ts) every step.
// The weights, gradients, activations and δ live in the kernels' memory for the whole run (placed once by
// place(), which also sizes that memory) and are handed to the optimizer and the statistics as views, so a step
// allocates nothing and copies nothing but the batch.
// The first layer multiplies the batch as a sparse matrix (MNIST images are about four-fifths zeros; skipping
// exact zeros changes no sum but its order).
import type { Activation, ExperimentConfig } from '../../common/config';
import { BN_EPSILON, BN_MOMENTUM } from '../model/mlp';
import { KERAS } from './optimizer';
import { DYING, saturationOf, type LayerActivityStats } from './statistics';
import { ACT, Kernels, measure, type ActCode, type BatchNormArrays, type ForwardCode, type Allocator, type F32, type ParamSumsOut, type SparseArrays } from '../kernels/kernels';

export interface PassLayer {
  fanIn: number;
  units: number;
  activation: Activation | 'softmax';
  residual: boolean;
  batchNorm: boolean;
}

/** A batch-normalized layer's arrays, with its running statistics (what evaluation uses). */
interface BatchNormBuffers extends BatchNormArrays {
  /** z = a·W + b before normalization. */
  z: F32;
  movingMean: F32;
  movingVariance: F32;
}

/** What one pass leaves for the rest of the step (views into kernel memory, valid until the next pass). */
export interface PassResult {
  logits: Float32Array;
  /** kernel, bias gradient per layer. */
  grads: Float32Array[];
}

/** Use the sparse first-layer product while at most this share of the batch is nonzero. */
const SPARSE_BELOW = 0.5;

/** The elementwise kernels' code for an activation. */
function actCode(kind: Activation | 'softmax'): ActCode {
  switch (kind) {
    case 'sigmoid':
      return ACT.sigmoid;
    case 'relu':
      return ACT.relu;
    case 'tanh':
      return ACT.tanh;
    case 'linear':
    case 'softmax':
      return ACT.linear;
    default:
      throw new Error(`the kernel pass has no ${kind} activation`);
  }
}

interface LayerBuffers {
  w: F32;
  b: F32;
  gw: F32;
  gb: F32;
  /** the activation output a' = act(z + b), [n × units]; for the output layer the logits. */
  out: F32;
  /** the next layer's input when residual (out + input), else out itself. */
  next: F32;
  delta: F32;
  bn?: BatchNormBuffers;
}

/** Every array a pass uses, placed once. */
interface Layout {
  x: F32;
  rows: SparseArrays;
  cols: SparseArrays;
  probs: F32;
  /** Wᵀ of the layer being back-propagated. */
  wt: F32;
  /** dE/d(layer input), ping-ponged between two buffers. */
  dA: [F32, F32];
  /** ∂E/∂u of a batch-normalized layer being back-propagated. */
  dU: F32;
  /** Zeros, the bias of an activation applied after batch norm. */
  zeros: F32;
  bufs: LayerBuffers[];
  /** Adam's m and v per parameter, when the optimizer is Adam (then it runs here, see adamStep). */
  adamSlots?: [F32, F32][];
}

/** Sizes of a layer's parameters, in the order of Mlp.trainable: kernel, bias, [γ, β]. */
const paramSizes = (l: PassLayer): number[] => [l.fanIn * l.units, l.units, ...(l.batchNorm ? [l.units, l.units] : [])];

/** The one description of the pass's memory: used to size it (measure) and to place the arrays in it. */
function place(alloc: Allocator, layers: PassLayer[], features: number, n: number, adam: boolean): Layout {
  const nz = n * features;
  const maxIn = Math.max(...layers.map((l) => l.fanIn));
  const maxUnits = Math.max(...layers.map((l) => l.units));
  const bn = (units: number): BatchNormBuffers => ({
    z: alloc.f32(n * units),
    gamma: alloc.f32(units),
    beta: alloc.f32(units),
    dGamma: alloc.f32(units),
    dBeta: alloc.f32(units),
    mean: alloc.f32(units),
    variance: alloc.f32(units),
    rstd: alloc.f32(units),
    xhat: alloc.f32(n * units),
    movingMean: alloc.f32(units),
    movingVariance: alloc.f32(units),
  });
  const bufs = layers.map((l): LayerBuffers => {
    const out = alloc.f32(n * l.units);
    return {
      bn: l.batchNorm ? bn(l.units) : undefined,
      w: alloc.f32(l.fanIn * l.units),
      b: alloc.f32(l.units),
      gw: alloc.f32(l.fanIn * l.units),
      gb: alloc.f32(l.units),
      out,
      next: l.residual ? alloc.f32(n * l.units) : out,
      delta: alloc.f32(n * l.units),
    };
  });
  return {
    x: alloc.f32(nz),
    rows: { ptr: alloc.i32(n + 1), idx: alloc.i32(nz), val: alloc.f32(nz) },
    cols: { ptr: alloc.i32(features + 1), idx: alloc.i32(nz), val: alloc.f32(nz) },
    probs: alloc.f32(n * layers[layers.length - 1]!.units),
    wt: alloc.f32(Math.max(...layers.map((l) => l.fanIn * l.units))),
    dA: [alloc.f32(n * maxIn), alloc.f32(n * maxIn)],
    dU: alloc.f32(n * maxUnits),
    zeros: alloc.f32(maxUnits),
    bufs,
    adamSlots: adam ? layers.flatMap(paramSizes).map((size) => [alloc.f32(size), alloc.f32(size)]) : undefined,
  };
}

export class KernelPass {
  private readonly k: Kernels;
  private readonly m: Layout;
  /** Parameters in the order of Mlp.trainable (kernel, bias, [γ, β] per layer): views the optimizer updates in place. */
  readonly params: Float32Array[];
  private readonly paramBufs: F32[];
  private readonly gradBufs: F32[];
  private readonly grads: Float32Array[];
  private adamT = 0;
  /** Rows in the last pass. */
  private n = 0;

  constructor(
    private readonly layers: PassLayer[],
    private readonly features: number,
    private readonly maxBatch: number,
    private readonly optimizer?: ExperimentConfig['optimizer'],
  ) {
    const adam = optimizer?.kind === 'adam';
    this.k = new Kernels(KernelPass.bytesFor(layers, features, maxBatch, optimizer));
    this.m = place(this.k, layers, features, maxBatch, adam);
    this.paramBufs = this.m.bufs.flatMap((b) => [b.w, b.b, ...(b.bn ? [b.bn.gamma, b.bn.beta] : [])]);
    this.gradBufs = this.m.bufs.flatMap((b) => [b.gw, b.gb, ...(b.bn ? [b.bn.dGamma, b.bn.dBeta] : [])]);
    this.params = this.paramBufs.map((p) => p.a);
    this.grads = this.gradBufs.map((g) => g.a);
  }

  /** The kernel memory a pass needs (the largest configs exceed what a trainer should take; see choose-engine.ts). */
  static bytesFor(layers: PassLayer[], features: number, maxBatch: number, optimizer?: ExperimentConfig['optimizer']): number {
    return measure((alloc) => place(alloc, layers, features, maxBatch, optimizer?.kind === 'adam'));
  }

  /** Whether the optimizer runs in the kernels (Adam) rather than in JS (CpuOptimizer). */
  get ownsOptimizer(): boolean {
    return this.m.adamSlots !== undefined;
  }

  /** Adam over every parameter from the last pass's gradients; per parameter the sums the step reports. */
  adamStep(): ParamSumsOut[] {
    const slots = this.m.adamSlots;
    if (!slots || this.optimizer?.kind !== 'adam') throw new Error('this kernel pass was not set up for Adam');
    this.adamT++;
    const { beta1: b1, beta2: b2, epsilon: eps } = KERAS.adam;
    const hp = { b1, b2, eps, lr: this.optimizer.learningRate, c1: 1 - b1 ** this.adamT, c2: 1 - b2 ** this.adamT };
    return this.paramBufs.map((w, i) => this.k.adam(w, this.gradBufs[i]!, slots[i]![0], slots[i]![1], hp));
  }

  /** Layer l's running batch-norm statistics (views), or undefined without batch norm. */
  movingStats(l: number): { mean: Float32Array; variance: Float32Array } | undefined {
    const bn = this.m.bufs[l]!.bn;
    return bn && { mean: bn.movingMean.a, variance: bn.movingVariance.a };
  }

  /** Layer l's activation statistics ([mean, std, saturated, dead]) and Σδ² from the last pass. */
  layerStats(l: number): LayerActivityStats {
    const layer = this.layers[l]!;
    const count = this.n * layer.units;
    const act = l === this.layers.length - 1 ? this.m.probs : this.m.bufs[l]!.out;
    return this.k.activationStats(act, this.m.bufs[l]!.delta, count, layer.units, { band: saturationOf(layer.activation), dying: DYING.has(layer.activation) });
  }

  run(xBatch: Float32Array, y: Int32Array): PassResult {
    const n = y.length;
    if (n > this.maxBatch) throw new Error(`batch of ${n} exceeds the ${this.maxBatch} rows the kernels were sized for`);
    const { k, layers } = this;
    const { x, rows, cols, bufs, dA } = this.m;
    const L = layers.length;
    const F = this.features;
    this.n = n;
    x.a.set(xBatch.subarray(0, n * F));
    const nz = k.sparsify(x, n, F, rows, cols);
    const sparse = nz <= SPARSE_BELOW * n * F;

    // Forward.
    let input = x;
    for (let l = 0; l < L; l++) {
      const layer = layers[l]!;
      const buf = bufs[l]!;
      const z = buf.bn ? buf.bn.z : buf.out;
      if (l === 0 && sparse) k.sparseMatMul(rows.ptr, rows.idx, rows.val, buf.w, z, n, layer.units);
      else k.matMul(input, buf.w, z, n, layer.fanIn, layer.units);
      let bias = buf.b;
      if (buf.bn) {
        // z + b, normalized over the batch into u (the layer's output buffer); the activation then has no bias.
        k.biasActivation(z, buf.b, n, layer.units, ACT.linear);
        k.batchNormForward(z, buf.out, buf.bn, n, layer.units, BN_EPSILON);
        moveTowards(buf.bn, layer.units);
        bias = this.m.zeros;
      }
      // tanh forward stays in JS: Math.tanh is exact near 0, where 1 − 2/(e^{2z} + 1) in float32 is not.
      if (layer.activation === 'tanh') tanhBias(buf.out.a, bias.a, n, layer.units);
      else k.biasActivation(buf.out, bias, n, layer.units, actCode(layer.activation) as ForwardCode);
      if (layer.residual) k.add(buf.out, input, buf.next, n * layer.units);
      input = buf.next;
    }

    // Output: softmax and δ of the mean cross-entropy.
    const C = layers[L - 1]!.units;
    const logits = bufs[L - 1]!.out.a;
    const p = this.m.probs.a;
    const dOut = bufs[L - 1]!.delta.a;
    for (let r = 0; r < n; r++) {
      const o = r * C;
      let max = -Infinity;
      for (let c = 0; c < C; c++) max = Math.max(max, logits[o + c]!);
      let sum = 0;
      for (let c = 0; c < C; c++) sum += p[o + c] = Math.exp(logits[o + c]! - max);
      for (let c = 0; c < C; c++) {
        p[o + c] = p[o + c]! / sum;
        dOut[o + c] = (p[o + c]! - (c === y[r] ? 1 : 0)) / n;
      }
    }

    // Backward. dA ping-pongs between two buffers: dA[cur] is dE/d(input of layer l+1) on entry to layer l.
    let cur = 0;
    for (let l = L - 1; l >= 0; l--) {
      const layer = layers[l]!;
      const buf = bufs[l]!;
      const units = layer.units;
      if (l < L - 1 && buf.bn) {
        k.activationBackward(dA[cur], buf.out, this.m.dU, n * units, actCode(layer.activation));
        k.batchNormBackward(this.m.dU, buf.delta, buf.bn, n, units);
      } else if (l < L - 1) k.activationBackward(dA[cur], buf.out, buf.delta, n * units, actCode(layer.activation));
      const layerInput = l === 0 ? x : bufs[l - 1]!.next;
      if (l === 0 && sparse) k.sparseMatMul(cols.ptr, cols.idx, cols.val, buf.delta, buf.gw, F, units);
      else k.matMulTA(layerInput, buf.delta, buf.gw, n, layer.fanIn, units);
      k.columnSums(buf.delta, buf.gb, n, units);
      if (l > 0) {
        const nextBuf = dA[1 - cur]!;
        k.transpose(buf.w, this.m.wt, layer.fanIn, units);
        // Residual: dE/da_in = δ·Wᵀ + dE/da_out (the skip connection carries the gradient unchanged).
        if (layer.residual) nextBuf.a.set(dA[cur].a.subarray(0, n * units));
        k.matMul(buf.delta, this.m.wt, nextBuf, n, units, layer.fanIn, layer.residual);
        cur = 1 - cur;
      }
    }

    return { logits: logits.subarray(0, n * C), grads: this.grads };
  }
}

/** Keras's running statistics: moving ← moving·momentum + batch·(1 − momentum), in float32 as tf ops. */
function moveTowards(bn: BatchNormBuffers, units: number): void {
  const f = Math.fround;
  const keep = f(BN_MOMENTUM);
  const take = f(1 - BN_MOMENTUM);
  for (let c = 0; c < units; c++) {
    bn.movingMean.a[c] = f(bn.movingMean.a[c]! * keep) + f(bn.mean.a[c]! * take);
    bn.movingVariance.a[c] = f(bn.movingVariance.a[c]! * keep) + f(bn.variance.a[c]! * take);
  }
}

function tanhBias(z: Float32Array, b: Float32Array, n: number, units: number): void {
  for (let r = 0; r < n; r++) {
    const o = r * units;
    for (let c = 0; c < units; c++) z[o + c] = Math.tanh(z[o + c]! + b[c]!);
  }
}
