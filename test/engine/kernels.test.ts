// Gradient Lab's WebAssembly training kernels against tfjs's own ops on the cpu backend (plain float math in
// JS): matrix products of awkward shapes, the sparse first layer, the activations (including where the
// sigmoid reaches exactly 1, which is the seed's whole story), Adam, the statistics — and a full-size seed
// model trained step by step on the kernels and on tfjs ops, which must report the same numbers.
import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import type { ExperimentConfig } from '../../electron/common/config';
import { selectBackend } from '../../electron/engine/backends';
import { loadDataset } from '../../electron/engine/data/load';
import { KERNELS_WASM_BASE64 } from '../../electron/engine/kernels/kernels-wasm';
import { ACT, Kernels, kernelsAvailable, type F32 } from '../../electron/engine/kernels/kernels';
import { buildMlp } from '../../electron/engine/model/mlp';
import { rows } from '../../electron/engine/train/evaluate';
import { engineFor } from '../../electron/engine/train/choose-engine';
import type { StepResult } from '../../electron/engine/train/engine';
import { FastStep } from '../../electron/engine/train/fast-step';
import { KernelPass } from '../../electron/engine/train/kernel-pass';
import { activationStatsOf, DYING, SATURATION, saturationOf, sumSq } from '../../electron/engine/train/statistics';
import { compileKernels } from '../../scripts/build-kernels';
import { configOf, expectSameStep } from './helpers';

/** A deterministic pseudo-random float in [-1, 1) per index. */
const noise = (i: number, salt = 0) => (Math.sin(i * 12.9898 + salt * 78.233) * 43758.5453) % 1;

function filled(k: Kernels, n: number, f: (i: number) => number): F32 {
  const m = k.f32(n);
  for (let i = 0; i < n; i++) m.a[i] = f(i);
  return m;
}

function maxRelErr(got: ArrayLike<number>, want: ArrayLike<number>): number {
  let worst = 0;
  for (let i = 0; i < want.length; i++) worst = Math.max(worst, Math.abs(got[i]! - want[i]!) / Math.max(1, Math.abs(want[i]!)));
  return worst;
}

const rel = (a: number, b: number) => Math.abs(a - b) / Math.max(Math.abs(b), 1e-30);

beforeAll(async () => {
  expect((await selectBackend('cpu')).backend).toBe('cpu');
});

describe('the embedded kernel binary', () => {
  it('is what the AssemblyScript source compiles to today (run `npm run build:kernels` after editing it)', async () => {
    const fresh = await compileKernels();
    expect(Buffer.from(fresh).toString('base64')).toBe(KERNELS_WASM_BASE64);
  }, 120_000);

  it('loads in this runtime', () => {
    expect(kernelsAvailable()).toBe(true);
  });
});

