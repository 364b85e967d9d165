// Bounds of the recurrent models and the adding problem, and the checks that need the whole config: a
// recurrent model reads only sequence data (MNIST row by row, the adding problem), the adding problem needs a
// recurrent model, and backpropagation through time must fit in memory (its figure is stated in the error).
import type { z } from 'zod';

export const RECURRENT_CELLS = ['rnn', 'irnn', 'lstm', 'gru'] as const;
export type RecurrentCell = (typeof RECURRENT_CELLS)[number];

export const LIMITS_RECURRENT = {
  hidden: { min: 1, max: 1024 },
  /** Steps of the adding problem. */
  length: { min: 10, max: 400 },
  addingTrain: { min: 100, max: 100000 },
  addingTest: { min: 100, max: 10000 },
  forgetBias: { min: -10, max: 10 },
  /** Spectral radius the recurrent weights are drawn for (RecurrentSchema.recurrentRadius). */
  recurrentRadius: { min: 0.01, max: 10 },
  /** What the activations kept for backpropagation through time may take: 1 GiB. */
  memoryBytes: 2 ** 30,
} as const;

/**
 * Float32 values the engine keeps per sample, time step and hidden unit for the backward pass (engine/recurrent/
 * network.ts): pre-activations or gates, their gradients, and the hidden state; LSTM adds its cell state and
 * tanh of it, GRU the recurrent half of its gates.
 */
export const VALUES_PER_STEP: Readonly<Record<RecurrentCell, number>> = { rnn: 3, irnn: 3, lstm: 11, gru: 10 };

/** MNIST read row by row: 28 steps of 28 pixels. */
export const MNIST_ROWS = { steps: 28, inputs: 28 } as const;

interface ConfigShape {
  dataset: { kind: string; length?: number; trainSize?: number };
  training: { batchSize: number };
  recurrent?: { cell: RecurrentCell; hidden: number };
}

/** Time steps of a sequence data set (undefined when the data set is not read as a sequence). */
export function sequenceLength(dataset: ConfigShape['dataset']): number | undefined {
  if (dataset.kind === 'adding') return dataset.length;
  if (dataset.kind === 'mnist' || dataset.kind === 'idx-folder') return MNIST_ROWS.steps;
  return undefined;
}

/** Bytes of activations one training step keeps for backpropagation through time. */
export function recurrentMemoryBytes(batchSize: number, steps: number, hidden: number, cell: RecurrentCell): number {
  return batchSize * steps * hidden * VALUES_PER_STEP[cell] * 4;
}

const mib = (bytes: number) => `${(bytes / 2 ** 20).toFixed(bytes < 2 ** 20 ? 2 : 0)} MiB`;

export function refineRecurrent(c: ConfigShape, ctx: z.RefinementCtx): void {
  const r = c.recurrent;
  if (!r) {
    if (c.dataset.kind === 'adding') {
      ctx.addIssue({ code: 'custom', path: ['recurrent'], message: 'the adding problem needs a recurrent model (recurrent: { cell, hidden })' });
    }
    return;
  }
  const steps = sequenceLength(c.dataset);
  if (steps === undefined) {
    ctx.addIssue({ code: 'custom', path: ['dataset', 'kind'], message: `a recurrent model reads MNIST row by row or the adding problem, not ${c.dataset.kind}` });
    return;
  }
  if (c.dataset.kind === 'adding' && c.dataset.trainSize !== undefined && c.training.batchSize > c.dataset.trainSize) {
    ctx.addIssue({
      code: 'custom',
      path: ['training', 'batchSize'],
      message: `batchSize (${c.training.batchSize}) must not exceed the training set size (${c.dataset.trainSize})`,
    });
  }
  const bytes = recurrentMemoryBytes(c.training.batchSize, steps, r.hidden, r.cell);
  if (bytes > LIMITS_RECURRENT.memoryBytes) {
    ctx.addIssue({
      code: 'custom',
      path: ['recurrent', 'hidden'],
      message:
        `backpropagation through time would keep ${mib(bytes)} (batchSize ${c.training.batchSize} × ${steps} steps × hidden ${r.hidden} × ` +
        `${VALUES_PER_STEP[r.cell]} values × 4 bytes), more than the ${mib(LIMITS_RECURRENT.memoryBytes)} allowed: lower batchSize, the sequence length or hidden`,
    });
  }
}
