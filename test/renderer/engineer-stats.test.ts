// What an engineer checks, in the UI: ‖W‖, update/weight and the activations' mean and std per layer over the
// statistics steps (log axes for the first two, an exactly zero update in its own "= 0" lane, layers picked by
// the reader); each chart's ⓘ explanation with a working link into the Learn view; and the loss chart's ln 10
// line with an axis that reaches above it.
import { fireEvent, render } from '@testing-library/svelte';
import { describe, expect, it } from 'vitest';
import LossAccuracyChart from '../../renderer/src/charts/LossAccuracyChart.svelte';
import { chartNote } from '../../renderer/src/charts/chart-notes';
import { lossAxis, uniformLoss } from '../../renderer/src/charts/loss-reference';
import { learnHref, learnTargetOf } from '../../renderer/src/lib/learn-link';
import { setLocale } from '../../renderer/src/lib/i18n/i18n.svelte';
import EngineerStatsChart from '../../renderer/src/views/train/EngineerStatsChart.svelte';
import { engineerDomain, engineerSeries } from '../../renderer/src/views/train/engineer-series';
import { LAYERS, stats } from './charts-fixtures';
import { stubResizeObserver } from './compare-fixtures';

stubResizeObserver();

const STEPS = [0, 10, 20];
/** Layer 0 never moves (update 0, as a dead first layer); the others move 10⁻⁵ … 10⁻² per step and grow. */
const SERIES = LAYERS.map((l) =>
  STEPS.map((s, k) =>
    stats(l.index, 1, { updateRatio: l.index === 0 ? 0 : 10 ** -(5 - l.index - k / 2), weightNorm: 2 + l.index + k, actMean: 0.1 * l.index, actStd: 0.2 - 0.05 * k }),
  ),
);

describe('engineer series', () => {
  it('puts an exactly zero update in the zero lane, not on the log axis, and keeps the values it can place', () => {
    const [l0, l1] = engineerSeries(STEPS, SERIES, 'updateRatio', [0, 1]);
    expect(l0!.points).toEqual([]);
    expect(l0!.zeros).toEqual([0, 10, 20]);
    expect(l1!.points.map((p) => p[0])).toEqual([0, 10, 20]);
    expect(l1!.points[0]![1]).toBeCloseTo(1e-4, 12);
    expect(l1!.zeros).toEqual([]);
  });

  it('keeps zero as a value on a linear axis (a mean of 0 is a mean)', () => {
    const [l0] = engineerSeries(STEPS, SERIES, 'actMean', [0]);
    expect(l0!.points.map((p) => p[1])).toEqual([0, 0, 0]);
    expect(l0!.zeros).toEqual([]);
  });

  it('gives the log quantities whole decades, update/weight always with its 10⁻⁴…10⁻² band, std from 0', () => {
    const ratio = engineerSeries(STEPS, SERIES, 'updateRatio', [1]);
    expect(engineerDomain('updateRatio', ratio)).toEqual([1e-4, 1e-2]);
    const tiny = engineerSeries(STEPS, SERIES.map((s) => s.map((x) => ({ ...x, updateRatio: 3e-9 }))), 'updateRatio', [1]);
    expect(engineerDomain('updateRatio', tiny)).toEqual([1e-9, 1e-2]);
    const norms = engineerSeries(STEPS, SERIES, 'weightNorm', [0, 1, 2]);
    expect(engineerDomain('weightNorm', norms)).toEqual([1, 10]);
    const [lo, hi] = engineerDomain('actStd', engineerSeries(STEPS, SERIES, 'actStd', [0]));
    expect(lo).toBe(0);
    expect(hi).toBeGreaterThan(0.2);
    // A saturated layer's mean wobbling at 0.99999 is drawn flat on an axis at least 0.1 wide, not as a cliff.
    const flat = engineerSeries(STEPS, SERIES.map((s) => s.map((x, k) => ({ ...x, actMean: 0.99999 + 1e-6 * k }))), 'actMean', [0]);
    const [a, b] = engineerDomain('actMean', flat);
    expect(b - a).toBeCloseTo(0.1, 9);
    expect(engineerDomain('actStd', engineerSeries(STEPS, SERIES.map((s) => s.map((x) => ({ ...x, actStd: 1e-4 }))), 'actStd', [0]))).toEqual([0, 0.1]);
  });
});

