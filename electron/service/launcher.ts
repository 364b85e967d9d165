// How the service starts a trainer process without knowing which host it runs in: child_process.fork for the
// CLI and web host (fork-launcher.ts), Electron's utilityProcess in the desktop app (main/utility-launcher.ts).
import type { ToTrainer } from '../common/trainer-protocol';

export interface TrainerHandle {
  readonly pid: number | undefined;
  send(message: ToTrainer): void;
  onMessage(listener: (message: unknown) => void): void;
  /** Each listener is called once when the process ends, for whatever reason (also if it already has). */
  onExit(listener: (code: number | null, signal: string | null) => void): void;
  kill(): void;
}

export interface Launcher {
  launch(): TrainerHandle;
}

