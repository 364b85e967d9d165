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
  /** Recurrent runs, on statistics steps: the signal reaching each time step. */
  time?: TimeStats;
}

/** How much of the error signal reaches each time step of a recurrent run, and how saturated its gates are. */
export interface TimeStats {
  /** ‖∂E/∂h_t‖₂ over the batch and hidden units, for t = 1…T (first step first); 0 is an exact zero. */
  norms: number[];
  /** Share of gate values in the flat tails (LSTM: i f g o; GRU: r z n; tanh RNN: h), over batch, units and steps. */
  gates: GateSaturation[];
}

export interface GateSaturation {
  gate: string;
  saturatedFrac: number;
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
