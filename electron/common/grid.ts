// Sweeps over a grid of settings ("learning rate × initializer × seed"), shared by the CLI's `sweep --grid` and the
// Train view's grid sweep: the keys a grid may vary, every combination of the chosen values, a config per point
// (checked by the schema, errors naming the grid key), a name for each run made from what differs, and a rough
// estimate of how long the whole grid takes. Pure: no I/O.
import {
  ACTIVATIONS,
  ExperimentConfigSchema,
  LIMITS,
  INITIALIZER_KINDS,
  OPTIMIZERS,
  TOY_MORTGAGE_TRAIN_SIZE,
  hiddenWidths,
  type ExperimentConfig,
  type Initializer,
} from './config';
import type { z } from 'zod';
import { classCountOf, inputSizeOf } from './dataset-shape';
import { LabError } from './result';
import { activationShort, initializerShort, nameWords, optimizerShort, runRequest, type NameLang } from './run-naming';

/** The settings a grid may vary (the CLI flag of each has the same name). */
export const GRID_KEYS = ['lr', 'init', 'activation', 'optimizer', 'seed', 'depth', 'width', 'batch-size', 'epochs', 'batch-norm', 'residual'] as const;
export type GridKey = (typeof GRID_KEYS)[number];

/** Keys whose values are one of a list (the UI offers them as choices). */
export const GRID_CHOICES: Partial<Record<GridKey, readonly string[]>> = {
  init: INITIALIZER_KINDS, activation: ACTIVATIONS, optimizer: OPTIMIZERS, 'batch-norm': ['false', 'true'], residual: ['false', 'true'],
};

/** The range of each numeric key (the schema's; the learning rate must also be above 0). */
export const GRID_RANGES: Partial<Record<GridKey, { min: number; max: number }>> = {
  lr: { min: 0, max: LIMITS.learningRate.max }, seed: LIMITS.seed, depth: LIMITS.depth, width: LIMITS.width,
  'batch-size': LIMITS.batchSize, epochs: LIMITS.epochs,
};

/** Most points a CLI sweep runs; the app's sweep stops at what one comparison shows (GRID_UI_MAX_RUNS). */
export const GRID_MAX_RUNS = 64;
/** Axes the app's grid sweep offers at once. */
export const GRID_UI_MAX_AXES = 3;

export interface GridAxis {
  key: GridKey;
  values: string[];
}
export type GridPoint = Partial<Record<GridKey, string>>;

/** Why a grid cannot run, for a message in the user's language; null when it can. */
export type GridProblem =
  | { kind: 'no-axes' }
  | { kind: 'empty-axis'; key: GridKey }
  | { kind: 'repeated-key'; key: GridKey }
  | { kind: 'bad-value'; key: GridKey; value: string }
  | { kind: 'out-of-range'; key: GridKey; value: string; min: number; max: number }
  | { kind: 'too-many'; total: number; max: number };

/** Points of a grid: the product of its axes' value counts. */
export function gridSize(axes: readonly GridAxis[]): number {
  return axes.length ? axes.reduce((n, a) => n * a.values.length, 1) : 0;
}

/** A value this key accepts as it is typed ("0.01", "heNormal", "true"), before the schema's ranges. */
export function validGridValue(key: GridKey, value: string): boolean {
  const choices = GRID_CHOICES[key];
  if (choices) return choices.includes(value);
  const n = Number(value);
  if (value.trim() === '' || !Number.isFinite(n)) return false;
  return key === 'lr' ? n > 0 : Number.isInteger(n);
}

/** The first reason the grid cannot run, or null. */
export function gridProblem(axes: readonly GridAxis[], max = GRID_MAX_RUNS): GridProblem | null {
  if (axes.length === 0) return { kind: 'no-axes' };
  const seen = new Set<GridKey>();
  for (const a of axes) {
    if (seen.has(a.key)) return { kind: 'repeated-key', key: a.key };
    seen.add(a.key);
    if (a.values.length === 0) return { kind: 'empty-axis', key: a.key };
    const bad = a.values.find((v) => !validGridValue(a.key, v));
    if (bad !== undefined) return { kind: 'bad-value', key: a.key, value: bad };
    const range = GRID_RANGES[a.key];
    const out = range && a.values.find((v) => Number(v) < range.min || Number(v) > range.max);
    if (range && out !== undefined) return { kind: 'out-of-range', key: a.key, value: out, ...range };
  }
  const total = gridSize(axes);
  if (total > max) return { kind: 'too-many', total, max };
  return null;
}

