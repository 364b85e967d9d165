// Launcher for the service host inside the desktop app: the host cannot start a trainer itself (with the
// RunAsNode fuse off a utility process cannot fork Electron-as-Node), so it asks main to (`trainer:launch`).
// Main answers with the trainer's MessagePort (`trainer:port`) and, later, its exit (`trainer:exit`). The
// handle buffers what the queue sends until the port arrives.
import type { FromServiceHost, PortLike, TrainerKind } from '../common/service-host-protocol';
import type { ToTrainer } from '../common/trainer-protocol';
import type { Launcher, TrainerHandle } from './launcher';

interface Pending {
  port?: PortLike;
  pid?: number;
  outbox: ToTrainer[];
  messageListeners: ((m: unknown) => void)[];
  exitListeners: ((code: number | null, signal: string | null) => void)[];
  exited?: [number | null, string | null];
}

export class RelayLauncher implements Launcher {
  private nextId = 1;
  private readonly trainers = new Map<number, Pending>();

  constructor(
    private readonly sendToParent: (m: FromServiceHost) => void,
    private readonly kind: TrainerKind = 'node',
  ) {}

  /** Ask the parent for a trainer of `kind` (the desktop app's ladder picks one per run, window-ladder.ts). */
  launch(kind: TrainerKind = this.kind): TrainerHandle {
    const id = this.nextId++;
    const t: Pending = { outbox: [], messageListeners: [], exitListeners: [] };
    this.trainers.set(id, t);
    this.sendToParent({ type: 'trainer:launch', id, kind });
    return {
      get pid() {
        return t.pid;
      },
      send: (message) => {
        if (t.exited) return;
        if (t.port) t.port.postMessage(message);
        else t.outbox.push(message);
      },
      onMessage: (listener) => {
        t.messageListeners.push(listener);
      },
      onExit: (listener) => {
        t.exitListeners.push(listener);
        if (t.exited) listener(...t.exited);
      },
      kill: () => {
        if (!t.exited) this.sendToParent({ type: 'trainer:kill', id });
      },
    };
  }

  /** Main started trainer `id`: connect its port and deliver what was waiting. */
  connected(id: number, port: PortLike | undefined, pid?: number): void {
    const t = this.trainers.get(id);
    if (!t || t.exited) {
      port?.close();
      return;
    }
    if (!port) {
      this.exited(id, null, 'no port');
      return;
    }
    t.port = port;
    t.pid = pid;
    port.on('message', (e) => {
      for (const l of t.messageListeners) l(e.data);
    });
    port.start();
    for (const m of t.outbox.splice(0)) port.postMessage(m);
  }

  /** Trainer `id` ended (code), or could not start (signal names why). */
  exited(id: number, code: number | null, signal: string | null = null): void {
    const t = this.trainers.get(id);
    if (!t || t.exited) return;
    t.exited = [code, signal];
    this.trainers.delete(id);
    t.port?.close();
    for (const l of t.exitListeners) l(code, signal);
  }
}
