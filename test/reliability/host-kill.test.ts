// kill -9 of the host — the `gradient-lab run` process — while it is writing a run: its trainer must not linger,
// every row a reader saw committed before the kill must still be there, the host must have been committing up
// to the last second, and the next start must mark the run 'interrupted' on a sound file and run the next one.
import Database from 'better-sqlite3';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { spawn } from 'node:child_process';
import { createInterface } from 'node:readline';
import { cliBackground, ROOT } from '../cli/cli-fixture';
import { createService, recordEvents, waitFor } from '../service/service-fixture';
import { smallConfig, tempDir } from '../store/store-fixture';
import { alive, freshBuild, seeded, TappedLauncher } from './reliability-fixture';

const BUILT_CLI = freshBuild('cli.js');

/** `gradient-lab ARGS` in the background: the built CLI when it is fresh (starts in a second), else the source. */
function cliInBackground(args: string[]) {
  if (!BUILT_CLI) return cliBackground(args);
  const child = spawn(process.execPath, [BUILT_CLI, ...args], { cwd: ROOT, env: { ...process.env, GRADIENT_LAB_DB: '' }, stdio: ['ignore', 'pipe', 'pipe'] });
  const lines: Record<string, unknown>[] = [];
  createInterface({ input: child.stdout }).on('line', (l) => lines.push(JSON.parse(l) as Record<string, unknown>));
  child.stderr.resume();
  const exit = new Promise<number | null>((res) => child.once('exit', (code) => res(code)));
  return { child, lines, exit };
}

const SEED = Number(process.env.RELIABILITY_SEED ?? 20261128);
const tmp = tempDir();
afterAll(() => tmp.cleanup());

/** Child pids of a process (Linux /proc); empty elsewhere. */
function childrenOf(pid: number): number[] {
  try {
    return readdirSync(`/proc/${pid}/task`).flatMap((tid) =>
      readFileSync(`/proc/${pid}/task/${tid}/children`, 'utf8').split(/\s+/).filter(Boolean).map(Number),
    );
  } catch {
    return [];
  }
}

describe(`kill -9 of the host during a write burst (seed ${SEED})`, () => {
  const rand = seeded(SEED + 1);
  for (const attempt of [1, 2]) {
    it(`recovers after kill ${attempt}: run interrupted, committed rows kept, integrity ok, next run works`, async () => {
      const dbPath = join(tmp.dir, `host-${attempt}.db`);
      const cli = cliInBackground(['run', '--preset', 'seed-he', '--train-size', '6000', '--test-size', '100', '--epochs', '30', '--db', dbPath, '--json']);
      await waitFor(() => cli.lines.length > 0, 60_000, 'the run id line');
      const runId = cli.lines[0]!.runId as number;
      const reader = new Database(dbPath, { readonly: true });
      const count = reader.prepare('SELECT count(*) FROM steps WHERE run_id = ?').pluck();
      const samples: { at: number; n: number }[] = [];
      // Kill after a seeded number of committed flushes (each flush is one transaction of ~250 ms of steps).
      const flushes = 2 + Math.floor(rand() * 6);
      let trainer: number | undefined;
      await waitFor(
        () => {
          const n = count.get(runId) as number;
          if (!samples.length || samples[samples.length - 1]!.n !== n) samples.push({ at: Date.now(), n });
          trainer ??= childrenOf(cli.child.pid!)[0];
          return samples.length > flushes;
        },
        60_000,
        'a burst of flushes',
      );
      const killedAt = Date.now();
      process.kill(cli.child.pid!, 'SIGKILL');
      await cli.exit;
      const seenBeforeKill = samples[samples.length - 1]!.n;
      // The host was committing up to the last second before it died.
      expect(killedAt - samples[samples.length - 1]!.at).toBeLessThan(1000);

      if (trainer !== undefined) await waitFor(() => !alive(trainer!), 10_000, 'the orphaned trainer to exit');
      reader.close();

      const service = createService(dbPath, new TappedLauncher());
      const rec = recordEvents(service);
      try {
        expect(service.recovered).toEqual([runId]);
        const s = service.store.runs.get(runId)!;
        expect(s).toMatchObject({ status: 'interrupted', error: 'The app ended while this run was training', progress: null });
        const steps = service.store.metrics.rows(runId).steps.map((r) => r[0]);
        expect(steps.length).toBeGreaterThanOrEqual(seenBeforeKill);
        expect(steps).toEqual(Array.from({ length: steps.length }, (_, i) => i));
        expect(service.store.integrityCheck()).toBe('ok');

        const next = service.startRun(smallConfig({ trainSize: 200, testSize: 100, batchSize: 20 }));
        expect((await rec.ended(next.id)).status).toBe('completed');
        expect(service.store.metrics.stepCountOf(next.id)).toBe(10);
      } finally {
        await service.close();
      }
    }, 120_000);
  }
});
