// The float32 floor of the log charts: the smallest normal float32 (1.18e-38) as a dashed, labelled line when
// the axis reaches it, the axis pulled down to it when the data comes within a few decades, a legend note that
// it lies far below otherwise; subnormal values under the line, exact zeros still in their "= 0" row. Both
// languages, and kept in the exported SVG.
import { render } from '@testing-library/svelte';
import { flushSync } from 'svelte';
import { afterEach, describe, expect, it } from 'vitest';
import { FLOAT32_MIN_NORMAL } from '../../electron/common/diagnostics';
import type { Comparison } from '../../electron/common/runs';
import LayerHeatmap from '../../renderer/src/charts/LayerHeatmap.canvas.svelte';
import LayerNormChart from '../../renderer/src/charts/LayerNormChart.svelte';
import { heatDomain } from '../../renderer/src/charts/heat-paint';
import { svgString } from '../../renderer/src/charts/chart-export';
import { FLOOR_LOG10, FLOOR_REACH_DECADES, decadeLogScale, floorPlace, reachFloor, subnormal } from '../../renderer/src/charts/chart-math';
import { setLocale } from '../../renderer/src/lib/i18n/i18n.svelte';
import GradientNormChart from '../../renderer/src/views/train/GradientNormChart.svelte';
import CompareLayerProfile from '../../renderer/src/views/compare/CompareLayerProfile.svelte';
import { prepareRuns } from '../../renderer/src/views/compare/compare-data';
import { LAYERS, STATS, stats } from './charts-fixtures';
import { detail, seedComparison, stubResizeObserver } from './compare-fixtures';

stubResizeObserver();
afterEach(() => setLocale('en'));

const num = (el: Element | null, attr: string) => Number(el?.getAttribute(attr));
const floorY = (root: Element) => num(root.querySelector('[data-floor-line] line'), 'y1');

describe('the floor on a log domain (chart-math)', () => {
  it('is the smallest normal float32, 2⁻¹²⁶', () => {
    expect(10 ** FLOOR_LOG10).toBeCloseTo(FLOAT32_MIN_NORMAL, 45);
    expect(FLOAT32_MIN_NORMAL).toBe(2 ** -126);
    expect(subnormal(1e-40)).toBe(true);
    expect(subnormal(2e-38)).toBe(false);
    expect(subnormal(0)).toBe(false);
  });

  it('says whether the floor lies on, under or over an axis given in log10 units', () => {
    expect(floorPlace(-40, -30)).toBe('inside');
    expect(floorPlace(-30, -40)).toBe('inside');
    expect(floorPlace(-8, 0)).toBe('below');
    expect(floorPlace(-45, -39)).toBe('above');
    expect(floorPlace(Number.NaN, 0)).toBe('below');
  });

  it('pulls an axis down to the floor’s decade only when the data comes within reach', () => {
    expect(FLOOR_REACH_DECADES).toBe(4);
    expect(reachFloor(-36)).toBe(-38);
    expect(reachFloor(-34)).toBe(-38);
    expect(reachFloor(-33)).toBe(-33);
    expect(reachFloor(-8)).toBe(-8);
    // Already under the floor (subnormal data): left alone, the floor is inside anyway.
    expect(reachFloor(-40)).toBe(-40);
    expect(decadeLogScale([1e-36, 1e-2], [100, 0]).domain()).toEqual([1e-38, 1e-2]);
    expect(decadeLogScale([1e-8, 1e-2], [100, 0]).domain()).toEqual([1e-8, 1e-2]);
    // The heatmaps' colour domain (log10 units) follows the same rule.
    expect(heatDomain([{ min: -35.5, max: -1.2 }])).toEqual({ lo: -38, hi: -1 });
    expect(heatDomain([{ min: -7.5, max: -1.2 }])).toEqual({ lo: -8, hi: -1 });
  });
});

