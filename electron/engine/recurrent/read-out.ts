// The loss of a recurrent network's read-out on the last hidden state: softmax cross-entropy for a
// classification (row-by-row MNIST), mean squared error for a regression (the adding problem, where a prediction
// within ADDING_TOLERANCE of the target counts as correct). Writes ∂E/∂logits for the mean loss over the rows.
import type { SequenceData } from './sequence-data';
import { ADDING_TOLERANCE } from './sequence-data';

export interface ReadOutResult {
  /** Σ over rows of the per-row loss and of the correct rows (divide by the rows for means). */
  lossSum: number;
  correct: number;
}

/** Loss of `logits` (n × outputs) against `targets[rows[i]]`; fills dLogits with the gradient of the mean when given. */
export function readOut(task: SequenceData['task'], logits: Float32Array, outputs: number, targets: Float32Array, rows: ArrayLike<number>, dLogits?: Float32Array): ReadOutResult {
  const n = rows.length;
  let lossSum = 0;
  let correct = 0;
  if (task === 'regress') {
    for (let i = 0; i < n; i++) {
      const err = logits[i * outputs]! - targets[rows[i]!]!;
      lossSum += err * err;
      if (Math.abs(err) < ADDING_TOLERANCE) correct++;
      if (dLogits) dLogits[i * outputs] = (2 * err) / n;
    }
    return { lossSum, correct };
  }
  for (let i = 0; i < n; i++) {
    const o = i * outputs;
    const label = targets[rows[i]!]!;
    let max = -Infinity;
    let arg = 0;
    for (let j = 0; j < outputs; j++) if (logits[o + j]! > max) [max, arg] = [logits[o + j]!, j];
    let sum = 0;
    for (let j = 0; j < outputs; j++) sum += Math.exp(logits[o + j]! - max);
    lossSum += Math.log(sum) + max - logits[o + label]!;
    if (arg === label) correct++;
    if (dLogits) for (let j = 0; j < outputs; j++) dLogits[o + j] = (Math.exp(logits[o + j]! - max) / sum - (j === label ? 1 : 0)) / n;
  }
  // A NaN logit makes max -Infinity and the loss NaN, which the divergence watch reports.
  return { lossSum, correct };
}
