// A run's records gathered into the evidence the paper claims read (paper-claims.ts): per-layer statistics
// turned from one array per step into one series per layer, losses, epoch accuracies, layer probes and, for the
// recurrent claims, ‖∂E/∂h_t‖ per time step, ‖g‖ of every step and what clipping did. Used
// where records arrive one by one (the results script, the tests); the run store already holds these series.
import type { ExperimentConfig } from './config';
import type { RunEvidence } from './paper-claims';
import type { BatchRecord, EpochRecord, LayerProbeRecord, LayerStats } from './records';

export function evidenceFromRecords(
  config: ExperimentConfig,
  records: { batches: readonly BatchRecord[]; epochs: readonly EpochRecord[]; probes?: readonly LayerProbeRecord[] },
  finished: boolean,
  diverged = false,
): RunEvidence {
  const withTime = records.batches.filter((b) => b.time);
  const clipping = records.batches.some((b) => b.clipped !== undefined);
  const withStats = records.batches.filter((b) => b.layers);
  const layers = withStats[0]?.layers?.length ?? 0;
  const layerStats: LayerStats[][] = Array.from({ length: layers }, (_, l) => withStats.map((b) => b.layers![l]!));
  return {
    config,
    statSteps: withStats.map((b) => b.step),
    layerStats,
    steps: records.batches.map((b) => b.step),
    loss: records.batches.map((b) => b.loss),
    epochs: records.epochs.map((e) => ({ testAcc: e.testAcc })),
    probes: records.probes,
    finished,
    ...(withTime.length ? { timeSteps: withTime.map((b) => b.step), timeStats: withTime.map((b) => b.time!) } : {}),
    gradNorm: records.batches.map((b) => b.gradNorm ?? NaN),
    ...(clipping ? { clippedGradNorm: records.batches.map((b) => b.clippedGradNorm ?? NaN), clipped: records.batches.map((b) => b.clipped ?? false) } : {}),
    diverged,
  };
}
