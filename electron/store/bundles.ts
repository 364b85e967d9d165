// Bundles: one or many finished runs with all their series in one versioned gzip JSON file. Import checks the
// whole file (gzip, size, version, every field with zod, no NaN or Infinity) before it writes anything, then
// writes all runs in one transaction under new ids, marked with where they came from.
import { gunzipSync, gzipSync } from 'node:zlib';
import { BUNDLE_FORMAT, BUNDLE_VERSION, BundleHeadSchema, BundleSchema, type Bundle, type BundleRun } from '../common/bundle';
import { BUNDLE_MAX_BYTES, FINISHED_STATUSES } from '../common/runs';
import { parseOrThrow, ValidationError } from '../common/validation';
import type { LayerStatRow, StepRow } from './metrics';
import type { Store } from './store';

export const BUNDLE_LIMITS = { compressedBytes: BUNDLE_MAX_BYTES, jsonBytes: 256 * 1024 * 1024, } as const;

export class BundleError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'BundleError';
  }
}

const finiteOrNull = (x: number | null | undefined) => (typeof x === 'number' && Number.isFinite(x) ? x : null);

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
    };
  });
  return { format: BUNDLE_FORMAT, version: BUNDLE_VERSION, appVersion, exported: new Date().toISOString(), runs };
}

/** A file name for the exported runs, e.g. "gradient-lab-run-12.json.gz". */
export function bundleFileName(runIds: number[]): string {
  const ids = runIds.length > 4 ? `${runIds.slice(0, 4).join('-')}-and-${runIds.length - 4}-more` : runIds.join('-');
  return `gradient-lab-run${runIds.length > 1 ? 's' : ''}-${ids}.json.gz`;
}

export function exportBundle(store: Store, runIds: number[], appVersion: string): Buffer {
  return gzipSync(JSON.stringify(buildBundle(store, runIds, appVersion)));
}

const mb = (n: number) => `${(n / 1024 / 1024).toFixed(1)} MB`;

/** Decode and check a bundle file completely; throws BundleError/ValidationError naming what is wrong. */
export function parseBundle(data: Buffer, limits: { compressedBytes?: number; jsonBytes?: number } = {}): Bundle {
  const maxIn = limits.compressedBytes ?? BUNDLE_LIMITS.compressedBytes;
  const maxOut = limits.jsonBytes ?? BUNDLE_LIMITS.jsonBytes;
  if (data.length > maxIn) throw new BundleError(`The bundle is too large: ${mb(data.length)} (the limit is ${mb(maxIn)})`);
  if (data.length < 2 || data[0] !== 0x1f || data[1] !== 0x8b) throw new BundleError('The file is not a Gradient Lab bundle: it is not gzip-compressed');
  let json: Buffer;
  try {
    json = gunzipSync(data, { maxOutputLength: maxOut });
  } catch (e) {
    const err = e as NodeJS.ErrnoException;
    if (err.code === 'ERR_BUFFER_TOO_LARGE' || err instanceof RangeError) {
      throw new BundleError(`The bundle is too large: it unpacks to more than ${mb(maxOut)}`);
    }
    throw new BundleError(`The bundle is truncated or corrupt: gzip says "${err.message}"`);
  }
  let raw: unknown;
  try {
    raw = JSON.parse(json.toString('utf8'));
  } catch (e) {
    throw new BundleError(`The bundle is corrupt: its content is not valid JSON (${(e as Error).message})`);
  }
  const head = BundleHeadSchema.safeParse(raw);
  if (!head.success || head.data.format !== BUNDLE_FORMAT) throw new BundleError('The file is not a Gradient Lab bundle (no "format": "gradient-lab-bundle")');
  if (head.data.version !== BUNDLE_VERSION) {
    throw new BundleError(`The bundle has version ${head.data.version}; this app reads version ${BUNDLE_VERSION}`);
  }
  return parseOrThrow(BundleSchema, raw, 'bundle');
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
      });
      store.runs.update(id, { notes: r.notes, tags: r.tags });
      for (const s of r.steps) store.metrics.insertStepRow(id, s as StepRow);
      store.metrics.insertLayerRows(id, r.layerStats as LayerStatRow[]);
      for (const h of r.histograms) store.metrics.insertHistogram(id, { type: 'histogram', ...h });
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
      return id;
    }),
  );
}

export function importBundle(store: Store, data: Buffer, fileName: string): number[] {
  return writeBundle(store, parseBundle(data), fileName);
}
