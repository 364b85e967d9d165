// The Train view's editable config: a flat draft the inputs bind to, its conversion to the shared schema's
// input, and the schema's issues mapped to the field they belong to (English from the schema itself, Japanese
// rebuilt from the issue's code and bounds so both languages say the same thing).
import type { BackendName } from '../../../../electron/common/app-info';
import { ExperimentConfigSchema, type ExperimentConfig } from '../../../../electron/common/config';
import type { Locale } from '../../lib/i18n/i18n.svelte';

export type DatasetKind = 'mnist' | 'idx-folder' | 'toy-mortgage';
export type InitKind = ExperimentConfig['model']['initializer']['kind'];

export interface Draft {
  preset: string | undefined;
  datasetKind: DatasetKind;
  folder: string;
  trainSize: number | null;
  testSize: number | null;
  depth: number | null;
  width: number | null;
  /** Comma-separated hidden widths; empty = depth × width. */
  widths: string;
  activation: ExperimentConfig['model']['activation'];
  initKind: InitKind;
  initMean: number | null;
  initStd: number | null;
  initMin: number | null;
  initMax: number | null;
  batchNorm: boolean;
  residual: boolean;
  optimizer: ExperimentConfig['optimizer']['kind'];
  learningRate: number | null;
  epochs: number | null;
  batchSize: number | null;
  seed: number | null;
  statsEvery: number | null;
  histogramEvery: number | null;
  backend: BackendName | 'auto';
}

export type FieldKey = Exclude<keyof Draft, 'preset'>;

export function draftFromConfig(c: ExperimentConfig): Draft {
  const init = c.model.initializer;
  const ds = c.dataset;
  return {
    preset: c.preset,
    datasetKind: ds.kind,
    folder: ds.kind === 'idx-folder' ? ds.folder : '',
    trainSize: ds.kind === 'toy-mortgage' ? 60000 : (ds.trainSize ?? 60000),
    testSize: ds.kind === 'toy-mortgage' ? 10000 : (ds.testSize ?? 10000),
    depth: c.model.depth,
    width: c.model.width,
    widths: c.model.widths?.join(', ') ?? '',
    activation: c.model.activation,
    initKind: init.kind,
    initMean: init.kind === 'randomNormal' ? init.mean : 0,
    initStd: init.kind === 'randomNormal' ? init.std : 0.05,
    initMin: init.kind === 'randomUniform' ? init.min : -0.05,
    initMax: init.kind === 'randomUniform' ? init.max : 0.05,
    batchNorm: c.model.batchNorm,
    residual: c.model.residual,
    optimizer: c.optimizer.kind,
    learningRate: c.optimizer.learningRate,
    epochs: c.training.epochs,
    batchSize: c.training.batchSize,
    seed: c.training.seed,
    statsEvery: c.training.statsEvery,
    histogramEvery: c.training.histogramEvery,
    backend: c.backend ?? 'auto',
  };
}

function initializerOf(d: Draft): unknown {
  switch (d.initKind) {
    case 'randomNormal':
      return { kind: d.initKind, mean: d.initMean, std: d.initStd };
    case 'randomUniform':
      return { kind: d.initKind, min: d.initMin, max: d.initMax };
    default:
      return { kind: d.initKind };
  }
}

function datasetOf(d: Draft): unknown {
  if (d.datasetKind === 'toy-mortgage') return { kind: 'toy-mortgage' };
  const sizes = { trainSize: d.trainSize, testSize: d.testSize };
  return d.datasetKind === 'mnist' ? { kind: 'mnist', ...sizes } : { kind: 'idx-folder', folder: d.folder, ...sizes };
}

/** What the draft says, shaped as the schema's input (bad values are passed on for the schema to name). */
export function draftToInput(d: Draft): unknown {
  const widths = d.widths.trim() ? d.widths.split(/[,\s]+/).filter(Boolean).map(Number) : undefined;
  return {
    ...(d.preset ? { preset: d.preset } : {}),
    dataset: datasetOf(d),
    model: { depth: d.depth, width: d.width, ...(widths ? { widths } : {}), activation: d.activation, initializer: initializerOf(d), batchNorm: d.batchNorm, residual: d.residual },
    optimizer: { kind: d.optimizer, learningRate: d.learningRate },
    training: { epochs: d.epochs, batchSize: d.batchSize, seed: d.seed, statsEvery: d.statsEvery, histogramEvery: d.histogramEvery },
    ...(d.backend !== 'auto' ? { backend: d.backend } : {}),
  };
}

const PATH_TO_FIELD: Record<string, FieldKey> = {
  'dataset.folder': 'folder',
  'dataset.trainSize': 'trainSize',
  'dataset.testSize': 'testSize',
  'model.depth': 'depth',
  'model.width': 'width',
  'model.widths': 'widths',
  'model.initializer.mean': 'initMean',
  'model.initializer.std': 'initStd',
  'model.initializer.min': 'initMin',
  'model.initializer.max': 'initMax',
  'optimizer.learningRate': 'learningRate',
  'training.epochs': 'epochs',
  'training.batchSize': 'batchSize',
  'training.seed': 'seed',
  'training.statsEvery': 'statsEvery',
  'training.histogramEvery': 'histogramEvery',
};

interface IssueLike {
  code: string;
  path: PropertyKey[];
  message: string;
  minimum?: number | bigint;
  maximum?: number | bigint;
  inclusive?: boolean;
  expected?: string;
  origin?: string;
}

function japanese(issue: IssueLike): string | null {
  const last = String(issue.path[issue.path.length - 1] ?? '');
  if (issue.origin === 'array') return issue.code === 'too_small' ? `${issue.minimum} 層以上を並べてください` : `${issue.maximum} 層以下にしてください`;
  if (issue.origin === 'string' && last === 'folder') return 'IDX ファイル4つを含むフォルダーを指定してください';
  switch (issue.code) {
    case 'invalid_type':
      return issue.expected === 'int' ? '整数で入力してください' : '数値を入力してください';
    case 'too_small':
      return issue.inclusive === false ? `${issue.minimum} より大きい値にしてください` : `${issue.minimum} 以上にしてください`;
    case 'too_big':
      return `${issue.maximum} 以下にしてください`;
    case 'custom':
      if (last === 'max') return '最大値は最小値より大きくしてください';
      return /batchSize/.test(issue.message) ? 'バッチサイズが学習データの枚数を超えています' : null;
    default:
      return null;
  }
}

export interface Validation {
  config: ExperimentConfig | null;
  errors: Partial<Record<FieldKey | 'form', string>>;
}

export function validateDraft(d: Draft, locale: Locale): Validation {
  const r = ExperimentConfigSchema.safeParse(draftToInput(d));
  if (r.success) return { config: r.data, errors: {} };
  const errors: Validation['errors'] = {};
  for (const issue of r.error.issues as IssueLike[]) {
    const path = issue.path.map(String);
    const key = PATH_TO_FIELD[path.slice(0, 3).join('.')] ?? PATH_TO_FIELD[path.slice(0, 2).join('.')] ?? 'form';
    if (errors[key]) continue;
    errors[key] = (locale === 'ja' ? japanese(issue) : null) ?? issue.message;
  }
  return { config: null, errors };
}
