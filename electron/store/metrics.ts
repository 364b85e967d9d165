// The per-run series: steps (loss, accuracy), per-layer statistics, gradient histograms, epochs, predictions.
// Writes come in batches inside one transaction; reads thin the step series to a point budget in SQL, on step
// multiples, so that several runs read with the same stride line up point for point.
import type { Database, Statement } from 'better-sqlite3';
import { LAYER_STAT_FIELDS } from '../common/bundle';
import type { BatchRecord, EpochRecord, HistogramRecord, LayerStats, Prediction } from '../common/records';
import type { StepSeries } from '../common/runs';
import { TimeStatsRepo } from './time-stats';

export { LAYER_STAT_FIELDS };
const NF = LAYER_STAT_FIELDS.length;

/** Pack per-layer values (layer-major, LAYER_STAT_FIELDS order) as float64 little-endian. */
function pack(layers: number, value: (layer: number, field: number) => number): Buffer {
  const buf = Buffer.allocUnsafe(layers * NF * 8);
  for (let l = 0; l < layers; l++) for (let f = 0; f < NF; f++) buf.writeDoubleLE(value(l, f), (l * NF + f) * 8);
  return buf;
}

/** Non-finite numbers are stored as NULL (SQLite turns NaN into NULL anyway); reads give NaN back. */
export const fin = (x: number): number | null => (Number.isFinite(x) ? x : null);
export const num = (x: number | null): number => (x === null ? NaN : x);

export type StepRow = [step: number, epoch: number, batch: number, loss: number | null, acc: number | null];
type StepSelRow = [step: number, loss: number | null, acc: number | null, gradNorm: number | null, clippedNorm: number | null, clipped: number | null];
/** An optional number as stored: absent or non-finite is NULL. */
const opt = (x: number | undefined): number | null => (x === undefined ? null : fin(x));
/** [step, layer, ...LAYER_STAT_FIELDS] */
export type LayerStatRow = [step: number, layer: number, ...stats: (number | null)[]];

export interface RecordBatch {
  batches: BatchRecord[];
  epochs: EpochRecord[];
  histograms: HistogramRecord[];
}

export interface RunRows {
  steps: StepRow[];
  layerStats: LayerStatRow[];
  histograms: HistogramRecord[];
  epochs: EpochRecord[];
  predictions: Prediction[];
}

interface EpochRowDb {
  epoch: number;
  train_loss: number | null;
  train_acc: number | null;
  test_loss: number | null;
  test_acc: number | null;
  seconds: number | null;
  samples_per_sec: number | null;
}
interface HistRowDb {
  step: number;
  layer: number;
  counts: string;
  zeros: number;
  total: number;
}
interface PredRowDb {
  idx: number;
  label: number;
  probs: string;
  pixels: string | null;
}

