// trainRecurrent(config, data, callbacks, signal): a recurrent run as train.ts runs an MLP — seeded shuffles,
// per-batch loss and accuracy, statistics every statsEvery batches (with ‖∂E/∂h_t‖ for every time step and the
// gates' saturation), ‖g‖ of every step (and, with clipping, what was applied and whether it was clipped), an
// epoch record with test metrics, and one outcome: done, stopped or diverged. Gradients
// are clipped, when the optimizer asks for it, after the statistics have seen them.
import type { ExperimentConfig } from '../../common/config';
import type { BatchRecord, FinalMetrics, Prediction } from '../../common/records';
import { deriveSeed, mulberry32, shuffleInPlace } from '../random';
import { clipArrays, type ClipOutcome } from '../train/clip';
import { CpuOptimizer } from '../train/cpu-optimizer';
import { divergenceWatch } from '../train/divergence';
import type { ParamSums } from '../train/statistics';
import type { TrainCallbacks, TrainOutcome } from '../train/train';
import { RecurrentNet } from './network';
import { readOut } from './read-out';
import type { SequenceData } from './sequence-data';
import { recurrentLayerStats, timeStatsOf } from './time-stats';

const yieldToEventLoop = () => new Promise<void>((resolve) => setImmediate(resolve));
/** Test digits whose predictions a finished row-by-row MNIST run keeps. */
const PREDICTIONS = 16;

export function buildNet(config: ExperimentConfig, data: SequenceData): RecurrentNet {
  const r = config.recurrent;
  if (!r) throw new Error('trainRecurrent needs a config with a recurrent model');
  const shape = { cell: r.cell, steps: data.steps, inputs: data.inputs, hidden: r.hidden, outputs: data.outputs, batch: config.training.batchSize, forgetBias: r.forgetBias, ...(r.recurrentRadius !== undefined ? { recurrentRadius: r.recurrentRadius } : {}) };
  return new RecurrentNet(shape, deriveSeed(config.training.seed, 1));
}

/**
 * Clip the gradients in place by clip.ts's one definition; returns the factor a norm clip scaled them by (1 when
 * none did) and what the step record reports of it.
 */
export function clipGradients(grads: Float32Array[], clip: ExperimentConfig['optimizer']['clip'], sumSq: number): { scale: number; clip?: ClipOutcome } {
  if (!clip) return { scale: 1 };
  const outcome = clipArrays(grads, clip);
  const scale = clip.kind === 'norm' && outcome.clipped ? clip.threshold / Math.sqrt(sumSq) : 1;
  return { scale, clip: outcome };
}

/** Mean loss and accuracy over a split, in batches of the network's size. */
export function evaluateSplit(net: RecurrentNet, data: SequenceData, x: Float32Array, y: Float32Array): { loss: number; acc: number } {
  let lossSum = 0;
  let correct = 0;
  const B = net.shape.batch;
  for (let start = 0; start < y.length; start += B) {
    const rows = Int32Array.from({ length: Math.min(B, y.length - start) }, (_, i) => start + i);
    net.load(x, rows);
    const r = readOut(data.task, net.forward(), data.outputs, y, rows);
    lossSum += r.lossSum;
    correct += r.correct;
  }
  return { loss: lossSum / y.length, acc: correct / y.length };
}

function predictions(net: RecurrentNet, data: SequenceData): Prediction[] {
  if (data.task !== 'classify') return [];
  const rows = Int32Array.from({ length: Math.min(PREDICTIONS, data.testY.length, net.shape.batch) }, (_, i) => i);
  net.load(data.testX, rows);
  const logits = net.forward();
  const O = data.outputs;
  const features = data.steps * data.inputs;
  return Array.from(rows, (row) => {
    const z = Array.from(logits.subarray(row * O, (row + 1) * O));
    const max = Math.max(...z);
    const e = z.map((v) => Math.exp(v - max));
    const sum = e.reduce((s, v) => s + v, 0);
    const pixels = Uint8Array.from(data.testX.subarray(row * features, (row + 1) * features), (v) => Math.round(v * 255));
    return { index: row, label: data.testY[row]!, probs: e.map((v) => v / sum), pixels: Buffer.from(pixels).toString('base64') };
  });
}

