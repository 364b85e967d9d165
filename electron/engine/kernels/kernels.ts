// Loads the training kernels (./assembly, embedded as ./kernels-wasm.ts) into a WebAssembly memory sized
// once for the model, and hands out float32/int32 arrays placed in that memory. A Kernels instance belongs to one
// trainer; arrays it returns stay valid for its lifetime (the memory never grows, so views never detach).
import { KERNELS_READY, type KernelsProbe } from '../../common/app-info';
import { KERNELS_WASM_BASE64 } from './kernels-wasm';

interface Exports {
  gemm(a: number, rs: number, ks: number, b: number, c: number, M: number, K: number, N: number, acc: number): void;
  spmm(ptr: number, idx: number, val: number, b: number, c: number, R: number, N: number, acc: number): void;
  sparsify(x: number, n: number, K: number, rowPtr: number, rowIdx: number, rowVal: number, colPtr: number, colIdx: number, colVal: number): number;
  transpose(src: number, dst: number, R: number, C: number): void;
  biasAct(z: number, b: number, n: number, units: number, kind: number): void;
  actBackward(dA: number, a: number, delta: number, count: number, kind: number): void;
  colSums(m: number, out: number, n: number, units: number): void;
  adam(w: number, g: number, m: number, v: number, count: number, lr: number, b1: number, b2: number, c1: number, c2: number, eps: number, out: number): void;
  actStats(a: number, delta: number, count: number, units: number, low: number, high: number, dying: number, out: number): void;
  bnForward(z: number, xhat: number, u: number, gamma: number, beta: number, mean: number, variance: number, rstd: number, n: number, units: number, eps: number): void;
  bnBackward(dU: number, xhat: number, gamma: number, rstd: number, dz: number, dGamma: number, dBeta: number, n: number, units: number): void;
  addInto(a: number, b: number, out: number, count: number): void;
  heapBase(): number;
}

/** Activation codes of the elementwise kernels. */
export const ACT = { linear: 0, sigmoid: 1, relu: 2, tanh: 3 } as const;
export type ActCode = (typeof ACT)[keyof typeof ACT];
/** The activations biasActivation computes (tanh's forward pass stays in JS, see kernel-pass.ts). */
export type ForwardCode = Exclude<ActCode, typeof ACT.tanh>;

/** Per-parameter sums a step reports (see adam in ./assembly/reductions.ts). */
export interface ParamSumsOut {
  sumSq: number;
  sumAbs: number;
  maxAbs: number;
  zeros: number;
  weightSq: number;
  updateSq: number;
}

let compiled: WebAssembly.Module | undefined;

function kernelModule(): WebAssembly.Module {
  compiled ??= new WebAssembly.Module(Buffer.from(KERNELS_WASM_BASE64, 'base64'));
  return compiled;
}

/** Whether this runtime can run the kernels (WebAssembly with SIMD). */
export function kernelsAvailable(): boolean {
  return probeKernels().available;
}

/** Whether the kernels compile here, and why not (as About and `gradient-lab info` show it). */
export function probeKernels(): KernelsProbe {
  try {
    kernelModule();
    return { available: true, reason: KERNELS_READY };
  } catch (e) {
    return { available: false, reason: `WebAssembly SIMD kernels failed to load: ${(e as Error).message}` };
  }
}

/** A float32 matrix (or vector) in kernel memory: its byte offset and a view of it. */
export interface F32 {
  ptr: number;
  a: Float32Array;
}
export interface I32 {
  ptr: number;
  a: Int32Array;
}

const PAGE = 65536;

/** Places arrays: Kernels in its memory, measure() only counting. */
export interface Allocator {
  f32(n: number): F32;
  i32(n: number): I32;
}

/** The bytes a layout function takes from a Kernels memory, without placing anything. */
export function measure(layout: (alloc: Allocator) => void): number {
  let bytes = 0;
  layout({
    f32: (n) => ((bytes += Kernels.size(n)), { ptr: 0, a: new Float32Array(0) }),
    i32: (n) => ((bytes += Kernels.size(n)), { ptr: 0, a: new Int32Array(0) }),
  });
  return bytes;
}

export class Kernels implements Allocator {
  private readonly memory: WebAssembly.Memory;
  private readonly x: Exports;
  private next: number;
  private readonly end: number;
  /** Where the reducing kernels leave their float64 results. */
  private readonly outPtr: number;
  private readonly out: Float64Array;

  /** `bytes`: everything the caller will allocate (each array is rounded up to 16 bytes). */
  constructor(bytes: number) {
    const probe = new WebAssembly.Memory({ initial: 1 });
    const base = (new WebAssembly.Instance(kernelModule(), { env: { memory: probe } }).exports as unknown as Exports).heapBase();
    const start = Math.ceil(base / 16) * 16;
    this.memory = new WebAssembly.Memory({ initial: Math.ceil((start + bytes + 64) / PAGE) });
    this.x = new WebAssembly.Instance(kernelModule(), { env: { memory: this.memory } }).exports as unknown as Exports;
    this.next = start;
    this.end = this.memory.buffer.byteLength;
    this.outPtr = this.take(16);
    this.out = new Float64Array(this.memory.buffer, this.outPtr, 8);
  }


  /** Bytes an array of n 4-byte values takes from the budget (the constructor adds its own 64). */
  static size(n: number): number {
    return Math.ceil((4 * n) / 16) * 16;
  }

  private take(n: number): number {
    const ptr = this.next;
    this.next += Kernels.size(n);
    if (this.next > this.end) throw new Error(`kernel memory exhausted: ${this.next} > ${this.end} bytes`);
    return ptr;
  }

