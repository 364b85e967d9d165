// The charts of a recurrent run with fixed data: ‖∂E/∂h_t‖ against t on a true log axis (decade ticks spanning
// the values, exact zeros on their own row, the first-to-last ratio in the read-out), the time × training-step
// heatmap's grid (one row per time step, zeros kept apart as -Infinity), the run store collecting time
// statistics from live progress events, and Compare's overlay of recurrent runs.
import { fireEvent, render } from '@testing-library/svelte';
import { describe, expect, it } from 'vitest';
import type { TimeStats } from '../../electron/common/records';
import TimeGradientChart from '../../renderer/src/charts/TimeGradientChart.svelte';
import TimeHeatmap from '../../renderer/src/charts/TimeHeatmap.canvas.svelte';
import { firstToLast, timeGrid } from '../../renderer/src/charts/time-grid';
import { RunStore } from '../../renderer/src/lib/state/run-store.svelte';
import { configDiff } from '../../electron/service/run-queries';
import { prepareRuns } from '../../renderer/src/views/compare/compare-data';
import CompareTimeProfile from '../../renderer/src/views/compare/CompareTimeProfile.svelte';
import { detail, stubResizeObserver } from './compare-fixtures';

stubResizeObserver();

/** A vanishing profile: step t of T gets 0.5^(T − t) of the last step's 1e-1, with the first step exactly zero. */
function vanishing(T: number, zeroFirst = false): TimeStats {
  return { norms: Array.from({ length: T }, (_, i) => (zeroFirst && i === 0 ? 0 : 0.1 * 0.5 ** (T - 1 - i))), gates: [{ gate: 'h', saturatedFrac: 0.1 }] };
}

describe('TimeGradientChart', () => {
  it('draws ‖∂E/∂h_t‖ on decade ticks, marks exact zeros under the axis and reads out the first-to-last ratio', () => {
    const stats = [vanishing(20), vanishing(20, true)];
    const { container } = render(TimeGradientChart, { timeSteps: [0, 5], timeStats: stats, width: 600, height: 360 });
    const svg = container.querySelector('svg[data-chart]')!;
    expect(svg.getAttribute('data-steps')).toBe('20');
    expect(svg.getAttribute('data-measured')).toBe('yes');
    const yTicks = [...container.querySelectorAll('[data-axis="y"] [data-tick]')].map((t) => t.textContent?.trim());
    // 0.1 · 0.5^18 ≈ 3.8e-7 up to 0.1: the axis spans 10⁻⁷ … 10⁻¹.
    expect(yTicks[0]).toBe('10⁻⁷');
    expect(yTicks.at(-1)).toBe('10⁻¹');
    expect(container.querySelectorAll('[data-zero]')).toHaveLength(1);
    expect(container.querySelector('[data-zero="1"]')).not.toBeNull();
    expect(container.querySelectorAll('[data-series="latest"]').length).toBeGreaterThan(0);
    expect(container.querySelectorAll('[data-series="first"]').length).toBeGreaterThan(0);
    expect(firstToLast(stats[0]!)).toBeCloseTo(0.5 ** 19, 12);
    expect(container.querySelector('[data-testid="gate-saturation"]')?.textContent).toContain('h 10.0%');
  });
});

describe('time heatmap', () => {
  it('has one row per time step, averages log10 per column and keeps exact zeros as -Infinity', () => {
    const grid = timeGrid([0, 5, 10, 15], [vanishing(8), vanishing(8), vanishing(8, true), vanishing(8, true)], 2);
    expect(grid.rows).toBe(8);
    expect(grid.cols).toBe(2);
    expect(grid.colSteps).toEqual([0, 10]);
    expect(grid.values[0 * 2 + 0]).toBeCloseTo(Math.log10(0.1 * 0.5 ** 7), 10);
    expect(grid.values[0 * 2 + 1]).toBe(-Infinity);
    expect(grid.values[7 * 2 + 1]).toBeCloseTo(-1, 10);
    const { container } = render(TimeHeatmap, { timeSteps: [0, 5], timeStats: [vanishing(12), vanishing(12)], totalSteps: 10, width: 600, height: 300 });
    expect(container.querySelector('svg[data-chart]')!.getAttribute('data-rows')).toBe('12');
  });
});

describe('RunStore with a recurrent run', () => {
  it('collects the time statistics of live batch records', () => {
    const store = new RunStore((cb) => cb());
    store.follow(1, null);
    const progress = { runId: 1, status: 'running' as const, step: 2, totalSteps: 10, epoch: 0, epochs: 1, samplesPerSec: null, etaSec: null };
    store.handle({
      channel: 'run:progress',
      payload: {
        runId: 1,
        progress,
        batches: [
          { type: 'batch', step: 0, epoch: 0, batch: 0, loss: 0.2, acc: 0, time: vanishing(6) },
          { type: 'batch', step: 1, epoch: 0, batch: 1, loss: 0.2, acc: 0 },
        ],
        epochs: [],
        histograms: [],
      },
    });
    expect(store.timeSteps).toEqual([0]);
    expect(store.timeStats[0]!.norms).toHaveLength(6);
  });
});

describe('Compare: signal through time of recurrent runs', () => {
  it('overlays each recurrent run at the start or end of training and leaves MLP runs out', async () => {
    const rnn = { ...detail(1, 'adding-rnn', [0.01, 0.1]), timeStats: [{ step: 0, time: vanishing(100, true) }, { step: 50, time: vanishing(100) }] };
    const gru = { ...detail(2, 'adding-gru', [0.01, 0.1]), timeStats: [{ step: 0, time: vanishing(100) }, { step: 50, time: vanishing(100) }] };
    const mlp = detail(3, 'seed-he', [0.02, 0.1]);
    const runs = prepareRuns({ runs: [rnn, gru, mlp], diff: configDiff([rnn.config, gru.config, mlp.config]) });
    const { container, getByTestId } = render(CompareTimeProfile, { runs, width: 600, height: 340 });
    expect(container.querySelector('svg[data-chart]')!.getAttribute('data-runs')).toBe('2');
    expect(container.querySelector('[data-run="3"]')).toBeNull();
    // At the start the tanh run's first step is exactly zero: a cross in its colour, not a point on the axis.
    expect(container.querySelectorAll('[data-zero-run="1"]')).toHaveLength(1);
    await fireEvent.change(getByTestId('compare-time-at'), { target: { value: 'end' } });
    expect(container.querySelectorAll('[data-zero-run="1"]')).toHaveLength(0);
  });
});
