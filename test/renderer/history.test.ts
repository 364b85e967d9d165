// The History view with a fake host: the table and its filters and sorting become run:list requests,
// selection drives Compare (2–8 only), delete asks first and shows the host's refusal, a corrupt import shows
// a clear message, edits are saved once per pause in typing, and the sweeps queue the right presets.
import { fireEvent, render, waitFor } from '@testing-library/svelte';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { PRESETS } from '../../electron/common/presets';
import type { RunSummary } from '../../electron/common/runs';
import { setLocale } from '../../renderer/src/lib/i18n/i18n.svelte';
import HistoryView from '../../renderer/src/views/history/HistoryView.svelte';
import RunEditor from '../../renderer/src/views/history/RunEditor.svelte';
import SweepPanel from '../../renderer/src/views/history/SweepPanel.svelte';
import { canCompare, listRequest, NO_FILTERS, parseTags } from '../../renderer/src/views/history/history-query';
import { formatDuration } from '../../renderer/src/views/history/run-format';
import { QUICK_DEFAULT, sweepConfig } from '../../renderer/src/views/history/sweep';
import { sweep } from '../../renderer/src/views/history/sweep-store.svelte';
import { fakeLab, stubResizeObserver, summary } from './compare-fixtures';

let current: ReturnType<typeof fakeLab>;
vi.mock('../../renderer/src/lib/api', () => ({ lab: () => current.client }));

const RUNS: RunSummary[] = Array.from({ length: 9 }, (_, i) =>
  summary(i + 1, { name: i === 0 ? 'Tutorial, reproduced' : `run ${i + 1}`, status: i === 8 ? 'running' : 'completed', tags: i === 0 ? ['workshop'] : [] }),
);

function host(extra: Parameters<typeof fakeLab>[0] = {}) {
  current = fakeLab({ 'run:list': () => ({ runs: RUNS, total: RUNS.length }), ...extra });
}

async function mount() {
  const view = render(HistoryView);
  await waitFor(() => expect(view.container.querySelectorAll('tbody tr[data-run]')).toHaveLength(9));
  return view;
}

const select = (c: HTMLElement, id: number) => fireEvent.click(c.querySelector(`[data-testid="select-${id}"]`)!);

beforeEach(() => {
  stubResizeObserver();
  setLocale('en');
});
afterEach(() => {
  vi.useRealTimers();
  location.hash = '';
});

describe('history helpers', () => {
  it('leaves empty filters out of the list request', () => {
    expect(listRequest(NO_FILTERS)).toEqual({ sort: 'created', order: 'desc', limit: 500 });
    expect(listRequest({ ...NO_FILTERS, text: ' he ', status: 'completed', tag: 'x' })).toMatchObject({ text: 'he', status: 'completed', tag: 'x' });
  });
  it('compares 2 to 8 runs only, and reads tags as typed', () => {
    expect([1, 2, 8, 9].map((n) => canCompare(Array.from({ length: n }, (_, i) => i)))).toEqual([false, true, true, false]);
    expect(parseTags('a, b,, a ,c ')).toEqual(['a', 'b', 'c']);
    expect(formatDuration(75)).toBe('1:15');
    expect(formatDuration(3725)).toBe('1:02:05');
  });
});

describe('HistoryView', () => {
  it('lists runs with their columns and turns search, filters and sorting into requests', async () => {
    host();
    const { container, getByTestId } = await mount();
    const first = container.querySelector('tr[data-run="1"]')!;
    expect(first.textContent).toContain('Tutorial, reproduced');
    expect(first.textContent).toContain('workshop');
    expect(first.textContent).toContain('sigmoid');
    expect(first.textContent).toContain('wasm');
    expect(first.querySelector('[data-final-acc]')!.textContent).toBe('89.0%');
    await fireEvent.change(getByTestId('filter-status'), { target: { value: 'completed' } });
    await fireEvent.click(container.querySelector('[data-sort="testAcc"]')!);
    await waitFor(() => expect(current.callsOf('run:list').at(-1)!.request).toMatchObject({ status: 'completed', sort: 'testAcc', order: 'desc' }));
    await fireEvent.click(container.querySelector('[data-sort="testAcc"]')!);
    await waitFor(() => expect(current.callsOf('run:list').at(-1)!.request).toMatchObject({ sort: 'testAcc', order: 'asc' }));
    await fireEvent.input(getByTestId('history-search'), { target: { value: 'tutorial' } });
    await waitFor(() => expect(current.callsOf('run:list').at(-1)!.request).toMatchObject({ text: 'tutorial' }));
  });

  it('a filter changed while the search waits for a pause still applies: the last answer matches every filter shown', async () => {
    host();
    const { getByTestId } = await mount();
    await fireEvent.input(getByTestId('history-search'), { target: { value: 'run' } });
    await fireEvent.change(getByTestId('filter-status'), { target: { value: 'running' } });
    await new Promise((r) => setTimeout(r, 400));
    const requests = current.callsOf('run:list').map((c) => c.request);
    expect(requests.at(-1)).toMatchObject({ text: 'run', status: 'running' });
    expect(requests.filter((r) => (r as { status?: string }).status === undefined && (r as { text?: string }).text === 'run')).toHaveLength(0);
  });

  it('enables "Compare selected" for 2 to 8 runs and opens the Compare view with them', async () => {
    host();
    const { container, getByTestId } = await mount();
    const compare = getByTestId('compare-selected') as HTMLButtonElement;
    await select(container, 3);
    expect(compare.disabled).toBe(true);
    await select(container, 5);
    expect(compare.disabled).toBe(false);
    await fireEvent.click(compare);
    expect(location.hash).toBe('#/compare?runs=3,5');
    await fireEvent.click(getByTestId('select-all'));
    expect(getByTestId('selected-count').textContent).toContain('9');
    expect(compare.disabled).toBe(true);
  });

  it('asks before deleting and shows the host’s refusal for a running run, deleting nothing', async () => {
    host({ 'run:delete': () => Promise.reject(new Error('Run 9 ("run 9") is running; stop it before deleting it')) });
    const { container, getByTestId, queryByTestId } = await mount();
    await select(container, 9);
    await fireEvent.click(getByTestId('delete-selected'));
    expect(getByTestId('delete-confirm').textContent).toContain('cannot be undone');
    expect(current.callsOf('run:delete')).toHaveLength(0);
    await fireEvent.click(getByTestId('delete-confirm-yes'));
    await waitFor(() => expect(getByTestId('history-notice').getAttribute('data-kind')).toBe('error'));
    expect(getByTestId('history-notice').textContent).toContain('stop it before deleting it');
    expect(queryByTestId('delete-confirm')).toBeNull();
    expect(container.querySelectorAll('tbody tr[data-run]')).toHaveLength(9);
  });

  it('sends a picked bundle as base64 and shows a clear message when the host rejects it', async () => {
    host({ 'bundle:import': () => Promise.reject(new Error('This file is not a Gradient Lab bundle (it is not gzip data)')) });
    const { getByTestId } = await mount();
    const file = new File([new Uint8Array([1, 2, 3, 250])], 'broken.gz');
    await fireEvent.change(getByTestId('import-file'), { target: { files: [file] } });
    await waitFor(() => expect(getByTestId('history-notice').getAttribute('data-kind')).toBe('error'));
    expect(current.callsOf('bundle:import')[0]!.request).toEqual({ fileName: 'broken.gz', data: 'AQID+g==' });
    const text = getByTestId('history-notice').textContent!;
    expect(text).toContain('“broken.gz” was not imported and nothing changed');
    expect(text).toContain('not a Gradient Lab bundle');
  });
});

