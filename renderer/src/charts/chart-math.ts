// Pure helpers the charts share: smoothing, decimation to a point budget, log-axis ticks, layer colours and
// number formats. Kept free of Svelte so they can be tested directly and reused by the History/Compare views.
import { extent } from 'd3-array';
import { format } from 'd3-format';
import { scaleLog, type ScaleLogarithmic } from 'd3-scale';
import { interpolateViridis } from 'd3-scale-chromatic';
import { FLOAT32_MIN_NORMAL } from '../../../electron/common/diagnostics';

export interface XY {
  x: number;
  y: number;
}

/** Exponential moving average with bias correction (as TensorBoard does), so the start is not pulled to 0. */
export function smooth(values: readonly number[], weight = 0.9): number[] {
  const out: number[] = new Array(values.length);
  let last = 0;
  let n = 0;
  for (let i = 0; i < values.length; i++) {
    const v = values[i]!;
    if (!Number.isFinite(v)) {
      out[i] = v;
      continue;
    }
    last = last * weight + (1 - weight) * v;
    n++;
    out[i] = last / (1 - weight ** n);
  }
  return out;
}

/**
 * Thin a series to about `budget` points by splitting x into equal buckets and keeping each bucket's min and
 * max (in x order), so spikes survive: a 4 690-step run draws as fast as a 400-step one.
 */
export function decimate(xs: readonly number[], ys: readonly number[], budget: number): XY[] {
  const n = Math.min(xs.length, ys.length);
  if (n <= budget) {
    const out: XY[] = [];
    for (let i = 0; i < n; i++) out.push({ x: xs[i]!, y: ys[i]! });
    return out;
  }
  const buckets = Math.max(1, Math.floor(budget / 2));
  const size = n / buckets;
  const out: XY[] = [];
  for (let b = 0; b < buckets; b++) {
    const start = Math.floor(b * size);
    const end = Math.min(n, Math.floor((b + 1) * size));
    let lo = start;
    let hi = start;
    for (let i = start; i < end; i++) {
      if (ys[i]! < ys[lo]!) lo = i;
      if (ys[i]! > ys[hi]!) hi = i;
    }
    const [a, c] = lo <= hi ? [lo, hi] : [hi, lo];
    out.push({ x: xs[a]!, y: ys[a]! });
    if (c !== a) out.push({ x: xs[c]!, y: ys[c]! });
  }
  return out;
}

/** Indices of at most `budget` evenly spaced samples (always including the last), for per-step layer data. */
export function sampleIndices(n: number, budget: number): number[] {
  if (n <= budget) return Array.from({ length: n }, (_, i) => i);
  const out: number[] = [];
  const stride = (n - 1) / (budget - 1);
  for (let i = 0; i < budget; i++) out.push(Math.round(i * stride));
  return out;
}

/** Powers of ten covering [lo, hi] (both > 0), thinned so at most `max` labels show. */
export function decadeTicks(lo: number, hi: number, max = 8): number[] {
  const a = Math.floor(Math.log10(lo));
  const b = Math.ceil(Math.log10(hi));
  const step = Math.max(1, Math.ceil((b - a + 1) / max));
  const ticks: number[] = [];
  for (let e = a; e <= b; e += step) ticks.push(10 ** e);
  return ticks;
}

/** Positive, finite values only: what a log scale can place. */
export function positive(values: Iterable<number>): number[] {
  const out: number[] = [];
  for (const v of values) if (v > 0 && Number.isFinite(v)) out.push(v);
  return out;
}

/**
 * The log y scale of every gradient chart: whole decades around the positive finite values (exact zeros have
 * their own row, never a place on the axis), [fallbackLo, 1] when there are none.
 */
export function decadeLogScale(values: Iterable<number>, range: [number, number], fallbackLo = 1e-6): ScaleLogarithmic<number, number> {
  const [lo, hi] = extent(positive(values));
  const a = lo === undefined ? fallbackLo : 10 ** reachFloor(Math.floor(Math.log10(lo)));
  const b = hi === undefined ? 1 : 10 ** Math.ceil(Math.log10(hi));
  return scaleLog().domain([a, b === a ? a * 10 : b]).range(range);
}

