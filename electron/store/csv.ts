// CSV export of one run for spreadsheets: the epoch table, or the step table with every per-layer statistic
// as its own column (layer name + field). Non-finite values are empty cells.
import type { LayerInfo } from '../common/records';
import type { CSV_TABLES } from '../common/runs';
import { LAYER_STAT_FIELDS } from './metrics';
import type { Store } from './store';

export type CsvTable = (typeof CSV_TABLES)[number];

const cell = (x: unknown): string => {
  if (x === null || x === undefined) return '';
  if (typeof x === 'number') return Number.isFinite(x) ? String(x) : '';
  const s = String(x);
  return /[",\n\r]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
};
const line = (xs: unknown[]) => xs.map(cell).join(',');

export function runCsv(store: Store, runId: number, table: CsvTable): { fileName: string; csv: string } {
  const rows = store.metrics.rows(runId);
  const out: string[] = [];
  if (table === 'epochs') {
    out.push(line(['epoch', 'trainLoss', 'trainAcc', 'testLoss', 'testAcc', 'seconds', 'samplesPerSec']));
    for (const e of rows.epochs) out.push(line([e.epoch, e.trainLoss, e.trainAcc, e.testLoss, e.testAcc, e.seconds, e.samplesPerSec]));
  } else {
    const layers: LayerInfo[] = store.runs.layers(runId);
    const nLayers = Math.max(layers.length, ...rows.layerStats.map((r) => (r[1] as number) + 1));
    const label = (i: number) => layers[i]?.name ?? `layer${i}`;
    const header = ['step', 'epoch', 'batch', 'loss', 'acc'];
    for (let i = 0; i < nLayers; i++) for (const f of LAYER_STAT_FIELDS) header.push(`${label(i)}.${f}`);
    out.push(line(header));
    const byStep = new Map<number, (number | null)[]>();
    for (const r of rows.layerStats) {
      const step = r[0] as number;
      const layer = r[1] as number;
      const cells = byStep.get(step) ?? new Array<number | null>(nLayers * LAYER_STAT_FIELDS.length).fill(null);
      r.slice(2).forEach((v, j) => (cells[layer * LAYER_STAT_FIELDS.length + j] = v));
      byStep.set(step, cells);
    }
    const empty = new Array<null>(nLayers * LAYER_STAT_FIELDS.length).fill(null);
    for (const s of rows.steps) out.push(line([...s, ...(byStep.get(s[0]) ?? empty)]));
  }
  return { fileName: `gradient-lab-run-${runId}-${table}.csv`, csv: out.join('\n') + '\n' };
}
