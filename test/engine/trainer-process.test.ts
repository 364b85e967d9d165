// The trainer as a user meets it: a real child process reproducing the seed's stalled run and its remedies,
// diverging, stopping, being killed, and refusing bad input — all through the trainer protocol.
import { describe, expect, it } from 'vitest';
import { BACKEND_LADDER } from '../../electron/common/app-info';
import type { StartedMessage } from '../../electron/common/trainer-protocol';
import { ForkLauncher } from '../../electron/service/fork-launcher';
import { batchesOf, configOf, LN10, presetOn, runInChild, TRAINER_ENTRY, type ChildRun } from './helpers';

const SAME_BUDGET = { trainSize: 4000, testSize: 1000, epochs: 2, batchSize: 32, statsEvery: 5, histogramEvery: 100 };

describe('trainer process', () => {
  it('reproduces the seed: exactly-zero hidden gradient and loss stuck at ln 10, while He init and batch norm learn', async () => {
    const [keras, he, bn] = await Promise.all(
      ['seed-keras', 'seed-he', 'seed-batchnorm'].map((id) => runInChild({ type: 'start', config: presetOn(id, SAME_BUDGET) })),
    );
    for (const run of [keras, he, bn] as ChildRun[]) {
      expect(run.end?.type).toBe('done');
      expect(run.exit.code).toBe(0);
    }
    // The started message says which backend ran and why every rung above it was skipped.
    const started = keras!.messages.find((m): m is StartedMessage => m.type === 'started')!;
    expect(started.layers.map((l) => l.units)).toEqual([128, 10]);
    expect(started.trainSize).toBe(4000);
    expect(started.skipped.every((s) => s.reason.length > 0)).toBe(true);
    expect(BACKEND_LADDER.indexOf(started.backend)).toBe(started.skipped.length);
    // …and which step engine trains it: here (wasm or cpu) Gradient Lab's kernels, batch norm included.
    for (const run of [keras, he, bn] as ChildRun[]) {
      expect(run.messages.find((m): m is StartedMessage => m.type === 'started')!.engine).toBe('kernels');
    }

    const statSteps = batchesOf(keras!).filter((b) => b.layers && b.step >= 10);
    expect(statSteps.length).toBeGreaterThan(40);
    // Every hidden unit sits at sigmoid = 1.0 exactly, so σ' = 0 and the kernel gradient is exactly zero. A rare
    // faint digit leaves a unit just below 1 for one sample: then a few entries are ~1e-7, never more.
    const exactlyZero = statSteps.filter((b) => b.layers![0]!.gradNorm === 0 && b.layers![0]!.gradZeroFrac === 1);
    expect(exactlyZero.length / statSteps.length).toBeGreaterThan(0.8);
    for (const b of statSteps) {
      expect(b.layers![0]!.gradNorm).toBeLessThan(1e-5);
      expect(b.layers![0]!.gradZeroFrac).toBeGreaterThan(0.99);
      expect(b.layers![0]!.saturatedFrac).toBeGreaterThan(0.99);
      expect(b.layers![1]!.gradNorm).toBeGreaterThan(1e-2);
    }
    const kerasEnd = keras!.end as Extract<ChildRun['end'], { type: 'done' }>;
    expect(Math.abs(kerasEnd.final.testLoss - LN10)).toBeLessThan(0.05);
    expect(kerasEnd.final.testAcc).toBeLessThan(0.2);
    for (const run of [he, bn] as ChildRun[]) {
      const end = run.end as Extract<ChildRun['end'], { type: 'done' }>;
      expect(end.final.testAcc).toBeGreaterThan(0.5);
      expect(end.final.testLoss).toBeLessThan(LN10 - 0.8);
    }
    // The seed's "classified / probability" output: a fixed sample of test digits with their probabilities.
    expect(kerasEnd.predictions).toHaveLength(32);
    for (const p of kerasEnd.predictions) {
      expect(p.probs).toHaveLength(10);
      expect(p.probs.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 4);
      expect(Buffer.from(p.pixels!, 'base64')).toHaveLength(784);
    }
  }, 120_000);

  it('reports divergence at the first non-finite loss (SGD, learning rate 1e6)', async () => {
    const config = configOf({
      dataset: { kind: 'mnist', trainSize: 1000, testSize: 100 },
      model: { depth: 3, width: 32, activation: 'relu', initializer: { kind: 'heNormal' }, batchNorm: false, residual: false },
      optimizer: { kind: 'sgd', learningRate: 1e6 },
      training: { epochs: 1, batchSize: 32, seed: 1, statsEvery: 1, histogramEvery: 0 },
    });
    const run = await runInChild({ type: 'start', config });
    expect(run.end?.type).toBe('diverged');
    const end = run.end as Extract<ChildRun['end'], { type: 'diverged' }>;
    const batches = batchesOf(run);
    // Every batch reported before is finite; the diverged step is the very next one.
    expect(batches.every((b) => Number.isFinite(b.loss))).toBe(true);
    expect(end.step).toBe(batches.length);
    expect(end.step).toBeLessThan(10);
    expect(end.message).toMatch(/step \d+/);
  }, 60_000);

  it('stops within one batch of a stop request and still returns predictions', async () => {
    let sentAfter = -1;
    const run = await runInChild({ type: 'start', config: presetOn('seed-he', { trainSize: 6000, testSize: 500, epochs: 5, batchSize: 32 }) }, (m, handle) => {
      if (m.type === 'batch' && m.step === 5 && sentAfter < 0) {
        sentAfter = m.step;
        handle.send({ type: 'stop' });
      }
    });
    expect(run.end?.type).toBe('stopped');
    const end = run.end as Extract<ChildRun['end'], { type: 'stopped' }>;
    // Honoured within one batch of its arrival: the batch being computed when it arrived finishes, no other.
    expect(end.requestedAfterStep).toBeGreaterThanOrEqual(sentAfter);
    expect(end.step - (end.requestedAfterStep! + 1)).toBeLessThanOrEqual(1);
    expect(batchesOf(run).at(-1)!.step).toBe(end.step - 1);
    expect(end.predictions).toHaveLength(32);
    expect(end.final!.testAcc).toBeGreaterThan(0.1);
    expect(run.exit.code).toBe(0);
  }, 60_000);

  it('a trainer killed by its parent is observed as an exit, never a hang', async () => {
    const run = await runInChild({ type: 'start', config: presetOn('seed-keras', { trainSize: 6000, epochs: 5 }) }, (m, handle) => {
      if (m.type === 'batch' && m.step === 1) handle.kill();
    });
    expect(run.exit.signal).toBe('SIGKILL');
    expect(run.end).toBeUndefined();
  }, 60_000);

  it('tells every exit listener, including one added after the exit (a host and a monitor can both watch)', async () => {
    const handle = new ForkLauncher({ entry: TRAINER_ENTRY }).launch();
    const heard: string[] = [];
    const first = new Promise<void>((resolve) => handle.onExit((code, signal) => (heard.push(`first ${signal}`), resolve())));
    handle.onExit((code, signal) => heard.push(`second ${signal}`));
    handle.kill();
    await first;
    handle.onExit((code, signal) => heard.push(`late ${signal}`));
    expect(heard).toEqual(['first SIGKILL', 'second SIGKILL', 'late SIGKILL']);
  }, 60_000);

  it('fails with a message naming the field or the folder when the input is bad', async () => {
    const bad = { ...presetOn('seed-keras', { trainSize: 1000 }) };
    const depth0 = await runInChild({ type: 'start', config: { ...bad, model: { ...bad.model, depth: 0 } } });
    expect(depth0.end?.type).toBe('failed');
    expect((depth0.end as { message: string }).message).toMatch(/model\.depth/);
    const folder = '/nonexistent/fashion-mnist';
    const missing = await runInChild({ type: 'start', config: { ...bad, dataset: { kind: 'idx-folder', folder } } });
    expect(missing.end?.type).toBe('failed');
    expect((missing.end as { message: string }).message).toContain(folder);
    expect(missing.exit.code).toBe(1);
  }, 60_000);
});
