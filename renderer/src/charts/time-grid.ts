// Reduce a recurrent run's ‖∂E/∂h_t‖ (time step × statistics step) to the heatmap grid, with the one reducer of
// heatmap-grid.ts (logMeanGrid): rows are time steps (first step on top), each column the mean of log10‖∂E/∂h_t‖
// over its statistics steps; a column whose values are all exactly zero is -Infinity (no signal), one without
// data NaN. Also the ratio the time-step chart reads out: first step's signal over the last's.
import type { TimeStats } from '../../../electron/common/records';
import { line } from 'd3-shape';
import { logMeanGrid, type HeatGrid } from './heatmap-grid';

export function timeGrid(timeSteps: readonly number[], timeStats: readonly TimeStats[], columns: number): HeatGrid {
  const rows = Math.max(0, ...timeStats.map((s) => s.norms.length));
  return logMeanGrid(timeSteps, rows, (r, i) => timeStats[i]?.norms[r], columns);
}

/** ‖∂E/∂h₁‖ / ‖∂E/∂h_T‖ of one statistics step (how much of the last step's signal reaches the first). */
export function firstToLast(s: TimeStats): number {
  const first = s.norms[0];
  const last = s.norms[s.norms.length - 1];
  return first !== undefined && last !== undefined && last > 0 ? first / last : NaN;
}

/** ‖∂E/∂h_t‖ against t (from 1) as paths broken at exact zeros and non-finite values, never bridged over them. */
export function brokenPaths(norms: readonly number[], x: (t: number) => number, y: (v: number) => number): string[] {
  const segs: { t: number; v: number }[][] = [[]];
  norms.forEach((v, i) => {
    if (v > 0 && Number.isFinite(v)) segs[segs.length - 1]!.push({ t: i + 1, v });
    else if (segs[segs.length - 1]!.length) segs.push([]);
  });
  const l = line<{ t: number; v: number }>().x((p) => x(p.t)).y((p) => y(p.v));
  return segs.filter((s) => s.length > 0).map((s) => l(s) ?? '');
}
