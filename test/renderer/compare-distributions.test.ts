// The makemore part 3 overlays across runs in Compare, with fixed probes: the shared scrubber's steps and each
// run's probe nearest to it, one layer's histograms of every run with mean, std and saturated share per run,
// update:data of that layer over time per run (std- and norm-based, the guide labelled), the initial-loss check
// per run, the same in Japanese, and each chart exported as a self-describing SVG in both languages.
import { fireEvent, render } from '@testing-library/svelte';
import { afterEach, describe, expect, it } from 'vitest';
import { ACTIVATION_HISTOGRAM, HISTOGRAM, type LayerInfo, type LayerProbeRecord, type ProbeLayerStats } from '../../electron/common/records';
import { svgString } from '../../renderer/src/charts/chart-export';
import { setLocale, type Locale } from '../../renderer/src/lib/i18n/i18n.svelte';
import CompareDistributions from '../../renderer/src/views/compare/CompareDistributions.svelte';
import { prepareRuns } from '../../renderer/src/views/compare/compare-data';
import { hiddenSlots, initialLossOf, probeSteps, probesAt, updateLine } from '../../renderer/src/views/compare/compare-probes';
import { nearestPoint, usedRange } from '../../renderer/src/views/train/diagnostics/probe-data';
import { detail, stubResizeObserver } from './compare-fixtures';

stubResizeObserver();
afterEach(() => setLocale('en'));

const layersOf = (hidden: number, activation: string): LayerInfo[] =>
  Array.from({ length: hidden + 1 }, (_, i) => ({ index: i, name: `dense_${i + 1}`, units: i === hidden ? 10 : 30, fanIn: i === 0 ? 784 : 30, activation: i === hidden ? 'softmax' : activation, output: i === hidden }));

/** A probe layer whose activations sit in bin `bin` and whose update:data is `update` (std) and `update − 1` (norm). */
function stats(l: number, bin: number, mean: number, update: number | null): ProbeLayerStats {
  const act = new Array<number>(ACTIVATION_HISTOGRAM.bins).fill(0);
  act[bin] = 400;
  act[bin + 1] = 200;
  const grad = new Array<number>(HISTOGRAM.bins).fill(0);
  grad[8 + l] = 600;
  return {
    layer: l, actMean: mean, actStd: 0.25, saturatedFrac: 0.125, preP15: -1, preP50: 0, preP85: 1, actGradStd: 1e-5, weightStd: 0.1, weightGradStd: 1e-4,
    gradToData: 1e-3, updateToDataStd: update, updateToDataNorm: update === null ? null : update - 1, deltaNorm: 1e-3, biasGradNorm: 1e-3,
    ledgerRatio: -0.6, ledgerActivation: -0.6, ledgerWeights: 0, actCounts: act, actGradCounts: grad, actGradZeros: 0, total: 600,
  };
}
const probesOf = (steps: number[], hidden: number, loss: number, bin: (step: number) => number, update: (step: number) => number | null): LayerProbeRecord[] =>
  steps.map((step) => ({ type: 'layer-probe', step, learningRate: 0.1, loss, layers: Array.from({ length: hidden + 1 }, (_, l) => stats(l, bin(step), 0.5 + step / 1000, update(step))) }));

// A sigmoid run probed every 10 steps, and a deeper ReLU-like run probed every 15 steps starting confidently wrong.
const sigmoid = { ...detail(1, 'deep-sigmoid', [1e-6, 1e-5, 1e-4]), layers: layersOf(2, 'sigmoid'), probes: probesOf([0, 10, 20, 30], 2, 2.31, (s) => 60 + s / 10, (s) => -5 + s / 100) };
const relu = { ...detail(2, 'seed-keras', [1e-4, 1e-4, 1e-4]), layers: layersOf(3, 'relu'), probes: probesOf([0, 15, 30], 3, 9.5, () => 90, () => -3) };
const bare = { ...detail(3, 'deep-relu-he', [1e-4, 1e-4, 1e-4]), layers: layersOf(2, 'relu'), probes: [] };
const runs = () => prepareRuns({ runs: [sigmoid, relu, bare], diff: [] });

