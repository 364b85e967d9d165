// One run at a time, with a visible queue: launches the trainer for the next queued run through the Launcher,
// feeds its stream to a RunRecorder, ends the run on the trainer's end message or on its exit (a trainer that
// dies without an end message fails the run with the reason), and moves on to the next run.
import type { LabEvent } from '../common/contract';
import type { ExperimentConfig } from '../common/config';
import type { FinalMetrics, Prediction } from '../common/records';
import { assertNever } from '../common/result';
import type { QueueState, RunStatus } from '../common/runs';
import { isEndMessage, isFromTrainer, type EndMessage, type FromTrainer } from '../common/trainer-protocol';
import type { Store } from '../store/store';
import type { Launcher, TrainerHandle } from './launcher';
import { RunRecorder } from './run-recorder';

/** How long a trainer may take to exit after its end message or a stop request before it is killed. */
export const STOP_GRACE_MS = 10_000;
const EXIT_GRACE_MS = 3_000;

interface Job {
  runId: number;
  config: ExperimentConfig;
}

interface Current extends Job {
  trainer: TrainerHandle;
  recorder: RunRecorder;
  startedAt: number;
  ended: boolean;
  stopRequested: boolean;
  killTimer?: NodeJS.Timeout;
  exited: Promise<void>;
}

export interface RunQueueOptions {
  store: Store;
  launcher: Launcher;
  emit: (e: LabEvent) => void;
  mnistDir?: string;
}

export class RunQueue {
  private readonly queue: Job[] = [];
  private current: Current | undefined;

  constructor(private readonly o: RunQueueOptions) {}

  state(): QueueState {
    return { running: this.current?.runId ?? null, queued: this.queue.map((j) => j.runId) };
  }

  isOurs(runId: number): boolean {
    return this.current?.runId === runId || this.queue.some((j) => j.runId === runId);
  }

  enqueue(runId: number, config: ExperimentConfig): void {
    this.queue.push({ runId, config });
    this.o.emit({ channel: 'run:status', payload: { runId, status: 'queued' } });
    this.pump();
    this.emitQueue();
  }

  /** Stop the running run (within one batch) or take a queued one off the queue. Returns false if not ours. */
  stop(runId: number): boolean {
    const i = this.queue.findIndex((j) => j.runId === runId);
    if (i >= 0) {
      this.queue.splice(i, 1);
      this.o.store.runs.end(runId, { status: 'stopped', endedAt: new Date().toISOString(), durationSec: null });
      this.o.emit({ channel: 'run:status', payload: { runId, status: 'stopped' } });
      this.emitQueue();
      return true;
    }
    const c = this.current;
    if (!c || c.runId !== runId) return false;
    if (!c.ended && !c.stopRequested) {
      c.stopRequested = true;
      c.trainer.send({ type: 'stop' });
      c.killTimer = setTimeout(() => c.trainer.kill(), STOP_GRACE_MS);
    }
    return true;
  }

  /** Move a waiting run to position `to` (clamped); false when it is not waiting. */
  move(runId: number, to: number): boolean {
    const i = this.queue.findIndex((j) => j.runId === runId);
    if (i < 0) return false;
    const [job] = this.queue.splice(i, 1);
    this.queue.splice(Math.min(to, this.queue.length), 0, job!);
    this.emitQueue();
    return true;
  }

  /** Resolves when the running run (if any) has ended and its trainer has exited. */
  async idle(): Promise<void> {
    while (this.current) await this.current.exited;
  }

  /** For shutdown: stop the running run, drop the queue (those runs end 'interrupted'). */
  async shutdown(): Promise<void> {
    for (const j of this.queue.splice(0)) {
      this.o.store.runs.end(j.runId, { status: 'interrupted', endedAt: new Date().toISOString(), durationSec: null, error: 'The app closed before this run started' });
    }
    if (this.current) this.stop(this.current.runId);
    await this.idle();
  }

  private emitQueue(): void {
    this.o.emit({ channel: 'queue:changed', payload: this.state() });
  }

  private pump(): void {
    if (this.current) return;
    const job = this.queue.shift();
    if (!job) return;
    this.launch(job);
    this.emitQueue();
  }