export class MetricsRepo {
  private readonly insStep: Statement;
  private readonly insHist: Statement;
  private readonly insEpoch: Statement;
  private readonly insPred: Statement;
  private readonly progressStmt: Statement;
  private readonly stepCount: Statement<[number], { n: number; last: number | null }>;
  private readonly statCount: Statement<[number], { n: number }>;
  private readonly insStats: Statement<[number, number, number, Buffer]>;
  private readonly stepsSel: Statement<[number, number, number], StepSelRow>;
  private readonly statsSel: Statement<[number, number, number], { steps: string | null; layers: string | null; stats: string | null }>;
  private readonly stepsAll: Statement<[number], StepRow>;
  private readonly statsAll: Statement<[number], [number, number, Buffer]>;
  private readonly histSteps: Statement<[number], { step: number }>;
  private readonly histSel: Statement<[number, string], HistRowDb>;
  private readonly histAll: Statement<[number], HistRowDb>;
  private readonly envelopeSel: Statement<[number, number], [number, number | null, number | null, number | null, number | null]>;
  private readonly epochsSel: Statement<[number], EpochRowDb>;
  private readonly predSel: Statement<[number], PredRowDb>;
  #time: TimeStatsRepo | undefined;
  /**
   * ‖∂E/∂h_t‖ per time step of recurrent runs (written with the steps, in the same transaction). Prepared on
   * first use, so that the repository still opens on a database migrated only part of the way (migration tests).
   */
  get time(): TimeStatsRepo {
    return (this.#time ??= new TimeStatsRepo(this.db));
  }

  constructor(private readonly db: Database) {
    this.insStep = db.prepare(
      'INSERT OR REPLACE INTO steps (run_id, step, epoch, batch, loss, acc, grad_norm, clipped_grad_norm, clipped) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)',
    );
    this.insStats = db.prepare('INSERT OR REPLACE INTO layer_stats (run_id, step, layers, stats) VALUES (?, ?, ?, ?)');
    this.insHist = db.prepare('INSERT OR REPLACE INTO histograms (run_id, step, layer, counts, zeros, total) VALUES (?, ?, ?, ?, ?, ?)');
    this.insEpoch = db.prepare(`INSERT OR REPLACE INTO epochs (run_id, epoch, train_loss, train_acc, test_loss, test_acc, seconds,
        samples_per_sec) VALUES (?, ?, ?, ?, ?, ?, ?, ?)`);
    this.insPred = db.prepare('INSERT OR REPLACE INTO predictions (run_id, ord, idx, label, probs, pixels) VALUES (?, ?, ?, ?, ?, ?)');
    this.progressStmt = db.prepare('UPDATE runs SET step = ? WHERE id = ?');
    this.stepCount = db.prepare('SELECT count(*) AS n, max(step) AS last FROM steps WHERE run_id = ?');
    this.statCount = db.prepare('SELECT count(*) AS n FROM layer_stats WHERE run_id = ?');
    this.stepsSel = db
      .prepare('SELECT step, loss, acc, grad_norm, clipped_grad_norm, clipped FROM steps WHERE run_id = ? AND (step % ? = 0 OR step = ?) ORDER BY step')
      .raw(true) as Statement<[number, number, number], StepSelRow>;
    // One row for the whole decimated series: SQLite concatenates the blobs (as hex) in C, which is several
    // times faster than handing JavaScript one row object per step.
    this.statsSel = db.prepare(`SELECT group_concat(step, ',' ORDER BY step) AS steps, group_concat(layers, ',' ORDER BY step) AS layers,
        group_concat(hex(stats), '' ORDER BY step) AS stats
      FROM layer_stats WHERE run_id = ? AND (step % ? = 0 OR step = ?)`);
    // Per stride-wide bucket of steps, the range of loss and accuracy: the envelope of a thinned series.
    this.envelopeSel = db
      .prepare('SELECT step / CAST(? AS INTEGER) AS b, min(loss), max(loss), min(acc), max(acc) FROM steps WHERE run_id = ? GROUP BY b ORDER BY b')
      .raw(true) as Statement<[number, number], [number, number | null, number | null, number | null, number | null]>;
    this.stepsAll = db.prepare('SELECT step, epoch, batch, loss, acc FROM steps WHERE run_id = ? ORDER BY step').raw(true) as Statement<
      [number],
      StepRow
    >;
    this.statsAll = db.prepare('SELECT step, layers, stats FROM layer_stats WHERE run_id = ? ORDER BY step').raw(true) as Statement<
      [number],
      [number, number, Buffer]
    >;
    this.histSteps = db.prepare('SELECT DISTINCT step FROM histograms WHERE run_id = ? ORDER BY step');
    this.histSel = db.prepare(
      'SELECT step, layer, counts, zeros, total FROM histograms WHERE run_id = ? AND step IN (SELECT value FROM json_each(?)) ORDER BY step, layer',
    );
    this.histAll = db.prepare('SELECT step, layer, counts, zeros, total FROM histograms WHERE run_id = ? ORDER BY step, layer');
    this.epochsSel = db.prepare('SELECT * FROM epochs WHERE run_id = ? ORDER BY epoch');
    this.predSel = db.prepare('SELECT idx, label, probs, pixels FROM predictions WHERE run_id = ? ORDER BY ord');
  }

  /** Append streamed records of one run in one transaction, and note the newest step on the run row. */
  append(runId: number, records: RecordBatch): void {
    this.db.transaction(() => {
      let last = -1;
      for (const b of records.batches) {
        this.insStep.run(runId, b.step, b.epoch, b.batch, fin(b.loss), fin(b.acc), opt(b.gradNorm), opt(b.clippedGradNorm), b.clipped === undefined ? null : Number(b.clipped));
        if (b.layers?.length) this.insertLayers(runId, b.step, b.layers);
        if (b.time) this.time.insert(runId, b.step, b.time);
        last = Math.max(last, b.step);
      }
      for (const h of records.histograms) this.insertHistogram(runId, h);
      for (const e of records.epochs) this.insertEpoch(runId, e);
      if (last >= 0) this.progressStmt.run(last + 1, runId);
    })();
  }

  insertStepRow(runId: number, r: StepRow): void {
    this.insStep.run(runId, ...r, null, null, null);
  }

  /** Rows as bundles carry them (one per step and layer, in order); non-finite values are null. */
  insertLayerRows(runId: number, rows: LayerStatRow[]): void {
    for (let i = 0; i < rows.length; ) {
      let j = i;
      while (j < rows.length && rows[j]![0] === rows[i]![0]) j++;
      const group = rows.slice(i, j);
      const layers = Math.max(...group.map((r) => r[1])) + 1;
      const byLayer = new Map(group.map((r) => [r[1], r]));
      this.insStats.run(runId, rows[i]![0], layers, pack(layers, (l, f) => (byLayer.get(l)?.[f + 2] ?? NaN) as number));
      i = j;
    }
  }

  private insertLayers(runId: number, step: number, stats: LayerStats[]): void {
    const layers = Math.max(...stats.map((s) => s.layer)) + 1;
    const byLayer = new Map(stats.map((s) => [s.layer, s]));
    this.insStats.run(runId, step, layers, pack(layers, (l, f) => byLayer.get(l)?.[LAYER_STAT_FIELDS[f]!] ?? NaN));
  }

  insertHistogram(runId: number, h: HistogramRecord): void {
    this.insHist.run(runId, h.step, h.layer, JSON.stringify(h.counts), h.zeros, h.total);
  }

  insertEpoch(runId: number, e: EpochRecord): void {
    this.insEpoch.run(runId, e.epoch, fin(e.trainLoss), fin(e.trainAcc), fin(e.testLoss), fin(e.testAcc), fin(e.seconds), fin(e.samplesPerSec));
  }

  savePredictions(runId: number, predictions: Prediction[]): void {
    this.db.transaction(() => {
      predictions.forEach((p, i) => this.insPred.run(runId, i, p.index, p.label, JSON.stringify(p.probs.map(fin)), p.pixels ?? null));
    })();
  }

  /** Number of recorded steps of a run (for choosing a common stride across runs). */
  stepCountOf(runId: number): number {
    return this.stepCount.get(runId)!.n;
  }

  /**
   * The step series thinned to about `maxPoints` points: every stride-th step plus the last one. `steps` may be
   * given to use the stride of a longer run (aligned comparisons); `statsEvery` keeps layer rows on their grid.
   */
  series(runId: number, maxPoints: number, statsEvery = 1, steps?: number): { series: StepSeries; decimated: boolean } {
    const { n, last } = this.stepCount.get(runId)!;
    const stride = Math.max(1, Math.ceil(Math.max(n, steps ?? 0) / maxPoints));
    const nStat = this.statCount.get(runId)!.n;
    const statStride = statsEvery * Math.max(1, Math.ceil(Math.max(nStat, Math.ceil((steps ?? 0) / statsEvery)) / maxPoints));
    const lastStep = last ?? -1;
    const series: StepSeries = { steps: [], loss: [], acc: [], statSteps: [], layerStats: [] };
    const norms: Required<Pick<StepSeries, 'gradNorm' | 'clippedGradNorm' | 'clipped'>> = { gradNorm: [], clippedGradNorm: [], clipped: [] };
    for (const [step, loss, acc, gradNorm, clippedNorm, clipped] of this.stepsSel.all(runId, stride, lastStep)) {
      series.steps.push(step);
      series.loss.push(num(loss));
      series.acc.push(num(acc));
      norms.gradNorm.push(num(gradNorm));
      norms.clippedGradNorm.push(num(clippedNorm));
      norms.clipped.push(clipped === 1);
    }
    // Runs from before 0040 have no norms; runs without clipping have no norm after it.
    if (norms.gradNorm.some((v) => !Number.isNaN(v))) series.gradNorm = norms.gradNorm;
    if (norms.clippedGradNorm.some((v) => !Number.isNaN(v))) [series.clippedGradNorm, series.clipped] = [norms.clippedGradNorm, norms.clipped];
    if (stride > 1) {
      const buckets = new Map(this.envelopeSel.all(stride, runId).map((r) => [r[0], r]));
      const env = { lossMin: [] as number[], lossMax: [] as number[], accMin: [] as number[], accMax: [] as number[] };
      for (const step of series.steps) {
        const r = buckets.get(Math.floor(step / stride));
        env.lossMin.push(num(r?.[1] ?? null));
        env.lossMax.push(num(r?.[2] ?? null));
        env.accMin.push(num(r?.[3] ?? null));
        env.accMax.push(num(r?.[4] ?? null));
      }
      series.envelope = env;
    }
    const packed = this.statsSel.get(runId, statStride, lastStep);
    if (packed?.steps && packed.layers && packed.stats) {
      const bytes = Buffer.from(packed.stats, 'hex');
      // Copy into an aligned Float64Array (little-endian, as pack() wrote it) and read by index.
      const values = new Float64Array(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength));
      const layerCounts = packed.layers.split(',');
      let offset = 0;
      packed.steps.split(',').forEach((step, row) => {
        series.statSteps.push(Number(step));
        const layers = Number(layerCounts[row]);
        for (let layer = 0; layer < layers; layer++, offset += NF) (series.layerStats[layer] ??= []).push(decodeStats(values, offset, layer));
      });
    }
    return { series, decimated: stride > 1 || statStride > statsEvery };
  }

