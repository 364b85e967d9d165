// The Electron smoke test: the real desktop app, driven by playwright-core's _electron. It starts and shows the
// shell; About lists the backends through the preload; a tiny run trains and is saved; quitting mid-run leaves
// that run 'stopped' with its last metrics; a run asked for WebGPU trains in the hidden trainer window (or
// records the window's reason for not); a second launch hands over to the first. Where it cannot run (no
// Electron binary, no Electron build of the SQLite addon, no display) it says "not run, because …" — never
// "passed".
//   npm run test:electron            strict: exit 1 unless every check ran and passed (the release workflow)
//   tsx test/electron/smoke.ts --report   exit 0 when it could not run (npm test prints the reason), 1 on failure
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { _electron, type ElectronApplication, type Page } from 'playwright-core';
import type { LabApi } from '../../electron/common/contract';
import type { ExperimentConfigInput } from '../../electron/common/config';
import { addonPath, electronTarget, verifyAddon } from '../../scripts/native/electron-addon';

const ROOT = resolve(import.meta.dirname, '../..');
const report = process.argv.includes('--report');

/** Why the smoke test cannot run on this machine, or undefined when it can. */
export function whyNotRunnable(env: NodeJS.ProcessEnv = process.env): { reason: string } | { electron: string } {
  const pkg = join(ROOT, 'node_modules/electron');
  const pathFile = join(pkg, 'path.txt');
  if (!existsSync(pathFile) && !env.ELECTRON_OVERRIDE_DIST_PATH) {
    return { reason: "Electron's binary is not installed (node_modules/electron/path.txt is missing: its download from GitHub at npm install failed or was skipped)" };
  }
  const rel = existsSync(pathFile) ? readFileSync(pathFile, 'utf8').trim() : 'electron';
  const electron = env.ELECTRON_OVERRIDE_DIST_PATH ? join(env.ELECTRON_OVERRIDE_DIST_PATH, rel) : join(pkg, 'dist', rel);
  if (!existsSync(electron)) return { reason: `Electron's binary ${electron} is missing` };
  try {
    verifyAddon(addonPath(ROOT, process.platform, process.arch), electronTarget(ROOT));
  } catch (e) {
    return { reason: `the Electron build of better-sqlite3 is not ready (${(e as Error).message}); run npm run electron:native` };
  }
  if (!existsSync(join(ROOT, 'out/main/index.js'))) return { reason: 'the app is not built; run npm run build' };
  if (process.platform === 'linux' && !env.DISPLAY && !env.WAYLAND_DISPLAY) return { reason: 'there is no display; run it under xvfb-run' };
  return { electron };
}

const TINY: ExperimentConfigInput = {
  dataset: { kind: 'mnist', trainSize: 256, testSize: 64 },
  model: { depth: 1, width: 16, activation: 'relu', initializer: { kind: 'heNormal' }, batchNorm: false, residual: false },
  optimizer: { kind: 'adam', learningRate: 1e-3 },
  training: { epochs: 1, batchSize: 32, seed: 1, statsEvery: 1, histogramEvery: 0 },
};
const LONG: ExperimentConfigInput = { ...TINY, dataset: { kind: 'mnist', trainSize: 4000, testSize: 200 }, training: { ...TINY.training, epochs: 50, batchSize: 16 } };

type Lab = { lab: LabApi };

async function launch(electron: string, userData: string): Promise<{ app: ElectronApplication; page: Page }> {
  const app = await _electron.launch({ executablePath: electron, args: [ROOT], env: { ...process.env, GRADIENT_LAB_USER_DATA: userData } as Record<string, string> });
  const page = await app.firstWindow();
  await page.locator('[data-testid="nav-train"]').waitFor({ timeout: 60_000 });
  return { app, page };
}

async function runStatus(page: Page, runId: number): Promise<{ status: string; steps: number }> {
  return page.evaluate(async (id) => {
    const r = await (globalThis as unknown as Lab).lab.getRun({ runId: id });
    if (!r.ok) throw new Error(r.error.message);
    return { status: r.value.summary.status, steps: r.value.series.steps.length ? r.value.series.steps[r.value.series.steps.length - 1]! : -1 };
  }, runId);
}

async function until<T>(f: () => Promise<T>, ok: (v: T) => boolean, ms: number, what: string): Promise<T> {
  const t0 = Date.now();
  for (;;) {
    const v = await f();
    if (ok(v)) return v;
    if (Date.now() - t0 > ms) throw new Error(`timed out waiting for ${what} (last: ${JSON.stringify(v)})`);
    await new Promise((r) => setTimeout(r, 250));
  }
}

