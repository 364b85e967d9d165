// Where a training step's time goes (run: npx tsx bench/step-profile.ts [preset…], default seed-keras,
// deep-sigmoid and deep-batchnorm). For each preset: one full step with statistics on the engine it had before
// the kernels (tfjs ops; the gradient tape for batch norm) and on Gradient Lab's WebAssembly SIMD kernels, with
// the ratio between them; then each phase of the kernel step timed alone on the same shapes (batch 128, real
// MNIST batches), batch normalization's included. Milliseconds are wall time per call, averaged.
import { getPreset } from '../electron/common/presets';
import { selectBackend } from '../electron/engine/backends';
import { loadDataset } from '../electron/engine/data/load';
import { ACT, Kernels } from '../electron/engine/kernels/kernels';
import { buildMlp } from '../electron/engine/model/mlp';
import { rows } from '../electron/engine/train/evaluate';
import { SATURATION } from '../electron/engine/train/statistics';
import type { StepEngine } from '../electron/engine/train/engine';
import { FastStep } from '../electron/engine/train/fast-step';
import { TapeStep } from '../electron/engine/train/tape-step';

const BATCH = 128;

function time(label: string, f: (i: number) => void, reps = 300): number {
  for (let i = 0; i < 30; i++) f(i);
  const start = performance.now();
  for (let i = 0; i < reps; i++) f(i);
  const ms = (performance.now() - start) / reps;
  console.log(`  ${label.padEnd(46)} ${ms.toFixed(3)} ms`);
  return ms;
}

