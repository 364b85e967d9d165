// Bundles: one or many finished runs with all their series in one versioned gzip JSON file. Import checks the
// whole file before it writes anything — its size, then what it unpacks to (gzip stops at a cap), then what
// parsing would build (a budget of values, arrays, depth and string length), then every field with zod (no NaN or
// Infinity, series consistent with the config) — and reports the first few problems briefly; then it writes all
// runs in one transaction under new ids, marked with where they came from.
import { gunzipSync, gzipSync } from 'node:zlib';
import { BUNDLE_FORMAT, BUNDLE_VERSION, BundleHeadSchema, BundleSchema, type Bundle, type BundleRun } from '../common/bundle';
import { BUNDLE_MAX_BYTES, FINISHED_STATUSES } from '../common/runs';
import { formatIssues, ValidationError } from '../common/validation';
import { exceedsBudget, type JsonBudget } from './json-budget';
import type { GradientNormRow } from './gradient-norms';
import type { LayerStatRow, StepRow } from './metrics';
import type { Store } from './store';
import type { TimeStatsRow } from './time-stats';

/**
 * What an import may unpack and build. The JSON cap and the value budget keep the worst file within about 200 MB
 * of memory over idle (bench/bundle-memory.ts measures it; a number in a parsed array costs up to 24 bytes): a
 * five-layer run with statistics at every one of 45 000 steps fits.
 */
export const BUNDLE_LIMITS = {
  compressedBytes: BUNDLE_MAX_BYTES,
  jsonBytes: 48 * 1024 * 1024,
  budget: { values: 3_500_000, containers: 1_000_000, depth: 16, stringBytes: 64 * 1024 } satisfies JsonBudget,
  /** Problems named in the message; the rest are counted. */
  issues: 5,
} as const;

const BUDGET_WORDS: Record<keyof JsonBudget, string> = {
  values: 'values',
  containers: 'rows, lists and objects',
  depth: 'levels of nesting',
  stringBytes: 'bytes in one text',
};

export class BundleError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'BundleError';
  }
}

const finiteOrNull = (x: number | null | undefined) => (typeof x === 'number' && Number.isFinite(x) ? x : null);

/** A run's gradient norms and diverged step (migration 0040), only where it has them, so older readers see nothing new. */
function gradientFields(store: Store, runId: number, divergedStep: number | undefined): Pick<BundleRun, 'gradientNorms' | 'divergedStep'> {
  const norms = store.gradientNorms.rows(runId).map(([step, g, c, k]): [number, number | null, number | null, 0 | 1 | null] => [step, finiteOrNull(g), finiteOrNull(c), k === null ? null : k ? 1 : 0]);
  return { ...(norms.length ? { gradientNorms: norms } : {}), ...(divergedStep !== undefined ? { divergedStep } : {}) };
}

/** The bundle object for these runs (finished runs only: a running run has no end yet). */
export function buildBundle(store: Store, runIds: number[], appVersion: string): Bundle {
  const runs = runIds.map((id): BundleRun => {
    const row = store.runs.row(id);
    if (!row) throw new ValidationError(`Run ${id} does not exist`);
    if (!FINISHED_STATUSES.includes(row.status)) throw new ValidationError(`Run ${id} is ${row.status}; only finished runs can be exported`);
    const s = store.runs.get(id)!;
    const rows = store.metrics.rows(id);
    return {
      sourceId: id,
      name: s.name,
      created: s.created,
      status: s.status,
      config: store.runs.config(id)!,
      layers: store.runs.layers(id),
      backend: s.backend,
      engine: s.engine,
      skipped: s.skipped,
      appVersion: s.appVersion,
      startedAt: s.startedAt,
      endedAt: s.endedAt,
      durationSec: s.durationSec,
      final: s.final && {
        trainLoss: finiteOrNull(s.final.trainLoss),
        trainAcc: finiteOrNull(s.final.trainAcc),
        testLoss: finiteOrNull(s.final.testLoss),
        testAcc: finiteOrNull(s.final.testAcc),
      },
      notes: s.notes,
      tags: s.tags,
      error: s.error,
      origin: s.origin,
      steps: rows.steps,
      layerStats: rows.layerStats,
      histograms: rows.histograms.map(({ step, layer, counts, zeros, total }) => ({ step, layer, counts, zeros, total })),
      epochs: rows.epochs.map(({ type: _t, ...e }) => ({
        epoch: e.epoch,
        trainLoss: finiteOrNull(e.trainLoss),
        trainAcc: finiteOrNull(e.trainAcc),
        testLoss: finiteOrNull(e.testLoss),
        testAcc: finiteOrNull(e.testAcc),
        seconds: finiteOrNull(e.seconds),
        samplesPerSec: finiteOrNull(e.samplesPerSec),
      })),
      predictions: rows.predictions.map((p) => ({ ...p, probs: p.probs.map(finiteOrNull) })),
      ...gradientFields(store, id, s.divergedStep),
      probes: store.probes.rows(id),
      ...timeStatsOf(store, id),
      ...studentPredictionOf(store, id),
    };
  });
  return { format: BUNDLE_FORMAT, version: BUNDLE_VERSION, appVersion, exported: new Date().toISOString(), runs };
}

