// While a run streams in at 20 events a second, the loss curve follows every update but the dense charts (the
// saturation lines, the heatmap) redraw about 4 times a second; once the run ends they show its last step.
import { render } from '@testing-library/svelte';
import { flushSync, tick } from 'svelte';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { LabEvent } from '../../electron/common/contract';
import { getPreset } from '../../electron/common/presets';
import { RunStore } from '../../renderer/src/lib/state/run-store.svelte';
import TrainCharts from '../../renderer/src/views/train/TrainCharts.svelte';
import { LAYERS, stats } from './charts-fixtures';
import { stubResizeObserver } from './compare-fixtures';

function progress(runId: number, step: number): LabEvent {
  return {
    channel: 'run:progress',
    payload: {
      runId,
      progress: { runId, status: 'running', step: step + 1, totalSteps: 400, epoch: 0, epochs: 1, samplesPerSec: 1000, etaSec: 5 },
      batches: [{ type: 'batch', step, epoch: 0, batch: step, loss: 2 / (1 + step), acc: 0.1, layers: LAYERS.map((l) => stats(l.index, 1e-3, { saturatedFrac: (step % 7) / 10 })) }],
      epochs: [],
      histograms: [],
      ...(step === 0 ? { started: { layers: LAYERS, backend: 'wasm' as const, engine: 'kernels', skipped: [] } } : {}),
    },
  };
}

beforeEach(() => {
  stubResizeObserver();
  vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'performance', 'Date'] });
});
afterEach(() => vi.useRealTimers());

describe('live charts', () => {
  it('redraw the dense charts about 4 times a second, the loss curve on every update', async () => {
    const run = new RunStore((cb) => cb());
    run.follow(5, getPreset('seed-keras')!.config);
    const { container } = render(TrainCharts, { run, layers: LAYERS });
    const d = (sel: string) => container.querySelector(sel)?.getAttribute('d') ?? '';
    const changes = { loss: 0, sat: 0 };
    let last = { loss: '', sat: '' };
    for (let step = 0; step < 40; step++) {
      run.handle(progress(5, step)); // one event every 50 ms: 2 s in all
      flushSync();
      await vi.advanceTimersByTimeAsync(50);
      await tick();
      const now = { loss: d('[data-series="smoothed"]'), sat: d('[data-layer-line="0"]') };
      if (now.loss !== last.loss) changes.loss++;
      if (now.sat !== last.sat) changes.sat++;
      last = now;
    }
    expect(changes.loss).toBeGreaterThanOrEqual(38);
    expect(changes.sat).toBeGreaterThanOrEqual(4);
    expect(changes.sat).toBeLessThanOrEqual(10);
    // The run ends: the dense charts catch up with its last step at once.
    run.handle({ channel: 'run:status', payload: { runId: 5, status: 'completed' } });
    flushSync();
    await tick();
    const satPoints = d('[data-layer-line="0"]').split(/[ML]/).filter(Boolean).length;
    expect(satPoints).toBe(40);
  }, 30_000); // 40 renders of every Train chart: slow in jsdom on a busy machine, not a timing under test
});
