// Pure preparation of the makemore part 3 overlays across runs in Compare: the probed steps of all runs as one
// scrubber, each run's probe nearest the chosen step, one hidden layer's histogram of every run, one layer's
// update:data over time per run, and each run's initial-loss check. No Svelte here, so it can be tested directly.
import { initialLossCheck } from '../../../../electron/common/diagnostics';
import type { LayerProbeRecord, ProbeLayerStats } from '../../../../electron/common/records';
import { hiddenOf, nearestProbe, shares, type ProbeLine } from '../train/diagnostics/probe-data';
import type { CompareRun } from './compare-data';

/** The basis of update:data: std-based as in makemore part 3, norm-based as in CS231n. */
export type UpdateBasis = 'std' | 'norm';

export const probesOf = (run: CompareRun): readonly LayerProbeRecord[] => run.detail.probes ?? [];

/** Every step at which at least one run has a probe, ascending: the positions of the shared scrubber. */
export function probeSteps(runs: readonly CompareRun[]): number[] {
  return [...new Set(runs.flatMap((r) => probesOf(r).map((p) => p.step)))].sort((a, b) => a - b);
}

/** The most hidden layers of any run: the layer picker's choices (1-based L1…Ln). */
export function hiddenSlots(runs: readonly CompareRun[]): number {
  return Math.max(0, ...runs.map((r) => hiddenOf(r.layers).length));
}

export interface RunProbeAt {
  run: CompareRun;
  /** The run's probe nearest the chosen step (null when it has none). */
  probe: LayerProbeRecord | null;
  /** That probe's statistics of the chosen hidden layer (null when the run has no such layer or no probe). */
  stats: ProbeLayerStats | null;
  /** The run has a hidden layer in the chosen slot. */
  hasLayer: boolean;
}

/** For each run: its probe nearest `step` and its `slot`-th hidden layer (0-based) there. */
export function probesAt(runs: readonly CompareRun[], slot: number, step: number): RunProbeAt[] {
  return runs.map((run) => {
    const ps = probesOf(run);
    const i = nearestProbe(ps, step);
    const probe = i >= 0 ? ps[i]! : null;
    const layer = hiddenOf(run.layers)[slot];
    return { run, probe, stats: probe && layer ? (probe.layers[layer.index] ?? null) : null, hasLayer: layer !== undefined };
  });
}

/** The histogram of h (act) or of ∂L/∂h (grad) as shares; empty without statistics. */
export function distributionShares(kind: 'act' | 'grad', s: ProbeLayerStats | null): number[] {
  return s ? shares(kind === 'act' ? s.actCounts : s.actGradCounts, s.total) : [];
}

/** update:data of the `slot`-th hidden layer of a run at each of its probes, std- or norm-based (null: exactly 0). */
export function updateLine(run: CompareRun, slot: number, basis: UpdateBasis): ProbeLine {
  const layer = hiddenOf(run.layers)[slot];
  return {
    key: run.id,
    colour: run.colour,
    dash: run.dash,
    label: run.name,
    pts: layer
      ? probesOf(run).map((p) => {
          const s = p.layers[layer.index];
          return [p.step, s ? (basis === 'std' ? s.updateToDataStd : s.updateToDataNorm) : null] as const;
        })
      : [],
  };
}

/** The initial-loss check of a run from its step-0 probe; classes from its output layer (null without one). */
export function initialLossOf(run: CompareRun): ReturnType<typeof initialLossCheck> & { classes: number } | null {
  const first = probesOf(run).find((p) => p.step === 0);
  if (!first) return null;
  const classes = run.layers.find((l) => l.output)?.units ?? 10;
  return { ...initialLossCheck(first.loss, classes), classes };
}
