// Every config field as a command-line flag, on top of a base: `--config FILE.json` (a full or partial config,
// checked by the schema) or `--preset NAME`. The result goes through the same schema as the windows, so its
// messages name the field ("model.depth: depth must be at most 50 (allowed 1–50)").
import { readFileSync } from 'node:fs';
import { BackendNameSchema } from '../common/app-info';
import { ACTIVATIONS, ExperimentConfigSchema, INITIALIZER_KINDS, OPTIMIZERS, type ExperimentConfig } from '../common/config';
import { initializerOfKind } from '../common/grid';
import { getPreset, PRESETS } from '../common/presets';
import { LabError } from '../common/result';
import { intArg } from './call';

/** Flags of the config fields, as node:util parseArgs options. */
export const CONFIG_OPTIONS = {
  config: { type: 'string' },
  dataset: { type: 'string' },
  folder: { type: 'string' },
  depth: { type: 'string' },
  width: { type: 'string' },
  widths: { type: 'string' },
  activation: { type: 'string' },
  init: { type: 'string' },
  'init-mean': { type: 'string' },
  'init-std': { type: 'string' },
  'init-min': { type: 'string' },
  'init-max': { type: 'string' },
  'batch-norm': { type: 'boolean' },
  'no-batch-norm': { type: 'boolean' },
  residual: { type: 'boolean' },
  'no-residual': { type: 'boolean' },
  optimizer: { type: 'string' },
  lr: { type: 'string' },
  'batch-size': { type: 'string' },
  'stats-every': { type: 'string' },
  'histogram-every': { type: 'string' },
} as const;

export const CONFIG_HELP = `  Config flags (run, sweep): a base from --preset NAME or --config FILE.json (a config as saved by the app;
  fields left out are taken from --preset, else from seed-keras), then any of
    --dataset mnist|idx-folder|toy-mortgage  --folder DIR  --train-size N  --test-size N
    --depth N  --width N  --widths 256,128,64  --activation ${ACTIVATIONS.join('|')}
    --init ${INITIALIZER_KINDS.join('|')}  --init-mean X --init-std X --init-min X --init-max X
    --batch-norm | --no-batch-norm  --residual | --no-residual
    --optimizer ${OPTIMIZERS.join('|')}  --lr X  --epochs N  --batch-size N  --seed N
    --stats-every N  --histogram-every N  --backend NAME
  A run whose network, optimizer, data set or batch size differs from its preset is saved as a custom experiment
  named from what differs ("deep-sigmoid · tanh · LeCun · SGD").`;

type Opts = Record<string, unknown>;

function oneOfArg<T extends string>(flag: string, value: string, allowed: readonly T[]): T {
  if (!(allowed as readonly string[]).includes(value)) throw new LabError('ValidationError', `${flag} must be one of ${allowed.join(', ')} (got "${value}")`);
  return value as T;
}

function numberArg(flag: string, value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  const n = Number(value);
  if (value.trim() === '' || !Number.isFinite(n)) throw new LabError('ValidationError', `${flag} must be a number (got "${value}")`);
  return n;
}

function baseConfig(o: Opts): Record<string, unknown> {
  const preset = typeof o.preset === 'string' ? getPreset(o.preset) : undefined;
  if (typeof o.preset === 'string' && !preset) throw new LabError('ValidationError', `Unknown preset "${o.preset}" (one of: ${PRESETS.map((p) => p.id).join(', ')})`);
  const base = structuredClone((preset ?? (o.config ? PRESETS[0]! : undefined))?.config) as Record<string, unknown> | undefined;
  if (typeof o.config !== 'string') {
    if (!base) throw new LabError('ValidationError', `--preset or --config is required (presets: ${PRESETS.map((p) => p.id).join(', ')})`);
    return base;
  }
  let file: unknown;
  try {
    file = JSON.parse(readFileSync(o.config, 'utf8'));
  } catch (e) {
    throw new LabError('ValidationError', `--config ${o.config}: ${(e as Error).message}`);
  }
  if (file === null || typeof file !== 'object' || Array.isArray(file)) throw new LabError('ValidationError', `--config ${o.config}: not a JSON object`);
  const f = file as Record<string, unknown>;
  // A partial file fills in from the base section by section.
  const merged: Record<string, unknown> = { ...base };
  for (const [k, v] of Object.entries(f)) {
    const b = merged[k];
    merged[k] = v && typeof v === 'object' && !Array.isArray(v) && b && typeof b === 'object' && k !== 'dataset' ? { ...(b as object), ...(v as object) } : v;
  }
  if (!preset && !('preset' in f)) delete merged.preset;
  return merged;
}

