// The layer-diagnostics panel with fixed probes: the initial-loss and update:data verdicts in plain words (both
// languages), the overlaid distributions with the saturation rule stated, the ledger with the sigmoid line and
// the Glorot/He marks, the float32 floor named, a prediction marked by clicking a layer's column and drawn over
// the measured profile, and the glossary in the textbooks' Japanese.
import { fireEvent, render } from '@testing-library/svelte';
import { afterEach, describe, expect, it } from 'vitest';
import { ACTIVATION_HISTOGRAM, HISTOGRAM, type LayerInfo, type LayerProbeRecord, type ProbeLayerStats } from '../../electron/common/records';
import { setLocale } from '../../renderer/src/lib/i18n/i18n.svelte';
import DiagnosticsPanel from '../../renderer/src/views/train/diagnostics/DiagnosticsPanel.svelte';
import { rangeText } from '../../renderer/src/views/train/diagnostics/probe-data';
import { stubResizeObserver } from './compare-fixtures';

stubResizeObserver();
afterEach(() => setLocale('en'));

const LAYERS: LayerInfo[] = [0, 1, 2, 3].map((i) => ({ index: i, name: i === 3 ? 'output' : `dense_${i + 1}`, units: i === 3 ? 10 : 30, fanIn: i === 0 ? 784 : 30, activation: i === 3 ? 'softmax' : 'sigmoid', output: i === 3 }));

function layer(l: number, step: number): ProbeLayerStats {
  const output = l === 3;
  const act = new Array<number>(ACTIVATION_HISTOGRAM.bins).fill(0);
  act[60 + 10 + l] = 600; // around h ≈ 0.5
  const grad = new Array<number>(HISTOGRAM.bins).fill(0);
  grad[10 + 2 * l] = 600;
  return {
    layer: l, actMean: 0.5, actStd: 0.1, saturatedFrac: output ? null : 0.02 * l, preP15: -1, preP50: 0, preP85: 1,
    actGradStd: 10 ** (-6 + l), weightStd: 0.18, weightGradStd: 1e-4, gradToData: 5e-4,
    // Layers 1–3 far below the 1e-3 guide: the verdict names them.
    updateToDataStd: output ? -3 : -5.5 + step / 1000, updateToDataNorm: -5,
    deltaNorm: 10 ** (-4 + l * 0.6), biasGradNorm: 10 ** (-3.5 + l * 0.6),
    ledgerRatio: output ? null : -0.6, ledgerActivation: output ? null : -0.62, ledgerWeights: output ? null : 0.01,
    actCounts: act, actGradCounts: grad, actGradZeros: 0, total: 600,
  };
}
const probes: LayerProbeRecord[] = [0, 20, 40].map((step) => ({
  type: 'layer-probe', step, learningRate: 0.1, loss: 2.36, layers: [0, 1, 2, 3].map((l) => layer(l, step)),
  ...(step === 0 ? { gradientCheck: [0, 1, 2, 3].map((l) => ({ layer: l, index: 5, analytic: 1e-3, numeric: 1e-3 * (1 + 1e-6), relative: 1e-6, verdict: 'fine' as const })) } : {}),
}));

