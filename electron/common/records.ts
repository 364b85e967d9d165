// What a training run produces, as streamed from the trainer, stored by the service and drawn by the charts.
// Layers are the Dense layers in order, input side first; the last one is the softmax output layer.

/** Fixed bins of log10|g| for gradient histograms: [MIN, MAX) in BINS equal steps; the zero count is separate. */
export const HISTOGRAM = { log10Min: -12, log10Max: 2, bins: 28 } as const;

export interface LayerInfo {
  index: number;
  name: string;
  units: number;
  fanIn: number;
  activation: string;
  /** true for the softmax output layer. */
  output: boolean;
}

export interface LayerStats {
  layer: number;
  /** ‖∂E/∂W‖₂ of the kernel. */
  gradNorm: number;
  gradMeanAbs: number;
  gradMaxAbs: number;
  /** Fraction of kernel gradient entries that are exactly zero. */
  gradZeroFrac: number;
  /** ‖∂E/∂b‖₂. */
  biasGradNorm: number;
  /** ‖δ‖₂: the gradient with respect to the layer's pre-activation, i.e. the back-propagated signal. */
  deltaNorm: number;
  /** ‖W‖₂ (Frobenius) before the update. */
  weightNorm: number;
  /** ‖ΔW‖ / ‖W‖ of this step's update. */
  updateRatio: number;
  actMean: number;
  actStd: number;
  /** Sigmoid/tanh units in the flat tails (share of unit × sample entries). */
  saturatedFrac: number;
  /** ReLU-family units that are zero for the whole batch (share of units). */
  deadFrac: number;
}

export interface BatchRecord {
  type: 'batch';
  /** Global step, from 0. */
  step: number;
  epoch: number;
  batch: number;
  loss: number;
  acc: number;
  /** Present on statistics steps (every statsEvery batches). */
  layers?: LayerStats[];
  /** ‖g‖ over every parameter's gradient before any clipping (every step; absent in runs from before it was kept). */
  gradNorm?: number;
  /** With gradient clipping configured: ‖g‖ of the gradient the optimizer applied. */
  clippedGradNorm?: number;
  /** With gradient clipping configured: whether this step's gradient was clipped. */
  clipped?: boolean;
}

export interface EpochRecord {
  type: 'epoch';
  epoch: number;
  trainLoss: number;
  trainAcc: number;
  testLoss: number;
  testAcc: number;
  seconds: number;
  samplesPerSec: number;
}

export interface HistogramRecord {
  type: 'histogram';
  step: number;
  layer: number;
  /** HISTOGRAM.bins counts of log10|g| (values below log10Min go to the first bin, above log10Max to the last). */
  counts: number[];
  zeros: number;
  total: number;
}

export interface Prediction {
  /** Index in the test set. */
  index: number;
  label: number;
  probs: number[];
  /** The 28×28 image as 784 bytes, base64, so a saved run can draw its digits without the dataset. */
  pixels?: string;
}

export interface FinalMetrics {
  trainLoss: number;
  trainAcc: number;
  testLoss: number;
  testAcc: number;
}

export type TrainRecord = BatchRecord | EpochRecord | HistogramRecord;
