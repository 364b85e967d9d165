// The paper claims on reduced real runs: each paper preset trained by the real training loop on a small MNIST
// subset for fewer steps, its records gathered as the panel gathers them, and the measured direction asserted —
// the numbers of the paper's figure, not only the verdict. Same seed and backend → the same numbers every time.
import { beforeAll, describe, expect, it } from 'vitest';
import type { ExperimentConfig } from '../../electron/common/config';
import { checkClaim, type RunEvidence } from '../../electron/common/paper-claims';
import { evidenceFromRecords } from '../../electron/common/paper-evidence';
import { checkPair } from '../../electron/common/paper-pairs';
import type { LayerProbeRecord } from '../../electron/common/records';
import { selectBackend } from '../../electron/engine/backends';
import { presetOn, trainCollect } from './helpers';

/** Train a reduced paper preset until `stopAtStep` (or its end) and gather its evidence. */
async function reduced(config: ExperimentConfig, stopAtStep?: number): Promise<RunEvidence> {
  const probes: LayerProbeRecord[] = [];
  const run = await trainCollect(config, { stopAtStep, onProbe: (p) => probes.push(p) });
  expect(run.outcome.type).not.toBe('diverged');
  return evidenceFromRecords(config, { ...run, probes }, true);
}

beforeAll(async () => {
  expect((await selectBackend('wasm')).backend).toBe('wasm');
});

describe('paper presets on reduced runs', () => {
  it('Glorot & Bengio: the top sigmoid layer falls below 0.1 while the lowest stays within 0.45–0.55 (4×1000, 500 steps)', async () => {
    const e = await reduced(presetOn('papers-glorot-sigmoid', { trainSize: 10000, testSize: 100, epochs: 1, statsEvery: 100, histogramEvery: 0 }), 500);
    const c = checkClaim(e)!;
    expect(c.figures.topStart).toBeGreaterThan(0.45);
    expect(c.figures.topNow).toBeLessThan(0.1);
    expect(c.figures.lowestNow).toBeGreaterThanOrEqual(0.45);
    expect(c.figures.lowestNow).toBeLessThanOrEqual(0.55);
    expect(c.verdict).toBe('holds');
  }, 480_000);

  it('Glorot & Bengio: at the start ‖δ‖ shrinks towards the input under the standard init and keeps its size under Xavier (5×1000 tanh)', async () => {
    const standard = await reduced(presetOn('papers-glorot-tanh-standard', { trainSize: 100, testSize: 100, epochs: 1 }), 1);
    const xavier = await reduced(presetOn('papers-glorot-tanh-xavier', { trainSize: 100, testSize: 100, epochs: 1 }), 1);
    const pair = checkPair(standard, xavier)!;
    expect(pair.figures.standard).toBeLessThan(0.3);
    expect(pair.figures.normalized).toBeGreaterThan(0.5);
    expect(pair.verdict).toBe('holds');
    expect(checkClaim(standard)!.verdict).toBe('holds');
    expect(checkClaim(xavier)!.verdict).toBe('holds');
  }, 120_000);

  it('He et al.: at depth 30 the Xavier/He first-layer gradient ratio is below 1e-2; Xavier stalls at ln 10, He learns (300 steps)', async () => {
    const sizes = { trainSize: 10000, testSize: 100, epochs: 2, statsEvery: 50, histogramEvery: 0 };
    const xavier = await reduced(presetOn('papers-he-xavier', sizes), 300);
    const he = await reduced(presetOn('papers-he-he', sizes), 300);
    const pair = checkPair(xavier, he)!;
    expect(pair.figures.ratio).toBeLessThan(1e-2);
    expect(pair.verdict).toBe('holds');
    const x = checkClaim(xavier)!;
    expect(Math.abs(x.figures.recentLoss! - Math.log(10))).toBeLessThan(0.05);
    expect(x.verdict).toBe('holds');
    const h = checkClaim(he)!;
    expect(h.figures.recentLoss).toBeLessThan(Math.log(10) - 0.5);
    expect(h.verdict).toBe('holds');
  }, 240_000);

  it('Ioffe & Szegedy: with batch norm the last hidden layer’s sigmoid-input median stays put and the first epoch ends far ahead (1 000 steps)', async () => {
    const sizes = { trainSize: 6000, testSize: 500, epochs: 10, histogramEvery: 0 };
    const plain = await reduced(presetOn('papers-ioffe-plain', sizes));
    const bn = await reduced(presetOn('papers-ioffe-bn', sizes));
    const p = checkClaim(plain)!;
    const b = checkClaim(bn)!;
    expect(b.figures.medianDrift).toBeLessThan(0.05);
    expect(p.figures.medianDrift).toBeGreaterThan(0.1);
    expect(p.verdict).toBe('holds');
    expect(b.verdict).toBe('holds');
    const pair = checkPair(plain, bn)!;
    expect(pair.figures.withBatchNorm! - pair.figures.without!).toBeGreaterThan(0.1);
    expect(pair.verdict).toBe('holds');
  }, 240_000);

  it('Klambauer et al.: SELU with LeCun normal keeps layers 17–32 near mean 0, standard deviation 1 (10 steps)', async () => {
    const e = await reduced(presetOn('papers-klambauer-selu', { trainSize: 1280, testSize: 100, epochs: 1, statsEvery: 1, histogramEvery: 0 }), 10);
    const c = checkClaim(e)!;
    expect(c.figures.maxAbsMean).toBeLessThan(0.15);
    expect(c.figures.minStd).toBeGreaterThan(0.8);
    expect(c.figures.maxStd).toBeLessThan(1.25);
    expect(c.verdict).toBe('holds');
  }, 240_000);
});
