// Presenter mode on a projector, in Chromium, in both languages, at 1280×720 and 1920×1080: the header stays
// on one line (presenter mode off and on); C shows one chart at a time filling the screen below a slim title
// bar, its words and lines enlarged for the room, redrawn when the window changes size; a custom run started
// from the app is named in the chosen language. Screenshots: test-results/e2e/presenter-*.png.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { OUT_DIR, startApp } from './harness';
import { importRuns, syntheticRun } from './synthetic-runs';

const SIZES = [
  { width: 1280, height: 720 },
  { width: 1920, height: 1080 },
];
const LOCALES = ['en-US', 'ja-JP'] as const;

/** The header's height, and the height of one line of it: its tallest item plus its padding and border. */
async function headerLines(page: Page): Promise<{ height: number; line: number; tops: number[] }> {
  return page.evaluate(() => {
    const header = document.querySelector('header')!;
    const cs = getComputedStyle(header);
    const items = [...header.querySelectorAll<HTMLElement>('h1, nav button, .tools button')];
    const tallest = Math.max(...items.map((e) => e.getBoundingClientRect().height));
    const pad = parseFloat(cs.paddingTop) + parseFloat(cs.paddingBottom) + parseFloat(cs.borderTopWidth) + parseFloat(cs.borderBottomWidth);
    return { height: header.getBoundingClientRect().height, line: tallest + pad, tops: items.map((e) => e.getBoundingClientRect().top) };
  });
}

async function expectOneLine(page: Page): Promise<void> {
  const h = await headerLines(page);
  expect(h.height).toBeLessThanOrEqual(h.line + 1);
  // Every item on the same row.
  expect(Math.max(...h.tops) - Math.min(...h.tops)).toBeLessThan(h.line / 2);
}

/** The full-screen chart's geometry: the figure, its title bar, its chart, one tick label. */
async function fullChart(page: Page) {
  return page.evaluate(() => {
    const fig = document.querySelector<HTMLElement>('.presenter-full')!;
    const r = (e: Element | null) => {
      const b = e!.getBoundingClientRect();
      return { top: b.top, bottom: b.bottom, left: b.left, right: b.right, width: b.width, height: b.height };
    };
    return {
      id: fig.dataset.testid!,
      zoom: Number(fig.dataset.zoom),
      fig: r(fig),
      bar: r(fig.querySelector('figcaption')),
      svg: r(fig.querySelector('svg[data-chart]')),
      body: r(fig.querySelector('.body')),
      svgHeightAttr: Number(fig.querySelector('svg[data-chart]')!.getAttribute('height')),
      tick: r(fig.querySelector('svg[data-chart] text[data-tick]')),
      viewport: { width: innerWidth, height: innerHeight },
    };
  });
}

/** The full-screen chart once its layout holds still (the run legend below it may fill in a moment later). */
async function settledChart(page: Page) {
  let last = await fullChart(page);
  let stillFor = 0;
  await expect
    .poll(async () => {
      const now = await fullChart(page);
      const same = now.svgHeightAttr === last.svgHeightAttr && now.svg.width === last.svg.width;
      stillFor = same ? stillFor + 1 : 0;
      last = now;
      return stillFor >= 2 && fills(now);
    }, { timeout: 10_000, interval: 300 })
    .toBe(true);
  return last;
}

/** The chart takes the height its frame's body has (to the few pixels kept free below it), no more. */
function fills(c: Awaited<ReturnType<typeof fullChart>>): boolean {
  return c.svg.bottom <= c.body.bottom + 1 && c.body.bottom - c.svg.bottom <= 4 * c.zoom + 2;
}