  /** Histograms at no more than `maxSteps` evenly spread steps (always including the last). */
  histograms(runId: number, maxSteps = 200): HistogramRecord[] {
    const all = this.histSteps.all(runId).map((r) => r.step);
    const every = Math.max(1, Math.ceil(all.length / maxSteps));
    const pick = all.filter((_, i) => i % every === 0 || i === all.length - 1);
    return this.histSel.all(runId, JSON.stringify(pick)).map(toHistogram);
  }

  epochs(runId: number): EpochRecord[] {
    return this.epochsSel.all(runId).map((e) => ({
      type: 'epoch',
      epoch: e.epoch,
      trainLoss: num(e.train_loss),
      trainAcc: num(e.train_acc),
      testLoss: num(e.test_loss),
      testAcc: num(e.test_acc),
      seconds: num(e.seconds),
      samplesPerSec: num(e.samples_per_sec),
    }));
  }

  predictions(runId: number): Prediction[] {
    return this.predSel.all(runId).map((p) => ({
      index: p.idx,
      label: p.label,
      probs: (JSON.parse(p.probs) as (number | null)[]).map(num),
      ...(p.pixels !== null ? { pixels: p.pixels } : {}),
    }));
  }

  /** Every stored row of a run, undecimated (bundles, CSV, tests). */
  rows(runId: number): RunRows {
    return {
      steps: this.stepsAll.all(runId),
      layerStats: this.statsAll.all(runId).flatMap(([step, layers, buf]) =>
        Array.from({ length: layers }, (_, layer): LayerStatRow => [
          step,
          layer,
          ...Array.from({ length: NF }, (_, f) => fin(buf.readDoubleLE((layer * NF + f) * 8))),
        ]),
      ),
      histograms: this.histAll.all(runId).map(toHistogram),
      epochs: this.epochs(runId),
      predictions: this.predictions(runId),
    };
  }
}