describe('matrix products', () => {
  // Shapes hit every edge of the 4×8 tiles: single rows and columns, remainders of 1–7, the seed's layer.
  const SHAPES: [number, number, number][] = [
    [1, 1, 1],
    [3, 5, 7],
    [4, 8, 8],
    [5, 9, 13],
    [17, 33, 10],
    [128, 784, 128],
  ];

  it.each(SHAPES)('a·b and aᵀ·b for %i×%i by %i×… equal tf.matMul, also accumulating', (M, K, N) => {
    const k = new Kernels(Kernels.size(M * K) + Kernels.size(K * N) + 3 * Kernels.size(M * N) + 2 * Kernels.size(K * N) + 1024);
    const a = filled(k, M * K, (i) => noise(i, 1));
    const b = filled(k, K * N, (i) => noise(i, 2));
    const c = filled(k, M * N, () => 5);
    // float32 sums of K products in another order: a few ulps per term at most.
    const tol = 1e-6 + 5e-8 * K;
    k.matMul(a, b, c, M, K, N);
    const want = tf.matMul(tf.tensor2d(a.a, [M, K]), tf.tensor2d(b.a, [K, N])).dataSync();
    expect(maxRelErr(c.a, want)).toBeLessThan(tol);
    k.matMul(a, b, c, M, K, N, true);
    expect(maxRelErr(c.a, Float32Array.from(want, (v) => 2 * v))).toBeLessThan(tol);

    const d = filled(k, M * N, (i) => noise(i, 3));
    const g = k.f32(K * N);
    k.matMulTA(a, d, g, M, K, N);
    const wantT = tf.matMul(tf.tensor2d(a.a, [M, K]), tf.tensor2d(d.a, [M, N]), true, false).dataSync();
    expect(maxRelErr(g.a, wantT)).toBeLessThan(1e-6 + 5e-8 * M);
  });

  it('the sparse product and the sparse transposed product equal the dense ones on MNIST images', async () => {
    const data = await loadDataset({ kind: 'mnist', trainSize: 200, testSize: 10 }, 1);
    const n = 100;
    const F = data.features;
    const N = 45; // one 32-column tile, three of 4 and one single column
    const k = new Kernels(8 * Kernels.size(n * F) + 8 * Kernels.size(F * N) + 4096);
    const x = k.f32(n * F);
    x.a.set(data.trainX.subarray(0, n * F));
    x.a[5] = -0; // a negative zero counts as zero, as in the dense product
    const rowsArr = { ptr: k.i32(n + 1), idx: k.i32(n * F), val: k.f32(n * F) };
    const colsArr = { ptr: k.i32(F + 1), idx: k.i32(n * F), val: k.f32(n * F) };
    const nz = k.sparsify(x, n, F, rowsArr, colsArr);
    const dense = Array.from(x.a).filter((v) => v !== 0).length;
    expect(nz).toBe(dense);
    expect(nz / (n * F)).toBeLessThan(0.3); // MNIST is mostly background
    expect(rowsArr.ptr.a[n]).toBe(nz);
    expect(colsArr.ptr.a[F]).toBe(nz);

    const w = filled(k, F * N, (i) => noise(i, 4));
    const z = k.f32(n * N);
    k.sparseMatMul(rowsArr.ptr, rowsArr.idx, rowsArr.val, w, z, n, N);
    expect(maxRelErr(z.a, tf.matMul(tf.tensor2d(x.a, [n, F]), tf.tensor2d(w.a, [F, N])).dataSync())).toBeLessThan(1e-5);

    const delta = filled(k, n * N, (i) => noise(i, 5));
    const g = k.f32(F * N);
    k.sparseMatMul(colsArr.ptr, colsArr.idx, colsArr.val, delta, g, F, N);
    expect(maxRelErr(g.a, tf.matMul(tf.tensor2d(x.a, [n, F]), tf.tensor2d(delta.a, [n, N]), true, false).dataSync())).toBeLessThan(1e-5);
  });
});

describe('activations', () => {
  it('sigmoid, ReLU and linear with a bias equal tfjs, and the sigmoid is exactly 1 (or 0) where tfjs says so', () => {
    // z from −120 to 120 in steps of 1/64: covers the region where float32 sigmoid rounds to exactly 1.
    const units = 8;
    const n = (240 * 64) / units;
    const k = new Kernels(4 * Kernels.size(n * units) + 1024);
    const bias = filled(k, units, (c) => c / 128);
    const zs = Float32Array.from({ length: n * units }, (_, i) => -120 + i / 64);
    const withBias = tf.add(tf.tensor2d(zs, [n, units]), tf.tensor1d(bias.a));
    for (const [kind, want] of [
      [ACT.sigmoid, tf.sigmoid(withBias)],
      [ACT.relu, tf.relu(withBias)],
      [ACT.linear, withBias],
    ] as const) {
      const z = k.f32(n * units);
      z.a.set(zs);
      k.biasActivation(z, bias, n, units, kind);
      const w = want.dataSync();
      let worst = 0;
      for (let i = 0; i < w.length; i++) worst = Math.max(worst, Math.abs(z.a[i]! - w[i]!) / Math.max(Math.abs(w[i]!), 1e-30));
      expect(worst, `kind ${kind}`).toBeLessThan(3e-7);
      if (kind === ACT.sigmoid) {
        const ones = (a: ArrayLike<number>) => Array.from(a).filter((v) => v === 1).length;
        const zeros = (a: ArrayLike<number>) => Array.from(a).filter((v) => v === 0).length;
        expect(ones(z.a)).toBeGreaterThan(1000);
        expect(Math.abs(ones(z.a) - ones(w))).toBeLessThanOrEqual(1);
        expect(zeros(z.a)).toBe(zeros(w));
      }
    }
  });

  it('the backward pass of each activation equals tfjs’s gradient', () => {
    const count = 1001;
    const k = new Kernels(4 * Kernels.size(count) + 1024);
    const dA = filled(k, count, (i) => noise(i, 6));
    const z = Float32Array.from({ length: count }, (_, i) => -8 + (16 * i) / count);
    for (const [kind, f] of [
      [ACT.sigmoid, tf.sigmoid],
      [ACT.tanh, tf.tanh],
      [ACT.relu, tf.relu],
      [ACT.linear, (t: tf.Tensor) => tf.mul(t, 1)],
    ] as const) {
      const a = k.f32(count);
      a.a.set(f(tf.tensor1d(z)).dataSync());
      const delta = k.f32(count);
      k.activationBackward(dA, a, delta, count, kind);
      const want = tf.grad((t: tf.Tensor) => f(t))(tf.tensor1d(z), tf.tensor1d(dA.a)).dataSync();
      expect(maxRelErr(delta.a, want), `kind ${kind}`).toBeLessThan(1e-6);
    }
  });
});

