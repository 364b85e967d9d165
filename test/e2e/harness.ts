// End-to-end harness: starts the built CLI's web host (a real child process on loopback, its own temporary
// database) and opens Debian's Chromium on it through playwright-core. Requires `npm run build` first.
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { createInterface } from 'node:readline';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';

export const ROOT = resolve(import.meta.dirname, '../..');
export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
export const OUT_DIR = join(ROOT, 'test-results', 'e2e');

export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--no-first-run',
  '--disable-sync',
  '--disable-quic',
];

export interface App {
  page: Page;
  context: BrowserContext;
  browser: Browser;
  /** The full URL with its token, as `serve` printed it. */
  url: string;
  /** Where screenshots go. */
  outDir: string;
  /** The temporary database of this app instance. */
  dbPath: string;
  server: ChildProcess;
  close(): Promise<void>;
}

export interface StartOptions {
  /** Browser locale, e.g. 'ja-JP' (the app's default language follows it). */
  locale?: string;
  viewport?: { width: number; height: number };
  /** Reuse an existing database file instead of a fresh one. */
  dbPath?: string;
  env?: NodeJS.ProcessEnv;
}

/** Start `gradient-lab serve --port 0` and resolve with the URL it prints first. */
export async function startServer(dbPath: string, env: NodeJS.ProcessEnv = {}): Promise<{ url: string; server: ChildProcess }> {
  const cli = join(ROOT, 'out/main/cli.js');
  if (!existsSync(cli) || !existsSync(join(ROOT, 'out/renderer/index.html'))) {
    throw new Error('The app is not built: run "npm run build" before the e2e tests');
  }
  const server = spawn(process.execPath, [cli, 'serve', '--port', '0'], {
    cwd: ROOT,
    env: { ...process.env, GRADIENT_LAB_DB: dbPath, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stderr = '';
  server.stderr!.on('data', (d: Buffer) => (stderr += d.toString()));
  const url = await new Promise<string>((resolveUrl, reject) => {
    const timer = setTimeout(() => reject(new Error(`serve printed no URL within 30 s. stderr:\n${stderr}`)), 30_000);
    createInterface({ input: server.stdout! }).once('line', (line) => {
      clearTimeout(timer);
      resolveUrl(line.trim());
    });
    server.once('exit', (code) => reject(new Error(`serve exited with ${code}. stderr:\n${stderr}`)));
  });
  return { url, server };
}

export async function stopServer(server: ChildProcess): Promise<void> {
  if (server.exitCode !== null || server.signalCode !== null) return;
  const exited = new Promise<void>((r) => server.once('exit', () => r()));
  server.kill('SIGINT');
  const timer = setTimeout(() => server.kill('SIGKILL'), 5000);
  await exited;
  clearTimeout(timer);
}

export async function startApp(options: StartOptions = {}): Promise<App> {
  mkdirSync(OUT_DIR, { recursive: true });
  const tmp = mkdtempSync(join(tmpdir(), 'gradient-lab-e2e-'));
  const dbPath = options.dbPath ?? join(tmp, 'lab.db');
  const { url, server } = await startServer(dbPath, options.env);
  let browser: Browser;
  try {
    browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
  } catch (e) {
    await stopServer(server);
    throw e;
  }
  const context = await browser.newContext({
    locale: options.locale ?? 'en-US',
    viewport: options.viewport ?? { width: 1400, height: 900 },
  });
  const page = await context.newPage();
  const pageErrors: string[] = [];
  page.on('pageerror', (e) => pageErrors.push(e.message));
  await page.goto(url);
  return {
    page,
    context,
    browser,
    url,
    outDir: OUT_DIR,
    dbPath,
    server,
    close: async () => {
      await browser.close().catch(() => undefined);
      await stopServer(server);
      if (!options.dbPath) rmSync(tmp, { recursive: true, force: true });
      if (pageErrors.length) throw new Error(`The page raised errors:\n${pageErrors.join('\n')}`);
    },
  };
}
