// The paper claims on synthetic series: each check says "holds" on the paper's numbers, "not shown" on numbers
// that contradict it once the run is long enough or over, "too early" before its horizon, and refuses to judge
// a run whose settings left the paper's; the pair checks compare a preset with its remedy.
import { describe, expect, it } from 'vitest';
import { checkClaim, type RunEvidence } from '../../electron/common/paper-claims';
import { checkPair } from '../../electron/common/paper-pairs';
import { getPaperPreset } from '../../electron/common/presets-papers';
import type { LayerProbeRecord, LayerStats, ProbeLayerStats } from '../../electron/common/records';

const ZERO: LayerStats = {
  layer: 0, gradNorm: 1, gradMeanAbs: 0, gradMaxAbs: 0, gradZeroFrac: 0, biasGradNorm: 0, deltaNorm: 1, weightNorm: 1,
  updateRatio: 0, actMean: 0, actStd: 0, saturatedFrac: 0, deadFrac: 0,
};

/** Evidence for a preset's run: `stat(layer, k)` gives layer `layer`'s statistics at statistics point k. */
function evidence(id: string, o: { statSteps: number[]; stat?: (layer: number, k: number) => Partial<LayerStats>; loss?: number[]; epochs?: number[]; probes?: LayerProbeRecord[]; finished?: boolean; model?: object }): RunEvidence {
  const preset = getPaperPreset(id)!;
  const config = { ...preset.config, model: { ...preset.config.model, ...o.model } };
  const layers = config.model.depth + 1;
  const loss = o.loss ?? [];
  return {
    config,
    statSteps: o.statSteps,
    layerStats: Array.from({ length: layers }, (_, l) => o.statSteps.map((_, k) => ({ ...ZERO, layer: l, ...o.stat?.(l, k) }))),
    steps: loss.map((_, i) => i),
    loss,
    epochs: (o.epochs ?? []).map((testAcc) => ({ testAcc })),
    probes: o.probes,
    finished: o.finished ?? false,
  };
}

describe('Glorot & Bengio 2010, sigmoid saturation', () => {
  const top = 3;
  const series = (topEnd: number, lowEnd: number) => (l: number, k: number) => ({ actMean: k === 0 ? 0.5 : l === top ? topEnd : l === 0 ? lowEnd : 0.6 });
  it('holds when the top hidden layer falls below 0.1 and the lowest stays near 0.5, with the numbers', () => {
    const c = checkClaim(evidence('papers-glorot-sigmoid', { statSteps: [0, 1000, 2000, 3000], stat: series(0.02, 0.5) }))!;
    expect(c.verdict).toBe('holds');
    expect(c.shows.en).toBe('top hidden layer mean activation 0.50 → 0.02 by step 3,000, lowest layer 0.50: as in the paper.');
    expect(c.shows.ja).toContain('論文のとおりです');
  });
  it('is too early before 3 000 steps of a running run, and not shown after or once it ended', () => {
    expect(checkClaim(evidence('papers-glorot-sigmoid', { statSteps: [0, 100, 200, 300], stat: series(0.3, 0.5) }))!.verdict).toBe('too-early');
    expect(checkClaim(evidence('papers-glorot-sigmoid', { statSteps: [0, 100, 200, 300], stat: series(0.3, 0.5), finished: true }))!.verdict).toBe('not-shown');
    expect(checkClaim(evidence('papers-glorot-sigmoid', { statSteps: [0, 1000, 2000, 3000], stat: series(0.3, 0.5) }))!.verdict).toBe('not-shown');
    expect(checkClaim(evidence('papers-glorot-sigmoid', { statSteps: [0, 1000, 2000, 3000], stat: series(0.02, 0.7) }))!.verdict).toBe('not-shown');
  });
  it('does not judge a run whose settings differ from the paper’s, and says which', () => {
    const c = checkClaim(evidence('papers-glorot-sigmoid', { statSteps: [0, 3000], stat: series(0.02, 0.5), model: { activation: 'tanh', batchNorm: true } }))!;
    expect(c.verdict).toBe('not-shown');
    expect(c.shows.en).toContain('activation, batch normalization');
    expect(c.shows.ja).toContain('活性化関数、バッチ正規化');
  });
  it('has nothing to say about a run from another preset or none', () => {
    const e = evidence('papers-glorot-sigmoid', { statSteps: [0] });
    expect(checkClaim({ ...e, config: { ...e.config, preset: 'deep-sigmoid' } })).toBeNull();
    expect(checkClaim({ ...e, config: { ...e.config, preset: undefined } })).toBeNull();
  });
});

