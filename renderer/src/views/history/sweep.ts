// The "seed + remedies" and "deep family" sweeps: which presets each queues, and the workshop "quick" variant
// (a small class-balanced MNIST subset and few epochs, so 30 laptops finish in minutes). Pure, no Svelte.
import type { ExperimentConfig } from '../../../../electron/common/config';
import { LIMITS } from '../../../../electron/common/config';
import { PRESETS, type Preset, type PresetFamily } from '../../../../electron/common/presets';

export interface QuickSizes {
  trainSize: number;
  testSize: number;
  epochs: number;
}

/** What "quick" means unless the teacher changes it: about a minute per run on a laptop. */
export const QUICK_DEFAULT: QuickSizes = { trainSize: 5000, testSize: 1000, epochs: 3 };

export const SWEEP_LIMITS = {
  trainSize: LIMITS.mnistTrain,
  testSize: LIMITS.mnistTest,
  epochs: LIMITS.epochs,
} as const;

/** The family's presets in the order they are queued: the problem first, then each remedy. */
export function familyPresets(family: PresetFamily): Preset[] {
  return PRESETS.filter((p) => p.family === family);
}

/** A quick size that is out of range, or null when all three are fine. */
export function quickError(q: QuickSizes): keyof QuickSizes | null {
  for (const k of ['trainSize', 'testSize', 'epochs'] as const) {
    const v = q[k];
    const { min, max } = SWEEP_LIMITS[k];
    if (!Number.isInteger(v) || v < min || v > max) return k;
  }
  return null;
}

/** The preset's config, shrunk to the quick sizes when asked (the model and optimizer stay exactly as set). */
export function sweepConfig(preset: Preset, quick: QuickSizes | null): ExperimentConfig {
  const c = preset.config;
  if (!quick || c.dataset.kind !== 'mnist') return c;
  return {
    ...c,
    dataset: { ...c.dataset, trainSize: quick.trainSize, testSize: quick.testSize },
    training: { ...c.training, epochs: quick.epochs, batchSize: Math.min(c.training.batchSize, quick.trainSize) },
  };
}
