// A run's records gathered into the evidence the paper claims read (paper-claims.ts): per-layer statistics
// turned from one array per step into one series per layer, losses, epoch accuracies and layer probes. Used
// where records arrive one by one (the results script, the tests); the run store already holds these series.
import type { ExperimentConfig } from './config';
import type { RunEvidence } from './paper-claims';
import type { BatchRecord, EpochRecord, LayerProbeRecord, LayerStats } from './records';

export function evidenceFromRecords(
  config: ExperimentConfig,
  records: { batches: readonly BatchRecord[]; epochs: readonly EpochRecord[]; probes?: readonly LayerProbeRecord[] },
  finished: boolean,
): RunEvidence {
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
  };
}
