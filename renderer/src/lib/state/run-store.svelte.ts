// The state of the run the Train view shows: live from run:progress/run:status events, or loaded from run:get.
// Events are buffered and applied at most once per animation frame, as new arrays (never deep proxies), so a
// 10-epoch × 469-step × 10-layer run stays cheap to draw.
import type { BackendName } from '../../../../electron/common/app-info';
import type { ExperimentConfig } from '../../../../electron/common/config';
import type { LabEvent } from '../../../../electron/common/contract';
import type { FinalMetrics, HistogramRecord, LayerInfo, LayerProbeRecord, LayerStats, Prediction } from '../../../../electron/common/records';
import type { RunDetail, RunProgress, RunProgressEvent, RunStatus, RunStatusEvent } from '../../../../electron/common/runs';
import type { EpochPoint } from '../../charts/chart-math';
import { recentStats, stepsPerEpoch, type RecentLayerStats } from './run-data';

export type Scheduler = (cb: () => void) => void;
type ProgressPayload = RunProgressEvent & { runId: number };

const defaultScheduler: Scheduler = (cb) =>
  typeof requestAnimationFrame === 'function' ? void requestAnimationFrame(() => cb()) : void setTimeout(cb, 16);

export class RunStore {
  runId = $state<number | null>(null);
  name = $state<string>('');
  status = $state<RunStatus | 'idle'>('idle');
  config = $state.raw<ExperimentConfig | null>(null);
  progress = $state.raw<RunProgress | null>(null);
  layers = $state.raw<LayerInfo[]>([]);
  backend = $state<BackendName | null>(null);
  /** The step engine the run trains with ('kernels', 'tfjs-ops', 'tape'), once it started. */
  engine = $state<string | null>(null);
  skipped = $state.raw<{ name: BackendName; reason: string }[]>([]);
  error = $state<string | null>(null);
  final = $state.raw<FinalMetrics | null>(null);
  predictions = $state.raw<Prediction[]>([]);
  steps = $state.raw<number[]>([]);
  loss = $state.raw<number[]>([]);
  acc = $state.raw<number[]>([]);
  statSteps = $state.raw<number[]>([]);
  layerStats = $state.raw<LayerStats[][]>([]);
  epochs = $state.raw<EpochPoint[]>([]);
  histograms = $state.raw<HistogramRecord[]>([]);
  recent = $state.raw<RecentLayerStats[] | null>(null);
  /** Layer probes (engine/train/layer-probe.ts), in step order. */
  probes = $state.raw<LayerProbeRecord[]>([]);
  /** true when the shown series come from a saved run (run:get), not a live stream. */
  saved = $state(false);
  /** How many times buffered events were applied (one per frame at most). */
  flushes = 0;

  #pending: ProgressPayload[] = [];
  #scheduled = false;
  /** Last step seen of each epoch (plain, not reactive: only read while flushing). */
  #epochEnd: number[] = [];
  /** Events of runs not followed yet (run:start resolves after the first events may have arrived). */
  #early: LabEvent[] = [];
  #schedule: Scheduler;

  #minIntervalMs: number;
  #lastFlush = -Infinity;

  /**
   * @param schedule when to apply buffered events (default: the next animation frame)
   * @param minIntervalMs at least this long between two applications (charts redraw ≤ 1000/minIntervalMs a second)
   */
  constructor(schedule: Scheduler = defaultScheduler, minIntervalMs = 0) {
    this.#schedule = schedule;
    this.#minIntervalMs = minIntervalMs;
  }

  /** Start following a run: clears everything and replays its events that arrived early. */
  follow(runId: number, config: ExperimentConfig | null, name = ''): void {
    this.#clear();
    this.runId = runId;
    this.config = config;
    this.name = name;
    this.status = 'queued';
    const early = this.#early.filter((e) => 'runId' in e.payload && e.payload.runId === runId);
    this.#early = [];
    for (const e of early) this.handle(e);
  }

  handle(event: LabEvent): void {
    if (event.channel !== 'run:progress' && event.channel !== 'run:status') return;
    const runId = event.payload.runId;
    if (runId !== this.runId) {
      this.#early.push(event);
      if (this.#early.length > 500) this.#early.splice(0, this.#early.length - 500);
      return;
    }
    if (event.channel === 'run:progress') {
      this.#pending.push(event.payload);
      this.#request();
    } else {
      this.flush();
      this.#applyStatus(event.payload);
    }
  }

  #request(): void {
    if (this.#scheduled) return;
    this.#scheduled = true;
    this.#schedule(() => {
      this.#scheduled = false;
      const wait = this.#lastFlush + this.#minIntervalMs - Date.now();
      if (wait > 0) return void setTimeout(() => this.#request(), wait);
      this.flush();
    });
  }

