// The forward and backward pass of a plain MLP on Gradient Lab's own WebAssembly kernels (../kernels), for the
// backends where tfjs itself runs on the CPU (wasm, cpu). Same mathematics as the tfjs pass in host-step.ts:
//   z = a·W + b, a' = act(z) (+ a when residual); logits → softmax → mean cross-entropy;
//   δ_L = (p − onehot)/n, δ_l = dA ∘ act'(a'), dW = aᵀ·δ, db = Σ_rows δ, dA_prev = δ·Wᵀ (+ dA when residual).
// The weights, gradients, activations and δ live in the kernels' memory for the whole run and are handed to the
// optimizer and the statistics as views, so a step allocates nothing and copies nothing but the batch.
// The first layer multiplies the batch as a sparse matrix (MNIST images are about four-fifths zeros; skipping
// exact zeros changes no sum but its order).
import type { Activation, ExperimentConfig } from '../../common/config';
import { ACT, Kernels, type ActCode, type F32, type ParamSumsOut, type SparseArrays } from '../kernels/kernels';

export interface PassLayer {
  fanIn: number;
  units: number;
  activation: Activation | 'softmax';
  residual: boolean;
}

/** What one pass leaves for the rest of the step (all views into kernel memory, valid until the next pass). */
export interface PassResult {
  logits: Float32Array;
  /** kernel, bias gradient per layer. */
  grads: Float32Array[];
  /** δ per layer. */
  deltas: Float32Array[];
  /** activation outputs of the hidden layers (before any residual sum), then the softmax probabilities. */
  acts: Float32Array[];
}

/** Use the sparse first-layer product while at most this share of the batch is nonzero. */
const SPARSE_BELOW = 0.5;

/** The elementwise kernels' code for an activation; tanh's forward pass stays in JS (Math.tanh). */
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

/** Keras's Adam constants (as optimizer.ts gives tf.train.adam). */
const ADAM = { b1: 0.9, b2: 0.999, eps: 1e-7 };

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
}

export class KernelPass {
  private readonly k: Kernels;
  private readonly L: number;
  private readonly bufs: LayerBuffers[];
  private readonly x: F32;
  private readonly rows: SparseArrays;
  private readonly cols: SparseArrays;
  private readonly probs: F32;
  private readonly wt: F32;
  private readonly dA: [F32, F32];
  /** Parameters in the order of Mlp.trainable (kernel, bias per layer): views the optimizer updates in place. */
  readonly params: Float32Array[];
  private readonly paramBufs: F32[];
  private readonly gradBufs: F32[];
  /** Adam's m and v per parameter, when the optimizer is Adam (then it runs here, see adamStep). */
  private readonly adamSlots?: [F32, F32][];
  private adamT = 0;
  /** Rows in the last pass. */
  private n = 0;

  constructor(
    private readonly layers: PassLayer[],
    private readonly features: number,
    private readonly maxBatch: number,
    private readonly optimizer?: ExperimentConfig['optimizer'],
  ) {
    this.L = layers.length;
    const n = maxBatch;
    const nz = n * features;
    const maxIn = Math.max(...layers.map((l) => l.fanIn));
    const maxWT = Math.max(...layers.map((l) => l.fanIn * l.units));
    const C = layers[this.L - 1]!.units;
    const adam = optimizer?.kind === 'adam';
    this.k = new Kernels(KernelPass.bytesFor(layers, features, maxBatch, optimizer));
    const k = this.k;
    this.x = k.f32(nz);
    this.rows = { ptr: k.i32(n + 1), idx: k.i32(nz), val: k.f32(nz) };
    this.cols = { ptr: k.i32(features + 1), idx: k.i32(nz), val: k.f32(nz) };
    this.probs = k.f32(n * C);
    this.wt = k.f32(maxWT);
    this.dA = [k.f32(n * maxIn), k.f32(n * maxIn)];
    this.bufs = layers.map((l) => {
      const out = k.f32(n * l.units);
      return {
        w: k.f32(l.fanIn * l.units),
        b: k.f32(l.units),
        gw: k.f32(l.fanIn * l.units),
        gb: k.f32(l.units),
        out,
        next: l.residual ? k.f32(n * l.units) : out,
        delta: k.f32(n * l.units),
      };
    });
    this.paramBufs = this.bufs.flatMap((b) => [b.w, b.b]);
    this.gradBufs = this.bufs.flatMap((b) => [b.gw, b.gb]);
    this.params = this.paramBufs.map((p) => p.a);
    if (adam) this.adamSlots = this.paramBufs.map((p) => [k.f32(p.a.length), k.f32(p.a.length)]);
  }

  /** The kernel memory a pass needs (the largest configs exceed what a trainer should take; see host-step.ts). */
  static bytesFor(layers: PassLayer[], features: number, maxBatch: number, optimizer?: ExperimentConfig['optimizer']): number {
    const n = maxBatch;
    const nz = n * features;
    const maxIn = Math.max(...layers.map((l) => l.fanIn));
    const maxWT = Math.max(...layers.map((l) => l.fanIn * l.units));
    const C = layers[layers.length - 1]!.units;
    const S = Kernels.size;
    let bytes = S(nz) + 2 * (S(n + 1) + S(features + 1) + 2 * S(nz)) + S(n * C) + S(maxWT) + 2 * S(n * maxIn);
    const slots = optimizer?.kind === 'adam' ? 4 : 2;
    for (const l of layers) bytes += slots * (S(l.fanIn * l.units) + S(l.units)) + (l.residual ? 3 : 2) * S(n * l.units);
    return bytes;
  }

