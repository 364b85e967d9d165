// `gradient-lab sweep --preset NAME --grid lr=1e-3,1e-2 --grid init=heNormal,glorotUniform --grid seed=1,2`:
// one run per point of the grid, all queued at once on the same service, then a table of their outcomes and
// the `compare` command that puts them side by side (the app's Compare view takes the same ids).
import { LabError } from '../../common/result';
import { RUN_LIMITS, type RunStatus } from '../../common/runs';
import { runRequest } from '../../common/run-naming';
import { call } from '../call';
import { configFromCli } from '../config-flags';
import { pct, table } from '../format';
import type { CliContext } from '../options';

/** Grid keys and the flag each one sets. */
const GRID_KEYS: Record<string, string> = {
  lr: 'lr', init: 'init', activation: 'activation', optimizer: 'optimizer', seed: 'seed', depth: 'depth', width: 'width',
  'batch-size': 'batch-size', epochs: 'epochs', 'batch-norm': 'batch-norm', residual: 'residual',
};
export const SWEEP_MAX_RUNS = 64;

export function parseGrid(specs: readonly string[]): { key: string; values: string[] }[] {
  if (specs.length === 0) throw new LabError('ValidationError', `--grid KEY=V1,V2 is required (keys: ${Object.keys(GRID_KEYS).join(', ')})`);
  const axes = specs.map((spec) => {
    const m = /^([\w-]+)=(.+)$/.exec(spec);
    if (!m || !GRID_KEYS[m[1]!]) throw new LabError('ValidationError', `--grid must be KEY=V1,V2,… with KEY one of ${Object.keys(GRID_KEYS).join(', ')} (got "${spec}")`);
    return { key: m[1]!, values: [...new Set(m[2]!.split(',').map((v) => v.trim()).filter(Boolean))] };
  });
  const total = axes.reduce((n, a) => n * a.values.length, 1);
  if (total > SWEEP_MAX_RUNS) throw new LabError('ValidationError', `the grid has ${total} points; a sweep runs at most ${SWEEP_MAX_RUNS}`);
  return axes;
}

/** Every point of the grid, as flag overrides (batch-norm / residual take true/false). */
export function gridPoints(axes: { key: string; values: string[] }[]): Record<string, string | boolean>[] {
  let points: Record<string, string | boolean>[] = [{}];
  for (const a of axes) {
    points = points.flatMap((p) =>
      a.values.map((v) => {
        if (a.key === 'batch-norm' || a.key === 'residual') {
          if (v !== 'true' && v !== 'false') throw new LabError('ValidationError', `--grid ${a.key} takes true,false (got "${v}")`);
          return { ...p, [a.key]: v === 'true', [`no-${a.key}`]: v === 'false' };
        }
        return { ...p, [GRID_KEYS[a.key]!]: v };
      }),
    );
  }
  return points;
}

export async function sweepCommand({ lab, opts, out, err }: CliContext): Promise<number> {
  const grid = (opts as { grid?: string[] }).grid ?? [];
  const points = gridPoints(parseGrid(grid));
  // Every config is checked before any run is queued.
  const configs = points.map((p) => configFromCli({ ...opts, ...p, grid: undefined }));
  const ended = new Map<number, RunStatus>();
  let resolveAll: () => void = () => undefined;
  const all = new Promise<void>((r) => (resolveAll = r));
  const ids: number[] = [];
  const unsubscribe = lab.service.onEvent((e) => {
    if (e.channel === 'run:status' && !['queued', 'running'].includes(e.payload.status)) {
      ended.set(e.payload.runId, e.payload.status);
      if (ids.length === configs.length && ids.every((id) => ended.has(id))) resolveAll();
    }
  });
  try {
    for (const config of configs) ids.push((await call(lab, 'run:start', runRequest(config))).id);
    err.write(`queued ${ids.length} runs: ${ids.join(', ')}\n`);
    if (ids.every((id) => ended.has(id))) resolveAll();
    await all;
  } finally {
    unsubscribe();
  }
  const rows = ids.map((id, i) => {
    const s = lab.service.store.runs.get(id)!;
    return [String(id), s.name, ended.get(id) ?? s.status, ...grid.map((g) => String(points[i]![GRID_KEYS[g.split('=')[0]!]!] ?? '')), pct(s.final?.testAcc)];
  });
  if (opts.json) out.write(JSON.stringify({ runIds: ids, runs: ids.map((id) => lab.service.store.runs.get(id)) }) + '\n');
  else {
    out.write(table(['ID', 'NAME', 'STATUS', ...grid.map((g) => g.split('=')[0]!.toUpperCase()), 'TEST ACC'], rows));
    out.write(`compare them: gradient-lab compare ${ids.slice(0, RUN_LIMITS.compareMax).join(' ')}\n`);
  }
  return ids.every((id) => ended.get(id) === 'completed') ? 0 : 1;
}
