import * as tf from '@tensorflow/tfjs';
import { installWasmMatMulOverride } from './electron/engine/wasm-matmul';
import { getPreset } from './electron/common/presets';
import { loadDataset } from './electron/engine/data/load';
import { train } from './electron/engine/train/train';
installWasmMatMulOverride();
await tf.setBackend(process.argv[3] ?? 'wasm');
const p = getPreset(process.argv[2] ?? 'seed-keras')!;
const cfg = structuredClone(p.config);
cfg.dataset = { kind: 'mnist', trainSize: 3000, testSize: 1000 };
cfg.training.epochs = Number(process.env.EP ?? 2); cfg.training.batchSize = Number(process.env.BS ?? 128); cfg.dataset = { kind: "mnist", trainSize: Number(process.env.N ?? 3000), testSize: 1000 };
const data = await loadDataset(cfg.dataset, cfg.training.seed);
const t = performance.now();
const out = await train(cfg, data, {
  onBatch: (r) => { if (r.step % 50 === 0) console.log(r.step, r.loss.toFixed(4), r.acc.toFixed(3), r.layers?.map((l) => `${l.gradNorm.toExponential(2)}/z${l.gradZeroFrac.toFixed(2)}/d${l.deltaNorm.toExponential(1)}/u${l.updateRatio.toExponential(1)}/s${l.saturatedFrac.toFixed(2)}/dead${l.deadFrac.toFixed(2)}`).join(' ')); },
  onEpoch: (e) => console.log(JSON.stringify(e)),
  onHistogram: (h) => { if (h.layer === 0) console.log('hist', h.step, h.zeros, h.total, h.counts.join(',')); },
});
console.log(out.type, JSON.stringify(out).slice(0, 300), (performance.now() - t) / 1000, tf.memory().numTensors);
