// Names for experiments: whether a config is still its preset, and otherwise a short name made from what differs
// from it ("deep-sigmoid · tanh · LeCun · SGD"), so an edited preset is never saved or filed as the preset itself.
// Recording settings (statistics and histogram intervals, the backend) do not change the experiment and are
// left out of both the comparison and the name.
// A name is made once, in the language of whoever starts the run (the app passes its chosen language; the CLI
// names in English), and stored as made: a run's name is text a person may also type or edit, so it is not
// translated afterwards. The Change's field and value stay language-neutral for code that needs them.
import { hiddenWidths, type ExperimentConfig, type Initializer } from './config';
import { getPreset as getPresetOf, type Preset } from './presets';

/** Short, language-neutral names of option values (the names a paper or a framework would print). */
export const ACTIVATION_SHORT: Record<ExperimentConfig['model']['activation'], string> = {
  sigmoid: 'sigmoid', tanh: 'tanh', relu: 'ReLU', leakyRelu: 'leaky ReLU', elu: 'ELU', selu: 'SELU', gelu: 'GELU',
  softplus: 'softplus', linear: 'linear',
};
export const OPTIMIZER_SHORT: Record<ExperimentConfig['optimizer']['kind'], string> = {
  sgd: 'SGD', momentum: 'momentum', adam: 'Adam', rmsprop: 'RMSprop',
};

/** The languages a run name can be made in. */
export type NameLang = 'en' | 'ja';

/** The words of run names in Japanese; names of methods (ReLU, He, Adam, SGD) stay as papers print them. */
const JA_ACTIVATION: Partial<Record<ExperimentConfig['model']['activation'], string>> = {
  sigmoid: 'シグモイド', softplus: 'ソフトプラス', linear: '恒等関数',
};
const JA_OPTIMIZER: Partial<Record<ExperimentConfig['optimizer']['kind'], string>> = { momentum: 'モメンタム' };
const JA_WORDS = {
  toySet: 'おもちゃデータ', layers: (n: number) => `${n} 層`, width: (n: number) => `幅 ${n}`,
  batchNorm: 'バッチ正規化', residual: '残差接続', epochs: (n: number) => `${n} エポック`,
  batch: (n: number) => `バッチ ${n}`, seed: (n: number) => `シード ${n}`,
};
const EN_WORDS: typeof JA_WORDS = {
  toySet: 'toy set', layers: (n) => (n === 1 ? '1 layer' : `${n} layers`), width: (n) => `width ${n}`,
  batchNorm: 'batch norm', residual: 'residual', epochs: (n) => (n === 1 ? '1 epoch' : `${n} epochs`),
  batch: (n) => `batch ${n}`, seed: (n) => `seed ${n}`,
};

/** The words of run names in `lang`. */
export const nameWords = (lang: NameLang): typeof JA_WORDS => (lang === 'ja' ? JA_WORDS : EN_WORDS);
export const activationShort = (a: ExperimentConfig['model']['activation'], lang: NameLang = 'en'): string =>
  (lang === 'ja' ? JA_ACTIVATION[a] : undefined) ?? ACTIVATION_SHORT[a];
export const optimizerShort = (o: ExperimentConfig['optimizer']['kind'], lang: NameLang = 'en'): string =>
  (lang === 'ja' ? JA_OPTIMIZER[o] : undefined) ?? OPTIMIZER_SHORT[o];

export function initializerShort(init: Initializer, lang: NameLang = 'en'): string {
  const ja = lang === 'ja';
  switch (init.kind) {
    case 'randomNormal': return `N(${init.mean}, ${init.std})`;
    case 'randomUniform': return `U(${init.min}, ${init.max})`;
    case 'glorotUniform': return 'Glorot';
    case 'glorotNormal': return ja ? 'Glorot 正規' : 'Glorot normal';
    case 'heNormal': return 'He';
    case 'heUniform': return ja ? 'He 一様' : 'He uniform';
    case 'lecunNormal': return 'LeCun';
    case 'lecunUniform': return ja ? 'LeCun 一様' : 'LeCun uniform';
    case 'standardUniform': return 'U(±1/√n)';
    case 'kaimingTanh': return 'Kaiming tanh';
  }
}

function datasetShort(c: ExperimentConfig, lang: NameLang = 'en'): string {
  const d = c.dataset;
  if (d.kind === 'toy-mortgage') return (lang === 'ja' ? JA_WORDS : EN_WORDS).toySet;
  const sizes = d.trainSize !== undefined ? ` ${d.trainSize}/${d.testSize ?? '-'}` : '';
  return d.kind === 'mnist' ? `MNIST${sizes}` : `IDX${sizes}`;
}

/** One setting in which a config differs from its preset: the dotted config field, its new value, a short label. */
export interface Change {
  field: string;
  value: unknown;
  label: string;
}

