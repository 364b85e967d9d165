// The Train view as a workshop uses it, with a fake host: an edited preset becomes a custom experiment named
// from its changes and not filed under the preset.
import { fireEvent, render, waitFor } from '@testing-library/svelte';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { ExperimentConfig } from '../../electron/common/config';
import { setLocale } from '../../renderer/src/lib/i18n/i18n.svelte';
import { runDisplayName } from '../../renderer/src/lib/i18n/option-labels';
import ConfigDiffTable from '../../renderer/src/views/compare/ConfigDiffTable.svelte';
import { prepareRuns } from '../../renderer/src/views/compare/compare-data';
import TrainView from '../../renderer/src/views/train/TrainView.svelte';
import TrainCharts from '../../renderer/src/views/train/TrainCharts.svelte';
import QueuePanel from '../../renderer/src/views/train/QueuePanel.svelte';
import { RunStore } from '../../renderer/src/lib/state/run-store.svelte';
import { getPreset } from '../../electron/common/presets';
import { TOY_FEATURES } from '../../electron/engine/data/toy-mortgage';
import { TOY_MORTGAGE_FEATURES } from '../../electron/common/dataset-shape';
import { currentRun } from '../../renderer/src/lib/state/run-store.svelte';
import { detail, fakeLab, seedComparison, stubResizeObserver, summary } from './compare-fixtures';

let current: ReturnType<typeof fakeLab>;
vi.mock('../../renderer/src/lib/api', () => ({ lab: () => current.client }));

function host(extra: Parameters<typeof fakeLab>[0] = {}) {
  let next = 40;
  current = fakeLab({
    'app:info': () => ({ version: '0.1.0', platform: 'linux', arch: 'x64', backends: [] }),
    'queue:get': () => ({ running: null, queued: [] }),
    'run:start': (r) => summary(next++, { status: 'queued', name: (r as { name?: string }).name ?? 'default' }),
    ...extra,
  });
}

const field = (c: HTMLElement, k: string) => c.querySelector(`[data-field="${k}"]`) as HTMLInputElement | HTMLSelectElement;

beforeEach(() => {
  stubResizeObserver();
  setLocale('en');
  currentRun.runId = null;
  currentRun.status = 'idle';
});
afterEach(() => {
  location.hash = '';
});

describe('an edited preset', () => {
  it('turns Custom, names the run from its changes and does not file it under the preset', async () => {
    location.hash = '#/train?preset=deep-sigmoid';
    host();
    const { container, getByTestId, queryByTestId } = render(TrainView);
    const picker = getByTestId('preset-picker') as HTMLSelectElement;
    expect(picker.value).toBe('deep-sigmoid');
    expect(getByTestId('preset-description').textContent).toContain('Ten sigmoid layers');
    await fireEvent.change(field(container, 'activation'), { target: { value: 'tanh' } });
    await fireEvent.change(field(container, 'initKind'), { target: { value: 'lecunNormal' } });
    await fireEvent.change(field(container, 'optimizer'), { target: { value: 'sgd' } });
    expect(picker.value).toBe('');
    expect(picker.selectedOptions[0]!.textContent).toContain('Custom');
    expect(queryByTestId('preset-description')).toBeNull();
    expect(getByTestId('preset-changes').textContent).toContain('tanh · LeCun · SGD');
    await fireEvent.click(getByTestId('run-start'));
    await waitFor(() => expect(current.callsOf('run:start')).toHaveLength(1));
    const req = current.callsOf('run:start')[0]!.request as { config: ExperimentConfig; name?: string };
    expect(req.name).toBe('deep-sigmoid · tanh · LeCun · SGD');
    expect(req.config.preset).toBeUndefined();
    expect(req.config.model).toMatchObject({ depth: 10, activation: 'tanh', initializer: { kind: 'lecunNormal' } });
  });

  it('is the preset again, and filed under it, when its settings are put back', async () => {
    location.hash = '#/train?preset=seed-keras';
    host();
    const { container, getByTestId } = render(TrainView);
    await fireEvent.change(field(container, 'activation'), { target: { value: 'relu' } });
    expect((getByTestId('preset-picker') as HTMLSelectElement).value).toBe('');
    await fireEvent.change(field(container, 'activation'), { target: { value: 'sigmoid' } });
    expect((getByTestId('preset-picker') as HTMLSelectElement).value).toBe('seed-keras');
    await fireEvent.click(getByTestId('run-start'));
    await waitFor(() => expect(current.callsOf('run:start')).toHaveLength(1));
    const req = current.callsOf('run:start')[0]!.request as { config: ExperimentConfig; name?: string };
    expect(req.config.preset).toBe('seed-keras');
    expect(req.name).toBeUndefined();
  });
});

