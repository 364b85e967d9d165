// train(config, data, callbacks, signal): the whole run as a plain function. Seeded shuffles, per-batch loss and
// accuracy, per-layer statistics every statsEvery batches, histograms every histogramEvery batches, an epoch
// record with test metrics, and one outcome: done, stopped (AbortSignal, honoured between batches) or diverged
// (first non-finite loss or gradient). Errors are thrown; the trainer process turns them into 'failed'.
import { PROBE_EVERY_DEFAULT, type ExperimentConfig } from '../../common/config';
import type { BatchRecord, EpochRecord, FinalMetrics, HistogramRecord, LayerInfo, LayerProbeRecord, Prediction } from '../../common/records';
import type { Dataset } from '../data/dataset';
import { buildMlp, type Mlp } from '../model/mlp';
import { deriveSeed, mulberry32, shuffleInPlace } from '../random';
import { evaluate, predictSample, rows } from './evaluate';
import { chooseEngine } from './choose-engine';
import { divergenceWatch } from './divergence';
import type { EngineId } from './engine';
import { layerProbe } from './layer-probe';
import { sampledGradientCheck, snapshotWeights, type LayerWeights64 } from './gradient-check';
import { histogram } from './statistics';

export interface TrainStartInfo {
  layers: LayerInfo[];
  trainSize: number;
  testSize: number;
  stepsPerEpoch: number;
  totalSteps: number;
  /** The step engine that trains this run (stable ids: 'kernels', 'tfjs-ops', 'tape'; see choose-engine.ts). */
  engine: EngineId;
}

export interface TrainCallbacks {
  onStart?(info: TrainStartInfo): void;
  onBatch?(record: BatchRecord): void;
  onEpoch?(record: EpochRecord): void;
  onHistogram?(record: HistogramRecord): void;
  onProbe?(record: LayerProbeRecord): void;
}

export type TrainOutcome =
  | { type: 'done'; final: FinalMetrics; predictions: Prediction[]; seconds: number }
  | { type: 'stopped'; step: number; final?: FinalMetrics; predictions: Prediction[]; seconds: number }
  | { type: 'diverged'; step: number; what: 'loss' | 'gradient'; layer?: number; message: string };

/** Let queued messages (a 'stop' from the parent) run between batches. */
const yieldToEventLoop = () => new Promise<void>((resolve) => setImmediate(resolve));

