// The desktop app's choice between the WebGPU trainer window and the Node trainer (window-ladder.ts), driven as
// the run queue and the probe drive it, with stand-in trainers shaped like the real ones: a window with an
// adapter trains the run (with the data files' bytes it cannot read itself); a window without one, one that
// stays silent and one that dies hand the run to the Node trainer with the window's reason saved in its
// `started` record, and are killed; nothing waits without a bound.
import { describe, expect, it } from 'vitest';
import type { BackendProbe } from '../../electron/common/app-info';
import { backendReason } from '../../electron/common/backend-reasons';
import type { ExperimentConfig } from '../../electron/common/config';
import type { TrainerKind } from '../../electron/common/service-host-protocol';
import type { FromTrainer, StartedMessage, ToTrainer } from '../../electron/common/trainer-protocol';
import type { IdxFiles } from '../../electron/service/idx-files';
import type { TrainerHandle } from '../../electron/service/launcher';
import { WindowLadder } from '../../electron/service/window-ladder';
import { smallConfig } from '../store/store-fixture';

type WindowBehaviour = 'adapter' | 'no-adapter' | 'silent' | 'dies';
const DAWN = backendReason.failed('webgpu', 'Dawn cannot run inside Electron (its memory cage forbids the buffers Dawn maps)');
const NO_CUDA = backendReason.notInstalled('@tensorflow/tfjs-node-gpu');

/** A stand-in trainer: says ready, answers probe / start / stop as the real one of its kind does. */
class FakeTrainer implements TrainerHandle {
  readonly pid = 4242;
  readonly sent: ToTrainer[] = [];
  killed = false;
  private readonly listeners: ((m: unknown) => void)[] = [];
  private readonly exitListeners: ((code: number | null, signal: string | null) => void)[] = [];
  private exitedWith: [number | null, string | null] | undefined;

  constructor(
    readonly kind: TrainerKind,
    private readonly behaviour: WindowBehaviour | 'node',
    private readonly cuda: boolean,
  ) {
    if (behaviour === 'dies') setTimeout(() => this.exit(null, null), 5);
    else if (behaviour !== 'silent') setTimeout(() => this.emit({ type: 'ready', pid: this.pid }), 5);
  }

  send(m: ToTrainer): void {
    this.sent.push(m);
    if (this.exitedWith) return;
    if (m.type === 'stop') return this.exit(0, null);
    if (m.type === 'probe') return this.emit({ type: 'probe-result', backends: this.backends(), kernels: { available: this.kind === 'node', reason: 'ok' } });
    const started: StartedMessage =
      this.kind === 'node'
        ? { type: 'started', backend: this.cuda ? 'tensorflow-gpu' : 'wasm', skipped: this.cuda ? [] : [{ name: 'tensorflow-gpu', reason: NO_CUDA }, { name: 'webgpu', reason: DAWN }, { name: 'tensorflow', reason: 'package @tensorflow/tfjs-node is not installed' }], engine: 'kernels', layers: [], trainSize: 300, testSize: 100, stepsPerEpoch: 10, totalSteps: 10 }
        : { type: 'started', backend: 'webgpu', skipped: [], engine: 'tape', layers: [], trainSize: 300, testSize: 100, stepsPerEpoch: 10, totalSteps: 10 };
    this.emit(started);
    this.emit({ type: 'done', final: { trainLoss: 1, trainAcc: 0.5, testLoss: 1, testAcc: 0.5 }, predictions: [], seconds: 1 });
  }

  private backends(): BackendProbe[] {
    if (this.kind === 'webgpu-window') {
      return this.behaviour === 'adapter'
        ? [{ name: 'webgpu', available: true, reason: backendReason.windowReady('google swiftshader') }]
        : [{ name: 'webgpu', available: false, reason: backendReason.noAdapter() }];
    }
    return [
      { name: 'tensorflow-gpu', available: this.cuda, reason: this.cuda ? backendReason.ready('@tensorflow/tfjs-node-gpu') : NO_CUDA },
      { name: 'webgpu', available: false, reason: DAWN },
      { name: 'wasm', available: true, reason: backendReason.ready('@tensorflow/tfjs-backend-wasm') },
    ];
  }

