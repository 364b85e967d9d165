// The app://gradient-lab scheme serves the built renderer from a folder whose name may hold [ ] ^ % and spaces,
// with the app's policy on every response; requests that leave the folder or come for another host are refused.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { contentSecurityPolicy } from '../../electron/common/csp';
import { createAppRequestHandler, resolveAppPath } from '../../electron/main/app-protocol';

const base = mkdtempSync(join(tmpdir(), 'gl-scheme-'));
const root = join(base, 'C Drive', 'Program Files', 'Gradient [Lab] ^%20 100%', 'resources', 'renderer');
mkdirSync(join(root, 'assets'), { recursive: true });
writeFileSync(join(root, 'index.html'), '<!doctype html><title>Gradient Lab</title>');
writeFileSync(join(root, 'assets', 'index-1.js'), 'export {};');
writeFileSync(join(root, 'assets', 'a b.css'), 'body{}');
writeFileSync(join(base, 'secret.txt'), 'secret');
afterAll(() => rmSync(base, { recursive: true, force: true }));

const handle = createAppRequestHandler(root);
const get = (url: string, method = 'GET') => handle(new Request(url, { method }));

describe('app scheme', () => {
  it('serves the page and its assets with types and the policy, from an awkwardly named install folder', async () => {
    const page = await get('app://gradient-lab/index.html');
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('Gradient Lab');
    expect(page.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(page.headers.get('content-security-policy')).toBe(contentSecurityPolicy());
    expect(page.headers.get('x-content-type-options')).toBe('nosniff');
    expect((await get('app://gradient-lab/')).status).toBe(200);
    const js = await get('app://gradient-lab/assets/index-1.js');
    expect(js.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
    expect((await get('app://gradient-lab/assets/a%20b.css')).status).toBe(200);
    expect((await get('app://gradient-lab/assets/missing.js')).status).toBe(404);
  });

  it('refuses traversal, other hosts and methods', async () => {
    for (const url of [
      'app://gradient-lab/../../../../secret.txt',
      'app://gradient-lab/..%2f..%2f..%2f..%2f..%2fsecret.txt',
      'app://gradient-lab/assets/..%5c..%5c..%5c..%5c..%5csecret.txt',
      'app://gradient-lab/%2e%2e/%2e%2e/%2e%2e/secret.txt',
      'app://gradient-lab/index.html%00.png',
      'app://gradient-lab/%E0%A4%A',
      'app://evil/index.html',
      'app://gradient-lab.evil/index.html',
    ]) {
      const r = await get(url);
      expect(r.status, url).toBeGreaterThanOrEqual(400);
      expect(await r.text(), url).not.toContain('secret');
    }
    expect((await get('app://gradient-lab/index.html', 'POST')).status).toBe(405);
    expect(resolveAppPath('app://gradient-lab@evil/index.html', root)).toEqual({ status: 403 });
    expect(resolveAppPath('file:///etc/passwd', root)).toEqual({ status: 403 });
  });
});
