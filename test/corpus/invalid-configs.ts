// Corpus of invalid experiment configs: each must be refused before anything starts, with a message that
// names the offending field. `field` is the dotted path the message must contain.
import type { ExperimentConfigInput } from '../../electron/common/config';

export const VALID_CONFIG: ExperimentConfigInput = {
  dataset: { kind: 'mnist', trainSize: 600, testSize: 200 },
  model: { depth: 1, width: 32, activation: 'sigmoid', initializer: { kind: 'heNormal' }, batchNorm: false, residual: false },
  optimizer: { kind: 'adam', learningRate: 0.001 },
  training: { epochs: 1, batchSize: 64, seed: 1, statsEvery: 1, histogramEvery: 0 },
};

type Mutator = (c: Record<string, Record<string, unknown>>) => void;

interface Case {
  name: string;
  field: string;
  mutate: Mutator;
}

const model = (patch: Record<string, unknown>): Mutator => (c) => Object.assign(c.model!, patch);
const training = (patch: Record<string, unknown>): Mutator => (c) => Object.assign(c.training!, patch);
const optimizer = (patch: Record<string, unknown>): Mutator => (c) => Object.assign(c.optimizer!, patch);
const dataset = (value: unknown): Mutator => (c) => {
  (c as Record<string, unknown>).dataset = value;
};

