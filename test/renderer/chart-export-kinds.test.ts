// Every kind of chart the app shows, exported as SVG and read back as another program would: each file names
// itself (the same title as on screen), keeps its axis titles and units as text, carries a legend, names the
// compared runs with their colours, and — for the colour-coded charts — its colour scale with labels; in both
// languages.
import { render } from '@testing-library/svelte';
import { afterEach, describe, expect, it } from 'vitest';
import GradientFlowDiagram from '../../renderer/src/charts/GradientFlowDiagram.svelte';
import GradientHistogram from '../../renderer/src/charts/GradientHistogram.svelte';
import LayerHeatmap from '../../renderer/src/charts/LayerHeatmap.canvas.svelte';
import LayerNormChart from '../../renderer/src/charts/LayerNormChart.svelte';
import LossAccuracyChart from '../../renderer/src/charts/LossAccuracyChart.svelte';
import PredictionGrid from '../../renderer/src/charts/PredictionGrid.svelte';
import SaturationChart from '../../renderer/src/charts/SaturationChart.svelte';
import { svgString } from '../../renderer/src/charts/chart-export';
import { setLocale, type Locale } from '../../renderer/src/lib/i18n/i18n.svelte';
import CompareCurves from '../../renderer/src/views/compare/CompareCurves.svelte';
import CompareGradTime from '../../renderer/src/views/compare/CompareGradTime.svelte';
import CompareHeatmaps from '../../renderer/src/views/compare/CompareHeatmaps.canvas.svelte';
import CompareLayerProfile from '../../renderer/src/views/compare/CompareLayerProfile.svelte';
import { prepareRuns, type CompareRun } from '../../renderer/src/views/compare/compare-data';
import { LAYERS, PREDICTIONS, STATS, histogram, stats } from './charts-fixtures';
import { seedComparison, stubResizeObserver } from './compare-fixtures';

stubResizeObserver();

/** Any chart component, as the testing library renders it. */
type AnyChart = Parameters<typeof render>[0];

interface Kind {
  name: string;
  component: AnyChart;
  props: () => Record<string, unknown>;
  /** Runs the chart compares (their names and colours must be in the legend). */
  runs?: () => CompareRun[];
  /** The chart codes a value by colour: its scale must come with it. */
  colourScale?: boolean;
  /** The chart has axes with titles (the predictions grid and the diagram do not). */
  axes?: boolean;
}

const steps = Array.from({ length: 40 }, (_, i) => i);
const layerStats = () => LAYERS.map((l) => steps.map((s) => stats(l.index, l.index === 0 ? 0 : 10 ** -(4 - l.index) * (1 + s / 50))));
let compared: CompareRun[] = [];

const KINDS: Kind[] = [
  { name: 'loss-accuracy', component: LossAccuracyChart as AnyChart, axes: true, props: () => ({ steps, loss: steps.map((s) => 2 / (1 + s)), acc: steps.map((s) => s / 40) }) },
  { name: 'gradient-flow', component: GradientFlowDiagram as AnyChart, colourScale: true, props: () => ({ layers: LAYERS, stats: STATS, width: 700 }) },
  { name: 'layer-norm', component: LayerNormChart as AnyChart, axes: true, props: () => ({ layers: LAYERS, stats: STATS }) },
  { name: 'layer-heatmap', component: LayerHeatmap as AnyChart, axes: true, colourScale: true, props: () => ({ layers: LAYERS, statSteps: steps, layerStats: layerStats(), width: 600 }) },
  {
    name: 'gradient-histogram',
    component: GradientHistogram as AnyChart,
    axes: true,
    props: () => ({ layers: LAYERS, histograms: steps.map((s) => histogram(s, 1, -4, 90, 10)), layer: 1, width: 600 }),
  },
  { name: 'saturation', component: SaturationChart as AnyChart, axes: true, props: () => ({ layers: LAYERS, statSteps: steps, layerStats: layerStats() }) },
  { name: 'predictions', component: PredictionGrid as AnyChart, props: () => ({ predictions: PREDICTIONS, width: 600 }) },
  { name: 'compare-curves', component: CompareCurves as AnyChart, axes: true, runs: () => compared, props: () => ({ runs: compared, width: 600 }) },
  { name: 'compare-grad-time', component: CompareGradTime as AnyChart, axes: true, runs: () => compared, props: () => ({ runs: compared, width: 600 }) },
  { name: 'compare-layer-profile', component: CompareLayerProfile as AnyChart, axes: true, runs: () => compared, props: () => ({ runs: compared, width: 600 }) },
  { name: 'compare-heatmaps', component: CompareHeatmaps as AnyChart, colourScale: true, runs: () => compared, props: () => ({ runs: compared, width: 900 }) },
];