describe('Compare: the pure preparation of the overlays', () => {
  it('scrubs over every probed step and picks each run’s nearest probe', () => {
    const rs = runs();
    expect(probeSteps(rs)).toEqual([0, 10, 15, 20, 30]);
    expect(hiddenSlots(rs)).toBe(3);
    const at = probesAt(rs, 0, 14);
    expect(at.map((a) => a.probe?.step ?? null)).toEqual([10, 15, null]);
    expect(at[0]!.stats!.actMean).toBeCloseTo(0.51);
    // The third hidden layer exists only in the deeper run.
    expect(probesAt(rs, 2, 30).map((a) => a.hasLayer)).toEqual([false, true, false]);
  });

  it('draws update:data of one layer per run over time, std- or norm-based', () => {
    const rs = runs();
    expect(updateLine(rs[0]!, 1, 'std').pts).toEqual([[0, -5], [10, -4.9], [20, -4.8], [30, -4.7]]);
    expect(updateLine(rs[0]!, 1, 'norm').pts.map((p) => p[1])).toEqual([-6, -5.9, -5.8, -5.7]);
    expect(updateLine(rs[0]!, 2, 'std').pts).toEqual([]);
    expect(updateLine(rs[1]!, 0, 'std')).toMatchObject({ key: 2, colour: rs[1]!.colour, label: rs[1]!.name });
  });

  it('checks each run’s initial loss against −ln(1/classes)', () => {
    const rs = runs();
    expect(initialLossOf(rs[0]!)).toMatchObject({ verdict: 'expected', classes: 10 });
    expect(initialLossOf(rs[0]!)!.expected).toBeCloseTo(2.3026, 4);
    expect(initialLossOf(rs[1]!)!.verdict).toBe('high');
    expect(initialLossOf(rs[2]!)).toBeNull();
  });

  it('zooms histograms to the bins in use and finds the nearest point', () => {
    expect(usedRange([[0, 0, 1, 0], [0, 0, 0, 0]], 0, 4, 4)).toEqual([1, 4]);
    expect(usedRange([[0, 0]], -3, 3, 2)).toEqual([-3, 3]);
    expect(nearestPoint([[0, 1], [10, 2], [20, 3]] as const, 14)).toEqual([10, 2]);
    expect(nearestPoint([], 3)).toBeNull();
  });
});

