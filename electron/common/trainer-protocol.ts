// Messages between the lab service and a trainer process (child_process.fork or Electron's utilityProcess).
// Both sides type their messages from here; the service checks every incoming message with `isFromTrainer`.
import type { BackendName, BackendProbe } from './app-info';

/** Parent → trainer. */
export type ToTrainer =
  | { type: 'probe' }
  | { type: 'stop' };

/** Trainer → parent. */
export type FromTrainer =
  | { type: 'ready'; pid: number }
  | { type: 'probe-result'; backends: BackendProbe[] }
  | { type: 'log'; message: string };

export type { BackendName };

const FROM_TRAINER_TYPES = new Set<FromTrainer['type']>(['ready', 'probe-result', 'log']);

/** Cheap structural check of a message arriving from a trainer process. */
export function isFromTrainer(x: unknown): x is FromTrainer {
  return (
    typeof x === 'object' &&
    x !== null &&
    typeof (x as { type?: unknown }).type === 'string' &&
    FROM_TRAINER_TYPES.has((x as { type: FromTrainer['type'] }).type)
  );
}