  private launch(job: Job): void {
    const { store, emit } = this.o;
    const startedAt = Date.now();
    emit({ channel: 'run:status', payload: { runId: job.runId, status: 'running' } });
    // `c` is assigned below, before any record can arrive (records come from the trainer, asynchronously).
    const recorder = new RunRecorder(store, job.runId, job.config.training.batchSize, job.config.training.epochs, emit, (e) => {
      if (this.current?.runId === job.runId) this.end(this.current, { type: 'failed', message: `Recording the run failed: ${e.message}` });
    });
    let trainer: TrainerHandle;
    let resolveExit!: () => void;
    const exited = new Promise<void>((r) => (resolveExit = r));
    try {
      // Called from a trainer's exit too: a throw here (database full, ...) would take the host down.
      store.write(() => store.runs.setStatus(job.runId, 'running', new Date(startedAt).toISOString()));
      trainer = this.o.launcher.launch();
    } catch (e) {
      const message = (e as Error).name === 'StoreWriteError' ? `Recording the run failed: ${(e as Error).message}` : `The trainer process could not start: ${(e as Error).message}`;
      this.current = { ...job, trainer: deadHandle, recorder, startedAt, ended: false, stopRequested: false, exited };
      this.end(this.current, { type: 'failed', message });
      this.afterExit(this.current, resolveExit);
      return;
    }
    const c: Current = { ...job, trainer, recorder, startedAt, ended: false, stopRequested: false, exited };
    this.current = c;
    trainer.onMessage((m) => {
      if (!isFromTrainer(m) || c.ended) return;
      try {
        this.onMessage(c, m);
      } catch (e) {
        // A store failure (disk full, ...) must not leave the run hanging: end it with the reason.
        this.end(c, { type: 'failed', message: `Recording the run failed: ${(e as Error).message}` });
      }
    });
    trainer.onExit((code, signal) => {
      if (!c.ended) {
        const how = signal ? `signal ${signal}` : `exit code ${code}`;
        if (c.stopRequested) this.end(c, { type: 'stopped', step: c.recorder.progress.step, predictions: [], seconds: (Date.now() - c.startedAt) / 1000 });
        else this.end(c, { type: 'failed', message: `The trainer process ended unexpectedly (${how}) before the run finished` });
      }
      this.afterExit(c, resolveExit);
    });
  }

  private afterExit(c: Current, resolveExit: () => void): void {
    clearTimeout(c.killTimer);
    if (this.current === c) this.current = undefined;
    resolveExit();
    this.pump();
    this.emitQueue();
  }

  private onMessage(c: Current, m: FromTrainer): void {
    if (isEndMessage(m)) {
      this.end(c, m);
      return;
    }
    switch (m.type) {
      case 'ready':
        c.trainer.send({ type: 'start', config: c.config, ...(this.o.mnistDir ? { mnistDir: this.o.mnistDir } : {}) });
        return;
      case 'started':
        c.recorder.onStarted(m);
        return;
      case 'batch':
      case 'epoch':
      case 'histogram':
      case 'layer-probe':
        c.recorder.push(m);
        return;
      case 'log':
      case 'probe-result':
        return;
      default:
        assertNever(m);
    }
  }

  private end(c: Current, m: EndMessage): void {
    if (c.ended) return;
    c.ended = true;
    let writeError: string | undefined;
    try {
      c.recorder.finish();
    } catch (e) {
      writeError = `Recording the run failed: ${(e as Error).message}`;
    }
    let status: RunStatus;
    let final: FinalMetrics | undefined;
    let predictions: Prediction[] = [];
    let error: string | undefined;
    let divergedStep: number | undefined;
    switch (m.type) {
      case 'done':
        [status, final, predictions] = ['completed', m.final, m.predictions];
        break;
      case 'stopped':
        [status, final, predictions] = ['stopped', m.final, m.predictions];
        break;
      case 'diverged':
        [status, error, divergedStep] = ['diverged', m.message, m.step];
        break;
      case 'failed':
        [status, error] = ['failed', m.message];
        break;
      default:
        assertNever(m);
    }
    if (writeError && status !== 'failed') [status, error] = ['failed', writeError];
    const { store, emit } = this.o;
    try {
      if (predictions.length) store.write(() => store.metrics.savePredictions(c.runId, predictions));
    } catch (e) {
      error = `Saving predictions failed: ${(e as Error).message}`;
    }
    try {
      store.write(() => store.runs.end(c.runId, { status, endedAt: new Date().toISOString(), durationSec: (Date.now() - c.startedAt) / 1000, final, error, ...(divergedStep !== undefined ? { divergedStep } : {}) }));
    } catch (e) {
      // The row stays 'running' and becomes 'interrupted' at the next start; the event still tells the user why.
      error = [error, `Saving the run's end failed: ${(e as Error).message}`].filter(Boolean).join('; ');
    }
    emit({
      channel: 'run:status',
      payload: { runId: c.runId, status, ...(error ? { error } : {}), ...(divergedStep !== undefined ? { divergedStep } : {}), ...(final ? { final } : {}), ...(predictions.length ? { predictions } : {}) },
    });
    // Let the trainer exit on its own; kill it if it lingers. The next run starts once it has exited.
    c.trainer.send({ type: 'stop' });
    clearTimeout(c.killTimer);
    c.killTimer = setTimeout(() => c.trainer.kill(), EXIT_GRACE_MS);
  }
}

const deadHandle: TrainerHandle = { pid: undefined, send: () => {}, onMessage: () => {}, onExit: () => {}, kill: () => {} };
