// The chart components with fixed data: scales, the log axis and its separate zero markers, legend values,
// the gradient-flow "no signal" style, percentile bands, saturation lines and the predictions grid.
import { render, fireEvent } from '@testing-library/svelte';
import { interpolateCividis } from 'd3-scale-chromatic';
import { describe, expect, it } from 'vitest';
import GradientFlowDiagram from '../../renderer/src/charts/GradientFlowDiagram.svelte';
import GradientHistogram from '../../renderer/src/charts/GradientHistogram.svelte';
import LayerNormChart from '../../renderer/src/charts/LayerNormChart.svelte';
import LossAccuracyChart from '../../renderer/src/charts/LossAccuracyChart.svelte';
import PredictionGrid from '../../renderer/src/charts/PredictionGrid.svelte';
import SaturationChart from '../../renderer/src/charts/SaturationChart.svelte';
import { LAYERS, PREDICTIONS, STATS, histogram, stats } from './charts-fixtures';
import { stubResizeObserver } from './compare-fixtures';

// The chart frame measures its container (ResizeObserver); jsdom lays nothing out, so charts keep their given widths.
stubResizeObserver();

const ticks = (root: Element, axis: string) => [...root.querySelectorAll(`[data-axis="${axis}"] [data-tick]`)].map((t) => t.textContent?.trim());
const num = (el: Element | null, attr: string) => Number(el?.getAttribute(attr));

describe('LossAccuracyChart', () => {
  const steps = Array.from({ length: 200 }, (_, i) => i);
  const loss = steps.map((s) => 2.3 * Math.exp(-s / 50) + 0.1);
  const acc = steps.map((s) => Math.min(1, s / 200));
  const epochs = [{ type: 'epoch' as const, epoch: 0, step: 99, trainLoss: 0.5, trainAcc: 0.7, testLoss: 0.6, testAcc: 0.65, seconds: 1, samplesPerSec: 100 }];

  it('draws smoothed loss and accuracy on linear scales with the accuracy axis in percent', () => {
    const { container } = render(LossAccuracyChart, { steps, loss, acc, epochs, totalSteps: 400, width: 600, height: 400 });
    const panels = container.querySelectorAll('[data-panel]');
    expect(panels).toHaveLength(2);
    const accTicks = ticks(panels[1]!, 'y');
    expect(accTicks[0]).toBe('0%');
    expect(accTicks[accTicks.length - 1]).toBe('100%');
    // The x axis spans the planned 400 steps, not just the 200 done.
    expect(ticks(panels[1]!, 'x')).toContain('300');
    expect(container.querySelectorAll('[data-series="smoothed"]')).toHaveLength(2);
    expect(container.querySelector('[data-series="raw"]')).toBeNull();
    expect(container.querySelectorAll('[data-epoch-train="0"]')).toHaveLength(2);
    expect(container.querySelectorAll('[data-epoch-test="0"]')).toHaveLength(2);
  });

  it('shows the raw series on demand, thinned to the point budget', async () => {
    const long = Array.from({ length: 5000 }, (_, i) => i);
    const { container, getByTestId } = render(LossAccuracyChart, { steps: long, loss: long.map(() => 1), acc: long.map(() => 0.5), budget: 400 });
    await fireEvent.click(getByTestId('loss-raw'));
    const raw = container.querySelector('[data-series="raw"]')!.getAttribute('d')!;
    const points = raw.split(/[ML]/).filter(Boolean).length;
    expect(points).toBeGreaterThan(10);
    expect(points).toBeLessThanOrEqual(400);
    expect(container.textContent).toContain('train, per batch (raw)');
  });
});

