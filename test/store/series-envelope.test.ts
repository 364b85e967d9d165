// A long run's series thinned for a chart keeps its extremes: each drawn point carries the lowest and highest
// loss and accuracy of the steps it stands for, so a spike between two drawn points still shows.
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openStore, type Store } from '../../electron/store/store';
import { smallConfig, syntheticRecords, tempDir } from './store-fixture';

const tmp = tempDir();
let store: Store;
let runId = 0;
const SPIKE_STEP = 1234;

beforeAll(() => {
  store = openStore(join(tmp.dir, 'envelope.db'));
  runId = store.runs.create({ config: smallConfig(), appVersion: '0.1.0', ownerPid: null });
  const records = syntheticRecords(10, 469);
  for (const b of records.batches) if (b.step === SPIKE_STEP) Object.assign(b, { loss: 9.5, acc: 0.01 });
  store.metrics.append(runId, records);
});
afterAll(() => {
  store.close();
  tmp.cleanup();
});

describe('thinned series', () => {
  it('carry per point the range of the steps it stands for, spikes included', () => {
    const { series, decimated } = store.metrics.series(runId, 200);
    expect(decimated).toBe(true);
    expect(series.steps).not.toContain(SPIKE_STEP);
    expect(Math.max(...series.loss)).toBeLessThan(3);
    const env = series.envelope!;
    for (const k of ['lossMin', 'lossMax', 'accMin', 'accMax'] as const) expect(env[k]).toHaveLength(series.steps.length);
    // The spike is in the envelope of the drawn point just before it, and nowhere else.
    const at = series.steps.findLastIndex((s) => s < SPIKE_STEP);
    expect(env.lossMax[at]).toBe(9.5);
    expect(env.accMin[at]).toBe(0.01);
    expect(env.lossMax.filter((v) => v > 3)).toHaveLength(1);
    // Every point lies inside its own envelope.
    series.steps.forEach((_, i) => {
      expect(env.lossMin[i]!).toBeLessThanOrEqual(series.loss[i]!);
      expect(env.lossMax[i]!).toBeGreaterThanOrEqual(series.loss[i]!);
    });
  });

  it('need no envelope when nothing was thinned', () => {
    const { series, decimated } = store.metrics.series(runId, 100_000);
    expect(decimated).toBe(false);
    expect(series.envelope).toBeUndefined();
  });
});
