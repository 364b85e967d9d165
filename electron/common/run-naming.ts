// Names for experiments: whether a config is still its preset, and otherwise a short name made from what differs
// from it ("deep-sigmoid · tanh · LeCun · SGD"), so an edited preset is never saved or filed as the preset itself.
// Recording settings (statistics and histogram intervals, the backend) do not change the experiment and are
// left out of both the comparison and the name.
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

export function initializerShort(init: Initializer): string {
  switch (init.kind) {
    case 'randomNormal': return `N(${init.mean}, ${init.std})`;
    case 'randomUniform': return `U(${init.min}, ${init.max})`;
    case 'glorotUniform': return 'Glorot';
    case 'glorotNormal': return 'Glorot normal';
    case 'heNormal': return 'He';
    case 'heUniform': return 'He uniform';
    case 'lecunNormal': return 'LeCun';
    case 'lecunUniform': return 'LeCun uniform';
    case 'standardUniform': return 'U(±1/√n)';
    case 'kaimingTanh': return 'Kaiming tanh';
  }
}

function datasetShort(c: ExperimentConfig): string {
  const d = c.dataset;
  if (d.kind === 'toy-mortgage') return 'toy set';
  const sizes = d.trainSize !== undefined ? ` ${d.trainSize}/${d.testSize ?? '-'}` : '';
  return d.kind === 'mnist' ? `MNIST${sizes}` : `IDX${sizes}`;
}

/** One setting in which a config differs from its preset: the dotted config field, its new value, a short label. */
export interface Change {
  field: string;
  value: unknown;
  label: string;
}

/** Every setting in which `c` differs from `base`, in the order a reader scans a config. */
export function changesFrom(c: ExperimentConfig, base: ExperimentConfig): Change[] {
  const out: Change[] = [];
  const add = (field: string, value: unknown, label: string) => out.push({ field, value, label });
  if (datasetShort(c) !== datasetShort(base) || JSON.stringify(c.dataset) !== JSON.stringify(base.dataset)) {
    if (c.dataset.kind !== base.dataset.kind) add('dataset.kind', c.dataset.kind, datasetShort(c));
    else add('dataset.trainSize', c.dataset.kind === 'toy-mortgage' ? null : c.dataset.trainSize, datasetShort(c));
  }
  const w = hiddenWidths(c.model);
  const bw = hiddenWidths(base.model);
  if (w.join() !== bw.join()) {
    const uniform = w.every((x) => x === w[0]);
    if (uniform && w[0] === bw[0]) add('model.depth', w.length, `${w.length} layers`);
    else if (uniform && w.length === bw.length) add('model.width', w[0], `width ${w[0]}`);
    else add('model.widths', w, uniform ? `${w.length}×${w[0]}` : w.join('-'));
  }
  if (c.model.activation !== base.model.activation) add('model.activation', c.model.activation, ACTIVATION_SHORT[c.model.activation]);
  if (JSON.stringify(c.model.initializer) !== JSON.stringify(base.model.initializer)) {
    const init = c.model.initializer;
    const parametrised = init.kind === 'randomNormal' || init.kind === 'randomUniform';
    add(parametrised ? 'model.initializer' : 'model.initializer.kind', parametrised ? initializerShort(init) : init.kind, initializerShort(init));
  }
  if (c.model.batchNorm !== base.model.batchNorm) add('model.batchNorm', c.model.batchNorm, c.model.batchNorm ? '+batch norm' : '−batch norm');
  if (c.model.residual !== base.model.residual) add('model.residual', c.model.residual, c.model.residual ? '+residual' : '−residual');
  if (c.optimizer.kind !== base.optimizer.kind) add('optimizer.kind', c.optimizer.kind, OPTIMIZER_SHORT[c.optimizer.kind]);
  if (c.optimizer.learningRate !== base.optimizer.learningRate) add('optimizer.learningRate', c.optimizer.learningRate, `η=${c.optimizer.learningRate}`);
  if (c.training.epochs !== base.training.epochs) add('training.epochs', c.training.epochs, `${c.training.epochs} epochs`);
  if (c.training.batchSize !== base.training.batchSize) add('training.batchSize', c.training.batchSize, `batch ${c.training.batchSize}`);
  if (c.training.seed !== base.training.seed) add('training.seed', c.training.seed, `seed ${c.training.seed}`);
  return out;
}

/** One label per setting in which `c` differs from `base`. */
export function differencesFrom(c: ExperimentConfig, base: ExperimentConfig): string[] {
  return changesFrom(c, base).map((d) => d.label);
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
export function runRequest(c: ExperimentConfig): { config: ExperimentConfig; name?: string } {
  const preset = c.preset ? getPresetOf(c.preset) : undefined;
  if (!preset || isPresetConfig(c, preset)) return { config: c };
  const name = customRunName(c, preset);
  if (keepsPreset(c, preset)) return { config: c, name };
  const { preset: _dropped, ...rest } = c;
  return { config: rest, name };
}

/** The name of an edited preset's run: the preset's id, then what differs ("deep-sigmoid · tanh · LeCun · SGD"). */
export function customRunName(c: ExperimentConfig, base: Preset): string {
  return [base.id, ...differencesFrom(c, base.config)].join(' · ').slice(0, 200);
}
