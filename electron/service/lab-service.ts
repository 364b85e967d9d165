// The lab service: the one place that runs experiments and answers the contract's methods. It knows nothing of
// Electron, WebSocket or the CLI; hosts give it a Launcher and a database path and forward requests to its
// handlers. Runs go through a one-at-a-time queue (run-queue.ts); reads live in run-queries.ts.
import { EventEmitter } from 'node:events';
import type { AppInfo, BackendProbe, KernelsProbe } from '../common/app-info';
import { ExperimentConfigSchema, type ExperimentConfigInput } from '../common/config';
import type { Handlers, LabEvent, MethodResponse, ParsedRequest } from '../common/contract';
import type { RunSummary } from '../common/runs';
import { isFromTrainer } from '../common/trainer-protocol';
import { parseOrThrow, ValidationError } from '../common/validation';
import { bundleFileName, exportBundle, parseBundle, writeBundle } from '../store/bundles';
import { csvChunks, runCsv, type CsvTable } from '../store/csv';
import { openStore, type Store } from '../store/store';
import type { Launcher } from './launcher';
import { HEARTBEAT_MS, ownerGone } from './liveness';
import { RunQueue } from './run-queue';
import { compareRuns, forgetRun, getRunDetail, requireRun } from './run-queries';
import { listRuns } from './run-list';

export interface LabServiceOptions {
  launcher: Launcher;
  version: string;
  locale: string;
  host: AppInfo['host'];
  /** The SQLite file of saved runs (created if missing; its folder must exist). */
  dbPath: string;
  /** Folder with the four MNIST IDX files, handed to the trainer. */
  mnistDir?: string;
  /** How long a backend probe may take before it is reported as failed. */
  probeTimeoutMs?: number;
  /** better-sqlite3's addon built for another runtime's ABI (the desktop app in development). */
  sqliteBinding?: string;
}

/** A run's state in the database does not allow the request (e.g. deleting a running run). */
export class RunStateError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'RunStateError';
  }
}

export class LabService {
  private readonly events = new EventEmitter();
  private probe: Promise<{ backends: BackendProbe[]; kernels: KernelsProbe }> | undefined;
  readonly store: Store;
  private readonly queue: RunQueue;
  private readonly heartbeat: NodeJS.Timeout;
  /** Runs marked 'interrupted' when this service opened the database. */
  readonly recovered: number[];

  constructor(private readonly options: LabServiceOptions) {
    this.events.setMaxListeners(100);
    this.store = openStore(options.dbPath, options.sqliteBinding);
    this.recovered = this.recoverInterrupted();
    this.queue = new RunQueue({ store: this.store, launcher: options.launcher, emit: (e) => this.emit(e), mnistDir: options.mnistDir });
    this.heartbeat = setInterval(() => this.beat(), HEARTBEAT_MS).unref();
  }

  /** Renew the heartbeat of our queued and running runs (a failed write is retried at the next beat). */
  private beat(): void {
    const { running, queued } = this.queue.state();
    try {
      this.store.runs.beat(running === null ? queued : [running, ...queued]);
    } catch {
      // The run's own writes report a full or read-only disk; a missed beat only ages the heartbeat.
    }
  }

  /** Subscribe to pushed events; returns the unsubscribe function. */
  onEvent(listener: (event: LabEvent) => void): () => void {
    this.events.on('event', listener);
    return () => this.events.off('event', listener);
  }

  protected emit(event: LabEvent): void {
    this.events.emit('event', event);
  }

  /**
   * Runs left queued or running by a host that is gone (crash, kill -9, power loss) become 'interrupted'. Runs
   * whose host still renews their heartbeat (another window or CLI on the same file) are left alone.
   */
  private recoverInterrupted(): number[] {
    const stale = this.store.runs.active().filter((r) => ownerGone(r, () => false));
    const now = new Date().toISOString();
    this.store.transaction(() => {
      for (const r of stale) {
        const duration = r.started_at ? (Date.parse(now) - Date.parse(r.started_at)) / 1000 : null;
        const error = r.status === 'running' ? 'The app ended while this run was training' : 'The app ended before this run started';
        this.store.runs.end(r.id, { status: 'interrupted', endedAt: now, durationSec: duration, error });
      }
    });
    return stale.map((r) => r.id);
  }

  /** Probe the backend ladder and the training kernels in a real trainer process (once; the answer is cached). */
  probeMachine(): Promise<{ backends: BackendProbe[]; kernels: KernelsProbe }> {
    this.probe ??= this.runProbe().catch((e: Error) => {
      this.probe = undefined;
      throw e;
    });
    return this.probe;
  }

  private runProbe(): Promise<{ backends: BackendProbe[]; kernels: KernelsProbe }> {
    const timeoutMs = this.options.probeTimeoutMs ?? 60_000;
    return new Promise((resolve, reject) => {
      const trainer = this.options.launcher.launch();
      const timer = setTimeout(() => {
        trainer.kill();
        reject(new Error(`The backend probe did not answer within ${timeoutMs / 1000} s`));
      }, timeoutMs);
      trainer.onMessage((m) => {
        if (!isFromTrainer(m)) return;
        if (m.type === 'ready') trainer.send({ type: 'probe' });
        if (m.type === 'probe-result') {
          clearTimeout(timer);
          trainer.send({ type: 'stop' });
          this.emit({ channel: 'app:backends', payload: m.backends });
          resolve({ backends: m.backends, kernels: m.kernels });
        }
      });
      trainer.onExit((code, signal) => {
        clearTimeout(timer);
        reject(new Error(`The trainer process ended before answering the probe (code ${code}, signal ${signal})`));
      });
    });
  }

