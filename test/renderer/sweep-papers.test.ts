// The sweep's paper pairs: one click queues a paper preset and then its remedy (Xavier then He at depth 30), on
// the quick sizes, with the paper-vs-remedy buttons named in the current language.
import { fireEvent, render, waitFor } from '@testing-library/svelte';
import { flushSync } from 'svelte';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { setLocale } from '../../renderer/src/lib/i18n/i18n.svelte';
import SweepPanel from '../../renderer/src/views/history/SweepPanel.svelte';
import { QUICK_DEFAULT } from '../../renderer/src/views/history/sweep';
import { sweep } from '../../renderer/src/views/history/sweep-store.svelte';
import { fakeLab, stubResizeObserver, summary } from './compare-fixtures';

let current: ReturnType<typeof fakeLab>;
vi.mock('../../renderer/src/lib/api', () => ({ lab: () => current.client }));

beforeEach(() => {
  stubResizeObserver();
  setLocale('en');
});
afterEach(() => setLocale('en'));

describe('SweepPanel paper pairs', () => {
  it('queues He et al.’s Xavier preset and then its He remedy, shrunk to the quick sizes', async () => {
    let next = 40;
    current = fakeLab({ 'run:start': () => summary(next++, { status: 'queued' }), 'run:stop': (r) => summary((r as { runId: number }).runId, { status: 'stopped' }) });
    const { getByTestId } = render(SweepPanel);
    const button = getByTestId('sweep-start-papers-he-xavier');
    expect(button.textContent?.trim()).toBe('Paper vs remedy: He et al. 2015');
    setLocale('ja');
    flushSync();
    expect(button.textContent?.trim()).toBe('論文と対策: He et al. 2015');
    await fireEvent.click(button);
    await waitFor(() => expect(sweep.runs).toHaveLength(2));
    const configs = current.callsOf('run:start').map((c) => (c.request as { config: { preset: string; model: { depth: number }; dataset: { trainSize: number } } }).config);
    expect(configs.map((c) => c.preset)).toEqual(['papers-he-xavier', 'papers-he-he']);
    expect(configs.every((c) => c.model.depth === 30 && c.dataset.trainSize === QUICK_DEFAULT.trainSize)).toBe(true);
    await fireEvent.click(getByTestId('sweep-stop'));
    await waitFor(() => expect(sweep.active).toBe(false));
  });
});
