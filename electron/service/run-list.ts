// The History's run list: a page of run summaries from the store, each run recorded with gradient clipping on
// carrying how many of its steps were clipped (counted over every recorded step; a run without clipping costs
// one key lookup), so the table and `gradient-lab list` can show it without opening each run.
import type { Store } from '../store/store';

type ListFilter = Parameters<Store['runs']['list']>[0];

export function listRuns(store: Store, filter: ListFilter): ReturnType<Store['runs']['list']> {
  const page = store.runs.list(filter);
  return {
    ...page,
    runs: page.runs.map((r) => {
      const clipping = store.gradientNorms.clippingIfRecorded(r.id);
      return clipping ? { ...r, clipping } : r;
    }),
  };
}
