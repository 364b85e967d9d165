// Reading saved runs for charts: one run's detail with its series thinned to a point budget, and comparisons of
// up to 8 runs whose series share one stride (so their points line up) plus a diff of only the differing fields.
import type { ExperimentConfig } from '../common/config';
import type { Comparison, ConfigDiffRow, RunDetail } from '../common/runs';
import { ValidationError } from '../common/validation';
import type { Store } from '../store/store';

export function requireRun(store: Store, runId: number) {
  const summary = store.runs.get(runId);
  if (!summary) throw new ValidationError(`runId: run ${runId} does not exist`, [{ path: 'runId', message: `run ${runId} does not exist` }]);
  return summary;
}

/** `alignSteps`: thin as if the run had this many steps (the longest run of a comparison). */
export function getRunDetail(store: Store, runId: number, maxPoints: number, alignSteps?: number): RunDetail {
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
