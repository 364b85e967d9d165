// The Compare view with fixed data: the diff table lists exactly the settings that differ, every run has its own
// colour-blind-safe colour in the legend and the charts, toggling a run hides its series everywhere, exact
// zeros stay off the log axes, and the summary names the dead first layer.
import { fireEvent, render, waitFor } from '@testing-library/svelte';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { OKABE_ITO } from '../../renderer/src/charts/chart-math';
import { setLocale } from '../../renderer/src/lib/i18n/i18n.svelte';
import { RUN_COLOURS, gradientSpan, runIdsFromHash } from '../../renderer/src/views/compare/compare-data';
import { colourTable, gridPixels, parseColour } from '../../renderer/src/charts/heat-paint';
import ConfigDiffTable from '../../renderer/src/views/compare/ConfigDiffTable.svelte';
import CompareView from '../../renderer/src/views/compare/CompareView.svelte';
import type { Comparison } from '../../electron/common/runs';
import { eightComparison, fakeLab, seedComparison, stubResizeObserver } from './compare-fixtures';
import { stats } from './charts-fixtures';

let current: ReturnType<typeof fakeLab>;
vi.mock('../../renderer/src/lib/api', () => ({ lab: () => current.client }));

function serve(comparison: Comparison) {
  current = fakeLab({ 'run:compare': () => comparison, 'queue:get': () => ({ running: null, queued: [] }) });
  location.hash = `#/compare?runs=${comparison.runs.map((r) => r.summary.id).join(',')}`;
}

async function mount(comparison: Comparison) {
  serve(comparison);
  const view = render(CompareView);
  await waitFor(() => expect(view.container.querySelector('[data-testid="compare-legend"]')).not.toBeNull());
  return view;
}

beforeEach(() => {
  stubResizeObserver();
  setLocale('en');
});
afterEach(() => {
  location.hash = '';
});

describe('compare helpers', () => {
  it('reads run ids from the address, dropping junk and duplicates', () => {
    expect(runIdsFromHash('#/compare?runs=3,5,x,5,-1,9')).toEqual([3, 5, 9]);
    expect(runIdsFromHash('#/compare')).toEqual([]);
  });

  it('measures the gradient span in powers of ten and calls an exact zero "no signal", not a number', () => {
    expect(gradientSpan([stats(0, 1e-6), stats(1, 1e-1)]).decades).toBeCloseTo(-5);
    const dead = gradientSpan([stats(0, 0), stats(1, 1e-1)]);
    expect(dead.firstZero).toBe(true);
    expect(dead.decades).toBeNull();
  });
});

describe('heatmap pixels', () => {
  it('maps the shared domain through one colour table; exact zeros grey, missing cells transparent', () => {
    const table = colourTable((v) => (v < 0.5 ? '#000000' : 'rgb(255, 255, 255)'), 0, 1);
    const grid = { rows: 1, cols: 4, values: Float64Array.from([0, 1, -Infinity, NaN]), colSteps: [0, 1, 2, 3], min: 0, max: 1 };
    const px = [...gridPixels(grid, table, 0, 1, parseColour('#8a8f99'))];
    expect(px.slice(0, 4)).toEqual([0, 0, 0, 255]);
    expect(px.slice(4, 8)).toEqual([255, 255, 255, 255]);
    expect(px.slice(8, 12)).toEqual([0x8a, 0x8f, 0x99, 255]);
    expect(px.slice(12, 16)).toEqual([0, 0, 0, 0]);
  });
});

describe('config diff table', () => {
  it('lists exactly the fields that differ, nothing identical', async () => {
    const { container } = await mount(seedComparison());
    const fields = [...container.querySelectorAll('[data-testid="compare-diff"] tr[data-field]')].map((r) => r.getAttribute('data-field'));
    // seed-keras vs seed-he vs seed-relu-he: activation and initializer differ; data, optimizer, training do not.
    expect(fields.sort()).toEqual(['model.activation', 'model.initializer.kind', 'model.initializer.mean', 'model.initializer.std', 'preset']);
    const activation = container.querySelector('tr[data-field="model.activation"]')!;
    expect([...activation.querySelectorAll('td')].map((td) => td.textContent)).toEqual(['sigmoid', 'sigmoid', 'ReLU']);
    expect(container.querySelector('[data-testid="compare-diff"]')!.textContent).toContain('Only the 5 differing setting(s)');
  });

  it('says so when the runs have identical settings', () => {
    const c = seedComparison();
    const { getByTestId } = render(ConfigDiffTable, { runs: [], diff: [] });
    expect(getByTestId('compare-diff-empty').textContent).toContain('identical');
    expect(c.diff.length).toBeGreaterThan(0);
  });
});