  /** Apply every buffered progress event at once. */
  flush(): void {
    this.#lastFlush = Date.now();
    const batch = this.#pending;
    if (batch.length === 0) return;
    this.#pending = [];
    this.flushes++;
    const steps = [...this.steps];
    const loss = [...this.loss];
    const acc = [...this.acc];
    const statSteps = [...this.statSteps];
    const layerStats = this.layerStats.map((s) => [...s]);
    const epochs = [...this.epochs];
    const histograms = [...this.histograms];
    const probes = [...this.probes];
    for (const ev of batch) {
      if (ev.started) {
        this.layers = ev.started.layers;
        this.backend = ev.started.backend;
        this.engine = ev.started.engine;
        this.skipped = ev.started.skipped;
      }
      this.progress = ev.progress;
      if (this.status === 'queued' || this.status === 'idle') this.status = ev.progress.status;
      for (const b of ev.batches) {
        steps.push(b.step);
        loss.push(b.loss);
        acc.push(b.acc);
        this.#epochEnd[b.epoch] = b.step;
        if (b.layers) {
          statSteps.push(b.step);
          for (const s of b.layers) (layerStats[s.layer] ??= []).push(s);
        }
      }
      for (const e of ev.epochs) epochs.push({ ...e, step: this.#epochEnd[e.epoch] ?? steps[steps.length - 1] ?? 0 });
      histograms.push(...ev.histograms);
      probes.push(...(ev.probes ?? []));
    }
    this.steps = steps;
    this.loss = loss;
    this.acc = acc;
    this.statSteps = statSteps;
    this.layerStats = layerStats;
    // Only hand charts a new array when something was added, so unchanged charts do not recompute.
    if (epochs.length !== this.epochs.length) this.epochs = epochs;
    if (histograms.length !== this.histograms.length) this.histograms = histograms;
    if (probes.length !== this.probes.length) this.probes = probes;
    this.recent = recentStats(layerStats);
  }

  #applyStatus(s: RunStatusEvent): void {
    this.status = s.status;
    if (s.error) this.error = s.error;
    if (s.final) this.final = s.final;
    if (s.predictions) this.predictions = s.predictions;
  }

  /** Show a saved run from its stored series. */
  load(detail: RunDetail): void {
    this.#clear();
    const { summary, series, config } = detail;
    this.runId = summary.id;
    this.name = summary.name;
    this.saved = true;
    this.status = summary.status;
    this.config = config;
    this.layers = detail.layers;
    this.backend = summary.backend;
    this.engine = summary.engine;
    this.skipped = summary.skipped;
    this.error = summary.error;
    this.final = summary.final;
    this.predictions = detail.predictions;
    this.steps = series.steps;
    this.loss = series.loss;
    this.acc = series.acc;
    this.statSteps = series.statSteps;
    this.layerStats = series.layerStats;
    this.histograms = detail.histograms;
    this.probes = detail.probes ?? [];
    const last = series.steps[series.steps.length - 1] ?? 0;
    const train = config.dataset.kind === 'toy-mortgage' ? undefined : config.dataset.trainSize;
    const spe = stepsPerEpoch(train, config.training.batchSize, last, detail.epochs.length);
    this.epochs = detail.epochs.map((e) => ({ ...e, step: Math.min(last, (e.epoch + 1) * spe - 1) }));
    this.recent = recentStats(series.layerStats);
    const done = summary.progress?.step ?? (series.steps.length ? last + 1 : 0);
    this.progress = {
      runId: summary.id,
      status: summary.status,
      step: done,
      totalSteps: summary.progress?.totalSteps ?? spe * config.training.epochs,
      epoch: Math.min(config.training.epochs - 1, Math.floor(Math.max(0, done - 1) / spe)),
      epochs: config.training.epochs,
      samplesPerSec: detail.epochs.at(-1)?.samplesPerSec ?? null,
      etaSec: null,
    };
  }

  #clear(): void {
    this.#pending = [];
    this.#epochEnd = [];
    this.runId = null;
    this.name = '';
    this.status = 'idle';
    this.config = null;
    this.progress = null;
    this.layers = [];
    this.backend = null;
    this.engine = null;
    this.skipped = [];
    this.error = null;
    this.final = null;
    this.predictions = [];
    this.steps = [];
    this.loss = [];
    this.acc = [];
    this.statSteps = [];
    this.layerStats = [];
    this.epochs = [];
    this.histograms = [];
    this.probes = [];
    this.recent = null;
    this.saved = false;
  }

  /** Planned steps of the run, for fixed x axes. */
  get totalSteps(): number {
    return this.progress?.totalSteps ?? 0;
  }
}

/** The one store the Train view uses; it outlives view switches so a live run keeps its history. */
export const currentRun = new RunStore(defaultScheduler, 100);