/** log10 of the smallest normal float32 (≈ −37.93): the floor line of every log chart. */
export const FLOOR_LOG10 = Math.log10(FLOAT32_MIN_NORMAL);
export const FLOAT_FLOOR = FLOAT32_MIN_NORMAL;

/** The floor as the legends write it. */
export const FLOOR_TEXT = '1.18e-38';

/** Data whose lowest decade lies within this many decades above the floor pulls the axis down to include it. */
export const FLOOR_REACH_DECADES = 4;

/**
 * The lower end (log10) of a log axis, extended to the floor's decade (10⁻³⁸) when the data comes within
 * FLOOR_REACH_DECADES of it; left alone otherwise, so a normal run is not squashed into 40 decades.
 */
export function reachFloor(loLog10: number): number {
  const gap = loLog10 - FLOOR_LOG10;
  return gap > 0 && gap <= FLOOR_REACH_DECADES ? Math.floor(FLOOR_LOG10) : loLog10;
}

/** Where the floor falls on an axis spanning [a, b] in log10 units (either order): on it, under it, or over it. */
export type FloorPlace = 'inside' | 'below' | 'above';
export function floorPlace(a: number, b: number): FloorPlace {
  const lo = Math.min(a, b);
  const hi = Math.max(a, b);
  if (!Number.isFinite(lo) || !Number.isFinite(hi)) return 'below';
  return FLOOR_LOG10 < lo ? 'below' : FLOOR_LOG10 > hi ? 'above' : 'inside';
}

/** A value a float32 gradient holds only as a subnormal: positive but under the floor. */
export function subnormal(v: number): boolean {
  return v > 0 && v < FLOAT32_MIN_NORMAL;
}

/** One colour per layer, input side dark to output side bright (viridis: ordered and colour-blind safe). */
export function layerColour(index: number, count: number): string {
  return interpolateViridis(count <= 1 ? 0.1 : 0.05 + (0.85 * index) / (count - 1));
}

/** Okabe–Ito colours, safe for the common colour-vision deficiencies. */
export const OKABE_ITO = {
  blue: '#0072B2',
  orange: '#E69F00',
  green: '#009E73',
  vermillion: '#D55E00',
  purple: '#CC79A7',
  sky: '#56B4E9',
  yellow: '#F0E442',
  black: '#000000',
} as const;

/** The colour of "no signal" (an exact zero) everywhere. */
export const NO_SIGNAL = '#8a8f99';

const sci = format('.2~e');
const fixed = format('.3~f');
/** Compact number for read-outs: scientific when tiny or huge. */
export function fmt(v: number | null | undefined): string {
  if (v === null || v === undefined || Number.isNaN(v)) return '—';
  if (v === 0) return '0';
  if (!Number.isFinite(v)) return v > 0 ? '∞' : '−∞';
  const a = Math.abs(v);
  return a < 1e-3 || a >= 1e5 ? sci(v) : fixed(v);
}

/** A power of ten as a label: 1e-7 → "10⁻⁷". */
export function powerLabel(v: number): string {
  const e = Math.round(Math.log10(v));
  const sup: Record<string, string> = { '-': '⁻', '0': '⁰', '1': '¹', '2': '²', '3': '³', '4': '⁴', '5': '⁵', '6': '⁶', '7': '⁷', '8': '⁸', '9': '⁹' };
  return `10${String(e).replace(/[-0-9]/g, (c) => sup[c] ?? c)}`;
}

export const pct = format('.0%');
export const pct1 = format('.1%');

/** How many of the `window` steps folded into one statistics entry had an exactly zero gradient. */
export interface ZeroSteps {
  window: number;
  gradZeroSteps: number;
  deltaZeroSteps: number;
}

/** The value of a layer-statistics metric the gradient charts can show. */
export type GradMetric = 'grad' | 'delta';

/** One axis tick, placed by the chart's scale. */
export interface Tick {
  pos: number;
  label: string;
}

/** An epoch record placed at the step it ended on. */
export type EpochPoint = import('../../../electron/common/records').EpochRecord & { step: number };

/** Saturated (sigmoid/tanh tails) or dead (ReLU-family, silent all batch). */
export type SaturationKind = 'saturated' | 'dead';
