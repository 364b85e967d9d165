// A database the host cannot write: a read-only folder, a path that cannot be created, and a "full" database
// (SQLite's max_page_count on the service's own connection stands in for a full disk). Each gives a clear
// error naming the file, the host keeps running, and nothing already saved changes.
import { spawnSync } from 'node:child_process';
import { chmodSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDispatcher } from '../../electron/service/dispatcher';
import type { LabService } from '../../electron/service/lab-service';
import { openStore } from '../../electron/store/store';
import { ROOT } from '../cli/cli-fixture';
import { createService, recordEvents } from '../service/service-fixture';
import { dbChecksum, smallConfig, tempDir } from '../store/store-fixture';
import { seedFinishedRuns, snapshotRun, TappedLauncher } from './reliability-fixture';

const tmp = tempDir();
afterAll(() => tmp.cleanup());

/** root ignores file modes: run the CLI as `nobody` then, so a read-only folder really is read-only. */
function cliAsUser(args: string[]) {
  const user = process.getuid?.() === 0 ? { uid: 65534, gid: 65534 } : {};
  const r = spawnSync(process.execPath, ['--import', 'tsx', join(ROOT, 'electron/cli/index.ts'), ...args], {
    cwd: ROOT,
    encoding: 'utf8',
    timeout: 60_000,
    env: { ...process.env, GRADIENT_LAB_DB: '', LANG: 'en_US.UTF-8' },
    ...user,
  });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

describe('a read-only database folder', () => {
  const dir = join(tmp.dir, 'read-only');
  const dbPath = join(dir, 'lab.db');
  let before: string;

  beforeAll(() => {
    chmodSync(tmp.dir, 0o755); // mkdtemp makes it 0700: `nobody` must reach the folder to find it read-only
    mkdirSync(dir);
    const store = openStore(dbPath);
    seedFinishedRuns(store);
    store.close();
    before = dbChecksum(dbPath);
    chmodSync(dbPath, 0o444);
    chmodSync(dir, 0o555);
  });
  afterAll(() => chmodSync(dir, 0o755));

  for (const args of [['list'], ['run', '--preset', 'seed-he', '--train-size', '200', '--test-size', '100', '--epochs', '1']]) {
    it(`refuses \`${args[0]}\` with one clear line naming the file, and changes nothing`, () => {
      const r = cliAsUser([...args, '--db', dbPath]);
      expect(r.code).toBe(1);
      expect(r.stderr).toBe(`gradient-lab: Cannot open the database ${dbPath}: it or its folder ${dir} is not writable.\n`);
      expect(r.stdout).toBe('');
      expect(dbChecksum(dbPath)).toBe(before);
    });
  }

  it('refuses a database path that cannot be created (its folder is a file), naming it', () => {
    const file = join(tmp.dir, 'a-file');
    writeFileSync(file, 'not a folder');
    expect(() => createService(join(file, 'lab.db'))).toThrow(`Cannot open the database ${join(file, 'lab.db')}: the folder ${file} does not exist.`);
  });
});

describe('a full database', () => {
  const dbPath = join(tmp.dir, 'full.db');
  let service: LabService;
  let saved: number[];
  let good: string;

  beforeAll(() => {
    service = createService(dbPath, new TappedLauncher());
    saved = seedFinishedRuns(service.store);
    good = service.exportBundle(saved).data;
    const pages = service.store.db.pragma('page_count', { simple: true }) as number;
    service.store.db.pragma(`max_page_count = ${pages}`);
  });
  afterAll(async () => {
    await service.close();
  });

  it('refuses an import with an error naming the file, and writes nothing', async () => {
    const before = dbChecksum(dbPath);
    const r = await createDispatcher(service.handlers())('bundle:import', { fileName: 'two.json.gz', data: good });
    expect(r).toEqual({
      ok: false,
      error: { name: 'StoreWriteError', message: `Cannot write to the database ${dbPath}: database or disk is full` },
    });
    expect(dbChecksum(dbPath)).toBe(before);
  });

  it('ends a run it cannot record as failed with the reason, keeps running, and leaves saved runs unchanged', async () => {
    const rec = recordEvents(service);
    const snapshots = saved.map((id) => snapshotRun(service.store, id));
    const dispatch = createDispatcher(service.handlers());
    // Long enough that timed flushes (every 250 ms) meet the full file while the run is still going.
    const started = await dispatch('run:start', { config: smallConfig({ trainSize: 600, testSize: 100, batchSize: 10, epochs: 50 }) });
    if (!started.ok) {
      // The run row itself did not fit: refused at once, naming the file.
      expect(started.error).toEqual({ name: 'StoreWriteError', message: `Cannot write to the database ${dbPath}: database or disk is full` });
    } else {
      const runId = (started.value as { id: number }).id;
      const end = await rec.ended(runId);
      expect(end.status).toBe('failed');
      // Usually a timed flush is first to hit the full file; on a fast machine it can be the final save instead.
      expect(end.error).toMatch(/^(Recording the run|Saving predictions) failed: Cannot write to the database /);
      expect(end.error).toContain(`${dbPath}: database or disk is full`);
      await service.idle();
    }
    // The host still answers, the saved runs are exactly as they were, and the file is sound.
    expect((await dispatch('run:list', {})).ok).toBe(true);
    expect(saved.map((id) => snapshotRun(service.store, id))).toEqual(snapshots);
    expect(service.store.integrityCheck()).toBe('ok');
  }, 60_000);

  it('runs normally again once there is room', async () => {
    service.store.db.pragma('max_page_count = 1073741823');
    const rec = recordEvents(service);
    const run = service.startRun(smallConfig({ trainSize: 200, testSize: 100, batchSize: 20 }));
    expect((await rec.ended(run.id)).status).toBe('completed');
    expect(service.store.metrics.stepCountOf(run.id)).toBe(10);
  }, 60_000);
});
