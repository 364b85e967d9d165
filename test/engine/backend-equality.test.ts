// The wasm speed-up (transposed matMuls routed through an explicit transpose + the fast kernel) must not change
// the numbers: the same matrix products and the same training statistics as the reference cpu backend.
import * as tf from '@tensorflow/tfjs';
import { describe, expect, it } from 'vitest';
import type { BatchRecord } from '../../electron/common/records';
import { selectBackend } from '../../electron/engine/backends';
import { installWasmMatMulOverride } from '../../electron/engine/wasm-matmul';
import { configOf, trainCollect } from './helpers';

const close = (a: number, b: number) => Math.abs(a - b) <= 1e-4 * Math.max(1, Math.abs(a), Math.abs(b));

async function onBackend<T>(name: 'wasm' | 'cpu', f: () => Promise<T> | T): Promise<T> {
  const choice = await selectBackend(name);
  expect(choice.backend).toBe(name);
  return f();
}

describe('wasm vs cpu', () => {
  it('transposed matMuls and their gradients match the cpu backend within 1e-4', async () => {
    expect(installWasmMatMulOverride()).toBe(true); // importing the backends module installed it
    const products = () =>
      tf.tidy(() => {
        const a = tf.randomNormal([64, 300], 0, 1, 'float32', 1) as tf.Tensor2D;
        const b = tf.randomNormal([64, 50], 0, 1, 'float32', 2) as tf.Tensor2D;
        const w = tf.randomNormal([300, 50], 0, 1, 'float32', 3) as tf.Tensor2D;
        const grads = tf.grads((x: tf.Tensor, y: tf.Tensor) => tf.sum(tf.sigmoid(tf.matMul(x as tf.Tensor2D, y as tf.Tensor2D))))([a, w]);
        return [tf.matMul(a, b, true, false), tf.matMul(b, w, false, true), tf.matMul(w, a, true, true), ...grads].map((t) => Array.from(t.dataSync()));
      });
    const wasm = await onBackend('wasm', products);
    const cpu = await onBackend('cpu', products);
    wasm.forEach((values, i) => {
      expect(values).toHaveLength(cpu[i]!.length);
      values.forEach((v, j) => expect(close(v, cpu[i]![j]!), `product ${i} entry ${j}: ${v} vs ${cpu[i]![j]}`).toBe(true));
    });
  });

  it('a small training run gives the same loss and per-layer statistics on both backends', async () => {
    const config = configOf({
      dataset: { kind: 'mnist', trainSize: 256, testSize: 100 },
      model: { depth: 2, width: 32, activation: 'tanh', initializer: { kind: 'glorotUniform' }, batchNorm: false, residual: false },
      optimizer: { kind: 'sgd', learningRate: 0.1 },
      training: { epochs: 1, batchSize: 64, seed: 5, statsEvery: 1, histogramEvery: 0 },
    });
    const wasm = await onBackend('wasm', () => trainCollect(config));
    const cpu = await onBackend('cpu', () => trainCollect(config));
    expect(wasm.batches).toHaveLength(4);
    const flat = (b: BatchRecord) => [b.loss, b.acc, ...b.layers!.flatMap((l) => Object.values(l))];
    wasm.batches.forEach((b, i) => {
      const w = flat(b);
      const c = flat(cpu.batches[i]!);
      w.forEach((v, j) => expect(close(v, c[j]!), `step ${i} value ${j}: ${v} vs ${c[j]}`).toBe(true));
    });
  });
});
