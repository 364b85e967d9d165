// The Train view names the step a diverged run diverged at from what the service saved, not from the last point
// it happens to hold: a saved, thinned series ends well before that step, and a live run's last streamed batch
// may be older than the step that broke it. Runs saved before the step was kept still get the old estimate.
import { render } from '@testing-library/svelte';
import { flushSync } from 'svelte';
import { afterEach, describe, expect, it } from 'vitest';
import type { LabEvent } from '../../electron/common/contract';
import { getPreset } from '../../electron/common/presets';
import type { BatchRecord } from '../../electron/common/records';
import { setLocale } from '../../renderer/src/lib/i18n/i18n.svelte';
import { RunStore } from '../../renderer/src/lib/state/run-store.svelte';
import GradientNormChart from '../../renderer/src/views/train/GradientNormChart.svelte';
import RunControls from '../../renderer/src/views/train/RunControls.svelte';
import { detail, stubResizeObserver } from './compare-fixtures';

stubResizeObserver();
afterEach(() => setLocale('en'));

const explode = getPreset('explode-relu')!.config;
const base = { probes: null, preferred: 'auto', canStart: true, onstart: () => undefined, onstop: () => undefined };
const batch = (step: number): BatchRecord => ({ type: 'batch', step, epoch: 0, batch: step, loss: 2, acc: 0.1, gradNorm: 10 ** step });
const progressOf = (runId: number, steps: number[]): LabEvent => ({
  channel: 'run:progress',
  payload: { runId, progress: { runId, status: 'running', step: steps.at(-1)! + 1, totalSteps: 900, epoch: 0, epochs: 1, samplesPerSec: null, etaSec: null }, batches: steps.map(batch), epochs: [], histograms: [] },
});

/** A saved diverged run whose thinned series ends at step 59 while it diverged at step 137. */
function savedDiverged(divergedStep?: number) {
  const d = detail(3, 'explode-relu', [1, 10, 100], 'diverged');
  d.summary = { ...d.summary, error: 'loss became NaN at step 137', ...(divergedStep !== undefined ? { divergedStep } : {}) };
  d.series = { ...d.series, gradNorm: d.series.steps.map((s) => 10 + s) };
  d.decimated = true;
  return d;
}

describe('the diverged step in the Train view', () => {
  it('takes a saved run\'s step from its summary, in the banner and on the gradient-norm chart, in both languages', () => {
    const run = new RunStore((cb) => cb());
    run.load(savedDiverged(137));
    const controls = render(RunControls, { ...base, run });
    expect(controls.getByTestId('run-diverged').textContent).toContain('diverged at step 137');
    const chart = render(GradientNormChart, { steps: run.steps, before: run.gradNorm, after: [], clipped: [], totalSteps: 200, height: 300, divergedAt: run.divergedAt });
    expect(chart.container.querySelector('[data-diverged-step]')!.getAttribute('data-diverged-step')).toBe('137');
    setLocale('ja');
    flushSync();
    expect(controls.getByTestId('run-diverged').textContent).toContain('ステップ 137 で発散');
  });

  it('takes a live run\'s step from its status event, not from the last streamed batch', () => {
    const run = new RunStore((cb) => cb());
    run.follow(8, explode);
    run.handle(progressOf(8, [0, 1, 2]));
    run.handle({ channel: 'run:status', payload: { runId: 8, status: 'diverged', divergedStep: 5, error: 'loss became NaN at step 5' } });
    const { getByTestId } = render(RunControls, { ...base, run });
    expect(getByTestId('run-diverged').textContent).toContain('diverged at step 5');
    expect(run.divergedAt).toBe(5);
  });

  it('keeps the estimate for a run saved before the step was kept, and forgets the step on the next run', () => {
    const run = new RunStore((cb) => cb());
    run.load(savedDiverged());
    expect(run.divergedAt).toBe(60);
    run.load(savedDiverged(137));
    run.follow(9, explode);
    expect(run.divergedStep).toBeNull();
    expect(run.divergedAt).toBeUndefined();
  });
});