describe('Glorot & Bengio 2010, back-propagated gradients of tanh', () => {
  const delta = (ratio: number) => (l: number) => ({ deltaNorm: l === 0 ? ratio : l === 4 ? 1 : 0.5 });
  it('standard: holds when the lowest layer’s ‖δ‖ is below 0.3 of the top’s; normalized: within 0.5–2', () => {
    expect(checkClaim(evidence('papers-glorot-tanh-standard', { statSteps: [0], stat: delta(0.11) }))!.verdict).toBe('holds');
    expect(checkClaim(evidence('papers-glorot-tanh-standard', { statSteps: [0], stat: delta(0.7) }))!.verdict).toBe('not-shown');
    const x = checkClaim(evidence('papers-glorot-tanh-xavier', { statSteps: [0], stat: delta(0.72) }))!;
    expect(x.verdict).toBe('holds');
    expect(x.shows.en).toContain('0.72× the top hidden layer’s (about the same size across layers)');
    expect(checkClaim(evidence('papers-glorot-tanh-xavier', { statSteps: [0], stat: delta(0.1) }))!.verdict).toBe('not-shown');
    expect(checkClaim(evidence('papers-glorot-tanh-xavier', { statSteps: [] }))!.verdict).toBe('too-early');
  });
  it('the pair: standard shrinks, normalized keeps', () => {
    const p = checkPair(evidence('papers-glorot-tanh-standard', { statSteps: [0], stat: delta(0.11) }), evidence('papers-glorot-tanh-xavier', { statSteps: [0], stat: delta(0.72) }))!;
    expect(p.verdict).toBe('holds');
    expect(p.figures).toEqual({ standard: 0.11, normalized: 0.72 });
  });
});

describe('He et al. 2015, 30-layer ReLU', () => {
  const flat = (n: number, v: number) => Array.from({ length: n }, () => v);
  it('Xavier stalls: loss within 0.05 of ln 10 after 300 steps holds; before, too early; a falling loss is not shown', () => {
    expect(checkClaim(evidence('papers-he-xavier', { statSteps: [0], loss: flat(400, 2.302) }))!.verdict).toBe('holds');
    expect(checkClaim(evidence('papers-he-xavier', { statSteps: [0], loss: flat(100, 2.302) }))!.verdict).toBe('too-early');
    expect(checkClaim(evidence('papers-he-xavier', { statSteps: [0], loss: flat(400, 1.5) }))!.verdict).toBe('not-shown');
  });
  it('He learns: loss 0.5 below ln 10 holds at once; a flat loss is too early, then not shown', () => {
    expect(checkClaim(evidence('papers-he-he', { statSteps: [0], loss: flat(100, 1.2) }))!.verdict).toBe('holds');
    expect(checkClaim(evidence('papers-he-he', { statSteps: [0], loss: flat(100, 2.3) }))!.verdict).toBe('too-early');
    expect(checkClaim(evidence('papers-he-he', { statSteps: [0], loss: flat(400, 2.3) }))!.verdict).toBe('not-shown');
  });
  it('the pair: Xavier’s first-layer gradient below 1e-2 of He’s', () => {
    const x = evidence('papers-he-xavier', { statSteps: [0], stat: () => ({ gradNorm: 3.6e-5 }) });
    const h = evidence('papers-he-he', { statSteps: [0], stat: () => ({ gradNorm: 1 }) });
    const p = checkPair(x, h)!;
    expect(p.verdict).toBe('holds');
    expect(p.shows.en).toBe('first-layer ‖∂E/∂W‖ at the start, Xavier/He = 3.6e-5 (3.6e-5 / 1.00): as in the paper.');
    expect(checkPair(evidence('papers-he-xavier', { statSteps: [0], stat: () => ({ gradNorm: 0.5 }) }), h)!.verdict).toBe('not-shown');
    expect(checkPair(h, x)).toBeNull();
  });
});