describe('engineer chart', () => {
  it('draws one line per hidden layer, lets the reader pick layers and quantities, and marks the zero lane', async () => {
    setLocale('en');
    const { container, getByText } = render(EngineerStatsChart, { layers: LAYERS, statSteps: STEPS, layerStats: SERIES, width: 600 });
    expect(container.querySelectorAll('[data-layer-line]').length).toBe(3);
    expect(container.querySelector('[data-chart-title]')?.textContent).toBe('Update / weight ratio per layer');
    expect(container.querySelectorAll('[data-zero-mark="0"]').length).toBe(3);
    expect(container.querySelector('[data-zero-lane]')?.textContent).toBe('= 0');
    expect(container.querySelector('[data-guide-band]')).not.toBeNull();

    await fireEvent.click(container.querySelector('[data-pick-layer="0"]')!);
    expect([...container.querySelectorAll('[data-layer-line]')].map((e) => e.getAttribute('data-layer-line'))).toEqual(['1', '2']);
    await fireEvent.click(container.querySelector('[data-pick-layer="3"]')!);
    expect(container.querySelectorAll('[data-layer-line]').length).toBe(3);
    expect(container.querySelector('[data-legend-layer="3"]')?.textContent).toContain('output');

    await fireEvent.click(getByText('‖W‖', { selector: 'button' }));
    expect(container.querySelector('[data-chart-title]')?.textContent).toBe('Weight norm ‖W‖ per layer');
    expect(container.querySelector('[data-zero-lane]')).toBeNull();
    expect(container.querySelector('[data-guide-band]')).toBeNull();
    await fireEvent.click(container.querySelector('[data-pick-all]')!);
    expect(container.querySelectorAll('[data-layer-line]').length).toBe(3);
  });

  it('says so in Japanese', () => {
    setLocale('ja');
    const { container } = render(EngineerStatsChart, { layers: LAYERS, statSteps: STEPS, layerStats: SERIES, metric: 'actStd', width: 600 });
    expect(container.querySelector('[data-chart-title]')?.textContent).toBe('層ごとの活性の標準偏差');
    setLocale('en');
  });
});

describe('explanations at the charts', () => {
  it('opens and closes with the ⓘ button, and links to the Learn step that explains the chart', async () => {
    setLocale('en');
    const { container } = render(EngineerStatsChart, { layers: LAYERS, statSteps: STEPS, layerStats: SERIES, width: 600 });
    const button = container.querySelector<HTMLButtonElement>('[data-testid="explain-engineer-stats"]')!;
    expect(button.getAttribute('aria-expanded')).toBe('false');
    expect(container.querySelector('[data-chart-note]')).toBeNull();
    await fireEvent.click(button);
    expect(button.getAttribute('aria-expanded')).toBe('true');
    const note = container.querySelector('[data-chart-note]')!;
    expect(button.getAttribute('aria-controls')).toBe(note.id);
    expect(note.textContent).toContain('10⁻³');
    const link = note.querySelector('a[data-learn-link]')!;
    expect(link.getAttribute('href')).toBe('#/learn?step=5');
    expect(link.textContent).toContain('⑤');
    await fireEvent.click(button);
    expect(container.querySelector('[data-chart-note]')).toBeNull();
  });

  it('has a Learn place for every explained chart that the Learn view can open', () => {
    for (const name of ['loss-accuracy', 'layer-norm', 'layer-heatmap', 'gradient-histogram', 'saturation', 'gradient-norm', 'engineer-stats']) {
      const note = chartNote(name);
      expect(note, name).toBeDefined();
      expect(learnTargetOf(learnHref(note!.learn))).toEqual(note!.learn);
    }
    expect(chartNote('no-such-chart')).toBeUndefined();
    expect(chartNote('toString')).toBeUndefined();
  });

  it('reads Learn addresses, and asks for nothing on an unknown section or a step outside 1–5', () => {
    expect(learnTargetOf('#/learn?step=3')).toEqual({ step: 3 });
    expect(learnTargetOf('#/learn?section=theory')).toEqual({ section: 'theory' });
    expect(learnTargetOf('#/learn')).toBeNull();
    expect(learnTargetOf('#/learn?step=9')).toBeNull();
    expect(learnTargetOf('#/learn?step=2x')).toBeNull();
    expect(learnTargetOf('#/learn?section=__proto__')).toBeNull();
  });
});