export const INVALID_CONFIGS: Case[] = [
  { name: 'depth 0', field: 'model.depth', mutate: model({ depth: 0 }) },
  { name: 'depth 51', field: 'model.depth', mutate: model({ depth: 51 }) },
  { name: 'depth 2.5', field: 'model.depth', mutate: model({ depth: 2.5 }) },
  { name: 'depth as text', field: 'model.depth', mutate: model({ depth: 'ten' }) },
  { name: 'depth NaN', field: 'model.depth', mutate: model({ depth: Number.NaN }) },
  { name: 'width 0', field: 'model.width', mutate: model({ width: 0 }) },
  { name: 'width 10^6', field: 'model.width', mutate: model({ width: 1_000_000 }) },
  { name: 'width Infinity', field: 'model.width', mutate: model({ width: Number.POSITIVE_INFINITY }) },
  { name: 'width negative', field: 'model.width', mutate: model({ width: -3 }) },
  { name: 'widths empty', field: 'model.widths', mutate: model({ widths: [] }) },
  { name: 'widths 51 layers', field: 'model.widths', mutate: model({ widths: Array.from({ length: 51 }, () => 8) }) },
  { name: 'widths with zero', field: 'model.widths.1', mutate: model({ widths: [8, 0, 8] }) },
  { name: 'widths not a list', field: 'model.widths', mutate: model({ widths: '8,8' }) },
  { name: 'unknown activation', field: 'model.activation', mutate: model({ activation: 'swish' }) },
  { name: 'activation missing', field: 'model.activation', mutate: model({ activation: undefined }) },
  { name: 'unknown initializer', field: 'model.initializer', mutate: model({ initializer: { kind: 'orthogonal' } }) },
  { name: 'normal std 0', field: 'model.initializer.std', mutate: model({ initializer: { kind: 'randomNormal', mean: 1, std: 0 } }) },
  { name: 'normal mean NaN', field: 'model.initializer.mean', mutate: model({ initializer: { kind: 'randomNormal', mean: Number.NaN, std: 1 } }) },
  { name: 'uniform max < min', field: 'model.initializer.max', mutate: model({ initializer: { kind: 'randomUniform', min: 1, max: -1 } }) },
  { name: 'batchNorm as text', field: 'model.batchNorm', mutate: model({ batchNorm: 'yes' }) },
  { name: 'residual missing', field: 'model.residual', mutate: model({ residual: undefined }) },
  { name: 'learning rate 0', field: 'optimizer.learningRate', mutate: optimizer({ learningRate: 0 }) },
  { name: 'learning rate negative', field: 'optimizer.learningRate', mutate: optimizer({ learningRate: -0.1 }) },
  { name: 'learning rate NaN', field: 'optimizer.learningRate', mutate: optimizer({ learningRate: Number.NaN }) },
  { name: 'learning rate Infinity', field: 'optimizer.learningRate', mutate: optimizer({ learningRate: Number.POSITIVE_INFINITY }) },
  { name: 'learning rate 1e12', field: 'optimizer.learningRate', mutate: optimizer({ learningRate: 1e12 }) },
  { name: 'clip threshold 0', field: 'optimizer.clip.threshold', mutate: optimizer({ clip: { kind: 'norm', threshold: 0 } }) },
  { name: 'clip threshold NaN', field: 'optimizer.clip.threshold', mutate: optimizer({ clip: { kind: 'norm', threshold: Number.NaN } }) },
  { name: 'clip threshold 1e9', field: 'optimizer.clip.threshold', mutate: optimizer({ clip: { kind: 'value', threshold: 1e9 } }) },
  { name: 'clip threshold negative', field: 'optimizer.clip.threshold', mutate: optimizer({ clip: { kind: 'value', threshold: -1 } }) },
  { name: 'clip kind unknown', field: 'optimizer.clip.kind', mutate: optimizer({ clip: { kind: 'both', threshold: 1 } }) },
  { name: 'unknown optimizer', field: 'optimizer.kind', mutate: optimizer({ kind: 'lbfgs' }) },
  { name: 'epochs 0', field: 'training.epochs', mutate: training({ epochs: 0 }) },
  { name: 'epochs 10^6', field: 'training.epochs', mutate: training({ epochs: 1_000_000 }) },
  { name: 'batch 0', field: 'training.batchSize', mutate: training({ batchSize: 0 }) },
  { name: 'batch larger than the train set', field: 'training.batchSize', mutate: training({ batchSize: 601 }) },
  { name: 'batch fractional', field: 'training.batchSize', mutate: training({ batchSize: 12.5 }) },
  { name: 'seed negative', field: 'training.seed', mutate: training({ seed: -1 }) },
  { name: 'seed too large', field: 'training.seed', mutate: training({ seed: 2 ** 40 }) },
  { name: 'statsEvery 0', field: 'training.statsEvery', mutate: training({ statsEvery: 0 }) },
  { name: 'histogramEvery negative', field: 'training.histogramEvery', mutate: training({ histogramEvery: -5 }) },
  { name: 'train size 5', field: 'dataset.trainSize', mutate: dataset({ kind: 'mnist', trainSize: 5, testSize: 100 }) },
  { name: 'train size 70000', field: 'dataset.trainSize', mutate: dataset({ kind: 'mnist', trainSize: 70_000, testSize: 100 }) },
  { name: 'test size 20000', field: 'dataset.testSize', mutate: dataset({ kind: 'mnist', trainSize: 600, testSize: 20_000 }) },
  { name: 'unknown dataset', field: 'dataset.kind', mutate: dataset({ kind: 'cifar10' }) },
  { name: 'idx folder empty', field: 'dataset.folder', mutate: dataset({ kind: 'idx-folder', folder: '' }) },
  { name: 'dataset missing', field: 'dataset', mutate: dataset(undefined) },
  { name: 'unknown backend', field: 'backend', mutate: (c) => ((c as Record<string, unknown>).backend = 'tpu') },
  { name: 'unexpected top-level field', field: 'shell', mutate: (c) => ((c as Record<string, unknown>).shell = 'rm -rf /') },
  { name: 'model is null', field: 'model', mutate: (c) => ((c as Record<string, unknown>).model = null) },
];

export function invalidConfig(c: Case): unknown {
  const copy = structuredClone(VALID_CONFIG) as unknown as Record<string, Record<string, unknown>>;
  c.mutate(copy);
  return copy;
}
