// Reduce layer × step statistics to a grid of at most `columns` columns of log10 values for the heatmap:
// each column is the mean of log10‖g‖ over its steps; a column whose values are all exactly zero is -Infinity
// (drawn as "no signal"), a column without data is NaN.
import type { LayerStats } from '../../../electron/common/records';
import type { GradMetric } from './chart-math';

export interface HeatGrid {
  rows: number;
  cols: number;
  /** values[row * cols + col]. */
  values: Float64Array;
  /** First step of each column. */
  colSteps: number[];
  min: number;
  max: number;
}

/**
 * The one reducer of both heatmaps (layers here, time steps in time-grid.ts): `rows` rows over `steps`, at most
 * `columns` columns, each the mean of log10 of the positive finite values `valueAt(row, i)` of its steps.
 */
export function logMeanGrid(steps: readonly number[], rows: number, valueAt: (row: number, i: number) => number | undefined, columns: number): HeatGrid {
  const n = steps.length;
  const cols = Math.max(0, Math.min(n, Math.floor(columns)));
  const values = new Float64Array(rows * cols).fill(NaN);
  const colSteps: number[] = [];
  let min = Infinity;
  let max = -Infinity;
  for (let c = 0; c < cols; c++) {
    const start = Math.floor((c * n) / cols);
    const end = Math.max(start + 1, Math.floor(((c + 1) * n) / cols));
    colSteps.push(steps[start]!);
    for (let r = 0; r < rows; r++) {
      let sum = 0;
      let count = 0;
      let zeros = 0;
      for (let i = start; i < end; i++) {
        const v = valueAt(r, i);
        if (v === undefined) continue;
        if (v > 0 && Number.isFinite(v)) {
          sum += Math.log10(v);
          count++;
        } else if (v === 0) zeros++;
      }
      const cell = count ? sum / count : zeros ? -Infinity : NaN;
      values[r * cols + c] = cell;
      if (Number.isFinite(cell)) {
        if (cell < min) min = cell;
        if (cell > max) max = cell;
      }
    }
  }
  return { rows, cols, values, colSteps, min, max };
}

export function heatmapGrid(statSteps: readonly number[], layerStats: readonly (readonly LayerStats[])[], metric: GradMetric, columns: number): HeatGrid {
  return logMeanGrid(
    statSteps,
    layerStats.length,
    (r, i) => {
      const s = layerStats[r]![i];
      return s === undefined ? undefined : metric === 'grad' ? s.gradNorm : s.deltaNorm;
    },
    columns,
  );
}
