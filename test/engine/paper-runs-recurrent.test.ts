// The recurrent paper claims on reduced real runs (backpropagation through time on the lab's kernels): each preset
// trained on a smaller adding-problem set for fewer steps, its records gathered as the results script gathers them,
// and the measured direction asserted — Bengio et al.'s vanished gradient at the first time step and unlearnt
// sum, Pascanu et al.'s spikes of ‖g‖ that wreck an unclipped run and leave a clipped one finite and learning.
import { describe, expect, it } from 'vitest';
import { ExperimentConfigSchema, type ExperimentConfig } from '../../electron/common/config';
import { checkClaim, type RunEvidence } from '../../electron/common/paper-claims';
import { evidenceFromRecords } from '../../electron/common/paper-evidence';
import { checkPair } from '../../electron/common/paper-pairs';
import { getPaperPreset } from '../../electron/common/presets-papers';
import { PASCANU_CLIP_THRESHOLD, PASCANU_RADIUS } from '../../electron/common/presets-papers-recurrent';
import type { BatchRecord, EpochRecord } from '../../electron/common/records';
import { loadSequenceData } from '../../electron/engine/recurrent/sequence-data';
import { buildNet, trainRecurrent } from '../../electron/engine/recurrent/train-recurrent';

/** A recurrent paper preset on a smaller training set (the sequence length and every other setting kept). */
function reducedPreset(id: string, trainSize: number, epochs: number): ExperimentConfig {
  const p = getPaperPreset(id)!.config;
  if (p.dataset.kind !== 'adding') throw new Error(`${id} is not an adding-problem preset`);
  return ExperimentConfigSchema.parse({ ...p, dataset: { ...p.dataset, trainSize, testSize: 200 }, training: { ...p.training, epochs } });
}

async function reduced(config: ExperimentConfig): Promise<{ evidence: RunEvidence; batches: BatchRecord[] }> {
  const data = await loadSequenceData(config);
  const batches: BatchRecord[] = [];
  const epochs: EpochRecord[] = [];
  const outcome = await trainRecurrent(config, data, { onBatch: (b) => batches.push(b), onEpoch: (e) => epochs.push(e) });
  return { evidence: evidenceFromRecords(config, { batches, epochs }, true, outcome.type === 'diverged'), batches };
}

describe('recurrent paper presets on reduced runs', () => {
  it('Bengio et al.: ‖∂E/∂h_1‖ is orders of magnitude below ‖∂E/∂h_100‖ and the squared error stays near the trivial 0.167 (80 steps)', async () => {
    const { evidence } = await reduced(reducedPreset('papers-bengio-rnn', 2000, 2));
    const c = checkClaim(evidence)!;
    expect(evidence.timeStats![0]!.norms).toHaveLength(100);
    expect(c.figures.firstOverLast).toBeLessThan(1e-10);
    expect(c.figures.recentLoss).toBeGreaterThanOrEqual(0.15);
    expect(c.figures.recentLoss).toBeLessThan(0.3);
    expect(c.verdict).toBe('holds');
    expect(c.shows.en).toMatch(/‖∂E\/∂h_1‖ is .*× the last one’s ‖∂E\/∂h_100‖/);
  }, 60_000);

  it('Pascanu et al.: the recurrent weights start at the stated spectral radius', async () => {
    const config = reducedPreset('papers-pascanu-noclip', 100, 1);
    const net = buildNet(config, await loadSequenceData(config));
    const wh = net.m.p.wh.a;
    const std = Math.sqrt(wh.reduce((s, w) => s + w * w, 0) / wh.length);
    expect(std * Math.sqrt(config.recurrent!.hidden)).toBeCloseTo(PASCANU_RADIUS, 1);
  });

  it('Pascanu et al.: without clipping ‖g‖ spikes to ≥ 10× its median and the run diverges; clipped at 5 the same run stays finite and learns', async () => {
    const problem = await reduced(reducedPreset('papers-pascanu-noclip', 2000, 2));
    const p = checkClaim(problem.evidence)!;
    expect(problem.evidence.diverged).toBe(true);
    expect(p.figures.spikeRatio).toBeGreaterThanOrEqual(10);
    expect(p.verdict).toBe('holds');
    // Every step reports ‖g‖ before clipping; an unclipped run reports nothing about clipping.
    expect(problem.batches.every((b) => Number.isFinite(b.gradNorm) && b.clipped === undefined)).toBe(true);

    const remedy = await reduced(reducedPreset('papers-pascanu-clip', 10000, 1));
    const r = checkClaim(remedy.evidence)!;
    expect(remedy.evidence.diverged).toBe(false);
    expect(remedy.batches).toHaveLength(200);
    expect(r.figures.maxApplied).toBeLessThanOrEqual(PASCANU_CLIP_THRESHOLD * 1.0001);
    expect(r.figures.clippedSteps).toBeGreaterThan(0);
    expect(r.figures.recentLoss).toBeLessThan(0.5 * r.figures.startLoss!);
    expect(r.verdict).toBe('holds');
    for (const b of remedy.batches) expect(b.clipped).toBe(b.gradNorm! > PASCANU_CLIP_THRESHOLD);

    const pair = checkPair(problem.evidence, remedy.evidence)!;
    expect(pair.figures.problemDiverged).toBe(1);
    expect(pair.figures.remedyDiverged).toBe(0);
    expect(pair.verdict).toBe('holds');
  }, 60_000);

  it('a run of the preset with another sequence length or without the large recurrent weights is not checked', async () => {
    const p = getPaperPreset('papers-pascanu-noclip')!.config;
    const other = ExperimentConfigSchema.parse({ ...p, recurrent: { ...p.recurrent!, recurrentRadius: undefined }, dataset: { ...p.dataset, length: 30 } });
    const c = checkClaim(evidenceFromRecords(other, { batches: [], epochs: [] }, true))!;
    expect(c.verdict).toBe('not-shown');
    expect(c.shows.en).toContain('sequence length, recurrent weights’ spectral radius');
  });
});
