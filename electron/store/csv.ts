// CSV export of one run for spreadsheets: the epoch table, or the step table with every per-layer statistic
// as its own column (layer name + field). Non-finite values are empty cells. Text that a spreadsheet would run
// as a formula (starting with = + - @, tab or CR, e.g. a layer name from an imported bundle) is prefixed with an
// apostrophe. The table comes in chunks of lines, so a long run is written piece by piece, not as one string.
import { probeColumnNames } from '../common/probe-fields';
import type { LayerInfo } from '../common/records';
import type { CSV_TABLES } from '../common/runs';
import { LAYER_STAT_FIELDS } from './metrics';
import type { Store } from './store';

export type CsvTable = (typeof CSV_TABLES)[number];

/** Lines per chunk of csvChunks. */
const CHUNK_LINES = 2000;

/** A text cell that a spreadsheet would start evaluating as a formula. */
const FORMULA_START = /^[=+\-@\t\r]/;

const cell = (x: unknown): string => {
  if (x === null || x === undefined) return '';
  if (typeof x === 'number') return Number.isFinite(x) ? String(x) : '';
  let s = String(x);
  if (FORMULA_START.test(s)) s = `'${s}`;
  return /[",\n\r]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
};
const line = (xs: unknown[]) => xs.map(cell).join(',');

export const csvFileName = (runId: number, table: CsvTable) => `gradient-lab-run-${runId}-${table}.csv`;

/** The table as text chunks of up to CHUNK_LINES lines, each ending with a newline. */
export function* csvChunks(store: Store, runId: number, table: CsvTable): Generator<string> {
  let out: string[] = [];
  const push = function* (text: string) {
    out.push(text);
    if (out.length >= CHUNK_LINES) {
      yield out.join('\n') + '\n';
      out = [];
    }
  };
  const rows = store.metrics.rows(runId);
  if (table === 'epochs') {
    yield* push(line(['epoch', 'trainLoss', 'trainAcc', 'testLoss', 'testAcc', 'seconds', 'samplesPerSec']));
    for (const e of rows.epochs) yield* push(line([e.epoch, e.trainLoss, e.trainAcc, e.testLoss, e.testAcc, e.seconds, e.samplesPerSec]));
  } else if (table === 'probes') {
    // One line per probed step and layer: the layer probe's fields, then both histograms bin by bin.
    const layers = store.runs.layers(runId);
    yield* push(line(['step', 'layer', 'name', 'learningRate', 'loss', ...probeColumnNames()]));
    for (const p of store.probes.rows(runId)) {
      for (const [l, values] of p.layers.entries()) yield* push(line([p.step, l, layers[l]?.name ?? `layer${l}`, p.learningRate, p.loss, ...values]));
    }
  } else {
    const layers: LayerInfo[] = store.runs.layers(runId);
    let nLayers = layers.length;
    for (const r of rows.layerStats) nLayers = Math.max(nLayers, (r[1] as number) + 1);
    const label = (i: number) => layers[i]?.name ?? `layer${i}`;
    const header = ['step', 'epoch', 'batch', 'loss', 'acc'];
    for (let i = 0; i < nLayers; i++) for (const f of LAYER_STAT_FIELDS) header.push(`${label(i)}.${f}`);
    yield* push(line(header));
    const byStep = new Map<number, (number | null)[]>();
    for (const r of rows.layerStats) {
      const step = r[0] as number;
      const layer = r[1] as number;
      const cells = byStep.get(step) ?? new Array<number | null>(nLayers * LAYER_STAT_FIELDS.length).fill(null);
      r.slice(2).forEach((v, j) => (cells[layer * LAYER_STAT_FIELDS.length + j] = v));
      byStep.set(step, cells);
    }
    const empty = new Array<null>(nLayers * LAYER_STAT_FIELDS.length).fill(null);
    for (const s of rows.steps) yield* push(line([...s, ...(byStep.get(s[0]) ?? empty)]));
  }
  if (out.length) yield out.join('\n') + '\n';
}

/** The whole table as one string (for hosts that pass it on in one message). */
export function runCsv(store: Store, runId: number, table: CsvTable): { fileName: string; csv: string } {
  return { fileName: csvFileName(runId, table), csv: [...csvChunks(store, runId, table)].join('') };
}
