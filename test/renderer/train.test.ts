// The Train view's parts: settings validated by the shared schema with messages next to the fields (in both
// languages), Start disabled while invalid, the backend plan, the status lines, and the run store applying
// streamed events at most once per frame.
import { fireEvent, render } from '@testing-library/svelte';
import { flushSync } from 'svelte';
import { afterEach, describe, expect, it } from 'vitest';
import type { BackendProbe } from '../../electron/common/app-info';
import type { LabEvent } from '../../electron/common/contract';
import { getPreset } from '../../electron/common/presets';
import { setLocale } from '../../renderer/src/lib/i18n/i18n.svelte';
import { RunStore } from '../../renderer/src/lib/state/run-store.svelte';
import ConfigPanel from '../../renderer/src/views/train/ConfigPanel.svelte';
import RunControls from '../../renderer/src/views/train/RunControls.svelte';
import { plannedBackend } from '../../renderer/src/views/train/backend-plan';
import { draftFromConfig, validateDraft } from '../../renderer/src/views/train/config-form';
import { LAYERS, stats } from './charts-fixtures';

const keras = getPreset('seed-keras')!.config;
const PROBES: BackendProbe[] = [
  { name: 'tensorflow-gpu', available: false, reason: 'no CUDA' },
  { name: 'webgpu', available: false, reason: 'no WebGPU adapter on this machine (no GPU driver with Vulkan, Metal or Direct3D 12)' },
  { name: 'tensorflow', available: false, reason: 'libtensorflow was not installed' },
  { name: 'wasm', available: true, reason: 'works' },
  { name: 'cpu', available: true, reason: 'works' },
];

afterEach(() => setLocale('en'));

describe('config validation', () => {
  it('accepts every preset as it is', () => {
    expect(validateDraft(draftFromConfig(keras), 'en').config).not.toBeNull();
  });

  it('puts the schema’s message on the field, in English and in Japanese', () => {
    const d = { ...draftFromConfig(keras), trainSize: 5, learningRate: null };
    const en = validateDraft(d, 'en');
    expect(en.config).toBeNull();
    expect(en.errors.trainSize).toBe('trainSize must be at least 10 (allowed 10–60000)');
    expect(en.errors.learningRate).toBe('learningRate must be a number');
    expect(validateDraft(d, 'ja').errors.trainSize).toBe('10 以上にしてください');
  });

  it('names a batch larger than the training set on the batch size field', () => {
    const v = validateDraft({ ...draftFromConfig(keras), trainSize: 100, batchSize: 128 }, 'en');
    expect(v.errors.batchSize).toContain('must not exceed the training set size (100)');
  });
});

describe('ConfigPanel', () => {
  it('shows the preset’s description in the current language and switches presets', async () => {
    const { getByTestId, container } = render(ConfigPanel, { draft: draftFromConfig(keras), errors: {} });
    expect(getByTestId('preset-description').textContent).toContain('N(1, 1)');
    setLocale('ja');
    flushSync();
    expect(getByTestId('preset-description').textContent).toContain('正規分布');
    await fireEvent.change(getByTestId('preset-picker'), { target: { value: 'deep-relu-he' } });
    expect((container.querySelector('[data-field="depth"]') as HTMLInputElement).value).toBe('10');
  });

  it('shows an inline error next to its field', () => {
    const { container } = render(ConfigPanel, { draft: draftFromConfig(keras), errors: { epochs: 'epochs must be at least 1 (allowed 1–1000)' } });
    const err = container.querySelector('[data-error="epochs"]')!;
    expect(err.textContent).toContain('at least 1');
    expect(container.querySelector('[data-field="epochs"]')!.getAttribute('aria-invalid')).toBe('true');
  });
});

