// The layer probe's column order, shared by the store (packed float64 blobs), bundles and CSV: each layer is
// PROBE_STRIDE numbers — the scalar fields below, then the activation histogram, then the ∂L/∂h histogram.
// Null travels as NaN in the packed form and back.
import { ACTIVATION_HISTOGRAM, HISTOGRAM, type ProbeLayerStats } from './records';

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
/** Numbers per layer in the packed form. */
export const PROBE_STRIDE = NS + ACTIVATION_HISTOGRAM.bins + HISTOGRAM.bins;

const NULLABLE = new Set<string>(['saturatedFrac', 'updateToDataStd', 'updateToDataNorm', 'ledgerRatio', 'ledgerActivation', 'ledgerWeights']);

/** One layer as PROBE_STRIDE numbers (null as NaN). */
export function flattenProbeLayer(s: ProbeLayerStats): number[] {
  const out = PROBE_SCALAR_FIELDS.map((f) => s[f] ?? NaN);
  return out.concat(s.actCounts, s.actGradCounts);
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
  ];
}