/** The problem in English (the CLI's words; the app translates the structured problem itself). */
export function gridProblemText(p: GridProblem): string {
  switch (p.kind) {
    case 'no-axes': return `--grid KEY=V1,V2 is required (keys: ${GRID_KEYS.join(', ')})`;
    case 'empty-axis': return `--grid ${p.key} has no values`;
    case 'repeated-key': return `--grid ${p.key} is given twice: put all its values in one --grid ${p.key}=V1,V2`;
    case 'bad-value': {
      const choices = GRID_CHOICES[p.key];
      const want = choices ? `one of ${choices.join(', ')}` : p.key === 'lr' ? 'a positive number' : 'a whole number';
      return `--grid ${p.key} takes ${want} (got "${p.value}")`;
    }
    case 'out-of-range': return `--grid ${p.key} must be within ${p.min}–${p.max} (got "${p.value}")`;
    case 'too-many': return `the grid has ${p.total} points; a sweep runs at most ${p.max}`;
  }
}

/** Values split from "V1,V2,…": trimmed, empty ones dropped, each once, in the order given. */
export function splitValues(text: string): string[] {
  return [...new Set(text.split(',').map((v) => v.trim()).filter(Boolean))];
}

/** `KEY=V1,V2,…` specs (the CLI's --grid) as axes, checked and bounded. */
export function parseGrid(specs: readonly string[], max = GRID_MAX_RUNS): GridAxis[] {
  const axes = specs.map((spec): GridAxis => {
    const m = /^([\w-]+)=(.+)$/.exec(spec);
    if (!m || !(GRID_KEYS as readonly string[]).includes(m[1]!)) {
      throw new LabError('ValidationError', `--grid must be KEY=V1,V2,… with KEY one of ${GRID_KEYS.join(', ')} (got "${spec}")`);
    }
    return { key: m[1] as GridKey, values: splitValues(m[2]!) };
  });
  const problem = gridProblem(axes, max);
  if (problem) throw new LabError('ValidationError', gridProblemText(problem));
  return axes;
}

/** Every point of the grid, the first axis varying slowest. */
export function expandGrid(axes: readonly GridAxis[]): GridPoint[] {
  let points: GridPoint[] = [{}];
  for (const a of axes) points = points.flatMap((p) => a.values.map((v) => ({ ...p, [a.key]: v })));
  return axes.length ? points : [];
}

/** The initializer a kind names, with the default parameters of the two that take some. */
export function initializerOfKind(kind: Initializer['kind']): Initializer {
  return kind === 'randomNormal' ? { kind, mean: 0, std: 0.05 } : kind === 'randomUniform' ? { kind, min: -0.05, max: 0.05 } : { kind };
}

/** A grid point the schema refuses: the point and the schema's issues, for a message in the user's language. */
export class GridPointError extends LabError {
  constructor(
    readonly point: GridPoint,
    readonly issues: readonly z.core.$ZodIssue[],
    message: string,
  ) {
    super('ValidationError', message);
  }
}

/** The base config with the point's settings, checked by the schema (a bad value names its grid key). */
export function applyGridPoint(base: ExperimentConfig, point: GridPoint): ExperimentConfig {
  const c = structuredClone(base) as ExperimentConfig;
  const model = c.model as ExperimentConfig['model'] & { widths?: number[] };
  for (const [key, value] of Object.entries(point) as [GridKey, string][]) {
    if (!validGridValue(key, value)) throw new LabError('ValidationError', gridProblemText({ kind: 'bad-value', key, value }));
    const n = Number(value);
    switch (key) {
      case 'lr': c.optimizer.learningRate = n; break;
      // The base's own kind keeps its parameters (the tutorial's N(1, 1) stays N(1, 1)).
      case 'init': if (model.initializer.kind !== value) model.initializer = initializerOfKind(value as Initializer['kind']); break;
      case 'activation': model.activation = value as ExperimentConfig['model']['activation']; break;
      case 'optimizer': c.optimizer.kind = value as ExperimentConfig['optimizer']['kind']; break;
      case 'seed': c.training.seed = n; break;
      case 'epochs': c.training.epochs = n; break;
      case 'batch-size': c.training.batchSize = n; break;
      case 'batch-norm': model.batchNorm = value === 'true'; break;
      case 'residual': model.residual = value === 'true'; break;
      case 'depth':
      case 'width': {
        // Explicit widths become a uniform stack, so depth and width each mean one thing.
        const w = hiddenWidths(model);
        if (model.widths) {
          delete model.widths;
          model.depth = w.length;
          model.width = w[0]!;
        }
        if (key === 'depth') model.depth = n;
        else model.width = n;
        break;
      }
    }
  }
  const parsed = ExperimentConfigSchema.safeParse(c);
  if (!parsed.success) {
    const where = Object.entries(point).map(([k, v]) => `${k}=${v}`).join(', ');
    throw new GridPointError(point, parsed.error.issues, `grid point ${where}: ${parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`);
  }
  return parsed.data;
}

