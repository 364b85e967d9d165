// Reduce a recurrent run's ‖∂E/∂h_t‖ (time step × statistics step) to the heatmap grid, with the one reducer of
// heatmap-grid.ts (logMeanGrid): rows are time steps (first step on top), each column the mean of log10‖∂E/∂h_t‖
// over its statistics steps; a column whose values are all exactly zero is -Infinity (no signal), one without
// data NaN. Also the ratio the time-step chart reads out: first step's signal over the last's.
import type { TimeStats } from '../../../electron/common/records';
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
