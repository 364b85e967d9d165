// The layer probe against an independent hand computation (float64 forward and backward written out below) on
// a tiny network, and inside a real run: the probe sees the step's batch with the weights before its update.
import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { ACTIVATION_HISTOGRAM, HISTOGRAM, type ProbeLayerStats } from '../../electron/common/records';
import { selectBackend } from '../../electron/engine/backends';
import { buildMlp, type Mlp } from '../../electron/engine/model/mlp';
import { mulberry32 } from '../../electron/engine/random';
import { layerProbe, percentiles, PERCENTILE_SAMPLE } from '../../electron/engine/train/layer-probe';
import { presetOn, trainCollect } from './helpers';

beforeAll(async () => {
  await selectBackend('wasm');
});

type Act = 'tanh' | 'sigmoid';
const act = (k: Act, u: number) => (k === 'tanh' ? Math.tanh(u) : 1 / (1 + Math.exp(-u)));
const dact = (k: Act, h: number) => (k === 'tanh' ? 1 - h * h : h * (1 - h));

/** A tiny net with random biases (so percentiles and means are not trivial) and its weights as float64 arrays. */
function tinyNet(kind: Act, seed: number): { mlp: Mlp; W: number[][]; b: number[][]; dims: number[] } {
  const mlp = buildMlp({ depth: 2, width: 4, widths: [5, 4], activation: kind, initializer: { kind: 'randomNormal', mean: 0, std: 1.2 }, batchNorm: false, residual: false }, 6, 3, seed);
  const rand = mulberry32(seed + 1);
  for (const l of mlp.layers) l.bias.assign(tf.tensor1d(Array.from({ length: l.info.units }, () => rand() - 0.5)));
  return {
    mlp,
    W: mlp.layers.map((l) => Array.from(l.kernel.dataSync())),
    b: mlp.layers.map((l) => Array.from(l.bias.dataSync())),
    dims: [6, 5, 4, 3],
  };
}

/** Forward and backward in float64, straight from the definitions. */
function byHand(kind: Act, W: number[][], b: number[][], dims: number[], x: number[], y: number[]) {
  const n = y.length;
  const L = W.length;
  const hs: number[][] = [];
  let a = x;
  for (let l = 0; l < L; l++) {
    const [fi, fo] = [dims[l]!, dims[l + 1]!];
    const z = new Array<number>(n * fo).fill(0);
    for (let r = 0; r < n; r++) for (let j = 0; j < fo; j++) {
      let s = b[l]![j]!;
      for (let i = 0; i < fi; i++) s += a[r * fi + i]! * W[l]![i * fo + j]!;
      z[r * fo + j] = s;
    }
    hs.push(l === L - 1 ? z : z.map((v) => act(kind, v)));
    a = hs[l]!;
  }
  const logits = hs[L - 1]!;
  const C = dims[L]!;
  let loss = 0;
  const delta: number[][] = new Array(L);
  delta[L - 1] = new Array<number>(n * C);
  for (let r = 0; r < n; r++) {
    const row = logits.slice(r * C, (r + 1) * C);
    const m = Math.max(...row);
    const e = row.map((v) => Math.exp(v - m));
    const s = e.reduce((p, q) => p + q, 0);
    loss -= Math.log(e[y[r]!]! / s) / n;
    for (let j = 0; j < C; j++) delta[L - 1]![r * C + j] = (e[j]! / s - (j === y[r] ? 1 : 0)) / n;
  }
  const dh: number[][] = new Array(L);
  dh[L - 1] = delta[L - 1]!;
  const back: number[][] = new Array(L - 1);
  for (let l = L - 2; l >= 0; l--) {
    const [fo, fn] = [dims[l + 1]!, dims[l + 2]!];
    back[l] = new Array<number>(n * fo).fill(0);
    for (let r = 0; r < n; r++) for (let i = 0; i < fo; i++) for (let j = 0; j < fn; j++) back[l]![r * fo + i] += delta[l + 1]![r * fn + j]! * W[l + 1]![i * fn + j]!;
    dh[l] = back[l]!;
    delta[l] = back[l]!.map((g, k) => g * dact(kind, hs[l]![k]!));
  }
  const dW = W.map((w, l) => {
    const [fi, fo] = [dims[l]!, dims[l + 1]!];
    const input = l === 0 ? x : hs[l - 1]!;
    const g = new Array<number>(fi * fo).fill(0);
    for (let r = 0; r < n; r++) for (let i = 0; i < fi; i++) for (let j = 0; j < fo; j++) g[i * fo + j] += input[r * fi + i]! * delta[l]![r * fo + j]!;
    return g;
  });
  const db = delta.map((d, l) => Array.from({ length: dims[l + 1]! }, (_, j) => d.reduce((s, v, k) => (k % dims[l + 1]! === j ? s + v : s), 0)));
  return { loss, hs, delta, dh, dW, db, back };
}