describe('batch normalization', () => {
  it('forward (moments, x̂, γx̂ + β) and backward (δ, ∂γ, ∂β) equal tf ops and tf.grads, widths with and without a tail of 4', () => {
    for (const [n, units] of [
      [33, 12],
      [128, 10],
      [7, 1],
    ] as const) {
      const k = new Kernels(10 * Kernels.size(n * units) + 1024);
      const z = filled(k, n * units, (i) => 3 * noise(i, 21) + (i % units));
      const dU = filled(k, n * units, (i) => noise(i, 22));
      const bn = {
        gamma: filled(k, units, (i) => 1 + noise(i, 23) / 2),
        beta: filled(k, units, (i) => noise(i, 24)),
        dGamma: k.f32(units),
        dBeta: k.f32(units),
        mean: k.f32(units),
        variance: k.f32(units),
        rstd: k.f32(units),
        xhat: k.f32(n * units),
      };
      const u = k.f32(n * units);
      const dz = k.f32(n * units);
      k.batchNormForward(z, u, bn, n, units, 1e-3);
      k.batchNormBackward(dU, dz, bn, n, units);
      // The model's own formula (model/mlp.ts), differentiated by tf.
      const f = (zt: tf.Tensor, g: tf.Tensor, b: tf.Tensor) => {
        const { mean, variance } = tf.moments(zt, 0);
        return tf.add(tf.mul(tf.div(tf.sub(zt, mean), tf.sqrt(tf.add(variance, 1e-3))), g), b);
      };
      const zt = tf.tensor2d(Float32Array.from(z.a), [n, units]);
      const gt = tf.tensor1d(Float32Array.from(bn.gamma.a));
      const bt = tf.tensor1d(Float32Array.from(bn.beta.a));
      const moments = tf.moments(zt, 0);
      expect(maxRelErr(bn.mean.a, moments.mean.dataSync()), `${n}×${units} mean`).toBeLessThan(1e-5);
      expect(maxRelErr(bn.variance.a, moments.variance.dataSync()), `${n}×${units} variance`).toBeLessThan(1e-5);
      expect(maxRelErr(u.a, f(zt, gt, bt).dataSync()), `${n}×${units} u`).toBeLessThan(1e-5);
      const [wantDz, wantDg, wantDb] = tf.grads((a: tf.Tensor, g: tf.Tensor, b: tf.Tensor) => f(a, g, b))([zt, gt, bt], tf.tensor2d(Float32Array.from(dU.a), [n, units]));
      expect(maxRelErr(dz.a, wantDz!.dataSync()), `${n}×${units} δ`).toBeLessThan(1e-4);
      expect(maxRelErr(bn.dGamma.a, wantDg!.dataSync()), `${n}×${units} ∂γ`).toBeLessThan(1e-5);
      expect(maxRelErr(bn.dBeta.a, wantDb!.dataSync()), `${n}×${units} ∂β`).toBeLessThan(1e-5);
    }
  });
});

