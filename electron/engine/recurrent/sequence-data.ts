// The sequence tasks of the recurrent models: MNIST read row by row (28 steps of 28 pixels, the bundled data)
// and the adding problem (T steps of (value, marker); the answer is the sum of the two marked values), generated
// from the run's seed. Both as one shape: sample-major [n × steps × inputs] and a target per sample.
import { MNIST_ROWS } from '../../common/recurrent-limits';
import type { ExperimentConfig } from '../../common/config';
import { loadDataset } from '../data/load';
import { deriveSeed, mulberry32 } from '../random';

export interface SequenceData {
  name: string;
  steps: number;
  inputs: number;
  /** Classes (softmax cross-entropy on the last step) or 1 (mean squared error of a regression). */
  outputs: number;
  task: 'classify' | 'regress';
  trainX: Float32Array;
  /** Class index (classify) or the target value (regress), one per sample. */
  trainY: Float32Array;
  testX: Float32Array;
  testY: Float32Array;
}

/** A regression prediction within this of the target counts as correct (the accuracy of the adding problem). */
export const ADDING_TOLERANCE = 0.04;

/** n sequences of the adding problem: values U(0,1), one marker in each half of the sequence. */
export function addingProblem(n: number, steps: number, seed: number): { x: Float32Array; y: Float32Array } {
  const rng = mulberry32(seed);
  const x = new Float32Array(n * steps * 2);
  const y = new Float32Array(n);
  const half = Math.floor(steps / 2);
  for (let s = 0; s < n; s++) {
    const base = s * steps * 2;
    for (let t = 0; t < steps; t++) x[base + t * 2] = rng();
    const first = Math.floor(rng() * half);
    const second = half + Math.floor(rng() * (steps - half));
    x[base + first * 2 + 1] = 1;
    x[base + second * 2 + 1] = 1;
    y[s] = x[base + first * 2]! + x[base + second * 2]!;
  }
  return { x, y };
}

export async function loadSequenceData(config: ExperimentConfig, mnistDir?: string): Promise<SequenceData> {
  const ds = config.dataset;
  const seed = config.training.seed;
  if (ds.kind === 'adding') {
    const train = addingProblem(ds.trainSize, ds.length, deriveSeed(seed, 7001));
    const test = addingProblem(ds.testSize, ds.length, deriveSeed(seed, 7002));
    return { name: `adding problem (T = ${ds.length})`, steps: ds.length, inputs: 2, outputs: 1, task: 'regress', trainX: train.x, trainY: train.y, testX: test.x, testY: test.y };
  }
  if (ds.kind === 'mnist' || ds.kind === 'idx-folder') {
    const d = await loadDataset(ds, seed, mnistDir);
    if (d.features !== MNIST_ROWS.steps * MNIST_ROWS.inputs) throw new Error(`${d.name} has ${d.features} features per image; reading row by row needs 28 × 28`);
    return {
      name: `${d.name}, row by row`,
      steps: MNIST_ROWS.steps,
      inputs: MNIST_ROWS.inputs,
      outputs: d.classes,
      task: 'classify',
      trainX: d.trainX,
      trainY: Float32Array.from(d.trainY),
      testX: d.testX,
      testY: Float32Array.from(d.testY),
    };
  }
  throw new Error(`a recurrent model cannot read ${ds.kind}`);
}
