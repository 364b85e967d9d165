// The state of the run the Train view shows: live from run:progress/run:status events, or loaded from run:get.
// Events are buffered and applied at most once per animation frame, as new arrays (never deep proxies), so a
// 10-epoch × 469-step × 10-layer run stays cheap to draw; past LIVE_CAP points the live series thin themselves.
import type { BackendName } from '../../../../electron/common/app-info';
import type { ExperimentConfig } from '../../../../electron/common/config';
import type { LabEvent } from '../../../../electron/common/contract';
import type { FinalMetrics, HistogramRecord, LayerInfo, LayerProbeRecord, LayerStats, Prediction, TimeStats } from '../../../../electron/common/records';
import type { RunDetail, RunProgress, RunProgressEvent, RunStatus, RunStatusEvent } from '../../../../electron/common/runs';
import type { EpochPoint } from '../../charts/chart-math';
import { halveOver, recentStats, stepsPerEpoch, type RecentLayerStats } from './run-data';

/** Most points of a live series kept in memory (charts draw at most a few hundred to a few thousand). */
export const LIVE_CAP = 3000;

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
  /** Per step, beside `steps`: ‖g‖ before clipping (NaN where a step did not record it). */
  gradNorm = $state.raw<number[]>([]);
  /** With clipping on, per step: ‖g‖ applied and whether the step was clipped (empty otherwise). */
  clippedGradNorm = $state.raw<number[]>([]);
  clipped = $state.raw<boolean[]>([]);
  /** With clipping on: clipped steps of all recorded steps (a saved run counts every step, not the thinned series). */
  clipCount = $state.raw<{ clippedSteps: number; steps: number } | null>(null);
  /** Per point of a thinned saved series, the range of the batches it stands for (live points come after it). */
  envelope = $state.raw<RunDetail['series']['envelope']>(undefined);
  /** true while a coarse series is shown and the full one is on its way (progressive loading). */
  coarse = $state(false);
  /** Layer probes (engine/train/layer-probe.ts), in step order. */
  probes = $state.raw<LayerProbeRecord[]>([]);
  /** Recurrent runs: the statistics steps with ‖∂E/∂h_t‖ per time step, and those values (timeStats[i] at timeSteps[i]). */
  timeSteps = $state.raw<number[]>([]);
  timeStats = $state.raw<TimeStats[]>([]);
  /** A diverged run: the step it diverged at, as the service saved it (null until the run says so). */
  divergedStep = $state<number | null>(null);
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
  /** Live events applied since a coarse load, kept until the finer series of the same run replaces it. */
  #sinceLoad: ProgressPayload[] | null = null;

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
    this.#sinceLoad?.push(...batch);
    const steps = [...this.steps];
    const loss = [...this.loss];
    const acc = [...this.acc];
    const statSteps = [...this.statSteps];
    const layerStats = this.layerStats.map((s) => [...s]);
    const epochs = [...this.epochs];
    const histograms = [...this.histograms];
    const gradNorm = [...this.gradNorm];
    const clippedGradNorm = [...this.clippedGradNorm];
    const clipped = [...this.clipped];
    let clipCount = this.clipCount;
    const probes = [...this.probes];
    const timeSteps = [...this.timeSteps];
    const timeStats = [...this.timeStats];
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
        gradNorm.push(b.gradNorm ?? NaN);
        if (b.clipped !== undefined) {
          clippedGradNorm.push(b.clippedGradNorm ?? NaN);
          clipped.push(b.clipped);
          clipCount = { clippedSteps: (clipCount?.clippedSteps ?? 0) + (b.clipped ? 1 : 0), steps: (clipCount?.steps ?? 0) + 1 };
        }
        if (b.layers) {
          statSteps.push(b.step);
          for (const s of b.layers) (layerStats[s.layer] ??= []).push(s);
        }
        if (b.time) {
          timeSteps.push(b.step);
          timeStats.push(b.time);
        }
      }
      for (const e of ev.epochs) epochs.push({ ...e, step: this.#epochEnd[e.epoch] ?? steps[steps.length - 1] ?? 0 });
      histograms.push(...ev.histograms);
      probes.push(...(ev.probes ?? []));
    }
    // A loaded envelope belongs to the points as loaded: once they are thinned it no longer lines up.
    if (halveOver(LIVE_CAP, steps, loss, acc)) this.envelope = undefined;
    halveOver(LIVE_CAP, statSteps, ...layerStats);
    this.steps = steps;
    this.loss = loss;
    this.acc = acc;
    this.statSteps = statSteps;
    this.layerStats = layerStats;
    this.gradNorm = gradNorm;
    this.clippedGradNorm = clippedGradNorm;
    this.clipped = clipped;
    this.clipCount = clipCount;
    // Only hand charts a new array when something was added, so unchanged charts do not recompute.
    if (epochs.length !== this.epochs.length) this.epochs = epochs;
    if (histograms.length !== this.histograms.length) this.histograms = histograms;
    if (probes.length !== this.probes.length) this.probes = probes;
    this.recent = recentStats(layerStats);
    if (timeSteps.length !== this.timeSteps.length) {
      this.timeSteps = timeSteps;
      this.timeStats = timeStats;
    }
  }

  #applyStatus(s: RunStatusEvent): void {
    this.status = s.status;
    if (s.error) this.error = s.error;
    if (s.divergedStep !== undefined) this.divergedStep = s.divergedStep;
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
    this.divergedStep = summary.divergedStep ?? null;
    this.final = summary.final;
    this.predictions = detail.predictions;
    this.steps = series.steps;
    this.loss = series.loss;
    this.acc = series.acc;
    this.statSteps = series.statSteps;
    this.layerStats = series.layerStats;
    this.envelope = series.envelope;
    this.histograms = detail.histograms;
    this.gradNorm = series.gradNorm ?? [];
    this.clippedGradNorm = series.clippedGradNorm ?? [];
    this.clipped = series.clipped ?? [];
    this.clipCount = detail.clipping ?? null;
    this.probes = detail.probes ?? [];
    this.timeSteps = (detail.timeStats ?? []).map((t) => t.step);
    this.timeStats = (detail.timeStats ?? []).map((t) => t.time);
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

  /**
   * Show a coarse series of a saved or running run at once, keeping what streams in meanwhile, so that `refine`
   * can swap in the finer series without losing a step (progressive loading).
   */
  loadCoarse(detail: RunDetail): void {
    this.load(detail);
    this.#sinceLoad = [];
    this.coarse = true;
  }

  /**
   * Replace the coarse series by the finer one of the same run: live records newer than what it holds are
   * applied again on top, and the progress never goes back.
   */
  refine(detail: RunDetail): void {
    if (detail.summary.id !== this.runId) return;
    const live = this.#sinceLoad ?? [];
    const pending = this.#pending;
    const { status, progress, final, error, predictions, layers, divergedStep } = this;
    this.load(detail);
    this.#sinceLoad = null;
    if (status !== 'queued' && status !== 'idle') this.status = status;
    if ((progress?.step ?? -1) > (this.progress?.step ?? -1)) this.progress = progress;
    this.final ??= final;
    this.error ??= error;
    this.divergedStep ??= divergedStep;
    if (!this.predictions.length) this.predictions = predictions;
    if (!this.layers.length) this.layers = layers;
    const lastStep = this.steps[this.steps.length - 1] ?? -1;
    const lastEpoch = detail.epochs[detail.epochs.length - 1]?.epoch ?? -1;
    const lastHist = this.histograms[this.histograms.length - 1]?.step ?? -1;
    const newer = live.map((ev) => ({
      ...ev,
      batches: ev.batches.filter((b) => b.step > lastStep),
      epochs: ev.epochs.filter((e) => e.epoch > lastEpoch),
      histograms: ev.histograms.filter((h) => h.step > lastHist),
    }));
    this.#pending = [...newer.filter((ev) => ev.batches.length || ev.epochs.length || ev.histograms.length), ...pending];
    this.flush();
    if ((progress?.step ?? -1) > (this.progress?.step ?? -1)) this.progress = progress;
  }

  #clear(): void {
    this.#sinceLoad = null;
    this.coarse = false;
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
    this.divergedStep = null;
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
    this.gradNorm = [];
    this.clippedGradNorm = [];
    this.clipped = [];
    this.clipCount = null;
    this.envelope = undefined;
    this.timeSteps = [];
    this.timeStats = [];
    this.saved = false;
  }

  /**
   * The step a diverged run diverged at: the saved one; for runs saved before it was kept, the step after the
   * last one shown (a thinned series may end well before it, hence the saved step first). undefined otherwise.
   */
  get divergedAt(): number | undefined {
    if (this.status !== 'diverged') return undefined;
    if (this.divergedStep !== null) return this.divergedStep;
    return this.steps.length ? this.steps[this.steps.length - 1]! + 1 : (this.progress?.step ?? 0);
  }

  /** Planned steps of the run, for fixed x axes. */
  get totalSteps(): number {
    return this.progress?.totalSteps ?? 0;
  }
}

/** The one store the Train view uses; it outlives view switches so a live run keeps its history. */
export const currentRun = new RunStore(defaultScheduler, 100);
