// Gradient clipping (by global norm and by value) gives the same steps on every engine: the gradient-tape step
// (tf ops), the wasm kernels (clipping in kernel memory before Adam runs there) and the tfjs-ops pass — loss,
// statistics of the applied gradient, the norm before and after clipping and the clipped flag, step after step,
// and the same weights at the end. Norm clipping keeps the direction and brings ‖g‖ to the threshold; value
// clipping bounds every entry; a threshold above ‖g‖ changes nothing.
import { describe, expect, it } from 'vitest';
import type { ExperimentConfig, GradientClip } from '../../electron/common/config';
import { selectBackend } from '../../electron/engine/backends';
import { loadDataset } from '../../electron/engine/data/load';
import { buildMlp } from '../../electron/engine/model/mlp';
import { clipArrays } from '../../electron/engine/train/clip';
import type { StepResult } from '../../electron/engine/train/engine';
import { rows } from '../../electron/engine/train/evaluate';
import { FastStep, type FastEngineId } from '../../electron/engine/train/fast-step';
import { TapeStep } from '../../electron/engine/train/tape-step';
import { close, configOf, expectSameStep } from './helpers';

const CASES: { name: string; optimizer: ExperimentConfig['optimizer']; activation: 'relu' | 'tanh' }[] = [
  { name: 'norm 0.5 + sgd (relu)', activation: 'relu', optimizer: { kind: 'sgd', learningRate: 0.1, clip: { kind: 'norm', threshold: 0.5 } } },
  { name: 'norm 0.2 + adam (tanh)', activation: 'tanh', optimizer: { kind: 'adam', learningRate: 1e-2, clip: { kind: 'norm', threshold: 0.2 } } },
  { name: 'value 0.01 + momentum (relu)', activation: 'relu', optimizer: { kind: 'momentum', learningRate: 0.05, clip: { kind: 'value', threshold: 0.01 } } },
  { name: 'value 0.005 + adam (tanh)', activation: 'tanh', optimizer: { kind: 'adam', learningRate: 1e-2, clip: { kind: 'value', threshold: 0.005 } } },
];
const ENGINES: FastEngineId[] = ['kernels', 'tfjs-ops'];

async function setup(optimizer: ExperimentConfig['optimizer'], activation: 'relu' | 'tanh', steps: number) {
  const config = configOf({
    dataset: { kind: 'mnist', trainSize: 256, testSize: 10 },
    // A too-large initial scale, so that gradients are large and clipping has work to do.
    model: { depth: 4, width: 24, activation, initializer: { kind: 'randomNormal', mean: 0, std: 0.3 }, batchNorm: false, residual: false },
    optimizer,
    training: { epochs: 1, batchSize: 32, seed: 4, statsEvery: 1, histogramEvery: 0 },
  });
  const data = await loadDataset(config.dataset, config.training.seed);
  const reqs = Array.from({ length: steps }, (_, step) => {
    const idx = Int32Array.from({ length: 32 }, (_, i) => (step * 32 + i) % data.trainY.length);
    return { x: rows(data.trainX, data.features, idx), y: Int32Array.from(idx, (i) => data.trainY[i]!), features: data.features, classes: data.classes, withStats: true, withHistogram: step === 0 };
  });
  return { config, data, reqs };
}

function expectSameClip(want: StepResult, got: StepResult, label: string): void {
  expect(close(got.gradNorm!, want.gradNorm!, 1e-4), `${label}: ‖g‖ before ${want.gradNorm} vs ${got.gradNorm}`).toBe(true);
  expect(got.clip?.clipped, `${label}: clipped`).toBe(want.clip?.clipped);
  expect(close(got.clip!.normAfter, want.clip!.normAfter, 1e-4), `${label}: ‖g‖ after ${want.clip?.normAfter} vs ${got.clip?.normAfter}`).toBe(true);
}

