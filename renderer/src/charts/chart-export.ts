// Export a chart as SVG or PNG without any network: the SVG is serialised from the element itself (canvas
// layers under it are embedded as images), the PNG is drawn through an offscreen canvas at twice the size.
import { saveBlob } from '../lib/save-file';
const SVG_NS = 'http://www.w3.org/2000/svg';

/** The chart's SVG with every canvas inside `root` placed under it as an <image>, ready to serialise. */
export function composeSvg(root: HTMLElement): SVGSVGElement | null {
  const svg = root.querySelector('svg[data-chart]');
  if (!(svg instanceof SVGSVGElement)) return null;
  const clone = svg.cloneNode(true) as SVGSVGElement;
  clone.setAttribute('xmlns', SVG_NS);
  const box = svg.getBoundingClientRect();
  const layers = [...root.querySelectorAll('canvas[data-layer]')] as HTMLCanvasElement[];
  for (const canvas of layers.reverse()) {
    let href = '';
    try {
      href = canvas.toDataURL('image/png');
    } catch {
      continue; // A canvas that cannot be read (jsdom, tainted) is left out rather than breaking the export.
    }
    const r = canvas.getBoundingClientRect();
    const img = document.createElementNS(SVG_NS, 'image');
    img.setAttribute('href', href);
    img.setAttribute('x', String(Number(canvas.dataset.x ?? r.left - box.left)));
    img.setAttribute('y', String(Number(canvas.dataset.y ?? r.top - box.top)));
    img.setAttribute('width', String(canvas.clientWidth || canvas.width));
    img.setAttribute('height', String(canvas.clientHeight || canvas.height));
    clone.insertBefore(img, clone.firstChild);
  }
  // A white ground so the file reads on any viewer's background.
  const bg = document.createElementNS(SVG_NS, 'rect');
  bg.setAttribute('width', '100%');
  bg.setAttribute('height', '100%');
  bg.setAttribute('fill', '#ffffff');
  clone.insertBefore(bg, clone.firstChild);
  return clone;
}

export function svgString(root: HTMLElement): string | null {
  const svg = composeSvg(root);
  return svg ? new XMLSerializer().serializeToString(svg) : null;
}

export function exportSvg(root: HTMLElement, name: string): void {
  const text = svgString(root);
  if (text) saveBlob(new Blob([text], { type: 'image/svg+xml' }), `${name}.svg`);
}

export async function exportPng(root: HTMLElement, name: string, scale = 2): Promise<void> {
  const text = svgString(root);
  const svg = root.querySelector('svg[data-chart]');
  if (!text || !svg) return;
  const w = Number(svg.getAttribute('width'));
  const h = Number(svg.getAttribute('height'));
  const img = new Image();
  const url = URL.createObjectURL(new Blob([text], { type: 'image/svg+xml' }));
  try {
    await new Promise<void>((resolve, reject) => {
      img.onload = () => resolve();
      img.onerror = () => reject(new Error('The chart could not be drawn as an image'));
      img.src = url;
    });
    const canvas = document.createElement('canvas');
    canvas.width = Math.round(w * scale);
    canvas.height = Math.round(h * scale);
    const ctx = canvas.getContext('2d');
    if (!ctx) return;
    ctx.scale(scale, scale);
    ctx.drawImage(img, 0, 0, w, h);
    const blob = await new Promise<Blob | null>((r) => canvas.toBlob(r, 'image/png'));
    if (blob) saveBlob(blob, `${name}.png`);
  } finally {
    URL.revokeObjectURL(url);
  }
}
