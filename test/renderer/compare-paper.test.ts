// Compare's "The paper says / these runs show": runs of a paper's pair get the paper's citation and claims, each
// run's own verdict and the pair's judgment with the numbers, read from the runs whole (`run:get`), in English and
// Japanese; a comparison without paper runs asks nothing more and shows no such panel.
import { render, waitFor } from '@testing-library/svelte';
import { flushSync } from 'svelte';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Comparison, RunDetail } from '../../electron/common/runs';
import { configDiff } from '../../electron/service/run-queries';
import { setLocale } from '../../renderer/src/lib/i18n/i18n.svelte';
import CompareView from '../../renderer/src/views/compare/CompareView.svelte';
import { detail, fakeLab, seedComparison, stubResizeObserver } from './compare-fixtures';

let current: ReturnType<typeof fakeLab>;
vi.mock('../../renderer/src/lib/api', () => ({ lab: () => current.client }));

/** A run of a Glorot tanh preset (five hidden layers) whose lowest hidden layer's ‖δ‖ at the start is `ratio` of the top's. */
function glorot(id: number, preset: string, ratio: number): RunDetail {
  const d = detail(id, preset, [1, 1, 1, 1, 1, 1]);
  d.series.layerStats = d.series.layerStats.map((col, l) => col.map((s) => ({ ...s, deltaNorm: l === 0 ? ratio : 1 })));
  return d;
}

function serve(comparison: Comparison) {
  const byId = new Map(comparison.runs.map((r) => [r.summary.id, r]));
  current = fakeLab({
    'run:compare': () => comparison,
    'run:get': (r) => byId.get((r as { runId: number }).runId),
    'queue:get': () => ({ running: null, queued: [] }),
  });
  location.hash = `#/compare?runs=${comparison.runs.map((r) => r.summary.id).join(',')}`;
}

beforeEach(() => {
  stubResizeObserver();
  setLocale('en');
});
afterEach(() => {
  location.hash = '';
  setLocale('en');
});

describe('Compare: the paper says / these runs show', () => {
  it('judges a paper’s pair with the numbers, and each run’s own claim, in English and Japanese', async () => {
    const runs = [glorot(4, 'papers-glorot-tanh-xavier', 0.8), glorot(2, 'papers-glorot-tanh-standard', 0.12)];
    serve({ runs, diff: configDiff(runs.map((r) => r.config)) });
    const view = render(CompareView);
    const pair = await view.findByTestId('compare-pair');
    expect(pair.dataset.verdict).toBe('holds');
    expect(pair.textContent).toContain('‖δ‖ of the lowest over the top hidden layer: 0.12 with standard, 0.80 with normalized initialization.');
    expect([...view.getAllByTestId('compare-paper-run')].map((r) => r.dataset.verdict)).toEqual(['holds', 'holds']);
    expect(view.getByTestId('compare-paper').textContent).toContain('Glorot, X. & Bengio, Y. (2010)');
    expect(current.callsOf('run:get').map((c) => (c.request as { runId: number }).runId).sort()).toEqual([2, 4]);
    setLocale('ja');
    flushSync();
    expect(pair.textContent).toContain('論文のとおり');
    expect(pair.textContent).toContain('標準初期化 0.12、正規化初期化 0.80');
  });

  it('says “not shown” when the runs contradict the paper', async () => {
    const runs = [glorot(1, 'papers-glorot-tanh-standard', 0.9), glorot(3, 'papers-glorot-tanh-xavier', 0.8)];
    serve({ runs, diff: configDiff(runs.map((r) => r.config)) });
    const view = render(CompareView);
    await waitFor(() => expect(view.getByTestId('compare-pair').dataset.verdict).toBe('not-shown'));
    expect(view.getByTestId('compare-pair').textContent).toContain('not shown');
  });

  it('shows nothing of papers, and asks nothing more, for runs of other presets', async () => {
    serve(seedComparison());
    const view = render(CompareView);
    await waitFor(() => expect(view.container.querySelector('[data-testid="compare-legend"]')).not.toBeNull());
    expect(view.queryByTestId('compare-paper')).toBeNull();
    expect(current.callsOf('run:get')).toEqual([]);
  });
});