const checks: { name: string; run: (electron: string, userData: string) => Promise<void> }[] = [
  {
    name: 'starts and shows the shell; About lists the backends through the preload',
    run: async (electron, userData) => {
      const { app, page } = await launch(electron, userData);
      try {
        await page.click('[data-testid="about-open"]');
        await page.locator('[data-testid="backend-table"] tr[data-backend="wasm"]').waitFor({ timeout: 60_000 });
      } finally {
        await app.close();
      }
    },
  },
  {
    name: 'a tiny run trains and is saved; quitting mid-run leaves the next run stopped with its last metrics',
    run: async (electron, userData) => {
      let { app, page } = await launch(electron, userData);
      const start = (config: ExperimentConfigInput) =>
        page.evaluate(async (c) => {
          const r = await (globalThis as unknown as Lab).lab.startRun({ config: c });
          if (!r.ok) throw new Error(r.error.message);
          return r.value.id;
        }, config);
      const tiny = await start(TINY);
      await until(() => runStatus(page, tiny), (s) => s.status === 'completed', 120_000, 'the tiny run to complete');
      const long = await start(LONG);
      const seen = await until(() => runStatus(page, long), (s) => s.status === 'running' && s.steps >= 20, 120_000, 'the long run to train');
      await app.close(); // app.quit(): before-quit waits for the service to stop and flush the run
      ({ app, page } = await launch(electron, userData));
      try {
        const after = await runStatus(page, long);
        if (after.status !== 'stopped') throw new Error(`the run quit mid-way is ${after.status}, not stopped`);
        if (after.steps < seen.steps) throw new Error(`metrics lost: step ${seen.steps} was shown, ${after.steps} saved`);
        if ((await runStatus(page, tiny)).status !== 'completed') throw new Error('the tiny run was not kept');
      } finally {
        await app.close();
      }
    },
  },
  {
    name: 'a run asked for WebGPU trains in the hidden trainer window (Chromium\'s navigator.gpu), or says why not, and the window goes away',
    run: async (electron, userData) => {
      const { app, page } = await launch(electron, userData);
      try {
        const id = await page.evaluate(async (c) => {
          const r = await (globalThis as unknown as Lab).lab.startRun({ config: c });
          if (!r.ok) throw new Error(r.error.message);
          return r.value.id;
        }, { ...TINY, backend: 'webgpu' } as ExperimentConfigInput);
        await until(() => runStatus(page, id), (s) => s.status !== 'queued' && s.status !== 'running', 180_000, 'the WebGPU run to end');
        const summary = await page.evaluate(async (runId) => {
          const r = await (globalThis as unknown as Lab).lab.getRun({ runId });
          if (!r.ok) throw new Error(r.error.message);
          return r.value.summary;
        }, id);
        if (summary.status !== 'completed') throw new Error(`the run ended ${summary.status}: ${summary.error ?? ''}`);
        if (summary.backend === 'webgpu') {
          if (summary.engine !== 'tape') throw new Error(`the window trained with engine ${summary.engine}, not tape`);
          process.stdout.write('Electron smoke test: (the run trained on WebGPU in the hidden window)\n');
        } else {
          const why = summary.skipped.find((s) => s.name === 'webgpu')?.reason ?? '';
          if (!why || /Dawn/.test(why)) throw new Error(`the run fell back to ${summary.backend} without the window's reason (${why || 'none'})`);
          process.stdout.write(`Electron smoke test: (no WebGPU here, the run trained on ${summary.backend}: ${why})\n`);
        }
        await until(() => app.evaluate(({ BrowserWindow }) => BrowserWindow.getAllWindows().length), (n) => n === 1, 20_000, 'the trainer window to close');
      } finally {
        await app.close();
      }
    },
  },
  {
    name: 'a second launch hands over to the first and quits',
    run: async (electron, userData) => {
      const { app } = await launch(electron, userData);
      try {
        const signalled = app.evaluate(({ app: a }) => new Promise<boolean>((r) => a.once('second-instance', () => r(true))));
        const second = spawn(electron, [ROOT], { env: { ...process.env, GRADIENT_LAB_USER_DATA: userData }, stdio: 'ignore' });
        const code = await new Promise<number | null>((r, j) => {
          const timer = setTimeout(() => j(new Error('the second launch did not quit within 30 s')), 30_000);
          second.on('exit', (c) => (clearTimeout(timer), r(c)));
        });
        if (code !== 0) throw new Error(`the second launch exited with ${code}`);
        if (!(await signalled)) throw new Error('the first instance was not told');
        const windows = await app.evaluate(({ BrowserWindow }) => BrowserWindow.getAllWindows().length);
        if (windows !== 1) throw new Error(`${windows} windows after the second launch`);
      } finally {
        await app.close();
      }
    },
  },
];

async function main(): Promise<number> {
  const runnable = whyNotRunnable();
  if ('reason' in runnable) {
    for (const c of checks) process.stdout.write(`Electron smoke test: NOT RUN — ${c.name}: not run, because ${runnable.reason}\n`);
    process.stdout.write(`Electron smoke test: ${checks.length} checks not run, none counted as passed (because ${runnable.reason})\n`);
    return report ? 0 : 1;
  }
  let failed = 0;
  for (const c of checks) {
    const userData = mkdtempSync(join(tmpdir(), 'gl-smoke-'));
    try {
      await c.run(runnable.electron, userData);
      process.stdout.write(`Electron smoke test: passed — ${c.name}\n`);
    } catch (e) {
      failed++;
      process.stdout.write(`Electron smoke test: FAILED — ${c.name}: ${(e as Error).message}\n`);
    } finally {
      rmSync(userData, { recursive: true, force: true });
    }
  }
  process.stdout.write(`Electron smoke test: ${checks.length - failed} passed, ${failed} failed, 0 not run\n`);
  return failed ? 1 : 0;
}

process.exitCode = await main();