describe('change one thing', () => {
  it('applies one remedy to the run on screen; the next run is named for it', async () => {
    location.hash = '#/train?preset=seed-keras';
    host();
    const { container, getByTestId } = render(TrainView);
    expect((container.querySelector('[data-change="batchNorm"]') as HTMLButtonElement).disabled).toBe(false);
    await fireEvent.click(container.querySelector('[data-change="relu"]')!);
    expect((field(container, 'activation') as HTMLSelectElement).value).toBe('relu');
    expect(getByTestId('preset-changes').textContent).toContain('ReLU');
    await fireEvent.click(container.querySelector('[data-change="he"]')!);
    // Each change starts from the preset again: only the initializer differs now.
    expect((field(container, 'activation') as HTMLSelectElement).value).toBe('sigmoid');
    await fireEvent.click(getByTestId('run-start'));
    await waitFor(() => expect(current.callsOf('run:start')).toHaveLength(1));
    expect((current.callsOf('run:start')[0]!.request as { name?: string }).name).toBe('seed-keras · He');
  });
});

describe('under 日本語', () => {
  it('names options, validation messages and preset hints in Japanese, and hints only at fields the preset uses', async () => {
    setLocale('ja');
    location.hash = '#/train?preset=deep-sigmoid';
    host();
    const { container } = render(TrainView);
    const texts = (k: string) => [...(field(container, k) as HTMLSelectElement).options].map((o) => o.textContent);
    expect(texts('activation')).toContain('シグモイド');
    expect(texts('initKind')).toContain('正規分布（平均・標準偏差を指定）');
    expect(texts('optimizer')).toContain('確率的勾配降下法（SGD）');
    expect(texts('activation').join()).not.toMatch(/\bsigmoid\b|leakyRelu/);
    await fireEvent.change(field(container, 'initKind'), { target: { value: 'randomUniform' } });
    await fireEvent.input(field(container, 'initMin'), { target: { value: '1' } });
    await fireEvent.input(field(container, 'initMax'), { target: { value: '0' } });
    expect(container.querySelector('[data-error="initMax"]')!.textContent).toBe('最大値は最小値より大きくしてください');
    // deep-sigmoid uses Glorot: it has no minimum or maximum to hint at.
    const hint = field(container, 'initMin').closest('label')!.querySelector('.hint');
    expect(hint).toBeNull();
  });

  it('writes the settings diff with Japanese field names, option names and あり/なし, and default run names in Japanese', () => {
    setLocale('ja');
    const comparison = seedComparison();
    comparison.runs[2]!.config = { ...comparison.runs[2]!.config, model: { ...comparison.runs[2]!.config.model, batchNorm: true } };
    comparison.diff.push({ field: 'model.batchNorm', values: ['false', 'false', 'true'] });
    const { getByTestId } = render(ConfigDiffTable, { runs: prepareRuns(comparison), diff: comparison.diff });
    const text = getByTestId('compare-diff').textContent!;
    expect(text).toContain('活性化関数');
    expect(text).toContain('重みの初期化');
    expect(text).toContain('He 正規');
    expect(text).toContain('シグモイド');
    expect(text).toContain('なし');
    expect(text).toContain('あり');
    expect(text).not.toMatch(/model\.|heNormal|\bfalse\b|\btrue\b/);
    expect(runDisplayName('deep-sigmoid #14', 14, 'deep-sigmoid')).toBe('深いシグモイド（10層, Glorot） #14');
    expect(runDisplayName('custom #3', 3, null)).toBe('カスタム #3');
    expect(runDisplayName('my run', 3, 'deep-sigmoid')).toBe('my run');
    // A name made from settings: the preset's id in Japanese, the rest as made; a typed name with " · " kept.
    expect(runDisplayName('papers-glorot-tanh-standard · MNIST 1100/100', 5, 'papers-glorot-tanh-standard')).toBe(`${getPreset('papers-glorot-tanh-standard')!.name.ja} · MNIST 1100/100`);
    expect(runDisplayName('seed-keras · +バッチ正規化 #7', 7, null)).toBe('チュートリアルの再現（Keras） · +バッチ正規化 #7');
    expect(runDisplayName('my run · two', 3, null)).toBe('my run · two');
    expect(runDisplayName('seed-keras #3', 12, 'seed-keras', 'runs.json.gz (run 3)')).toBe('チュートリアルの再現（Keras） #3 （取り込み #12）');
    setLocale('en');
    expect(runDisplayName('my run', 12, null, 'runs.json.gz (run 3)')).toBe('my run (imported as #12)');
  });
});

