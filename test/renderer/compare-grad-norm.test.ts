// Compare shows the exploding story across runs: every run's global gradient norm per step on one log axis
// (before clipping, and after it for the run that clips), the diverged run's saved step marked, the clipped count
// read out; and the layer profile draws a ReLU run's measured factor per layer as growth towards the input,
// not the sigmoid bound it ignores. Both in English and Japanese, from a comparison as it travels (JSON).
import { render } from '@testing-library/svelte';
import { flushSync } from 'svelte';
import { afterEach, describe, expect, it } from 'vitest';
import type { Comparison, RunDetail } from '../../electron/common/runs';
import { EXPLODING_CLIP_THRESHOLD } from '../../electron/common/presets-exploding';
import { setLocale } from '../../renderer/src/lib/i18n/i18n.svelte';
import CompareGradNorm from '../../renderer/src/views/compare/CompareGradNorm.svelte';
import CompareLayerProfile from '../../renderer/src/views/compare/CompareLayerProfile.svelte';
import { prepareRuns } from '../../renderer/src/views/compare/compare-data';
import { detail, stubResizeObserver } from './compare-fixtures';

stubResizeObserver();
afterEach(() => setLocale('en'));

/** explode-relu: ‖g‖ grows tenfold every 10 steps and the run diverges at step 40 (gradient 100× at the input). */
function exploding(): RunDetail {
  const d = detail(1, 'explode-relu', [100, 10, 1], 'diverged');
  const steps = d.series.steps.slice(0, 40);
  d.series = { ...d.series, steps, loss: d.series.loss.slice(0, 40), acc: d.series.acc.slice(0, 40), gradNorm: steps.map((s) => 10 ** (s / 10)) };
  d.summary = { ...d.summary, divergedStep: 40 };
  return d;
}

/** explode-relu-clip: the same growth before clipping, applied at most the threshold; 45 of 60 steps clipped. */
function clipping(): RunDetail {
  const d = detail(2, 'explode-relu-clip', [100, 10, 1]);
  const gradNorm = d.series.steps.map((s) => (s < 15 ? 1 : 10 ** (s / 20)));
  gradNorm[30] = 0;
  const clippedGradNorm = gradNorm.map((g) => Math.min(g, EXPLODING_CLIP_THRESHOLD));
  d.series = { ...d.series, gradNorm, clippedGradNorm, clipped: gradNorm.map((g) => g > EXPLODING_CLIP_THRESHOLD) };
  d.clipping = { clippedSteps: 45, steps: 60 };
  return d;
}

const wire = <T>(v: T) => JSON.parse(JSON.stringify(v)) as T;
const runs = () => prepareRuns(wire<Comparison>({ runs: [exploding(), clipping()], diff: [] }));

describe('Compare: gradient norm per step across runs', () => {
  it('overlays ‖g‖ before clipping for both runs and after clipping for the one that clips, on a log axis', () => {
    const { container } = render(CompareGradNorm, { runs: runs(), width: 600, height: 340 });
    const paths = (run: number, kind: string) => container.querySelectorAll(`[data-gnorm-run="${run}"][data-kind="${kind}"]`);
    expect(paths(1, 'before')).toHaveLength(1);
    expect(paths(1, 'after')).toHaveLength(0);
    // The exact 0 at step 30 breaks the clipped run's line instead of sitting on the log axis.
    expect(paths(2, 'before')).toHaveLength(2);
    expect(paths(2, 'after')).toHaveLength(2);
    // The y axis spans the decades the exploding run climbs through (10⁰ … 10³·⁹ → 1 … 10⁴).
    const labels = [...container.querySelectorAll('text')].map((n) => n.textContent);
    expect(labels).toContain('10⁴');
    const marker = container.querySelector('[data-diverged-run="1"]')!;
    expect(marker.getAttribute('data-diverged-step')).toBe('40');
    expect(container.querySelector('[data-diverged-run="2"]')).toBeNull();
  });

  it('reads out the largest norm, the clipped count, the diverged step and the gaps, in both languages', () => {
    const { container } = render(CompareGradNorm, { runs: runs(), width: 600, height: 340 });
    const text = () => container.textContent ?? '';
    expect(text()).toContain('Gradient norm per step, before and after clipping');
    expect(text()).toContain('Clipped 45 of 60 steps.');
    expect(text()).toContain('diverged at step 40');
    expect(text()).toContain('1 steps not finite or 0');
    setLocale('ja');
    flushSync();
    expect(text()).toContain('60 ステップ中 45 ステップでクリッピングしました。');
    expect(text()).toContain('ステップ 40 で発散');
    expect(text()).toContain('クリッピング前の ‖g‖');
  });

  it('says so for a run saved before ‖g‖ was kept', () => {
    const old = detail(3, 'seed-keras', [0, 1e-3, 1e-1]);
    const { container } = render(CompareGradNorm, { runs: prepareRuns(wire<Comparison>({ runs: [clipping(), old], diff: [] })), width: 600 });
    expect(container.querySelectorAll('[data-gnorm-run="3"]')).toHaveLength(0);
    expect(container.textContent).toContain('no ‖g‖ recorded');
  });
});

describe('Compare: layer profile of a run that is not sigmoid', () => {
  it('draws its measured factor per layer as growth towards the input, in both languages', () => {
    const { container } = render(CompareLayerProfile, { runs: runs(), width: 600, height: 340 });
    const bound = container.querySelector('[data-factor-run="1"]')!;
    // First layer 100× the output over two layers: r = 10 per layer (the fixture's gradients grow a little with the step).
    expect(Number(bound.getAttribute('data-factor'))).toBeCloseTo(10, 0);
    expect(container.querySelector('[data-testid="profile-bound-legend"]')).toBeNull();
    const legend = () => container.querySelector('[data-testid="profile-factor-legend"]')!.textContent!;
    expect(legend()).toContain('grows: exploding');
    setLocale('ja');
    flushSync();
    expect(legend()).toContain('増加：勾配爆発');
    expect(legend()).toContain('実測 rᵏ');
  });

  it('keeps the sigmoid bound on ‖δ‖ for sigmoid runs, and no measured factor for them', () => {
    const sig = detail(4, 'seed-keras', [1e-4, 1e-3, 1e-1]);
    const { container } = render(CompareLayerProfile, { runs: prepareRuns(wire<Comparison>({ runs: [sig, exploding()], diff: [] })), width: 600, metric: 'delta' });
    expect(container.querySelector('[data-bound-run="4"]')).not.toBeNull();
    expect(container.querySelector('[data-factor-run="4"]')).toBeNull();
    expect(container.querySelector('[data-testid="profile-bound-legend"]')).not.toBeNull();
  });
});