/** Every setting in which `c` differs from `base`, in the order a reader scans a config; labels in `lang`. */
export function changesFrom(c: ExperimentConfig, base: ExperimentConfig, lang: NameLang = 'en'): Change[] {
  const W = nameWords(lang);
  const activation = (a: ExperimentConfig['model']['activation']) => activationShort(a, lang);
  const optimizer = (o: ExperimentConfig['optimizer']['kind']) => optimizerShort(o, lang);
  const out: Change[] = [];
  const add = (field: string, value: unknown, label: string) => out.push({ field, value, label });
  if (datasetShort(c) !== datasetShort(base) || JSON.stringify(c.dataset) !== JSON.stringify(base.dataset)) {
    if (c.dataset.kind !== base.dataset.kind) add('dataset.kind', c.dataset.kind, datasetShort(c, lang));
    else add('dataset.trainSize', c.dataset.kind === 'toy-mortgage' ? null : c.dataset.trainSize, datasetShort(c, lang));
  }
  const w = hiddenWidths(c.model);
  const bw = hiddenWidths(base.model);
  if (w.join() !== bw.join()) {
    const uniform = w.every((x) => x === w[0]);
    if (uniform && w[0] === bw[0]) add('model.depth', w.length, W.layers(w.length));
    else if (uniform && w.length === bw.length) add('model.width', w[0], W.width(w[0]!));
    else add('model.widths', w, uniform ? `${w.length}×${w[0]}` : w.join('-'));
  }
  if (c.model.activation !== base.model.activation) add('model.activation', c.model.activation, activation(c.model.activation));
  if (JSON.stringify(c.model.initializer) !== JSON.stringify(base.model.initializer)) {
    const init = c.model.initializer;
    const parametrised = init.kind === 'randomNormal' || init.kind === 'randomUniform';
    add(parametrised ? 'model.initializer' : 'model.initializer.kind', parametrised ? initializerShort(init) : init.kind, initializerShort(init, lang));
  }
  if (c.model.batchNorm !== base.model.batchNorm) add('model.batchNorm', c.model.batchNorm, `${c.model.batchNorm ? '+' : '−'}${W.batchNorm}`);
  if (c.model.residual !== base.model.residual) add('model.residual', c.model.residual, `${c.model.residual ? '+' : '−'}${W.residual}`);
  if (c.optimizer.kind !== base.optimizer.kind) add('optimizer.kind', c.optimizer.kind, optimizer(c.optimizer.kind));
  if (c.optimizer.learningRate !== base.optimizer.learningRate) add('optimizer.learningRate', c.optimizer.learningRate, `η=${c.optimizer.learningRate}`);
  if (c.training.epochs !== base.training.epochs) add('training.epochs', c.training.epochs, W.epochs(c.training.epochs));
  if (c.training.batchSize !== base.training.batchSize) add('training.batchSize', c.training.batchSize, W.batch(c.training.batchSize));
  if (c.training.seed !== base.training.seed) add('training.seed', c.training.seed, W.seed(c.training.seed));
  return out;
}

/** One label per setting in which `c` differs from `base`. */
export function differencesFrom(c: ExperimentConfig, base: ExperimentConfig, lang: NameLang = 'en'): string[] {
  return changesFrom(c, base, lang).map((d) => d.label);
}

/** Whether `c` runs the very experiment of `preset` (recording settings aside). */
export function isPresetConfig(c: ExperimentConfig, preset: Preset): boolean {
  return differencesFrom(c, preset.config).length === 0;
}

/** Changes that keep a run filed under its preset: less data, fewer epochs, another seed (how a class shortens it). */
const SCALE_FIELDS = new Set(['dataset.trainSize', 'training.epochs', 'training.seed']);

/** Whether `c` is still the preset's experiment, perhaps shortened: same data set, network, optimizer and batch size. */
export function keepsPreset(c: ExperimentConfig, preset: Preset): boolean {
  return changesFrom(c, preset.config).every((d) => SCALE_FIELDS.has(d.field));
}

/**
 * How a config is saved: a preset's own config as it is; an edited one named from its changes, and no longer
 * filed under the preset unless it was only shortened (see keepsPreset).
 */
export function runRequest(c: ExperimentConfig, lang: NameLang = 'en'): { config: ExperimentConfig; name?: string } {
  const preset = c.preset ? getPresetOf(c.preset) : undefined;
  if (!preset || isPresetConfig(c, preset)) return { config: c };
  const name = customRunName(c, preset, lang);
  if (keepsPreset(c, preset)) return { config: c, name };
  const { preset: _dropped, ...rest } = c;
  return { config: rest, name };
}

/**
 * The name of an edited preset's run: the preset's id, then what differs, in `lang`
 * ("deep-sigmoid · tanh · LeCun · SGD"; "seed-keras · +バッチ正規化 · 12 層").
 */
export function customRunName(c: ExperimentConfig, base: Preset, lang: NameLang = 'en'): string {
  return [base.id, ...differencesFrom(c, base.config, lang)].join(' · ').slice(0, 200);
}