describe('presenter mode on a projector', () => {
  let tmp = '';
  let dbPath = '';
  let ids: number[] = [];
  beforeAll(() => {
    tmp = mkdtempSync(join(tmpdir(), 'gradient-lab-presenter-'));
    dbPath = join(tmp, 'lab.db');
    ids = importRuns(tmp, dbPath, [
      { ...syntheticRun(0, 'seed-keras', 2, 40), name: 'seed-keras #1', tags: [] },
      { ...syntheticRun(1, 'seed-relu-he', 2, 40), name: 'seed-relu-he #2', tags: [] },
    ]);
  }, 120_000);
  afterAll(() => {
    if (tmp) rmSync(tmp, { recursive: true, force: true });
  });

  for (const viewport of SIZES) {
    for (const locale of LOCALES) {
      const tag = `${viewport.width}x${viewport.height}-${locale.slice(0, 2)}`;
      it(`one chart fills the screen, the header is one line, at ${viewport.width}×${viewport.height} in ${locale}`, async () => {
        const app = await startApp({ locale, viewport, dbPath });
        const { page } = app;
        const shot = (name: string) => page.screenshot({ path: join(OUT_DIR, `presenter-${name}-${tag}.png`) });
        try {
          await page.locator('[data-testid="train-view"]').waitFor();
          await page.evaluate(() => document.fonts.ready);
          await expectOneLine(page);
          await shot('header');
          await page.keyboard.press('p');
          expect(await page.evaluate(() => document.documentElement.dataset.presenter)).toBe('on');
          await expectOneLine(page);

          await page.evaluate((h) => (location.hash = h), `#/compare?runs=${ids.join(',')}`);
          await page.locator('[data-testid="compare-view"][data-render-ms]').waitFor({ timeout: 30_000 });
          await expectOneLine(page);
          await shot('compare');

          // C: the first chart full screen, laid out at the screen's height.
          await page.keyboard.press('c');
          await expect.poll(() => page.locator('.presenter-full').count()).toBe(1);
          await expect.poll(async () => (await fullChart(page)).svg.height, { timeout: 10_000 }).toBeGreaterThan(viewport.height * 0.6);
          const first = await settledChart(page);
          expect(first.fig).toMatchObject({ top: 0, left: 0, width: viewport.width, height: viewport.height });
          // A slim title bar above, the chart below it reaching (nearly) the bottom, nothing cut off.
          expect(first.bar.height).toBeLessThanOrEqual(64);
          expect(first.svg.top).toBeGreaterThanOrEqual(first.bar.bottom);
          expect(first.svg.bottom).toBeLessThanOrEqual(viewport.height);
          expect(viewport.height - first.svg.bottom).toBeLessThan(viewport.height * 0.2);
          expect(first.svg.width).toBeGreaterThan(viewport.width * 0.9);
          // Enlarged for the room: the 13 px tick labels drawn at 1.33× on 1280×720, about 2× on 1920×1080.
          expect(first.zoom).toBeGreaterThanOrEqual(viewport.width >= 1920 ? 1.9 : 1.25);
          expect(first.tick.height).toBeGreaterThanOrEqual(13 * first.zoom * 0.9);
          // Hovering reads the chart where the pointer is: its marker sits under the pointer, not zoom times further on.
          const pointer = { x: first.svg.left + first.svg.width * 0.4, y: first.svg.top + first.svg.height * 0.3 };
          await page.mouse.move(pointer.x, pointer.y);
          await expect
            .poll(() => page.evaluate(() => {
              const mark = document.querySelector('.presenter-full svg[data-chart] [data-hover]');
              if (!mark) return null;
              const b = mark.getBoundingClientRect();
              return b.left + b.width / 2;
            }))
            .toBeGreaterThan(pointer.x - first.svg.width * 0.03);
          const markX = await page.evaluate(() => {
            const b = document.querySelector('.presenter-full svg[data-chart] [data-hover]')!.getBoundingClientRect();
            return b.left + b.width / 2;
          });
          expect(markX).toBeLessThan(pointer.x + first.svg.width * 0.03);
          // The values there float over the chart's corner while the pointer is on it (the read-out line is the chart's).
          const readout = page.locator('.presenter-full [data-testid^="readout-"]');
          await expect.poll(() => readout.isVisible()).toBe(true);
          expect((await readout.textContent())!.trim()).toMatch(/\d/);
          // …in the corner away from the pointer (at 40 % across: the right one), never over what is pointed at.
          const box = await readout.boundingBox();
          expect(box!.x).toBeGreaterThan(pointer.x);
          const further = { x: first.svg.left + first.svg.width * 0.75, y: pointer.y };
          await page.mouse.move(further.x, further.y);
          await expect.poll(async () => { const b = await readout.boundingBox(); return b ? b.x + b.width : Infinity; }).toBeLessThan(further.x);
          await page.mouse.move(pointer.x, pointer.y);
          await page.waitForTimeout(300);
          await shot('chart-full');
          await page.mouse.move(0, viewport.height - 1);
          await expect.poll(() => readout.isVisible()).toBe(false);

          // C again: the next chart, as full; Shift+C back.
          await page.keyboard.press('c');
          await expect.poll(async () => (await fullChart(page)).id).not.toBe(first.id);
          await expect.poll(async () => (await fullChart(page)).svg.height, { timeout: 10_000 }).toBeGreaterThan(viewport.height * 0.6);
          await shot('chart-next');
          await page.keyboard.press('Shift+C');
          await expect.poll(async () => (await fullChart(page)).id).toBe(first.id);

          // A window made smaller redraws the chart at its new height, and back.
          await page.setViewportSize({ width: 1024, height: 600 });
          await expect.poll(async () => (await fullChart(page)).svg.height, { timeout: 10_000 }).toBeLessThan(first.svg.height);
          const small = await settledChart(page);
          expect(small.fig).toMatchObject({ width: 1024, height: 600 });
          expect(small.svg.bottom).toBeLessThanOrEqual(600);
          expect(small.svg.height).toBeGreaterThan(600 * 0.55);
          await page.setViewportSize(viewport);
          const back = await settledChart(page);
          expect(back.fig).toMatchObject({ width: viewport.width, height: viewport.height });
          expect(Math.abs(back.svg.height - first.svg.height)).toBeLessThan(first.svg.height * 0.03);
          expect(Math.abs(back.svg.width - first.svg.width)).toBeLessThan(2);

          // Esc leaves full screen: the chart is drawn at its own size again.
          await page.keyboard.press('Escape');
          expect(await page.locator('.presenter-full').count()).toBe(0);
          const own = await page.locator(`[data-testid="${first.id}"] svg[data-chart]`).getAttribute('height');
          expect(Number(own)).toBeLessThan(first.svgHeightAttr);
          expect(await page.locator(`[data-testid="${first.id}"]`).getAttribute('data-zoom')).toBeNull();
        } finally {
          await app.close();
        }
      }, 180_000);
    }
  }

  for (const locale of LOCALES) {
    it(`names a custom run started from the app in ${locale}`, async () => {
      const app = await startApp({ locale, viewport: { width: 1280, height: 720 } });
      const { page } = app;
      try {
        await page.evaluate(() => (location.hash = '#/train?preset=seed-keras'));
        await page.locator('[data-testid="train-view"]').waitFor();
        await page.click('[data-change="batchNorm"]');
        await page.click('[data-testid="run-start"]');
        await expect.poll(() => page.locator('[data-testid="run-name"]').textContent(), { timeout: 60_000 }).toContain(locale === 'ja-JP' ? 'チュートリアルの再現（Keras） · ' : 'seed-keras · ');
        const name = (await page.locator('[data-testid="run-name"]').textContent())!;
        expect(name).toContain(locale === 'ja-JP' ? '+バッチ正規化' : '+batch norm');
        expect(name).not.toContain(locale === 'ja-JP' ? 'batch' : 'バッチ');
        await page.screenshot({ path: join(OUT_DIR, `presenter-run-name-${locale.slice(0, 2)}.png`) });
        if (await page.locator('[data-testid="run-stop"]').isEnabled()) await page.click('[data-testid="run-stop"]');
      } finally {
        await app.close();
      }
    }, 120_000);
  }
});