  /** Whether the optimizer runs in the kernels (Adam) rather than on the host (HostOptimizer). */
  get ownsOptimizer(): boolean {
    return this.adamSlots !== undefined;
  }

  /** Adam over every parameter from the last pass's gradients; per parameter the sums the step reports. */
  adamStep(): ParamSumsOut[] {
    const slots = this.adamSlots;
    if (!slots || this.optimizer?.kind !== 'adam') throw new Error('this kernel pass was not set up for Adam');
    this.adamT++;
    const hp = { ...ADAM, lr: this.optimizer.learningRate, c1: 1 - ADAM.b1 ** this.adamT, c2: 1 - ADAM.b2 ** this.adamT };
    return this.paramBufs.map((w, i) => this.k.adam(w, this.gradBufs[i]!, slots[i]![0], slots[i]![1], hp));
  }

  /** Layer l's activation statistics ([mean, std, saturated, dead]) and Σδ² from the last pass. */
  layerStats(l: number): { act: [number, number, number, number]; deltaSq: number } {
    const layer = this.layers[l]!;
    const count = this.n * layer.units;
    const act = l === this.L - 1 ? this.probs : this.bufs[l]!.out;
    return this.k.activationStats(act, this.bufs[l]!.delta, count, layer.units, actCode(layer.activation));
  }

  run(xBatch: Float32Array, y: Int32Array): PassResult {
    const n = y.length;
    if (n > this.maxBatch) throw new Error(`batch of ${n} exceeds the ${this.maxBatch} rows the kernels were sized for`);
    const { k, L, bufs, layers } = this;
    const F = this.features;
    this.n = n;
    this.x.a.set(xBatch.subarray(0, n * F));
    const nz = k.sparsify(this.x, n, F, this.rows, this.cols);
    const sparse = nz <= SPARSE_BELOW * n * F;

    // Forward.
    let input = this.x;
    for (let l = 0; l < L; l++) {
      const layer = layers[l]!;
      const buf = bufs[l]!;
      if (l === 0 && sparse) k.sparseMatMul(this.rows.ptr, this.rows.idx, this.rows.val, buf.w, buf.out, n, layer.units);
      else k.matMul(input, buf.w, buf.out, n, layer.fanIn, layer.units);
      if (layer.activation === 'tanh') tanhBias(buf.out.a, buf.b.a, n, layer.units);
      else k.biasActivation(buf.out, buf.b, n, layer.units, actCode(layer.activation));
      if (layer.residual) {
        const o = buf.out.a;
        const s = buf.next.a;
        const a = input.a;
        for (let i = 0; i < n * layer.units; i++) s[i] = o[i]! + a[i]!;
      }
      input = buf.next;
    }

    // Output: softmax and δ of the mean cross-entropy.
    const C = layers[L - 1]!.units;
    const logits = bufs[L - 1]!.out.a;
    const p = this.probs.a;
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
      if (l < L - 1) k.activationBackward(this.dA[cur]!, buf.out, buf.delta, n * units, actCode(layer.activation));
      const layerInput = l === 0 ? this.x : bufs[l - 1]!.next;
      if (l === 0 && sparse) k.sparseMatMul(this.cols.ptr, this.cols.idx, this.cols.val, buf.delta, buf.gw, F, units);
      else k.matMulTA(layerInput, buf.delta, buf.gw, n, layer.fanIn, units);
      k.columnSums(buf.delta, buf.gb, n, units);
      if (l > 0) {
        const nextBuf = this.dA[1 - cur]!;
        k.transpose(buf.w, this.wt, layer.fanIn, units);
        // Residual: dE/da_in = δ·Wᵀ + dE/da_out (the skip connection carries the gradient unchanged).
        if (layer.residual) nextBuf.a.set(this.dA[cur]!.a.subarray(0, n * units));
        k.matMul(buf.delta, this.wt, nextBuf, n, units, layer.fanIn, layer.residual);
        cur = 1 - cur;
      }
    }

    return {
      logits: logits.subarray(0, n * C),
      grads: bufs.flatMap((b) => [b.gw.a, b.gb.a]),
      deltas: bufs.map((b, l) => b.delta.a.subarray(0, n * layers[l]!.units)),
      acts: [...bufs.slice(0, L - 1).map((b, l) => b.out.a.subarray(0, n * layers[l]!.units)), p.subarray(0, n * C)],
    };
  }
}

function tanhBias(z: Float32Array, b: Float32Array, n: number, units: number): void {
  for (let r = 0; r < n; r++) {
    const o = r * units;
    for (let c = 0; c < units; c++) z[o + c] = Math.tanh(z[o + c]! + b[c]!);
  }
}
