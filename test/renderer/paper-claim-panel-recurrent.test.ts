// The claim panel on a run of Pascanu et al.'s clipped remedy: it reads ‖g‖ of every step before and after
// clipping from the run store — "as in the paper" once the run ends finite and lower, "too early" while it is
// still young, "not shown" when it diverged — and redraws ‖g‖ and the applied ‖g‖ on a log axis.
import { render } from '@testing-library/svelte';
import { flushSync } from 'svelte';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { getPreset } from '../../electron/common/presets';
import { setLocale } from '../../renderer/src/lib/i18n/i18n.svelte';
import { RunStore } from '../../renderer/src/lib/state/run-store.svelte';
import PaperClaimPanel from '../../renderer/src/views/train/PaperClaimPanel.svelte';
import { stubResizeObserver } from './compare-fixtures';

beforeEach(() => stubResizeObserver());
afterEach(() => setLocale('en'));

/** `n` steps of the clipped remedy: ‖g‖ about 1.5 with a spike of 30 every 50 steps, the loss falling from 1 to 0.12. */
function clippedRun(n: number, status: RunStore['status']): RunStore {
  const run = new RunStore((cb) => cb());
  run.runId = 3;
  run.config = getPreset('papers-pascanu-clip')!.config;
  run.status = status;
  run.steps = Array.from({ length: n }, (_, i) => i);
  run.loss = run.steps.map((i) => 0.12 + 0.88 * Math.exp(-i / 20));
  run.gradNorm = run.steps.map((i) => (i % 50 === 7 ? 30 : 1.5 + 0.1 * Math.sin(i)));
  run.clippedGradNorm = run.gradNorm.map((g) => Math.min(g, 5));
  run.clipped = run.gradNorm.map((g) => g > 5);
  return run;
}

describe('PaperClaimPanel on a recurrent paper preset', () => {
  it('a finished clipped run that stayed finite: “as in the paper”, the clipped steps counted, in both languages', () => {
    const { getByTestId } = render(PaperClaimPanel, { run: clippedRun(400, 'completed'), presetId: undefined });
    expect(getByTestId('paper-claim').dataset.verdict).toBe('holds');
    expect(getByTestId('paper-shows').textContent).toMatch(/^8 of 400 steps clipped, applied ‖g‖ at most 5\.00 \(before clipping at most 30\.00, \d+\.\d\d× the median\); the loss stayed finite, 0\.\d{3} → 0\.120/);
    setLocale('ja');
    flushSync();
    expect(getByTestId('paper-verdict').textContent).toBe('論文のとおり');
    expect(getByTestId('paper-shows').textContent).toContain('400 ステップ中 8 ステップをクリップ');
  });

  it('redraws ‖g‖ before clipping and the ‖g‖ applied, on a log axis', () => {
    const { getByTestId } = render(PaperClaimPanel, { run: clippedRun(400, 'completed'), presetId: undefined });
    const fig = getByTestId('chart-paper-figure');
    expect(fig.querySelector('[data-chart-title]')?.textContent).toBe('The gradient norm of every step');
    expect([...fig.querySelectorAll('[data-figure-line]')].map((p) => p.getAttribute('data-figure-line'))).toEqual(['‖g‖', '‖g‖ ≤ 5']);
    expect([...fig.querySelectorAll('.tick text, text')].map((t) => t.textContent)).toContain('10¹');
  });

  it('still young: “too early”; diverged: “not shown”', () => {
    const young = render(PaperClaimPanel, { run: clippedRun(60, 'running'), presetId: undefined });
    expect(young.getByTestId('paper-claim').dataset.verdict).toBe('too-early');
    young.unmount();
    const run = clippedRun(400, 'diverged');
    const { getByTestId } = render(PaperClaimPanel, { run, presetId: undefined });
    expect(getByTestId('paper-claim').dataset.verdict).toBe('not-shown');
    expect(getByTestId('paper-shows').textContent).toContain('the loss diverged');
  });
});
