// The Train view's grid sweep panel against a fake host: what it sends (one run per point, each config the base
// with that point's settings, named from what differs), the refusal above one comparison, and a stopped sweep
// that keeps the run that ran (and only it) for Compare.
import { fireEvent, render, waitFor } from '@testing-library/svelte';
import { flushSync } from 'svelte';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { ExperimentConfig } from '../../electron/common/config';
import { getPreset } from '../../electron/common/presets';
import { setLocale } from '../../renderer/src/lib/i18n/i18n.svelte';
import GridSweep from '../../renderer/src/views/train/GridSweep.svelte';
import { sweep } from '../../renderer/src/views/history/sweep-store.svelte';
import { fakeLab, stubResizeObserver, summary } from './compare-fixtures';

let current: ReturnType<typeof fakeLab>;
vi.mock('../../renderer/src/lib/api', () => ({ lab: () => current.client }));

const base: ExperimentConfig = { ...getPreset('seed-keras')!.config, dataset: { kind: 'toy-mortgage' }, training: { ...getPreset('seed-keras')!.config.training, epochs: 2, batchSize: 8 } };

beforeEach(() => {
  stubResizeObserver();
  setLocale('en');
});
afterEach(() => setLocale('en'));

describe('GridSweep', () => {
  it('queues learning rate × seed from the settings on screen, refuses 9 runs, and a stopped sweep compares what ran', async () => {
    let next = 70;
    current = fakeLab({
      'run:start': (r) => summary(next++, { status: 'queued', name: (r as { name?: string }).name ?? 'x', preset: (r as { config: ExperimentConfig }).config.preset ?? null }),
      'run:stop': (r) => summary((r as { runId: number }).runId, { status: 'stopped' }),
    });
    const started: number[] = [];
    const { getByTestId, container } = render(GridSweep, { base, rate: null, onstarted: (id: number) => started.push(id) });
    const values0 = getByTestId('grid-values-0') as HTMLInputElement;
    expect(values0.value).toBe('0.001');
    await fireEvent.input(values0, { target: { value: '0.001, 0.1, 0.01' } });
    await fireEvent.click(getByTestId('grid-add'));
    await fireEvent.change(getByTestId('grid-key-1'), { target: { value: 'seed' } });
    await fireEvent.input(getByTestId('grid-values-1'), { target: { value: '1, 2, 3' } });
    flushSync();
    // 3 × 3 = 9: one more than a comparison shows.
    expect(getByTestId('grid-problem').getAttribute('data-kind')).toBe('too-many');
    expect((getByTestId('grid-start') as HTMLButtonElement).disabled).toBe(true);
    setLocale('ja');
    flushSync();
    expect(getByTestId('grid-problem').textContent).toContain('9 件');
    setLocale('en');
    await fireEvent.input(getByTestId('grid-values-1'), { target: { value: '1, 2' } });
    flushSync();
    expect(getByTestId('grid-plan').getAttribute('data-runs')).toBe('6');
    expect(getByTestId('grid-summary').textContent).toMatch(/^6 runs · about \d+ s in all$/);

    await fireEvent.click(getByTestId('grid-start'));
    await waitFor(() => expect(sweep.runs).toHaveLength(6));
    expect(started).toEqual([70]);
    const requests = current.callsOf('run:start').map((c) => c.request as { config: ExperimentConfig; name?: string });
    expect(requests.map((r) => [r.config.optimizer.learningRate, r.config.training.seed])).toEqual([[0.001, 1], [0.001, 2], [0.1, 1], [0.1, 2], [0.01, 1], [0.01, 2]]);
    expect(requests.every((r) => r.config.dataset.kind === 'toy-mortgage' && r.config.training.epochs === 2)).toBe(true);
    expect(requests[3]!.name).toBe('seed-keras · toy set · η=0.1 · 2 epochs · batch 8 · seed 2');
    expect(new Set(requests.map((r) => r.name)).size).toBe(6);
    expect(container.querySelectorAll('[data-testid="grid-progress"] li')).toHaveLength(6);

    // The first run trains a little, then the sweep is stopped: only it is offered to Compare (with another
    // that completed), the ones taken off the queue are not.
    current.emit({ channel: 'run:progress', payload: { runId: 70, progress: { runId: 70, status: 'running', step: 5, totalSteps: 128, epoch: 0, epochs: 2, samplesPerSec: null, etaSec: null } } } as never);
    current.emit({ channel: 'run:status', payload: { runId: 70, status: 'completed' } } as never);
    current.emit({ channel: 'run:progress', payload: { runId: 71, progress: { runId: 71, status: 'running', step: 5, totalSteps: 128, epoch: 0, epochs: 2, samplesPerSec: null, etaSec: null } } } as never);
    await fireEvent.click(getByTestId('grid-stop'));
    await waitFor(() => expect(sweep.active).toBe(false));
    expect(getByTestId('grid-stopped').textContent).toContain('Runs that finished are kept in History (2)');
    expect(getByTestId('grid-compare').getAttribute('href')).toBe('#/compare?runs=70,71');
    expect(location.hash).not.toContain('compare');
  });

  it('says in Japanese which combination cannot run and why', async () => {
    current = fakeLab({});
    setLocale('ja');
    const { getByTestId } = render(GridSweep, { base, rate: null, onstarted: () => {} });
    await fireEvent.change(getByTestId('grid-key-0'), { target: { value: 'batch-size' } });
    await fireEvent.input(getByTestId('grid-values-0'), { target: { value: '8, 1000' } });
    flushSync();
    const problem = getByTestId('grid-problem');
    expect(problem.getAttribute('data-kind')).toBe('config');
    expect(problem.textContent).toContain('1000');
    expect(problem.textContent).toContain('バッチサイズが学習データの枚数を超えています');
    expect(problem.textContent).not.toMatch(/[A-Za-z]{3,}/);
    expect((getByTestId('grid-start') as HTMLButtonElement).disabled).toBe(true);
  });
});