export async function train(config: ExperimentConfig, data: Dataset, callbacks: TrainCallbacks = {}, signal?: AbortSignal): Promise<TrainOutcome> {
  const { epochs, batchSize, seed, statsEvery, histogramEvery, probeEvery = PROBE_EVERY_DEFAULT } = config.training;
  const trainSize = data.trainY.length;
  const stepsPerEpoch = Math.ceil(trainSize / batchSize);
  const mlp = buildMlp(config.model, data.features, data.classes, seed);
  const engine = chooseEngine(mlp, config, batchSize);
  const t0 = performance.now();
  const seconds = () => (performance.now() - t0) / 1000;
  // One batch buffer for the whole run (every step copies it into tensors or kernel memory before returning).
  const batchX = new Float32Array(batchSize * data.features);
  callbacks.onStart?.({
    layers: mlp.layers.map((l) => l.info),
    trainSize,
    testSize: data.testY.length,
    stepsPerEpoch,
    totalSteps: stepsPerEpoch * epochs,
    engine: engine.id,
  });
  // Test metrics from the model's variables, which hold the engine's weights once synced (see engine.ts);
  // predictions are always taken after this.
  const testMetrics = () => {
    engine.syncVariables();
    return evaluate(mlp, data.testX, data.testY, data.features, data.classes);
  };
  const finalMetrics = async (trainLoss: number, trainAcc: number): Promise<FinalMetrics> => {
    const test = await testMetrics();
    return { trainLoss, trainAcc, testLoss: test.loss, testAcc: test.acc };
  };
  try {
    let step = 0;
    let last = { loss: NaN, acc: NaN };
    const diverging = divergenceWatch(data.classes);
    for (let epoch = 0; epoch < epochs; epoch++) {
      const order = shuffleInPlace(Int32Array.from({ length: trainSize }, (_, i) => i), mulberry32(deriveSeed(seed, 1000 + epoch)));
      const epochStart = performance.now();
      let lossSum = 0;
      let accSum = 0;
      let seen = 0;
      for (let batch = 0; batch < stepsPerEpoch; batch++, step++) {
        if (signal?.aborted) {
          const running = seen > 0 ? { loss: lossSum / seen, acc: accSum / seen } : last;
          return { type: 'stopped', step, final: await finalMetrics(running.loss, running.acc), predictions: await predictSample(mlp, data), seconds: seconds() };
        }
        const idx = order.subarray(batch * batchSize, Math.min(trainSize, (batch + 1) * batchSize));
        const withStats = step % statsEvery === 0;
        const withHistogram = histogramEvery > 0 && step % histogramEvery === 0;
        const stepBatch = { x: rows(data.trainX, data.features, idx, batchX), y: Int32Array.from(idx, (i) => data.trainY[i]!), features: data.features, classes: data.classes };
        let probe: LayerProbeRecord | undefined;
        let weightsBefore: LayerWeights64[] | undefined;
        if (withStats && probeEvery > 0 && (step / statsEvery) % probeEvery === 0) {
          // The probe reads the model's variables: bring the engine's weights there first (before this update).
          engine.syncVariables();
          probe = layerProbe(mlp, stepBatch, config.optimizer.learningRate, step);
          if (step === 0) weightsBefore = snapshotWeights(mlp);
        }
        // At step 0 the engine's own kernel gradients are checked against a float64 central difference.
        const result = await engine.step({ ...stepBatch, withStats, withHistogram: withHistogram || weightsBefore !== undefined });
        if (probe && weightsBefore && result.kernelGrads) probe.gradientCheck = sampledGradientCheck(weightsBefore, result.kernelGrads, stepBatch, seed);
        if (probe) callbacks.onProbe?.(probe);
        const { loss, acc } = result;
        const divergedWhy = diverging(loss);
        if (divergedWhy) {
          return { type: 'diverged', step, what: 'loss', message: `${divergedWhy} at step ${step} (epoch ${epoch + 1}, batch ${batch + 1})` };
        }
        if (result.nonFiniteLayer >= 0) {
          const l = result.nonFiniteLayer;
          const name = mlp.layers[l]!.info.name;
          return { type: 'diverged', step, what: 'gradient', layer: l, message: `a gradient of layer ${name} became non-finite at step ${step} (epoch ${epoch + 1}, batch ${batch + 1})` };
        }
        const record: BatchRecord = { type: 'batch', step, epoch, batch, loss, acc };
        if (result.layers) record.layers = result.layers;
        callbacks.onBatch?.(record);
        if (result.kernelGrads && withHistogram) emitHistograms(mlp, result.kernelGrads, step, callbacks);
        lossSum += loss * idx.length;
        accSum += acc * idx.length;
        seen += idx.length;
        await yieldToEventLoop();
      }
      const epochSeconds = (performance.now() - epochStart) / 1000;
      last = { loss: lossSum / seen, acc: accSum / seen };
      const test = await testMetrics();
      callbacks.onEpoch?.({
        type: 'epoch',
        epoch,
        trainLoss: last.loss,
        trainAcc: last.acc,
        testLoss: test.loss,
        testAcc: test.acc,
        seconds: epochSeconds,
        samplesPerSec: seen / epochSeconds,
      });
      if (epoch === epochs - 1) {
        return { type: 'done', final: { trainLoss: last.loss, trainAcc: last.acc, testLoss: test.loss, testAcc: test.acc }, predictions: await predictSample(mlp, data), seconds: seconds() };
      }
    }
    throw new Error('unreachable: a run has at least one epoch');
  } finally {
    engine.dispose();
    mlp.dispose();
  }
}

function emitHistograms(mlp: Mlp, kernelGrads: Float32Array[], step: number, callbacks: TrainCallbacks): void {
  mlp.layers.forEach((l, i) => callbacks.onHistogram?.({ type: 'histogram', step, layer: l.info.index, ...histogram(kernelGrads[i]!) }));
}
