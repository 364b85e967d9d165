// One browser-mode lab over a fresh database holding the given runs, for e2e files that look at saved runs:
// registers its own beforeAll/afterAll in the calling describe block (a temporary folder, the runs imported
// as a bundle, the web host on loopback, Chromium) and removes everything afterwards. Read its fields inside
// tests, once beforeAll has run.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type Browser } from 'playwright-core';
import { afterAll, beforeAll } from 'vitest';
import type { BundleRun } from '../../electron/common/bundle';
import { CHROMIUM, CHROMIUM_ARGS, startServer, stopServer } from './harness';
import { importRuns, syntheticRun } from './synthetic-runs';

export interface SeededLab {
  /** The web host's address (with its token). */
  url: string;
  /** The imported runs' ids, in the order given. */
  ids: number[];
  browser: Browser;
  /** The temporary folder (the database and anything a test writes there). */
  tmp: string;
}

/** A short synthetic run of `preset` named as the store names a preset's own run ("seed-keras #1"). */
export function namedRun(index: number, preset: string, epochs = 2, stepsPerEpoch = 40): BundleRun {
  return { ...syntheticRun(index, preset, epochs, stepsPerEpoch), name: `${preset} #${index + 1}`, tags: [] };
}

/**
 * The lab for this describe block. `launch` starts Chromium (by default the harness's); it gets the temporary
 * folder, for a test that shapes the browser's environment there (fonts, say).
 */
export function seededLab(prefix: string, runs: () => BundleRun[], launch?: (tmp: string) => Promise<Browser>): SeededLab {
  const lab = { url: '', ids: [], tmp: '' } as unknown as SeededLab;
  let server: Awaited<ReturnType<typeof startServer>>['server'] | undefined;
  beforeAll(async () => {
    lab.tmp = mkdtempSync(join(tmpdir(), prefix));
    const dbPath = join(lab.tmp, 'lab.db');
    lab.ids = importRuns(lab.tmp, dbPath, runs());
    ({ url: lab.url, server } = await startServer(dbPath));
    lab.browser = await (launch ? launch(lab.tmp) : chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS }));
  }, 120_000);
  afterAll(async () => {
    await lab.browser?.close();
    if (server) await stopServer(server);
    if (lab.tmp) rmSync(lab.tmp, { recursive: true, force: true });
  });
  return lab;
}