const CJK = /[\u3040-\u30ff\u4e00-\u9fff]/;
const texts = (root: ParentNode, sel: string) => [...root.querySelectorAll(sel)].map((t) => t.textContent?.replace(/\s+/g, ' ').trim() ?? '');

describe.each<Locale>(['en', 'ja'])('every exported chart describes itself (%s)', (locale) => {
  afterEach(() => setLocale('en'));

  it.each(KINDS.map((k) => [k.name, k] as const))('%s', (name, kind) => {
    setLocale(locale);
    compared = prepareRuns(seedComparison());
    const { container } = render(kind.component, kind.props() as never);
    const figure = container.querySelector(`[data-testid="chart-${name}"]`) as HTMLElement;
    expect(figure, name).not.toBeNull();
    const doc = new DOMParser().parseFromString(svgString(figure)!, 'image/svg+xml');
    expect(doc.querySelector('parsererror')).toBeNull();
    const all = doc.documentElement.textContent ?? '';

    // The title, as on screen, in the chosen language.
    const title = texts(doc, '[data-export-title]').join(' ');
    expect(title).toBe(figure.querySelector('[data-chart-title]')!.textContent!.trim());
    if (locale === 'ja') expect(title).toMatch(CJK);
    else expect(title).not.toMatch(CJK);
    expect(texts(doc, '[data-export-subtitle]').join(' ').length).toBeGreaterThan(10);

    // Axis titles (with their units) stay text.
    const axisTitles = texts(figure, 'svg[data-chart] [data-axis-title]');
    if (kind.axes) expect(axisTitles.length, 'axis titles on screen').toBeGreaterThan(0);
    for (const a of axisTitles) expect(texts(doc, '[data-axis-title]')).toContain(a);
    expect(doc.querySelectorAll('[data-tick], [data-legend-tick]').length + (name === 'predictions' || name === 'gradient-flow' ? 1 : 0)).toBeGreaterThan(0);

    // A legend, with words.
    const legend = doc.querySelector('[data-export-legend]')!;
    expect(legend.querySelectorAll('[data-legend-item]').length).toBeGreaterThan(0);
    expect((legend.textContent ?? '').trim().length).toBeGreaterThan(3);

    // Compared runs: each name next to a swatch of its own colour.
    for (const run of kind.runs?.() ?? []) {
      const item = [...legend.querySelectorAll('[data-legend-item]')].find((i) => i.textContent?.includes(run.name));
      expect(item, `${run.name} in the legend`).toBeTruthy();
      expect(item!.querySelector('line')!.getAttribute('stroke')).toBe(run.colour);
    }

    // Colour-coded charts carry their scale: many colour steps and at least two labelled values.
    if (kind.colourScale) {
      const scale = doc.querySelectorAll('[data-legend-tick]');
      expect(scale.length).toBeGreaterThanOrEqual(2);
      const fills = new Set([...doc.querySelectorAll('[data-export-legend] rect, [data-testid="compare-heat-legend"] rect')].map((r) => r.getAttribute('fill')));
      expect(fills.size).toBeGreaterThan(8);
    }
    expect(all.length).toBeGreaterThan(title.length);
  });
});
