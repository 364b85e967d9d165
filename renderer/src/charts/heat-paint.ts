// The one heatmap painter, shared by Train's layer heatmap and Compare's panels: a grid becomes the pixels of
// a small bitmap (one per cell, through a 256-entry colour table) stretched, unsmoothed, onto the canvas in one
// drawImage. Thousands of fillRect calls with a CSS colour string each cost hundreds of ms for eight panels;
// this costs a few.
import { scaleSequential } from 'd3-scale';
import { interpolateViridis } from 'd3-scale-chromatic';
import { reachFloor } from './chart-math';
import type { HeatGrid } from './heatmap-grid';

/** "#rrggbb" or "rgb(r, g, b)" → [r, g, b]. */
export function parseColour(c: string): [number, number, number] {
  if (c.startsWith('#') && c.length === 7) return [parseInt(c.slice(1, 3), 16), parseInt(c.slice(3, 5), 16), parseInt(c.slice(5, 7), 16)];
  const m = /rgba?\((\d+),\s*(\d+),\s*(\d+)/.exec(c);
  return m ? [Number(m[1]), Number(m[2]), Number(m[3])] : [0, 0, 0];
}

/** 256 RGB triples sampling `colour` evenly over [lo, hi]. */
export function colourTable(colour: (v: number) => string, lo: number, hi: number): Uint8Array {
  const table = new Uint8Array(256 * 3);
  for (let i = 0; i < 256; i++) table.set(parseColour(colour(lo + ((hi - lo) * i) / 255)), i * 3);
  return table;
}

/** RGBA pixels of the grid, one per cell: NaN transparent, −∞ (exact zero) in `zero`. */
export function gridPixels(grid: HeatGrid, table: Uint8Array, lo: number, hi: number, zero: [number, number, number]): Uint8ClampedArray<ArrayBuffer> {
  const px = new Uint8ClampedArray(grid.rows * grid.cols * 4);
  const span = hi - lo || 1;
  for (let i = 0; i < grid.values.length; i++) {
    const v = grid.values[i]!;
    if (Number.isNaN(v)) continue;
    const o = i * 4;
    if (v === -Infinity) {
      px[o] = zero[0];
      px[o + 1] = zero[1];
      px[o + 2] = zero[2];
    } else {
      const k = Math.max(0, Math.min(255, Math.round(((v - lo) / span) * 255))) * 3;
      px[o] = table[k]!;
      px[o + 1] = table[k + 1]!;
      px[o + 2] = table[k + 2]!;
    }
    px[o + 3] = 255;
  }
  return px;
}

/** Draw the grid into the canvas's [0, width) × [0, height) (CSS px), cells as hard-edged blocks. */
export function paintHeat(canvas: HTMLCanvasElement, grid: HeatGrid, pixels: Uint8ClampedArray<ArrayBuffer>, width: number, height: number, usedW: number): void {
  const dpr = window.devicePixelRatio || 1;
  canvas.width = Math.round(width * dpr);
  canvas.height = Math.round(height * dpr);
  const ctx = canvas.getContext('2d');
  if (!ctx) return;
  ctx.setTransform(dpr, 0, 0, dpr, 0, 0);
  ctx.clearRect(0, 0, width, height);
  if (!grid.cols || !grid.rows) return;
  const bitmap = document.createElement('canvas');
  bitmap.width = grid.cols;
  bitmap.height = grid.rows;
  const bctx = bitmap.getContext('2d');
  if (!bctx) return;
  bctx.putImageData(new ImageData(pixels, grid.cols, grid.rows), 0, 0);
  ctx.imageSmoothingEnabled = false;
  ctx.drawImage(bitmap, 0, 0, grid.cols, grid.rows, 0, 0, usedW, height);
}

/**
 * The colour domain of one or more grids in whole decades: from the smallest to the largest finite log10 value,
 * at least one decade wide ([−8, 0] while there is nothing to show). One domain for several grids is what lets
 * Compare's panels share a colour scale. Within reach of the float32 floor it extends to it (reachFloor).
 */
export function heatDomain(grids: readonly { min: number; max: number }[]): { lo: number; hi: number } {
  const min = Math.min(...grids.map((g) => g.min));
  const max = Math.max(...grids.map((g) => g.max));
  const lo = Number.isFinite(min) ? reachFloor(Math.floor(min)) : -8;
  return { lo, hi: Number.isFinite(max) ? Math.max(lo + 1, Math.ceil(max)) : Math.max(lo + 1, 0) };
}

/** The viridis scale over [lo, hi] and its colour table for gridPixels. */
export function heatColours(lo: number, hi: number): { colour: (v: number) => string; table: Uint8Array } {
  const colour = scaleSequential(interpolateViridis).domain([lo, hi]);
  return { colour, table: colourTable(colour, lo, hi) };
}

/** The decades lo…hi to label on a colour bar, thinned to at most about `most` of them. */
export function decadeTicks(lo: number, hi: number, most: number): number[] {
  const all = Array.from({ length: hi - lo + 1 }, (_, k) => lo + k);
  return all.length <= most ? all : all.filter((_, k) => k % Math.ceil(all.length / most) === 0);
}

/**
 * The cell under a pointer at (px, py) in the plot's coordinates, for a grid of `rows` × `cols` painted over
 * [0, usedW) × [0, height); null outside the painted part.
 */
export function cellAt(px: number, py: number, usedW: number, height: number, rows: number, cols: number): { row: number; col: number } | null {
  if (px < 0 || py < 0 || px >= usedW || py >= height || !cols || !rows) return null;
  return { row: Math.min(rows - 1, Math.floor((py / height) * rows)), col: Math.min(cols - 1, Math.floor((px / usedW) * cols)) };
}
