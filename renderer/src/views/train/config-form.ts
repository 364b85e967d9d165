// The Train view's editable config: a flat draft the inputs bind to, its conversion to the shared schema's
// input, and the schema's issues mapped to the field they belong to (English from the schema itself, Japanese
// rebuilt from the issue's code and bounds so both languages say the same thing).
import type { BackendName } from '../../../../electron/common/app-info';
import { ExperimentConfigSchema, PROBE_EVERY_DEFAULT, type ExperimentConfig, type RecurrentCell } from '../../../../electron/common/config';
import type { Locale } from '../../lib/i18n/i18n.svelte';

export type DatasetKind = 'mnist' | 'idx-folder' | 'toy-mortgage' | 'adding';
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
  /** Gradient clipping: none, by global norm, or by value (optimizer.clip). */
  clipKind: 'none' | 'norm' | 'value';
  clipThreshold: number | null;
  epochs: number | null;
  batchSize: number | null;
  seed: number | null;
  statsEvery: number | null;
  histogramEvery: number | null;
  /** Layer probes every N statistics steps (0 = never). */
  probeEvery: number | null;
  backend: BackendName | 'auto';
  /** Steps of the adding problem. */
  length: number | null;
  /** A recurrent model instead of the MLP ('none'), with its hidden size and LSTM forget-gate bias. */
  cell: RecurrentCell | 'none';
  hidden: number | null;
  forgetBias: number | null;
  /** Spectral radius the recurrent weights start at (empty: the cell's default initialization). */
  recurrentRadius: number | null;
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
    clipKind: c.optimizer.clip?.kind ?? 'none',
    clipThreshold: c.optimizer.clip?.threshold ?? 1,
    epochs: c.training.epochs,
    batchSize: c.training.batchSize,
    seed: c.training.seed,
    statsEvery: c.training.statsEvery,
    histogramEvery: c.training.histogramEvery,
    probeEvery: c.training.probeEvery ?? PROBE_EVERY_DEFAULT,
    backend: c.backend ?? 'auto',
    length: ds.kind === 'adding' ? ds.length : 100,
    cell: c.recurrent?.cell ?? 'none',
    hidden: c.recurrent?.hidden ?? 128,
    forgetBias: c.recurrent?.forgetBias ?? 1,
    recurrentRadius: c.recurrent?.recurrentRadius ?? null,
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
  if (d.datasetKind === 'adding') return { kind: 'adding', length: d.length, ...sizes };
  return d.datasetKind === 'mnist' ? { kind: 'mnist', ...sizes } : { kind: 'idx-folder', folder: d.folder, ...sizes };
}

/** What the draft says, shaped as the schema's input (bad values are passed on for the schema to name). */
export function draftToInput(d: Draft): unknown {
  const widths = d.widths.trim() ? d.widths.split(/[,\s]+/).filter(Boolean).map(Number) : undefined;
  return {
    ...(d.preset ? { preset: d.preset } : {}),
    dataset: datasetOf(d),
    model: { depth: d.depth, width: d.width, ...(widths ? { widths } : {}), activation: d.activation, initializer: initializerOf(d), batchNorm: d.batchNorm, residual: d.residual },
    optimizer: { kind: d.optimizer, learningRate: d.learningRate, ...(d.clipKind !== 'none' ? { clip: { kind: d.clipKind, threshold: d.clipThreshold } } : {}) },
    training: { epochs: d.epochs, batchSize: d.batchSize, seed: d.seed, statsEvery: d.statsEvery, histogramEvery: d.histogramEvery, probeEvery: d.probeEvery },
    ...(d.backend !== 'auto' ? { backend: d.backend } : {}),
    ...(d.cell !== 'none' ? { recurrent: { cell: d.cell, hidden: d.hidden, forgetBias: d.forgetBias, ...(d.recurrentRadius !== null && d.recurrentRadius !== undefined ? { recurrentRadius: d.recurrentRadius } : {}) } } : {}),
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
  'optimizer.clip.threshold': 'clipThreshold',
  'training.epochs': 'epochs',
  'training.batchSize': 'batchSize',
  'training.seed': 'seed',
  'training.statsEvery': 'statsEvery',
  'training.histogramEvery': 'histogramEvery',
  'training.probeEvery': 'probeEvery',
  'dataset.length': 'length',
  'dataset.kind': 'datasetKind',
  recurrent: 'cell',
  'recurrent.hidden': 'hidden',
  'recurrent.forgetBias': 'forgetBias',
  'recurrent.recurrentRadius': 'recurrentRadius',
};

export interface IssueLike {
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
      return recurrentJapanese(issue.message) ?? (/batchSize/.test(issue.message) ? 'バッチサイズが学習データの枚数を超えています' : null);
    default:
      return null;
  }
}

/** Japanese for the recurrent checks of electron/common/recurrent-limits.ts (the figure kept from the message). */
function recurrentJapanese(message: string): string | null {
  if (/needs a recurrent model/.test(message)) return '加算問題には再帰型のモデルが必要です';
  if (/a recurrent model reads/.test(message)) return '再帰型のモデルが読めるのは MNIST（1行ずつ）と加算問題だけです';
  const memory = /would keep (\d+(?:\.\d+)? MiB).*more than the (\d+ MiB)/.exec(message);
  if (memory) return `通時的誤差逆伝播に ${memory[1]} のメモリが必要で、上限 ${memory[2]} を超えます。バッチサイズ・系列長・隠れ状態の次元を小さくしてください`;
  return null;
}

/** One schema issue in the user's language (the schema's own English where no Japanese is known). */
export function issueMessage(issue: IssueLike, locale: Locale): string {
  return (locale === 'ja' ? japanese(issue) : null) ?? issue.message;
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
    errors[key] = issueMessage(issue, locale);
  }
  return { config: null, errors };
}
