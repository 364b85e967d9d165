// How long a user waits on charts, in Chromium through the web host (run: npm run build && npx tsx
// bench/chart-waits.ts [--repeat N]). A finished 5 000-step, 10-layer run is opened from the History (hash change →
// every chart painted), next to a 500-step run opened the same way: the peer, so the ratio says how much the run's
// length costs. Then every chart of the Train view is exported as PNG (click → file handed to the browser), next
// to Chromium's own screenshot of the same element: the peer for drawing a chart into an image. Targets: open
// ≤ 500 ms, PNG export ≤ 300 ms. The exported PNGs are written to test-results/exports/ to be looked at.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { chromium, type Page } from 'playwright-core';
import { CHROMIUM, CHROMIUM_ARGS, ROOT, startServer, stopServer } from '../test/e2e/harness';
import { syntheticRun, writeRuns } from '../test/e2e/synthetic-runs';

const { values: args } = parseArgs({ options: { repeat: { type: 'string', default: '5' } } });
const REPEAT = Math.max(1, Number(args.repeat));
const OPEN_TARGET_MS = 500;
const PNG_TARGET_MS = 300;
const EXPORTS = join(ROOT, 'test-results', 'exports');

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

/** In the page: open `#/train?run=ID`; resolve with [ms until its charts are painted, ms until the full series is]. */
const OPEN = (runId: number) => `new Promise((resolve) => {
  const start = performance.now();
  location.hash = '#/train?run=${runId}';
  const ready = () => {
    const heat = document.querySelector('[data-testid="chart-layer-heatmap"] svg[data-chart]');
    const loss = document.querySelector('[data-testid="chart-loss-accuracy"] [data-series="smoothed"]');
    const norm = document.querySelector('[data-testid="chart-layer-norm"] [data-point]');
    return heat && Number(heat.getAttribute('data-cols')) > 0 && loss && (loss.getAttribute('d') || '').length > 100 && norm;
  };
  // Painted: the first picture (progressive loading: the coarse series). Then until the full series is drawn.
  const full = () => document.querySelector('[data-testid="train-view"][data-series-level="full"]') && ready();
  let painted = 0;
  const pollFull = () => (full() ? requestAnimationFrame(() => setTimeout(() => resolve([painted, performance.now() - start]), 0)) : requestAnimationFrame(pollFull));
  const poll = () => (ready() ? requestAnimationFrame(() => setTimeout(() => { painted = performance.now() - start; pollFull(); }, 0)) : requestAnimationFrame(poll));
  poll();
})`;

/** In the page: click every PNG button; resolve with [name, ms, data URL] per chart (downloads are caught). */
const EXPORT_ALL = `(async () => {
  const saved = [];
  const blobs = new Map();
  const create = URL.createObjectURL;
  URL.createObjectURL = (b) => { const u = create(b); blobs.set(u, b); return u; };
  HTMLAnchorElement.prototype.click = function () { if (this.download) saved.push({ name: this.download, at: performance.now(), href: this.href }); };
  const out = [];
  for (const button of document.querySelectorAll('[data-testid^="export-png-"]')) {
    const before = saved.length;
    const start = performance.now();
    button.click();
    while (saved.length === before) await new Promise((r) => setTimeout(r, 1));
    const s = saved[saved.length - 1];
    const blob = blobs.get(s.href);
    const data = await new Promise((r) => { const f = new FileReader(); f.onload = () => r(f.result); f.readAsDataURL(blob); });
    out.push([s.name, s.at - start, data]);
  }
  return out;
})()`;

async function openTimes(page: Page, runId: number): Promise<number[]> {
  const times: number[] = [];
  const fulls: number[] = [];
  for (let i = 0; i <= REPEAT; i++) {
    await page.evaluate(() => (location.hash = '#/history'));
    await page.locator('[data-testid="history-view"]').waitFor();
    await page.waitForTimeout(200);
    const [ms, fullMs] = (await page.evaluate(OPEN(runId))) as [number, number];
    if (i > 0) {
      times.push(ms); // the first opening warms the caches and the JIT
      fulls.push(fullMs);
    } else console.log(`  first opening (cold: nothing cached, JIT cold): ${ms.toFixed(0)} ms, full series ${fullMs.toFixed(0)} ms`);
  }
  console.log(`  full series drawn (median): ${median(fulls).toFixed(0)} ms`);
  return times;
}

