// Inference over a whole split (in chunks, batch norm in inference mode) and the fixed sample of test
// predictions a run ends with — the seed program's "classified / probability" print-out.
import * as tf from '@tensorflow/tfjs';
import type { Prediction } from '../../common/records';
import type { Dataset } from '../data/dataset';
import { crossEntropy, forward, type Mlp } from '../model/mlp';

const CHUNK = 1000;
export const PREDICTION_COUNT = 32;

/** Rows `indices` of a flat feature array as one batch. */
export function rows(x: Float32Array, features: number, indices: ArrayLike<number>, into?: Float32Array): Float32Array {
  // `into` (at least indices.length × features long) is reused between batches: no 400 KB allocation per step.
  const out = into ? into.subarray(0, indices.length * features) : new Float32Array(indices.length * features);
  for (let i = 0; i < indices.length; i++) {
    const src = indices[i]!;
    out.set(x.subarray(src * features, (src + 1) * features), i * features);
  }
  return out;
}

/** Read a tensor without blocking (WebGPU on Node has no synchronous read), then dispose it. */
async function readAndDispose(t: tf.Tensor): Promise<Float32Array> {
  try {
    return (await t.data()) as Float32Array;
  } finally {
    t.dispose();
  }
}

export async function evaluate(mlp: Mlp, x: Float32Array, y: Uint8Array, features: number, classes: number): Promise<{ loss: number; acc: number }> {
  const n = y.length;
  let lossSum = 0;
  let correct = 0;
  for (let start = 0; start < n; start += CHUNK) {
    const end = Math.min(n, start + CHUNK);
    const [l, c] = await readAndDispose(tf.tidy(() => {
      const xb = tf.tensor2d(x.subarray(start * features, end * features), [end - start, features]);
      const labels = tf.tensor1d(y.subarray(start, end), 'int32');
      const { logits } = forward(mlp, xb, { training: false });
      const loss = tf.mul(crossEntropy(logits, tf.oneHot(labels, classes) as tf.Tensor2D), end - start);
      const hits = tf.sum(tf.cast(tf.equal(tf.argMax(logits, 1), labels), 'float32'));
      return tf.stack([loss, hits]);
    }));
    lossSum += l!;
    correct += c!;
  }
  return { loss: lossSum / n, acc: correct / n };
}

/** Class probabilities for PREDICTION_COUNT test examples spread evenly over the test split. */
export async function predictSample(mlp: Mlp, data: Dataset): Promise<Prediction[]> {
  const n = data.testY.length;
  const count = Math.min(PREDICTION_COUNT, n);
  const picks = Array.from({ length: count }, (_, i) => Math.floor((i * n) / count));
  const probs = await readAndDispose(tf.tidy(() => {
    const xb = tf.tensor2d(rows(data.testX, data.features, picks), [count, data.features]);
    return tf.softmax(forward(mlp, xb, { training: false }).logits);
  }));
  return picks.map((p, i) => ({
    index: data.testIndex[p]!,
    label: data.testY[p]!,
    probs: Array.from(probs.subarray(i * data.classes, (i + 1) * data.classes)),
    ...(data.testPixels
      ? { pixels: btoa(String.fromCharCode(...data.testPixels.subarray(p * data.features, (p + 1) * data.features))) }
      : {}),
  }));
}