function toHistogram(h: HistRowDb): HistogramRecord {
  return { type: 'histogram', step: h.step, layer: h.layer, counts: JSON.parse(h.counts) as number[], zeros: h.zeros, total: h.total };
}

/**
 * One layer's statistics from the packed values, as an object literal with every field at once: building the
 * object field by field made decoding a long series several times slower. Order: LAYER_STAT_FIELDS.
 */
function decodeStats(v: Float64Array, o: number, layer: number): LayerStats {
  return {
    layer,
    gradNorm: v[o]!,
    gradMeanAbs: v[o + 1]!,
    gradMaxAbs: v[o + 2]!,
    gradZeroFrac: v[o + 3]!,
    biasGradNorm: v[o + 4]!,
    deltaNorm: v[o + 5]!,
    weightNorm: v[o + 6]!,
    updateRatio: v[o + 7]!,
    actMean: v[o + 8]!,
    actStd: v[o + 9]!,
    saturatedFrac: v[o + 10]!,
    deadFrac: v[o + 11]!,
  };
}

// decodeStats spells out LAYER_STAT_FIELDS; fail at load, not with shuffled numbers, if the two drift apart.
const DECODE_ORDER = ['gradNorm', 'gradMeanAbs', 'gradMaxAbs', 'gradZeroFrac', 'biasGradNorm', 'deltaNorm', 'weightNorm', 'updateRatio', 'actMean', 'actStd', 'saturatedFrac', 'deadFrac'];
if (DECODE_ORDER.join() !== LAYER_STAT_FIELDS.join()) throw new Error('metrics.ts: decodeStats is out of step with LAYER_STAT_FIELDS');
