// Harness for the WebGPU trainer page (renderer/trainer.html, built): serves the built renderer folder and the
// four MNIST files on loopback (http://localhost is a secure context, which navigator.gpu requires), opens
// the page in Debian's Chromium, and connects it the way the desktop app's preload does: one MessagePort,
// posted into the page with window.postMessage. The test holds the other end of that MessageChannel (a
// stand-in for the service host) and exchanges trainer-protocol messages with the page through it.
import { existsSync, readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, normalize } from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { CONTENT_TYPES } from '../../electron/common/csp';
import { MNIST_FILES } from '../../electron/common/mnist-files';
import type { FromTrainer, ToTrainer } from '../../electron/common/trainer-protocol';
import { TRAINER_PAGE, TRAINER_PORT_MESSAGE } from '../../electron/common/trainer-window';
import { defaultMnistDir } from '../../electron/engine/data/mnist';
import { CHROMIUM, ROOT } from './harness';

/** Flags that give headless Chromium a WebGPU adapter on SwiftShader (found by trying on this Debian). */
export const WEBGPU_ARGS = ['--headless', '--no-sandbox', '--enable-unsafe-webgpu', '--enable-unsafe-swiftshader', '--use-angle=swiftshader'];

export interface TrainerPage {
  page: Page;
  browser: Browser;
  /** Every message the page has sent so far, in order. */
  received: FromTrainer[];
  send(message: ToTrainer): Promise<void>;
  /** Send a start message whose IDX files the page fetches from the harness (the host would read them). */
  start(config: unknown, mnistDir?: string): Promise<void>;
  /** Called with each message the page sends from now on. */
  onMessage(listener: (m: FromTrainer) => void): void;
  /** Resolve with the first message (from now on, or already received) that matches. */
  waitFor<T extends FromTrainer>(match: (m: FromTrainer) => m is T, timeoutMs: number): Promise<T>;
  closed(): boolean;
  close(): Promise<void>;
}

function serve(root: string, idxDir: string): Promise<Server> {
  const server = createServer((req, res) => {
    const path = normalize(decodeURIComponent(new URL(req.url ?? '/', 'http://localhost').pathname));
    const idxName = path.startsWith('/idx/') ? path.slice(5) : undefined;
    const file = idxName && Object.values(MNIST_FILES).includes(idxName as never) ? join(idxDir, idxName) : join(root, path);
    if (!file.startsWith(root) && !idxName) return void res.writeHead(403).end();
    if (!existsSync(file)) return void res.writeHead(404).end();
    res.writeHead(200, { 'Content-Type': CONTENT_TYPES[extname(file)] ?? 'application/octet-stream' });
    res.end(readFileSync(file));
  });
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(server)));
}

/**
 * Runs in the page before its own script: keeps each WebGPU device tfjs creates so a test can destroy it
 * (`window.__loseDevice()`), which Chromium reports as a lost device, the way a GPU reset or a removed eGPU is.
 */
export function deviceLossHook(): void {
  const proto = (globalThis as unknown as { GPUAdapter?: { prototype: { requestDevice(...a: unknown[]): Promise<{ destroy(): void }> } } }).GPUAdapter?.prototype;
  if (!proto) return;
  const request = proto.requestDevice;
  proto.requestDevice = async function (this: unknown, ...a: unknown[]) {
    const device = await request.apply(this, a);
    (globalThis as unknown as { __loseDevice(): void }).__loseDevice = () => device.destroy();
    return device;
  };
}

export async function openTrainerPage(args: string[], options: { initScript?: () => void } = {}): Promise<TrainerPage> {
  const root = join(ROOT, 'out/renderer');
  if (!existsSync(join(root, TRAINER_PAGE))) throw new Error('The app is not built: run "npm run build" before the e2e tests');
  const server = await serve(root, defaultMnistDir());
  const browser = await chromium.launch({ executablePath: CHROMIUM, args });
  const context = await browser.newContext();
  if (options.initScript) await context.addInitScript(options.initScript);
  const received: FromTrainer[] = [];
  const waiters = new Set<() => void>();
  await context.exposeFunction('__fromTrainer', (m: FromTrainer) => {
    received.push(m);
    for (const w of waiters) w();
  });
  // Opened by a script, as Electron treats its windows: only such a page may close itself with window.close().
  const opener = await context.newPage();
  const popup = opener.waitForEvent('popup');
  await opener.evaluate((url) => void window.open(url), `http://localhost:${(server.address() as AddressInfo).port}/${TRAINER_PAGE}`);
  const page = await popup;
  let pageClosed = false;
  page.on('close', () => (pageClosed = true));
  await page.waitForLoadState('load');
  // The preload's part, played by the test: one port into the page's main world; the test keeps the other.
  await page.evaluate((name) => {
    const channel = new MessageChannel();
    const w = window as unknown as { __host: MessagePort; __fromTrainer(m: unknown): void };
    w.__host = channel.port1;
    channel.port1.onmessage = (e) => w.__fromTrainer(e.data);
    window.postMessage(name, location.origin, [channel.port2]);
  }, TRAINER_PORT_MESSAGE);

  const tp: TrainerPage = {
    page,
    browser,
    received,
    send: (message) => page.evaluate((m) => (window as unknown as { __host: MessagePort }).__host.postMessage(m), message),
    start: (config, mnistDir) =>
      page.evaluate(
        async ({ config, files, mnistDir }) => {
          const idxFiles: Record<string, Uint8Array> = {};
          for (const [key, name] of Object.entries(files)) idxFiles[key] = new Uint8Array(await (await fetch(`/idx/${name}`)).arrayBuffer());
          (window as unknown as { __host: MessagePort }).__host.postMessage({ type: 'start', config, idxFiles, ...(mnistDir ? { mnistDir } : {}) });
        },
        { config, files: MNIST_FILES, mnistDir },
      ),
    onMessage: (listener) => {
      let from = received.length;
      waiters.add(() => {
        for (; from < received.length; from++) listener(received[from]!);
      });
    },
    waitFor: (match, timeoutMs) =>
      new Promise((resolve, reject) => {
        let from = 0;
        const check = () => {
          for (; from < received.length; from++) {
            const m = received[from]!;
            if (match(m)) {
              waiters.delete(check);
              clearTimeout(timer);
              resolve(m);
              return;
            }
          }
        };
        const timer = setTimeout(() => {
          waiters.delete(check);
          reject(new Error(`no matching message within ${timeoutMs} ms; got ${received.map((m) => m.type).join(', ')}`));
        }, timeoutMs);
        waiters.add(check);
        check();
      }),
    closed: () => pageClosed,
    close: async () => {
      await browser.close();
      server.close();
    },
  };
  return tp;
}