describe('GradientFlowDiagram', () => {
  it('draws a layer whose gradient is exactly zero as a grey dashed "no signal" band', () => {
    const { container } = render(GradientFlowDiagram, { layers: LAYERS, stats: STATS, width: 800, height: 300 });
    const zero = container.querySelector('[data-band="0"]')!;
    expect(zero.getAttribute('data-state')).toBe('zero');
    const rect = zero.querySelector('[data-no-signal]')!;
    expect(rect.getAttribute('stroke-dasharray')).toBeTruthy();
    expect(rect.getAttribute('stroke')).toBe('#8a8f99');
    expect(zero.textContent).toContain('no signal');
    for (const i of [1, 2, 3]) expect(container.querySelector(`[data-band="${i}"]`)!.getAttribute('data-state')).toBe('signal');
  });

  it('draws a layer silent in most recent steps in the "no signal" style, with the count', () => {
    const folded = STATS.map((s) => ({ ...s, window: 8, gradZeroSteps: 0, deltaZeroSteps: 0 }));
    folded[0] = { ...stats(0, 3e-8), window: 8, gradZeroSteps: 6, deltaZeroSteps: 0 };
    const { container } = render(GradientFlowDiagram, { layers: LAYERS, stats: folded });
    const band = container.querySelector('[data-band="0"]')!;
    expect(band.getAttribute('data-state')).toBe('mostly-zero');
    expect(band.querySelector('[data-no-signal]')).not.toBeNull();
    expect(band.textContent).toContain('exactly 0 in 6 of the last 8 steps');
  });

  it('colours and thickens bands by log10 of the norm, on the legend’s scale', () => {
    const { container } = render(GradientFlowDiagram, { layers: LAYERS, stats: STATS, width: 800, height: 300, domain: [-10, 0] });
    const band = (i: number) => container.querySelector(`[data-band="${i}"] .band`)!;
    expect(num(band(1), 'height')).toBeLessThan(num(band(2), 'height'));
    expect(num(band(2), 'height')).toBeLessThan(num(band(3), 'height'));
    // 1e-5 sits half-way along [-10, 0].
    expect(band(1).getAttribute('fill')).toBe(interpolateCividis(0.5));
    const legend = [...container.querySelectorAll('[data-legend-tick]')].map((t) => t.textContent);
    expect(legend).toEqual(['10⁻¹⁰', '10⁻⁵', '10⁰']);
  });

  it('switches to ‖δ‖, where the first layer still has a (tiny) signal', async () => {
    const { container } = render(GradientFlowDiagram, { layers: LAYERS, stats: STATS });
    await fireEvent.click(container.querySelector('[data-metric="delta"]')!);
    expect(container.querySelector('[data-band="0"]')!.getAttribute('data-state')).toBe('signal');
  });

  it('sizes nodes by width and reads out a layer’s numbers on hover', async () => {
    const { container, getByTestId } = render(GradientFlowDiagram, { layers: LAYERS, stats: STATS });
    const h = (i: number) => num(container.querySelector(`[data-node="${i}"] rect`), 'height');
    expect(h(0)).toBeGreaterThan(h(1));
    expect(h(1)).toBeGreaterThan(h(4));
    await fireEvent.pointerEnter(container.querySelector('[data-band="2"]')!);
    expect(getByTestId('readout-gradient-flow').textContent).toContain('32 units');
  });
});

describe('LayerNormChart', () => {
  it('uses a true log axis: decades equally spaced, labelled as powers of ten', () => {
    const s = [stats(0, 1e-5), stats(1, 1e-4), stats(2, 1e-3), stats(3, 1e-1)];
    const { container } = render(LayerNormChart, { layers: LAYERS, stats: s, showBound: false });
    const y = (i: number) => num(container.querySelector(`[data-point="${i}"]`), 'cy');
    expect(y(0) - y(1)).toBeCloseTo(y(1) - y(2), 6);
    expect(ticks(container, 'y').every((l) => /^10[⁻⁰¹²³⁴⁵⁶⁷⁸⁹]+$/.test(l ?? ''))).toBe(true);
    expect(ticks(container, 'y')).toContain('10⁻⁵');
  });

  it('marks an exact zero in its own row, never on the log axis', () => {
    const { container } = render(LayerNormChart, { layers: LAYERS, stats: STATS });
    expect(container.querySelector('[data-zero="0"]')).not.toBeNull();
    expect(container.querySelector('[data-point="0"]')).toBeNull();
    expect(container.querySelector('[data-zero-row]')!.textContent).toBe('= 0');
    expect(container.textContent).toContain('exactly 0');
  });

  it('draws the ‖δ‖ bound ‖δ_out‖ · Π ¼‖W‖ for ‖δ‖ only, never under ‖∂E/∂W‖', () => {
    // Weight norms 2 above layers 0–2: each step back multiplies the bound by ¼ · 2 = ½.
    const s = [stats(0, 1e-4, { deltaNorm: 0.1 / 8 }), stats(1, 1e-3, { weightNorm: 2 }), stats(2, 1e-2, { weightNorm: 2 }), stats(3, 1e-1, { weightNorm: 2 })];
    const grad = render(LayerNormChart, { layers: LAYERS, stats: s });
    expect(grad.container.querySelector('[data-series="bound"]')).toBeNull();
    const { container } = render(LayerNormChart, { layers: LAYERS, stats: s, metric: 'delta' });
    const d = container.querySelector('[data-series="bound"]')!.getAttribute('d')!;
    const ys = [...d.matchAll(/[ML][^,]+,([-\d.e]+)/g)].map((m) => Number(m[1]));
    expect(ys).toHaveLength(4);
    // Layer 0 measured exactly at its bound (0.1 · ½³): the bound passes through the point.
    expect(ys[0]).toBeCloseTo(num(container.querySelector('[data-point="0"]'), 'cy'), 2);
    expect(ys[3]).toBeCloseTo(num(container.querySelector('[data-point="3"]'), 'cy'), 2);
    expect(container.textContent).toContain('‖δ_out‖ · Π ¼‖W‖');
  });
});

