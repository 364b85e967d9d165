// Bundles that are corrupt, truncated, of another version, with wrong types, NaN/Infinity or too large are
// refused with an error naming what is wrong, and the database is unchanged (checksum of every row).
import { gzipSync } from 'node:zlib';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { exportBundle, importBundle, parseBundle, writeBundle } from '../../electron/store/bundles';
import { openStore, type Store } from '../../electron/store/store';
import { MALFORMED_BUNDLES } from '../corpus/malformed-bundles';
import { dbChecksum, seedFinishedRuns, smallConfig, tempDir } from './store-fixture';

const tmp = tempDir();
let store: Store;
let good: Buffer;
let target: Store;
const targetPath = join(tmp.dir, 'target.db');

beforeAll(() => {
  store = openStore(join(tmp.dir, 'source.db'));
  seedFinishedRuns(store);
  good = exportBundle(store, [1, 2], '0.1.0');
  target = openStore(targetPath);
  target.runs.create({ config: smallConfig(), appVersion: '0.1.0', ownerPid: null, status: 'completed' });
});
afterAll(() => {
  store.close();
  target.close();
  tmp.cleanup();
});


describe('bundle import refuses bad files and writes nothing', () => {
  // The shared corpus (test/corpus/malformed-bundles.ts); the reliability suite sends it through the service too.
  for (const { name, make, message } of MALFORMED_BUNDLES) {
    it(`refuses ${name}`, () => {
      const before = dbChecksum(targetPath);
      expect(() => importBundle(target, make(good), 'bad.json.gz')).toThrow(message);
      expect(dbChecksum(targetPath)).toBe(before);
    });
  }

  it('refuses a bundle that unpacks beyond the limit (a gzip bomb) without unpacking it all', () => {
    const bomb = gzipSync(Buffer.alloc(5 * 1024 * 1024, 32));
    expect(bomb.length).toBeLessThan(100_000);
    expect(() => parseBundle(bomb, { jsonBytes: 1024 * 1024 })).toThrow(/unpacks to more than 1\.0 MB/);
  });

  it('writes all runs or none: a failure in the second run rolls back the first', () => {
    const before = dbChecksum(targetPath);
    const bundle = parseBundle(good);
    // Past the schema, a NaN label becomes NULL and violates NOT NULL while the second run is being written.
    bundle.runs[1]!.predictions = [{ index: 1, label: NaN, probs: [1] }];
    expect(() => writeBundle(target, bundle, 'x')).toThrow(/NOT NULL/);
    expect(dbChecksum(targetPath)).toBe(before);
  });

  it('imports a good bundle under new ids, marks the origin and keeps a non-finite loss as missing', () => {
    const ids = importBundle(target, good, 'two-runs.json.gz');
    expect(ids).toEqual([2, 3]);
    expect(target.runs.get(2)!.origin).toBe('two-runs.json.gz (run 1)');
    expect(target.runs.get(3)!.status).toBe('diverged');
    expect(target.metrics.rows(3).steps[39]![3]).toBeNull();
    expect(target.metrics.rows(2)).toEqual(store.metrics.rows(1));
  });
});