describe('RunControls', () => {
  const base = { probes: PROBES, preferred: 'auto', onstart: () => undefined, onstop: () => undefined };

  it('disables Start while the settings are invalid and names the backend and why faster ones were skipped', () => {
    const { getByTestId } = render(RunControls, { ...base, run: new RunStore(), canStart: false });
    expect((getByTestId('run-start') as HTMLButtonElement).disabled).toBe(true);
    expect((getByTestId('run-stop') as HTMLButtonElement).disabled).toBe(true);
    expect(getByTestId('backend-info').textContent).toContain('Will train on: wasm');
    expect(getByTestId('backend-info').textContent).toContain('libtensorflow was not installed');
  });

  it('explains a diverged run with its step', () => {
    const run = new RunStore((cb) => cb());
    run.follow(7, keras);
    run.handle(progress(7, [0, 1, 2]));
    run.handle({ channel: 'run:status', payload: { runId: 7, status: 'diverged', error: 'loss became NaN at step 3' } });
    const { getByTestId } = render(RunControls, { ...base, run, canStart: true });
    expect(getByTestId('run-diverged').textContent).toContain('diverged at step 3');
    expect(getByTestId('run-diverged').textContent).toContain('exploded');
    expect(getByTestId('run-status').getAttribute('data-status')).toBe('diverged');
  });

  it('names the rung and the step engine a started run trains with, in both languages', () => {
    const run = new RunStore((cb) => cb());
    run.follow(5, keras);
    const ev = progress(5, [0]);
    if (ev.channel === 'run:progress') ev.payload.started = { layers: LAYERS, backend: 'webgpu', engine: 'tape', skipped: [] };
    run.handle(ev);
    const { getByTestId } = render(RunControls, { ...base, run, canStart: true });
    expect(getByTestId('backend-info').textContent).toContain('Training on: webgpu (gradient tape)');
    setLocale('ja');
    flushSync();
    expect(getByTestId('backend-info').textContent).toContain('webgpu (勾配テープ)');
  });

  it('plans the ladder from the chosen rung down', () => {
    expect(plannedBackend(PROBES, 'cpu')).toEqual({ used: 'cpu', skipped: [] });
    expect(plannedBackend(PROBES, 'auto')!.skipped.map((s) => s.name)).toEqual(['tensorflow-gpu', 'webgpu', 'tensorflow']);
  });
});

function progress(runId: number, steps: number[], started = steps[0] === 0): LabEvent {
  return {
    channel: 'run:progress',
    payload: {
      runId,
      progress: { runId, status: 'running', step: steps.at(-1)! + 1, totalSteps: 100, epoch: 0, epochs: 2, samplesPerSec: 1000, etaSec: 5 },
      batches: steps.map((step) => ({ type: 'batch', step, epoch: 0, batch: step, loss: 2.3, acc: 0.1, layers: LAYERS.map((l) => stats(l.index, l.index === 0 ? 0 : 1e-3)) })),
      epochs: [],
      histograms: [],
      ...(started ? { started: { layers: LAYERS, backend: 'wasm' as const, engine: 'kernels', skipped: [] } } : {}),
    },
  };
}

describe('RunStore', () => {
  it('applies any number of events in one go per animation frame', () => {
    const frames: (() => void)[] = [];
    const run = new RunStore((cb) => void frames.push(cb));
    run.follow(3, keras);
    for (let i = 0; i < 5; i++) run.handle(progress(3, [2 * i, 2 * i + 1]));
    expect(frames).toHaveLength(1);
    expect(run.steps).toHaveLength(0);
    frames.shift()!();
    expect(run.flushes).toBe(1);
    expect(run.steps).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9]);
    expect(run.layerStats[0]).toHaveLength(10);
    expect(run.backend).toBe('wasm');
    expect(run.recent![0]!.gradNorm).toBe(0);
    expect(run.recent![1]!.gradNorm).toBeCloseTo(1e-3);
  });

  it('keeps events that arrive before run:start resolves, and ignores other runs', () => {
    const run = new RunStore((cb) => cb());
    run.handle(progress(9, [0]));
    run.handle(progress(8, [0]));
    run.follow(9, keras);
    expect(run.steps).toEqual([0]);
    run.handle({ channel: 'run:status', payload: { runId: 9, status: 'stopped' } });
    expect(run.status).toBe('stopped');
  });
});
