// Saved runs as the History view lists them (filters, sorting, paging) and series thinned to a point budget on
// a shared step grid, so compared runs line up point for point.
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openStore, type Store } from '../../electron/store/store';
import { smallConfig, syntheticRecords, tempDir } from './store-fixture';

const tmp = tempDir();
let store: Store;

beforeAll(() => {
  store = openStore(join(tmp.dir, 'runs.db'));
  const mk = (preset: string, activation: 'sigmoid' | 'relu', acc: number | null, name?: string) => {
    const c = smallConfig({ preset });
    c.model.activation = activation;
    const id = store.runs.create({ config: c, appVersion: '0.1.0', ownerPid: null, name });
    if (acc !== null) store.runs.end(id, { status: 'completed', endedAt: new Date().toISOString(), durationSec: id, final: { trainLoss: 1, trainAcc: acc, testLoss: 1, testAcc: acc } });
    return id;
  };
  mk('seed-keras', 'sigmoid', 0.1, 'Stalled 100% sigmoid');
  mk('seed-relu-he', 'relu', 0.9);
  mk('seed-he', 'sigmoid', 0.8);
  mk('seed-he', 'sigmoid', null);
  store.runs.update(2, { tags: ['good', 'relu'], notes: 'learns fast' });
});
afterAll(() => {
  store.close();
  tmp.cleanup();
});

const list = (f: Partial<Parameters<Store['runs']['list']>[0]>) =>
  store.runs.list({ sort: 'created', order: 'desc', limit: 200, offset: 0, ...f });

describe('run list', () => {
  it('filters by text (name, notes, tags; % and _ taken literally), status, preset, activation and tag', () => {
    expect(list({ text: 'fast' }).runs.map((r) => r.id)).toEqual([2]);
    expect(list({ text: '100%' }).runs.map((r) => r.id)).toEqual([1]);
    expect(list({ text: '1_0' }).total).toBe(0);
    expect(list({ status: 'queued' }).runs.map((r) => r.id)).toEqual([4]);
    expect(list({ preset: 'seed-he' }).total).toBe(2);
    expect(list({ activation: 'relu' }).runs.map((r) => r.id)).toEqual([2]);
    expect(list({ tag: 'good' }).runs.map((r) => r.id)).toEqual([2]);
    expect(list({ tag: 'goo' }).total).toBe(0);
  });

  it('searches tags as words, not their stored form: ", [, ] and , match no tagged run', () => {
    for (const text of ['"', '[', ']', ',', '","']) expect(list({ text }).total, text).toBe(0);
    expect(list({ text: 'relu' }).runs.map((r) => r.id)).toEqual([2]);
  });

  it('sorts by test accuracy with unfinished runs last, and pages', () => {
    expect(list({ sort: 'testAcc', order: 'desc' }).runs.map((r) => r.id)).toEqual([2, 3, 1, 4]);
    expect(list({ sort: 'testAcc', order: 'asc' }).runs.map((r) => r.id)).toEqual([1, 3, 2, 4]);
    const page = list({ sort: 'duration', order: 'asc', limit: 2, offset: 1 });
    expect(page.runs.map((r) => r.id)).toEqual([2, 3]);
    expect(page.total).toBe(4);
    expect(list({ status: 'completed' }).runs[0]!.progress).toBeNull();
    expect(list({ status: 'queued' }).runs[0]!.progress).toEqual({ step: 0, totalSteps: 0 });
  });
});

describe('series', () => {
  it('are thinned to the point budget, keep the last step, and line up across runs of different length', () => {
    const a = store.runs.create({ config: smallConfig(), appVersion: '0.1.0', ownerPid: null });
    const b = store.runs.create({ config: smallConfig(), appVersion: '0.1.0', ownerPid: null });
    store.metrics.append(a, syntheticRecords(10, 469));
    store.metrics.append(b, syntheticRecords(5, 469));
    const long = store.metrics.series(a, 1000);
    expect(long.decimated).toBe(true);
    expect(long.series.steps.length).toBeLessThanOrEqual(1001);
    expect(long.series.steps[long.series.steps.length - 1]).toBe(4689);
    expect(long.series.layerStats).toHaveLength(2);
    expect(long.series.layerStats[1]!.length).toBe(long.series.statSteps.length);
    // Every thinned point carries exactly the statistics recorded at its step, field for field.
    const recorded = new Map(syntheticRecords(10, 469).batches.map((r) => [r.step, r.layers!]));
    long.series.statSteps.forEach((step, i) => {
      for (const layer of [0, 1]) expect(long.series.layerStats[layer]![i]).toEqual(recorded.get(step)![layer]);
    });
    const short = store.metrics.series(b, 1000, 1, store.metrics.stepCountOf(a));
    const shared = short.series.steps.slice(0, -1);
    expect(shared.every((s) => long.series.steps.includes(s))).toBe(true);
    const full = store.metrics.series(b, 100_000);
    expect(full.decimated).toBe(false);
    expect(full.series.steps).toHaveLength(2345);
  });
});
