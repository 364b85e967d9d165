// The papers' histograms per layer on the claim panel: one curve per hidden layer (at most eight, spread from the
// first to the last of a deep net), at the newest probe until the scrubber picks another step.
import { fireEvent, render } from '@testing-library/svelte';
import { flushSync } from 'svelte';
import { beforeEach, describe, expect, it } from 'vitest';
import { ACTIVATION_HISTOGRAM, HISTOGRAM, type LayerInfo, type LayerProbeRecord, type ProbeLayerStats } from '../../electron/common/records';
import PaperHistograms from '../../renderer/src/views/train/PaperHistograms.svelte';
import { figureLayers } from '../../renderer/src/views/train/paper-figure';
import { stubResizeObserver } from './compare-fixtures';

beforeEach(() => stubResizeObserver());

const layersOf = (hidden: number): LayerInfo[] =>
  Array.from({ length: hidden + 1 }, (_, i) => ({ index: i, name: `dense_${i + 1}`, units: 100, fanIn: 100, activation: i === hidden ? 'softmax' : 'relu', output: i === hidden }));

/** A probe at `step` whose layer l puts all its activations in bin 60 + l and its gradients in bin 10 + l % 10. */
function probe(step: number, n: number): LayerProbeRecord {
  const layers = Array.from({ length: n }, (_, l) => {
    const actCounts = new Array<number>(ACTIVATION_HISTOGRAM.bins).fill(0);
    const actGradCounts = new Array<number>(HISTOGRAM.bins).fill(0);
    actCounts[(60 + l + step) % ACTIVATION_HISTOGRAM.bins] = 100;
    actGradCounts[10 + (l % 10)] = 100;
    return { layer: l, actMean: 0, actStd: 1, saturatedFrac: null, actGradStd: 1, actGradZeros: 0, total: 100, actCounts, actGradCounts } as unknown as ProbeLayerStats;
  });
  return { type: 'layer-probe', step, learningRate: 0.1, loss: 2.3, layers };
}

describe('figureLayers', () => {
  it('keeps a shallow net whole, and spreads eight hidden layers from the first to the last of a deep one', () => {
    expect(figureLayers(layersOf(5)).map((l) => l.index)).toEqual([0, 1, 2, 3, 4, 5]);
    expect(figureLayers(layersOf(30)).map((l) => l.index)).toEqual([0, 4, 8, 12, 17, 21, 25, 29, 30]);
    expect(figureLayers(layersOf(8)).length).toBe(9);
  });
});

describe('PaperHistograms', () => {
  it('draws one activation and one gradient curve per hidden layer at the newest probe, and follows the scrubber', () => {
    const { getByTestId } = render(PaperHistograms, { layers: layersOf(5), probes: [probe(0, 6), probe(100, 6), probe(200, 6)] });
    const root = getByTestId('paper-histograms');
    expect(root.dataset.step).toBe('200');
    expect(getByTestId('chart-paper-activations').querySelectorAll('[data-dist-layer]').length).toBe(5);
    expect(getByTestId('chart-paper-gradients').querySelectorAll('[data-dist-layer]').length).toBe(5);
    expect(getByTestId('chart-paper-activations').querySelector('[data-chart-title]')!.textContent).toContain('Figure 6');
    const before = getByTestId('chart-paper-activations').querySelector('[data-dist-layer="0"]')!.getAttribute('d');
    void fireEvent.input(getByTestId('paper-hist-scrubber'), { target: { value: '0' } });
    flushSync();
    expect(root.dataset.step).toBe('0');
    expect(getByTestId('paper-hist-at').textContent).toContain('0');
    expect(getByTestId('chart-paper-activations').querySelector('[data-dist-layer="0"]')!.getAttribute('d')).not.toBe(before);
  });

  it('draws eight curves of a 30-layer net, named by their layers', () => {
    const { getByTestId } = render(PaperHistograms, { layers: layersOf(30), probes: [probe(0, 31)] });
    const legend = [...getByTestId('chart-paper-gradients').querySelectorAll('[data-legend-layer]')].map((e) => e.getAttribute('data-legend-layer'));
    expect(legend).toEqual(['0', '4', '8', '12', '17', '21', '25', '29']);
  });
});