describe('legend and colours', () => {
  it('gives eight runs eight distinct Okabe–Ito colours, used by their lines', async () => {
    const { container } = await mount(eightComparison());
    const entries = [...container.querySelectorAll('[data-testid="compare-legend"] [data-run]')];
    expect(entries).toHaveLength(8);
    const colours = entries.map((e) => e.getAttribute('data-colour'));
    expect(new Set(colours).size).toBe(8);
    for (const c of colours) expect(Object.values(OKABE_ITO)).toContain(c);
    expect(RUN_COLOURS.slice(0, 8)).toEqual(colours);
    // Each run's loss line is drawn in its legend colour.
    for (const [i, e] of entries.entries()) {
      const id = e.getAttribute('data-run');
      expect(container.querySelector(`[data-series="loss-${id}"]`)!.getAttribute('stroke')).toBe(colours[i]);
    }
  });

  it('hides a run’s series in every chart when toggled off, and brings them back', async () => {
    const { container } = await mount(seedComparison());
    const seriesOf = (id: number) => container.querySelectorAll(`svg [data-run="${id}"], [data-heat-panel="${id}"], canvas[data-run="${id}"]`).length;
    const before = seriesOf(2);
    expect(before).toBeGreaterThan(4);
    const button = container.querySelector('[data-testid="compare-legend"] [data-run="2"]')!;
    await fireEvent.click(button);
    expect(button.getAttribute('aria-pressed')).toBe('false');
    expect(seriesOf(2)).toBe(0);
    expect(seriesOf(1)).toBeGreaterThan(0);
    // The tables keep the run, dimmed.
    expect(container.querySelector('[data-testid="compare-summary"] tr[data-run="2"]')!.classList.contains('dim')).toBe(true);
    await fireEvent.click(button);
    expect(seriesOf(2)).toBe(before);
  });
});

describe('gradient charts and summary', () => {
  it('keeps exact zeros off the log axes: the dead first layer is a strip and a cross in the "= 0" row', async () => {
    const { container } = await mount(seedComparison());
    const time = container.querySelector('[data-testid="chart-compare-grad-time"]')!;
    expect(time.querySelector('[data-zero-run="1"]')).not.toBeNull();
    expect(time.querySelector('path[data-run="1"]')).toBeNull();
    expect(time.querySelector('path[data-run="2"]')).not.toBeNull();
    const ticks = [...time.querySelectorAll('[data-axis="y"] [data-tick]')].map((t) => t.textContent);
    expect(ticks.every((t) => /^10[⁻⁰¹²³⁴⁵⁶⁷⁸⁹]+$/.test(t ?? ''))).toBe(true);
    const profile = container.querySelector('[data-testid="chart-compare-layer-profile"]')!;
    expect(profile.querySelector('[data-zero-run="1"][data-zero-slot="L1"]')).not.toBeNull();
  });

  it('shows one heatmap panel per run on a single shared colour domain', async () => {
    const { container } = await mount(seedComparison());
    const heat = container.querySelector('[data-testid="chart-compare-heatmaps"]')!;
    expect(heat.querySelectorAll('[data-heat-panel]')).toHaveLength(3);
    expect(heat.querySelectorAll('canvas[data-layer]')).toHaveLength(3);
    // Smallest non-zero gradient 0.02 → 10^-2 floor; largest 0.12·1.59 → 10^0 ceiling.
    expect(heat.querySelector('[data-domain]')!.getAttribute('data-domain')).toBe('-2,0');
  });

  it('summarises each run: the seed’s first layer has no signal', async () => {
    const { container } = await mount(seedComparison());
    const row = container.querySelector('[data-testid="compare-summary"] tr[data-run="1"]')!;
    expect(row.querySelector('[data-span]')!.textContent).toContain('no signal');
    const he = container.querySelector('[data-testid="compare-summary"] tr[data-run="2"] [data-span]')!.textContent!;
    expect(he).toMatch(/−0\.[67] decades/);
  });

  it('switches loss and accuracy to per-epoch points', async () => {
    const { container, getByTestId } = await mount(seedComparison());
    await fireEvent.click(getByTestId('curves-epoch'));
    expect(container.querySelector('[data-testid="chart-compare-curves"] svg')!.getAttribute('data-mode')).toBe('epoch');
    expect(container.querySelectorAll('[data-testid="chart-compare-curves"] circle').length).toBe(3 * 2 * 2);
  });

  it('asks for fewer than 2 runs shows the way to pick them and the sweeps', async () => {
    current = fakeLab({});
    location.hash = '#/compare?runs=4';
    const { getByTestId } = render(CompareView);
    expect(getByTestId('compare-empty').textContent).toContain('Pick 2 to 8');
    expect(getByTestId('sweep-panel')).toBeTruthy();
    expect(current.callsOf('run:compare')).toHaveLength(0);
  });

  it('shows the host’s message when the comparison cannot be loaded', async () => {
    current = fakeLab({ 'run:compare': () => Promise.reject(new Error('runId: run 99 does not exist')) });
    location.hash = '#/compare?runs=1,99';
    const { findByTestId } = render(CompareView);
    expect((await findByTestId('compare-error')).textContent).toContain('run 99 does not exist');
  });
});
