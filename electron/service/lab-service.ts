// The lab service: the one place that runs experiments and answers the contract's methods. It knows nothing of
// Electron, WebSocket or the CLI; hosts give it a Launcher and forward requests to its handlers.
import { EventEmitter } from 'node:events';
import type { AppInfo, BackendProbe } from '../common/app-info';
import type { Handlers, LabEvent } from '../common/contract';
import { isFromTrainer } from '../common/trainer-protocol';
import type { Launcher } from './launcher';

export interface LabServiceOptions {
  launcher: Launcher;
  version: string;
  locale: string;
  host: AppInfo['host'];
  /** How long a backend probe may take before it is reported as failed. */
  probeTimeoutMs?: number;
}

export class LabService {
  private readonly events = new EventEmitter();
  private probe: Promise<BackendProbe[]> | undefined;

  constructor(private readonly options: LabServiceOptions) {}

  /** Subscribe to pushed events; returns the unsubscribe function. */
  onEvent(listener: (event: LabEvent) => void): () => void {
    this.events.on('event', listener);
    return () => this.events.off('event', listener);
  }

  protected emit(event: LabEvent): void {
    this.events.emit('event', event);
  }

  /** Probe the backend ladder in a real trainer process (once; the answer is cached). */
  probeBackends(): Promise<BackendProbe[]> {
    this.probe ??= this.runProbe().catch((e: Error) => {
      this.probe = undefined;
      throw e;
    });
    return this.probe;
  }

  private runProbe(): Promise<BackendProbe[]> {
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
          resolve(m.backends);
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
      backends: await this.probeBackends(),
    };
  }

  /** The contract's handlers, bound to this service. */
  handlers(): Handlers {
    const notYet = (what: string) => async (): Promise<never> => {
      throw new Error(`${what} is not built yet`);
    };
    return {
      'app:info': () => this.appInfo(),
      'run:start': notYet('Starting runs'),
      'run:stop': notYet('Stopping runs'),
      'run:list': notYet('Listing runs'),
      'run:get': notYet('Opening runs'),
      'run:update': notYet('Editing runs'),
      'run:delete': notYet('Deleting runs'),
      'run:compare': notYet('Comparing runs'),
      'queue:get': notYet('The run queue'),
    };
  }

  async close(): Promise<void> {
    this.events.removeAllListeners();
  }
}
