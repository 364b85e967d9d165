// The "bound" line of the layer chart is a true statement about real training: for a sigmoid network without
// batch normalization or skips, every layer's measured ‖δ‖ lies at or under ‖δ_out‖ · Π (¼ · ‖W‖) at every
// statistics step — while the bare 0.25^k line under ‖∂E/∂W‖ is broken by real runs (the student-visible bug).
import { beforeAll, describe, expect, it } from 'vitest';
import { deltaBoundApplies, deltaBounds } from '../../electron/common/delta-bound';
import { selectBackend } from '../../electron/engine/backends';
import { presetOn, trainCollect } from './helpers';

beforeAll(async () => {
  await selectBackend('wasm');
});

describe('the sigmoid bound on ‖δ‖', () => {
  it('holds at every step and layer of a real deep-sigmoid run; 0.25^k scaled from the output does not bound ‖∂E/∂W‖', async () => {
    const config = presetOn('deep-sigmoid', { trainSize: 512, testSize: 100, batchSize: 64 });
    expect(deltaBoundApplies(config.model)).toBe(true);
    const { batches } = await trainCollect(config, { stopAtStep: 15 });
    const layers = batches[0]!.layers!.map((s, i, all) => ({ index: i, name: `dense_${i + 1}`, units: 1, fanIn: 1, activation: 'sigmoid', output: i === all.length - 1 }));
    let checked = 0;
    let naiveBroken = 0;
    for (const b of batches) {
      const stats = b.layers!;
      const bounds = deltaBounds(layers, stats);
      stats.forEach((s, i) => {
        expect(s.deltaNorm, `step ${b.step} layer ${i}`).toBeLessThanOrEqual(bounds[i]! * (1 + 1e-4));
        checked++;
        const k = stats.length - 1 - i;
        if (s.gradNorm > stats.at(-1)!.gradNorm * 0.25 ** k) naiveBroken++;
      });
    }
    expect(checked).toBeGreaterThan(100);
    // What the chart used to draw is not a bound on ‖∂E/∂W‖: real measurements lie above it.
    expect(naiveBroken).toBeGreaterThan(0);
  });

  it('is not claimed for batch normalization, residual skips or other activations', () => {
    const m = { activation: 'sigmoid', batchNorm: false, residual: false };
    expect([{ ...m, batchNorm: true }, { ...m, residual: true }, { ...m, activation: 'relu' }].map(deltaBoundApplies)).toEqual([false, false, false]);
  });
});