describe('Compare: distributions overlaid across runs', () => {
  it('overlays one layer of every run and follows the shared scrubber', async () => {
    const { container, getByTestId } = render(CompareDistributions, { runs: runs() });
    const act = getByTestId('chart-compare-activations');
    // One line per run; the run without probes has none, and says so.
    expect(act.querySelector('[data-dist-run="1"]')?.getAttribute('d')).toMatch(/^M/);
    expect(act.querySelector('[data-dist-run="2"]')?.getAttribute('d')).toMatch(/^M/);
    expect(act.querySelector('[data-dist-run="3"]')?.getAttribute('d')).toBe('');
    expect(act.querySelector('[data-legend-run="1"]')!.textContent).toContain('at step 30: mean 0.53, std 0.25, saturated 12.5%');
    expect(act.querySelector('[data-legend-run="3"]')!.textContent).toContain('no layer probe recorded');
    expect(act.textContent).toContain('|tanh| > 0.97');
    expect(getByTestId('chart-compare-activation-grads').querySelector('[data-legend-run="2"]')!.textContent).toContain('std 1e-5, exactly 0: 0.0%');
    const before = act.querySelector('[data-dist-run="1"]')!.getAttribute('d');
    await fireEvent.input(getByTestId('compare-dist-scrubber'), { target: { value: '2' } });
    expect(getByTestId('compare-dist-step').textContent).toContain('15');
    expect(act.querySelector('[data-legend-run="1"]')!.textContent).toContain('at step 10:');
    expect(act.querySelector('[data-legend-run="2"]')!.textContent).toContain('at step 15:');
    expect(act.querySelector('[data-dist-run="1"]')!.getAttribute('d')).not.toBe(before);
    // The update:data chart marks the chosen step.
    expect(container.querySelector('[data-testid="chart-compare-update-time"] [data-step-rule]')).not.toBeNull();
  });

  it('picks a layer, names runs without it, and switches the update:data basis with its label', async () => {
    const { getByTestId } = render(CompareDistributions, { runs: runs() });
    await fireEvent.change(getByTestId('compare-dist-layer'), { target: { value: '2' } });
    const act = getByTestId('chart-compare-activations');
    expect(act.textContent).toContain('layer L3');
    expect(act.querySelector('[data-legend-run="1"]')!.textContent).toContain('has no hidden layer L3');
    const update = getByTestId('chart-compare-update-time');
    expect(update.querySelector('[data-run-line="1"]')!.getAttribute('d')).toBe('');
    expect(update.querySelector('[data-run-line="2"]')!.getAttribute('d')).toMatch(/^M/);
    expect(update.querySelector('[data-guide-line="-3"]')).not.toBeNull();
    expect(update.textContent).toContain('1e-3 guide · std-based (makemore)');
    await fireEvent.click(update.querySelector('[data-basis="norm"]')!);
    expect(update.textContent).toContain('1e-3 guide · norm-based (CS231n)');
    expect(update.textContent).toContain('CS231n');
  });

  it('states each run’s initial-loss check, in both languages', () => {
    const { getByTestId, unmount } = render(CompareDistributions, { runs: runs() });
    const rows = [...getByTestId('compare-initial-loss').querySelectorAll('li')];
    expect(rows.map((r) => r.dataset.verdict)).toEqual(['expected', 'high', 'none']);
    expect(rows[0]!.textContent).toContain('expected −ln(1/10) = 2.303');
    expect(rows[1]!.textContent).toContain('confidently wrong');
    unmount();
    setLocale('ja');
    const ja = render(CompareDistributions, { runs: runs() });
    expect(ja.getByTestId('chart-compare-activations').textContent).toContain('アクティベーションの分布');
    expect(ja.getByTestId('chart-compare-activations').textContent).toContain('飽和');
    expect(ja.getByTestId('compare-initial-loss').textContent).toContain('自信を持って間違えて');
  });

  it('says so when no run has a probe', () => {
    const { getByTestId } = render(CompareDistributions, { runs: prepareRuns({ runs: [bare, { ...bare, summary: { ...bare.summary, id: 4 } }], diff: [] }) });
    expect(getByTestId('compare-dist-empty').textContent).toContain('None of these runs');
  });
});

describe.each<Locale>(['en', 'ja'])('Compare: the overlays export like every chart (%s)', (locale) => {
  it('carries title, basis, axis titles and every run with its step in the SVG', () => {
    setLocale(locale);
    const rs = runs();
    const { getByTestId } = render(CompareDistributions, { runs: rs });
    for (const name of ['compare-activations', 'compare-activation-grads', 'compare-update-time']) {
      const figure = getByTestId(`chart-${name}`);
      const doc = new DOMParser().parseFromString(svgString(figure)!, 'image/svg+xml');
      expect(doc.querySelector('parsererror')).toBeNull();
      expect(doc.querySelector('[data-export-title]')!.textContent).toBe(figure.querySelector('[data-chart-title]')!.textContent!.trim());
      const legend = doc.querySelector('[data-export-legend]')!.textContent!;
      for (const r of rs) expect(legend, `${name} names ${r.name}`).toContain(r.name);
      const all = doc.documentElement.textContent!;
      expect(all).toContain(name === 'compare-update-time' ? (locale === 'en' ? 'log10 std ratio' : '標準偏差の比の log10') : locale === 'en' ? 'share of entries' : '要素の割合');
      if (name !== 'compare-update-time') expect(legend).toContain(locale === 'en' ? 'at step 30' : 'ステップ 30');
      else expect(doc.querySelector('[data-export-settings]')!.textContent).toContain(locale === 'en' ? 'std-based (makemore)' : '標準偏差で（makemore）');
    }
  });
});
