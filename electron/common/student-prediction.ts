// Predict → observe: before a run a student marks, for each layer, where its back-propagated signal will be at
// step 0 (log10 of the probe's ‖δˡ‖); the marks are kept with the run and drawn over what it measured.
import { z } from 'zod';
import { LIMITS } from './config';
import { RunIdSchema } from './runs';

export const PREDICTION_QUANTITIES = ['deltaNorm'] as const;

/** log10 values a prediction may hold: from below float32's smallest normal (≈ −38) to 10¹⁰. */
export const PREDICTION_LOG10 = { min: -45, max: 10 } as const;

const Log10 = z
  .number({ error: 'a predicted value must be a number' })
  .finite('a predicted value must be a finite number')
  .min(PREDICTION_LOG10.min, `a predicted value must be at least ${PREDICTION_LOG10.min} (log10)`)
  .max(PREDICTION_LOG10.max, `a predicted value must be at most ${PREDICTION_LOG10.max} (log10)`);

export const StudentPredictionSchema = z
  .object({
    quantity: z.enum(PREDICTION_QUANTITIES),
    /** log10 per layer, input side first; null where the student left a layer unmarked. */
    values: z.array(Log10.nullable()).max(LIMITS.depth.max + 1, `values may list at most ${LIMITS.depth.max + 1} layers`),
  })
  .strict();
export type StudentPrediction = z.infer<typeof StudentPredictionSchema> & { created?: string };

export const SetPredictionRequestSchema = z.object({ runId: RunIdSchema, prediction: StudentPredictionSchema }).strict();
