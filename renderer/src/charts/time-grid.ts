// Reduce a recurrent run's ‖∂E/∂h_t‖ (time step × statistics step) to the heatmap grid of heatmap-grid.ts: rows
// are time steps (first step on top), each column the mean of log10‖∂E/∂h_t‖ over its statistics steps; a
// column whose values are all exactly zero is -Infinity (no signal), one without data NaN. Also the series the
// time-step chart draws: the first and the latest statistics step.
import type { TimeStats } from '../../../electron/common/records';
import type { HeatGrid } from './heatmap-grid';

export function timeGrid(timeSteps: readonly number[], timeStats: readonly TimeStats[], columns: number): HeatGrid {
  const rows = Math.max(0, ...timeStats.map((s) => s.norms.length));
  const n = timeSteps.length;
  const cols = Math.max(0, Math.min(n, Math.floor(columns)));
  const values = new Float64Array(rows * cols).fill(NaN);
  const colSteps: number[] = [];
  let min = Infinity;
  let max = -Infinity;
  for (let c = 0; c < cols; c++) {
    const start = Math.floor((c * n) / cols);
    const end = Math.max(start + 1, Math.floor(((c + 1) * n) / cols));
    colSteps.push(timeSteps[start]!);
    for (let r = 0; r < rows; r++) {
      let sum = 0;
      let count = 0;
      let zeros = 0;
      for (let i = start; i < end; i++) {
        const v = timeStats[i]!.norms[r];
        if (v === undefined || !Number.isFinite(v)) continue;
        if (v === 0) zeros++;
        else {
          sum += Math.log10(v);
          count++;
        }
      }
      const value = count > 0 ? sum / count : zeros > 0 ? -Infinity : NaN;
      values[r * cols + c] = value;
      if (Number.isFinite(value)) {
        min = Math.min(min, value);
        max = Math.max(max, value);
      }
    }
  }
  return { rows, cols, values, colSteps, min, max };
}

/** ‖∂E/∂h₁‖ / ‖∂E/∂h_T‖ of one statistics step (how much of the last step's signal reaches the first). */
export function firstToLast(s: TimeStats): number {
  const first = s.norms[0];
  const last = s.norms[s.norms.length - 1];
  return first !== undefined && last !== undefined && last > 0 ? first / last : NaN;
}
