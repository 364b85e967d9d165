// The parent's side of the service host: start it, relay requests and events, hand it trainers, and close it
// within a bound. It sees the host only through HostProcess, which Electron's utilityProcess (desktop app)
// and child_process.fork (tests) both fit, so the same code is exercised here and in the app.
import type { LabEvent } from '../common/contract';
import { fail, type Result } from '../common/result';
import {
  isFromServiceHost,
  type FatalError,
  type FromServiceHost,
  type PortLike,
  type ServiceHostInit,
  type ToServiceHost,
  type TrainerKind,
} from '../common/service-host-protocol';
import type { Dispatch } from './dispatcher';

export interface HostProcess {
  postMessage(message: ToServiceHost, ports?: PortLike[]): void;
  onMessage(listener: (message: unknown) => void): void;
  onExit(listener: (code: number | null) => void): void;
  kill(): void;
}

/** The service host could not start; `error.file` names the file at fault when there is one. */
export class ServiceHostStartError extends Error {
  constructor(readonly error: FatalError) {
    super(error.message);
    this.name = 'ServiceHostStartError';
  }
}

/** A trainer started by the parent for the host: its port goes to the host, its exit is reported. */
export interface StartedTrainer {
  port: PortLike;
  pid?: number;
  onExit(listener: (code: number | null) => void): void;
  kill(): void;
}

export type TrainerStarter = (kind: TrainerKind) => StartedTrainer;

export type CloseOutcome = 'closed' | 'exited' | 'timeout';

export class ServiceHostClient {
  private nextId = 1;
  private readonly pending = new Map<number, (r: Result<unknown>) => void>();
  private readonly listeners = new Set<(e: LabEvent) => void>();
  private readonly trainers = new Map<number, StartedTrainer>();
  private exitCode: number | null | undefined;
  private readonly exitWaiters: (() => void)[] = [];
  private closedMessage = false;
  private readonly closedWaiters: (() => void)[] = [];
  private ready: Promise<FromServiceHost & { type: 'ready' }> | undefined;
  private resolveReady?: (m: FromServiceHost & { type: 'ready' }) => void;
  private rejectReady?: (e: Error) => void;

  constructor(
    private readonly host: HostProcess,
    private readonly startTrainer?: TrainerStarter,
  ) {
    host.onMessage((m) => {
      if (isFromServiceHost(m)) this.onMessage(m);
    });
    host.onExit((code) => this.onExit(code));
  }

  /** Initialise the host; resolves when the database is open, rejects with ServiceHostStartError otherwise. */
  start(init: ServiceHostInit): Promise<FromServiceHost & { type: 'ready' }> {
    this.ready ??= new Promise((resolve, reject) => {
      this.resolveReady = resolve;
      this.rejectReady = reject;
      this.host.postMessage({ type: 'init', init });
    });
    return this.ready;
  }

  readonly dispatch: Dispatch = (channel, payload) => {
    if (this.exitCode !== undefined || this.closedMessage) return Promise.resolve(fail('NotReady', 'Gradient Lab is closing'));
    const id = this.nextId++;
    return new Promise((resolve) => {
      this.pending.set(id, resolve);
      this.host.postMessage({ type: 'request', id, channel: typeof channel === 'string' ? channel : '', payload });
    });
  };

  onEvent(listener: (e: LabEvent) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /**
   * Ask the host to stop the running run and close the database; wait at most `timeoutMs`, then end the
   * process. Resolves with how it ended: 'closed' (clean), 'exited' (it was already gone), 'timeout' (killed).
   */
  async close(timeoutMs: number): Promise<CloseOutcome> {
    if (this.exitCode !== undefined) return 'exited';
    this.host.postMessage({ type: 'close' });
    let timer: NodeJS.Timeout | undefined;
    const outcome = await Promise.race<CloseOutcome>([
      new Promise((r) => this.closedWaiters.push(() => r('closed'))),
      new Promise((r) => this.exitWaiters.push(() => r('exited'))),
      new Promise((r) => (timer = setTimeout(() => r('timeout'), timeoutMs))),
    ]);
    clearTimeout(timer);
    if (outcome === 'timeout') this.host.kill();
    for (const t of this.trainers.values()) t.kill();
    return outcome;
  }

  private onMessage(m: FromServiceHost): void {
    switch (m.type) {
      case 'ready':
        this.resolveReady?.(m);
        return;
      case 'fatal':
        this.rejectReady?.(new ServiceHostStartError(m.error));
        return;
      case 'response':
        this.pending.get(m.id)?.(m.result);
        this.pending.delete(m.id);
        return;
      case 'event':
        for (const l of this.listeners) l(m.event);
        return;
      case 'closed':
        this.closedMessage = true;
        for (const w of this.closedWaiters.splice(0)) w();
        return;
      case 'trainer:launch':
        this.launchTrainer(m.id, m.kind);
        return;
      case 'trainer:kill':
        this.trainers.get(m.id)?.kill();
        return;
    }
  }

  private launchTrainer(id: number, kind: TrainerKind): void {
    let trainer: StartedTrainer;
    try {
      if (!this.startTrainer) throw new Error('this host cannot start trainers');
      trainer = this.startTrainer(kind);
    } catch (e) {
      this.host.postMessage({ type: 'trainer:exit', id, code: null, error: `spawn-failed: ${(e as Error).message}` });
      return;
    }
    this.trainers.set(id, trainer);
    trainer.onExit((code) => {
      this.trainers.delete(id);
      if (this.exitCode === undefined) this.host.postMessage({ type: 'trainer:exit', id, code });
    });
    this.host.postMessage({ type: 'trainer:port', id, ...(trainer.pid !== undefined ? { pid: trainer.pid } : {}) }, [trainer.port]);
  }

  private onExit(code: number | null): void {
    this.exitCode = code;
    for (const r of this.pending.values()) r(fail('HostExited', `The Gradient Lab service stopped (exit code ${code})`));
    this.pending.clear();
    this.rejectReady?.(new ServiceHostStartError({ name: 'HostExited', message: `The Gradient Lab service ended while starting (exit code ${code})` }));
    for (const w of this.exitWaiters.splice(0)) w();
    for (const t of this.trainers.values()) t.kill();
  }
}
