// Shared helpers for the engine tests: small real configs, in-process runs that collect every record, and a
// real trainer child process driven through the service's ForkLauncher.
import { fileURLToPath } from 'node:url';
import { expect } from 'vitest';
import { ExperimentConfigSchema, type ExperimentConfig, type ExperimentConfigInput, type Initializer, type ModelConfig } from '../../electron/common/config';
import { selectBackend } from '../../electron/engine/backends';
import { buildMlp } from '../../electron/engine/model/mlp';
import { rows } from '../../electron/engine/train/evaluate';
import { FastStep } from '../../electron/engine/train/fast-step';
import { TapeStep } from '../../electron/engine/train/tape-step';
import { getPreset } from '../../electron/common/presets';
import type { BatchRecord, EpochRecord, HistogramRecord, LayerProbeRecord } from '../../electron/common/records';
import type { EndMessage, FromTrainer, ToTrainer } from '../../electron/common/trainer-protocol';
import { isEndMessage, isFromTrainer } from '../../electron/common/trainer-protocol';
import { loadDataset } from '../../electron/engine/data/load';
import type { StepResult } from '../../electron/engine/train/engine';
import { train, type TrainOutcome } from '../../electron/engine/train/train';
import { ForkLauncher } from '../../electron/service/fork-launcher';
import type { TrainerHandle } from '../../electron/service/launcher';

export const LN10 = Math.log(10);
export const TRAINER_ENTRY = fileURLToPath(new URL('../../electron/engine/trainer-process.ts', import.meta.url));

/** A preset's config on a small MNIST subset. */
export function presetOn(id: string, overrides: { trainSize: number; testSize?: number; epochs?: number; batchSize?: number; statsEvery?: number; histogramEvery?: number }): ExperimentConfig {
  const preset = getPreset(id);
  if (!preset) throw new Error(`no preset ${id}`);
  const { trainSize, testSize = 500, ...training } = overrides;
  return ExperimentConfigSchema.parse({
    ...preset.config,
    dataset: { kind: 'mnist', trainSize, testSize },
    training: { ...preset.config.training, ...training },
  });
}

export function configOf(input: ExperimentConfigInput): ExperimentConfig {
  return ExperimentConfigSchema.parse(input);
}

export interface Collected {
  batches: BatchRecord[];
  epochs: EpochRecord[];
  histograms: HistogramRecord[];
  outcome: TrainOutcome;
}

/** Train in this process and keep every record; `stopAtStep` aborts after that step's record. */
export async function trainCollect(
  config: ExperimentConfig,
  opts: { stopAtStep?: number; onBatch?: (r: BatchRecord) => void; onProbe?: (r: LayerProbeRecord) => void } = {},
): Promise<Collected> {
  const data = await loadDataset(config.dataset, config.training.seed);
  const batches: BatchRecord[] = [];
  const epochs: EpochRecord[] = [];
  const histograms: HistogramRecord[] = [];
  const controller = new AbortController();
  const outcome = await train(
    config,
    data,
    {
      onBatch: (r) => {
        batches.push(r);
        opts.onBatch?.(r);
        if (opts.stopAtStep !== undefined && r.step >= opts.stopAtStep) controller.abort();
      },
      onEpoch: (r) => epochs.push(r),
      onHistogram: (r) => histograms.push(r),
      onProbe: (r) => opts.onProbe?.(r),
    },
    controller.signal,
  );
  return { batches, epochs, histograms, outcome };
}

export interface ChildRun {
  messages: FromTrainer[];
  end?: EndMessage;
  exit: { code: number | null; signal: string | null };
}

/**
 * Start a real trainer process, send `start`, and resolve when the process has exited. `react` sees every
 * message and may act on the handle (send stop, kill).
 */
