// kaimingTanh, the init of makemore part 3 (PyTorch's kaiming_normal_ with the tanh gain 5/3): on the
// makemore3-bn-tanh preset's real model every layer's weights have std (5/3)/√fan-in, mean 0 and the tails of an
// untruncated normal; every step engine starts from those weights; the ledger predicts the gain 5/3; the schema
// takes no extra settings for it.
import { describe, expect, it } from 'vitest';
import { ExperimentConfigSchema, KAIMING_TANH_GAIN } from '../../electron/common/config';
import { weightGainPrediction } from '../../electron/common/diagnostics';
import { getPreset } from '../../electron/common/presets';
import { selectBackend } from '../../electron/engine/backends';
import { buildMlp } from '../../electron/engine/model/mlp';
import { expectEngineStartsAsTape } from './helpers';

describe('kaimingTanh (gain 5/3)', () => {
  it('the makemore3-bn-tanh preset uses it, and each layer of its model starts with std (5/3)/√fan-in', async () => {
    const model = getPreset('makemore3-bn-tanh')!.config.model;
    expect(model.initializer).toEqual({ kind: 'kaimingTanh' });
    await selectBackend('cpu');
    const mlp = buildMlp(model, 784, 10, 42);
    expect(mlp.layers.map((l) => l.info.fanIn)).toEqual([784, 100, 100, 100, 100, 100]);
    for (const layer of mlp.layers) {
      const n = layer.info.fanIn;
      const w = layer.kernel.dataSync();
      let sum = 0;
      let sq = 0;
      for (const x of w) {
        sum += x;
        sq += x * x;
      }
      const mean = sum / w.length;
      const std = Math.sqrt(sq / w.length - mean * mean);
      const expected = KAIMING_TANH_GAIN / Math.sqrt(n);
      const where = `${layer.info.name} (fan-in ${n}, ${w.length} weights)`;
      // The sample std of m normal draws is within a few 1/√(2m) of the true one.
      const tolerance = 4 / Math.sqrt(2 * w.length);
      expect(Math.abs(std / expected - 1), where).toBeLessThan(tolerance);
      expect(Math.abs(mean), where).toBeLessThan(4 * expected / Math.sqrt(w.length));
      // Not truncated at 2σ as Keras's normals are: about 4.6 % of a normal lies beyond.
      const beyond = w.filter((x) => Math.abs(x) > 2 * expected).length / w.length;
      if (w.length >= 10000) expect(beyond, where).toBeGreaterThan(0.035);
    }
    mlp.dispose();
  });

  it.each(['kernels', 'tfjs-ops'] as const)('the %s engine starts from the same weights as the tape step', (engine) =>
    expectEngineStartsAsTape(engine, 'tanh', { kind: 'kaimingTanh' }),
  );

  it('the ledger predicts a weights’ gain of 5/3, and the schema takes no settings for it', () => {
    expect(10 ** weightGainPrediction({ kind: 'kaimingTanh' }, 100, 100)).toBeCloseTo(5 / 3, 10);
    const base = getPreset('makemore3-bn-tanh')!.config;
    const r = ExperimentConfigSchema.safeParse({ ...base, model: { ...base.model, initializer: { kind: 'kaimingTanh', gain: 2 } } });
    expect(r.success).toBe(false);
    expect(r.error!.issues[0]!.path).toEqual(['model', 'initializer']);
    expect(r.error!.issues[0]!.message).toMatch(/gain/);
  });
});
