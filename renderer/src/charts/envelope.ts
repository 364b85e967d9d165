// The envelope of a thinned series as a chart draws it: per drawn column, the lowest and highest value of the
// steps it stands for (from the host's per-point ranges), merged further down to the chart's point budget so a
// spike between two drawn points still shows as a band.
export interface RangePoint {
  x: number;
  lo: number;
  hi: number;
}

/** At most `budget` points; each one spans the range of the points merged into it (non-finite ones skipped). */
export function envelopeBand(xs: readonly number[], lo: readonly number[], hi: readonly number[], budget: number): RangePoint[] {
  const n = Math.min(xs.length, lo.length, hi.length);
  const per = Math.max(1, Math.ceil(n / Math.max(1, budget)));
  const out: RangePoint[] = [];
  for (let start = 0; start < n; start += per) {
    let a = Infinity;
    let b = -Infinity;
    for (let i = start; i < Math.min(n, start + per); i++) {
      if (Number.isFinite(lo[i])) a = Math.min(a, lo[i]!);
      if (Number.isFinite(hi[i])) b = Math.max(b, hi[i]!);
    }
    if (a <= b) out.push({ x: xs[start]!, lo: a, hi: b });
  }
  return out;
}
