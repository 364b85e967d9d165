// One epoch per backend rung (run: npx tsx bench/rung-epoch.ts --backend webgpu [--model seed-keras|sigmoid-10x1024]
// [--train-size N]). Trains the model on MNIST from the given rung of the ladder (no fallback: a rung that does not
// work here is reported as not available, with its reason) and prints one line: rung, model, step engine, epoch
// seconds, test accuracy, and as JSON for scripts (bench/gpu-check.sh). With --train-size below 60 000 the epoch
// seconds are also scaled to a full epoch and labelled as such.
import { parseArgs } from 'node:util';
import { BACKEND_LADDER, type BackendName } from '../electron/common/app-info';
import { ExperimentConfigSchema } from '../electron/common/config';
import { getPreset } from '../electron/common/presets';
import { selectBackend } from '../electron/engine/backends';
import { loadDataset } from '../electron/engine/data/load';
import { train } from '../electron/engine/train/train';

const { values: args } = parseArgs({
  options: {
    backend: { type: 'string', default: 'wasm' },
    model: { type: 'string', default: 'seed-keras' },
    'train-size': { type: 'string', default: '60000' },
  },
});
const backend = args.backend as BackendName;
if (!BACKEND_LADDER.includes(backend)) throw new Error(`--backend must be one of ${BACKEND_LADDER.join(', ')}`);
const trainSize = Number(args['train-size']);

const base = args.model === 'sigmoid-10x1024' ? getPreset('deep-sigmoid')! : getPreset('seed-keras')!;
const model = args.model === 'sigmoid-10x1024' ? { ...base.config.model, depth: 10, width: 1024 } : base.config.model;
const config = ExperimentConfigSchema.parse({
  ...base.config,
  model,
  dataset: { kind: 'mnist', trainSize, testSize: 10000 },
  training: { ...base.config.training, epochs: 1, batchSize: 128, statsEvery: 10, histogramEvery: 0 },
});

const choice = await selectBackend(backend).catch((e: Error) => ({ backend: undefined, skipped: [{ name: backend, reason: e.message }] }));
if (choice.backend !== backend) {
  const reason = choice.skipped.find((s) => s.name === backend)?.reason ?? 'not available';
  console.log(`${backend.padEnd(15)} ${String(args.model).padEnd(16)} not available: ${reason}`);
  console.log(JSON.stringify({ rung: backend, model: args.model, available: false, reason }));
  process.exit(0);
}
const data = await loadDataset(config.dataset, config.training.seed);
let engine = '';
let epochSeconds = NaN;
const outcome = await train(config, data, { onStart: (i) => (engine = i.engine), onEpoch: (e) => (epochSeconds = e.seconds) });
const acc = outcome.type === 'done' ? outcome.final.testAcc : NaN;
const full = (epochSeconds * 60000) / trainSize;
const scaled = trainSize < 60000 ? ` (${full.toFixed(1)} s per full epoch, scaled from ${trainSize} examples)` : '';
console.log(`${backend.padEnd(15)} ${String(args.model).padEnd(16)} ${engine.padEnd(9)} ${epochSeconds.toFixed(1)} s${scaled}  test acc ${(acc * 100).toFixed(2)}%`);
console.log(JSON.stringify({ rung: backend, model: args.model, available: true, engine, trainSize, epochSeconds, fullEpochSeconds: full, testAcc: acc }));
process.exit(0);
