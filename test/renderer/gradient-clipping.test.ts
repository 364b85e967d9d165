// Gradient clipping in the Train view: the clipping fields validated by the shared schema (messages on the field in
// both languages), the run store keeping ‖g‖ before and after clipping and the clipped count from streamed
// batches, and the gradient-norm chart drawing an exploding run on a log axis with its non-finite step marked.
import { render } from '@testing-library/svelte';
import { flushSync } from 'svelte';
import { afterEach, describe, expect, it } from 'vitest';
import type { LabEvent } from '../../electron/common/contract';
import { getPreset } from '../../electron/common/presets';
import type { BatchRecord } from '../../electron/common/records';
import { setLocale } from '../../renderer/src/lib/i18n/i18n.svelte';
import { RunStore } from '../../renderer/src/lib/state/run-store.svelte';
import ConfigPanel from '../../renderer/src/views/train/ConfigPanel.svelte';
import GradientNormChart from '../../renderer/src/views/train/GradientNormChart.svelte';
import { draftFromConfig, validateDraft } from '../../renderer/src/views/train/config-form';
import { stubResizeObserver } from './compare-fixtures';

// The chart frame measures its container (ResizeObserver); jsdom lays nothing out.
stubResizeObserver();

afterEach(() => setLocale('en'));
const clipPreset = getPreset('explode-relu-clip')!.config;

describe('clipping settings', () => {
  it('round-trips the clip preset and names a bad threshold on its field, in English and Japanese', () => {
    const d = draftFromConfig(clipPreset);
    expect(d).toMatchObject({ clipKind: 'norm', clipThreshold: 5 });
    expect(validateDraft(d, 'en').config?.optimizer.clip).toEqual({ kind: 'norm', threshold: 5 });
    expect(validateDraft({ ...d, clipKind: 'none' }, 'en').config?.optimizer.clip).toBeUndefined();
    const zero = { ...d, clipKind: 'value' as const, clipThreshold: 0 };
    expect(validateDraft(zero, 'en').errors.clipThreshold).toBe('threshold must be at least 1e-6 (allowed 1e-6–1e6)');
    expect(validateDraft(zero, 'ja').errors.clipThreshold).toMatch(/以上にしてください/);
    expect(validateDraft({ ...d, clipThreshold: null }, 'en').errors.clipThreshold).toBe('threshold must be a number');
  });

  it('shows the threshold only when clipping is chosen, in both languages', () => {
    const off = render(ConfigPanel, { draft: draftFromConfig(getPreset('explode-relu')!.config), errors: {} });
    expect((off.container.querySelector('[data-field="clipKind"]') as HTMLSelectElement).value).toBe('none');
    expect(off.container.querySelector('[data-field="clipThreshold"]')).toBeNull();
    off.unmount();
    const on = render(ConfigPanel, { draft: draftFromConfig(clipPreset), errors: { clipThreshold: 'threshold must be at least 1e-6 (allowed 1e-6–1e6)' } });
    expect((on.container.querySelector('[data-field="clipThreshold"]') as HTMLInputElement).value).toBe('5');
    expect(on.container.querySelector('[data-error="clipThreshold"]')!.textContent).toContain('at least 1e-6');
    setLocale('ja');
    flushSync();
    expect(on.container.textContent).toContain('勾配クリッピング');
    expect(on.container.textContent).toContain('全体のノルムで');
  });
});

const batch = (step: number, gradNorm: number, clip?: number): BatchRecord => ({
  type: 'batch', step, epoch: 0, batch: step, loss: 2, acc: 0.1, gradNorm,
  ...(clip !== undefined ? { clippedGradNorm: Math.min(gradNorm, clip), clipped: gradNorm > clip } : {}),
});
const progressOf = (runId: number, batches: BatchRecord[]): LabEvent => ({
  channel: 'run:progress',
  payload: { runId, progress: { runId, status: 'running', step: batches.at(-1)!.step + 1, totalSteps: 10, epoch: 0, epochs: 1, samplesPerSec: null, etaSec: null }, batches, epochs: [], histograms: [] },
});

describe('RunStore', () => {
  it('keeps ‖g‖ before and after clipping and counts clipped steps as batches stream in', () => {
    const run = new RunStore((cb) => cb());
    run.follow(4, clipPreset);
    run.handle(progressOf(4, [batch(0, 800, 5), batch(1, 3, 5)]));
    run.handle(progressOf(4, [batch(2, 40, 5)]));
    expect(run.gradNorm).toEqual([800, 3, 40]);
    expect(run.clippedGradNorm).toEqual([5, 3, 5]);
    expect(run.clipped).toEqual([true, false, true]);
    expect(run.clipCount).toEqual({ clippedSteps: 2, steps: 3 });
  });

  it('keeps ‖g‖ of a run without clipping and no clipped count', () => {
    const run = new RunStore((cb) => cb());
    run.follow(5, getPreset('explode-relu')!.config);
    run.handle(progressOf(5, [batch(0, 1e3), batch(1, 2e4)]));
    expect(run.gradNorm).toEqual([1e3, 2e4]);
    expect(run.clipped).toEqual([]);
    expect(run.clipCount).toBeNull();
  });
});

describe('GradientNormChart', () => {
  it('draws an exploding run on a log axis with its non-finite step in its own row', () => {
    const { container, getByTestId } = render(GradientNormChart, { steps: [0, 1, 2, 3], before: [1e3, 2e4, 6e7, Infinity], divergedAt: 4, totalSteps: 10 });
    expect(container.querySelector('[data-line="before"]')!.getAttribute('d')).toMatch(/^M/);
    expect(container.querySelector('[data-line="after"]')).toBeNull();
    expect(container.querySelector('[data-nonfinite-step="3"]')).not.toBeNull();
    const ticks = [...container.querySelectorAll('[data-axis="y"] [data-tick]')].map((e) => e.textContent);
    expect(ticks).toContain('10³');
    expect(ticks.some((t) => t === '10⁷' || t === '10⁸')).toBe(true);
    expect(getByTestId('chart-gradient-norm').textContent).toContain('This run does not clip');
    // The step it diverged at is marked, and the axis ends on whole decades (10³ … 10⁸).
    expect(container.querySelector('[data-diverged-step="4"]')).not.toBeNull();
    expect(getByTestId('chart-gradient-norm').textContent).toContain('diverged at step 4');
    expect(ticks[0]).toBe('10³');
    expect(ticks.at(-1)).toBe('10⁸');
  });

  it('shows the applied norm, the threshold, each clipped step and the count, in both languages', () => {
    const { container, getByTestId } = render(GradientNormChart, {
      steps: [0, 1, 2], before: [800, 3, 40], after: [5, 3, 5], clipped: [true, false, true], threshold: 5, clipCount: { clippedSteps: 2, steps: 3 }, totalSteps: 3,
    });
    expect(container.querySelector('[data-line="after"]')!.getAttribute('d')).toMatch(/^M/);
    expect(container.querySelector('[data-threshold="5"]')).not.toBeNull();
    expect([...container.querySelectorAll('[data-clipped-step]')].map((e) => e.getAttribute('data-clipped-step'))).toEqual(['0', '2']);
    expect(getByTestId('clip-count').textContent).toBe('Clipped 2 of 3 steps.');
    setLocale('ja');
    flushSync();
    expect(getByTestId('clip-count').textContent).toBe('3 ステップ中 2 ステップでクリッピングしました。');
  });
});
