// The gradient check of a real run: at step 0 the step engine's own ∂L/∂W of one sampled weight per layer agrees
// with a float64 central difference (float32 analytic: within 1e-4 relative), on the engines each preset trains
// with; a gradient 5% off is called wrong.
import { beforeAll, describe, expect, it } from 'vitest';
import type { LayerProbeRecord } from '../../electron/common/records';
import { selectBackend } from '../../electron/engine/backends';
import { loadDataset } from '../../electron/engine/data/load';
import { buildMlp } from '../../electron/engine/model/mlp';
import { CHECK_BUDGET_MACS, checkCost, sampledGradientCheck, snapshotWeights } from '../../electron/engine/train/gradient-check';
import { firstBatch } from '../../electron/engine/train/probe-case';
import { TapeStep } from '../../electron/engine/train/tape-step';
import { presetOn, trainCollect } from './helpers';

beforeAll(async () => {
  await selectBackend('wasm');
});

describe('gradient check of a real run', () => {
  it.each(['seed-he', 'deep-sigmoid', 'deep-relu-he', 'deep-batchnorm', 'deep-residual'])('%s: one sampled weight per layer agrees at step 0', async (id) => {
    const config = presetOn(id, { trainSize: 256, testSize: 100, batchSize: 64 });
    let probe: LayerProbeRecord | undefined;
    await trainCollect(config, { stopAtStep: 0, onProbe: (p) => (probe ??= p) });
    const check = probe!.gradientCheck!;
    expect(check.map((c) => c.layer)).toEqual(probe!.layers.map((l) => l.layer));
    for (const c of check) {
      expect(c.analytic, `layer ${c.layer} sampled a non-zero gradient`).not.toBe(0);
      expect(['excellent', 'fine'], `layer ${c.layer}: ${c.analytic} vs ${c.numeric} (${c.relative})`).toContain(c.verdict);
    }
  });

  it('skips a network and batch too large for its budget instead of stalling the run', () => {
    const wide = [0, 1].map(() => ({ kernel: new Float64Array(1), bias: new Float64Array(1), fanIn: 2048, units: 2048, activation: 'relu', residual: false, bn: null }));
    expect(checkCost(wide, 1024)).toBeGreaterThan(CHECK_BUDGET_MACS);
    expect(sampledGradientCheck(wide, [new Float32Array(1), new Float32Array(1)], { x: new Float32Array(0), y: new Int32Array(1024), features: 2048 }, 1)).toEqual([]);
  });

  it('calls a gradient 5% off wrong', async () => {
    const config = presetOn('deep-sigmoid', { trainSize: 256, testSize: 100, batchSize: 64 });
    const data = await loadDataset(config.dataset, config.training.seed);
    const mlp = buildMlp(config.model, data.features, data.classes, config.training.seed);
    const weights = snapshotWeights(mlp);
    const { x, y } = firstBatch(config, data);
    const tape = new TapeStep(mlp, config.optimizer);
    const result = tape.step({ x, y, features: data.features, classes: data.classes, withStats: false, withHistogram: true });
    const off = result.kernelGrads!.map((g) => g.map((v) => v * 1.05));
    const check = sampledGradientCheck(weights, off, { x, y, features: data.features }, 1);
    expect(check.every((c) => c.verdict === 'wrong')).toBe(true);
    const right = sampledGradientCheck(weights, result.kernelGrads!, { x, y, features: data.features }, 1);
    expect(right.every((c) => c.verdict === 'excellent' || c.verdict === 'fine')).toBe(true);
    mlp.dispose();
  });
});