  async appInfo(): Promise<AppInfo> {
    return {
      version: this.options.version,
      platform: process.platform,
      arch: process.arch,
      locale: this.options.locale,
      host: this.options.host,
      ...(await this.probeMachine()),
    };
  }

  /** Validate, save as 'queued' and queue a run; it starts when the run before it ends. */
  startRun(config: ExperimentConfigInput, name?: string): RunSummary {
    const parsed = parseOrThrow(ExperimentConfigSchema, config, 'config');
    const runId = this.store.write(() => this.store.runs.create({ config: parsed, name, appVersion: this.options.version, ownerPid: process.pid }));
    this.queue.enqueue(runId, parsed);
    return this.store.runs.get(runId)!;
  }

  stopRun(runId: number): RunSummary {
    const summary = requireRun(this.store, runId);
    if (!this.queue.stop(runId) && (summary.status === 'running' || summary.status === 'queued')) {
      throw new RunStateError(`Run ${runId} is ${summary.status} in another Gradient Lab window or command; stop it there`);
    }
    return this.store.runs.get(runId)!;
  }

  deleteRuns(runIds: number[]): { deleted: number } {
    const summaries = runIds.map((id) => requireRun(this.store, id));
    for (const s of summaries) {
      if (s.status === 'running' || (s.status === 'queued' && !this.queue.isOurs(s.id))) {
        throw new RunStateError(`Run ${s.id} ("${s.name}") is ${s.status}; stop it before deleting it`);
      }
    }
    for (const s of summaries) if (s.status === 'queued') this.queue.stop(s.id);
    const deleted = this.store.transaction(() => runIds.filter((id) => this.store.runs.delete(id)).length);
    runIds.forEach(forgetRun);
    this.emit({ channel: 'runs:changed', payload: { reason: 'deleted', runIds } });
    return { deleted };
  }

  updateRun(req: ParsedRequest<'run:update'>): RunSummary {
    requireRun(this.store, req.runId);
    this.store.runs.update(req.runId, req);
    this.emit({ channel: 'runs:changed', payload: { reason: 'updated', runIds: [req.runId] } });
    return this.store.runs.get(req.runId)!;
  }

  exportBundle(runIds: number[]): MethodResponse<'bundle:export'> {
    for (const id of runIds) requireRun(this.store, id);
    const data = exportBundle(this.store, runIds, this.options.version);
    return { fileName: bundleFileName(runIds), data: data.toString('base64'), bytes: data.length };
  }

  /** Import a bundle file's bytes; nothing is written unless the whole bundle is valid. */
  importBundle(data: Buffer, fileName: string): { runIds: number[] } {
    const bundle = parseBundle(data);
    const runIds = this.store.write(() => writeBundle(this.store, bundle, fileName));
    this.emit({ channel: 'runs:changed', payload: { reason: 'imported', runIds } });
    return { runIds };
  }

  /** A run's CSV table in chunks of lines, for hosts that write it to a file or pipe as it comes. */
  csvChunks(runId: number, table: CsvTable): Iterable<string> {
    requireRun(this.store, runId);
    return csvChunks(this.store, runId, table);
  }

  /** Resolves when no run is training (the queue may still hold none). */
  idle(): Promise<void> {
    return this.queue.idle();
  }

  /** The contract's handlers, bound to this service. */
  handlers(): Handlers {
    return {
      'app:info': () => this.appInfo(),
      'run:start': async (r) => this.startRun(r.config, r.name),
      'run:stop': async (r) => this.stopRun(r.runId),
      'run:list': async (r) => listRuns(this.store, r),
      'run:get': async (r) => getRunDetail(this.store, r.runId, r.maxPoints),
      'run:update': async (r) => this.updateRun(r),
      'run:delete': async (r) => this.deleteRuns(r.runIds),
      'run:compare': async (r) => compareRuns(this.store, r.runIds, r.maxPoints, r.gradientsOnly),
      'queue:get': async () => this.queue.state(),
      'queue:move': async (r) => {
        if (!this.queue.move(r.runId, r.to)) throw new ValidationError(`runId: run ${r.runId} is not waiting in the queue`);
        return this.queue.state();
      },
      'bundle:export': async (r) => this.exportBundle(r.runIds),
      'bundle:import': async (r) => {
        if (!/^[A-Za-z0-9+/]*={0,2}$/.test(r.data)) throw new ValidationError('data: the bundle must be base64-encoded');
        return this.importBundle(Buffer.from(r.data, 'base64'), r.fileName);
      },
      'run:csv': async (r) => {
        requireRun(this.store, r.runId);
        return runCsv(this.store, r.runId, r.table);
      },
      'run:predict': async (r) => {
        requireRun(this.store, r.runId);
        return this.store.write(() => this.store.probes.setPrediction(r.runId, r.prediction));
      },
    };
  }

  /** Stop the running run (it ends 'stopped'), mark queued ones interrupted, close the database. */
  async close(): Promise<void> {
    clearInterval(this.heartbeat);
    await this.queue.shutdown();
    this.store.close();
    this.events.removeAllListeners();
  }
}
