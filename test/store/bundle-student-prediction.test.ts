// Bundles carry the student's prediction (predict → observe): a run with one, exported from one SQLite file and
// imported into another, reads back with the same values, unmarked layers and date; a run without one (or an
// older bundle) imports with none; a hostile prediction — too many layers, a value out of range, an unknown
// quantity, a string for a number, extra fields, an impossible date — is refused with a message naming the
// field, and the target database is left exactly as it was.
import { gunzipSync, gzipSync } from 'node:zlib';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ValidationError } from '../../electron/common/validation';
import { exportBundle, importBundle } from '../../electron/store/bundles';
import { openStore } from '../../electron/store/store';
import { dbChecksum, smallConfig, syntheticRecords, tempDir } from './store-fixture';

const tmp = tempDir();
afterAll(() => tmp.cleanup());

/** Two finished runs (one hidden layer + output each); the first with a prediction. */
function seed(path: string) {
  const store = openStore(path);
  const ids = [0, 1].map(() => {
    const id = store.runs.create({ config: smallConfig(), appVersion: '0.1.0', ownerPid: null });
    store.runs.setStarted(id, {
      backend: 'cpu',
      engine: null,
      skipped: [],
      layers: [
        { index: 0, name: 'dense', units: 32, fanIn: 784, activation: 'sigmoid', output: false },
        { index: 1, name: 'output', units: 10, fanIn: 32, activation: 'softmax', output: true },
      ],
      totalSteps: 10,
    });
    store.metrics.append(id, syntheticRecords(1, 10));
    store.runs.end(id, { status: 'completed', endedAt: new Date().toISOString(), durationSec: 1 });
    return id;
  });
  store.probes.setPrediction(ids[0]!, { quantity: 'deltaNorm', values: [-3.25, null] }, '2026-11-30T09:15:00.000Z');
  return { store, ids };
}

type RawBundle = { runs: Record<string, unknown>[] };

describe('bundles and student predictions', () => {
  it('round-trips a prediction through two real database files, and a run without one stays without', () => {
    const source = join(tmp.dir, 'a.db');
    const { store, ids } = seed(source);
    const data = exportBundle(store, ids, '0.1.0');
    store.close();
    const json = JSON.parse(gunzipSync(data).toString()) as RawBundle;
    expect(json.runs[0]!.studentPrediction).toEqual({ quantity: 'deltaNorm', values: [-3.25, null], created: '2026-11-30T09:15:00.000Z' });
    expect('studentPrediction' in json.runs[1]!).toBe(false);
    const targetPath = join(tmp.dir, 'b.db');
    const target = openStore(targetPath);
    const [a, b] = importBundle(target, data, 'runs.json.gz');
    target.close();
    // Read back from the file itself, as the app does when it opens the run again.
    const reopened = openStore(targetPath);
    expect(reopened.probes.prediction(a!)).toEqual({ quantity: 'deltaNorm', values: [-3.25, null], created: '2026-11-30T09:15:00.000Z' });
    expect(reopened.probes.prediction(b!)).toBeNull();
    reopened.close();
  });

  it('imports an older bundle (no field) with no prediction', () => {
    const { store, ids } = seed(join(tmp.dir, 'c.db'));
    const json = JSON.parse(gunzipSync(exportBundle(store, [ids[0]!], '0.1.0')).toString()) as RawBundle;
    store.close();
    delete json.runs[0]!.studentPrediction;
    const target = openStore(join(tmp.dir, 'd.db'));
    const [id] = importBundle(target, gzipSync(JSON.stringify(json)), 'old.json.gz');
    expect(target.probes.prediction(id!)).toBeNull();
    target.close();
  });

  it.each([
    ['more layers than the run has', { quantity: 'deltaNorm', values: [-1, -2, -3], created: '2026-11-30T09:15:00Z' }, /studentPrediction\.values.*lists 3 layers, but the run has 2/],
    ['an endless list of layers', { quantity: 'deltaNorm', values: Array.from({ length: 5000 }, () => -1), created: '2026-11-30T09:15:00Z' }, /studentPrediction\.values.*at most 51 layers/],
    ['a value beyond the range', { quantity: 'deltaNorm', values: [1e300, null], created: '2026-11-30T09:15:00Z' }, /studentPrediction\.values\.0.*at most 10 \(log10\)/],
    ['a string for a value', { quantity: 'deltaNorm', values: ['-3', null], created: '2026-11-30T09:15:00Z' }, /studentPrediction\.values\.0.*must be a number/],
    ['an unknown quantity', { quantity: 'rm -rf', values: [-1], created: '2026-11-30T09:15:00Z' }, /studentPrediction\.quantity/],
    ['an extra field', { quantity: 'deltaNorm', values: [-1], created: '2026-11-30T09:15:00Z', script: '<img onerror=alert(1)>' }, /studentPrediction.*script/],
    ['an impossible date', { quantity: 'deltaNorm', values: [-1], created: '1970-01-01T00:00:00Z' }, /studentPrediction\.created.*impossible/],
    ['no date', { quantity: 'deltaNorm', values: [-1] }, /studentPrediction\.created/],
  ])('refuses %s with a message naming the field and imports nothing', (_what, hostile, message) => {
    const { store, ids } = seed(join(tmp.dir, `h-${Math.random().toString(36).slice(2)}.db`));
    const json = JSON.parse(gunzipSync(exportBundle(store, ids, '0.1.0')).toString()) as RawBundle;
    store.close();
    json.runs[0]!.studentPrediction = hostile;
    // A target holding runs of its own (one with a prediction), so "nothing written" covers those tables too.
    const targetPath = join(tmp.dir, `t-${Math.random().toString(36).slice(2)}.db`);
    seed(targetPath).store.close();
    const sum = dbChecksum(targetPath);
    const again = openStore(targetPath);
    let error: unknown;
    try {
      importBundle(again, gzipSync(JSON.stringify(json)), 'hostile.json.gz');
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ValidationError);
    expect((error as Error).message).toMatch(message);
    again.close();
    expect(dbChecksum(targetPath)).toBe(sum);
  });
});
