// The layer × step heatmap: the grid reduction (mean of log10 per column, exact zeros kept apart, a column
// budget), the canvas painting (zeros grey, not a colour of the scale) and the colour legend's values.
import { render } from '@testing-library/svelte';
import { afterEach, describe, expect, it, vi } from 'vitest';
import LayerHeatmap from '../../renderer/src/charts/LayerHeatmap.canvas.svelte';
import { decimate, sampleIndices, smooth } from '../../renderer/src/charts/chart-math';
import { heatmapGrid } from '../../renderer/src/charts/heatmap-grid';
import { quantilesOf } from '../../renderer/src/charts/histogram-bands';
import { LAYERS, stats } from './charts-fixtures';
import { stubResizeObserver } from './compare-fixtures';

// The chart frame measures its container (ResizeObserver); jsdom lays nothing out, so charts keep their given widths.
stubResizeObserver();

function series(steps: number) {
  const statSteps = Array.from({ length: steps }, (_, i) => i);
  const layerStats = LAYERS.map((l) => statSteps.map((s) => stats(l.index, l.index === 0 ? 0 : 10 ** -(8 - 2 * l.index) * (s % 2 ? 10 : 1))));
  return { statSteps, layerStats };
}

describe('heatmapGrid', () => {
  it('averages log10 per column, keeps all-zero cells as -Infinity and respects the column budget', () => {
    const { statSteps, layerStats } = series(100);
    const g = heatmapGrid(statSteps, layerStats, 'grad', 10);
    expect(g.cols).toBe(10);
    expect(g.rows).toBe(4);
    expect(g.values[0]).toBe(-Infinity);
    // Layer 1 alternates 1e-6 and 1e-5: the mean of log10 is -5.5.
    expect(g.values[1 * g.cols + 3]).toBeCloseTo(-5.5);
    expect(g.min).toBeCloseTo(-5.5);
    expect(g.max).toBeCloseTo(-1.5);
    expect(heatmapGrid(statSteps, layerStats, 'grad', 500).cols).toBe(100);
  });
});

describe('LayerHeatmap.canvas', () => {
  afterEach(() => {
    vi.restoreAllMocks();
    vi.unstubAllGlobals();
  });

  it('paints zero cells grey and shows the colour legend in powers of ten', () => {
    // The one heatmap painter hands the cells to the canvas as pixels (one per cell): count the grey ones.
    const painted: { r: number; g: number; b: number }[] = [];
    const ctx = {
      setTransform: () => undefined,
      clearRect: () => undefined,
      drawImage: () => undefined,
      imageSmoothingEnabled: true,
      putImageData: (img: { data: Uint8ClampedArray }) => {
        for (let i = 0; i < img.data.length; i += 4) if (img.data[i + 3]) painted.push({ r: img.data[i]!, g: img.data[i + 1]!, b: img.data[i + 2]! });
      },
    };
    vi.spyOn(HTMLCanvasElement.prototype, 'getContext').mockImplementation(() => ctx as unknown as CanvasRenderingContext2D);
    vi.stubGlobal('ImageData', class {
      constructor(readonly data: Uint8ClampedArray, readonly width: number, readonly height: number) {}
    });
    const hex = (p: { r: number; g: number; b: number }) => `#${[p.r, p.g, p.b].map((v) => v.toString(16).padStart(2, '0')).join('')}`;
    const { statSteps, layerStats } = series(40);
    const { container, getByTestId } = render(LayerHeatmap, { layers: LAYERS, statSteps, layerStats, width: 400, height: 240 });
    const fills = painted.map(hex);
    expect(fills.filter((f) => f === '#8a8f99').length).toBe(Number(container.querySelector('svg[data-chart]')!.getAttribute('data-cols')));
    expect(new Set(fills).size).toBeGreaterThan(3);
    const legend = [...getByTestId('heat-legend').querySelectorAll('[data-legend-tick]')].map((t) => t.textContent);
    expect(legend[0]).toBe('10⁻⁶');
    expect(legend.at(-1)).toBe('10⁻¹');
    expect(container.querySelectorAll('[data-axis="y"] [data-tick]')).toHaveLength(4);
  });
});

describe('LayerHeatmap legend', () => {
  it('recolours its legend when the data range moves', async () => {
    const mk = (a: number) => LAYERS.map((l) => [0, 1, 2, 3].map((s) => stats(l.index, 10 ** (a + 0.3 * l.index + 0.01 * s))));
    const props = { layers: LAYERS, statSteps: [0, 1, 2, 3], width: 400, height: 240 };
    const { getByTestId, rerender } = render(LayerHeatmap, { ...props, layerStats: mk(-7) });
    await rerender({ ...props, layerStats: mk(-1.5) });
    const fills = new Set([...getByTestId('heat-legend').querySelectorAll('rect')].map((r) => r.getAttribute('fill')));
    expect(fills.size).toBeGreaterThan(20);
    expect([...getByTestId('heat-legend').querySelectorAll('[data-legend-tick]')].map((t) => t.textContent)).toEqual(['10⁻²', '10⁻¹', '10⁰']);
  });
});

describe('chart math', () => {
  it('decimates to the budget and keeps spikes', () => {
    const xs = Array.from({ length: 10_000 }, (_, i) => i);
    const ys = xs.map((i) => (i === 5123 ? 100 : 1));
    const out = decimate(xs, ys, 500);
    expect(out.length).toBeLessThanOrEqual(500);
    expect(out.some((p) => p.y === 100)).toBe(true);
    expect(sampleIndices(1000, 10).at(-1)).toBe(999);
  });

  it('smooths without pulling the start towards zero', () => {
    expect(smooth([2, 2, 2])[0]).toBeCloseTo(2);
  });

  it('reads percentiles of log10|g| out of the fixed histogram bins', () => {
    const counts = new Array<number>(28).fill(0);
    counts[12] = 100; // bin [-6, -5.5)
    const q = quantilesOf(counts, [0.5]);
    expect(q[0]).toBeCloseTo(-5.75);
  });
});
