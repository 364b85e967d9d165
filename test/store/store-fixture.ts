// Helpers for store, service and CLI tests: temp folders, small real configs, synthetic record streams shaped
// like the trainer's, and a checksum of every row of a database file (to prove "nothing written").
import Database from 'better-sqlite3';
import { createHash } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ExperimentConfig } from '../../electron/common/config';
import type { Store } from '../../electron/store/store';
import { HISTOGRAM, type BatchRecord, type EpochRecord, type HistogramRecord, type LayerStats } from '../../electron/common/records';

export function tempDir(): { dir: string; cleanup(): void } {
  const dir = mkdtempSync(join(tmpdir(), 'gradient-lab-test-'));
  return { dir, cleanup: () => rmSync(dir, { recursive: true, force: true }) };
}

/** A small real MNIST experiment (seed remedy: sigmoid + He), quick enough for tests. */
export function smallConfig(over: { trainSize?: number; testSize?: number; epochs?: number; batchSize?: number; preset?: string } = {}): ExperimentConfig {
  return {
    preset: over.preset ?? 'seed-he',
    dataset: { kind: 'mnist', trainSize: over.trainSize ?? 300, testSize: over.testSize ?? 100 },
    model: { depth: 1, width: 32, activation: 'sigmoid', initializer: { kind: 'heNormal' }, batchNorm: false, residual: false },
    optimizer: { kind: 'adam', learningRate: 1e-3 },
    training: { epochs: over.epochs ?? 1, batchSize: over.batchSize ?? 32, seed: 7, statsEvery: 1, histogramEvery: 5 },
  };
}

function layerStats(layer: number, step: number): LayerStats {
  const g = 1e-3 / (layer + 1) / (1 + step / 100);
  return {
    layer,
    gradNorm: g,
    gradMeanAbs: g / 10,
    gradMaxAbs: g * 3,
    gradZeroFrac: layer === 0 ? 0.5 : 0,
    biasGradNorm: g / 2,
    deltaNorm: g * 2,
    weightNorm: 10 + step * 1e-3,
    updateRatio: 1e-3,
    actMean: 0.5,
    actStd: 0.1,
    saturatedFrac: 0.25,
    deadFrac: 0,
  };
}

/** The records a trainer would stream for `epochs` × `stepsPerEpoch` steps over `layers` layers. */
export function syntheticRecords(epochs: number, stepsPerEpoch: number, layers = 2, histogramEvery = 50) {
  const batches: BatchRecord[] = [];
  const hists: HistogramRecord[] = [];
  const eps: EpochRecord[] = [];
  for (let e = 0; e < epochs; e++) {
    for (let b = 0; b < stepsPerEpoch; b++) {
      const step = e * stepsPerEpoch + b;
      batches.push({ type: 'batch', step, epoch: e, batch: b, loss: 2.3 - step * 1e-4, acc: 0.1 + step * 1e-5, layers: Array.from({ length: layers }, (_, l) => layerStats(l, step)) });
      if (step % histogramEvery === 0) {
        for (let l = 0; l < layers; l++) {
          hists.push({ type: 'histogram', step, layer: l, counts: Array.from({ length: HISTOGRAM.bins }, (_, i) => (i * 7 + step) % 100), zeros: 3, total: 100 * HISTOGRAM.bins + 3 });
        }
      }
    }
    eps.push({ type: 'epoch', epoch: e, trainLoss: 2.3 - e / 10, trainAcc: 0.1 + e / 20, testLoss: 2.2 - e / 10, testAcc: 0.12 + e / 20, seconds: 4.3, samplesPerSec: 14000 });
  }
  return { batches, histograms: hists, epochs: eps };
}

/** sha256 over every row of every table (in key order) plus user_version: equal means nothing changed. */
export function dbChecksum(path: string): string {
  const db = new Database(path, { readonly: true });
  try {
    const h = createHash('sha256');
    h.update(String(db.pragma('user_version', { simple: true })));
    const tables = db.prepare("SELECT name FROM sqlite_schema WHERE type = 'table' ORDER BY name").pluck().all() as string[];
    for (const t of tables) {
      h.update(t);
      for (const row of db.prepare(`SELECT * FROM "${t}" ORDER BY 1, 2, 3`).raw().iterate()) h.update(JSON.stringify(row));
    }
    return h.digest('hex');
  } finally {
    db.close();
  }
}

/** Two finished runs (completed, diverged) with synthetic series, written straight into a store. */
export function seedFinishedRuns(store: Store): number[] {
  return (['completed', 'diverged'] as const).map((status) => {
    const id = store.runs.create({ config: smallConfig({ epochs: 2, trainSize: 640 }), appVersion: '0.1.0', ownerPid: null });
    store.runs.setStarted(id, {
      backend: 'wasm',
      skipped: [{ name: 'tensorflow', reason: 'not installed' }],
      layers: [
        { index: 0, name: 'dense_1', units: 32, fanIn: 784, activation: 'sigmoid', output: false },
        { index: 1, name: 'output', units: 10, fanIn: 32, activation: 'softmax', output: true },
      ],
      totalSteps: 40,
    });
    const recs = syntheticRecords(2, 20, 2, 5);
    if (status === 'diverged') recs.batches[39]!.loss = NaN;
    store.metrics.append(id, recs);
    store.metrics.savePredictions(id, [{ index: 3, label: 7, probs: [0.1, 0.9], pixels: 'AAAA' }]);
    store.runs.end(id, { status, endedAt: new Date().toISOString(), durationSec: 3, final: { trainLoss: 2, trainAcc: 0.3, testLoss: 2.1, testAcc: 0.29 } });
    return id;
  });
}

/** Completed runs of 3 and 1 epochs × 469 steps with 4 layers' statistics: a comparison of unequal lengths. */
export function seedComparedRuns(store: Store): number[] {
  return [3, 1].map((epochs) => {
    const id = store.runs.create({ config: smallConfig(), appVersion: '0.1.0', ownerPid: null });
    store.metrics.append(id, syntheticRecords(epochs, 469, 4));
    store.runs.end(id, { status: 'completed', endedAt: new Date().toISOString(), durationSec: 1, final: null });
    return id;
  });
}