  f32(n: number): F32 {
    const ptr = this.take(n);
    return { ptr, a: new Float32Array(this.memory.buffer, ptr, n) };
  }

  i32(n: number): I32 {
    const ptr = this.take(n);
    return { ptr, a: new Int32Array(this.memory.buffer, ptr, n) };
  }

  /** c[M×N] (= or +=) a[M×K]·b[K×N]. */
  matMul(a: F32, b: F32, c: F32, M: number, K: number, N: number, accumulate = false): void {
    this.x.gemm(a.ptr, K, 1, b.ptr, c.ptr, M, K, N, accumulate ? 1 : 0);
  }

  /** c[K×N] (= or +=) aᵀ·b for a[M×K], b[M×N]. */
  matMulTA(a: F32, b: F32, c: F32, M: number, K: number, N: number, accumulate = false): void {
    this.x.gemm(a.ptr, 1, K, b.ptr, c.ptr, K, M, N, accumulate ? 1 : 0);
  }

  /** c[R×N] (= or +=) S·b for S given by compressed rows. */
  sparseMatMul(ptr: I32, idx: I32, val: F32, b: F32, c: F32, R: number, N: number, accumulate = false): void {
    this.x.spmm(ptr.ptr, idx.ptr, val.ptr, b.ptr, c.ptr, R, N, accumulate ? 1 : 0);
  }

  /** Compress x[n×K] by rows and by columns; returns the number of nonzeros (the arrays need n·K room). */
  sparsify(x: F32, n: number, K: number, rows: SparseArrays, cols: SparseArrays): number {
    return this.x.sparsify(x.ptr, n, K, rows.ptr.ptr, rows.idx.ptr, rows.val.ptr, cols.ptr.ptr, cols.idx.ptr, cols.val.ptr);
  }

  transpose(src: F32, dst: F32, R: number, C: number): void {
    this.x.transpose(src.ptr, dst.ptr, R, C);
  }

  /** z[n×units] ← act(z + b) (linear, sigmoid, ReLU). */
  biasActivation(z: F32, b: F32, n: number, units: number, kind: ForwardCode): void {
    this.x.biasAct(z.ptr, b.ptr, n, units, kind);
  }

  /** δ[count] ← dA ∘ act'(a). */
  activationBackward(dA: F32, a: F32, delta: F32, count: number, kind: ActCode): void {
    this.x.actBackward(dA.ptr, a.ptr, delta.ptr, count, kind);
  }

  columnSums(m: F32, out: F32, n: number, units: number): void {
    this.x.colSums(m.ptr, out.ptr, n, units);
  }

  /** One Adam step of w from g over the slots m, v; the sums of the same pass. */
  adam(w: F32, g: F32, m: F32, v: F32, hp: { lr: number; b1: number; b2: number; c1: number; c2: number; eps: number }): ParamSumsOut {
    this.x.adam(w.ptr, g.ptr, m.ptr, v.ptr, w.a.length, hp.lr, hp.b1, hp.b2, hp.c1, hp.c2, hp.eps, this.outPtr);
    const o = this.out;
    return { sumSq: o[0]!, sumAbs: o[1]!, maxAbs: o[2]!, zeros: o[3]!, weightSq: o[4]!, updateSq: o[5]! };
  }

  /**
   * [mean, std, saturated share, dead share] of activations a and Σδ² of the layer's δ (both `count` long), by the
   * rules of ../train/statistics.ts: saturated outside `band` (none: cannot saturate), dead units when `dying`.
   */
  activationStats(a: F32, delta: F32, count: number, units: number, rule: { band?: { low: number; high: number }; dying: boolean }): { act: [number, number, number, number]; deltaSq: number } {
    const band = rule.band ?? { low: -Infinity, high: Infinity };
    this.x.actStats(a.ptr, delta.ptr, count, units, band.low, band.high, rule.dying ? 1 : 0, this.outPtr);
    const o = this.out;
    return { act: [o[0]!, o[1]!, o[2]!, o[3]!], deltaSq: o[4]! };
  }

  /** Batch normalization in training mode of z[n×units] into u (may be z): fills mean, variance, rstd, xhat. */
  batchNormForward(z: F32, u: F32, bn: BatchNormArrays, n: number, units: number, eps: number): void {
    this.x.bnForward(z.ptr, bn.xhat.ptr, u.ptr, bn.gamma.ptr, bn.beta.ptr, bn.mean.ptr, bn.variance.ptr, bn.rstd.ptr, n, units, eps);
  }

  /** ∂E/∂z, ∂E/∂γ and ∂E/∂β from ∂E/∂u, with the xhat and rstd of the forward pass. */
  batchNormBackward(dU: F32, dz: F32, bn: BatchNormArrays, n: number, units: number): void {
    this.x.bnBackward(dU.ptr, bn.xhat.ptr, bn.gamma.ptr, bn.rstd.ptr, dz.ptr, bn.dGamma.ptr, bn.dBeta.ptr, n, units);
  }

  /** out[count] = a + b. */
  add(a: F32, b: F32, out: F32, count: number): void {
    this.x.addInto(a.ptr, b.ptr, out.ptr, count);
  }
}

/** A batch-normalized layer's arrays in kernel memory. */
export interface BatchNormArrays {
  gamma: F32;
  beta: F32;
  dGamma: F32;
  dBeta: F32;
  /** This batch's moments and 1/√(σ² + ε), [units]. */
  mean: F32;
  variance: F32;
  rstd: F32;
  /** x̂ = (z − μ)·rstd, [n × units]. */
  xhat: F32;
}

export interface SparseArrays {
  ptr: I32;
  idx: I32;
  val: F32;
}
