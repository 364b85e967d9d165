// Export a chart as a self-describing SVG or PNG, without any network. The file is composed from the chart's
// frame as the user sees it, in the chosen language: the title and explanation, the settings that shape the
// picture (the pressed switches, ticked boxes and chosen options of the frame's controls), the chart itself
// (canvas layers placed under its SVG as images) and its legend — swatches, run names, the colour scale and its
// labels. Everything textual stays SVG <text>, so the SVG can be searched, translated and edited.
import { saveBlob } from '../lib/save-file';

const SVG_NS = 'http://www.w3.org/2000/svg';
const PAD = 12;
const FONT = 'system-ui, sans-serif';
const INK = '#1b2130';
const MUTED = '#5b6478';

/** Rough advance width of `text` at `size` px: CJK characters are square, Latin ones a little over half. */
export function textWidth(text: string, size: number): number {
  let w = 0;
  for (const ch of text) w += (ch.codePointAt(0) ?? 0) >= 0x2e80 ? size : size * 0.6;
  return w;
}

/** Break `text` into lines no wider than `max` px (at spaces, or anywhere in CJK text). */
export function wrapText(text: string, size: number, max: number): string[] {
  const lines: string[] = [];
  let line = '';
  const tokens = text.match(/[\u2e80-\uffff]|[^\s\u2e80-\uffff]+\s*|\s+/g) ?? [];
  for (const tok of tokens) {
    if (line && textWidth(line + tok.trimEnd(), size) > max) {
      lines.push(line.trimEnd());
      line = tok.trimStart();
    } else line += tok;
  }
  if (line.trim()) lines.push(line.trimEnd());
  return lines;
}

function el<K extends keyof SVGElementTagNameMap>(name: K, attrs: Record<string, string | number>, text?: string): SVGElementTagNameMap[K] {
  const node = document.createElementNS(SVG_NS, name);
  for (const [k, v] of Object.entries(attrs)) node.setAttribute(k, String(v));
  if (text !== undefined) node.textContent = text;
  return node;
}

/** What the frame's controls are set to, in words ("Gradient measure: ‖δ‖", "raw"). */
export function settingsOf(figure: HTMLElement): string[] {
  const tools = figure.querySelector('[data-chart-tools]');
  if (!tools) return [];
  const out: string[] = [];
  for (const group of tools.querySelectorAll('[role="group"]')) {
    const on = [...group.querySelectorAll('[aria-pressed="true"]')].map((b) => b.textContent?.trim()).filter(Boolean);
    if (on.length) out.push(`${group.getAttribute('aria-label') ?? ''}: ${on.join(', ')}`.replace(/^: /, ''));
  }
  for (const box of tools.querySelectorAll('input[type="checkbox"]')) {
    if ((box as HTMLInputElement).checked) out.push(box.closest('label')?.textContent?.trim() ?? '');
  }
  for (const select of tools.querySelectorAll('select')) {
    const s = select as HTMLSelectElement;
    const label = s.getAttribute('aria-label') ?? s.closest('label')?.childNodes[0]?.textContent?.trim() ?? '';
    const chosen = s.selectedOptions[0]?.textContent?.trim() ?? '';
    if (chosen) out.push(label ? `${label}: ${chosen}` : chosen);
  }
  return out.filter(Boolean);
}

/** The chart's SVG with every canvas layer under it as an <image>, at its place. */
function chartBody(figure: HTMLElement): SVGSVGElement | null {
  const svg = figure.querySelector('svg[data-chart]');
  if (!(svg instanceof SVGSVGElement)) return null;
  const clone = svg.cloneNode(true) as SVGSVGElement;
  const box = svg.getBoundingClientRect();
  // Screen offsets back to the chart's own units (a chart full screen in presenter mode is shown zoomed).
  const scale = box.width > 0 ? (Number(svg.getAttribute('width')) || box.width) / box.width : 1;
  const layers = [...figure.querySelectorAll('canvas[data-layer]')] as HTMLCanvasElement[];
  for (const canvas of layers.reverse()) {
    let href = '';
    try {
      href = canvas.toDataURL('image/png');
    } catch {
      continue; // A canvas that cannot be read (jsdom, tainted) is left out rather than breaking the export.
    }
    const r = canvas.getBoundingClientRect();
    clone.insertBefore(
      el('image', {
        href,
        x: Number(canvas.dataset.x ?? (r.left - box.left) * scale),
        y: Number(canvas.dataset.y ?? (r.top - box.top) * scale),
        width: canvas.clientWidth || canvas.width,
        height: canvas.clientHeight || canvas.height,
        preserveAspectRatio: 'none',
      }),
      clone.firstChild,
    );
  }
  return clone;
}

/**
 * Lay the legend items out in rows: each item's inline SVGs (swatches, the colour bar) and its words, in
 * order. Returns the group and its height.
 */
