// The fan-in-scaled initializers: the "standard" U[±1/√n] of the pre-2010 papers and LeCun uniform draw inside
// their bounds with the variance their definitions give, per layer of a real model (n = that layer's fan-in),
// and every step engine starts from exactly those weights (same first steps as the gradient-tape reference).
import { describe, expect, it } from 'vitest';
import type { Initializer } from '../../electron/common/config';
import { selectBackend } from '../../electron/engine/backends';
import { loadDataset } from '../../electron/engine/data/load';
import { buildMlp } from '../../electron/engine/model/mlp';
import { rows } from '../../electron/engine/train/evaluate';
import { FastStep } from '../../electron/engine/train/fast-step';
import { TapeStep } from '../../electron/engine/train/tape-step';
import { configOf, expectSameStep } from './helpers';

const CASES: { init: Initializer; limit: (n: number) => number }[] = [
  { init: { kind: 'standardUniform' }, limit: (n) => 1 / Math.sqrt(n) },
  { init: { kind: 'lecunUniform' }, limit: (n) => Math.sqrt(3 / n) },
];

describe.each(CASES)('$init.kind', ({ init, limit }) => {
  it('draws each layer inside ±limit(fan-in), filling it, with variance limit²/3 and mean 0', async () => {
    await selectBackend('cpu');
    const mlp = buildMlp({ depth: 2, width: 1000, activation: 'sigmoid', initializer: init, batchNorm: false, residual: false }, 784, 10, 5);
    for (const layer of mlp.layers) {
      const n = layer.info.fanIn;
      const w = layer.kernel.dataSync();
      const a = limit(n);
      let max = 0;
      let sum = 0;
      let sq = 0;
      for (const x of w) {
        max = Math.max(max, Math.abs(x));
        sum += x;
        sq += x * x;
      }
      const mean = sum / w.length;
      const variance = sq / w.length - mean * mean;
      expect(max, `${layer.info.name} (n = ${n})`).toBeLessThanOrEqual(a);
      expect(max).toBeGreaterThan(0.99 * a);
      expect(Math.abs(mean)).toBeLessThan(0.05 * a);
      expect(variance / ((a * a) / 3)).toBeGreaterThan(0.95);
      expect(variance / ((a * a) / 3)).toBeLessThan(1.05);
    }
    mlp.dispose();
  });

  it.each(['kernels', 'tfjs-ops'] as const)('the %s engine starts from the same weights as the tape step', async (engine) => {
    await selectBackend('wasm');
    const config = configOf({
      dataset: { kind: 'mnist', trainSize: 64, testSize: 10 },
      model: { depth: 3, width: 20, activation: 'sigmoid', initializer: init, batchNorm: false, residual: false },
      optimizer: { kind: 'sgd', learningRate: 0.1 },
      training: { epochs: 1, batchSize: 32, seed: 2, statsEvery: 1, histogramEvery: 0 },
    });
    const data = await loadDataset(config.dataset, 2);
    const idx = Int32Array.from({ length: 32 }, (_, i) => i);
    const req = { x: rows(data.trainX, data.features, idx), y: Int32Array.from(idx, (i) => data.trainY[i]!), features: data.features, classes: data.classes, withStats: true, withHistogram: false };
    const a = buildMlp(config.model, data.features, data.classes, 9);
    const b = buildMlp(config.model, data.features, data.classes, 9);
    const tape = new TapeStep(a, config.optimizer);
    const fast = new FastStep(b, config.optimizer, { maxBatch: 32, engine });
    for (let s = 0; s < 3; s++) expectSameStep(tape.step(req), fast.step(req), `step ${s}`);
    tape.dispose();
    a.dispose();
    b.dispose();
  });
});
