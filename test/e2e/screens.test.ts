// Every screen size a workshop meets (a 1024×768 projector, a 1280×720 laptop, a 1920×1080 display), in both
// languages: the Train view of a finished 10-layer run, the Compare view of runs of very different lengths, the
// History and the Learn view. Checked from element boxes in Chromium: the page never scrolls sideways, chart
// labels neither overlap nor leave their chart (in the drawing and around it: title, switches, legend), words such
// as 完了 never break across lines, and every chart exported as SVG reads back with its title, legend and the
// compared runs' names. Screenshots go to test-results/e2e/screens-*.png.
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CHROMIUM, CHROMIUM_ARGS, OUT_DIR, startServer, stopServer } from './harness';
import { importRuns, syntheticRun } from './synthetic-runs';

const SIZES = [
  { width: 1024, height: 768 },
  { width: 1280, height: 720 },
  { width: 1920, height: 1080 },
];
const LOCALES = ['en-US', 'ja-JP'];

/** Problems found on the page, as readable lines (empty when the layout is sound). */
const AUDIT = `(() => {
  const problems = [];
  const doc = document.documentElement;
  if (doc.scrollWidth > window.innerWidth + 1) problems.push('horizontal scroll: ' + doc.scrollWidth + ' > ' + window.innerWidth);
  const visible = (el) => { const r = el.getBoundingClientRect(); return r.width > 0 && r.height > 0 && getComputedStyle(el).visibility !== 'hidden'; };
  const overlap = (a, b) => Math.min(a.right, b.right) - Math.max(a.left, b.left) > 1 && Math.min(a.bottom, b.bottom) - Math.max(a.top, b.top) > 1;
  const name = (el) => (el.textContent || '').trim().slice(0, 30);
  for (const svg of document.querySelectorAll('svg[data-chart]')) {
    const chart = svg.closest('[data-testid^="chart-"]');
    const id = chart ? chart.getAttribute('data-testid') : 'svg';
    const frame = (chart ? chart.querySelector('.body') : svg).getBoundingClientRect();
    const texts = [...svg.querySelectorAll('text')].filter((t) => visible(t) && (t.textContent || '').trim());
    const boxes = texts.map((t) => ({ t, r: t.getBoundingClientRect() }));
    for (const { t, r } of boxes) {
      if (r.left < frame.left - 1 || r.right > frame.right + 1 || r.top < frame.top - 1 || r.bottom > frame.bottom + 1) problems.push(id + ': label clipped "' + name(t) + '"');
    }
    for (let i = 0; i < boxes.length; i++)
      for (let j = i + 1; j < boxes.length; j++)
        if (overlap(boxes[i].r, boxes[j].r)) problems.push(id + ': labels overlap "' + name(boxes[i].t) + '" / "' + name(boxes[j].t) + '"');
  }
  // Colour-bar and legend labels in the frames' legends stay inside their little SVGs.
  for (const tick of document.querySelectorAll('[data-chart-legend] [data-legend-tick]')) {
    const own = tick.closest('svg').getBoundingClientRect();
    const r = tick.getBoundingClientRect();
    if (visible(tick) && (r.left < own.left - 1 || r.right > own.right + 1)) problems.push('legend label clipped "' + name(tick) + '"');
  }
  // Status words and other short cells never break inside a word.
  for (const cell of document.querySelectorAll('td, th')) {
    const text = (cell.textContent || '').trim();
    if (!/^(完了|実行中|中断|失敗|停止)$/.test(text)) continue;
    const range = document.createRange();
    range.selectNodeContents(cell);
    const lines = new Set([...range.getClientRects()].map((r) => Math.round(r.top)));
    if (lines.size > 1) problems.push('"' + text + '" breaks across lines');
  }
  // A chart's own words outside its drawing (title, switches, buttons, legend entries) never overlap each other
  // and stay inside the chart's frame.
  for (const chart of document.querySelectorAll('figure[data-testid^="chart-"]')) {
    const id = chart.getAttribute('data-testid');
    const box = chart.getBoundingClientRect();
    const parts = [...chart.querySelectorAll('[data-chart-title], [data-chart-subtitle], [data-chart-tools] button, [data-chart-tools] label, [data-chart-tools] select, [data-chart-legend] > *')].filter(visible);
    const rects = parts.map((el) => ({ el, r: el.getBoundingClientRect() }));
    for (const { el, r } of rects) {
      if (r.left < box.left - 1 || r.right > box.right + 1) problems.push(id + ': "' + name(el) + '" leaves the chart');
    }
    for (let i = 0; i < rects.length; i++)
      for (let j = i + 1; j < rects.length; j++)
        if (!rects[i].el.contains(rects[j].el) && !rects[j].el.contains(rects[i].el) && overlap(rects[i].r, rects[j].r)) problems.push(id + ': "' + name(rects[i].el) + '" overlaps "' + name(rects[j].el) + '"');
  }
  // Text blocks that hide part of their text.
  for (const el of document.querySelectorAll('p, h2, h3, td, th, label, button, .note, [data-testid$="-notes"]')) {
    if (!visible(el)) continue;
    const s = getComputedStyle(el);
    if (s.overflow === 'visible' && s.overflowX === 'visible') continue;
    if (s.textOverflow === 'ellipsis') continue;
    if (el.scrollWidth > el.clientWidth + 2 || el.scrollHeight > el.clientHeight + 2) problems.push('clipped text "' + name(el) + '"');
  }
  return problems;
})()`;

/**
 * Export every chart on the page as SVG (the button a user clicks; the download is caught) and read each file
 * back: problems when one lacks its title, its legend, the names of the compared runs, or keeps no text.
 */