/** A recurrent run's time statistics (absent for MLP runs, so their bundles stay as before). */
function timeStatsOf(store: Store, id: number): { timeStats?: TimeStatsRow[] } {
  const rows = store.metrics.time.rows(id);
  return rows.length ? { timeStats: rows } : {};
}

/** The student's prediction kept with a run (absent where none was made, so such bundles stay as before). */
function studentPredictionOf(store: Store, id: number): Pick<BundleRun, 'studentPrediction'> {
  const p = store.probes.prediction(id);
  return p ? { studentPrediction: { quantity: p.quantity, values: p.values, created: p.created ?? new Date().toISOString() } } : {};
}

/** A file name for the exported runs, e.g. "gradient-lab-run-12.json.gz". */
export function bundleFileName(runIds: number[]): string {
  const ids = runIds.length > 4 ? `${runIds.slice(0, 4).join('-')}-and-${runIds.length - 4}-more` : runIds.join('-');
  return `gradient-lab-run${runIds.length > 1 ? 's' : ''}-${ids}.json.gz`;
}

export function exportBundle(store: Store, runIds: number[], appVersion: string): Buffer {
  const json = Buffer.from(JSON.stringify(buildBundle(store, runIds, appVersion)));
  // A bundle that import would refuse is refused here, before the user relies on it.
  const over = json.length > BUNDLE_LIMITS.jsonBytes ? { field: 'jsonBytes', limit: BUNDLE_LIMITS.jsonBytes } : exceedsBudget(json, BUNDLE_LIMITS.budget);
  if (over) throw new BundleError(`These runs are too large for one bundle (more than ${over.limit} ${BUDGET_WORDS[over.field as keyof JsonBudget] ?? 'bytes'}); export fewer runs at a time`);
  return gzipSync(json);
}

const mb = (n: number) => `${(n / 1024 / 1024).toFixed(1)} MB`;

