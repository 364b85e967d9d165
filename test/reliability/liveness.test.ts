// A crashed run must not stay 'running' because a later process was given its owner's process id (PID 1 in a
// container, ids reused after a reboot). The owner renews a heartbeat; a `gradient-lab` process opening the file
// judges by it. A live owner's run is left alone.
import Database from 'better-sqlite3';
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { openStore } from '../../electron/store/store';
import { HEARTBEAT_MS } from '../../electron/service/liveness';
import { ROOT } from '../cli/cli-fixture';
import { createService, recordEvents } from '../service/service-fixture';
import { smallConfig, tempDir } from '../store/store-fixture';
import { freshBuild } from './reliability-fixture';

const tmp = tempDir();
afterAll(() => tmp.cleanup());
const BUILT = freshBuild('cli.js');

/** `gradient-lab list --json` in a process of its own. */
function list(dbPath: string): { runs: { id: number; status: string; error: string | null }[] } {
  const entry = BUILT ? [BUILT] : ['--import', 'tsx', join(ROOT, 'electron/cli/index.ts')];
  const r = spawnSync(process.execPath, [...entry, 'list', '--json', '--db', dbPath], { cwd: ROOT, encoding: 'utf8', timeout: 60_000, env: { ...process.env, GRADIENT_LAB_DB: '' } });
  if (r.status !== 0) throw new Error(r.stderr);
  return JSON.parse(r.stdout);
}

/** A run left 'running' by an owner that crashed a minute ago, whose process id now belongs to `pid`. */
function crashedRun(dbPath: string, pid: number): number {
  const store = openStore(dbPath);
  const id = store.runs.create({ config: smallConfig(), appVersion: '0.1.0', ownerPid: pid });
  store.runs.setStatus(id, 'running', new Date(Date.now() - 70_000).toISOString());
  store.close();
  const db = new Database(dbPath);
  const columns = (db.prepare('SELECT name FROM pragma_table_info(?)').all('runs') as { name: string }[]).map((c) => c.name);
  if (columns.includes('heartbeat_at')) db.prepare('UPDATE runs SET heartbeat_at = ? WHERE id = ?').run(Date.now() - 60_000, id);
  db.close();
  return id;
}

describe('liveness of runs', () => {
  it('a crashed run whose owner id now belongs to a live process becomes interrupted when gradient-lab opens the file', () => {
    const dbPath = join(tmp.dir, 'reused.db');
    // The test runner is alive, and is not the run's owner: exactly what a reused process id looks like.
    const id = crashedRun(dbPath, process.pid);
    const run = list(dbPath).runs.find((x) => x.id === id)!;
    expect(run.status).toBe('interrupted');
    expect(run.error).toMatch(/ended while this run was training/);
  });

  it('a crashed run whose owner id is now the opening process itself becomes interrupted', async () => {
    const dbPath = join(tmp.dir, 'same-pid.db');
    const id = crashedRun(dbPath, process.pid);
    const service = createService(dbPath);
    try {
      expect(service.recovered).toEqual([id]);
      expect(service.store.runs.get(id)!.status).toBe('interrupted');
    } finally {
      await service.close();
    }
  });

  it('a live owner renews its heartbeat, and another process opening the file leaves its run alone', async () => {
    const dbPath = join(tmp.dir, 'live.db');
    const owner = createService(dbPath);
    const rec = recordEvents(owner);
    try {
      const run = owner.startRun(smallConfig({ trainSize: 600, testSize: 100, batchSize: 10, epochs: 1000 }));
      const first = owner.store.runs.row(run.id)!.heartbeat_at!;
      await new Promise((r) => setTimeout(r, HEARTBEAT_MS * 2.5));
      expect(owner.store.runs.row(run.id)!.heartbeat_at!).toBeGreaterThan(first);
      const listed = list(dbPath).runs.find((x) => x.id === run.id)!;
      expect(['queued', 'running']).toContain(listed.status);
      expect(['queued', 'running']).toContain(owner.store.runs.get(run.id)!.status);
      owner.stopRun(run.id);
      await rec.ended(run.id);
    } finally {
      await owner.close();
    }
  }, 60_000);
});