const EXPORT_AUDIT = `(async () => {
  const problems = [];
  const saved = [];
  const blobs = new Map();
  const create = URL.createObjectURL;
  const click = HTMLAnchorElement.prototype.click;
  URL.createObjectURL = (b) => { const u = create(b); blobs.set(u, b); return u; };
  HTMLAnchorElement.prototype.click = function () { if (this.download) saved.push(this.href); };
  try {
    const runNames = [...document.querySelectorAll('[data-testid="compare-legend"] [data-run] .name')].map((b) => (b.textContent || '').trim());
    for (const button of document.querySelectorAll('[data-testid^="export-svg-"]')) {
      const id = button.getAttribute('data-testid').replace('export-svg-', '');
      const before = saved.length;
      button.click();
      for (let i = 0; i < 200 && saved.length === before; i++) await new Promise((r) => setTimeout(r, 5));
      if (saved.length === before) { problems.push(id + ': no file'); continue; }
      const text = await blobs.get(saved[saved.length - 1]).text();
      const doc = new DOMParser().parseFromString(text, 'image/svg+xml');
      if (doc.querySelector('parsererror')) { problems.push(id + ': not valid SVG'); continue; }
      const title = [...doc.querySelectorAll('[data-export-title]')].map((t) => t.textContent).join(' ').trim();
      const shown = (document.querySelector('[data-testid="chart-' + id + '"] [data-chart-title]').textContent || '').trim();
      if (!title || title !== shown) problems.push(id + ': title "' + title + '" instead of "' + shown + '"');
      if (!doc.querySelector('[data-export-legend] [data-legend-item] text')) problems.push(id + ': no legend');
      if (id.startsWith('compare-')) {
        const legend = doc.querySelector('[data-export-legend]').textContent || '';
        for (const n of runNames) if (!legend.includes(n)) problems.push(id + ': run "' + n + '" not in the legend');
      }
      if (doc.querySelectorAll('text').length < 5) problems.push(id + ': hardly any text');
    }
  } finally {
    URL.createObjectURL = create;
    HTMLAnchorElement.prototype.click = click;
  }
  return problems;
})()`;

describe('Every screen, both languages', () => {
  let tmp = '';
  let server: Awaited<ReturnType<typeof startServer>>['server'] | undefined;
  let url = '';
  let browser: Browser;
  let deepRun = 0;
  let compareIds: number[] = [];

  beforeAll(async () => {
    mkdirSync(OUT_DIR, { recursive: true });
    tmp = mkdtempSync(join(tmpdir(), 'gradient-lab-screens-'));
    const dbPath = join(tmp, 'lab.db');
    // A 10-layer sigmoid run, a full tutorial-length run and a short one: very different step counts.
    const ids = importRuns(tmp, dbPath, [
      syntheticRun(0, 'deep-sigmoid', 4, 60),
      syntheticRun(1, 'seed-keras', 10, 120),
      syntheticRun(2, 'seed-relu-he', 1, 30),
      syntheticRun(3, 'deep-residual', 2, 60),
    ]);
    deepRun = ids[0]!;
    compareIds = ids;
    ({ url, server } = await startServer(dbPath));
    browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    if (server) await stopServer(server);
    if (tmp) rmSync(tmp, { recursive: true, force: true });
  });

  async function audit(page: Page, shot: string): Promise<string[]> {
    await page.waitForTimeout(300); // ResizeObserver → widths → one more frame
    await page.screenshot({ path: join(OUT_DIR, `screens-${shot}.png`), fullPage: true });
    return (await page.evaluate(AUDIT)) as string[];
  }

  for (const size of SIZES) {
    for (const locale of LOCALES) {
      const tag = `${size.width}x${size.height}-${locale.slice(0, 2)}`;
      it(`lays out at ${size.width}×${size.height} in ${locale}`, async () => {
        const context = await browser.newContext({ viewport: size, locale });
        const page = await context.newPage();
        const errors: string[] = [];
        page.on('pageerror', (e) => errors.push(e.message));
        try {
          const problems: string[] = [];
          await page.goto(`${url}#/train?run=${deepRun}`);
          await page.locator('[data-testid="chart-layer-norm"] [data-point]').first().waitFor({ timeout: 30_000 });
          problems.push(...(await audit(page, `train-${tag}`)).map((p) => `train: ${p}`));
          problems.push(...((await page.evaluate(EXPORT_AUDIT)) as string[]).map((p) => `train export: ${p}`));

          await page.evaluate((h) => (location.hash = h), `#/compare?runs=${compareIds.join(',')}`);
          await page.locator('[data-testid="compare-view"][data-render-ms]').waitFor({ timeout: 30_000 });
          problems.push(...(await audit(page, `compare-${tag}`)).map((p) => `compare: ${p}`));
          problems.push(...((await page.evaluate(EXPORT_AUDIT)) as string[]).map((p) => `compare export: ${p}`));

          await page.evaluate(() => (location.hash = '#/history'));
          await page.locator('[data-testid="history-table"] tbody tr[data-run]').first().waitFor({ timeout: 30_000 });
          problems.push(...(await audit(page, `history-${tag}`)).map((p) => `history: ${p}`));

          await page.evaluate(() => (location.hash = '#/learn'));
          await page.locator('[data-testid="learn-view"]').waitFor({ timeout: 30_000 });
          problems.push(...(await audit(page, `learn-${tag}`)).map((p) => `learn: ${p}`));

          expect(problems).toEqual([]);
          expect(errors).toEqual([]);
        } finally {
          await context.close();
        }
      });
    }
  }
});
