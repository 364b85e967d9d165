// A long run thinned for the loss chart keeps its spikes: with "raw" on, the chart draws the band from the lowest
// to the highest batch value between two drawn points (the host's envelope), scales the axis to include it, and
// names the band in its legend and in the exported picture.
import { fireEvent, render } from '@testing-library/svelte';
import { describe, expect, it } from 'vitest';
import LossAccuracyChart from '../../renderer/src/charts/LossAccuracyChart.svelte';
import { svgString } from '../../renderer/src/charts/chart-export';
import { envelopeBand } from '../../renderer/src/charts/envelope';
import { stubResizeObserver } from './compare-fixtures';

stubResizeObserver();

const steps = Array.from({ length: 100 }, (_, i) => i * 50);
const loss = steps.map(() => 1);
const acc = steps.map(() => 0.5);
const envelope = {
  lossMin: loss.map(() => 0.9),
  lossMax: loss.map((_, i) => (i === 40 ? 8 : 1.1)),
  accMin: acc.map(() => 0.45),
  accMax: acc.map(() => 0.55),
};

describe('the loss envelope', () => {
  it('keeps the extremes when merged down to the point budget', () => {
    const band = envelopeBand(steps, envelope.lossMin, envelope.lossMax, 10);
    expect(band).toHaveLength(10);
    expect(Math.max(...band.map((p) => p.hi))).toBe(8);
    expect(band.filter((p) => p.hi === 8)).toHaveLength(1);
    expect(envelopeBand([0, 1], [NaN, 1], [NaN, 2], 10)).toEqual([{ x: 1, lo: 1, hi: 2 }]);
  });

  it('shows a spike between drawn points as a band, on an axis that reaches it', async () => {
    const { container, getByTestId } = render(LossAccuracyChart, { steps, loss, acc, envelope, width: 600 });
    expect(container.querySelector('[data-series="range"]')).toBeNull();
    await fireEvent.click(getByTestId('loss-raw'));
    const bands = container.querySelectorAll('[data-series="range"]');
    expect(bands).toHaveLength(2);
    const lossTicks = [...container.querySelectorAll('[data-panel="loss"] [data-axis="y"] [data-tick]')].map((t) => Number(t.textContent));
    expect(Math.max(...lossTicks)).toBeGreaterThanOrEqual(8);
    const doc = new DOMParser().parseFromString(svgString(container.querySelector('[data-testid="chart-loss-accuracy"]') as HTMLElement)!, 'image/svg+xml');
    expect(doc.querySelector('[data-export-legend]')!.textContent).toContain('lowest to highest batch value');
  });

  it('draws no band for a series that was not thinned', async () => {
    const { container, getByTestId } = render(LossAccuracyChart, { steps, loss, acc, width: 600 });
    await fireEvent.click(getByTestId('loss-raw'));
    expect(container.querySelector('[data-series="range"]')).toBeNull();
    expect(container.querySelector('[data-testid="loss-range-legend"]')).toBeNull();
  });
});