  onMessage(l: (m: unknown) => void): void {
    this.listeners.push(l);
  }
  onExit(l: (code: number | null, signal: string | null) => void): void {
    this.exitListeners.push(l);
    if (this.exitedWith) l(...this.exitedWith);
  }
  kill(): void {
    this.killed = true;
    this.exit(null, 'SIGTERM');
  }
  private emit(m: FromTrainer): void {
    if (!this.exitedWith) for (const l of this.listeners) l(m);
  }
  private exit(code: number | null, signal: string | null): void {
    if (this.exitedWith) return;
    this.exitedWith = [code, signal];
    for (const l of this.exitListeners) l(code, signal);
  }
}

const IDX = { trainImages: new Uint8Array([1]), trainLabels: new Uint8Array([2]), testImages: new Uint8Array([3]), testLabels: new Uint8Array([4]) } as IdxFiles;

function ladder(windowBehaviour: WindowBehaviour, opts: { cuda?: boolean; windowTimeoutMs?: number; unreadable?: boolean } = {}) {
  const launched: FakeTrainer[] = [];
  const read: string[] = [];
  const l = new WindowLadder({
    launch: (kind) => {
      const t = new FakeTrainer(kind, kind === 'node' ? 'node' : windowBehaviour, opts.cuda ?? false);
      launched.push(t);
      return t;
    },
    readIdx: async (folder) => {
      read.push(folder);
      if (opts.unreadable) throw new Error(`${folder}: file not found`);
      return IDX;
    },
    windowTimeoutMs: opts.windowTimeoutMs ?? 2_000,
    probeTimeoutMs: 2_000,
  });
  return { ladder: l, launched, read, windows: () => launched.filter((t) => t.kind === 'webgpu-window') };
}

/** Drive one handle as the run queue does: on ready send start; collect until the end message and the exit. */
function runOn(l: WindowLadder, config: ExperimentConfig): Promise<{ messages: FromTrainer[]; exit: [number | null, string | null] }> {
  const h = l.launch();
  const messages: FromTrainer[] = [];
  return new Promise((resolve) => {
    h.onMessage((m) => {
      const msg = m as FromTrainer;
      messages.push(msg);
      if (msg.type === 'ready') h.send({ type: 'start', config, mnistDir: '/data/mnist' });
      if (msg.type === 'done') h.send({ type: 'stop' });
    });
    h.onExit((code, signal) => resolve({ messages, exit: [code, signal] }));
  });
}

const startedOf = (messages: FromTrainer[]) => messages.find((m): m is StartedMessage => m.type === 'started')!;

