// Fixed data for the History and Compare tests: saved runs built from the real presets (so their config diff is
// the one the service computes), with step series where the seed's first layer gets exactly zero gradient, and
// a fake LabClient that records every call.
import { vi } from 'vitest';
import type { LabEvent, MethodName, MethodRequest, MethodResponse } from '../../electron/common/contract';
import { getPreset } from '../../electron/common/presets';
import type { LayerInfo, LayerStats } from '../../electron/common/records';
import type { Comparison, RunDetail, RunStatus, RunSummary } from '../../electron/common/runs';
import { configDiff } from '../../electron/service/run-queries';
import type { LabClient } from '../../renderer/src/lib/api';
import { layer, stats } from './charts-fixtures';

export function summary(id: number, extra: Partial<RunSummary> = {}): RunSummary {
  return {
    id,
    name: `run ${id}`,
    status: 'completed',
    preset: 'seed-keras',
    created: `2025-05-0${(id % 9) + 1}T10:00:00.000Z`,
    startedAt: null,
    endedAt: null,
    durationSec: 61 + id,
    backend: 'wasm',
    engine: 'kernels',
    skipped: [],
    appVersion: '0.1.0',
    activation: 'sigmoid',
    initializer: 'randomNormal',
    depth: 1,
    batchNorm: false,
    residual: false,
    final: { trainLoss: 0.3, trainAcc: 0.9, testLoss: 0.35, testAcc: 0.9 - id / 100 },
    notes: '',
    tags: [],
    error: null,
    origin: null,
    progress: null,
    ...extra,
  };
}

/**
 * A saved run of a preset: 60 steps, statistics every step, layer gradients `grads` (input side first; 0 = an
 * exact zero all the way through).
 */
export function detail(id: number, presetId: string, grads: number[], status: RunStatus = 'completed'): RunDetail {
  const preset = getPreset(presetId)!;
  const layers: LayerInfo[] = grads.map((_, i) => layer(i, i === grads.length - 1 ? 10 : 128, i === grads.length - 1));
  const steps = Array.from({ length: 60 }, (_, i) => i);
  const layerStats: LayerStats[][] = grads.map((g, li) => steps.map((s) => stats(li, g === 0 ? 0 : g * (1 + s / 100))));
  const loss = steps.map((s) => (grads[0] === 0 ? 2.303 : 2.3 * Math.exp(-s / 20) + 0.2));
  return {
    summary: summary(id, { name: preset.name.en, preset: presetId, status, activation: preset.config.model.activation }),
    config: preset.config,
    layers,
    epochs: [0, 1].map((e) => ({ type: 'epoch', epoch: e, trainLoss: loss[e * 30 + 29]!, trainAcc: 0.5, testLoss: loss[e * 30 + 29]!, testAcc: 0.5, seconds: 1, samplesPerSec: 100 })),
    series: { steps, loss, acc: loss.map((l) => 1 - l / 2.5), statSteps: steps, layerStats },
    histograms: [],
    predictions: [],
    decimated: false,
  };
}

/** The tutorial network (first layer exactly 0) and two remedies. */
export function seedComparison(): Comparison {
  const runs = [detail(1, 'seed-keras', [0, 0.05]), detail(2, 'seed-he', [0.02, 0.1]), detail(3, 'seed-relu-he', [0.08, 0.12])];
  return { runs, diff: configDiff(runs.map((r) => r.config)) };
}

/** Eight runs, for the colour tests. */
export function eightComparison(): Comparison {
  const ids = ['seed-keras', 'seed-he', 'seed-relu-he', 'seed-batchnorm', 'deep-sigmoid', 'deep-relu-he', 'deep-batchnorm', 'deep-residual'];
  const runs = ids.map((p, i) => detail(i + 1, p, [1e-3 * (i + 1), 1e-2]));
  return { runs, diff: configDiff(runs.map((r) => r.config)) };
}

/** jsdom has no ResizeObserver (bind:clientWidth uses it); the views then lay out at their default widths. */
export function stubResizeObserver(): void {
  globalThis.ResizeObserver ??= class {
    observe(): void {}
    unobserve(): void {}
    disconnect(): void {}
  };
}

type Handler = (request: unknown) => unknown;

/** A LabClient whose methods answer from `handlers` (a missing one rejects) and that can push events. */
export function fakeLab(handlers: Partial<Record<MethodName, Handler>>) {
  const listeners = new Set<(e: LabEvent) => void>();
  const calls: { method: MethodName; request: unknown }[] = [];
  const client: LabClient = {
    transport: 'websocket',
    call: vi.fn(async <M extends MethodName>(method: M, request: MethodRequest<M>): Promise<MethodResponse<M>> => {
      calls.push({ method, request });
      const h = handlers[method];
      if (!h) throw new Error(`no handler for ${method}`);
      return (await h(request)) as MethodResponse<M>;
    }),
    onEvent(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
  return { client, calls, emit: (e: LabEvent) => listeners.forEach((l) => l(e)), callsOf: (m: MethodName) => calls.filter((c) => c.method === m) };
}
