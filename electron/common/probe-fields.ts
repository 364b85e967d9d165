// The layer probe's column order, shared by the store (packed float64 blobs), bundles and CSV: each layer is
// PROBE_STRIDE numbers — the scalar fields below, then the activation histogram, then the ∂L/∂h histogram,
// then the layer's gradient check (index, analytic, numeric; NaN when none). Null travels as NaN and back.
import { gradientCheckVerdict, relativeDifference } from './diagnostics';
import { ACTIVATION_HISTOGRAM, HISTOGRAM, type GradientCheckEntry, type LayerProbeRecord, type ProbeLayerStats } from './records';

/** Scalar fields of ProbeLayerStats in column order (after step and layer). */
export const PROBE_SCALAR_FIELDS = [
  'actMean',
  'actStd',
  'saturatedFrac',
  'preP15',
  'preP50',
  'preP85',
  'actGradStd',
  'weightStd',
  'weightGradStd',
  'gradToData',
  'updateToDataStd',
  'updateToDataNorm',
  'deltaNorm',
  'biasGradNorm',
  'ledgerRatio',
  'ledgerActivation',
  'ledgerWeights',
  'actGradZeros',
  'total',
] as const satisfies readonly (keyof ProbeLayerStats)[];

const NS = PROBE_SCALAR_FIELDS.length;
/** The gradient check's columns, last in each layer. */
export const PROBE_CHECK_FIELDS = ['checkIndex', 'checkAnalytic', 'checkNumeric'] as const;
const HISTS = ACTIVATION_HISTOGRAM.bins + HISTOGRAM.bins;
/** Numbers per layer in the packed form. */
export const PROBE_STRIDE = NS + HISTS + PROBE_CHECK_FIELDS.length;

const NULLABLE = new Set<string>(['saturatedFrac', 'updateToDataStd', 'updateToDataNorm', 'ledgerRatio', 'ledgerActivation', 'ledgerWeights']);

/** One layer as PROBE_STRIDE numbers (null as NaN), with its gradient check when there is one. */
export function flattenProbeLayer(s: ProbeLayerStats, check?: GradientCheckEntry): number[] {
  const out = PROBE_SCALAR_FIELDS.map((f) => s[f] ?? NaN);
  return out.concat(s.actCounts, s.actGradCounts, check ? [check.index, check.analytic, check.numeric] : [NaN, NaN, NaN]);
}

/** The layers of a probe record as packed rows (layer order), its gradient check folded in. */
export function flattenProbe(p: LayerProbeRecord): number[][] {
  const checks = new Map((p.gradientCheck ?? []).map((c) => [c.layer, c]));
  return [...p.layers].sort((a, b) => a.layer - b.layer).map((l) => flattenProbeLayer(l, checks.get(l.layer)));
}

/** The gradient check of one packed layer, or undefined when it has none. */
export function unflattenCheck(v: ArrayLike<number | null>, offset: number, layer: number): GradientCheckEntry | undefined {
  const [index, analytic, numeric] = [0, 1, 2].map((i) => v[offset + NS + HISTS + i] ?? NaN) as [number, number, number];
  if (!Number.isFinite(index) || !Number.isFinite(analytic) || !Number.isFinite(numeric)) return undefined;
  return { layer, index, analytic, numeric, relative: relativeDifference(analytic, numeric), verdict: gradientCheckVerdict(analytic, numeric) };
}

/** One layer back from PROBE_STRIDE numbers at `offset` (NaN in a nullable field becomes null). */
export function unflattenProbeLayer(v: ArrayLike<number | null>, offset: number, layer: number): ProbeLayerStats {
  const out: Record<string, unknown> = { layer };
  PROBE_SCALAR_FIELDS.forEach((f, i) => {
    const x = v[offset + i] ?? NaN;
    out[f] = NULLABLE.has(f) && !Number.isFinite(x) ? null : x;
  });
  const counts = (from: number, n: number) => Array.from({ length: n }, (_, i) => v[offset + from + i] ?? 0);
  out.actCounts = counts(NS, ACTIVATION_HISTOGRAM.bins);
  out.actGradCounts = counts(NS + ACTIVATION_HISTOGRAM.bins, HISTOGRAM.bins);
  return out as unknown as ProbeLayerStats;
}

/** Column names of one layer's packed numbers (CSV headers). */
export function probeColumnNames(): string[] {
  return [
    ...PROBE_SCALAR_FIELDS,
    ...Array.from({ length: ACTIVATION_HISTOGRAM.bins }, (_, i) => `act.bin${i}`),
    ...Array.from({ length: HISTOGRAM.bins }, (_, i) => `actGrad.bin${i}`),
    ...PROBE_CHECK_FIELDS,
  ];
}