function legendGroup(figure: HTMLElement, width: number): { g: SVGGElement; height: number } {
  const g = el('g', { 'data-export-legend': '' });
  const items = [...figure.querySelectorAll('[data-chart-legend] > *')];
  let x = 0;
  let y = 0;
  let rowH = 0;
  for (const item of items) {
    const parts: { w: number; h: number; node: (px: number, py: number, rowHeight: number) => SVGElement }[] = [];
    for (const child of item.childNodes) {
      if (child instanceof SVGSVGElement) {
        const w = Number(child.getAttribute('width')) || 16;
        const h = Number(child.getAttribute('height')) || 12;
        parts.push({
          w,
          h,
          node: (px, py, rh) => {
            const c = child.cloneNode(true) as SVGSVGElement;
            c.setAttribute('x', String(px));
            c.setAttribute('y', String(py + (rh - h) / 2));
            c.setAttribute('overflow', 'visible');
            return c;
          },
        });
      } else {
        const text = child.textContent?.replace(/\s+/g, ' ').trim() ?? '';
        if (!text) continue;
        parts.push({ w: textWidth(text, 12), h: 16, node: (px, py, rh) => el('text', { x: px, y: py + rh / 2, dy: '0.35em', 'font-size': 12, fill: INK }, text) });
      }
    }
    if (!parts.length) continue;
    const itemW = parts.reduce((s, p) => s + p.w + 5, 0);
    const itemH = Math.max(16, ...parts.map((p) => p.h));
    if (x > 0 && x + itemW > width) {
      x = 0;
      y += rowH + 6;
      rowH = 0;
    }
    let px = x;
    const holder = el('g', { 'data-legend-item': '' });
    for (const p of parts) {
      holder.appendChild(p.node(px, y, itemH));
      px += p.w + 5;
    }
    g.appendChild(holder);
    x += itemW + 14;
    rowH = Math.max(rowH, itemH);
  }
  return { g, height: items.length ? y + rowH : 0 };
}

/** The whole exported picture: header, chart, legend, on white. */
export function composeSvg(figure: HTMLElement): SVGSVGElement | null {
  const body = chartBody(figure);
  if (!body) return null;
  const bodyW = Number(body.getAttribute('width')) || 400;
  const bodyH = Number(body.getAttribute('height')) || 300;
  const width = Math.max(bodyW, 420) + 2 * PAD;
  const textW = width - 2 * PAD;
  const out = el('svg', { 'font-family': FONT, 'data-export': figure.dataset.testid ?? '' });
  const bg = el('rect', { width: '100%', height: '100%', fill: '#ffffff' });
  out.appendChild(bg);

  let y = PAD;
  const title = figure.querySelector('[data-chart-title]')?.textContent?.trim() ?? '';
  for (const line of wrapText(title, 17, textW)) {
    y += 20;
    out.appendChild(el('text', { x: PAD, y, 'font-size': 17, 'font-weight': 700, fill: INK, 'data-export-title': '' }, line));
  }
  const sub = figure.querySelector('[data-chart-subtitle]')?.textContent?.trim() ?? '';
  for (const line of wrapText(sub, 12, textW)) {
    y += 16;
    out.appendChild(el('text', { x: PAD, y, 'font-size': 12, fill: MUTED, 'data-export-subtitle': '' }, line));
  }
  const settings = settingsOf(figure).join(' · ');
  for (const line of wrapText(settings, 12, textW)) {
    y += 16;
    out.appendChild(el('text', { x: PAD, y, 'font-size': 12, fill: INK, 'data-export-settings': '' }, line));
  }
  y += 10;
  body.setAttribute('x', String(PAD));
  body.setAttribute('y', String(y));
  body.removeAttribute('style');
  out.appendChild(body);
  y += bodyH + 10;
  const legend = legendGroup(figure, textW);
  legend.g.setAttribute('transform', `translate(${PAD},${y})`);
  out.appendChild(legend.g);
  y += legend.height + PAD;
  out.setAttribute('width', String(width));
  out.setAttribute('height', String(Math.ceil(y)));
  out.setAttribute('viewBox', `0 0 ${width} ${Math.ceil(y)}`);
  return out;
}

export function svgString(figure: HTMLElement): string | null {
  const svg = composeSvg(figure);
  return svg ? new XMLSerializer().serializeToString(svg) : null;
}

export function exportSvg(figure: HTMLElement, name: string): void {
  const text = svgString(figure);
  if (text) saveBlob(new Blob([text], { type: 'image/svg+xml' }), `${name}.svg`);
}

/** The PNG as a Blob (twice the on-screen size, for projectors and print). */
export async function pngBlob(figure: HTMLElement, scale = 2): Promise<Blob | null> {
  const svg = composeSvg(figure);
  if (!svg) return null;
  const w = Number(svg.getAttribute('width'));
  const h = Number(svg.getAttribute('height'));
  const url = URL.createObjectURL(new Blob([new XMLSerializer().serializeToString(svg)], { type: 'image/svg+xml' }));
  try {
    const img = new Image();
    img.src = url;
    await img.decode();
    const canvas = document.createElement('canvas');
    canvas.width = Math.round(w * scale);
    canvas.height = Math.round(h * scale);
    const ctx = canvas.getContext('2d');
    if (!ctx) return null;
    ctx.scale(scale, scale);
    ctx.drawImage(img, 0, 0, w, h);
    return await new Promise<Blob | null>((r) => canvas.toBlob(r, 'image/png'));
  } finally {
    URL.revokeObjectURL(url);
  }
}

export async function exportPng(figure: HTMLElement, name: string, scale = 2): Promise<void> {
  const blob = await pngBlob(figure, scale);
  if (blob) saveBlob(blob, `${name}.png`);
}