async function profile(presetId: string): Promise<void> {
  const preset = getPreset(presetId);
  if (!preset) throw new Error(`no preset ${presetId}`);
  const cfg = preset.config;
  const data = await loadDataset({ kind: 'mnist', trainSize: 60000, testSize: 100 }, 1);
  const F = data.features;
  const reqs = Array.from({ length: 50 }, (_, s) => {
    const idx = Int32Array.from({ length: BATCH }, (_, i) => (s * BATCH + i * 7) % 60000);
    return { x: rows(data.trainX, F, idx), y: Int32Array.from(idx, (i) => data.trainY[i]!), features: F, classes: data.classes, withStats: true, withHistogram: false };
  });
  console.log(`\n${presetId}: ${cfg.model.depth} × ${cfg.model.width} ${cfg.model.activation}, ${cfg.optimizer.kind}, batch ${BATCH}`);

  const a = buildMlp(cfg.model, F, data.classes, 1);
  const b = buildMlp(cfg.model, F, data.classes, 1);
  const before: StepEngine = cfg.model.batchNorm ? new TapeStep(a, cfg.optimizer) : new FastStep(a, cfg.optimizer, { maxBatch: BATCH, engine: 'tfjs-ops' });
  const kern = new FastStep(b, cfg.optimizer, { maxBatch: BATCH, engine: 'kernels' });
  const tOps = time(`full step with statistics, ${before.id}`, (i) => before.step(reqs[i % 50]!), cfg.model.batchNorm ? 30 : 100);
  const tKern = time('full step with statistics, kernels', (i) => kern.step(reqs[i % 50]!));
  time('full step without statistics, kernels', (i) => kern.step({ ...reqs[i % 50]!, withStats: false }));
  console.log(`  kernels take ${(tKern / tOps).toFixed(2)}× the time of ${before.id} (${(tOps / tKern).toFixed(1)}× faster)`);
  before.dispose();
  a.dispose();
  b.dispose();

  console.log('  phases of the kernel step, each alone:');
  const shapes = [cfg.model.width, ...Array.from({ length: cfg.model.depth - 1 }, () => cfg.model.width), data.classes].map((units, l, all) => [l === 0 ? F : all[l - 1]!, units] as const);
  const k = new Kernels(64 << 20);
  const x = k.f32(BATCH * F);
  const rowsA = { ptr: k.i32(BATCH + 1), idx: k.i32(BATCH * F), val: k.f32(BATCH * F) };
  const colsA = { ptr: k.i32(F + 1), idx: k.i32(BATCH * F), val: k.f32(BATCH * F) };
  x.a.set(reqs[0]!.x);
  const w = shapes.map(([i, o]) => k.f32(i * o));
  w.forEach((m) => m.a.forEach((_, j) => (m.a[j] = Math.sin(j) / 10)));
  const bias = shapes.map(([, o]) => k.f32(o));
  const z = shapes.map(([, o]) => k.f32(BATCH * o));
  const g = shapes.map(([i, o]) => k.f32(i * o));
  const m = shapes.map(([i, o]) => k.f32(i * o));
  const v = shapes.map(([i, o]) => k.f32(i * o));
  const wt = k.f32(F * cfg.model.width);
  const dA = k.f32(BATCH * F);
  const L = shapes.length;
  const units = (l: number) => shapes[l]![1];
  time('copy batch in + sparsify', (i) => {
    x.a.set(reqs[i % 50]!.x);
    k.sparsify(x, BATCH, F, rowsA, colsA);
  });
  time('first layer forward (sparse)', () => k.sparseMatMul(rowsA.ptr, rowsA.idx, rowsA.val, w[0]!, z[0]!, BATCH, units(0)));
  time('first layer dW = xᵀ·δ (sparse)', () => k.sparseMatMul(colsA.ptr, colsA.idx, colsA.val, z[0]!, g[0]!, F, units(0)));
  time('other layers forward (dense)', () => {
    for (let l = 1; l < L; l++) k.matMul(z[l - 1]!, w[l]!, z[l]!, BATCH, shapes[l]![0], units(l));
  });
  time('other layers dW = aᵀ·δ (dense)', () => {
    for (let l = 1; l < L; l++) k.matMulTA(z[l - 1]!, z[l]!, g[l]!, BATCH, shapes[l]![0], units(l));
  });
  time('other layers dA = δ·Wᵀ (transpose + dense)', () => {
    for (let l = 1; l < L; l++) {
      k.transpose(w[l]!, wt, shapes[l]![0], units(l));
      k.matMul(z[l]!, wt, dA, BATCH, units(l), shapes[l]![0]);
    }
  });
  time('bias + sigmoid, every layer', () => {
    for (let l = 0; l < L; l++) k.biasActivation(z[l]!, bias[l]!, BATCH, units(l), ACT.sigmoid);
  });
  time('sigmoid backward + bias gradient, every layer', () => {
    for (let l = 0; l < L; l++) {
      k.activationBackward(z[l]!, z[l]!, dA, BATCH * units(l), ACT.sigmoid);
      k.columnSums(z[l]!, bias[l]!, BATCH, units(l));
    }
  });
  time('Adam + gradient sums, every kernel', (i) => {
    for (let l = 0; l < L; l++) k.adam(w[l]!, g[l]!, m[l]!, v[l]!, { lr: 1e-3, b1: 0.9, b2: 0.999, eps: 1e-7, c1: 1 - 0.9 ** (i + 1), c2: 1 - 0.999 ** (i + 1) });
  });
  time('activation statistics + Σδ², every layer', () => {
    for (let l = 0; l < L; l++) k.activationStats(z[l]!, z[l]!, BATCH * units(l), units(l), { band: SATURATION.sigmoid, dying: false });
  });
  if (cfg.model.batchNorm) {
    const hidden = L - 1;
    const bn = shapes.slice(0, hidden).map(([, o]) => ({
      gamma: k.f32(o), beta: k.f32(o), dGamma: k.f32(o), dBeta: k.f32(o), mean: k.f32(o), variance: k.f32(o), rstd: k.f32(o), xhat: k.f32(BATCH * o),
    }));
    bn.forEach((b) => b.gamma.a.fill(1));
    time('batch norm forward (moments, x̂, γx̂ + β), every hidden layer', () => {
      for (let l = 0; l < hidden; l++) k.batchNormForward(z[l]!, z[l]!, bn[l]!, BATCH, units(l), 1e-3);
    });
    time('batch norm backward (∂γ, ∂β, δ), every hidden layer', () => {
      for (let l = 0; l < hidden; l++) k.batchNormBackward(z[l]!, z[l]!, bn[l]!, BATCH, units(l));
    });
  }
  time('gather a batch from the dataset (train loop)', (i) => rows(data.trainX, F, Int32Array.from({ length: BATCH }, (_, j) => (i * BATCH + j * 13) % 60000), reqs[0]!.x));
}

async function main(): Promise<void> {
  const choice = await selectBackend('wasm');
  console.log(`backend for tfjs ops and the tape: ${choice.backend}; kernels: WebAssembly SIMD, one thread`);
  const presets = process.argv.slice(2);
  for (const p of presets.length ? presets : ['seed-keras', 'deep-sigmoid', 'deep-batchnorm']) await profile(p);
}

main().catch((e: unknown) => {
  console.error(e);
  process.exit(1);
});
