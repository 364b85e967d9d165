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

export type TrainRecord = BatchRecord | EpochRecord | HistogramRecord | LayerProbeRecord;

/**
 * Fixed bins of activation values for the layer probe: [min, max) in `bins` equal steps (0.05 wide); values
 * below min go to the first bin and values at or above max to the last. tanh and sigmoid fit inside; ReLU-family
 * tails beyond 3 pile up in the last bin.
 */
export const ACTIVATION_HISTOGRAM = { min: -3, max: 3, bins: 120 } as const;

/**
 * The probe's saturation rule, as in makemore part 3: |tanh(u)| > 0.97. For sigmoid the same band of the input
 * (2σ(u) − 1 = tanh(u/2)): |2σ − 1| > 0.97, i.e. σ < 0.015 or σ > 0.985. Other activations have no flat tails
 * and report null.
 */
export const PROBE_SATURATION = { tanh: 0.97, sigmoid: 0.97 } as const;

/**
 * One layer of a layer probe (records of type 'layer-probe'). Null where a quantity does not apply, and for a
 * log10 of zero (a gradient that is exactly zero has no finite update:data ratio).
 */
export interface ProbeLayerStats {
  layer: number;
  /** Activation output h = σ(u) over batch × units (the output layer: its logits, softmax being in the loss). */
  actMean: number;
  /** Population standard deviations (divided by n) throughout the probe. */
  actStd: number;
  /** Share of entries in the flat tails by PROBE_SATURATION; null for activations without tails. */
  saturatedFrac: number | null;
  /**
   * Percentiles 15, 50, 85 of the pre-activation u (the activation's input, after batch norm when present); over
   * an even-strided sample of 10⁶ entries when batch × units is larger.
   */
  preP15: number;
  preP50: number;
  preP85: number;
  /** std of ∂L/∂h, the gradient with respect to the activation output. */
  actGradStd: number;
  /** std(W) of the kernel and std(∂L/∂W) of its gradient, and their ratio (grad:data). */
  weightStd: number;
  weightGradStd: number;
  gradToData: number;
  /** update:data as makemore: log10(std(lr·∂L/∂W) / std(W)), lr the configured learning rate. */
  updateToDataStd: number | null;
  /** update:data by norms as CS231n: log10(‖lr·∂L/∂W‖ / ‖W‖). */
  updateToDataNorm: number | null;
  /** ‖δ‖ over batch × units, δ = ∂L/∂z (z = a·W + b, before batch norm). */
  deltaNorm: number;
  /** ‖∂L/∂b‖ (the batch's mean gradient of the bias), the ‖δˡ‖ of Nielsen's chapter 5. */
  biasGradNorm: number;
  /** Chain-rule ledger: log10(‖δₗ‖ / ‖δₗ₊₁‖); null for the output layer. */
  ledgerRatio: number | null;
  /** The activation's part: log10 of the mean |σ'(u)| over batch × units; null for the output layer. */
  ledgerActivation: number | null;
  /** The weights' part: log10(‖δₗ₊₁·Wₗ₊₁ᵀ‖ / ‖δₗ₊₁‖); null for the output layer. */
  ledgerWeights: number | null;
  /** ACTIVATION_HISTOGRAM.bins counts of h. */
  actCounts: number[];
  /** HISTOGRAM.bins counts of log10|∂L/∂h|; exact zeros counted apart in actGradZeros. */
  actGradCounts: number[];
  actGradZeros: number;
  /** Entries (batch × units) behind each histogram. */
  total: number;
}

/** One sampled kernel weight of a layer: the step engine's ∂L/∂W against a float64 central difference. */
export interface GradientCheckEntry {
  layer: number;
  /** Flat index into the row-major [fanIn, units] kernel. */
  index: number;
  analytic: number;
  numeric: number;
  /** |analytic − numeric| / max(|analytic|, |numeric|). */
  relative: number;
  verdict: import('./diagnostics').GradientCheckVerdict;
}

/** The layer probe of one step: every layer, computed on that step's batch with the weights before its update. */
export interface LayerProbeRecord {
  type: 'layer-probe';
  step: number;
  /** The learning rate the update:data ratios were taken with. */
  learningRate: number;
  /** Mean cross-entropy of the batch (at step 0, the initial-loss check: −ln(1/classes) expected). */
  loss: number;
  layers: ProbeLayerStats[];
  /** At step 0: the gradient check of one sampled weight per layer (engine/train/gradient-check.ts). */
  gradientCheck?: GradientCheckEntry[];
}
