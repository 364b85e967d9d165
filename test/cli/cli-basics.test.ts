// The built `gradient-lab` command: help, info with the real backend probe, and `serve`, whose first line of
// stdout is the URL with its token.
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { createInterface } from 'node:readline';
import { describe, expect, it } from 'vitest';
import type { AppInfo } from '../../electron/common/app-info';

const ROOT = resolve(import.meta.dirname, '../..');
const BIN = resolve(ROOT, 'bin/gradient-lab.js');
// Never touch the user's own database from a test.
process.env.GRADIENT_LAB_DB = join(mkdtempSync(join(tmpdir(), 'gl-cli-basics-')), 'lab.db');

describe('gradient-lab CLI', () => {
  it('prints help naming its commands', () => {
    const r = spawnSync(process.execPath, [BIN, '--help'], { encoding: 'utf8' });
    expect(r.status).toBe(0);
    expect(r.stdout).toContain('Usage: gradient-lab');
    expect(r.stdout).toMatch(/serve/);
    expect(r.stdout).toMatch(/info/);
  });

  it('reports each backend with whether it works and why, as JSON', () => {
    const r = spawnSync(process.execPath, [BIN, 'info', '--json'], { encoding: 'utf8', timeout: 60_000 });
    expect(r.status).toBe(0);
    const info = JSON.parse(r.stdout) as AppInfo;
    expect(info.backends.map((b) => b.name)).toEqual(['tensorflow-gpu', 'webgpu', 'tensorflow', 'wasm', 'cpu']);
    expect(info.backends.every((b) => b.reason.length > 0)).toBe(true);
    expect(info.backends.find((b) => b.name === 'cpu')!.available).toBe(true);
    expect(info.kernels).toEqual({ available: true, reason: 'WebAssembly SIMD kernels loaded' });
  });

  it('refuses an unknown command and a non-loopback serve host with a clear message', () => {
    const r = spawnSync(process.execPath, [BIN, 'frobnicate'], { encoding: 'utf8' });
    expect(r.status).toBe(1);
    expect(r.stderr).toContain('Unknown command "frobnicate"');
    const s = spawnSync(process.execPath, [BIN, 'serve', '--host', '0.0.0.0'], { encoding: 'utf8', timeout: 30_000 });
    expect(s.status).toBe(1);
    expect(s.stderr).toMatch(/Refusing to listen on "0\.0\.0\.0".*loopback/);
  });

  it('serve prints the tokenised loopback URL first and stops on Ctrl-C', async () => {
    const child = spawn(process.execPath, [BIN, 'serve', '--port', '0'], { stdio: ['ignore', 'pipe', 'pipe'] });
    const line = await new Promise<string>((res) => createInterface({ input: child.stdout! }).once('line', res));
    expect(line).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/\?token=[\w-]{32,}$/);
    const page = await fetch(line, { redirect: 'manual' });
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('<title>Gradient Lab</title>');
    const code = await new Promise<number | null>((res) => {
      child.once('exit', (c) => res(c));
      child.kill('SIGINT');
    });
    expect(code).toBe(0);
  });
});
