// Pure preparation of a Comparison for the Compare view's charts and tables: one colour per run (Okabe–Ito,
// colour-blind safe), epoch markers placed on steps, the "recent" per-layer gradients and the gradient span
// between the first and the last layer. No Svelte here, so it can be tested and benchmarked directly.
import { LAYER_STAT_FIELDS } from '../../../../electron/common/bundle';
import type { LayerInfo, LayerStats } from '../../../../electron/common/records';
import type { Comparison, RunDetail, RunSummary } from '../../../../electron/common/runs';
import { OKABE_ITO, type EpochPoint } from '../../charts/chart-math';
import { recentStats, stepsPerEpoch } from '../../lib/state/run-data';
import { runDisplayName } from '../../lib/i18n/option-labels';

/**
 * Eight distinct Okabe–Ito colours in the order a comparison uses them. Yellow comes last: it is the weakest
 * on white, so it only appears in a full comparison of eight.
 */
export const RUN_COLOURS: readonly string[] = [
  OKABE_ITO.blue,
  OKABE_ITO.vermillion,
  OKABE_ITO.green,
  OKABE_ITO.orange,
  OKABE_ITO.purple,
  OKABE_ITO.sky,
  OKABE_ITO.black,
  OKABE_ITO.yellow,
];

/** Dash patterns that add a second cue next to the colour (runs 5–8 are dashed). */
const DASHES = ['', '', '', '', '8 4', '8 4', '3 3', '3 3'];

/** Loss and accuracy against the training step (batches) or the epoch (test set). */
export type CurveMode = 'step' | 'epoch';

export interface CompareRun {
  id: number;
  /** Position in the comparison: picks the colour. */
  index: number;
  name: string;
  colour: string;
  dash: string;
  summary: RunSummary;
  detail: RunDetail;
  layers: LayerInfo[];
  epochs: EpochPoint[];
  /** Training steps in one epoch (what the epoch axis divides by). */
  stepsPerEpoch: number;
  /** Per layer, the last few statistics steps folded into one (null before any statistics). */
  recent: LayerStats[] | null;
  span: GradientSpan;
}

export interface GradientSpan {
  /** ‖∂E/∂W‖ of the first layer and of the output layer, recent values. */
  first: number | null;
  last: number | null;
  /** log10(first / last): −6 means the first layer gets a millionth of the output layer's gradient. */
  decades: number | null;
  /** The first layer's gradient is exactly 0: no signal reaches it (infinite span). */
  firstZero: boolean;
}

export function runColour(index: number): string {
  return RUN_COLOURS[index % RUN_COLOURS.length]!;
}

/** Run ids from a hash like `#/compare?runs=3,5,9` (duplicates and junk dropped, order kept). */
export function runIdsFromHash(hash: string): number[] {
  const m = /[?&]runs=([^&]*)/.exec(hash);
  if (!m) return [];
  const ids = m[1]!.split(',').map((s) => Number(s.trim())).filter((n) => Number.isInteger(n) && n > 0);
  return [...new Set(ids)];
}

let lastIds: number[] = [];

/** The runs last compared in this window, so the Compare tab reopens them after a visit elsewhere. */
export function rememberComparison(ids: readonly number[]): void {
  lastIds = [...ids];
}

export function lastComparison(): number[] {
  return lastIds;
}

export function compareHash(runIds: readonly number[]): string {
  return `#/compare?runs=${runIds.join(',')}`;
}

export function gradientSpan(recent: readonly LayerStats[] | null): GradientSpan {
  const first = recent?.[0]?.gradNorm ?? null;
  const last = recent && recent.length > 1 ? (recent[recent.length - 1]?.gradNorm ?? null) : null;
  const firstZero = first === 0;
  const decades = first !== null && last !== null && first > 0 && last > 0 && Number.isFinite(first) && Number.isFinite(last) ? Math.log10(first / last) : null;
  return { first, last, decades, firstZero };
}

function runStepsPerEpoch(detail: RunDetail): number {
  const { config, series, epochs } = detail;
  const lastStep = series.steps.length ? series.steps[series.steps.length - 1]! : 0;
  const trainSize = config.dataset.kind === 'toy-mortgage' ? undefined : config.dataset.trainSize;
  return stepsPerEpoch(trainSize, config.training.batchSize, lastStep, epochs.length);
}

function epochPoints(detail: RunDetail): EpochPoint[] {
  const per = runStepsPerEpoch(detail);
  return detail.epochs.map((e) => ({ ...e, step: (e.epoch + 1) * per - 1 }));
}

/**
 * Per-layer statistics of a run in a comparison: as sent, or rebuilt from the two gradient columns of a
 * `gradientsOnly` comparison (the statistics not sent are NaN: unknown, and never drawn by Compare).
 */
export function layerStatsOf(detail: RunDetail): LayerStats[][] {
  const { layerStats, gradients } = detail.series;
  if (layerStats.length || !gradients) return layerStats;
  const unknown = Object.fromEntries(LAYER_STAT_FIELDS.map((f) => [f, NaN])) as Omit<LayerStats, 'layer'>;
  return gradients.gradNorm.map((col, layer) =>
    col.map((g, i) => ({ ...unknown, layer, gradNorm: g ?? NaN, deltaNorm: gradients.deltaNorm[layer]?.[i] ?? NaN })),
  );
}

export function prepareRuns(comparison: Comparison): CompareRun[] {
  return comparison.runs.map((raw, index) => {
    const detail = raw.series.layerStats.length || !raw.series.gradients ? raw : { ...raw, series: { ...raw.series, layerStats: layerStatsOf(raw) } };
    const recent = recentStats(detail.series.layerStats);
    return {
      id: detail.summary.id,
      index,
      name: runDisplayName(detail.summary.name, detail.summary.id, detail.summary.preset, detail.summary.origin),
      colour: runColour(index),
      dash: DASHES[index] ?? '',
      summary: detail.summary,
      detail,
      layers: detail.layers,
      epochs: epochPoints(detail),
      stepsPerEpoch: runStepsPerEpoch(detail),
      recent,
      span: gradientSpan(recent),
    };
  });
}

/** A config value as the diff table shows it: strings without their JSON quotes, absent fields as a dash. */
export function diffValue(json: string): string {
  if (json === '—') return json;
  try {
    const v: unknown = JSON.parse(json);
    return typeof v === 'string' ? v : json;
  } catch {
    return json;
  }
}

