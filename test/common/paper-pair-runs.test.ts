// The paper pairs meeting runs: which pair a preset is one side of (driven by PAPER_PAIRS), the partner's settings
// for a shortened run (same data and steps, the partner's own network), and the pairs found among compared runs
// with the pair's judgment — whatever order the runs come in.
import { describe, expect, it } from 'vitest';
import type { RunEvidence } from '../../electron/common/paper-claims';
import { pairSideOf, pairsAmong, paperRunsAmong, partnerConfig } from '../../electron/common/paper-pair-runs';
import { PAPER_PAIRS } from '../../electron/common/paper-pairs';
import { getPaperPreset } from '../../electron/common/presets-papers';
import type { LayerStats } from '../../electron/common/records';

const ZERO: LayerStats = {
  layer: 0, gradNorm: 1, gradMeanAbs: 0, gradMaxAbs: 0, gradZeroFrac: 0, biasGradNorm: 0, deltaNorm: 1, weightNorm: 1,
  updateRatio: 0, actMean: 0, actStd: 0, saturatedFrac: 0, deadFrac: 0,
};

/** A run of preset `id` whose lowest hidden layer's ‖δ‖ at the start is `ratio` of the top hidden layer's. */
function run(id: string, ratio: number, runId: number): { id: number; evidence: RunEvidence } {
  const config = getPaperPreset(id)!.config;
  const layers = config.model.depth + 1;
  const layerStats = Array.from({ length: layers }, (_, l) => [{ ...ZERO, layer: l, deltaNorm: l === 0 ? ratio : 1 }]);
  return { id: runId, evidence: { config, statSteps: [0], layerStats, steps: [], loss: [], epochs: [], finished: true } };
}

describe('the pair a preset is one side of', () => {
  it('names the other side for both the problem and the remedy of every pair, and nothing for a preset in none', () => {
    for (const pair of PAPER_PAIRS) {
      expect(pairSideOf(pair.problem)).toMatchObject({ role: 'problem', pair, partner: { id: pair.remedy } });
      expect(pairSideOf(pair.remedy)).toMatchObject({ role: 'remedy', pair, partner: { id: pair.problem } });
    }
    expect(pairSideOf('papers-glorot-sigmoid')).toBeUndefined();
    expect(pairSideOf('seed-keras')).toBeUndefined();
    expect(pairSideOf(undefined)).toBeUndefined();
  });

  it('gives the partner its own network and optimizer on the shortened run’s data, epochs and seed', () => {
    const mine = getPaperPreset('papers-glorot-tanh-standard')!.config;
    const short = { ...mine, dataset: { kind: 'mnist' as const, trainSize: 200, testSize: 100 }, training: { ...mine.training, epochs: 1, seed: 7 } };
    const partner = getPaperPreset('papers-glorot-tanh-xavier')!;
    const c = partnerConfig(short, partner);
    expect(c.preset).toBe('papers-glorot-tanh-xavier');
    expect(c.model).toEqual(partner.config.model);
    expect(c.model.initializer.kind).not.toBe(mine.model.initializer.kind);
    expect(c.optimizer).toEqual(partner.config.optimizer);
    expect(c.dataset).toEqual({ kind: 'mnist', trainSize: 200, testSize: 100 });
    expect(c.training).toMatchObject({ epochs: 1, seed: 7 });
  });
});

describe('pairs among compared runs', () => {
  it('finds the pair in any order, judges it, and reports each paper run’s own claim', () => {
    const other = { ...run('papers-glorot-tanh-xavier', 1, 9), evidence: { ...run('papers-glorot-tanh-xavier', 1, 9).evidence, config: { ...getPaperPreset('papers-he-he')!.config, preset: 'seed-keras' } } };
    const found = pairsAmong([run('papers-glorot-tanh-xavier', 0.8, 5), other, run('papers-glorot-tanh-standard', 0.1, 3)]);
    expect(found).toHaveLength(1);
    expect(found[0]!.problem.id).toBe(3);
    expect(found[0]!.remedy.id).toBe(5);
    expect(found[0]!.check?.verdict).toBe('holds');
    expect(found[0]!.check?.figures).toEqual({ standard: 0.1, normalized: 0.8 });
    const single = paperRunsAmong([run('papers-glorot-tanh-xavier', 0.8, 5), other]);
    expect(single.map((s) => [s.run.id, s.check?.verdict])).toEqual([[5, 'holds']]);
  });

  it('says "not shown" when the runs contradict the paper, and finds no pair with one side missing', () => {
    const found = pairsAmong([run('papers-glorot-tanh-standard', 0.9, 1), run('papers-glorot-tanh-xavier', 0.8, 2)]);
    expect(found[0]!.check?.verdict).toBe('not-shown');
    expect(pairsAmong([run('papers-glorot-tanh-standard', 0.1, 1), run('papers-glorot-tanh-standard', 0.1, 2)])).toEqual([]);
  });
});
