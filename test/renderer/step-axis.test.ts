// Step axes of short runs: whole steps only, written as numbers ("0, 1"), never SI fractions such as "500m".
import { render } from '@testing-library/svelte';
import { beforeAll, describe, expect, it } from 'vitest';
import LossAccuracyChart from '../../renderer/src/charts/LossAccuracyChart.svelte';
import SaturationChart from '../../renderer/src/charts/SaturationChart.svelte';
import { stepLabel } from '../../renderer/src/charts/plot-layout';
import { LAYERS, STATS } from './charts-fixtures';
import { stubResizeObserver } from './compare-fixtures';

beforeAll(stubResizeObserver);

const xTicks = (root: Element) => [...root.querySelectorAll('[data-axis="x"] [data-tick]')].map((t) => t.textContent?.trim() ?? '');

describe('step axes', () => {
  it('label a two-step run 0 and 1, with no fractional steps', () => {
    const { container } = render(LossAccuracyChart, { steps: [0, 1], loss: [2.3, 2.2], acc: [0.1, 0.2], width: 600 });
    const labels = xTicks(container);
    expect(labels.length).toBeGreaterThan(0);
    expect(labels.every((l) => /^\d+$/.test(l))).toBe(true);
    expect(labels.join(' ')).not.toMatch(/m/);
  });

  it('do the same on the saturation chart, and write thousands as 1k, 1.5k', () => {
    const { container } = render(SaturationChart, { layers: LAYERS, statSteps: [0, 1, 2], layerStats: LAYERS.map((_, i) => [STATS[i]!, STATS[i]!, STATS[i]!]), width: 600 });
    expect(xTicks(container).every((l) => /^\d+$/.test(l))).toBe(true);
    expect([0, 5, 999, 1000, 1500, 20000].map(stepLabel)).toEqual(['0', '5', '999', '1k', '1.5k', '20k']);
  });
});