export function runInChild(start: ToTrainer, react?: (m: FromTrainer, handle: TrainerHandle) => void, env?: NodeJS.ProcessEnv): Promise<ChildRun> {
  const handle = new ForkLauncher({ entry: TRAINER_ENTRY, env }).launch();
  const messages: FromTrainer[] = [];
  let end: EndMessage | undefined;
  return new Promise((resolve) => {
    handle.onMessage((m) => {
      if (!isFromTrainer(m)) return;
      messages.push(m);
      if (m.type === 'ready') handle.send(start);
      if (isEndMessage(m)) end = m;
      react?.(m, handle);
    });
    handle.onExit((code, signal) => resolve({ messages, end, exit: { code, signal } }));
  });
}

export const batchesOf = (run: ChildRun): BatchRecord[] => run.messages.filter((m): m is BatchRecord => m.type === 'batch');

/** Within 1e-4, relative above 1 (how the engines' equality tests compare every reported value). */
export const close = (a: number, b: number, tol = 1e-4) => Math.abs(a - b) <= tol * Math.max(1, Math.abs(a), Math.abs(b));

/** Two engines' step results agree: loss, accuracy, finiteness, every statistic of every layer, the histograms. */
export function expectSameStep(want: StepResult, got: StepResult, label: string, tol = 1e-4): void {
  expect(close(got.loss, want.loss, tol), `${label}: loss ${want.loss} vs ${got.loss}`).toBe(true);
  expect(close(got.acc, want.acc, tol), `${label}: accuracy`).toBe(true);
  expect(got.nonFiniteLayer, `${label}: non-finite layer`).toBe(want.nonFiniteLayer);
  expect(got.layers?.length, `${label}: statistics`).toBe(want.layers?.length);
  want.layers?.forEach((w, l) => {
    const g = got.layers![l]!;
    for (const [k, v] of Object.entries(w)) {
      const other = g[k as keyof typeof g];
      expect(close(other, v, tol), `${label}: layer ${l} ${k} ${v} vs ${other}`).toBe(true);
    }
  });
  expect(got.kernelGrads?.length, `${label}: histograms`).toBe(want.kernelGrads?.length);
  want.kernelGrads?.forEach((w, l) => {
    const g = got.kernelGrads![l]!;
    expect(g).toHaveLength(w.length);
    let worst = 0;
    for (let i = 0; i < w.length; i++) worst = Math.max(worst, Math.abs(g[i]! - w[i]!) / Math.max(1, Math.abs(w[i]!)));
    expect(worst, `${label}: layer ${l} kernel gradient`).toBeLessThanOrEqual(tol);
  });
}

/**
 * A step engine starts from the same weights as the gradient-tape reference: three steps of a 3 × 20 MLP with
 * `activation` and `initializer` on 32 MNIST images give the same losses, gradients and statistics.
 */
export async function expectEngineStartsAsTape(engine: 'kernels' | 'tfjs-ops', activation: ModelConfig['activation'], initializer: Initializer): Promise<void> {
  await selectBackend('wasm');
  const config = configOf({
    dataset: { kind: 'mnist', trainSize: 64, testSize: 10 },
    model: { depth: 3, width: 20, activation, initializer, batchNorm: false, residual: false },
    optimizer: { kind: 'sgd', learningRate: 0.1 },
    training: { epochs: 1, batchSize: 32, seed: 2, statsEvery: 1, histogramEvery: 0 },
  });
  const data = await loadDataset(config.dataset, 2);
  const idx = Int32Array.from({ length: 32 }, (_, i) => i);
  const req = { x: rows(data.trainX, data.features, idx), y: Int32Array.from(idx, (i) => data.trainY[i]!), features: data.features, classes: data.classes, withStats: true, withHistogram: false };
  const a = buildMlp(config.model, data.features, data.classes, 9);
  const b = buildMlp(config.model, data.features, data.classes, 9);
  const tape = new TapeStep(a, config.optimizer);
  const fast = new FastStep(b, config.optimizer, { maxBatch: 32, engine });
  for (let s = 0; s < 3; s++) expectSameStep(tape.step(req), fast.step(req), `step ${s}`);
  tape.dispose();
  a.dispose();
  b.dispose();
}
