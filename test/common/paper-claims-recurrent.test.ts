// The recurrent paper claims on hand-made evidence, at the edges of their rules: Bengio et al. is not shown by a
// run that learnt the sum (error below 0.15) or whose first step still gets a sizeable gradient, and is too early
// on a young run; Pascanu et al.'s spikes need ‖g‖ at 10× its median, a calm run is not shown after 300 steps.
import { describe, expect, it } from 'vitest';
import { checkClaim, type RunEvidence } from '../../electron/common/paper-claims';
import { getPaperPreset } from '../../electron/common/presets-papers';

function bengio(over: { first: number; loss: number; steps: number; finished: boolean }): RunEvidence {
  const steps = Array.from({ length: over.steps }, (_, i) => i);
  const norms = Array.from({ length: 100 }, (_, t) => (t === 0 ? over.first : 0.05));
  norms[99] = 0.1;
  return {
    config: getPaperPreset('papers-bengio-rnn')!.config,
    statSteps: [],
    layerStats: [],
    steps,
    loss: steps.map(() => over.loss),
    epochs: [],
    finished: over.finished,
    timeSteps: [over.steps - 1],
    timeStats: [{ norms, gates: [] }],
  };
}

function pascanu(gradNorm: number[], finished: boolean): RunEvidence {
  const steps = gradNorm.map((_, i) => i);
  return { config: getPaperPreset('papers-pascanu-noclip')!.config, statSteps: [], layerStats: [], steps, loss: steps.map(() => 0.2), epochs: [], finished, gradNorm };
}

describe('Bengio et al.’s claim', () => {
  it('holds for a vanished first-step gradient and an error at the trivial level, at the end of a run', () => {
    const c = checkClaim(bengio({ first: 1e-20, loss: 0.17, steps: 50, finished: true }))!;
    expect(c.verdict).toBe('holds');
    expect(c.figures.firstOverLast).toBeCloseTo(1e-19, 25);
  });

  it('is not shown when the sum was learnt or the first step still gets a sizeable gradient', () => {
    expect(checkClaim(bengio({ first: 1e-20, loss: 0.05, steps: 500, finished: true }))!.verdict).toBe('not-shown');
    expect(checkClaim(bengio({ first: 0.01, loss: 0.17, steps: 500, finished: true }))!.verdict).toBe('not-shown');
  });

  it('is too early on a run still under 200 steps, and says so in Japanese too', () => {
    const c = checkClaim(bengio({ first: 1e-20, loss: 0.17, steps: 50, finished: false }))!;
    expect(c.verdict).toBe('too-early');
    expect(c.shows.ja).toContain('まだ判断できません');
  });
});

describe('Pascanu et al.’s claim (no clipping)', () => {
  it('holds when the largest ‖g‖ is 10× the median or more, with the count of such steps', () => {
    const c = checkClaim(pascanu([1, 1.2, 0.9, 1.1, 15, 1, 12], true))!;
    expect(c.verdict).toBe('holds');
    expect(c.figures.spikes).toBe(2);
    expect(c.figures.medianGradNorm).toBe(1.1);
  });

  it('a calm run is too early before 300 steps and not shown after; fewer than five steps is too early', () => {
    const calm = (n: number) => Array.from({ length: n }, (_, i) => 1 + (i % 3) * 0.5);
    expect(checkClaim(pascanu(calm(100), false))!.verdict).toBe('too-early');
    expect(checkClaim(pascanu(calm(400), false))!.verdict).toBe('not-shown');
    expect(checkClaim(pascanu([1, 100], false))!.verdict).toBe('too-early');
  });
});
