import { bisector } from 'd3-array';

/** Where the pointer is over a chart's svg, in the chart's own pixels (those its scales map to).
 *  `offsetX`/`offsetY` are in the window's pixels: under CSS zoom (a presenter's full-screen chart is drawn at 1/zoom
 *  of the screen and enlarged) they are zoom times too large, and hovering half-way across would read out the far
 *  end. The ratio of the element's drawn box to its own size undoes any zoom around it. */
export function chartPoint(e: MouseEvent): { x: number; y: number } {
  const el = e.currentTarget as Element | null;
  if (!el) return { x: e.offsetX, y: e.offsetY };
  const box = el.getBoundingClientRect();
  const sx = el.clientWidth > 0 && box.width > 0 ? box.width / el.clientWidth : 1;
  const sy = el.clientHeight > 0 && box.height > 0 ? box.height / el.clientHeight : sx;
  return { x: (e.clientX - box.left) / sx, y: (e.clientY - box.top) / sy };
}

/** The pointer's x inside the plot (0 … innerW from the plot's left edge at `left`), or null off the plot. */
export function plotX(e: MouseEvent, left: number, innerW: number): number | null {
  const px = chartPoint(e).x - left;
  return px < 0 || px > innerW ? null : px;
}

/** Which of `steps` (ascending, on the step axis `x`) lies nearest the pointer: its index, or -1 off the plot. */
export function nearestStep(e: MouseEvent, left: number, innerW: number, x: { invert(px: number): number }, steps: readonly number[]): number {
  const px = plotX(e, left, innerW);
  if (px === null || !steps.length) return -1;
  return Math.max(0, Math.min(steps.length - 1, bisector((s: number) => s).center(steps, x.invert(px))));
}