/** The short label of one grid setting of a config in `lang` ("η=0.01", "He", "seed 2" / "シード 2"). */
export function gridValueLabel(c: ExperimentConfig, key: GridKey, lang: NameLang = 'en'): string {
  const W = nameWords(lang);
  switch (key) {
    case 'lr': return `η=${c.optimizer.learningRate}`;
    case 'init': return initializerShort(c.model.initializer, lang);
    case 'activation': return activationShort(c.model.activation, lang);
    case 'optimizer': return optimizerShort(c.optimizer.kind, lang);
    case 'seed': return W.seed(c.training.seed);
    case 'epochs': return W.epochs(c.training.epochs);
    case 'batch-size': return W.batch(c.training.batchSize);
    case 'batch-norm': return `${c.model.batchNorm ? '+' : '−'}${W.batchNorm}`;
    case 'residual': return `${c.model.residual ? '+' : '−'}${W.residual}`;
    case 'depth': return W.layers(hiddenWidths(c.model).length);
    case 'width': return W.width(hiddenWidths(c.model)[0]!);
  }
}

/**
 * How one run of a sweep is started: as any run (named from what differs from its preset, see runRequest); a
 * config with no preset to differ from is named from its grid settings, so the sweep's runs tell apart. Names are
 * made in `lang`, like every run's.
 */
export function gridRunRequest(c: ExperimentConfig, axes: readonly GridAxis[], lang: NameLang = 'en'): { config: ExperimentConfig; name?: string } {
  const r = runRequest(c, lang);
  if (r.name || c.preset) return r;
  return { config: c, name: axes.map((a) => gridValueLabel(c, a.key, lang)).join(' · ') };
}

/** Every run of a grid over a base config: the point and what is sent to start it. */
export function gridRuns(
  base: ExperimentConfig,
  axes: readonly GridAxis[],
  lang: NameLang = 'en',
): { point: GridPoint; request: { config: ExperimentConfig; name?: string } }[] {
  return expandGrid(axes).map((point) => ({ point, request: gridRunRequest(applyGridPoint(base, point), axes, lang) }));
}

/** Weights and biases of the network a config describes (the work of one example's forward and backward pass). */
export function parameterCount(c: ExperimentConfig): number {
  const widths = hiddenWidths(c.model);
  const sizes = [inputSizeOf(c.dataset), ...widths, classCountOf(c.dataset)];
  let n = 0;
  for (let i = 1; i < sizes.length; i++) n += sizes[i - 1]! * sizes[i]! + sizes[i]!;
  return n;
}

/** Examples one run trains on per epoch (an IDX folder's size is unknown before loading: MNIST's is assumed). */
export function trainExamples(c: ExperimentConfig): number {
  const d = c.dataset;
  if (d.kind === 'toy-mortgage') return TOY_MORTGAGE_TRAIN_SIZE;
  return d.trainSize ?? 60_000;
}

/**
 * Speed of training in parameter-examples per second (examples per second × the network's parameters): roughly
 * constant across network sizes on one machine, so one measured run estimates others. This default is a
 * modest laptop on the WebAssembly backend, used until a run on this machine has been measured.
 */
export const DEFAULT_TRAINING_RATE = 1e8;
/** Start-up of one run (loading the data set, building the network), in seconds. */
export const RUN_OVERHEAD_SEC = 3;

/** The rate a measured run shows (its examples per second on its network), or null without a measurement. */
export function trainingRate(c: ExperimentConfig | null, samplesPerSec: number | null | undefined): number | null {
  if (!c || !samplesPerSec || !Number.isFinite(samplesPerSec) || samplesPerSec <= 0) return null;
  return samplesPerSec * parameterCount(c);
}

/** A rough time for one run, in seconds. */
export function estimateRunSeconds(c: ExperimentConfig, rate = DEFAULT_TRAINING_RATE): number {
  return RUN_OVERHEAD_SEC + (c.training.epochs * trainExamples(c) * parameterCount(c)) / rate;
}
