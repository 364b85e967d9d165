// The History table tells an exploding run from its remedy at a glance: a diverged run names the step it
// diverged at beside its status, and a run recorded with gradient clipping shows how many of its steps were
// clipped (a run without clipping shows a dash, not 0). In English and Japanese.
import { render } from '@testing-library/svelte';
import { flushSync } from 'svelte';
import { afterEach, describe, expect, it } from 'vitest';
import { setLocale } from '../../renderer/src/lib/i18n/i18n.svelte';
import RunTable from '../../renderer/src/views/history/RunTable.svelte';
import { NO_FILTERS } from '../../renderer/src/views/history/history-query';
import { summary } from './compare-fixtures';

afterEach(() => setLocale('en'));

const runs = [
  summary(1, { name: 'explode', preset: 'explode-relu', activation: 'relu', status: 'diverged', divergedStep: 41, final: null, error: 'loss became NaN at step 41' }),
  summary(2, { name: 'clip', preset: 'explode-relu-clip', activation: 'relu', clipping: { clippedSteps: 17, steps: 24 } }),
  summary(3, { name: 'clip, never needed', preset: 'explode-relu-clip', clipping: { clippedSteps: 0, steps: 24 } }),
  summary(4, { name: 'plain' }),
];

describe('History: clipped steps and the diverged step', () => {
  it('shows the clipped count as a badge and the diverged step beside the status, in both languages', () => {
    const { container } = render(RunTable, { runs, filters: NO_FILTERS, selected: [], focused: null, onfocus: () => undefined });
    const row = (id: number) => container.querySelector(`tr[data-run="${id}"]`)!;
    const headers = () => [...container.querySelectorAll('th')].map((th) => th.textContent!.trim());
    expect(headers()).toContain('Clipped');
    expect(row(1).querySelector('[data-diverged-step]')!.textContent).toBe('at step 41');
    expect(row(1).querySelector('.status')!.textContent).toMatch(/diverged\s+at step 41/);
    expect(row(2).querySelector('[data-clipped]')!.textContent!.trim()).toBe('17 / 24');
    expect(row(2).querySelector('.clip')!.getAttribute('title')).toBe('Clipped 17 of 24 steps');
    expect(row(3).querySelector('[data-clipped]')!.getAttribute('data-clipped')).toBe('0');
    expect(row(4).querySelector('[data-clipped]')).toBeNull();
    expect(row(4).textContent).toContain('—');
    expect(row(2).querySelector('[data-diverged-step]')).toBeNull();
    setLocale('ja');
    flushSync();
    expect(headers()).toContain('クリッピング');
    expect(row(1).querySelector('.status')!.textContent).toMatch(/発散\s*ステップ 41/);
    expect(row(2).querySelector('.clip')!.getAttribute('title')).toBe('24 ステップ中 17 ステップでクリッピング');
  });
});
