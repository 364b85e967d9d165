// Reading saved runs for charts: one run's detail with its series thinned to a point budget, and comparisons of
// up to 8 runs whose series share one stride (so their points line up) plus a diff of only the differing fields.
import type { ExperimentConfig } from '../common/config';
import { FINISHED_STATUSES, type Comparison, type ConfigDiffRow, type RunDetail } from '../common/runs';
import { ValidationError } from '../common/validation';
import type { Store } from '../store/store';

export function requireRun(store: Store, runId: number) {
  const summary = store.runs.get(runId);
  if (!summary) throw new ValidationError(`runId: run ${runId} does not exist`, [{ path: 'runId', message: `run ${runId} does not exist` }]);
  return summary;
}

/**
 * Series of finished runs never change, so their decoded details are kept (a few, newest used last): opening a
 * run again, or comparing it with others, then costs only its summary. Deleting a run must call `forget`.
 */
const cache = new Map<string, Omit<RunDetail, 'summary'>>();
const CACHE_SIZE = 24;

export function forgetRun(runId: number): void {
  for (const key of cache.keys()) if (key.startsWith(`${runId}:`)) cache.delete(key);
}

/** `alignSteps`: thin as if the run had this many steps (the longest run of a comparison). */
export function getRunDetail(store: Store, runId: number, maxPoints: number, alignSteps?: number): RunDetail {
  const summary = requireRun(store, runId);
  const finished = FINISHED_STATUSES.includes(summary.status);
  const key = `${runId}:${store.path}:${maxPoints}:${alignSteps ?? 0}`;
  const hit = finished ? cache.get(key) : undefined;
  if (hit) {
    cache.delete(key);
    cache.set(key, hit);
    return { summary, ...hit };
  }
  const detail = readDetail(store, runId, maxPoints, alignSteps);
  if (FINISHED_STATUSES.includes(detail.summary.status)) {
    const { summary: _s, ...rest } = detail;
    cache.set(key, rest);
    if (cache.size > CACHE_SIZE) cache.delete(cache.keys().next().value!);
  }
  return detail;
}

function readDetail(store: Store, runId: number, maxPoints: number, alignSteps?: number): RunDetail {
  return store.db
    .transaction(() => {
      const summary = requireRun(store, runId);
      const config = store.runs.config(runId)!;
      const { series, decimated } = store.metrics.series(runId, maxPoints, config.training.statsEvery, alignSteps);
      return {
        summary,
        config,
        layers: store.runs.layers(runId),
        epochs: store.metrics.epochs(runId),
        series,
        histograms: store.metrics.histograms(runId),
        predictions: store.metrics.predictions(runId),
        probes: store.probes.list(runId),
        studentPrediction: store.probes.prediction(runId),
        decimated,
      };
    })
    .deferred();
}

export function compareRuns(store: Store, runIds: number[], maxPoints: number): Comparison {
  const unique = [...new Set(runIds)];
  if (unique.length !== runIds.length) throw new ValidationError('runIds: each run may appear only once in a comparison');
  for (const id of runIds) requireRun(store, id);
  const longest = Math.max(...runIds.map((id) => store.metrics.stepCountOf(id)));
  const runs = runIds.map((id) => getRunDetail(store, id, maxPoints, longest));
  return { runs, diff: configDiff(runs.map((r) => r.config)) };
}

function flatten(value: unknown, prefix: string, out: Map<string, unknown>): void {
  if (value !== null && typeof value === 'object' && !Array.isArray(value)) {
    for (const [k, v] of Object.entries(value)) flatten(v, prefix ? `${prefix}.${k}` : k, out);
  } else {
    out.set(prefix, value);
  }
}

/** Dotted config fields whose values are not all the same, in a stable order. */
export function configDiff(configs: ExperimentConfig[]): ConfigDiffRow[] {
  const flat = configs.map((c) => {
    const m = new Map<string, unknown>();
    flatten(c, '', m);
    return m;
  });
  const fields = [...new Set(flat.flatMap((m) => [...m.keys()]))];
  const rows: ConfigDiffRow[] = [];
  for (const field of fields) {
    const values = flat.map((m) => (m.has(field) ? JSON.stringify(m.get(field)) : '—'));
    if (new Set(values).size > 1) rows.push({ field, values });
  }
  return rows;
}
