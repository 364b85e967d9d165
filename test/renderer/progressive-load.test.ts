// Progressive loading: a saved or running run, and a comparison, show a coarse series at once and the full one
// in its place when it arrives — without losing a step that streamed in meanwhile, and without the progress
// going back. A long live run keeps its series in memory bounded.
import { render, waitFor } from '@testing-library/svelte';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { LabEvent } from '../../electron/common/contract';
import type { Comparison, RunDetail } from '../../electron/common/runs';
import { setLocale } from '../../renderer/src/lib/i18n/i18n.svelte';
import { LIVE_CAP, RunStore } from '../../renderer/src/lib/state/run-store.svelte';
import CompareView from '../../renderer/src/views/compare/CompareView.svelte';
import { LAYERS, stats } from './charts-fixtures';
import { detail, fakeLab, seedComparison, stubResizeObserver } from './compare-fixtures';

let current: ReturnType<typeof fakeLab>;
vi.mock('../../renderer/src/lib/api', () => ({ lab: () => current.client }));

/** `d` with its series thinned to every `every`-th step (plus the last), as the host would send it. */
function thinned(d: RunDetail, every: number): RunDetail {
  const keep = (i: number, n: number) => i % every === 0 || i === n - 1;
  const s = d.series;
  return {
    ...d,
    decimated: every > 1,
    series: {
      steps: s.steps.filter((_, i) => keep(i, s.steps.length)),
      loss: s.loss.filter((_, i) => keep(i, s.steps.length)),
      acc: s.acc.filter((_, i) => keep(i, s.steps.length)),
      statSteps: s.statSteps.filter((_, i) => keep(i, s.statSteps.length)),
      layerStats: s.layerStats.map((l) => l.filter((_, i) => keep(i, s.statSteps.length))),
    },
  };
}

function progress(runId: number, steps: number[]): LabEvent {
  return {
    channel: 'run:progress',
    payload: {
      runId,
      progress: { runId, status: 'running', step: steps.at(-1)! + 1, totalSteps: 200, epoch: 0, epochs: 2, samplesPerSec: 1000, etaSec: 5 },
      batches: steps.map((step) => ({ type: 'batch', step, epoch: 0, batch: step, loss: 1, acc: 0.5, layers: LAYERS.map((l) => stats(l.index, 1e-3)) })),
      epochs: [],
      histograms: [],
    },
  };
}

beforeEach(() => {
  stubResizeObserver();
  setLocale('en');
});
afterEach(() => {
  location.hash = '';
});

describe('a run opened progressively', () => {
  it('keeps the steps that streamed in while the full series was on its way', () => {
    const full = detail(7, 'seed-keras', [0, 0.05], 'running'); // steps 0…59 stored
    const run = new RunStore((cb) => cb());
    run.loadCoarse(thinned(full, 10));
    expect(run.steps).toEqual([0, 10, 20, 30, 40, 50, 59]);
    expect(run.coarse).toBe(true);
    // Live records after the stored ones (60…64), one that the full series also holds (59).
    run.handle(progress(7, [59, 60, 61]));
    run.handle(progress(7, [62, 63, 64]));
    expect(run.progress!.step).toBe(65);
    run.refine(full);
    expect(run.steps).toEqual([...Array.from({ length: 60 }, (_, i) => i), 60, 61, 62, 63, 64]);
    expect(run.loss).toHaveLength(65);
    expect(run.layerStats[0]).toHaveLength(65);
    expect(run.progress!.step).toBe(65);
    expect(run.status).toBe('running');
    expect(run.coarse).toBe(false);
    // Afterwards the stream goes on as usual.
    run.handle(progress(7, [65]));
    expect(run.steps.at(-1)).toBe(65);
  });

  it('drops a finer series of another run (the user moved on)', () => {
    const run = new RunStore((cb) => cb());
    run.loadCoarse(thinned(detail(7, 'seed-keras', [0, 0.05]), 10));
    run.load(detail(8, 'seed-he', [0.02, 0.1]));
    run.refine(detail(7, 'seed-keras', [0, 0.05]));
    expect(run.runId).toBe(8);
    expect(run.steps).toHaveLength(60);
  });
});

describe('a comparison opened progressively', () => {
  it('paints the coarse comparison first, then replaces it by the full one', async () => {
    const full: Comparison = seedComparison();
    const coarse: Comparison = { ...full, runs: full.runs.map((r) => thinned(r, 12)) };
    let release: () => void = () => undefined;
    const fullArrives = new Promise<void>((r) => (release = r));
    current = fakeLab({
      'run:compare': async (req) => ((req as { maxPoints: number }).maxPoints < 100 ? coarse : (await fullArrives, full)),
      'queue:get': () => ({ running: null, queued: [] }),
    });
    location.hash = `#/compare?runs=${full.runs.map((r) => r.summary.id).join(',')}`;
    const view = render(CompareView);
    const root = () => view.container.querySelector('[data-testid="compare-view"]')!;
    await waitFor(() => expect(root().getAttribute('data-first-paint-ms')).not.toBeNull(), { timeout: 5000 });
    const points = () => (view.container.querySelector('[data-testid="chart-compare-curves"] path[data-run]')?.getAttribute('d') ?? '').split(/[ML]/).length;
    const coarsePoints = points();
    expect(root().getAttribute('data-render-ms')).toBeNull();
    const asked = current.callsOf('run:compare').map((c) => (c.request as { maxPoints: number }).maxPoints);
    expect(asked).toHaveLength(2);
    expect(Math.min(...asked)).toBeLessThan(Math.max(...asked));
    release();
    await waitFor(() => expect(root().getAttribute('data-render-ms')).not.toBeNull(), { timeout: 5000 });
    expect(points()).toBeGreaterThan(coarsePoints);
  });
});

describe('a long live run', () => {
  it('keeps its series in memory bounded, newest points dense, oldest and newest step kept', () => {
    const run = new RunStore((cb) => cb());
    run.follow(9, null);
    for (let step = 0; step < 10_000; step += 50) run.handle(progress(9, Array.from({ length: 50 }, (_, i) => step + i)));
    expect(run.steps.length).toBeLessThanOrEqual(LIVE_CAP);
    expect(run.steps.length).toBeGreaterThan(LIVE_CAP / 2);
    expect(run.steps[0]).toBe(0);
    expect(run.steps.at(-1)).toBe(9_999);
    expect(run.steps.every((s, i) => i === 0 || s > run.steps[i - 1]!)).toBe(true);
    expect(run.loss).toHaveLength(run.steps.length);
    expect(run.statSteps).toEqual(run.steps);
    for (const layer of run.layerStats) expect(layer).toHaveLength(run.statSteps.length);
    // The newest steps are all there.
    expect(run.steps.slice(-40)).toEqual(Array.from({ length: 40 }, (_, i) => 9_960 + i));
    expect(run.progress!.step).toBe(10_000);
  });
});