async function main(): Promise<void> {
  const tmp = mkdtempSync(join(tmpdir(), 'gradient-lab-bench-waits-'));
  const dbPath = join(tmp, 'lab.db');
  const [longRun, shortRun] = writeRuns(dbPath, [syntheticRun(4, 'deep-sigmoid', 10, 500), syntheticRun(5, 'deep-sigmoid', 1, 500)]);
  const { url, server } = await startServer(dbPath);
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
  try {
    const page = await (await browser.newContext({ viewport: { width: 1600, height: 1000 } })).newPage();
    await page.goto(`${url}#/history`);
    await page.locator('[data-testid="history-view"]').waitFor();
    const long = await openTimes(page, longRun!);
    const short = await openTimes(page, shortRun!);
    const mLong = median(long);
    const mShort = median(short);
    console.log(`open a finished run (hash → charts painted), median of ${REPEAT}:`);
    console.log(`  5 000 steps × 10 layers: ${mLong.toFixed(0)} ms (runs ${long.map((v) => v.toFixed(0)).join(', ')}) (target ≤ ${OPEN_TARGET_MS} ms) ${mLong <= OPEN_TARGET_MS ? 'OK' : 'OVER'}`);
    console.log(`  peer, 500 steps × 10 layers: ${mShort.toFixed(0)} ms — ratio ${(mLong / mShort).toFixed(2)}`);

    await page.evaluate(OPEN(longRun!));
    await page.waitForTimeout(300);
    const results = (await page.evaluate(EXPORT_ALL)) as [string, number, string][];
    mkdirSync(EXPORTS, { recursive: true });
    console.log('PNG export (click → file), per chart, with Chromium’s own screenshot of the element as the peer:');
    const ratios: number[] = [];
    for (const [name, ms, data] of results) {
      writeFileSync(join(EXPORTS, name), Buffer.from(data.split(',')[1]!, 'base64'));
      const chart = page.locator(`[data-testid="chart-${name.replace(/\.png$/, '')}"]`);
      const t0 = performance.now();
      await chart.screenshot({ path: join(tmp, 'peer.png') });
      const peer = performance.now() - t0;
      ratios.push(ms / peer);
      console.log(`  ${name.padEnd(26)} ${ms.toFixed(0).padStart(5)} ms   peer ${peer.toFixed(0).padStart(5)} ms   ratio ${(ms / peer).toFixed(2)}  ${ms <= PNG_TARGET_MS ? 'OK' : 'OVER'}`);
    }
    // Compare's charts too (two runs of different lengths: the "share of training" axis).
    await page.evaluate((h) => (location.hash = h), `#/compare?runs=${longRun},${shortRun}`);
    await page.locator('[data-testid="compare-view"][data-render-ms]').waitFor({ timeout: 60_000 });
    await page.waitForTimeout(300);
    const compared = (await page.evaluate(EXPORT_ALL)) as [string, number, string][];
    for (const [name, ms, data] of compared) {
      writeFileSync(join(EXPORTS, name), Buffer.from(data.split(',')[1]!, 'base64'));
      console.log(`  ${name.padEnd(26)} ${ms.toFixed(0).padStart(5)} ms  ${ms <= PNG_TARGET_MS ? 'OK' : 'OVER'}`);
    }
    results.push(...compared);
    const worst = Math.max(...results.map((r) => r[1]));
    console.log(`PNG export, slowest chart: ${worst.toFixed(0)} ms (target ≤ ${PNG_TARGET_MS} ms) ${worst <= PNG_TARGET_MS ? 'OK' : 'OVER'}; exports in ${EXPORTS}`);
    console.log(`load average now: ${loadavg()[0]!.toFixed(1)} on ${cpus().length} cores`);
  } finally {
    await browser.close();
    await stopServer(server);
    rmSync(tmp, { recursive: true, force: true });
  }
}

await main();
