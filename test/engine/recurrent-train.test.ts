// Recurrent runs in process: on a short adding problem a GRU learns far below the trivial error (predicting the
// mean sum, MSE ≈ 1/6) while reporting ‖∂E/∂h_t‖ for every step; a GRU reads MNIST row by row well above chance; the same seed gives the same numbers; clipping by
// norm keeps training; a learning rate far too large ends the run as diverged at the step it happened.
import { describe, expect, it } from 'vitest';
import { ExperimentConfigSchema, type ExperimentConfig, type ExperimentConfigInput } from '../../electron/common/config';
import type { BatchRecord } from '../../electron/common/records';
import { loadSequenceData } from '../../electron/engine/recurrent/sequence-data';
import { trainRecurrent } from '../../electron/engine/recurrent/train-recurrent';

function adding(cell: 'rnn' | 'irnn' | 'lstm' | 'gru', over: Partial<{ length: number; epochs: number; lr: number; clip: number; trainSize: number }> = {}): ExperimentConfig {
  const input: ExperimentConfigInput = {
    dataset: { kind: 'adding', length: over.length ?? 10, trainSize: over.trainSize ?? 2000, testSize: 200 },
    model: { depth: 1, width: 32, activation: 'tanh', initializer: { kind: 'glorotUniform' }, batchNorm: false, residual: false },
    optimizer: { kind: 'adam', learningRate: over.lr ?? 1e-2, ...(over.clip ? { clip: { kind: 'norm' as const, threshold: over.clip } } : {}) },
    training: { epochs: over.epochs ?? 6, batchSize: 50, seed: 3, statsEvery: 10, histogramEvery: 0 },
    recurrent: { cell, hidden: 32 },
  };
  return ExperimentConfigSchema.parse(input);
}

async function run(config: ExperimentConfig) {
  const batches: BatchRecord[] = [];
  const data = await loadSequenceData(config);
  const outcome = await trainRecurrent(config, data, { onBatch: (b) => batches.push(b) });
  return { batches, outcome };
}

describe('recurrent training', () => {
  it('a GRU learns the adding problem with T = 10, far below the trivial error, with a gradient norm for every step', async () => {
    const { batches, outcome } = await run(adding('gru', { clip: 1 }));
    expect(outcome.type).toBe('done');
    if (outcome.type !== 'done') return;
    expect(batches[0]!.loss).toBeGreaterThan(0.1);
    expect(outcome.final.testLoss).toBeLessThan(0.03);
    const withTime = batches.filter((b) => b.time);
    expect(withTime.length).toBe(Math.ceil(batches.length / 10));
    for (const b of withTime) {
      expect(b.time!.norms).toHaveLength(10);
      expect(b.time!.gates.map((g) => g.gate)).toEqual(['r', 'z', 'n']);
      expect(b.layers).toHaveLength(2);
    }
  });

  it('a GRU reading MNIST row by row (the bundled digits) gets well above chance in two short epochs', async () => {
    const config = ExperimentConfigSchema.parse({
      ...adding('gru'),
      dataset: { kind: 'mnist', trainSize: 2000, testSize: 500 },
      training: { epochs: 2, batchSize: 50, seed: 3, statsEvery: 20, histogramEvery: 0 },
    });
    const { batches, outcome } = await run(config);
    expect(outcome.type).toBe('done');
    if (outcome.type !== 'done') return;
    expect(outcome.final.testAcc).toBeGreaterThan(0.4);
    expect(batches[0]!.time!.norms).toHaveLength(28);
    expect(outcome.predictions.length).toBeGreaterThan(0);
    expect(outcome.predictions[0]!.probs).toHaveLength(10);
  });

  it('the same seed gives the same losses and norms; another seed does not', async () => {
    const a = await run(adding('lstm', { epochs: 1, trainSize: 300 }));
    const b = await run(adding('lstm', { epochs: 1, trainSize: 300 }));
    expect(b.batches.map((x) => x.loss)).toEqual(a.batches.map((x) => x.loss));
    expect(b.batches[0]!.time!.norms).toEqual(a.batches[0]!.time!.norms);
    const other = adding('lstm', { epochs: 1, trainSize: 300 });
    other.training.seed = 4;
    const c = await run(other);
    expect(c.batches.map((x) => x.loss)).not.toEqual(a.batches.map((x) => x.loss));
  });

  it('an IRNN with a huge learning rate ends diverged at the step its loss stopped being finite', async () => {
    const { batches, outcome } = await run(adding('irnn', { lr: 1e6, epochs: 3, trainSize: 500 }));
    expect(outcome.type).toBe('diverged');
    if (outcome.type !== 'diverged') return;
    expect(outcome.step).toBe(batches.length);
    expect(outcome.message).toMatch(/at step \d+/);
  });
});