const norm = (v: number[]) => Math.sqrt(v.reduce((s, x) => s + x * x, 0));
const std = (v: number[]) => {
  const m = v.reduce((s, x) => s + x, 0) / v.length;
  return Math.sqrt(v.reduce((s, x) => s + (x - m) ** 2, 0) / v.length);
};
const quantile = (v: number[], q: number) => {
  const s = [...v].sort((p, r) => p - r);
  const pos = q * (s.length - 1);
  const lo = Math.floor(pos);
  return s[lo]! + (pos - lo) * (s[Math.min(lo + 1, s.length - 1)]! - s[lo]!);
};
const close = (got: number | null, want: number, what: string) => {
  expect(got, what).not.toBeNull();
  expect(Math.abs(got! - want), `${what}: ${got} vs ${want}`).toBeLessThanOrEqual(1e-4 * Math.max(1, Math.abs(want)));
};

describe('layer probe', () => {
  it.each<[Act, number]>([
    ['tanh', 3],
    ['sigmoid', 11],
  ])('agrees with a hand computation on a tiny %s network', (kind, seed) => {
    const { mlp, W, b, dims } = tinyNet(kind, seed);
    const rand = mulberry32(seed + 2);
    const n = 9;
    const x = Array.from({ length: n * 6 }, () => (rand() - 0.5) * 4);
    const y = Array.from({ length: n }, () => Math.floor(rand() * 3));
    const lr = 0.05;
    const before = tf.memory().numTensors;
    const probe = layerProbe(mlp, { x: Float32Array.from(x), y: Int32Array.from(y), features: 6, classes: 3 }, lr, 4);
    expect(tf.memory().numTensors).toBe(before);
    const hand = byHand(kind, W, b, dims, x, y);
    expect(probe).toMatchObject({ type: 'layer-probe', step: 4, learningRate: lr });
    close(probe.loss, hand.loss, 'loss');
    expect(probe.layers).toHaveLength(3);
    probe.layers.forEach((s: ProbeLayerStats, l) => {
      const h = hand.hs[l]!;
      close(s.actMean, h.reduce((p, q) => p + q, 0) / h.length, `actMean ${l}`);
      close(s.actStd, std(h), `actStd ${l}`);
      close(s.actGradStd, std(hand.dh[l]!), `actGradStd ${l}`);
      close(s.weightStd, std(W[l]!), `weightStd ${l}`);
      close(s.weightGradStd, std(hand.dW[l]!), `weightGradStd ${l}`);
      close(s.gradToData, std(hand.dW[l]!) / std(W[l]!), `gradToData ${l}`);
      close(s.updateToDataStd, Math.log10((lr * std(hand.dW[l]!)) / std(W[l]!)), `updateToDataStd ${l}`);
      close(s.updateToDataNorm, Math.log10((lr * norm(hand.dW[l]!)) / norm(W[l]!)), `updateToDataNorm ${l}`);
      close(s.deltaNorm, norm(hand.delta[l]!), `deltaNorm ${l}`);
      close(s.biasGradNorm, norm(hand.db[l]!), `biasGradNorm ${l}`);
      expect(s.total).toBe(h.length);
      expect(s.actCounts).toHaveLength(ACTIVATION_HISTOGRAM.bins);
      expect(s.actCounts.reduce((p, q) => p + q, 0)).toBe(h.length);
      expect(s.actGradCounts).toHaveLength(HISTOGRAM.bins);
      expect(s.actGradCounts.reduce((p, q) => p + q, 0) + s.actGradZeros).toBe(h.length);
      if (l < 2) {
        // The pre-activation of a hidden layer is σ⁻¹(h); its percentiles by the same interpolation as numpy.
        const u = h.map((v) => (kind === 'tanh' ? Math.atanh(v) : Math.log(v / (1 - v))));
        close(s.preP15, quantile(u, 0.15), `preP15 ${l}`);
        close(s.preP50, quantile(u, 0.5), `preP50 ${l}`);
        close(s.preP85, quantile(u, 0.85), `preP85 ${l}`);
        const sat = h.filter((v) => Math.abs(kind === 'tanh' ? v : 2 * v - 1) > 0.97).length / h.length;
        close(s.saturatedFrac, sat, `saturatedFrac ${l}`);
        close(s.ledgerRatio, Math.log10(norm(hand.delta[l]!) / norm(hand.delta[l + 1]!)), `ledgerRatio ${l}`);
        const meanAbsDs = h.reduce((p, v) => p + Math.abs(dact(kind, v)), 0) / h.length;
        close(s.ledgerActivation, Math.log10(meanAbsDs), `ledgerActivation ${l}`);
        close(s.ledgerWeights, Math.log10(norm(hand.back[l]!) / norm(hand.delta[l + 1]!)), `ledgerWeights ${l}`);
      } else {
        expect([s.saturatedFrac, s.ledgerRatio, s.ledgerActivation, s.ledgerWeights]).toEqual([null, null, null, null]);
      }
    });
    mlp.dispose();
  });

  it('runs inside training on the step\'s batch with the weights before its update, every N statistics steps', async () => {
    const config = presetOn('seed-keras', { trainSize: 640, testSize: 100, epochs: 1, batchSize: 64, statsEvery: 2 });
    const probes: { step: number; loss: number }[] = [];
    const { batches } = await trainCollect({ ...config, training: { ...config.training, probeEvery: 2 } }, { onProbe: (p) => probes.push(p) });
    // statsEvery 2 × probeEvery 2: steps 0, 4, 8 of the 10.
    expect(probes.map((p) => p.step)).toEqual([0, 4, 8]);
    for (const p of probes) {
      const batch = batches.find((r) => r.step === p.step)!;
      expect(Math.abs(p.loss - batch.loss)).toBeLessThan(1e-4);
    }
  });

  it('takes percentiles exactly up to its sample size and from an even sample beyond', () => {
    expect(percentiles(Float32Array.from([4, 1, 3, 2, 5]), [0.15, 0.5, 0.85])).toEqual([1.6, 3, 4.4].map((v) => expect.closeTo(v, 6)));
    const n = 3 * PERCENTILE_SAMPLE + 7;
    const big = Float32Array.from({ length: n }, (_, i) => ((i * 7919) % n) / n);
    const [p15, p50, p85] = percentiles(big, [0.15, 0.5, 0.85]);
    expect(Math.abs(p15! - 0.15)).toBeLessThan(1e-3);
    expect(Math.abs(p50! - 0.5)).toBeLessThan(1e-3);
    expect(Math.abs(p85! - 0.85)).toBeLessThan(1e-3);
  });

  it('is off with probeEvery 0', async () => {
    const config = presetOn('seed-keras', { trainSize: 256, testSize: 100, epochs: 1, batchSize: 64 });
    const probes: unknown[] = [];
    await trainCollect({ ...config, training: { ...config.training, probeEvery: 0 } }, { onProbe: (p) => probes.push(p) });
    expect(probes).toEqual([]);
  });
});