describe('optimizer and statistics', () => {
  it('Adam equals tf.train.adam for 5 steps and reports the gradient, weight and update sums', () => {
    const size = 1003;
    const k = new Kernels(6 * Kernels.size(size) + 1024);
    const w = filled(k, size, (i) => noise(i, 7));
    const g = k.f32(size);
    const m = k.f32(size);
    const v = k.f32(size);
    // A copy: on the cpu backend a tensor made from a Float32Array shares it.
    const variable = tf.variable(tf.tensor1d(Float32Array.from(w.a)));
    const reference = tf.train.adam(0.01, 0.9, 0.999, 1e-7);
    for (let t = 1; t <= 5; t++) {
      for (let i = 0; i < size; i++) g.a[i] = i % 10 === 0 ? 0 : noise(i, 10 + t);
      const before = Float32Array.from(w.a);
      const sums = k.adam(w, g, m, v, { lr: 0.01, b1: 0.9, b2: 0.999, eps: 1e-7, c1: 1 - 0.9 ** t, c2: 1 - 0.999 ** t });
      reference.applyGradients([{ name: variable.name, tensor: tf.tensor1d(Float32Array.from(g.a)) }]);
      expect(maxRelErr(w.a, variable.dataSync())).toBeLessThan(1e-6);
      // Squares are taken in float32 and summed in float64: a relative 1e-6 covers the difference.
      expect(rel(sums.sumSq, sumSq(g.a))).toBeLessThan(1e-6);
      expect(rel(sums.sumAbs, g.a.reduce((s, x) => s + Math.abs(x), 0))).toBeLessThan(1e-6);
      expect(sums.maxAbs).toBe(g.a.reduce((s, x) => Math.max(s, Math.abs(x)), 0));
      expect(sums.zeros).toBe(101);
      expect(rel(sums.weightSq, sumSq(before))).toBeLessThan(1e-6);
      expect(rel(sums.updateSq, before.reduce((s, x, i) => s + (w.a[i]! - x) ** 2, 0))).toBeLessThan(1e-6);
    }
  });

  it('a NaN gradient shows in the maximum (the divergence check relies on it)', () => {
    const k = new Kernels(5 * Kernels.size(9) + 1024);
    const g = filled(k, 9, (i) => (i === 6 ? NaN : 1));
    expect(k.adam(k.f32(9), g, k.f32(9), k.f32(9), { lr: 0.01, b1: 0.9, b2: 0.999, eps: 1e-7, c1: 0.1, c2: 0.001 }).maxAbs).toBeNaN();
  });

  it('activation statistics equal the one definition (statistics.ts) for each activation, at the thresholds too', () => {
    const units = 12;
    const n = 33;
    const k = new Kernels(3 * Kernels.size(n * units) + 1024);
    const delta = filled(k, n * units, (i) => noise(i, 8));
    for (const [name, gen] of [
      ['sigmoid', (i: number) => (i % 5 === 0 ? 1 : i % 7 === 0 ? 0.004 : 0.5 + noise(i, 9) / 2.2)],
      ['tanh', (i: number) => (i % 4 === 0 ? -0.995 : noise(i, 9))],
      ['relu', (i: number) => (i % units < 3 ? 0 : Math.max(0, noise(i, 9)))],
      // Values exactly at and just past each band's edges: the rule is strict (< low, > high) everywhere.
      ['sigmoid', (i: number) => [0.01, 0.99, 0.0099, 0.9901, 0.5][i % 5]!],
      ['tanh', (i: number) => [-0.99, 0.99, -0.9901, 0.9901, 0][i % 5]!],
    ] as const) {
      const a = filled(k, n * units, gen);
      const got = k.activationStats(a, delta, n * units, units, { band: saturationOf(name), dying: DYING.has(name) });
      const want = activationStatsOf(name, a.a, units);
      got.act.forEach((v, i) => expect(v, `${name} stat ${i}`).toBeCloseTo(want[i]!, 6));
      expect(rel(got.deltaSq, sumSq(delta.a))).toBeLessThan(1e-6);
    }
    expect(SATURATION.sigmoid).toEqual({ low: 0.01, high: 0.99 });
  });
});

