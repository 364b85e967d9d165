// The Compare view prepares the same gradients, spans and "recent" values from the lean comparison (only the two
// gradient measures per layer, asked with `gradientsOnly`) as from the full one, read from a real SQLite file.
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { compareRuns } from '../../electron/service/run-queries';
import { openStore, type Store } from '../../electron/store/store';
import { prepareRuns } from '../../renderer/src/views/compare/compare-data';
import { seedComparedRuns, tempDir } from '../store/store-fixture';

const tmp = tempDir();
let store: Store;
let ids: number[] = [];

beforeAll(() => {
  store = openStore(join(tmp.dir, 'compare.db'));
  ids = seedComparedRuns(store);
});
afterAll(() => {
  store.close();
  tmp.cleanup();
});

describe('a lean comparison in the Compare view', () => {
  it('is prepared by the Compare view into the same gradients, spans and recent values', () => {
    // Through JSON, as it travels: NaN and null survive as the view expects.
    const wire = <T>(v: T) => JSON.parse(JSON.stringify(v)) as T;
    const a = prepareRuns(wire(compareRuns(store, ids, 300)));
    const b = prepareRuns(wire(compareRuns(store, ids, 300, true)));
    b.forEach((run, r) => {
      expect(run.span).toEqual(a[r]!.span);
      expect(run.recent!.map((s) => [s.gradNorm, s.deltaNorm])).toEqual(a[r]!.recent!.map((s) => [s.gradNorm, s.deltaNorm]));
      expect(run.detail.series.layerStats.map((l) => l.map((s) => s.gradNorm))).toEqual(a[r]!.detail.series.layerStats.map((l) => l.map((s) => s.gradNorm)));
    });
  });
});
