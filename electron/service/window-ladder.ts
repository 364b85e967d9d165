// The desktop app's backend ladder across trainer kinds. Dawn cannot run inside Electron, so the app's WebGPU
// rung is a hidden window training on Chromium's navigator.gpu ('webgpu-window'); every other rung runs in the
// Node trainer ('node'). Per run, from the top: CUDA (asked of a Node trainer's probe, once) → the window, which
// must first load, find an adapter and run a first op within a time limit → the Node trainer's remaining rungs.
// A rung passed over keeps its plain reason in the run's `started` record; a window that gives no answer is
// killed, so nothing waits without a bound. The probe behind About and `info` carries the window's verdict.
import type { BackendName, BackendProbe, KernelsProbe } from '../common/app-info';
import { backendReason } from '../common/backend-reasons';
import type { TrainerKind } from '../common/service-host-protocol';
import { isFromTrainer, type FromTrainer, type ToTrainer } from '../common/trainer-protocol';
import type { IdxFiles } from './idx-files';
import type { Launcher, TrainerHandle } from './launcher';

export interface WindowLadderOptions {
  /** Start a trainer of a kind (RelayLauncher.launch in the desktop app's service host). */
  launch(kind: TrainerKind): TrainerHandle;
  /** The IDX files of a folder as bytes (the window's page cannot read files). */
  readIdx(folder: string): Promise<IdxFiles>;
  /** How long the window may take to load, find an adapter and run its first op. */
  windowTimeoutMs?: number;
  /** How long a Node trainer may take to answer the probe that says whether CUDA is there. */
  probeTimeoutMs?: number;
}

export const WINDOW_TIMEOUT_MS = 45_000;
const PROBE_TIMEOUT_MS = 60_000;

type ProbeResult = { backends: BackendProbe[]; kernels: KernelsProbe };
type Start = Extract<ToTrainer, { type: 'start' }>;
type Skipped = { name: BackendName; reason: string }[];
interface Verdict {
  available: boolean;
  reason: string;
}

/** One launched trainer whose messages and exit go to whoever holds it now. */
class Routed {
  consumer: ((m: FromTrainer) => void) | undefined;
  exitConsumer: ((code: number | null, signal: string | null) => void) | undefined;
  exited: [number | null, string | null] | undefined;
  private ready = false;
  private readonly readyWaiters: (() => void)[] = [];
  constructor(readonly handle: TrainerHandle) {
    handle.onMessage((m) => {
      if (!isFromTrainer(m)) return;
      if (m.type === 'ready') {
        this.ready = true;
        for (const w of this.readyWaiters.splice(0)) w();
      }
      this.consumer?.(m);
    });
    handle.onExit((code, signal) => {
      this.exited = [code, signal];
      this.exitConsumer?.(code, signal);
    });
  }

  /** Send once the trainer has said it is ready (a message before that could be lost on the way). */
  sendWhenReady(m: ToTrainer): void {
    if (this.ready) this.handle.send(m);
    else this.readyWaiters.push(() => this.handle.send(m));
  }
}

/** Wait for a trainer's probe answer; a reason in words when it ends or stays silent instead. */
function askProbe(r: Routed, ms: number, what: string): Promise<ProbeResult | string> {
  return new Promise((resolve) => {
    const done = (v: ProbeResult | string) => {
      clearTimeout(timer);
      r.consumer = undefined;
      r.exitConsumer = undefined;
      resolve(v);
    };
    const timer = setTimeout(() => done(`${what} did not answer within ${ms / 1000} s`), ms);
    r.consumer = (m) => {
      if (m.type === 'probe-result') done({ backends: m.backends, kernels: m.kernels });
    };
    r.sendWhenReady({ type: 'probe' });
    r.exitConsumer = (code, signal) => done(`${what} ended before answering (${signal ? `signal ${signal}` : `exit code ${code}`})`);
    if (r.exited) r.exitConsumer(...r.exited);
  });
}

export class WindowLadder implements Launcher {
  private cuda: Promise<Verdict> | undefined;
  /** Why the window rung is not there, once it has failed (not asked again in this session). */
  private windowRefused: string | undefined;

