// What the lab exists to show, measured at step 0 of the deep presets: sigmoid + Glorot makes the first layer's
// gradient orders of magnitude smaller than the last layer's (≈0.25 per layer), while ReLU + He and batch norm
// keep every layer's gradient within a factor of 10; and the engine's bookkeeping (no tensor leak, seeded
// repeatability, histograms) holds.
import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { HISTOGRAM } from '../../electron/common/records';
import { selectBackend } from '../../electron/engine/backends';
import { loadDataset } from '../../electron/engine/data/load';
import { train } from '../../electron/engine/train/train';
import { presetOn, trainCollect } from './helpers';

beforeAll(async () => {
  await selectBackend('wasm');
});

async function stepZeroNorms(id: string): Promise<number[]> {
  const { batches } = await trainCollect(presetOn(id, { trainSize: 1000, testSize: 100 }), { stopAtStep: 0 });
  return batches[0]!.layers!.map((l) => l.gradNorm);
}

describe('per-layer gradients at step 0', () => {
  it('deep sigmoid + Glorot: the first layer gets at least 1000× less gradient than the last', async () => {
    const norms = await stepZeroNorms('deep-sigmoid');
    expect(norms).toHaveLength(11);
    expect(norms[0]! * 1e3).toBeLessThan(norms.at(-1)!);
    // It shrinks layer by layer on the way back.
    for (let l = 1; l < norms.length; l++) expect(norms[l - 1]!).toBeLessThan(norms[l]!);
  });

  it.each(['deep-relu-he', 'deep-batchnorm'])('%s keeps every layer within 10× of the others', async (id) => {
    const norms = await stepZeroNorms(id);
    expect(Math.max(...norms) / Math.min(...norms)).toBeLessThan(10);
  });
});

describe('training bookkeeping', () => {
  it('keeps the tensor count flat across batches and frees everything at the end', async () => {
    const before = tf.memory().numTensors;
    const counts: number[] = [];
    const config = presetOn('deep-batchnorm', { trainSize: 640, testSize: 100, epochs: 1, batchSize: 64, statsEvery: 2, histogramEvery: 3 });
    const { outcome } = await trainCollect(config, { onBatch: () => counts.push(tf.memory().numTensors) });
    expect(outcome.type).toBe('done');
    expect(counts).toHaveLength(10);
    expect(new Set(counts).size).toBe(1);
    expect(tf.memory().numTensors).toBe(before);
  });

  it('gives identical numbers for the same seed and different ones for another seed', async () => {
    const config = presetOn('seed-relu-he', { trainSize: 512, testSize: 100, batchSize: 64, epochs: 2, histogramEvery: 4 });
    const a = await trainCollect(config);
    const b = await trainCollect(config);
    expect(b.batches).toEqual(a.batches);
    expect(b.epochs.map((e) => [e.trainLoss, e.testLoss, e.testAcc])).toEqual(a.epochs.map((e) => [e.trainLoss, e.testLoss, e.testAcc]));
    expect(b.histograms).toEqual(a.histograms);
    const c = await trainCollect({ ...config, training: { ...config.training, seed: 7 } });
    expect(c.batches[0]!.loss).not.toBe(a.batches[0]!.loss);
  });

  it('bins log10|g| into the fixed histogram and counts exact zeros apart', async () => {
    const { histograms, batches } = await trainCollect(presetOn('seed-he', { trainSize: 256, testSize: 100, epochs: 1, batchSize: 64, histogramEvery: 2 }));
    expect(histograms.map((h) => h.step)).toEqual([0, 0, 2, 2]);
    for (const h of histograms) {
      expect(h.counts).toHaveLength(HISTOGRAM.bins);
      expect(h.counts.reduce((s, c) => s + c, 0) + h.zeros).toBe(h.total);
    }
    // The input layer's zero count matches the zero fraction of the same step (blank MNIST border pixels).
    const h0 = histograms[0]!;
    expect(h0.total).toBe(784 * 128);
    expect(h0.zeros / h0.total).toBeCloseTo(batches[0]!.layers![0]!.gradZeroFrac, 6);
  });

  it('learns the toy mortgage set (3 features, 2 classes) and reports every epoch', async () => {
    const data = await loadDataset({ kind: 'toy-mortgage' }, 3);
    expect(data.features).toBe(3);
    const config = presetOn('seed-relu-he', { trainSize: 1000 });
    const epochs: number[] = [];
    const outcome = await train(
      { ...config, dataset: { kind: 'toy-mortgage' }, model: { ...config.model, width: 16 }, optimizer: { kind: 'adam', learningRate: 0.01 }, training: { ...config.training, epochs: 15, batchSize: 32 } },
      data,
      { onEpoch: (e) => epochs.push(e.testAcc) },
    );
    expect(epochs).toHaveLength(15);
    expect(outcome.type).toBe('done');
    if (outcome.type === 'done') {
      expect(outcome.final.testAcc).toBeGreaterThan(0.8);
      expect(outcome.predictions[0]!.probs).toHaveLength(2);
      expect(outcome.predictions[0]!.pixels).toBeUndefined();
    }
  });
});
