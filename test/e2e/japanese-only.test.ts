// With 日本語 chosen, no UI string is shown in English. Chromium walks every view (Train with each dataset and
// initializer's own fields, History with a run open in the editor, Compare, every Learn step, About), reads every
// visible text, every option of every list, placeholders and tooltips, and finds each Latin word in an
// allow-list of product and technical names (MNIST, ReLU, Adam, He, …) and symbols. Screenshots:
// test-results/e2e/ja-only-*.png.
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { OUT_DIR } from './harness';
import { seededLab, namedRun } from './seeded-lab';
import { LATIN_ALLOWED } from './latin-words';

/**
 * Names that stay as they are in a Japanese text: products, methods, units, symbols, code names of backends,
 * authors and lessons cited (Nielsen, makemore part 3, Ioffe & Szegedy et al.) and formula notation
 * (update:data, std(lr·∂L/∂W), float32).
 */

/** Every text the user can see or hear on the page, with where it came from. */
const READ = `(() => {
  const out = [];
  const visible = (el) => { const r = el.getBoundingClientRect(); const s = getComputedStyle(el); return r.width > 0 && r.height > 0 && s.visibility !== 'hidden' && s.display !== 'none'; };
  out.push(['page', document.body.innerText]);
  for (const s of document.querySelectorAll('select')) if (visible(s)) for (const o of s.options) out.push(['option ' + (s.dataset.field || s.dataset.testid || ''), o.textContent]);
  for (const el of document.querySelectorAll('[placeholder]')) if (visible(el)) out.push(['placeholder', el.getAttribute('placeholder')]);
  for (const el of document.querySelectorAll('[title]')) if (visible(el)) out.push(['title', el.getAttribute('title')]);
  for (const el of document.querySelectorAll('[aria-label]')) out.push(['aria-label', el.getAttribute('aria-label')]);
  return out;
})()`;

function englishWords(texts: [string, string][]): string[] {
  const found = new Set<string>();
  for (const [where, text] of texts) {
    // File names and npm package names are data and identifiers, not UI text; run names are the store's
    // default names, which the UI shows in the chosen language.
    const words = (text ?? '').replace(/[\w.-]+\.gz\b/g, '').replace(/@[\w-]+\/[\w-]+/g, '').match(/[A-Za-z][A-Za-z]+/g) ?? [];
    for (const word of words) if (!LATIN_ALLOWED.has(word)) found.add(`${word} (${where})`);
  }
  return [...found].sort();
}

describe('Japanese only', () => {
  const lab = seededLab('gradient-lab-ja-', () => [namedRun(0, 'seed-keras'), namedRun(1, 'seed-he'), namedRun(2, 'deep-sigmoid')]);

  async function read(page: Page, shot: string): Promise<string[]> {
    await page.waitForTimeout(300);
    await page.screenshot({ path: join(OUT_DIR, `ja-only-${shot}.png`), fullPage: true });
    return englishWords((await page.evaluate(READ)) as [string, string][]).map((w) => `${shot}: ${w}`);
  }

  it('shows no English word outside the allow-list in any view or option list', async () => {
    const context = await lab.browser.newContext({ viewport: { width: 1280, height: 720 }, locale: 'ja-JP' });
    const page = await context.newPage();
    const found: string[] = [];
    try {
      await page.goto(`${lab.url}#/train`);
      await page.locator('[data-testid="train-view"]').waitFor();
      await expect.poll(() => page.locator('[data-testid="backend-info"]').textContent(), { timeout: 60_000 }).toContain('wasm');
      found.push(...(await read(page, 'train')));
      for (const kind of ['randomUniform', 'heNormal']) {
        await page.selectOption('[data-field="initKind"]', kind);
        found.push(...(await read(page, `train-${kind}`)));
      }
      for (const kind of ['idx-folder', 'toy-mortgage']) {
        await page.selectOption('[data-field="datasetKind"]', kind);
        found.push(...(await read(page, `train-${kind}`)));
      }
      await page.fill('[data-field="epochs"]', '0');
      await page.selectOption('[data-field="initKind"]', 'randomUniform');
      await page.fill('[data-field="initMin"]', '1');
      await page.fill('[data-field="initMax"]', '0');
      found.push(...(await read(page, 'train-errors')));

      await page.goto(`${lab.url}#/train?run=${lab.ids[2]}`);
      await page.locator('[data-testid="chart-layer-norm"] [data-point]').first().waitFor({ timeout: 30_000 });
      found.push(...(await read(page, 'train-saved-run')));

      await page.evaluate(() => (location.hash = '#/history'));
      await page.locator('[data-testid="history-table"] tbody tr[data-run]').first().waitFor({ timeout: 30_000 });
      await page.click(`[data-testid="focus-${lab.ids[0]}"]`);
      found.push(...(await read(page, 'history')));

      await page.evaluate((h) => (location.hash = h), `#/compare?runs=${lab.ids.join(',')}`);
      await page.locator('[data-testid="compare-view"][data-render-ms]').waitFor({ timeout: 30_000 });
      found.push(...(await read(page, 'compare')));

      await page.evaluate(() => (location.hash = '#/learn'));
      await page.locator('[data-testid="learn-view"]').waitFor();
      for (let k = 1; k <= 8; k++) {
        const step = page.locator(`[data-testid="step-${k}"]`);
        if ((await step.count()) === 0) break;
        await step.click();
        found.push(...(await read(page, `learn-step${k}`)));
      }

      await page.click('[data-testid="about-open"]');
      await page.locator('[data-testid="about-dialog"]').waitFor();
      found.push(...(await read(page, 'about')));
    } finally {
      await context.close();
    }
    expect([...new Set(found)]).toEqual([]);
  });
});