  readonly probeTimeoutMs: number;

  constructor(private readonly o: WindowLadderOptions) {
    this.probeTimeoutMs = o.probeTimeoutMs ?? PROBE_TIMEOUT_MS;
  }

  launch(): TrainerHandle {
    return new LadderHandle(this);
  }

  /** Whether the CUDA rung works, from the first probe through this ladder (or one of its own). */
  cudaVerdict(): Promise<Verdict> {
    this.cuda ??= (async () => {
      const r = new Routed(this.o.launch('node'));
      const answer = await askProbe(r, this.probeTimeoutMs, 'the trainer');
      r.handle.send({ type: 'stop' });
      if (typeof answer === 'string') return { available: false, reason: backendReason.failed('tensorflow-gpu', answer) };
      return this.noteProbe(answer.backends);
    })();
    return this.cuda;
  }

  /** Keep CUDA's verdict from a Node trainer's probe. */
  noteProbe(backends: BackendProbe[]): Verdict {
    const gpu = backends.find((b) => b.name === 'tensorflow-gpu');
    const verdict = gpu ? { available: gpu.available, reason: gpu.reason } : { available: false, reason: backendReason.notInstalled('@tensorflow/tfjs-node-gpu') };
    this.cuda = Promise.resolve(verdict);
    return verdict;
  }

  /** Open a trainer window and probe it: the live window when its rung works, else the reason (remembered). */
  async openWindow(): Promise<{ verdict: Verdict; window?: Routed }> {
    if (this.windowRefused) return { verdict: { available: false, reason: this.windowRefused } };
    const ms = this.o.windowTimeoutMs ?? WINDOW_TIMEOUT_MS;
    const r = new Routed(this.o.launch('webgpu-window'));
    const answer = await askProbe(r, ms, 'the WebGPU trainer window');
    const webgpu = typeof answer === 'string' ? undefined : answer.backends.find((b) => b.name === 'webgpu');
    if (webgpu?.available) return { verdict: { available: true, reason: webgpu.reason }, window: r };
    r.handle.kill();
    this.windowRefused = webgpu?.reason ?? backendReason.failed('webgpu', typeof answer === 'string' ? answer : 'the trainer window gave no webgpu answer');
    return { verdict: { available: false, reason: this.windowRefused } };
  }

  launchKind(kind: TrainerKind): Routed {
    return new Routed(this.o.launch(kind));
  }

  readIdx(folder: string): Promise<IdxFiles> {
    return this.o.readIdx(folder);
  }
}

/** A trainer handle whose trainer is chosen by the first message the service sends it. */
class LadderHandle implements TrainerHandle {
  private target: Routed | undefined;
  private state: 'idle' | 'deciding' | 'attached' | 'ended' = 'idle';
  private cancelled = false;
  private readonly messageListeners: ((m: unknown) => void)[] = [];
  private readonly exitListeners: ((code: number | null, signal: string | null) => void)[] = [];
  private exited: [number | null, string | null] | undefined;

  constructor(private readonly ladder: WindowLadder) {
    // The service sends its first message on 'ready'; the trainer that answers it is started then.
    setImmediate(() => this.deliver({ type: 'ready', pid: 0 }));
  }

  get pid(): number | undefined {
    return this.target?.handle.pid;
  }

  send(m: ToTrainer): void {
    switch (this.state) {
      case 'attached':
        this.target!.handle.send(m);
        return;
      case 'ended':
        return;
      case 'deciding':
        // Stopped before any trainer took the run: end now; whatever the choice brings later is killed.
        if (m.type === 'stop') {
          this.cancelled = true;
          this.end(0, null);
        }
        return;
      case 'idle':
        if (m.type === 'stop') this.end(0, null);
        else {
          this.state = 'deciding';
          const decided = m.type === 'probe' ? this.probe() : this.start(m);
          decided.catch((e: Error) => {
            this.deliver({ type: 'failed', message: `The trainer could not start: ${e.message}` });
            this.end(null, 'spawn-failed');
          });
        }
    }
  }

  onMessage(listener: (m: unknown) => void): void {
    this.messageListeners.push(listener);
  }

