// A run's starting point as a file for an independent check: the initial weights of the model a config builds,
// the first training batch exactly as train() draws it (same seeded shuffle), and the layer probe of step 0 on
// them. bench/probe_check.py recomputes every probe quantity from the weights and batch in PyTorch and compares.
import type { ExperimentConfig } from '../../common/config';
import { ACTIVATION_HISTOGRAM, HISTOGRAM, PROBE_SATURATION, type LayerProbeRecord } from '../../common/records';
import type { Dataset } from '../data/dataset';
import { BN_EPSILON, buildMlp } from '../model/mlp';
import { deriveSeed, mulberry32, shuffleInPlace } from '../random';
import { rows } from './evaluate';
import { layerProbe } from './layer-probe';

export const PROBE_CASE_FORMAT = 'gradient-lab-probe-case';

export interface ProbeCaseLayer {
  name: string;
  activation: string;
  fanIn: number;
  units: number;
  residual: boolean;
  /** Row-major [fanIn, units]: z = a·W + b. */
  kernel: number[];
  bias: number[];
  batchNorm: { gamma: number[]; beta: number[]; epsilon: number } | null;
}

export interface ProbeCase {
  format: typeof PROBE_CASE_FORMAT;
  version: 1;
  config: ExperimentConfig;
  features: number;
  classes: number;
  /** The first batch, row-major [batch, features], and its labels. */
  x: number[];
  y: number[];
  layers: ProbeCaseLayer[];
  rules: { saturation: typeof PROBE_SATURATION; activationHistogram: typeof ACTIVATION_HISTOGRAM; gradientHistogram: typeof HISTOGRAM };
  /** The lab's probe at step 0 on these weights and this batch. */
  probe: LayerProbeRecord;
}

/** The first batch of a run, as train() draws it: the epoch-0 shuffle of the training set, its first rows. */
export function firstBatch(config: ExperimentConfig, data: Dataset): { x: Float32Array; y: Int32Array } {
  const n = data.trainY.length;
  const order = shuffleInPlace(Int32Array.from({ length: n }, (_, i) => i), mulberry32(deriveSeed(config.training.seed, 1000)));
  const idx = order.subarray(0, Math.min(n, config.training.batchSize));
  return { x: rows(data.trainX, data.features, idx), y: Int32Array.from(idx, (i) => data.trainY[i]!) };
}

export function probeCase(config: ExperimentConfig, data: Dataset): ProbeCase {
  const mlp = buildMlp(config.model, data.features, data.classes, config.training.seed);
  try {
    const { x, y } = firstBatch(config, data);
    const probe = layerProbe(mlp, { x, y, features: data.features, classes: data.classes }, config.optimizer.learningRate, 0);
    return {
      format: PROBE_CASE_FORMAT,
      version: 1,
      config,
      features: data.features,
      classes: data.classes,
      x: Array.from(x),
      y: Array.from(y),
      layers: mlp.layers.map((l) => ({
        name: l.info.name,
        activation: l.activation,
        fanIn: l.info.fanIn,
        units: l.info.units,
        residual: l.residual,
        kernel: Array.from(l.kernel.dataSync()),
        bias: Array.from(l.bias.dataSync()),
        batchNorm: l.bn ? { gamma: Array.from(l.bn.gamma.dataSync()), beta: Array.from(l.bn.beta.dataSync()), epsilon: BN_EPSILON } : null,
      })),
      rules: { saturation: PROBE_SATURATION, activationHistogram: ACTIVATION_HISTOGRAM, gradientHistogram: HISTOGRAM },
      probe,
    };
  } finally {
    mlp.dispose();
  }
}