/** Decode and check a bundle file completely; throws BundleError/ValidationError naming what is wrong. */
export function parseBundle(data: Buffer, limits: { compressedBytes?: number; jsonBytes?: number } = {}): Bundle {
  const maxIn = limits.compressedBytes ?? BUNDLE_LIMITS.compressedBytes;
  const maxOut = limits.jsonBytes ?? BUNDLE_LIMITS.jsonBytes;
  if (data.length > maxIn) throw new BundleError(`The bundle is too large: ${mb(data.length)} (the limit is ${mb(maxIn)})`);
  if (data.length < 2 || data[0] !== 0x1f || data[1] !== 0x8b) throw new BundleError('The file is not a Gradient Lab bundle: it is not gzip-compressed');
  let json: Buffer | undefined;
  try {
    json = gunzipSync(data, { maxOutputLength: maxOut });
  } catch (e) {
    const err = e as NodeJS.ErrnoException;
    if (err.code === 'ERR_BUFFER_TOO_LARGE' || err instanceof RangeError) {
      throw new BundleError(`The bundle is too large: it unpacks to more than ${mb(maxOut)}`);
    }
    throw new BundleError(`The bundle is truncated or corrupt: gzip says "${err.message}"`);
  }
  const over = exceedsBudget(json, BUNDLE_LIMITS.budget);
  if (over) throw new BundleError(`The bundle is too large: it holds more than ${over.limit} ${BUDGET_WORDS[over.field]}`);
  let raw: unknown;
  try {
    const text = json.toString('utf8');
    json = undefined; // the unpacked bytes may go while the text is parsed
    raw = JSON.parse(text);
  } catch (e) {
    throw new BundleError(`The bundle is corrupt: its content is not valid JSON (${(e as Error).message})`);
  }
  const head = BundleHeadSchema.safeParse(raw);
  if (!head.success || head.data.format !== BUNDLE_FORMAT) throw new BundleError('The file is not a Gradient Lab bundle (no "format": "gradient-lab-bundle")');
  if (head.data.version !== BUNDLE_VERSION) {
    throw new BundleError(`The bundle has version ${head.data.version}; this app reads version ${BUNDLE_VERSION}`);
  }
  const parsed = BundleSchema.safeParse(raw);
  if (parsed.success) return parsed.data;
  const issues = formatIssues(parsed.error, 'bundle');
  const shown = issues.slice(0, BUNDLE_LIMITS.issues).map((i) => `${i.path}: ${i.message.slice(0, 300)}`);
  const more = issues.length > shown.length ? `; and ${issues.length - shown.length} more problems` : '';
  throw new ValidationError(shown.join('; ') + more, issues.slice(0, BUNDLE_LIMITS.issues));
}

/** Write every run of a checked bundle in one transaction; returns the new run ids, in bundle order. */
export function writeBundle(store: Store, bundle: Bundle, fileName: string): number[] {
  return store.transaction(() =>
    bundle.runs.map((r) => {
      const id = store.runs.create({
        name: r.name,
        config: r.config,
        appVersion: r.appVersion,
        ownerPid: null,
        created: r.created,
        status: r.status,
        origin: `${fileName} (run ${r.sourceId})`.slice(0, 1000),
      });
      const totalSteps = r.steps.length ? r.steps[r.steps.length - 1]![0] + 1 : 0;
      store.runs.setStarted(id, { backend: r.backend, engine: r.engine ?? null, skipped: r.skipped, layers: r.layers, totalSteps });
      store.runs.setStatus(id, r.status, r.startedAt);
      const f = r.final;
      store.runs.end(id, {
        status: r.status,
        endedAt: r.endedAt ?? r.created,
        durationSec: r.durationSec,
        final: f && { trainLoss: f.trainLoss ?? NaN, trainAcc: f.trainAcc ?? NaN, testLoss: f.testLoss ?? NaN, testAcc: f.testAcc ?? NaN },
        error: r.error,
        ...(r.divergedStep !== undefined ? { divergedStep: r.divergedStep } : {}),
      });
      store.runs.update(id, { notes: r.notes, tags: r.tags });
      for (const s of r.steps) store.metrics.insertStepRow(id, s as StepRow);
      if (r.gradientNorms) store.gradientNorms.set(id, r.gradientNorms as GradientNormRow[]);
      store.metrics.insertLayerRows(id, r.layerStats as LayerStatRow[]);
      for (const h of r.histograms) store.metrics.insertHistogram(id, { type: 'histogram', ...h });
      for (const t of r.timeStats ?? []) store.metrics.time.insertRow(id, t);
      for (const e of r.epochs) {
        store.metrics.insertEpoch(id, {
          type: 'epoch',
          epoch: e.epoch,
          trainLoss: e.trainLoss ?? NaN,
          trainAcc: e.trainAcc ?? NaN,
          testLoss: e.testLoss ?? NaN,
          testAcc: e.testAcc ?? NaN,
          seconds: e.seconds ?? NaN,
          samplesPerSec: e.samplesPerSec ?? NaN,
        });
      }
      store.metrics.savePredictions(id, r.predictions.map((p) => ({ ...p, probs: p.probs.map((x) => x ?? NaN) })));
      if (r.probes) store.probes.insertRows(id, r.probes);
      if (r.studentPrediction) store.probes.setPrediction(id, r.studentPrediction, r.studentPrediction.created);
      return id;
    }),
  );
}

export function importBundle(store: Store, data: Buffer, fileName: string): number[] {
  return writeBundle(store, parseBundle(data), fileName);
}
