// The "The paper says / this run shows" panel: shown for a paper preset only, with the citation and the claim;
// before a run it waits, on a run it states what the statistics show with the numbers and a verdict, in
// Japanese and English; the picker lists the paper presets in their own group.
import { render } from '@testing-library/svelte';
import { flushSync } from 'svelte';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { getPreset } from '../../electron/common/presets';
import type { LayerStats } from '../../electron/common/records';
import { setLocale } from '../../renderer/src/lib/i18n/i18n.svelte';
import { RunStore } from '../../renderer/src/lib/state/run-store.svelte';
import ConfigPanel from '../../renderer/src/views/train/ConfigPanel.svelte';
import PaperClaimPanel from '../../renderer/src/views/train/PaperClaimPanel.svelte';
import { draftFromConfig } from '../../renderer/src/views/train/config-form';
import { stubResizeObserver } from './compare-fixtures';

beforeEach(() => stubResizeObserver());
afterEach(() => setLocale('en'));

const layer = (l: number, actMean: number): LayerStats => ({
  layer: l, gradNorm: 1, gradMeanAbs: 0, gradMaxAbs: 0, gradZeroFrac: 0, biasGradNorm: 0, deltaNorm: 1, weightNorm: 1,
  updateRatio: 0, actMean, actStd: 0.1, saturatedFrac: 0, deadFrac: 0,
});

/** A run of the Glorot & Bengio sigmoid preset whose top hidden layer went from `from` to `to`. */
function glorotRun(from: number, to: number, status: RunStore['status']): RunStore {
  const run = new RunStore((cb) => cb());
  run.runId = 7;
  run.config = getPreset('papers-glorot-sigmoid')!.config;
  run.status = status;
  run.statSteps = [0, 1000, 2000, 3000];
  run.layerStats = [0, 1, 2, 3, 4].map((l) => run.statSteps.map((_, k) => layer(l, l === 3 ? (k === 0 ? from : to) : l === 4 ? 0.1 : 0.5)));
  return run;
}

describe('PaperClaimPanel', () => {
  it('is absent for a preset that is not a paper’s', () => {
    const { queryByTestId } = render(PaperClaimPanel, { run: new RunStore((cb) => cb()), presetId: 'seed-keras' });
    expect(queryByTestId('paper-claim')).toBeNull();
  });

  it('before a run: the citation and the claim, and a note that it will be checked', () => {
    const { getByTestId } = render(PaperClaimPanel, { run: new RunStore((cb) => cb()), presetId: 'papers-glorot-sigmoid' });
    expect(getByTestId('paper-citation').textContent).toContain('Glorot, X. & Bengio, Y. (2010)');
    expect(getByTestId('paper-says').textContent).toContain('top hidden layer');
    expect(getByTestId('paper-claim').dataset.verdict).toBe('none');
  });

  it('on a run that shows it: “as in the paper” with the numbers, in English and Japanese', () => {
    const { getByTestId } = render(PaperClaimPanel, { run: glorotRun(0.5, 0.02, 'completed'), presetId: undefined });
    expect(getByTestId('paper-claim').dataset.verdict).toBe('holds');
    expect(getByTestId('paper-verdict').textContent).toBe('as in the paper');
    expect(getByTestId('paper-shows').textContent).toContain('0.50 → 0.02 by step 3,000');
    setLocale('ja');
    flushSync();
    expect(getByTestId('paper-verdict').textContent).toBe('論文のとおり');
    expect(getByTestId('paper-shows').textContent).toContain('0.50 → 0.02（ステップ 3,000）');
    expect(getByTestId('paper-shows').textContent).not.toContain('論文のとおりです');
  });

  it('redraws the paper’s figure from the run: one mean-activation line per hidden layer', () => {
    const { getByTestId } = render(PaperClaimPanel, { run: glorotRun(0.5, 0.02, 'completed'), presetId: undefined });
    const fig = getByTestId('chart-paper-figure');
    expect(fig.querySelector('[data-chart-title]')?.textContent).toBe('Mean activation per layer (their Figure 2)');
    expect([...fig.querySelectorAll('[data-figure-line]')].map((p) => p.getAttribute('data-figure-line'))).toEqual(['L1', 'L2', 'L3', 'L4']);
    expect(fig.querySelector('[data-figure-line="L4"]')?.getAttribute('d')).toMatch(/^M/);
  });

  it('on a finished run that does not show it: “not shown”', () => {
    const { getByTestId } = render(PaperClaimPanel, { run: glorotRun(0.5, 0.4, 'completed'), presetId: undefined });
    expect(getByTestId('paper-claim').dataset.verdict).toBe('not-shown');
    expect(getByTestId('paper-verdict').textContent).toBe('not shown');
  });
});

describe('the preset picker', () => {
  it('lists the paper presets in a group of their own, named in the current language', () => {
    const { getByTestId } = render(ConfigPanel, { draft: draftFromConfig(getPreset('papers-he-xavier')!.config), errors: {} });
    const group = getByTestId('preset-group-papers') as HTMLOptGroupElement;
    expect(group.label).toBe('Papers');
    expect([...group.querySelectorAll('option')].map((o) => o.value)).toContain('papers-he-he');
    expect(getByTestId('preset-description').textContent).toContain('Thirty ReLU layers');
    setLocale('ja');
    flushSync();
    expect(group.label).toBe('論文');
  });
});