describe('desktop ladder: WebGPU window or Node trainer', () => {
  it('trains on the window when it has an adapter, hands it the IDX bytes, and keeps why CUDA was skipped', async () => {
    const t = ladder('adapter');
    const { messages, exit } = await runOn(t.ladder, smallConfig());
    expect(startedOf(messages)).toMatchObject({ backend: 'webgpu', engine: 'tape', skipped: [{ name: 'tensorflow-gpu', reason: NO_CUDA }] });
    expect(exit).toEqual([0, null]);
    const [win] = t.windows();
    expect(win!.sent.map((m) => m.type)).toEqual(['probe', 'start', 'stop']);
    expect(win!.sent[1]).toMatchObject({ type: 'start', idxFiles: IDX, mnistDir: '/data/mnist' });
    expect(t.read).toEqual(['/data/mnist']);
    // The Node trainer only answered the CUDA question and was let go.
    const nodes = t.launched.filter((x) => x.kind === 'node');
    expect(nodes).toHaveLength(1);
    expect(nodes[0]!.sent.map((m) => m.type)).toEqual(['probe', 'stop']);
  });

  it('falls back to the Node trainer with the window\'s reason when there is no adapter, and asks no window again', async () => {
    const t = ladder('no-adapter');
    const { messages } = await runOn(t.ladder, smallConfig());
    const started = startedOf(messages);
    expect(started.backend).toBe('wasm');
    expect(started.skipped.find((s) => s.name === 'webgpu')!.reason).toBe(backendReason.noAdapter());
    expect(t.windows()[0]!.killed).toBe(true);
    const second = await runOn(t.ladder, smallConfig());
    expect(startedOf(second.messages).skipped.find((s) => s.name === 'webgpu')!.reason).toBe(backendReason.noAdapter());
    expect(t.windows()).toHaveLength(1);
  });

  it('gives up on a window that never answers, within the bound, and kills it', async () => {
    const t = ladder('silent', { windowTimeoutMs: 200 });
    const t0 = Date.now();
    const { messages } = await runOn(t.ladder, smallConfig());
    expect(Date.now() - t0).toBeLessThan(2_000);
    expect(startedOf(messages).skipped.find((s) => s.name === 'webgpu')!.reason).toBe(
      backendReason.failed('webgpu', 'the WebGPU trainer window did not answer within 0.2 s'),
    );
    expect(t.windows()[0]!.killed).toBe(true);
  });

  it('falls back when the window dies before answering (a lost renderer, a broken driver)', async () => {
    const t = ladder('dies');
    const { messages } = await runOn(t.ladder, smallConfig());
    expect(startedOf(messages).skipped.find((s) => s.name === 'webgpu')!.reason).toBe(
      backendReason.failed('webgpu', 'the WebGPU trainer window ended before answering (exit code null)'),
    );
  });

  it('leaves the run to the Node trainer when CUDA works, or when the config names a lower rung', async () => {
    const cuda = ladder('adapter', { cuda: true });
    expect(startedOf((await runOn(cuda.ladder, smallConfig())).messages).backend).toBe('tensorflow-gpu');
    expect(cuda.windows()).toHaveLength(0);
    const cpu = ladder('adapter');
    await runOn(cpu.ladder, { ...smallConfig(), backend: 'cpu' });
    expect(cpu.windows()).toHaveLength(0);
    expect(cpu.launched.map((x) => x.sent[0]!.type)).toEqual(['start']);
  });

  it('sends a recurrent model to the Node trainer (its wasm kernels), never to the window, even with an adapter', async () => {
    const l = ladder('adapter');
    const config: ExperimentConfig = { ...smallConfig(), recurrent: { cell: 'gru', hidden: 16, forgetBias: 1 } };
    const { messages } = await runOn(l.ladder, config);
    expect(startedOf(messages).backend).toBe('wasm');
    expect(l.windows()).toHaveLength(0);
    expect(l.read).toEqual([]);
  });

  it('lets the Node trainer report data files the window could not be given', async () => {
    const t = ladder('adapter', { unreadable: true });
    const { messages } = await runOn(t.ladder, smallConfig());
    expect(startedOf(messages).backend).toBe('wasm');
    expect(t.windows()[0]!.killed).toBe(true);
  });

  it('answers the probe behind About and info with the window as the webgpu rung', async () => {
    for (const [behaviour, expected] of [
      ['adapter', { name: 'webgpu', available: true, reason: backendReason.windowReady('google swiftshader') }],
      ['no-adapter', { name: 'webgpu', available: false, reason: backendReason.noAdapter() }],
    ] as const) {
      const t = ladder(behaviour);
      const h = t.ladder.launch();
      const result = await new Promise<Extract<FromTrainer, { type: 'probe-result' }>>((resolve) => {
        h.onMessage((m) => {
          const msg = m as FromTrainer;
          if (msg.type === 'ready') h.send({ type: 'probe' });
          if (msg.type === 'probe-result') resolve(msg);
        });
      });
      expect(result.backends.find((b) => b.name === 'webgpu')).toEqual(expected);
      expect(result.backends.find((b) => b.name === 'wasm')!.available).toBe(true);
      expect(t.windows()[0]!.killed).toBe(true);
    }
  });

  it('ends a run stopped while the window is still being asked, without starting it anywhere', async () => {
    const t = ladder('silent', { windowTimeoutMs: 300 });
    const h = t.ladder.launch();
    const exit = new Promise<[number | null, string | null]>((resolve) => h.onExit((c, s) => resolve([c, s])));
    h.onMessage((m) => {
      if ((m as FromTrainer).type === 'ready') {
        h.send({ type: 'start', config: smallConfig(), mnistDir: '/data/mnist' });
        setTimeout(() => h.send({ type: 'stop' }), 50);
      }
    });
    const t0 = Date.now();
    expect(await exit).toEqual([0, null]);
    // At once, not when the window's time is up.
    expect(Date.now() - t0).toBeLessThan(250);
    await new Promise((r) => setTimeout(r, 500));
    expect(t.launched.filter((x) => x.sent.some((m) => m.type === 'start'))).toHaveLength(0);
    expect(t.windows()[0]!.killed).toBe(true);
  });
});
