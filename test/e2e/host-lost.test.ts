// The host dies while a run trains: the Train view stops saying "running" as if nothing happened and says, in
// an alert, that the connection is lost. Screenshot: test-results/e2e/host-lost.png.
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { startApp } from './harness';

describe('a host that dies mid-run', () => {
  it('is named in an alert in the Train view', async () => {
    const app = await startApp({ viewport: { width: 1280, height: 720 } });
    const { page } = app;
    try {
      await page.locator('[data-testid="train-view"]').waitFor();
      await page.selectOption('[data-testid="preset-picker"]', 'seed-keras');
      for (const [f, v] of [['trainSize', '600'], ['testSize', '200'], ['epochs', '200']] as const) await page.fill(`[data-field="${f}"]`, v);
      await expect.poll(() => page.locator('[data-testid="backend-info"]').textContent(), { timeout: 60_000 }).toContain('wasm');
      await page.click('[data-testid="run-start"]');
      await expect.poll(() => page.locator('[data-testid="run-status"]').getAttribute('data-status'), { timeout: 60_000 }).toBe('running');
      expect(await page.locator('[data-testid="train-host-lost"]').count()).toBe(0);
      const gone = new Promise((r) => app.server.once('exit', r));
      app.server.kill('SIGKILL');
      await gone;
      await page.locator('[data-testid="train-host-lost"]').waitFor({ timeout: 15_000 });
      expect(await page.locator('[data-testid="train-host-lost"]').getAttribute('role')).toBe('alert');
      await page.screenshot({ path: join(app.outDir, 'host-lost.png') });
    } finally {
      await app.close();
    }
  });
});