export async function trainRecurrent(config: ExperimentConfig, data: SequenceData, callbacks: TrainCallbacks = {}, signal?: AbortSignal): Promise<TrainOutcome> {
  const { epochs, batchSize, seed, statsEvery } = config.training;
  const cell = config.recurrent!.cell;
  const trainSize = data.trainY.length;
  const stepsPerEpoch = Math.ceil(trainSize / batchSize);
  const net = buildNet(config, data);
  const params = net.paramList();
  const optimizer = new CpuOptimizer(config.optimizer, params.map((p) => p.w.length));
  const t0 = performance.now();
  const seconds = () => (performance.now() - t0) / 1000;
  callbacks.onStart?.({
    layers: [
      { index: 0, name: cell, units: net.shape.hidden, fanIn: data.inputs + net.shape.hidden, activation: cell, output: false },
      { index: 1, name: 'output', units: data.outputs, fanIn: net.shape.hidden, activation: data.task === 'classify' ? 'softmax' : 'linear', output: true },
    ],
    trainSize,
    testSize: data.testY.length,
    stepsPerEpoch,
    totalSteps: stepsPerEpoch * epochs,
    engine: 'bptt',
  });
  const finalMetrics = (trainLoss: number, trainAcc: number): FinalMetrics => {
    const test = evaluateSplit(net, data, data.testX, data.testY);
    return { trainLoss, trainAcc, testLoss: test.loss, testAcc: test.acc };
  };
  const diverging = divergenceWatch(data.outputs);
  let step = 0;
  let last = { loss: NaN, acc: NaN };
  for (let epoch = 0; epoch < epochs; epoch++) {
    const order = shuffleInPlace(Int32Array.from({ length: trainSize }, (_, i) => i), mulberry32(deriveSeed(seed, 1000 + epoch)));
    const epochStart = performance.now();
    let lossSum = 0;
    let accSum = 0;
    let seen = 0;
    for (let batch = 0; batch < stepsPerEpoch; batch++, step++) {
      if (signal?.aborted) {
        const running = seen > 0 ? { loss: lossSum / seen, acc: accSum / seen } : last;
        return { type: 'stopped', step, final: finalMetrics(running.loss, running.acc), predictions: predictions(net, data), seconds: seconds() };
      }
      const idx = order.subarray(batch * batchSize, Math.min(trainSize, (batch + 1) * batchSize));
      net.load(data.trainX, idx);
      const out = readOut(data.task, net.forward(), data.outputs, data.trainY, idx, net.m.dLogits.a);
      const loss = out.lossSum / idx.length;
      const acc = out.correct / idx.length;
      const divergedWhy = diverging(loss);
      if (divergedWhy) return { type: 'diverged', step, what: 'loss', message: `${divergedWhy} at step ${step} (epoch ${epoch + 1}, batch ${batch + 1})` };
      net.backward();
      const grads = params.map((p) => p.g);
      let gradSq = 0;
      for (const g of grads) for (let i = 0; i < g.length; i++) gradSq += g[i]! * g[i]!;
      if (!Number.isFinite(gradSq)) {
        return { type: 'diverged', step, what: 'gradient', layer: 0, message: `a gradient of layer ${cell} became non-finite at step ${step} (epoch ${epoch + 1}, batch ${batch + 1})` };
      }
      const withStats = step % statsEvery === 0;
      const deltaSq = withStats ? { recurrent: sumSqRows(net), readOut: sumSqOf(net.m.dLogits.a.subarray(0, idx.length * data.outputs)) } : undefined;
      const { scale, clip } = clipGradients(grads, config.optimizer.clip, gradSq);
      const sums = optimizer.apply(params.map((p) => p.w), grads);
      const record: BatchRecord = { type: 'batch', step, epoch, batch, loss, acc, gradNorm: Math.sqrt(gradSq) };
      if (clip) {
        record.clippedGradNorm = clip.normAfter;
        record.clipped = clip.clipped;
      }
      if (deltaSq) {
        record.layers = recurrentLayerStats(net, sums.map((s) => unscale(s, scale)), deltaSq);
        record.time = timeStatsOf(net);
      }
      callbacks.onBatch?.(record);
      lossSum += loss * idx.length;
      accSum += acc * idx.length;
      seen += idx.length;
      await yieldToEventLoop();
    }
    const epochSeconds = (performance.now() - epochStart) / 1000;
    last = { loss: lossSum / seen, acc: accSum / seen };
    const test = evaluateSplit(net, data, data.testX, data.testY);
    callbacks.onEpoch?.({ type: 'epoch', epoch, trainLoss: last.loss, trainAcc: last.acc, testLoss: test.loss, testAcc: test.acc, seconds: epochSeconds, samplesPerSec: seen / epochSeconds });
    if (epoch === epochs - 1) {
      return { type: 'done', final: { trainLoss: last.loss, trainAcc: last.acc, testLoss: test.loss, testAcc: test.acc }, predictions: predictions(net, data), seconds: seconds() };
    }
  }
  throw new Error('unreachable: a run has at least one epoch');
}

/** The gradient sums as computed, before a norm clip scaled the gradient by `scale`. */
function unscale(s: ParamSums, scale: number): ParamSums {
  return scale === 1 ? s : { ...s, sumSq: s.sumSq / (scale * scale), sumAbs: s.sumAbs / scale, maxAbs: s.maxAbs / scale };
}

function sumSqOf(a: Float32Array): number {
  let s = 0;
  for (let i = 0; i < a.length; i++) s += a[i]! * a[i]!;
  return s;
}

/** Σ of ∂E/∂(pre-activation)² over every step's rows. */
function sumSqRows(net: RecurrentNet): number {
  const { steps: T, batch: B } = net.shape;
  let s = 0;
  for (let t = 0; t < T; t++) s += sumSqOf(net.m.dA.a.subarray(t * B * net.gh, (t * B + net.n) * net.gh));
  return s;
}