describe('layer diagnostics panel', () => {
  it('says in plain words what the probes mean', () => {
    const { getByTestId, container } = render(DiagnosticsPanel, { layers: LAYERS, probes, classes: 10 });
    expect(getByTestId('diag-initial-loss').dataset.verdict).toBe('expected');
    expect(getByTestId('diag-initial-loss').textContent).toContain('2.303');
    expect(getByTestId('diag-update-verdict').textContent).toContain('The learning rate looks too low for layers 1–3.');
    expect(getByTestId('diag-gradient-check').dataset.verdict).toBe('fine');
    expect(getByTestId('chart-diag-activations').textContent).toContain('|tanh| > 0.97');
    expect(container.querySelectorAll('[data-dist-layer]')).toHaveLength(6);
    // Ledger: three bars per hidden layer, the sigmoid line, Glorot (gain 1 for 30 → 30) and He marks.
    expect(container.querySelectorAll('[data-ledger]')).toHaveLength(9);
    expect(container.querySelector('[data-sigmoid-line]')).not.toBeNull();
    expect(container.querySelectorAll('[data-pred-glorot]')).toHaveLength(3);
    // update:data with its guide line at −3; Nielsen's ‖δ‖ names the float32 floor below its axis.
    expect(getByTestId('chart-diag-update-data').querySelector('[data-guide-line="-3"]')).not.toBeNull();
    expect(getByTestId('chart-diag-delta-time').querySelector('[data-floor-below]')?.textContent).toContain('1.18e-38');
  });

  it('shows the book’s numbers beside the run’s for the Nielsen preset', () => {
    const { getByTestId, unmount } = render(DiagnosticsPanel, { layers: LAYERS, probes, preset: 'nielsen-ch5' });
    expect(getByTestId('diag-published').textContent).toContain('0.003, 0.017, 0.07, 0.285');
    unmount();
    expect(render(DiagnosticsPanel, { layers: LAYERS, probes, preset: 'seed-he' }).queryByTestId('diag-published')).toBeNull();
  });

  it('moves every chart to the scrubbed step', async () => {
    const { getByTestId } = render(DiagnosticsPanel, { layers: LAYERS, probes });
    expect(getByTestId('diag-step').textContent).toBe('at step 40');
    await fireEvent.input(getByTestId('diag-scrubber'), { target: { value: '0' } });
    expect(getByTestId('diag-step').textContent).toBe('at step 0');
    expect(getByTestId('chart-diag-update-data').querySelector('[data-step-rule]')?.getAttribute('x1')).toBe('0');
  });

  it('marks a prediction by clicking a layer’s column or typing, before any probe', async () => {
    const { container, getByTestId } = render(DiagnosticsPanel, { layers: LAYERS, probes: [], editable: true });
    expect(getByTestId('diag-empty')).toBeTruthy();
    await fireEvent.pointerDown(container.querySelector('[data-predict-column="0"]')!, { clientY: 200 });
    await fireEvent.input(container.querySelector('[data-predict-input="2"]')!, { target: { value: '-2.5' } });
    expect(container.querySelectorAll('[data-predicted]')).toHaveLength(2);
    expect(container.querySelector('[data-observed-line]')).toBeNull();
    expect(getByTestId('readout-diag-predict').textContent).toContain('L3: mark 1e-2.5');
  });

  it('draws the measured step-0 profile over a kept prediction', () => {
    const { container, getByTestId } = render(DiagnosticsPanel, { layers: LAYERS, probes, predicted: [-3.9, null, -2.5, null], editable: false });
    expect(container.querySelectorAll('[data-observed]')).toHaveLength(4);
    expect(container.querySelectorAll('[data-predicted]')).toHaveLength(2);
    expect(container.querySelector('[data-predict-inputs]')).toBeNull();
    expect(getByTestId('readout-diag-predict').textContent).toContain('L1: mark 1e-3.9 / measured 1e-4');
  });

  it('prints a blank handout and, separately, the answer key', async () => {
    let printed = 0;
    window.print = () => void printed++;
    const { container, getByTestId } = render(DiagnosticsPanel, { layers: LAYERS, probes });
    const sheet = container.querySelector('[data-print-handout]')!;
    await fireEvent.click(getByTestId('handout-blank'));
    expect(sheet.getAttribute('data-mode')).toBe('blank');
    expect(sheet.querySelector('[data-handout-row="0"]')!.textContent).toContain('10^ ____');
    expect(document.body.classList.contains('print-handout')).toBe(true);
    await fireEvent.click(getByTestId('handout-answers'));
    expect(sheet.getAttribute('data-mode')).toBe('answers');
    expect(sheet.querySelector('[data-handout-row="0"]')!.textContent).toContain('1e-4');
    expect(sheet.querySelector('[data-handout-slowest]')!.textContent).toContain('L1');
    await new Promise((r) => setTimeout(r, 10));
    expect(printed).toBe(2);
  });

  it('speaks Japanese with the textbooks’ terms', () => {
    setLocale('ja');
    const { getByTestId } = render(DiagnosticsPanel, { layers: LAYERS, probes });
    expect(getByTestId('diag-update-verdict').textContent).toContain('層 1–3 では学習率が小さすぎるようです。');
    const glossary = getByTestId('diag-glossary').textContent!;
    for (const term of ['勾配消失', '勾配爆発', '勾配クリッピング', 'Xavierの初期値', 'Heの初期値']) expect(glossary).toContain(term);
  });

  it('writes layer ranges as people do', () => {
    expect(rangeText([0, 1, 2, 4])).toBe('1–3, 5');
  });
});

describe('Compare: layer probes overlaid across runs', () => {
  it('draws one ledger line per run with probes and names the run without them', async () => {
    const { detail } = await import('./compare-fixtures');
    const { prepareRuns } = await import('../../renderer/src/views/compare/compare-data');
    const CompareProbeProfile = (await import('../../renderer/src/views/compare/CompareProbeProfile.svelte')).default;
    const a = { ...detail(1, 'deep-sigmoid', [1e-6, 1e-5, 1e-4]), layers: LAYERS, probes };
    const b = { ...detail(2, 'deep-relu-he', [1e-4, 1e-4, 1e-4]), layers: LAYERS, probes: [] };
    const runs = prepareRuns({ runs: [a, b], diff: [] });
    const { container, getByTestId } = render(CompareProbeProfile, { runs, kind: 'ledger' });
    expect(container.querySelector('[data-run-line="1"]')?.getAttribute('d')).toMatch(/^M/);
    expect(container.querySelector('[data-run-line="2"]')?.getAttribute('d')).toBe('');
    expect(container.querySelector('[data-sigmoid-line]')).not.toBeNull();
    const readout = getByTestId('readout-compare-ledger').textContent!;
    expect(readout).toContain('initial loss 2.36 (As expected');
    expect(readout).toContain('no layer probe recorded');
    const update = render(CompareProbeProfile, { runs, kind: 'update' });
    expect(update.container.querySelector('[data-guide-line="-3"]')).not.toBeNull();
  });
});

describe('Learn view: gradient check of the toy network', () => {
  it('confirms every chain-rule gradient of the setup shown', async () => {
    const { DEFAULT_SETUP } = await import('../../electron/common/toy-network');
    const Panel = (await import('../../renderer/src/views/learn/GradientCheckPanel.svelte')).default;
    const { container } = render(Panel, { setup: { ...DEFAULT_SETUP, activation: 'tanh' } });
    const rows = [...container.querySelectorAll('[data-check-param]')];
    expect(rows.map((r) => r.getAttribute('data-check-param'))).toEqual(['w11', 'w12', 'w21', 'w22', 'w31', 'w32', 'v1', 'v2', 'b1', 'b2', 'c']);
    for (const r of rows) expect(['excellent', 'fine']).toContain(r.getAttribute('data-verdict'));
  });
});
