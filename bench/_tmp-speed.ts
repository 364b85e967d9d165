import { ExperimentConfigSchema } from '/work/wt/rnn/electron/common/config';
import { loadSequenceData } from '/work/wt/rnn/electron/engine/recurrent/sequence-data';
import { trainRecurrent } from '/work/wt/rnn/electron/engine/recurrent/train-recurrent';
const cell = process.argv[2] as 'rnn';
const config = ExperimentConfigSchema.parse({
  dataset: { kind: 'adding', length: 100, trainSize: 2000, testSize: 100 },
  model: { depth: 1, width: 128, activation: 'tanh', initializer: { kind: 'glorotUniform' }, batchNorm: false, residual: false },
  optimizer: { kind: 'adam', learningRate: 1e-3, clip: { kind: 'norm', threshold: 1 } },
  training: { epochs: 1, batchSize: 50, seed: 1, statsEvery: Number(process.argv[3] ?? 1000), histogramEvery: 0 },
  recurrent: { cell, hidden: 128 },
});
const data = await loadSequenceData(config);
const t0 = performance.now(); const c0 = process.cpuUsage();
let last = 0;
const out = await trainRecurrent(config, data, { onBatch: (b) => { last = b.loss; } });
console.log(cell, "cpu", ((process.cpuUsage(c0).user + process.cpuUsage(c0).system)/1e6).toFixed(2), 'steps 40', ((performance.now() - t0) / 1000).toFixed(2), 's', 'loss', last, out.type);
