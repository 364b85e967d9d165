// The bad-input corpora through the real service and dispatcher (the path Electron's IPC and the WebSocket
// use): every invalid config sent to 'run:start' and every malformed bundle sent to 'bundle:import' is refused
// with an error naming the field or the file, no trainer starts, and a checksum over every row of the database
// is unchanged. SQL-looking names import and are stored verbatim. Wrong IDX files fail their run naming the file.
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDispatcher, type Dispatch } from '../../electron/service/dispatcher';
import type { LabService } from '../../electron/service/lab-service';
import { BAD_IDX_FILES, writeBadIdxFolder, writeIdxFolder } from '../corpus/bad-idx-files';
import { INVALID_CONFIGS, VALID_CONFIG, invalidConfig } from '../corpus/invalid-configs';
import { editBundle, HOSTILE_NAMES, MALFORMED_BUNDLES } from '../corpus/malformed-bundles';
import { createService, recordEvents } from '../service/service-fixture';
import { dbChecksum, tempDir } from '../store/store-fixture';
import { seedFinishedRuns, TappedLauncher } from './reliability-fixture';

const tmp = tempDir();
const dbPath = join(tmp.dir, 'lab.db');
const launcher = new TappedLauncher();
let service: LabService;
let dispatch: Dispatch;
let good: Buffer;

beforeAll(() => {
  service = createService(dbPath, launcher);
  dispatch = createDispatcher(service.handlers());
  good = Buffer.from(service.exportBundle(seedFinishedRuns(service.store)).data, 'base64');
});
afterAll(async () => {
  await service.close();
  tmp.cleanup();
});

describe('invalid configs through run:start', () => {
  it('has at least 40 cases', () => expect(INVALID_CONFIGS.length).toBeGreaterThanOrEqual(40));

  it.each(INVALID_CONFIGS.map((c) => [c.name, c] as const))('refuses %s, naming the field, and saves nothing', async (_name, c) => {
    const before = dbChecksum(dbPath);
    const r = await dispatch('run:start', { config: invalidConfig(c), name: 'should not exist' });
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.error.name).toBe('ValidationError');
    expect(r.error.message).toMatch(/^run:start: config/);
    expect(r.error.message).toContain(c.field);
    expect(dbChecksum(dbPath)).toBe(before);
    expect(launcher.launches).toHaveLength(0);
  });

  it('refuses the same configs when the service is called directly (CLI and Electron hosts)', () => {
    const before = dbChecksum(dbPath);
    for (const c of INVALID_CONFIGS) expect(() => service.startRun(invalidConfig(c) as typeof VALID_CONFIG), c.name).toThrow(c.field);
    expect(dbChecksum(dbPath)).toBe(before);
    expect(launcher.launches).toHaveLength(0);
  });
});

describe('malformed bundles through bundle:import', () => {
  it('has at least 15 cases', () => expect(MALFORMED_BUNDLES.length).toBeGreaterThanOrEqual(15));

  it.each(MALFORMED_BUNDLES.map((c) => [c.name, c] as const))('refuses %s, naming what is wrong, and writes nothing', async (_name, c) => {
    const before = dbChecksum(dbPath);
    const r = await dispatch('bundle:import', { fileName: 'bad.json.gz', data: c.make(good).toString('base64') });
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(['BundleError', 'ValidationError', 'PayloadTooLarge']).toContain(r.error.name);
    expect(r.error.message).toMatch(c.message);
    expect(dbChecksum(dbPath)).toBe(before);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('stores SQL-looking names, notes, tags and file names verbatim and never runs them', async () => {
    const tables = service.store.db.prepare("SELECT name FROM sqlite_schema WHERE type = 'table' ORDER BY name").pluck().all();
    for (const hostile of HOSTILE_NAMES) {
      const data = editBundle(good, (b) => {
        b.runs.splice(1);
        Object.assign(b.runs[0]!, { name: hostile, notes: hostile, tags: [hostile.slice(0, 40)] });
      });
      const r = await dispatch('bundle:import', { fileName: `${hostile}.json.gz`, data: data.toString('base64') });
      expect(r.ok, hostile).toBe(true);
      if (!r.ok) continue;
      const [id] = (r.value as { runIds: number[] }).runIds;
      expect(service.store.runs.get(id!), hostile).toMatchObject({ name: hostile.trim(), notes: hostile, tags: [hostile.slice(0, 40).trim()], origin: `${hostile}.json.gz (run 1)` });
      // Searching for it finds exactly that run: the text is data, also inside LIKE.
      const found = await dispatch('run:list', { text: hostile });
      expect(found.ok && (found.value as { runs: { id: number }[] }).runs.map((x) => x.id), hostile).toContain(id);
    }
    expect(service.store.db.prepare("SELECT name FROM sqlite_schema WHERE type = 'table' ORDER BY name").pluck().all()).toEqual(tables);
    expect(service.store.metrics.stepCountOf(1)).toBe(40);
    expect(service.store.integrityCheck()).toBe('ok');
  });
});

describe('wrong IDX files for an idx-folder dataset', () => {
  const config = (folder: string) => ({ ...structuredClone(VALID_CONFIG), dataset: { kind: 'idx-folder' as const, folder }, training: { ...VALID_CONFIG.training, batchSize: 10 } });

  it('trains on a valid tiny folder (the baseline the bad cases differ from by one file)', async () => {
    const rec = recordEvents(service);
    const run = service.startRun(config(writeIdxFolder(join(tmp.dir, 'idx-good'))));
    expect((await rec.ended(run.id)).status).toBe('completed');
    expect(service.store.metrics.stepCountOf(run.id)).toBe(2);
  }, 60_000);

  it.each(BAD_IDX_FILES.map((c, i) => [c.name, c, i] as const))('fails the run on %s, naming the file, storing no records', async (_name, c, i) => {
    const rec = recordEvents(service);
    const { folder, file } = writeBadIdxFolder(join(tmp.dir, `idx-bad-${i}`), c);
    const others = dbChecksum(dbPath);
    const run = service.startRun(config(folder));
    const end = await rec.ended(run.id);
    expect(end.status).toBe('failed');
    expect(end.error).toMatch(c.message);
    expect(end.error).toContain(`${file}: `);
    expect(service.store.metrics.rows(run.id)).toMatchObject({ steps: [], epochs: [], histograms: [], layerStats: [] });
    // Nothing else changed: deleting the failed run gives back the checksum from before it started.
    await service.idle();
    service.deleteRuns([run.id]);
    expect(dbChecksum(dbPath)).toBe(others);
  }, 60_000);
});
