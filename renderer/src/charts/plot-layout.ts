// The layout rules every chart shares, so each chart file is only its marks: the inner plot box from the
// measured width and the margins, step-axis ticks spaced for their labels, and layer labels thinned so that
// neighbours never collide ("L10output"), whatever the width and the language.
import { format } from 'd3-format';
import type { ScaleLinear } from 'd3-scale';
import { textWidth } from './chart-export';
import type { Tick } from './chart-math';

export interface Margins {
  l: number;
  r: number;
  t: number;
  b: number;
}

/** A compared run as a chart's legend names it. */
export interface FrameRun {
  id: number;
  name: string;
  colour: string;
  dash?: string;
}

/** The frame's measured width, or the chart's own when nothing was measured (no layout, first paint). */
export function frameWidth(measured: number, fallback: number): number {
  return measured > 0 ? Math.max(240, Math.floor(measured)) : fallback;
}

/** The plot box inside the margins (never collapsing to nothing). */
export function innerBox(width: number, height: number, m: Margins): { w: number; h: number } {
  return { w: Math.max(10, width - m.l - m.r), h: Math.max(20, height - m.t - m.b) };
}

const si = format('~s');

/** A step count as an axis label: whole numbers as they are under 1000, then 1k, 1.5k, 20k (never "500m"). */
export function stepLabel(v: number): string {
  return Math.abs(v) < 1000 ? String(v) : si(v);
}

/** Ticks of a step-like (integer) linear axis, about one label per `spacing` px. */
export function integerTicks(x: ScaleLinear<number, number>, length: number, spacing = 90, label: (v: number) => string = stepLabel): Tick[] {
  return x
    .ticks(Math.max(2, Math.floor(length / spacing)))
    .filter(Number.isInteger)
    .map((v) => ({ pos: x(v), label: label(v) }));
}

/**
 * Keep only labels that do not collide at `size` px: the last one (the output layer) always stays, the first
 * one stays where it fits, those in between are kept when they clear their kept neighbours by `gap` px.
 */
export function thinLabels(ticks: readonly Tick[], size = 13, gap = 8): Tick[] {
  if (ticks.length <= 1) return [...ticks];
  const half = (t: Tick) => textWidth(t.label, size) / 2;
  const last = ticks[ticks.length - 1]!;
  const kept: Tick[] = [];
  for (const tk of ticks.slice(0, -1)) {
    const prev = kept[kept.length - 1];
    if (prev && tk.pos - half(tk) < prev.pos + half(prev) + gap) continue;
    if (last.pos - half(last) < tk.pos + half(tk) + gap) continue;
    kept.push(tk);
  }
  return [...kept, last];
}

/** Rows `rowH` px apart labelled only every n-th so labels `min` px tall never touch (the last always named). */
export function rowLabels<T>(rows: readonly T[], rowH: number, min = 13): T[] {
  const every = Math.max(1, Math.ceil(min / Math.max(1, rowH)));
  return rows.filter((_, i) => i === rows.length - 1 ? true : i % every === 0 && rows.length - 1 - i >= every);
}
