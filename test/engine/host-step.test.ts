// The fast host-finished step (hand-written backprop + JS optimizer and statistics) must give the same numbers
// as the gradient-tape step with tf.train's optimizers it replaces: loss, accuracy, finiteness flags and every
// per-layer statistic, step after step, for each supported activation, each optimizer, and residual layers.
import * as tf from '@tensorflow/tfjs';
import { describe, expect, it } from 'vitest';
import type { ExperimentConfig } from '../../electron/common/config';
import { selectBackend } from '../../electron/engine/backends';
import { loadDataset } from '../../electron/engine/data/load';
import { buildMlp } from '../../electron/engine/model/mlp';
import { rows } from '../../electron/engine/train/evaluate';
import { HostTrainer, supportsHostStep } from '../../electron/engine/train/host-step';
import { makeOptimizer } from '../../electron/engine/train/optimizer';
import { trainStep } from '../../electron/engine/train/step';
import { configOf } from './helpers';

const close = (a: number, b: number) => Math.abs(a - b) <= 1e-4 * Math.max(1, Math.abs(a), Math.abs(b));

type Model = ExperimentConfig['model'];
const CASES: { name: string; model: Partial<Model>; optimizer: ExperimentConfig['optimizer'] }[] = [
  { name: 'sigmoid N(1,1) + adam (the seed)', model: { depth: 1, width: 24, activation: 'sigmoid', initializer: { kind: 'randomNormal', mean: 1, std: 1 } }, optimizer: { kind: 'adam', learningRate: 1e-3 } },
  { name: 'deep sigmoid glorot + adam', model: { depth: 4, width: 16, activation: 'sigmoid', initializer: { kind: 'glorotUniform' } }, optimizer: { kind: 'adam', learningRate: 1e-2 } },
  { name: 'tanh + sgd', model: { depth: 2, width: 16, activation: 'tanh', initializer: { kind: 'glorotUniform' } }, optimizer: { kind: 'sgd', learningRate: 0.1 } },
  { name: 'relu residual + momentum', model: { depth: 3, width: 16, activation: 'relu', initializer: { kind: 'heNormal' }, residual: true }, optimizer: { kind: 'momentum', learningRate: 0.05 } },
  { name: 'linear + rmsprop', model: { depth: 2, width: 16, activation: 'linear', initializer: { kind: 'glorotUniform' } }, optimizer: { kind: 'rmsprop', learningRate: 1e-3 } },
];

const RUNS = [
  { backend: 'wasm', pass: 'kernels' },
  { backend: 'cpu', pass: 'kernels' },
  { backend: 'wasm', pass: 'tfjs' },
  { backend: 'cpu', pass: 'tfjs' },
] as const;

describe.each(RUNS)('host step ($pass pass) vs gradient-tape step on $backend', ({ backend, pass }) => {
  it.each(CASES)('$name: same loss, accuracy and statistics for 6 steps', async ({ model, optimizer }) => {
    expect((await selectBackend(backend)).backend).toBe(backend);
    const config = configOf({
      dataset: { kind: 'mnist', trainSize: 256, testSize: 100 },
      model: { depth: 1, width: 16, activation: 'sigmoid', initializer: { kind: 'glorotUniform' }, batchNorm: false, residual: false, ...model },
      optimizer,
      training: { epochs: 1, batchSize: 32, seed: 3, statsEvery: 1, histogramEvery: 0 },
    });
    expect(supportsHostStep(config.model)).toBe(true);
    const data = await loadDataset(config.dataset, config.training.seed);
    const tape = buildMlp(config.model, data.features, data.classes, 11);
    const host = buildMlp(config.model, data.features, data.classes, 11);
    const tfOptimizer = makeOptimizer(config.optimizer);
    const trainer = new HostTrainer(host, config.optimizer, { maxBatch: 32, pass });
    for (let step = 0; step < 6; step++) {
      const idx = Int32Array.from({ length: 32 }, (_, i) => step * 32 + i);
      const req = {
        x: rows(data.trainX, data.features, idx),
        y: Int32Array.from(idx, (i) => data.trainY[i]!),
        features: data.features,
        classes: data.classes,
        withStats: true,
        withHistogram: step === 5,
      };
      const a = trainStep(tape, tfOptimizer, req);
      const b = trainer.step(req);
      expect(b).toHaveLength(a.length);
      a.forEach((v, j) => expect(close(v, b[j]!), `step ${step} value ${j}: tape ${v} vs host ${b[j]}`).toBe(true));
    }
    // The variables hold the host's weights (once synced: on the kernels only evaluation reads them).
    trainer.syncVariables();
    tape.trainable.forEach((v, i) => {
      const w = host.trainable[i]!.dataSync();
      v.dataSync().forEach((x, j) => expect(close(x, w[j]!)).toBe(true));
    });
    tfOptimizer.dispose();
    tape.dispose();
    host.dispose();
  });

  it('leaves no tensor behind', async () => {
    await selectBackend(backend);
    const config = configOf({
      dataset: { kind: 'mnist', trainSize: 64, testSize: 10 },
      model: { depth: 2, width: 8, activation: 'sigmoid', initializer: { kind: 'glorotUniform' }, batchNorm: false, residual: false },
      optimizer: { kind: 'adam', learningRate: 1e-3 },
      training: { epochs: 1, batchSize: 32, seed: 1, statsEvery: 1, histogramEvery: 0 },
    });
    const data = await loadDataset(config.dataset, 1);
    const mlp = buildMlp(config.model, data.features, data.classes, 1);
    const trainer = new HostTrainer(mlp, config.optimizer, { maxBatch: 32, pass });
    const req = { x: data.trainX.subarray(0, 32 * data.features), y: Int32Array.from(data.trainY.subarray(0, 32)), features: data.features, classes: data.classes, withStats: true, withHistogram: true };
    trainer.step(req);
    const before = tf.memory().numTensors;
    for (let i = 0; i < 3; i++) trainer.step(req);
    expect(tf.memory().numTensors).toBe(before);
    mlp.dispose();
  });
});

describe('which models take the host step', () => {
  it('batch norm and activations without a hand-written derivative keep the tape step', () => {
    const base: Model = { depth: 2, width: 8, activation: 'sigmoid', initializer: { kind: 'glorotUniform' }, batchNorm: false, residual: false };
    expect(supportsHostStep({ ...base, batchNorm: true })).toBe(false);
    expect(supportsHostStep({ ...base, activation: 'gelu' })).toBe(false);
    expect(supportsHostStep({ ...base, activation: 'relu', residual: true })).toBe(true);
  });
});
