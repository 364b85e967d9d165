// Store throughput: (1) the write cost of a full seed-keras run's records (10 epochs × 469 steps, statistics
// for 2 layers every step, histograms every 50 steps, epochs) written the way the service writes them — one
// transaction per 250 ms of training — as a share of the run's training time (target ≤ 2 %); (2) getRun and
// compareRuns over 8 such runs, as the service answers them (target ≤ 100 ms).
// Run: npx tsx bench/store-throughput.ts [seconds-per-epoch]   (default 4.3, the measured seed-keras epoch)
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { availableParallelism, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import type { BatchRecord, EpochRecord, HistogramRecord } from '../electron/common/records';
import { compareRuns, forgetRun, getRunDetail } from '../electron/service/run-queries';
import { FLUSH_MS } from '../electron/service/run-recorder';
import { openStore, type Store } from '../electron/store/store';
import { smallConfig, syntheticRecords } from '../test/store/store-fixture';

const EPOCHS = 10;
const STEPS_PER_EPOCH = 469; // ceil(60000 / 128)
const SECONDS_PER_EPOCH = Number(process.argv[2] ?? 4.3);
const trainingSec = EPOCHS * SECONDS_PER_EPOCH;

function layersConfig() {
  const c = smallConfig({ preset: 'seed-keras', trainSize: 60000, testSize: 10000, epochs: EPOCHS, batchSize: 128 });
  c.model.width = 128;
  c.training.histogramEvery = 50;
  return c;
}

/** Write one run as the service would: a transaction per flush interval of simulated training. */
function writeRun(store: Store): { ms: number; runId: number } {
  const runId = store.runs.create({ config: layersConfig(), appVersion: 'bench', ownerPid: null });
  const recs = syntheticRecords(EPOCHS, STEPS_PER_EPOCH, 2, 50);
  const stepsPerFlush = Math.max(1, Math.round((STEPS_PER_EPOCH / SECONDS_PER_EPOCH) * (FLUSH_MS / 1000)));
  let ms = 0;
  for (let start = 0; start < recs.batches.length; start += stepsPerFlush) {
    const end = start + stepsPerFlush;
    const chunk: { batches: BatchRecord[]; histograms: HistogramRecord[]; epochs: EpochRecord[] } = {
      batches: recs.batches.slice(start, end),
      histograms: recs.histograms.filter((h) => h.step >= start && h.step < end),
      epochs: recs.epochs.filter((e) => (e.epoch + 1) * STEPS_PER_EPOCH > start && (e.epoch + 1) * STEPS_PER_EPOCH <= end),
    };
    const t0 = performance.now();
    store.metrics.append(runId, chunk);
    ms += performance.now() - t0;
  }
  const t0 = performance.now();
  store.metrics.savePredictions(runId, Array.from({ length: 20 }, (_, i) => ({ index: i, label: i % 10, probs: Array(10).fill(0.1), pixels: 'A'.repeat(1048) })));
  store.runs.end(runId, { status: 'completed', endedAt: new Date().toISOString(), durationSec: trainingSec, final: { trainLoss: 2.3, trainAcc: 0.1, testLoss: 2.3, testAcc: 0.1 } });
  ms += performance.now() - t0;
  return { ms, runId };
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)]!;
}

const dir = mkdtempSync(join(tmpdir(), 'gradient-lab-bench-'));
try {
  const store = openStore(join(dir, 'bench.db'));
  const writes: number[] = [];
  const ids: number[] = [];
  for (let i = 0; i < 8; i++) {
    const w = writeRun(store);
    writes.push(w.ms);
    ids.push(w.runId);
  }
  const w = median(writes);
  const rows = EPOCHS * STEPS_PER_EPOCH;
  console.log(`records per run: ${rows} steps, ${rows * 2} layer-stat rows, ${Math.ceil(rows / 50) * 2} histograms, ${EPOCHS} epochs`);
  console.log(`write cost per run (median of 8): ${w.toFixed(1)} ms = ${((w / 1000 / trainingSec) * 100).toFixed(3)} % of ${trainingSec.toFixed(0)} s training (target ≤ 2 %)`);
  console.log(`database size for 8 runs: ${(statSync(join(dir, 'bench.db')).size / 1024 / 1024).toFixed(1)} MB (+ WAL)`);

  const getTimes: number[] = [];
  const cmpTimes: number[] = [];
  const warmTimes: number[] = [];
  for (let i = 0; i < 7; i++) {
    ids.forEach(forgetRun); // cold: read and decode from SQLite every time
    let t0 = performance.now();
    getRunDetail(store, ids[i % 8]!, 2000);
    getTimes.push(performance.now() - t0);
    ids.forEach(forgetRun);
    t0 = performance.now();
    compareRuns(store, ids, 2000);
    cmpTimes.push(performance.now() - t0);
    t0 = performance.now();
    compareRuns(store, ids, 2000);
    warmTimes.push(performance.now() - t0);
  }
  const cmp = compareRuns(store, ids, 2000);
  console.log(`load average while measuring: ${loadavg().map((x) => x.toFixed(1)).join(' ')} on ${availableParallelism()} cores`);
  console.log(`getRun, cold (2000-point budget, ${cmp.runs[0]!.series.steps.length} points × 2 layers): median ${median(getTimes).toFixed(1)} ms`);
  console.log(`compareRuns over 8 ten-epoch runs, cold: median ${median(cmpTimes).toFixed(1)} ms (target ≤ 100 ms)`);
  console.log(`compareRuns again (finished runs' series cached): median ${median(warmTimes).toFixed(1)} ms`);
  console.log(`JSON size of that comparison: ${(JSON.stringify(cmp).length / 1024 / 1024).toFixed(2)} MB`);
  store.close();
} finally {
  rmSync(dir, { recursive: true, force: true });
}
