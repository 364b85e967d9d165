// `gradient-lab sweep --preset NAME --grid lr=1e-3,1e-2 --grid init=heNormal,glorotUniform --grid seed=1,2`:
// one run per point of the grid, all queued at once on the same service, then a table of their outcomes and
// the `compare` command that puts them side by side (the app's Compare view takes the same ids).
import { gridRuns, parseGrid } from '../../common/grid';
import { RUN_LIMITS, type RunStatus } from '../../common/runs';
import { call } from '../call';
import { configFromCli } from '../config-flags';
import { pct, table } from '../format';
import type { CliContext } from '../options';

export async function sweepCommand({ lab, opts, out, err }: CliContext): Promise<number> {
  const grid = (opts as { grid?: string[] }).grid ?? [];
  const axes = parseGrid(grid);
  // Every config is checked before any run is queued (the grid expansion and naming are the app's too).
  const runs = gridRuns(configFromCli({ ...opts, grid: undefined }), axes);
  const ended = new Map<number, RunStatus>();
  let resolveAll: () => void = () => undefined;
  const all = new Promise<void>((r) => (resolveAll = r));
  const ids: number[] = [];
  const unsubscribe = lab.service.onEvent((e) => {
    if (e.channel === 'run:status' && !['queued', 'running'].includes(e.payload.status)) {
      ended.set(e.payload.runId, e.payload.status);
      if (ids.length === runs.length && ids.every((id) => ended.has(id))) resolveAll();
    }
  });
  try {
    for (const r of runs) ids.push((await call(lab, 'run:start', r.request)).id);
    err.write(`queued ${ids.length} runs: ${ids.join(', ')}\n`);
    if (ids.every((id) => ended.has(id))) resolveAll();
    await all;
  } finally {
    unsubscribe();
  }
  const rows = ids.map((id, i) => {
    const s = lab.service.store.runs.get(id)!;
    return [String(id), s.name, ended.get(id) ?? s.status, ...axes.map((a) => runs[i]!.point[a.key] ?? ''), pct(s.final?.testAcc)];
  });
  if (opts.json) out.write(JSON.stringify({ runIds: ids, runs: ids.map((id) => lab.service.store.runs.get(id)) }) + '\n');
  else {
    out.write(table(['ID', 'NAME', 'STATUS', ...axes.map((a) => a.key.toUpperCase()), 'TEST ACC'], rows));
    out.write(`compare them: gradient-lab compare ${ids.slice(0, RUN_LIMITS.compareMax).join(' ')}\n`);
  }
  return ids.every((id) => ended.get(id) === 'completed') ? 0 : 1;
}