describe('the toy dataset', () => {
  it('draws the network with its 3 inputs and 2 outputs, not 784 and 10', async () => {
    location.hash = '#/train?preset=seed-relu-he';
    host();
    const { container } = render(TrainView);
    expect(container.querySelector('[data-node="0"]')!.textContent).toContain('784');
    await fireEvent.change(field(container, 'datasetKind'), { target: { value: 'toy-mortgage' } });
    expect(TOY_MORTGAGE_FEATURES).toBe(TOY_FEATURES.length);
    expect(container.querySelector('[data-node="0"]')!.textContent).toContain('3');
    expect(container.querySelector('[data-node="0"]')!.textContent).not.toContain('784');
    expect(container.querySelector('[data-node="2"]')!.textContent).toContain('2');
  });

  it('shows its predictions as customers with answers, not as blank test digits', () => {
    const run = new RunStore((cb) => cb());
    run.follow(3, { ...getPreset('seed-relu-he')!.config, dataset: { kind: 'toy-mortgage' } });
    run.handle({ channel: 'run:status', payload: { runId: 3, status: 'completed', predictions: [
      { index: 0, label: 1, probs: [0.1, 0.9] },
      { index: 1, label: 0, probs: [0.3, 0.7] },
    ] } });
    const { getByTestId, container } = render(TrainCharts, { run, layers: [] });
    expect(container.textContent).not.toContain('Test digits');
    const text = getByTestId('toy-predictions').textContent!;
    expect(text).toContain('signs');
    expect(text).toContain('does not sign');
    expect(text).toContain('1 of 2');
  });
});

