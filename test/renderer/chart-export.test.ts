// Every exported chart describes itself: the SVG a user saves carries the chart's title and explanation, the
// settings that shape it, its legend (run names with their colours, line meanings) and its colour scale, all as
// SVG text in the chosen language. Read from the file's text, as another program would read it.
import { fireEvent, render } from '@testing-library/svelte';
import { afterEach, describe, expect, it } from 'vitest';
import LayerHeatmap from '../../renderer/src/charts/LayerHeatmap.canvas.svelte';
import LayerNormChart from '../../renderer/src/charts/LayerNormChart.svelte';
import LossAccuracyChart from '../../renderer/src/charts/LossAccuracyChart.svelte';
import { svgString, wrapText } from '../../renderer/src/charts/chart-export';
import { thinLabels } from '../../renderer/src/charts/plot-layout';
import { setLocale } from '../../renderer/src/lib/i18n/i18n.svelte';
import CompareHeatmaps from '../../renderer/src/views/compare/CompareHeatmaps.canvas.svelte';
import CompareLayerProfile from '../../renderer/src/views/compare/CompareLayerProfile.svelte';
import { prepareRuns } from '../../renderer/src/views/compare/compare-data';
import { LAYERS, STATS } from './charts-fixtures';
import { seedComparison, stubResizeObserver } from './compare-fixtures';

stubResizeObserver();

/** The exported SVG, parsed back as a file reader would. */
function exported(container: HTMLElement, name: string): Document {
  const text = svgString(container.querySelector(`[data-testid="chart-${name}"]`) as HTMLElement);
  expect(text).toBeTruthy();
  return new DOMParser().parseFromString(text!, 'image/svg+xml');
}
const texts = (doc: Document, sel: string) => [...doc.querySelectorAll(sel)].map((t) => t.textContent?.trim() ?? '');

describe('exported charts', () => {
  afterEach(() => setLocale('en'));

  it('a compared layer profile names every run with its colour, and says what it shows', () => {
    const runs = prepareRuns(seedComparison());
    const { container } = render(CompareLayerProfile, { runs, width: 600 });
    const doc = exported(container, 'compare-layer-profile');
    expect(texts(doc, '[data-export-title]').join(' ')).toBe('Gradient size per layer at the end');
    expect(texts(doc, '[data-export-subtitle]').join(' ').length).toBeGreaterThan(10);
    expect(texts(doc, '[data-export-settings]').join(' ')).toContain('‖∂E/∂W‖');
    const items = [...doc.querySelectorAll('[data-legend-item]')];
    for (const r of runs) {
      const item = items.find((i) => i.textContent?.includes(r.name));
      expect(item, r.name).toBeTruthy();
      expect(item!.querySelector('line')!.getAttribute('stroke')).toBe(r.colour);
    }
    // The chart itself is inside, its axis labels still text.
    expect(doc.querySelectorAll('svg[data-chart] [data-tick]').length).toBeGreaterThan(3);
  });

  it('a heatmap carries its colour scale with its labels and the meaning of grey', () => {
    const steps = Array.from({ length: 40 }, (_, i) => i);
    const layerStats = LAYERS.map((l) => steps.map(() => STATS[l.index]!));
    const { container } = render(LayerHeatmap, { layers: LAYERS, statSteps: steps, layerStats, width: 500, height: 240 });
    const doc = exported(container, 'layer-heatmap');
    expect(texts(doc, '[data-export-title]').join(' ')).toBe('Gradient size, layer × step');
    const legend = doc.querySelector('[data-export-legend]')!;
    expect([...legend.querySelectorAll('[data-legend-tick]')].length).toBeGreaterThanOrEqual(2);
    expect(new Set([...legend.querySelectorAll('rect')].map((r) => r.getAttribute('fill'))).size).toBeGreaterThan(10);
    expect(legend.textContent).toContain('exactly 0');
  });

  it('Compare’s heatmaps carry their shared colour scale and the run names', () => {
    const runs = prepareRuns(seedComparison());
    const { container } = render(CompareHeatmaps, { runs, width: 900 });
    const doc = exported(container, 'compare-heatmaps');
    expect(doc.querySelector('[data-testid="compare-heat-legend"] [data-legend-tick]')).not.toBeNull();
    for (const r of runs) expect(doc.documentElement.textContent).toContain(r.name);
  });

  it('the measured line and the dashed bound are named; settings follow the switches', async () => {
    const { container } = render(LayerNormChart, { layers: LAYERS, stats: STATS });
    await fireEvent.click(container.querySelector('[data-metric="delta"]')!);
    const doc = exported(container, 'layer-norm');
    const legend = texts(doc, '[data-legend-item]');
    expect(legend.some((l) => /measured/.test(l))).toBe(true);
    expect(legend.some((l) => /Π ¼‖W‖/.test(l))).toBe(true);
    expect(texts(doc, '[data-export-settings]').join(' ')).toContain('‖δ‖');
  });

  it('speaks the chosen language', () => {
    setLocale('ja');
    const { container } = render(LossAccuracyChart, { steps: [0, 1, 2], loss: [2, 1, 0.5], acc: [0.1, 0.5, 0.8] });
    const doc = exported(container, 'loss-accuracy');
    expect(texts(doc, '[data-export-title]').join('')).toMatch(/[\u3040-\u30ff\u4e00-\u9fff]/);
    expect(texts(doc, '[data-legend-item]').join('')).toMatch(/[\u3040-\u30ff\u4e00-\u9fff]/);
  });
});

describe('layout rules', () => {
  it('leaves out layer labels that would collide, always naming the output layer', () => {
    const names = [...Array.from({ length: 10 }, (_, i) => `L${i + 1}`), 'output'];
    const at = (w: number) => thinLabels(names.map((label, i) => ({ label, pos: ((i + 0.5) * w) / names.length })));
    expect(at(1000).map((t) => t.label)).toEqual(names);
    const narrow = at(300);
    expect(narrow.at(-1)!.label).toBe('output');
    expect(narrow.length).toBeLessThan(names.length);
    for (let i = 1; i < narrow.length; i++) {
      const gap = narrow[i]!.pos - narrow[i - 1]!.pos;
      expect(gap).toBeGreaterThan(((narrow[i]!.label.length + narrow[i - 1]!.label.length) / 2) * 13 * 0.6);
    }
  });

  it('wraps long titles and CJK text to the picture’s width', () => {
    expect(wrapText('a b c d e f', 10, 20).length).toBeGreaterThan(1);
    expect(wrapText('勾配の大きさを層ごとに表示します', 12, 60).every((l) => l.length <= 5)).toBe(true);
  });
});
