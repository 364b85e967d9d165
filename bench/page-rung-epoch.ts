// The desktop app's WebGPU rung (the hidden trainer window's page) timed outside Electron: the built trainer
// page in headless Chromium trains one epoch on N MNIST examples through the trainer protocol, and the wasm
// rung trains the same config in this process as the peer of the same run. Here Chromium's adapter is
// SwiftShader, a software adapter: the figures say what the page costs on a CPU, not what a GPU gives.
//   npx tsx bench/page-rung-epoch.ts [--model seed-keras|sigmoid-10x1024] [--train-size 1280]   (npm run build first)
import { parseArgs } from 'node:util';
import { ExperimentConfigSchema } from '../electron/common/config';
import { getPreset } from '../electron/common/presets';
import type { EpochRecord } from '../electron/common/records';
import type { FromTrainer, StartedMessage } from '../electron/common/trainer-protocol';
import { selectBackend } from '../electron/engine/backends';
import { loadDataset } from '../electron/engine/data/load';
import { train } from '../electron/engine/train/train';
import { openTrainerPage, WEBGPU_ARGS } from '../test/e2e/trainer-page-harness';

const { values: args } = parseArgs({ options: { model: { type: 'string', default: 'seed-keras' }, 'train-size': { type: 'string', default: '1280' } } });
const trainSize = Number(args['train-size']);
/** A benchmark stays short: a page that has not finished by then is reported as such. */
const LIMIT_MS = 180_000;
const base = args.model === 'sigmoid-10x1024' ? getPreset('deep-sigmoid')! : getPreset('seed-keras')!;
const config = ExperimentConfigSchema.parse({
  ...base.config,
  model: args.model === 'sigmoid-10x1024' ? { ...base.config.model, depth: 10, width: 1024 } : base.config.model,
  dataset: { kind: 'mnist', trainSize, testSize: 1000 },
  training: { ...base.config.training, epochs: 1, batchSize: 128, statsEvery: 10, histogramEvery: 0 },
});

const tp = await openTrainerPage(WEBGPU_ARGS);
let page: { adapter: string; engine: string; seconds: number; testAcc: number } | string;
try {
  await tp.waitFor((m): m is FromTrainer => m.type === 'ready', 30_000);
  await tp.send({ type: 'probe' });
  await tp.waitFor((m): m is Extract<FromTrainer, { type: 'probe-result' }> => m.type === 'probe-result', 120_000);
  const adapter = tp.received.find((m): m is Extract<FromTrainer, { type: 'log' }> => m.type === 'log' && m.message.startsWith('WebGPU adapter'))?.message ?? 'no adapter';
  await tp.start(config);
  const started = await tp.waitFor((m): m is StartedMessage => m.type === 'started', 120_000);
  const end = await tp
    .waitFor((m): m is Extract<FromTrainer, { type: 'done' | 'failed' }> => m.type === 'done' || m.type === 'failed', LIMIT_MS)
    .catch(() => undefined);
  const epoch = tp.received.find((m): m is EpochRecord => m.type === 'epoch');
  const steps = tp.received.filter((m) => m.type === 'batch').length;
  if (!end) page = `did not finish the epoch within ${LIMIT_MS / 1000} s (${steps} of ${started.totalSteps} steps done)`;
  else page = end.type === 'done' && epoch ? { adapter, engine: started.engine, seconds: epoch.seconds, testAcc: epoch.testAcc } : `the page's run ended ${end.type}`;
} finally {
  await tp.close();
}

await selectBackend('wasm');
const data = await loadDataset(config.dataset, config.training.seed);
let wasm = { engine: '', seconds: NaN, testAcc: NaN };
await train(config, data, { onStart: (i) => (wasm.engine = i.engine), onEpoch: (e) => (wasm = { ...wasm, seconds: e.seconds, testAcc: e.testAcc }) });

console.log(`model ${args.model}, ${trainSize} MNIST examples, batch 128, one epoch (shader compilation included on WebGPU)`);
if (typeof page === 'string') console.log(`webgpu page     ${page}`);
else console.log(`webgpu page     ${page.engine.padEnd(8)} ${page.seconds.toFixed(1)} s  test acc ${(page.testAcc * 100).toFixed(1)}%  [software adapter: ${page.adapter}]`);
console.log(`wasm (peer)     ${wasm.engine.padEnd(8)} ${wasm.seconds.toFixed(2)} s  test acc ${(wasm.testAcc * 100).toFixed(1)}%`);
if (typeof page !== 'string') console.log(`ratio page / wasm: ${(page.seconds / wasm.seconds).toFixed(0)}× (a software adapter: for correctness, not speed)`);
console.log(JSON.stringify({ model: args.model, trainSize, page, wasm }));
process.exit(0);
