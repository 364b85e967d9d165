// The one sweep this window is running: which runs it queued, how far each got, stopping them all, and opening
// the comparison when every run has finished. Lives for the app's lifetime so History and Compare both show it.
import type { ExperimentConfig } from '../../../../electron/common/config';
import type { LabEvent } from '../../../../electron/common/contract';
import type { Preset, PresetFamily } from '../../../../electron/common/presets';
import { FINISHED_STATUSES, RUN_LIMITS, type RunStatus } from '../../../../electron/common/runs';
import { lab } from '../../lib/api';
import { i18n, t } from '../../lib/i18n/i18n.svelte';
import { compareHash } from '../compare/compare-data';
import { QUICK_DEFAULT, familyPresets, sweepConfig, type QuickSizes } from './sweep';

export interface SweepRun {
  /** The preset it ran, or the grid point ("lr=0.01 · seed=2") of a grid sweep. */
  presetId: string;
  runId: number;
  name: string;
  /** The preset it is filed under (a default name is shown as that preset's name). */
  preset: string | null;
  status: RunStatus;
  step: number;
  totalSteps: number;
  error: string | null;
}

class SweepStore {
  family = $state<PresetFamily | null>(null);
  /** The sweep is a grid from the Train view (shown there), not a family of presets. */
  grid = $state(false);
  runs = $state<SweepRun[]>([]);
  starting = $state(false);
  stopped = $state(false);
  error = $state<string | null>(null);
  /** The teacher's quick-mode choice, kept while they move between views. */
  quick = $state(true);
  sizes = $state<QuickSizes>({ ...QUICK_DEFAULT });
  /** Open the comparison on its own when the last run ends (off once the user stopped the sweep). */
  autoOpen = true;
  private subscribed = false;
  private opened = false;
  /** Statuses of runs whose start answer has not come back yet (the first run starts at once). */
  private early = new Map<number, RunStatus>();

  get active(): boolean {
    return this.starting || this.runs.some((r) => !FINISHED_STATUSES.includes(r.status));
  }

  get done(): boolean {
    return !this.starting && this.runs.length > 0 && this.runs.every((r) => FINISHED_STATUSES.includes(r.status));
  }

  get finishedCount(): number {
    return this.runs.filter((r) => FINISHED_STATUSES.includes(r.status)).length;
  }

  /** Share of all planned steps done, 0–1. */
  get fraction(): number {
    const total = this.runs.reduce((a, r) => a + Math.max(1, r.totalSteps), 0);
    const done = this.runs.reduce((a, r) => a + (FINISHED_STATUSES.includes(r.status) ? Math.max(1, r.totalSteps) : r.step), 0);
    return total ? done / total : 0;
  }

  /** The sweep's finished runs (all of them once it is done), as many as one comparison takes; a run taken off
   *  the queue before it started has nothing to compare and is left out. */
  compareIds(): number[] {
    return this.runs
      .filter((r) => FINISHED_STATUSES.includes(r.status) && (r.status !== 'stopped' || r.step > 0))
      .map((r) => r.runId)
      .slice(0, RUN_LIMITS.compareMax);
  }

  /** Queue every preset of the family, in order (the host runs one at a time). */
  async start(family: PresetFamily, quick: QuickSizes | null): Promise<void> {
    if (this.active) return;
    this.family = family;
    await this.startPresets(familyPresets(family), quick);
  }

  /** Queue the runs of a grid (see electron/common/grid.ts), in order; Compare opens on all of them at the end. */
  async startGrid(runs: readonly { key: string; request: { config: ExperimentConfig; name?: string } }[]): Promise<void> {
    if (this.active) return;
    this.family = null;
    await this.startRequests(runs, true);
  }

  /** Queue these presets, in order (a paper preset beside its remedy, or a whole family). */
  async startPresets(presets: readonly Preset[], quick: QuickSizes | null): Promise<void> {
    if (this.active) return;
    const runs = presets.map((preset) => ({
      key: preset.id,
      request: { config: sweepConfig(preset, quick), name: preset.name[i18n.locale] + (quick ? t('sweep.quickSuffix') : '') },
    }));
    await this.startRequests(runs, false);
  }

  private async startRequests(runs: readonly { key: string; request: { config: ExperimentConfig; name?: string } }[], grid: boolean): Promise<void> {
    this.subscribe();
    this.grid = grid;
    this.runs = [];
    this.stopped = false;
    this.opened = false;
    this.error = null;
    this.early.clear();
    this.starting = true;
    try {
      for (const { key, request } of runs) {
        if (this.stopped) break;
        const s = await lab().call('run:start', request);
        const status = this.early.get(s.id) ?? s.status;
        this.runs.push({ presetId: key, runId: s.id, name: s.name, preset: s.preset, status, step: s.progress?.step ?? 0, totalSteps: s.progress?.totalSteps ?? 0, error: s.error });
      }
    } catch (e) {
      this.error = (e as Error).message;
    } finally {
      this.starting = false;
    }
    this.maybeOpen();
  }

  /** Stop the running run and take the queued ones off the queue. */
  async stop(): Promise<void> {
    this.stopped = true;
    const errors: string[] = [];
    for (const r of this.runs.filter((x) => !FINISHED_STATUSES.includes(x.status))) {
      try {
        const s = await lab().call('run:stop', { runId: r.runId });
        r.status = s.status;
      } catch (e) {
        errors.push((e as Error).message);
      }
    }
    this.error = errors.length ? errors.join('; ') : null;
  }

  handle(e: LabEvent): void {
    if (e.channel === 'run:progress') {
      const r = this.runs.find((x) => x.runId === e.payload.runId);
      if (r) {
        r.step = e.payload.progress.step;
        r.totalSteps = e.payload.progress.totalSteps;
        if (!FINISHED_STATUSES.includes(r.status)) r.status = e.payload.progress.status;
      }
    } else if (e.channel === 'run:status') {
      const r = this.runs.find((x) => x.runId === e.payload.runId);
      if (!r && this.starting) this.early.set(e.payload.runId, e.payload.status);
      if (r) {
        r.status = e.payload.status;
        r.error = e.payload.error ?? r.error;
        if (e.payload.status === 'completed') r.step = r.totalSteps;
        this.maybeOpen();
      }
    }
  }

  private subscribe(): void {
    if (this.subscribed) return;
    this.subscribed = true;
    lab().onEvent((e) => this.handle(e));
  }

  private maybeOpen(): void {
    if (!this.done || this.stopped || this.opened || !this.autoOpen || this.runs.length < RUN_LIMITS.compareMin) return;
    this.opened = true;
    location.hash = compareHash(this.compareIds());
  }
}

export const sweep = new SweepStore();
