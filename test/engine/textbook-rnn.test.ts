// The 『ゼロから作るDeep Learning ❷』6.1 presets on short real runs: with the growth preset's W_h the gradient
// reaching each time step grows the further back the step lies (勾配爆発) and plain SGD diverges; with the decay
// preset's it shrinks (勾配消失); with gradient clipping (勾配クリッピング) the gradient the update uses never
// exceeds the threshold and the same run trains on. The W_h std is validated with its bounds.
import { describe, expect, it } from 'vitest';
import { ExperimentConfigSchema, type ExperimentConfig } from '../../electron/common/config';
import { getPreset } from '../../electron/common/presets';
import { ZERO2_MAX_GRAD } from '../../electron/common/presets-textbooks-rnn';
import type { BatchRecord } from '../../electron/common/records';
import { loadSequenceData } from '../../electron/engine/recurrent/sequence-data';
import { trainRecurrent } from '../../electron/engine/recurrent/train-recurrent';

/** The preset on a smaller training set, statistics every step, stopped after `steps` batches. */
async function run(id: string, steps: number, trainSize = 2000) {
  const preset = getPreset(id)!.config;
  const config: ExperimentConfig = ExperimentConfigSchema.parse({
    ...preset,
    dataset: { ...preset.dataset, trainSize, testSize: 100 },
    training: { ...preset.training, epochs: 1, statsEvery: 1 },
  });
  const data = await loadSequenceData(config);
  const batches: BatchRecord[] = [];
  const stop = new AbortController();
  const outcome = await trainRecurrent(config, data, { onBatch: (b) => { batches.push(b); if (batches.length >= steps) stop.abort(); } }, stop.signal);
  return { batches, outcome, config };
}

/** Least-squares slope of log10‖∂E/∂h_t‖ against the distance T − t from the last step (decades per step). */
function slopePerStepBack(norms: number[]): number {
  const T = norms.length;
  const xs = norms.map((_, t) => T - 1 - t);
  const ys = norms.map((n) => Math.log10(n));
  const mx = xs.reduce((s, x) => s + x, 0) / T;
  const my = ys.reduce((s, y) => s + y, 0) / T;
  let num = 0;
  let den = 0;
  for (let i = 0; i < T; i++) {
    num += (xs[i]! - mx) * (ys[i]! - my);
    den += (xs[i]! - mx) ** 2;
  }
  return num / den;
}

describe('ゼロつく❷ ch. 6: the RNN gradient through time', () => {
  it('grows with the distance back in time under the growth preset’s W_h (勾配爆発), and plain SGD diverges', async () => {
    const { batches, outcome } = await run('zero2-ch6-rnn-explode', 40);
    const norms = batches[0]!.time!.norms;
    expect(norms).toHaveLength(20);
    expect(slopePerStepBack(norms)).toBeGreaterThan(0.03);
    expect(norms[0]! / norms[19]!).toBeGreaterThan(10);
    // Unclipped, the exploding gradient ends the run within the first steps.
    expect(outcome.type).toBe('diverged');
  });

  it('shrinks with the distance back in time under the decay preset’s W_h (勾配消失)', async () => {
    const { batches, outcome } = await run('zero2-ch6-rnn-vanish', 3);
    expect(outcome.type).toBe('stopped');
    for (const b of batches) {
      expect(slopePerStepBack(b.time!.norms)).toBeLessThan(-0.03);
      expect(b.time!.norms[0]! / b.time!.norms[19]!).toBeLessThan(0.1);
    }
  });

  it('with gradient clipping the applied ‖g‖ stays at or below the threshold, the step is marked clipped, and training goes on', async () => {
    const { batches, outcome, config } = await run('zero2-ch6-rnn-clip', 40);
    expect(config.optimizer.clip).toEqual({ kind: 'norm', threshold: ZERO2_MAX_GRAD });
    // The same W_h as the growth preset: the gradient through time still grows before clipping.
    expect(slopePerStepBack(batches[0]!.time!.norms)).toBeGreaterThan(0.03);
    // The unclipped growth preset diverges within these 40 steps (above); clipped, all 40 run.
    expect(outcome.type).toBe('done');
    expect(batches).toHaveLength(40);
    const clipped = batches.filter((b) => b.clipped);
    expect(clipped.length).toBeGreaterThan(10);
    for (const b of batches) {
      expect(b.clippedGradNorm!).toBeLessThanOrEqual(ZERO2_MAX_GRAD * (1 + 1e-6));
      if (b.clipped) {
        expect(b.gradNorm!).toBeGreaterThan(ZERO2_MAX_GRAD);
        expect(b.clippedGradNorm!).toBeCloseTo(ZERO2_MAX_GRAD, 5);
      } else expect(b.clippedGradNorm!).toBeCloseTo(b.gradNorm!, 6);
      expect(Number.isFinite(b.loss)).toBe(true);
    }
  });

  it('validates the W_h spectral radius: bounds named with the allowed range', () => {
    const base = getPreset('zero2-ch6-rnn-vanish')!.config;
    const withStd = (cell: string, recurrentRadius: unknown) => ExperimentConfigSchema.safeParse({ ...base, recurrent: { ...base.recurrent, cell, recurrentRadius } });
    expect(withStd('rnn', 0.5).success).toBe(true);
    expect(withStd('lstm', 1).success).toBe(true);
    const tooBig = withStd('rnn', 11);
    expect(tooBig.success).toBe(false);
    expect(tooBig.error!.issues[0]!.message).toBe('recurrentRadius must be at most 10 (allowed 0.01–10)');
    expect(tooBig.error!.issues[0]!.path).toEqual(['recurrent', 'recurrentRadius']);
    expect(withStd('rnn', 0).error!.issues[0]!.message).toMatch(/at least 0.01/);
    expect(withStd('rnn', '1').error!.issues[0]!.message).toBe('recurrentRadius must be a number');
    // IRNN takes it too: ρ times the identity.
    expect(withStd('irnn', 1).success).toBe(true);
  });
});