describe('LayerNormChart', () => {
  it('draws the floor line on a run whose first layer reaches 1e-36, with a subnormal layer under it', () => {
    const s = [stats(0, 1e-40), stats(1, 1e-36), stats(2, 1e-3), stats(3, 1e-1)];
    const { container } = render(LayerNormChart, { layers: LAYERS, stats: s, showBound: false });
    const line = container.querySelector('[data-floor-line]');
    expect(line).not.toBeNull();
    expect(line!.textContent).toContain('smallest normal float32 1.18e-38');
    const y = floorY(container);
    // SVG y grows downwards: 1e-36 sits above the line, the subnormal 1e-40 under it.
    expect(num(container.querySelector('[data-point="1"]'), 'cy')).toBeLessThan(y);
    expect(num(container.querySelector('[data-point="0"]'), 'cy')).toBeGreaterThan(y);
    expect(container.querySelector('[data-floor-note]')!.textContent).toContain('subnormal');
    expect(container.querySelector('[data-floor-below]')).toBeNull();
  });

  it('extends an axis whose lowest value is 1e-36 down to 10⁻³⁸ so the line is on it', () => {
    const s = [stats(0, 1e-36), stats(1, 1e-20), stats(2, 1e-3), stats(3, 1e-1)];
    const { container } = render(LayerNormChart, { layers: LAYERS, stats: s, showBound: false });
    const ticks = [...container.querySelectorAll('[data-axis="y"] [data-tick]')].map((t) => t.textContent?.trim());
    expect(ticks[0]).toBe('10⁻³⁸');
    expect(container.querySelector('[data-floor-line]')).not.toBeNull();
  });

  it('on a normal run keeps its decades, names the floor as far below, and keeps exact zeros in the = 0 row', () => {
    const { container } = render(LayerNormChart, { layers: LAYERS, stats: STATS });
    expect(container.querySelector('[data-floor-line]')).toBeNull();
    const note = container.querySelector('[data-floor-below]')!;
    expect(note.textContent).toContain('1.18e-38');
    expect(note.textContent).toContain('far below this axis');
    expect(container.querySelector('[data-zero="0"]')).not.toBeNull();
    const ticks = [...container.querySelectorAll('[data-axis="y"] [data-tick]')].map((t) => t.textContent?.trim());
    expect(ticks[0]).toBe('10⁻⁵');
    setLocale('ja');
    flushSync();
    expect(container.querySelector('[data-floor-below]')!.textContent).toContain('float32 の最小の正規化数 1.18e-38');
    expect(container.querySelector('[data-floor-below]')!.textContent).toContain('この軸のはるか下');
  });

  it('keeps the line and its legend entry in the exported SVG', () => {
    setLocale('ja');
    const s = [stats(0, 1e-36), stats(1, 1e-20), stats(2, 1e-3), stats(3, 1e-1)];
    const { container } = render(LayerNormChart, { layers: LAYERS, stats: s, showBound: false });
    const text = svgString(container.querySelector('[data-testid="chart-layer-norm"]') as HTMLElement)!;
    const doc = new DOMParser().parseFromString(text, 'image/svg+xml');
    expect(doc.querySelector('svg[data-chart] [data-floor-line] line')).not.toBeNull();
    const legend = [...doc.querySelectorAll('[data-legend-item]')].map((i) => i.textContent ?? '');
    expect(legend.some((l) => l.includes('1.18e-38') && l.includes('非正規化数'))).toBe(true);
  });
});

describe('Compare: layer profile', () => {
  const wire = <T>(v: T) => JSON.parse(JSON.stringify(v)) as T;

  it('draws the floor when a run’s first layer reaches 1e-36, in both languages', () => {
    const runs = prepareRuns(wire<Comparison>({ runs: [detail(1, 'seed-keras', [1e-36, 1e-3, 0.1]), detail(2, 'seed-he', [0.02, 0.05, 0.1])], diff: [] }));
    const { container } = render(CompareLayerProfile, { runs, width: 600, height: 340 });
    expect(container.querySelector('[data-floor-line]')!.textContent).toContain('1.18e-38');
    expect(container.querySelector('[data-floor-below]')).toBeNull();
    setLocale('ja');
    flushSync();
    expect(container.querySelector('[data-floor-line]')!.textContent).toContain('float32 の最小の正規化数');
  });

  it('says the floor lies far below on a normal comparison', () => {
    const { container } = render(CompareLayerProfile, { runs: prepareRuns(seedComparison()), width: 600 });
    expect(container.querySelector('[data-floor-line]')).toBeNull();
    expect(container.querySelector('[data-floor-below]')!.textContent).toMatch(/1\.18e-38.*far below this axis/);
  });
});

describe('heatmap colour bar', () => {
  const steps = Array.from({ length: 40 }, (_, i) => i);
  const heat = (first: number) => {
    const s = [stats(0, first), stats(1, 1e-5), stats(2, 1e-3), stats(3, 1e-1)];
    return render(LayerHeatmap, { layers: LAYERS, statSteps: steps, layerStats: LAYERS.map((l) => steps.map(() => s[l.index]!)), width: 500, height: 240 });
  };

  it('marks the floor on the bar when a layer reaches 1e-36, and names it far below otherwise', () => {
    const low = heat(1e-36).container;
    expect(low.querySelector('[data-testid="heat-legend"] [data-floor-line]')).not.toBeNull();
    expect(low.querySelector('[data-floor-note]')!.textContent).toContain('1.18e-38');
    const normal = heat(1e-7).container;
    expect(normal.querySelector('[data-floor-line]')).toBeNull();
    expect(normal.querySelector('[data-floor-below]')!.textContent).toContain('far below this axis');
  });
});

describe('GradientNormChart (‖g‖ per step)', () => {
  it('pulls the axis to the floor as ‖g‖ falls to 1e-36, labelling the line at the start where the run is still high', () => {
    const steps = Array.from({ length: 50 }, (_, i) => i);
    const before = steps.map((s) => 10 ** (-s * 0.73));
    const { container } = render(GradientNormChart, { steps, before, totalSteps: 50 });
    const line = container.querySelector('[data-floor-line]')!;
    expect(line.querySelector('text')!.getAttribute('text-anchor')).toBe('start');
    expect(container.querySelector('[data-floor-note]')).not.toBeNull();
    const early = render(GradientNormChart, { steps: steps.slice(0, 10), before: before.slice(0, 10), totalSteps: 50 }).container;
    expect(early.querySelector('[data-floor-line]')).toBeNull();
    expect(early.querySelector('[data-floor-below]')!.textContent).toContain('far below this axis');
  });
});