describe.each(ENGINES)('clipping on the %s engine agrees with the gradient-tape step (wasm backend)', (engine) => {
  it.each(CASES)('$name: same steps and weights for 5 steps', async ({ optimizer, activation }) => {
    expect((await selectBackend('wasm')).backend).toBe('wasm');
    const { config, data, reqs } = await setup(optimizer, activation, 5);
    const tapeModel = buildMlp(config.model, data.features, data.classes, 9);
    const fastModel = buildMlp(config.model, data.features, data.classes, 9);
    const tape = new TapeStep(tapeModel, config.optimizer);
    const fast = new FastStep(fastModel, config.optimizer, { maxBatch: 32, engine });
    const clip = optimizer.clip!;
    let clippedSteps = 0;
    reqs.forEach((req, step) => {
      const want = tape.step(req);
      const got = fast.step(req);
      expectSameStep(want, got, `step ${step}`);
      expectSameClip(want, got, `step ${step}`);
      if (got.clip!.clipped) clippedSteps++;
      if (clip.kind === 'norm' && got.clip!.clipped) expect(got.clip!.normAfter).toBeCloseTo(clip.threshold, 5);
      if (clip.kind === 'value') for (const l of got.layers!) expect(l.gradMaxAbs).toBeLessThanOrEqual(clip.threshold * (1 + 1e-6));
    });
    // The scale was chosen so that every one of these steps clips: the test checks clipping, not its absence.
    expect(clippedSteps).toBe(reqs.length);
    fast.syncVariables();
    tapeModel.trainable.forEach((v, i) => {
      const w = fastModel.trainable[i]!.dataSync();
      v.dataSync().forEach((x, j) => expect(close(x, w[j]!, 1e-4), `${v.name}[${j}]`).toBe(true));
    });
    tape.dispose();
    tapeModel.dispose();
    fastModel.dispose();
  });

  it('a threshold above every gradient norm trains exactly as no clipping', async () => {
    await selectBackend('wasm');
    const loose: GradientClip = { kind: 'norm', threshold: 1e6 };
    const { config, data, reqs } = await setup({ kind: 'adam', learningRate: 1e-2, clip: loose }, 'relu', 3);
    const plain = new FastStep(buildMlp(config.model, data.features, data.classes, 2), { kind: 'adam', learningRate: 1e-2 }, { maxBatch: 32, engine });
    const clipped = new FastStep(buildMlp(config.model, data.features, data.classes, 2), config.optimizer, { maxBatch: 32, engine });
    for (const req of reqs) {
      const a = plain.step(req);
      const b = clipped.step(req);
      expect(b.loss).toBe(a.loss);
      expect(b.clip).toEqual({ normAfter: b.gradNorm, clipped: false });
      expect(a.clip).toBeUndefined();
      expect(close(a.gradNorm!, b.gradNorm!, 1e-9)).toBe(true);
    }
  });
});

describe('clipArrays', () => {
  it('norm: scales every gradient by the same factor, down to the threshold', () => {
    const g = [Float32Array.from([3, 0]), Float32Array.from([0, 4])];
    const out = clipArrays(g, { kind: 'norm', threshold: 1 });
    expect(out).toMatchObject({ normBefore: 5, clipped: true });
    expect(out.normAfter).toBeCloseTo(1, 6);
    expect(Array.from(g[0]!)).toEqual([Math.fround(0.6), 0]);
    expect(Array.from(g[1]!)).toEqual([0, Math.fround(0.8)]);
  });

  it('value: clamps each entry and reports the norm after', () => {
    const g = [Float32Array.from([3, -0.5, -7])];
    const out = clipArrays(g, { kind: 'value', threshold: 1 });
    expect(Array.from(g[0]!)).toEqual([1, -0.5, -1]);
    expect(out.clipped).toBe(true);
    expect(out.normAfter).toBeCloseTo(Math.sqrt(2.25), 6);
  });

  it('never clips a non-finite gradient (the run must end diverged, not hide it)', () => {
    const g = [Float32Array.from([Infinity, 1])];
    const out = clipArrays(g, { kind: 'value', threshold: 1 });
    expect(out.clipped).toBe(false);
    expect(g[0]![0]).toBe(Infinity);
    expect(Number.isFinite(out.normBefore)).toBe(false);
  });
});
