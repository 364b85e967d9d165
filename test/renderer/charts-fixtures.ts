// Fixed data for the chart tests: a small network, hand-picked layer statistics (one layer with an exactly
// zero gradient), histograms and predictions with known answers.
import { HISTOGRAM, type HistogramRecord, type LayerInfo, type LayerStats, type Prediction } from '../../electron/common/records';

export function layer(index: number, units: number, output = false, activation = 'sigmoid'): LayerInfo {
  return { index, name: `dense_${index + 1}`, units, fanIn: 0, activation: output ? 'softmax' : activation, output };
}

export function stats(layerIndex: number, gradNorm: number, extra: Partial<LayerStats> = {}): LayerStats {
  return {
    layer: layerIndex,
    gradNorm,
    gradMeanAbs: gradNorm / 10,
    gradMaxAbs: gradNorm,
    gradZeroFrac: gradNorm === 0 ? 1 : 0,
    biasGradNorm: gradNorm,
    deltaNorm: gradNorm,
    weightNorm: 1,
    updateRatio: 1e-3,
    actMean: 0.5,
    actStd: 0.1,
    saturatedFrac: 0,
    deadFrac: 0,
    ...extra,
  };
}

/** 784 → 128 → 64 → 32 → 10: the first layer's gradient is exactly zero. */
export const LAYERS: LayerInfo[] = [layer(0, 128), layer(1, 64), layer(2, 32), layer(3, 10, true)];
export const STATS: LayerStats[] = [stats(0, 0, { deltaNorm: 1e-7 }), stats(1, 1e-5), stats(2, 1e-3), stats(3, 1e-1)];

/** A histogram whose non-zero entries all sit in the bin starting at log10 = `at`. */
export function histogram(step: number, layerIndex: number, at: number, n: number, zeros: number): HistogramRecord {
  const counts = new Array<number>(HISTOGRAM.bins).fill(0);
  const width = (HISTOGRAM.log10Max - HISTOGRAM.log10Min) / HISTOGRAM.bins;
  counts[Math.round((at - HISTOGRAM.log10Min) / width)] = n;
  return { type: 'histogram', step, layer: layerIndex, counts, zeros, total: n + zeros };
}

function pixels(fill: number): string {
  return btoa(String.fromCharCode(...new Array<number>(784).fill(0).map((_, i) => (i % 28 > 10 && i % 28 < 18 ? fill : 0))));
}

function probs(top: number, p: number): number[] {
  const out = new Array<number>(10).fill((1 - p) / 9);
  out[top] = p;
  return out;
}

export const PREDICTIONS: Prediction[] = [
  { index: 0, label: 7, probs: probs(7, 0.98), pixels: pixels(255) },
  { index: 1, label: 2, probs: probs(3, 0.6), pixels: pixels(200) },
  { index: 2, label: 1, probs: probs(1, 0.9), pixels: pixels(255) },
  { index: 3, label: 4, probs: probs(9, 0.8), pixels: pixels(128) },
];