describe('ln 10 on the loss chart', () => {
  it('is the uniform guess −ln(1/classes), none without a class count', () => {
    expect(uniformLoss(10)).toBeCloseTo(2.302585, 6);
    expect(uniformLoss(2)).toBeCloseTo(0.693147, 6);
    expect(uniformLoss(undefined)).toBeNull();
    expect(uniformLoss(1)).toBeNull();
  });

  it('keeps the axis above the line, so a plateau on it is not pressed against the top', () => {
    const ln10 = Math.log(10);
    expect(lossAxis([2.31, 2.302, 2.303], [], ln10)).toEqual({ top: ln10 * 1.15, above: null });
    // A learning run whose loss rises to 8 after its opening keeps all of it on the axis.
    expect(lossAxis([2.3, 2.2, 2.1, 3, 8, 6, 4, 2, 1, 0.5], [], ln10)).toEqual({ top: 8, above: null });
    // Without a reference, everything fits, as before.
    expect(lossAxis([25, 2.3], [], null)).toEqual({ top: 25, above: null });
    expect(lossAxis([], [], null).top).toBe(1);
  });

  it('lets a confidently wrong opening (seed-keras starts near 25) run off the top, named, instead of squashing the plateau', () => {
    const ln10 = Math.log(10);
    const loss = Array.from({ length: 400 }, (_, i) => (i < 8 ? 25 - 2.8 * i : 2.302 + 0.002 * Math.sin(i)));
    const axis = lossAxis(loss, [9.5, 2.31], ln10);
    expect(axis.top).toBeCloseTo(ln10 * 1.15, 9);
    expect(axis.above).toBe(25);
    const steps = loss.map((_, i) => i);
    const { container } = render(LossAccuracyChart, { steps, loss, acc: steps.map(() => 0.1), classes: 10, width: 600, height: 360 });
    // A short mark at the top edge of the plot, the sentence in the legend.
    expect(container.querySelector('[data-loss-above]')?.textContent).toBe('↑ 25');
    expect(container.querySelector('[data-testid="loss-above-legend"]')?.textContent).toContain('the opening reaches 25, above the axis');
    // The plateau is drawn in the upper part of the panel, not in its bottom tenth.
    const ref = Number(container.querySelector('[data-uniform-loss]')!.getAttribute('y1'));
    const panelH = Number(container.querySelector('[data-panel="loss"] [data-axis="y"] line')!.getAttribute('y2'));
    expect(ref).toBeLessThan(0.3 * panelH);
  });

  it('draws a labelled ln 10 line inside the loss panel for a ten-class run', () => {
    setLocale('en');
    const steps = Array.from({ length: 50 }, (_, i) => i);
    const loss = steps.map(() => 2.302);
    const { container } = render(LossAccuracyChart, { steps, loss, acc: steps.map(() => 0.1), classes: 10, width: 600, height: 360 });
    const ref = container.querySelector('[data-panel="loss"] [data-uniform-loss]')!;
    expect(Number(ref.getAttribute('data-uniform-loss'))).toBeCloseTo(Math.log(10), 9);
    expect(container.querySelector('[data-uniform-label]')?.textContent).toBe('ln 10 ≈ 2.303');
    expect(container.querySelector('[data-testid="loss-uniform-legend"]')?.textContent).toContain('uniform guess over 10 classes');
    // The line sits inside the panel, clearly below its top edge.
    const y = Number(ref.getAttribute('y1'));
    expect(y).toBeGreaterThan(10);
    const without = render(LossAccuracyChart, { steps, loss, acc: steps.map(() => 0.1), width: 600, height: 360 });
    expect(without.container.querySelector('[data-uniform-loss]')).toBeNull();
  });
});