/** The config the flags describe, checked by the schema (runRequest then names it and files it; see CONFIG_HELP). */
export function configFromCli(o: Opts): ExperimentConfig {
  const c = baseConfig(o) as {
    preset?: string;
    dataset: Record<string, unknown>;
    model: Record<string, unknown>;
    optimizer: Record<string, unknown>;
    training: Record<string, unknown>;
    backend?: string;
  };
  const str = (k: string) => (typeof o[k] === 'string' ? (o[k] as string) : undefined);
  if (str('dataset')) {
    const kind = oneOfArg('--dataset', str('dataset')!, ['mnist', 'idx-folder', 'toy-mortgage'] as const);
    c.dataset = kind === 'toy-mortgage' ? { kind } : kind === 'mnist' ? { kind, trainSize: c.dataset.trainSize ?? 60000, testSize: c.dataset.testSize ?? 10000 } : { kind, folder: str('folder') ?? '' };
  } else if (str('folder')) c.dataset = { ...c.dataset, folder: str('folder') };
  const trainSize = intArg('--train-size', str('train-size'));
  const testSize = intArg('--test-size', str('test-size'));
  if (trainSize !== undefined || testSize !== undefined) {
    if (c.dataset.kind === 'toy-mortgage') throw new LabError('ValidationError', '--train-size/--test-size do not apply to the toy mortgage set');
    if (trainSize !== undefined) c.dataset.trainSize = trainSize;
    if (testSize !== undefined) c.dataset.testSize = testSize;
  }
  const set = (section: Record<string, unknown>, key: string, value: unknown) => {
    if (value !== undefined) section[key] = value;
  };
  set(c.model, 'depth', intArg('--depth', str('depth')));
  set(c.model, 'width', intArg('--width', str('width')));
  if (str('widths')) c.model.widths = str('widths')!.split(/[,\s]+/).filter(Boolean).map((w) => intArg('--widths', w));
  if (str('activation')) c.model.activation = oneOfArg('--activation', str('activation')!, ACTIVATIONS);
  if (str('init')) {
    c.model.initializer = initializerOfKind(oneOfArg('--init', str('init')!, INITIALIZER_KINDS));
  }
  const init = c.model.initializer as Record<string, unknown>;
  for (const [flag, key] of [['init-mean', 'mean'], ['init-std', 'std'], ['init-min', 'min'], ['init-max', 'max']] as const) {
    const v = numberArg(`--${flag}`, str(flag));
    if (v === undefined) continue;
    if (!(key in init)) throw new LabError('ValidationError', `--${flag} does not apply to the ${String(init.kind)} initializer`);
    init[key] = v;
  }
  if (o['batch-norm'] && o['no-batch-norm']) throw new LabError('ValidationError', '--batch-norm and --no-batch-norm contradict each other');
  if (o['residual'] && o['no-residual']) throw new LabError('ValidationError', '--residual and --no-residual contradict each other');
  if (o['batch-norm']) c.model.batchNorm = true;
  if (o['no-batch-norm']) c.model.batchNorm = false;
  if (o['residual']) c.model.residual = true;
  if (o['no-residual']) c.model.residual = false;
  if (str('optimizer')) c.optimizer.kind = oneOfArg('--optimizer', str('optimizer')!, OPTIMIZERS);
  set(c.optimizer, 'learningRate', numberArg('--lr', str('lr')));
  set(c.training, 'epochs', intArg('--epochs', str('epochs')));
  set(c.training, 'batchSize', intArg('--batch-size', str('batch-size')));
  set(c.training, 'seed', intArg('--seed', str('seed')));
  set(c.training, 'statsEvery', intArg('--stats-every', str('stats-every')));
  set(c.training, 'histogramEvery', intArg('--histogram-every', str('histogram-every')));
  if (str('backend')) c.backend = oneOfArg('--backend', str('backend')!, BackendNameSchema.options);
  const parsed = ExperimentConfigSchema.safeParse(c);
  if (!parsed.success) {
    const issues = parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`);
    throw new LabError('ValidationError', issues.join('; '));
  }
  return parsed.data;
}