describe('Ioffe & Szegedy 2015, the last hidden layer’s sigmoid inputs', () => {
  const probe = (step: number, p50: number): LayerProbeRecord => ({
    type: 'layer-probe', step, learningRate: 0.1, loss: 1,
    layers: Array.from({ length: 4 }, (_, layer) => ({ layer, preP15: p50 - 0.5, preP50: p50, preP85: p50 + 0.5 }) as ProbeLayerStats),
  });
  it('with batch norm: a median that stays put holds (after 500 steps); without: one that moves by more than 0.1 spreads', () => {
    const stable = [probe(0, 0), probe(500, 0.02), probe(1000, 0.01)];
    const moving = [probe(0, 0), probe(500, -0.14), probe(1000, -0.1)];
    const bn = checkClaim(evidence('papers-ioffe-bn', { statSteps: [0], probes: stable, epochs: [0.91] }))!;
    expect(bn.verdict).toBe('holds');
    expect(bn.shows.en).toContain('moved at most 0.02× its 15–85% spread (up to step 1,000); test accuracy after the first epoch 91.0%');
    expect(checkClaim(evidence('papers-ioffe-bn', { statSteps: [0], probes: moving }))!.verdict).toBe('not-shown');
    expect(checkClaim(evidence('papers-ioffe-plain', { statSteps: [0], probes: moving }))!.verdict).toBe('holds');
    expect(checkClaim(evidence('papers-ioffe-plain', { statSteps: [0], probes: stable.slice(0, 2) }))!.verdict).toBe('not-shown');
    expect(checkClaim(evidence('papers-ioffe-plain', { statSteps: [0], probes: [probe(0, 0), probe(50, 0.01)] }))!.verdict).toBe('too-early');
    expect(checkClaim(evidence('papers-ioffe-plain', { statSteps: [0], probes: [probe(0, 0)] }))!.verdict).toBe('too-early');
  });
  it('the pair: batch norm ahead by 10 points after the first epoch', () => {
    const plain = evidence('papers-ioffe-plain', { statSteps: [0], epochs: [0.51] });
    expect(checkPair(plain, evidence('papers-ioffe-bn', { statSteps: [0], epochs: [0.91] }))!.verdict).toBe('holds');
    expect(checkPair(plain, evidence('papers-ioffe-bn', { statSteps: [0], epochs: [0.55] }))!.verdict).toBe('not-shown');
    expect(checkPair(plain, evidence('papers-ioffe-bn', { statSteps: [0] }))!.verdict).toBe('too-early');
  });
});

describe('Klambauer et al. 2017, SELU', () => {
  it('holds when the deeper half stays near mean 0, standard deviation 1, at the start and now', () => {
    const good = checkClaim(evidence('papers-klambauer-selu', { statSteps: [0, 50, 100], stat: (l) => ({ actMean: l % 2 ? 0.04 : -0.03, actStd: l < 4 ? 0.5 : 1.05 }) }))!;
    expect(good.verdict).toBe('holds');
    expect(good.shows.en).toContain('layers 17–32: |mean| at most 0.04, standard deviation 1.05–1.05');
    expect(checkClaim(evidence('papers-klambauer-selu', { statSteps: [0, 50], stat: (l, k) => ({ actMean: 0, actStd: k ? 1.6 : 1 }) }))!.verdict).toBe('not-shown');
    expect(checkClaim(evidence('papers-klambauer-selu', { statSteps: [0], stat: () => ({ actMean: 0.3, actStd: 1 }) }))!.verdict).toBe('not-shown');
  });
});