  onExit(listener: (code: number | null, signal: string | null) => void): void {
    this.exitListeners.push(listener);
    if (this.exited) listener(...this.exited);
  }

  kill(): void {
    if (this.target) this.target.handle.kill();
    else {
      this.cancelled = true;
      this.end(null, 'killed');
    }
  }

  private deliver(m: FromTrainer): void {
    for (const l of this.messageListeners) l(m);
  }

  private end(code: number | null, signal: string | null): void {
    if (this.exited) return;
    this.state = 'ended';
    this.exited = [code, signal];
    for (const l of this.exitListeners) l(code, signal);
  }

  /** Route `r`'s messages and exit here from now on; `rewrite` adjusts what it says about its rungs. */
  private attach(r: Routed, rewrite: (m: FromTrainer) => FromTrainer = (m) => m): boolean {
    if (this.cancelled) {
      r.handle.kill();
      return false;
    }
    this.target = r;
    this.state = 'attached';
    r.consumer = (m) => m.type !== 'ready' && this.deliver(rewrite(m));
    r.exitConsumer = (code, signal) => this.end(code, signal);
    if (r.exited) this.end(...r.exited);
    return true;
  }

  /** About and `info`: the Node trainer's probe, with the window's verdict as the webgpu rung. */
  private async probe(): Promise<void> {
    const node = this.ladder.launchKind('node');
    const [window, answer] = await Promise.all([this.ladder.openWindow(), askProbe(node, this.ladder.probeTimeoutMs, 'the trainer')]);
    window.window?.handle.kill();
    if (typeof answer === 'string') {
      node.handle.kill();
      this.end(null, answer);
      return;
    }
    this.ladder.noteProbe(answer.backends);
    const backends = answer.backends.map((b) => (b.name === 'webgpu' ? { name: b.name, ...window.verdict } : b));
    if (this.attach(node)) {
      this.deliver({ type: 'probe-result', backends, kernels: answer.kernels });
      node.handle.send({ type: 'stop' });
    }
  }

  private async start(m: Start): Promise<void> {
    const preferred = m.config.backend;
    // Recurrent models train on the Node trainer's wasm kernels, past the tfjs ladder: no window for them.
    if (m.config.recurrent) return this.toNode(m);
    if (preferred && preferred !== 'tensorflow-gpu' && preferred !== 'webgpu') return this.toNode(m);
    const above: Skipped = [];
    if (preferred !== 'webgpu') {
      const cuda = await this.ladder.cudaVerdict();
      if (cuda.available) return this.toNode(m);
      above.push({ name: 'tensorflow-gpu', reason: cuda.reason });
    }
    const { verdict, window } = await this.ladder.openWindow();
    if (!window) return this.toNode(m, verdict.reason);
    const dataset = m.config.dataset;
    const folder = dataset.kind === 'mnist' ? m.mnistDir : dataset.kind === 'idx-folder' ? dataset.folder : undefined;
    let idxFiles: IdxFiles | undefined;
    if (folder) {
      try {
        idxFiles = await this.ladder.readIdx(folder);
      } catch {
        // The Node trainer reads the folder itself and fails the run with the file at fault named.
        window.handle.kill();
        return this.toNode(m);
      }
    }
    const withAbove = (msg: FromTrainer): FromTrainer => (msg.type === 'started' ? { ...msg, skipped: [...above, ...msg.skipped] } : msg);
    if (this.attach(window, withAbove)) window.sendWhenReady(idxFiles ? { ...m, idxFiles } : m);
  }

  /** The Node trainer's ladder; the window's reason replaces what it says of its own webgpu rung. */
  private toNode(m: Start, webgpuReason?: string): void {
    const node = this.ladder.launchKind('node');
    const withReason = (msg: FromTrainer): FromTrainer =>
      msg.type === 'started' && webgpuReason ? { ...msg, skipped: msg.skipped.map((s) => (s.name === 'webgpu' ? { ...s, reason: webgpuReason } : s)) } : msg;
    if (this.attach(node, withReason)) node.sendWhenReady(m);
  }
}