describe('a full training step on the kernels', () => {
  /**
   * Train `model` (Adam 1e-3, batch 128, statistics every step) for 12 steps on both engines from the same initial
   * weights and batches; every reported value must agree within 1e-4. `check` sees each kernel step's values.
   */
  async function sameAsTfjsOps(model: ExperimentConfig['model'], weightSeed: number, check?: (result: StepResult) => void): Promise<void> {
    const config = configOf({
      dataset: { kind: 'mnist', trainSize: 1536, testSize: 10 },
      model,
      optimizer: { kind: 'adam', learningRate: 1e-3 },
      training: { epochs: 1, batchSize: 128, seed: 42, statsEvery: 1, histogramEvery: 0 },
    });
    const data = await loadDataset(config.dataset, 42);
    const viaTfjs = buildMlp(config.model, data.features, data.classes, weightSeed);
    const viaKernels = buildMlp(config.model, data.features, data.classes, weightSeed);
    const a = new FastStep(viaTfjs, config.optimizer, { maxBatch: 128, engine: 'tfjs-ops' });
    const b = new FastStep(viaKernels, config.optimizer, { maxBatch: 128, engine: 'kernels' });
    for (let step = 0; step < 12; step++) {
      const idx = Int32Array.from({ length: 128 }, (_, i) => step * 128 + i);
      const req = { x: rows(data.trainX, data.features, idx), y: Int32Array.from(idx, (i) => data.trainY[i]!), features: data.features, classes: data.classes, withStats: true, withHistogram: step === 11 };
      const want = a.step(req);
      const got = b.step(req);
      expectSameStep(want, got, `step ${step}: tfjs-ops vs kernels`);
      check?.(got);
    }
    viaTfjs.dispose();
    viaKernels.dispose();
  }

  it('the seed model (784 → 128 sigmoid N(1,1) → 10, Adam) reports the same numbers as on tfjs ops for 12 steps', async () => {
    const seed = { depth: 1, width: 128, activation: 'sigmoid', initializer: { kind: 'randomNormal', mean: 1, std: 1 }, batchNorm: false, residual: false } as const;
    // Saturated units (and background pixels) leave most of the hidden layer’s weight gradients exactly 0.
    await sameAsTfjsOps(seed, 5, (got) => expect(got.layers![0]!.gradZeroFrac).toBeGreaterThan(0.5));
  });

  it('the deep-sigmoid preset (10 × 64 sigmoid, Glorot, Adam) reports the same numbers as on tfjs ops for 12 steps', async () => {
    await sameAsTfjsOps({ depth: 10, width: 64, activation: 'sigmoid', initializer: { kind: 'glorotUniform' }, batchNorm: false, residual: false }, 9);
  });

  it('a model and batch too large for the kernel memory limit train on tfjs ops (with batch norm: the tape) instead', () => {
    const model = { depth: 1, width: 2048, activation: 'sigmoid', initializer: { kind: 'glorotUniform' }, batchNorm: false, residual: false } as const;
    const optimizer = { kind: 'adam', learningRate: 1e-3 } as const;
    const mlp = buildMlp(model, 784, 10, 1);
    expect(engineFor(mlp, { model, optimizer }, 128)).toBe('kernels');
    expect(engineFor(mlp, { model, optimizer }, 60000)).toBe('tfjs-ops');
    const bnModel = { ...model, batchNorm: true };
    const bn = buildMlp(bnModel, 784, 10, 1);
    expect(engineFor(bn, { model: bnModel, optimizer }, 128)).toBe('kernels');
    expect(engineFor(bn, { model: bnModel, optimizer }, 60000)).toBe('tape');
    mlp.dispose();
    bn.dispose();
  });

  it('refuses a batch larger than it was sized for, naming both sizes', () => {
    const pass = new KernelPass([{ fanIn: 4, units: 3, activation: 'softmax', residual: false, batchNorm: false }], 4, 2);
    expect(() => pass.run(new Float32Array(12), new Int32Array(3))).toThrow(/batch of 3 exceeds the 2 rows/);
  });
});
