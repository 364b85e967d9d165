// Growth drawn as clearly as shrinkage on the per-layer gradient chart: a run whose gradient grows towards the
// input gets its measured factor r = |w·f′| per layer (r > 1) and a dashed rᵏ line that rises to the input side
// through both measured ends, named as exploding in the legend; r < 1 is named vanishing.
import { render } from '@testing-library/svelte';
import { describe, expect, it } from 'vitest';
import LayerNormChart from '../../renderer/src/charts/LayerNormChart.svelte';
import { flowDomain, measuredFactor, trendOf } from '../../renderer/src/views/train/layer-factor';
import { t } from '../../renderer/src/lib/i18n/i18n.svelte';
import { LAYERS, stats } from './charts-fixtures';
import { stubResizeObserver } from './compare-fixtures';

stubResizeObserver();

describe('measured factor per layer', () => {
  it('is (first / output)^(1/k): 2 when the gradient doubles per layer back, 0.1 when it shrinks tenfold', () => {
    expect(measuredFactor([stats(0, 8), stats(1, 4), stats(2, 2), stats(3, 1)], 'grad')).toBeCloseTo(2, 12);
    expect(measuredFactor([stats(0, 1e-3), stats(1, 1e-2), stats(2, 1e-1), stats(3, 1)], 'grad')).toBeCloseTo(0.1, 12);
    expect(measuredFactor([stats(0, 1, { deltaNorm: 27 }), stats(1, 1, { deltaNorm: 1 })], 'delta')).toBeCloseTo(27, 12);
    // An exact zero or a non-finite end has no factor (never a made-up one).
    expect(measuredFactor([stats(0, 0), stats(1, 1)], 'grad')).toBeNull();
    expect(measuredFactor([stats(0, Infinity), stats(1, 1)], 'grad')).toBeNull();
    expect(measuredFactor([stats(0, 1)], 'grad')).toBeNull();
  });

  it('keeps the flow diagram’s usual colour range unless a layer is above 10, then reaches its decade', () => {
    expect(flowDomain([stats(0, 1e-9), stats(1, 0.5)], 'grad')).toEqual([-10, 1]);
    expect(flowDomain([stats(0, 2.1e4), stats(1, 3.7e4)], 'grad')).toEqual([-10, 5]);
    expect(flowDomain([stats(0, 1, { deltaNorm: 150 }), stats(1, 1, { deltaNorm: Infinity })], 'delta')).toEqual([-10, 3]);
    expect(flowDomain(null, 'grad')).toEqual([-10, 1]);
  });

  it('names a factor near 1 as about constant, not as vanishing or exploding', () => {
    expect(trendOf(0.97)).toBe('steady');
    expect(trendOf(1.1)).toBe('steady');
    expect(trendOf(1.7)).toBe('grows');
    expect(trendOf(0.25)).toBe('shrinks');
  });

  it('draws rᵏ rising to the input side through both measured ends, named exploding', () => {
    const s = [stats(0, 8), stats(1, 4), stats(2, 2), stats(3, 1)];
    const r = measuredFactor(s, 'grad')!;
    const label = t('charts.norm.legendFactor', { r: '2', trend: t('charts.norm.grows') });
    const { container } = render(LayerNormChart, { layers: LAYERS, stats: s, boundFactor: r, boundLabel: label, boundSubtitle: t('charts.norm.subtitleFactor'), boundTitle: t('charts.norm.titleFactor') });
    const d = container.querySelector('[data-series="bound"]')!.getAttribute('d')!;
    const ys = [...d.matchAll(/[ML][^,]+,([-\d.e]+)/g)].map((m) => Number(m[1]));
    expect(ys).toHaveLength(4);
    // SVG y grows downwards: the input side (layer 0) is highest.
    expect(ys[0]).toBeLessThan(ys[3]!);
    const cy = (i: number) => Number(container.querySelector(`[data-point="${i}"]`)!.getAttribute('cy'));
    expect(ys[0]).toBeCloseTo(cy(0), 2);
    expect(ys[3]).toBeCloseTo(cy(3), 2);
    expect(container.textContent).toContain('grows: exploding');
    expect(container.textContent).toContain('above 1 it explodes');
    expect(container.textContent).toContain('its factor per layer');
    expect(container.textContent).not.toContain('sigmoid bound');
  });
});