describe('a live run', () => {
  const keras = getPreset('seed-keras')!.config;
  const liveRun = (id: number) => {
    currentRun.follow(id, keras, `seed-keras #${id}`);
    currentRun.status = 'running';
  };
  const detailOf = (id: number) => ({ ...detail(id, 'seed-keras', [0, 0.05], 'running') });
  afterEach(() => {
    currentRun.runId = null;
    currentRun.status = 'idle';
  });

  it('a Learn link #/train?preset=… fills in its preset while a run trains, after a reload too, ready to queue', async () => {
    location.hash = '#/train?preset=deep-relu-he';
    host({ 'queue:get': () => ({ running: 7, queued: [] }), 'run:get': () => detailOf(7) });
    const { getByTestId } = render(TrainView);
    await waitFor(() => expect(current.callsOf('run:get')).toHaveLength(1));
    await waitFor(() => expect(currentRun.runId).toBe(7));
    expect((getByTestId('preset-picker') as HTMLSelectElement).value).toBe('deep-relu-he');
    location.hash = '#/train?preset=seed-he';
    window.dispatchEvent(new HashChangeEvent('hashchange'));
    await waitFor(() => expect((getByTestId('preset-picker') as HTMLSelectElement).value).toBe('seed-he'));
    expect(getByTestId('run-start').textContent).toBe('Add to queue');
    await fireEvent.click(getByTestId('run-start'));
    await waitFor(() => expect(getByTestId('train-queued').textContent).toContain('#40'));
    expect(currentRun.runId).toBe(7);
    expect((current.callsOf('run:start')[0]!.request as { config: ExperimentConfig }).config.preset).toBe('seed-he');
  });

  it('follows a sweep to its next run when the followed one ends', async () => {
    liveRun(20);
    location.hash = '#/train?run=20';
    host({ 'run:get': (r) => detailOf((r as { runId: number }).runId) });
    const { getByTestId } = render(TrainView);
    current.emit({ channel: 'queue:changed', payload: { running: 20, queued: [21, 22] } });
    current.emit({ channel: 'queue:changed', payload: { running: 21, queued: [22] } });
    await waitFor(() => expect(currentRun.runId).toBe(21));
    expect(location.hash).toBe('#/train?run=21');
    expect(getByTestId('train-moved').textContent).toContain('#21');
  });

  it('says the host is gone when it stops answering, instead of "running" forever', async () => {
    liveRun(30);
    location.hash = '#/train?run=30';
    host({ 'run:get': () => detailOf(30) });
    const { getByTestId, queryByTestId } = render(TrainView);
    expect(queryByTestId('train-host-lost')).toBeNull();
    current = fakeLab({ 'queue:get': () => Promise.reject(new Error('The connection to Gradient Lab was lost')) });
    await waitFor(() => expect(getByTestId('train-host-lost').textContent).toContain('connection to the lab’s host was lost'), { timeout: 5000 });
    expect(getByTestId('train-host-lost').getAttribute('role')).toBe('alert');
  });
});

describe('the queue', () => {
  it('shows the waiting runs in order, moves one and cancels one', async () => {
    let queued = [8, 9];
    current = fakeLab({
      'queue:get': () => ({ running: 7, queued }),
      'run:list': () => ({ runs: [summary(8, { name: 'seed-he #8', preset: 'seed-he', status: 'queued' }), summary(9, { name: 'deep-sigmoid · tanh', preset: null, status: 'queued' })], total: 2 }),
      'queue:move': (r) => {
        const { runId, to } = r as { runId: number; to: number };
        queued = queued.filter((id) => id !== runId);
        queued.splice(to, 0, runId);
        return { running: 7, queued };
      },
      'run:stop': (r) => summary((r as { runId: number }).runId, { status: 'stopped' }),
    });
    const { getByTestId, container } = render(QueuePanel);
    await waitFor(() => expect(getByTestId('train-queue').textContent).toContain('Waiting in the queue (2)'));
    expect([...container.querySelectorAll('li')].map((l) => l.textContent)).toEqual([expect.stringContaining('#8 Remedy: He initialization #8'), expect.stringContaining('#9 deep-sigmoid · tanh')]);
    await fireEvent.click(getByTestId('queue-down-8'));
    await waitFor(() => expect([...container.querySelectorAll('li')].map((l) => l.getAttribute('data-queued'))).toEqual(['9', '8']));
    expect(current.callsOf('queue:move')[0]!.request).toEqual({ runId: 8, to: 1 });
    await fireEvent.click(getByTestId('queue-cancel-9'));
    expect(current.callsOf('run:stop')[0]!.request).toEqual({ runId: 9 });
    current.emit({ channel: 'queue:changed', payload: { running: 7, queued: [8] } });
    await waitFor(() => expect(container.querySelectorAll('li')).toHaveLength(1));
  });
});
