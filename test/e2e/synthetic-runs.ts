// Synthetic saved runs shaped like real ones (a preset's model, per-step loss and accuracy, per-layer statistics
// every step where the sigmoid family vanishes as 0.25^k and the seed's first layer gets exactly 0, histograms,
// epochs), written straight into a SQLite file through the store, or as a bundle file imported with the CLI:
// what the screen tests and benchmarks open.
import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { BUNDLE_FORMAT, BUNDLE_VERSION, LAYER_STAT_FIELDS, type Bundle, type BundleRun } from '../../electron/common/bundle';
import { PRESETS } from '../../electron/common/presets';
import { HISTOGRAM, type LayerInfo } from '../../electron/common/records';
import { writeBundle } from '../../electron/store/bundles';
import { openStore } from '../../electron/store/store';
import { ROOT } from './harness';

/** A deterministic pseudo-random sequence, so every run of the benchmark draws the same data. */
function rng(seed: number): () => number {
  let s = seed >>> 0;
  return () => ((s = (s * 1664525 + 1013904223) >>> 0) / 2 ** 32);
}

export function syntheticRun(index: number, presetId: string, EPOCHS = 10, STEPS_PER_EPOCH = 469): BundleRun {
  const preset = PRESETS.find((p) => p.id === presetId)!;
  const hidden = preset.config.model.depth;
  const layers: LayerInfo[] = Array.from({ length: hidden + 1 }, (_, i) => ({
    index: i,
    name: `dense_${i + 1}`,
    units: i === hidden ? 10 : preset.config.model.width,
    fanIn: i === 0 ? 784 : preset.config.model.width,
    activation: i === hidden ? 'softmax' : preset.config.model.activation,
    output: i === hidden,
  }));
  // A batch size that makes an epoch exactly STEPS_PER_EPOCH batches within MNIST's 60 000 training digits.
  const presetBatch = preset.config.training.batchSize;
  const batchSize = Math.ceil(60_000 / presetBatch) >= STEPS_PER_EPOCH ? presetBatch : Math.floor(60_000 / STEPS_PER_EPOCH);
  const rand = rng(index + 1);
  const dead = presetId === 'seed-keras';
  const vanishing = preset.config.model.activation === 'sigmoid' && !preset.config.model.batchNorm && !preset.config.model.residual;
  const total = EPOCHS * STEPS_PER_EPOCH;
  const steps: BundleRun['steps'] = [];
  const layerStats: BundleRun['layerStats'] = [];
  const histograms: BundleRun['histograms'] = [];
  for (let step = 0; step < total; step++) {
    const progress = step / total;
    const loss = dead ? 2.3026 + rand() * 1e-3 : 2.3 * Math.exp(-6 * progress) + 0.08 + rand() * 0.05;
    steps.push([step, Math.floor(step / STEPS_PER_EPOCH), step % STEPS_PER_EPOCH, loss, Math.min(1, 1 - loss / 2.5 + rand() * 0.02)]);
    for (let l = 0; l < layers.length; l++) {
      const k = layers.length - 1 - l;
      const g = dead && l === 0 ? 0 : 0.1 * (vanishing ? 0.25 ** k : 0.8 ** k) * (1 + rand());
      const row: number[] = [step, l];
      for (const f of LAYER_STAT_FIELDS) row.push(f === 'gradZeroFrac' ? (g === 0 ? 1 : 0) : f.endsWith('Frac') ? rand() * 0.1 : f === 'weightNorm' ? 5 + rand() : g * (0.5 + rand()));
      layerStats.push(row as BundleRun['layerStats'][number]);
      if (step % 50 === 0) {
        const counts = new Array<number>(HISTOGRAM.bins).fill(0);
        if (g > 0) counts[Math.max(0, Math.min(HISTOGRAM.bins - 1, Math.round(((Math.log10(g) - HISTOGRAM.log10Min) / (HISTOGRAM.log10Max - HISTOGRAM.log10Min)) * HISTOGRAM.bins)))] = 1000;
        histograms.push({ step, layer: l, counts, zeros: g > 0 ? 0 : 1000, total: 1000 });
      }
    }
  }
  const epochs = Array.from({ length: EPOCHS }, (_, e) => {
    const loss = steps[(e + 1) * STEPS_PER_EPOCH - 1]![3]!;
    return { epoch: e, trainLoss: loss, trainAcc: 1 - loss / 2.5, testLoss: loss * 1.05, testAcc: 1 - (loss * 1.05) / 2.5, seconds: 30, samplesPerSec: 2000 };
  });
  const last = epochs[EPOCHS - 1]!;
  return {
    sourceId: index + 1,
    name: `${preset.name.en} (synthetic)`,
    created: new Date(Date.UTC(2025, 0, 1, 10, index)).toISOString(),
    status: 'completed',
    // The planned length is the data's length: the run reads as finished, not stopped early.
    config: {
      ...preset.config,
      dataset: preset.config.dataset.kind === 'mnist' ? { ...preset.config.dataset, trainSize: Math.min(60_000, STEPS_PER_EPOCH * batchSize) } : preset.config.dataset,
      training: { ...preset.config.training, epochs: EPOCHS, batchSize },
    },
    layers,
    backend: 'wasm',
    skipped: [],
    appVersion: '0.1.0',
    startedAt: null,
    endedAt: null,
    durationSec: 300,
    final: { trainLoss: last.trainLoss, trainAcc: last.trainAcc, testLoss: last.testLoss, testAcc: last.testAcc },
    notes: '',
    tags: ['bench'],
    error: null,
    origin: null,
    steps,
    layerStats,
    histograms,
    epochs,
    predictions: [],
  };
}

/** Write `runs` as a bundle into `dir` and import it into the database at `dbPath`; the new run ids. */
export function importRuns(dir: string, dbPath: string, runs: BundleRun[]): number[] {
  const bundle: Bundle = { format: BUNDLE_FORMAT, version: BUNDLE_VERSION, appVersion: '0.1.0', exported: new Date().toISOString(), runs };
  const file = join(dir, `runs-${Date.now()}.gradientlab.gz`);
  writeFileSync(file, gzipSync(JSON.stringify(bundle)));
  const env = { ...process.env, GRADIENT_LAB_DB: dbPath };
  const out = execFileSync(process.execPath, [join(ROOT, 'out/main/cli.js'), 'import', file, '--json'], { env, cwd: ROOT }).toString();
  return (JSON.parse(out) as { runIds: number[] }).runIds;
}

/** Write `runs` straight into the SQLite file at `dbPath` (created and migrated if new); the new run ids. */
export function writeRuns(dbPath: string, runs: BundleRun[]): number[] {
  const store = openStore(dbPath);
  try {
    const bundle: Bundle = { format: BUNDLE_FORMAT, version: BUNDLE_VERSION, appVersion: '0.1.0', exported: new Date().toISOString(), runs };
    return writeBundle(store, bundle, 'synthetic');
  } finally {
    store.close();
  }
}