describe('RunEditor', () => {
  it('saves the name once per pause in typing, and refuses an empty name without a request', async () => {
    host({ 'run:update': (r) => ({ ...RUNS[0]!, ...(r as object) }) });
    const { getByTestId } = render(RunEditor, { run: RUNS[0]!, delay: 30, onclose: () => undefined });
    const name = getByTestId('edit-name');
    for (const v of ['T', 'Tu', 'Tut']) await fireEvent.input(name, { target: { value: v } });
    await waitFor(() => expect(getByTestId('edit-state').getAttribute('data-state')).toBe('saved'));
    expect(current.callsOf('run:update')).toEqual([{ method: 'run:update', request: { runId: 1, name: 'Tut' } }]);
    await fireEvent.input(getByTestId('edit-tags'), { target: { value: 'a, b' } });
    await waitFor(() => expect(current.callsOf('run:update')).toHaveLength(2));
    expect(current.callsOf('run:update')[1]!.request).toEqual({ runId: 1, tags: ['a', 'b'] });
    await fireEvent.input(name, { target: { value: '  ' } });
    await waitFor(() => expect(getByTestId('edit-state').getAttribute('data-state')).toBe('error'));
    expect(current.callsOf('run:update')).toHaveLength(2);
  });
});

describe('sweeps', () => {
  it('shrinks only the data and epochs in quick mode', () => {
    const keras = PRESETS.find((p) => p.id === 'seed-keras')!;
    const q = sweepConfig(keras, { trainSize: 300, testSize: 100, epochs: 1 });
    expect(q.dataset).toEqual({ kind: 'mnist', trainSize: 300, testSize: 100 });
    expect(q.training.epochs).toBe(1);
    expect(q.model).toEqual(keras.config.model);
    expect(sweepConfig(keras, null)).toBe(keras.config);
    expect(sweepConfig(keras, { ...QUICK_DEFAULT, trainSize: 50 }).training.batchSize).toBe(50);
  });

  it('queues the seed and each remedy in order, follows their status, and stops the unfinished ones', async () => {
    let next = 20;
    host({
      'run:start': () => summary(next++, { status: 'queued' }),
      'run:stop': (r) => summary((r as { runId: number }).runId, { status: 'stopped' }),
    });
    const { getByTestId } = render(SweepPanel);
    await fireEvent.click(getByTestId('sweep-start-seed'));
    await waitFor(() => expect(sweep.runs).toHaveLength(4));
    const presets = current.callsOf('run:start').map((c) => (c.request as { config: { preset: string; training: { epochs: number } } }).config);
    expect(presets.map((c) => c.preset)).toEqual(['seed-keras', 'seed-he', 'seed-relu-he', 'seed-batchnorm']);
    expect(presets.every((c) => c.training.epochs === QUICK_DEFAULT.epochs)).toBe(true);
    current.emit({ channel: 'run:status', payload: { runId: 20, status: 'completed' } });
    await waitFor(() => expect(getByTestId('sweep-progress').textContent).toContain('1 of 4 runs finished'));
    await fireEvent.click(getByTestId('sweep-stop'));
    await waitFor(() => expect(current.callsOf('run:stop').map((c) => (c.request as { runId: number }).runId)).toEqual([21, 22, 23]));
    expect(sweep.active).toBe(false);
    expect(location.hash).toBe('');
  });
});
