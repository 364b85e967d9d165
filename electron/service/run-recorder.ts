// Records one running run: buffers the trainer's stream and writes it in one transaction at most every 250 ms
// (and at the end), and pushes 'run:progress' events at most 20 times a second carrying the records that
// arrived since the last event plus step, epoch, samples/s and ETA.
import type { LabEvent } from '../common/contract';
import type { BatchRecord, EpochRecord, HistogramRecord, LayerProbeRecord, TrainRecord } from '../common/records';
import type { RunProgress, RunProgressEvent } from '../common/runs';
import type { StartedMessage } from '../common/trainer-protocol';
import type { Store } from '../store/store';

export const FLUSH_MS = 250;
export const PROGRESS_MS = 50;
/** Newest batch records one progress event carries at most (a stalled event loop must not build huge events). */
const MAX_EVENT_BATCHES = 500;

export class RunRecorder {
  private write = { batches: [] as BatchRecord[], epochs: [] as EpochRecord[], histograms: [] as HistogramRecord[], probes: [] as LayerProbeRecord[] };
  private event = { batches: [] as BatchRecord[], epochs: [] as EpochRecord[], histograms: [] as HistogramRecord[], probes: [] as LayerProbeRecord[] };
  private started: RunProgressEvent['started'];
  private flushTimer: NodeJS.Timeout | undefined;
  private emitTimer: NodeJS.Timeout | undefined;
  private lastEmit = 0;
  private firstBatch: { step: number; at: number } | undefined;
  private finished = false;
  readonly progress: RunProgress;

  constructor(
    private readonly store: Store,
    readonly runId: number,
    private readonly batchSize: number,
    epochs: number,
    private readonly emit: (e: LabEvent) => void,
    /** A timed flush the database refused (disk full, ...): the queue ends the run with the reason. */
    private readonly onWriteError: (e: Error) => void = () => {},
  ) {
    this.progress = { runId, status: 'running', step: 0, totalSteps: 0, epoch: 0, epochs, samplesPerSec: null, etaSec: null };
  }

  onStarted(m: StartedMessage): void {
    this.store.write(() => this.store.runs.setStarted(this.runId, { backend: m.backend, engine: m.engine, skipped: m.skipped, layers: m.layers, totalSteps: m.totalSteps }));
    this.progress.totalSteps = m.totalSteps;
    this.started = { layers: m.layers, backend: m.backend, engine: m.engine, skipped: m.skipped };
    this.scheduleEmit();
  }

  push(r: TrainRecord): void {
    if (this.finished) return;
    switch (r.type) {
      case 'batch':
        this.write.batches.push(r);
        this.event.batches.push(r);
        if (this.event.batches.length > MAX_EVENT_BATCHES) this.event.batches.shift();
        this.onBatch(r);
        break;
      case 'epoch':
        this.write.epochs.push(r);
        this.event.epochs.push(r);
        break;
      case 'histogram':
        this.write.histograms.push(r);
        this.event.histograms.push(r);
        break;
      case 'layer-probe':
        this.write.probes.push(r);
        this.event.probes.push(r);
        break;
    }
    this.flushTimer ??= setTimeout(() => this.timedFlush(), FLUSH_MS);
    this.scheduleEmit();
  }

  private onBatch(b: BatchRecord): void {
    const now = performance.now();
    const p = this.progress;
    p.step = b.step + 1;
    p.epoch = b.epoch;
    if (!this.firstBatch) {
      this.firstBatch = { step: b.step, at: now };
      return;
    }
    const secs = (now - this.firstBatch.at) / 1000;
    const stepsPerSec = secs > 0 ? (b.step - this.firstBatch.step) / secs : 0;
    if (stepsPerSec > 0) {
      p.samplesPerSec = stepsPerSec * this.batchSize;
      p.etaSec = Math.max(0, (p.totalSteps - p.step) / stepsPerSec);
    }
  }

  // A throw from a timer callback would be an uncaught exception that takes the whole host down.
  private timedFlush(): void {
    try {
      this.flush();
    } catch (e) {
      this.onWriteError(e as Error);
    }
  }

  /** Write everything buffered, in one transaction (records the database refuses are dropped, not retried). */
  flush(): void {
    clearTimeout(this.flushTimer);
    this.flushTimer = undefined;
    const w = this.write;
    if (!w.batches.length && !w.epochs.length && !w.histograms.length && !w.probes.length) return;
    this.write = { batches: [], epochs: [], histograms: [], probes: [] };
    this.store.write(() =>
      this.store.transaction(() => {
        this.store.metrics.append(this.runId, w);
        this.store.probes.append(this.runId, w.probes);
      }),
    );
  }

  private scheduleEmit(): void {
    if (this.emitTimer || this.finished) return;
    const delay = Math.max(0, this.lastEmit + PROGRESS_MS - performance.now());
    this.emitTimer = setTimeout(() => this.emitProgress(), delay);
  }

  private emitProgress(): void {
    clearTimeout(this.emitTimer);
    this.emitTimer = undefined;
    this.lastEmit = performance.now();
    const payload = { runId: this.runId, progress: { ...this.progress }, ...this.event, ...(this.started ? { started: this.started } : {}) };
    this.event = { batches: [], epochs: [], histograms: [], probes: [] };
    this.started = undefined;
    this.emit({ channel: 'run:progress', payload });
  }

  /**
   * Flush and send the last progress event; the recorder takes nothing after this. Throws (after the event
   * went out) if the last flush failed.
   */
  finish(): void {
    if (this.finished) return;
    let failure: unknown;
    try {
      this.flush();
    } catch (e) {
      failure = e;
    }
    this.emitProgress();
    this.finished = true;
    this.progress.etaSec = 0;
    if (failure) throw failure;
  }
}
