// The one heatmap painter, shared by Train's layer heatmap and Compare's panels: a grid becomes the pixels of
// a small bitmap (one per cell, through a 256-entry colour table) stretched, unsmoothed, onto the canvas in one
// drawImage. Thousands of fillRect calls with a CSS colour string each cost hundreds of ms for eight panels;
// this costs a few.
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
