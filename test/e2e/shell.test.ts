// The shell in a real browser: About shows the probed backends, the language switch works and is remembered.
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startApp, type App } from './harness';

describe('app shell in Chromium through the web host', () => {
  let app: App;
  beforeAll(async () => {
    app = await startApp({ locale: 'ja-JP' });
  });
  afterAll(async () => {
    await app?.close();
  });

  it('opens in Japanese when the system language is Japanese', async () => {
    await expect.poll(() => app.page.locator('[data-testid="nav-train"]').textContent()).toBe('学習');
    expect(await app.page.evaluate(() => document.documentElement.lang)).toBe('ja');
  });

  it('shows each backend of the ladder with its availability and reason, and the training kernels, in About', async () => {
    await app.page.click('[data-testid="about-open"]');
    const table = app.page.locator('[data-testid="backend-table"]');
    await table.waitFor({ timeout: 60_000 });
    const rows = table.locator('tbody tr');
    expect(await rows.count()).toBe(5);
    // The WebGPU rung: used where an adapter exists, else a plain reason (no GPU driver here).
    const webgpu = table.locator('tr[data-backend="webgpu"]');
    if ((await webgpu.getAttribute('data-available')) === 'false') {
      expect(await webgpu.textContent()).toMatch(/WebGPU アダプターがありません|エラーが発生しました/);
    }
    const wasm = table.locator('tr[data-backend="wasm"]');
    expect(await wasm.getAttribute('data-available')).toBe('true');
    const gpu = table.locator('tr[data-backend="tensorflow-gpu"]');
    expect(await gpu.textContent()).toContain('@tensorflow/tfjs-node-gpu');
    // The reason is said in the interface language, the engine's English sentence kept as its tooltip.
    if ((await gpu.getAttribute('data-available')) === 'false') {
      expect(await gpu.textContent()).toMatch(/インストールされていません|読み込めませんでした|初期化できませんでした|エラーが発生しました/);
    }
    expect(await wasm.textContent()).toContain('初期化できました');
    // The training kernels are probed in the same trainer process and load here.
    const kernels = app.page.locator('[data-testid="about-kernels"]');
    expect(await kernels.getAttribute('data-available')).toBe('true');
    expect(await kernels.textContent()).toContain('WebAssembly SIMD カーネルが使えます');
    await app.page.screenshot({ path: join(app.outDir, 'about-ja.png') });
    await app.page.keyboard.press('Escape');
    await app.page.locator('[data-testid="about-dialog"]').waitFor({ state: 'detached' });
  });

  it('switches to English and back to Japanese, and keeps the choice across a reload', async () => {
    await app.page.click('[data-testid="lang-en"]');
    await expect.poll(() => app.page.locator('[data-testid="nav-train"]').textContent()).toBe('Train');
    await app.page.reload();
    await expect.poll(() => app.page.locator('[data-testid="nav-history"]').textContent()).toBe('History');
    expect(await app.page.evaluate(() => document.documentElement.lang)).toBe('en');
    await app.page.screenshot({ path: join(app.outDir, 'shell-en.png') });

    await app.page.click('[data-testid="lang-ja"]');
    await expect.poll(() => app.page.locator('[data-testid="nav-history"]').textContent()).toBe('履歴');
    await app.page.reload();
    await expect.poll(() => app.page.locator('[data-testid="nav-history"]').textContent()).toBe('履歴');
  });
});