describe('live updates', () => {
  it('redraws points, tick labels and legend colours when the same chart gets new data', async () => {
    const { container, rerender } = render(LayerNormChart, { layers: LAYERS, stats: STATS, showBound: false });
    const before = num(container.querySelector('[data-point="1"]'), 'cy');
    const ticksBefore = ticks(container, 'y').join();
    await rerender({ layers: LAYERS, stats: [stats(0, 1e-9), stats(1, 1e-2), stats(2, 1e-1), stats(3, 1)], showBound: false });
    expect(num(container.querySelector('[data-point="1"]'), 'cy')).not.toBeCloseTo(before, 1);
    expect(ticks(container, 'y').join()).not.toBe(ticksBefore);
    expect(container.querySelector('[data-point="0"]')).not.toBeNull();
  });
});

describe('GradientHistogram', () => {
  it('draws percentile bands on a log axis and counts exact zeros apart', () => {
    const h = [histogram(0, 0, -6, 80, 20), histogram(50, 0, -7, 50, 50), histogram(0, 1, -2, 100, 0)];
    const { container, getByTestId } = render(GradientHistogram, { layers: LAYERS, histograms: h, layer: 0, width: 600 });
    expect(container.querySelector('[data-series="median"]')!.getAttribute('d')).toMatch(/^M/);
    expect(ticks(container, 'y')).toContain('10⁻⁶');
    expect(getByTestId('hist-zero-count').textContent).toContain('latest: 50 of 100');
    const z = container.querySelector('[data-panel="zeros"] [data-axis="y"]')!;
    expect([...z.querySelectorAll('[data-tick]')].map((t) => t.textContent)).toEqual(['0%', '100%']);
  });
});

describe('SaturationChart', () => {
  it('draws one line per hidden layer (not the output) on a 0–100 % scale', () => {
    const series = LAYERS.map((l) => [0, 1, 2].map((i) => stats(l.index, 1, { saturatedFrac: (l.index + 1) * 0.1 * i })));
    const { container } = render(SaturationChart, { layers: LAYERS, statSteps: [0, 1, 2], layerStats: series });
    expect(container.querySelectorAll('[data-layer-line]')).toHaveLength(3);
    expect(ticks(container, 'y')[0]).toBe('0%');
    expect(ticks(container, 'y').at(-1)).toBe('100%');
    expect([...container.querySelectorAll('[data-legend-layer]')].map((e) => e.textContent?.trim())).toEqual(['L1', 'L2', 'L3']);
  });
});

describe('PredictionGrid', () => {
  it('shows misclassified digits first with the chosen class and its probability', () => {
    const { container } = render(PredictionGrid, { predictions: PREDICTIONS, width: 600 });
    const cells = [...container.querySelectorAll('[data-prediction]')];
    expect(cells.map((c) => c.getAttribute('data-correct'))).toEqual(['false', 'false', 'true', 'true']);
    // The most confident mistake first: #3 (9 at 80 %) before #1 (3 at 60 %).
    expect(cells[0]!.getAttribute('data-prediction')).toBe('3');
    expect(cells[0]!.textContent).toContain('9 (80%)');
    expect(cells[0]!.textContent).toContain('80%');
    expect(cells[0]!.textContent).toContain('true: 4');
    expect(cells[0]!.querySelectorAll('path').length).toBeGreaterThan(0);
    expect(container.textContent).toContain('2 of 4 shown digits misclassified');
  });
});
