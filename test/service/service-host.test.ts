// The service host process (database, queue, trainer launcher off the UI thread): it answers the contract,
// pushes events, and on close stops a running run so it ends 'stopped' with its last metrics flushed — the
// desktop app's quit path. Bad installs and files stop it before anything is written, naming the file.
import { createHash } from 'node:crypto';
import { copyFileSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, describe, expect, it } from 'vitest';
import type { LabEvent } from '../../electron/common/contract';
import type { RunSummary } from '../../electron/common/runs';
import { ServiceHostStartError } from '../../electron/service/service-host-client';
import { smallConfig, tempDir } from '../store/store-fixture';
import { forkHost, hostInit } from './service-host-fixture';
import { waitFor } from './service-fixture';
import { APPLICATION_ID } from '../../electron/store/migrations/application-id';

const tmp = tempDir();
afterAll(() => tmp.cleanup());

const sha = (file: string) => createHash('sha256').update(readFileSync(file)).digest('hex');

async function startFails(init: ReturnType<typeof hostInit>): Promise<ServiceHostStartError> {
  const h = forkHost();
  const error = await h.client.start(init).then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(ServiceHostStartError);
  expect(await h.exited).toBe(1);
  return error as ServiceHostStartError;
}

describe('service host process', () => {
  it('answers the contract, and quitting mid-run leaves the run stopped with its last metrics saved', async () => {
    const dbPath = join(tmp.dir, 'quit.db');
    const h = forkHost();
    await h.client.start(hostInit(dbPath));
    const events: LabEvent[] = [];
    h.client.onEvent((e) => events.push(e));
    const list = await h.client.dispatch('run:list', {});
    expect(list.ok && (list.value as { total: number }).total).toBe(0);
    const bad = await h.client.dispatch('run:start', { config: { nope: 1 } });
    expect(bad.ok).toBe(false);

    const started = await h.client.dispatch('run:start', { config: smallConfig({ trainSize: 3000, batchSize: 16, epochs: 30 }) });
    expect(started.ok).toBe(true);
    const runId = (started as { value: RunSummary }).value.id;
    let lastStepSeen = -1;
    h.client.onEvent((e) => {
      if (e.channel === 'run:progress') for (const b of e.payload.batches) lastStepSeen = Math.max(lastStepSeen, b.step);
    });
    await waitFor(() => lastStepSeen >= 20, 60_000, 'the run to train 20 steps');

    expect(await h.client.close(15_000)).toBe('closed');
    expect(await h.exited).toBe(0);
    // After close the client refuses politely instead of hanging.
    expect((await h.client.dispatch('run:list', {})).ok).toBe(false);

    const db = new Database(dbPath, { readonly: true });
    try {
      const run = db.prepare('SELECT status, error FROM runs WHERE id = ?').get(runId) as { status: string; error: string | null };
      expect(run.status).toBe('stopped');
      const { last } = db.prepare('SELECT max(step) AS last FROM steps WHERE run_id = ?').get(runId) as { last: number };
      // Every step the window was shown is on disk: the recorder was flushed before the database closed.
      expect(last).toBeGreaterThanOrEqual(lastStepSeen);
      expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
    } finally {
      db.close();
    }
    expect(events.some((e) => e.channel === 'run:status' && e.payload.runId === runId && e.payload.status === 'stopped')).toBe(true);
  }, 120_000);

  it('refuses a database from a newer version, naming it, and leaves it byte for byte as it was', async () => {
    const dbPath = join(tmp.dir, 'newer.db');
    const db = new Database(dbPath);
    // A Gradient Lab file (our application id) from a newer version.
    db.pragma(`application_id = ${APPLICATION_ID}`);
    db.pragma('user_version = 9990');
    db.exec('CREATE TABLE future (x)');
    db.close();
    const before = sha(dbPath);
    const e = await startFails(hostInit(dbPath));
    expect(e.error.name).toBe('NewerDatabaseError');
    expect(e.error.file).toBe(dbPath);
    expect(e.message).toContain(dbPath);
    expect(e.message).toMatch(/Update Gradient Lab/);
    expect(sha(dbPath)).toBe(before);
    expect(existsSync(`${dbPath}-wal`)).toBe(false);
  });

  it('refuses a profile folder it cannot write to, naming the file', async () => {
    const dbPath = join(tmp.dir, 'no-such-folder', 'lab.db');
    const e = await startFails(hostInit(dbPath));
    expect(e.error.name).toBe('StoreOpenError');
    expect(e.error.file).toBe(dbPath);
    expect(e.message).toContain(join(tmp.dir, 'no-such-folder'));
  });

  it('stops on a broken install (MNIST folder missing) before creating the database', async () => {
    const dbPath = join(tmp.dir, 'mnist-missing.db');
    const mnistDir = join(tmp.dir, 'resources', 'mnist');
    mkdirSync(mnistDir, { recursive: true });
    const e = await startFails(hostInit(dbPath, { mnistDir }));
    expect(e.error.name).toBe('BrokenInstallError');
    expect(e.error.file).toBe(join(mnistDir, 'train-images-idx3-ubyte'));
    expect(e.message).toMatch(/Reinstall Gradient Lab/);
    expect(existsSync(dbPath)).toBe(false);
  });

  it('stops on a corrupt or wrong-ABI SQLite addon, naming it, before touching the database', async () => {
    const dbPath = join(tmp.dir, 'addon.db');
    const garbage = join(tmp.dir, 'garbage.node');
    writeFileSync(garbage, Buffer.alloc(4096, 7));
    const e1 = await startFails(hostInit(dbPath, { sqliteBinding: garbage }));
    expect(e1.error.name).toBe('NativeAddonError');
    expect(e1.error.file).toBe(garbage);
    expect(e1.message).toMatch(/not a native module.*npm run electron:native/);

    // The real addon with its registration symbol renamed to another ABI: what a build for the wrong runtime is.
    const real = join(createRequire(import.meta.url).resolve('better-sqlite3/package.json'), '../build/Release/better_sqlite3.node');
    const other = join(tmp.dir, 'other-abi.node');
    copyFileSync(real, other);
    const bytes = readFileSync(other);
    const symbol = Buffer.from(`node_register_module_v${process.versions.modules}`);
    let at = bytes.indexOf(symbol);
    expect(at).toBeGreaterThan(0);
    while (at >= 0) {
      bytes.write(`node_register_module_v${'9'.repeat(process.versions.modules.length)}`, at, 'latin1');
      at = bytes.indexOf(symbol, at + 1);
    }
    writeFileSync(other, bytes);
    const e2 = await startFails(hostInit(dbPath, { sqliteBinding: other }));
    expect(e2.error.file).toBe(other);
    expect(e2.message).toContain(`NODE_MODULE_VERSION ${'9'.repeat(process.versions.modules.length)}, but this Node.js needs ${process.versions.modules}`);
    expect(existsSync(dbPath)).toBe(false);
  });
});
