// The bundle file format (version 1): finished runs with every series, as gzip JSON. Rows are tuples in a fixed
// column order; non-finite numbers are null (JSON has no NaN). The schema checks everything an import writes.
import { z } from 'zod';
import { BackendNameSchema } from './app-info';
import { ExperimentConfigSchema } from './config';
import { HISTOGRAM, type LayerStats } from './records';
import { FINISHED_STATUSES, RUN_LIMITS, RunNameSchema, TagSchema, type RunStatus } from './runs';

export const BUNDLE_FORMAT = 'gradient-lab-bundle';
export const BUNDLE_VERSION = 1;
export const BUNDLE_MAX_RUNS = 200;

/** LayerStats fields in column order (after step and layer), in the store and in bundles. */
export const LAYER_STAT_FIELDS = [
  'gradNorm',
  'gradMeanAbs',
  'gradMaxAbs',
  'gradZeroFrac',
  'biasGradNorm',
  'deltaNorm',
  'weightNorm',
  'updateRatio',
  'actMean',
  'actStd',
  'saturatedFrac',
  'deadFrac',
] as const satisfies readonly (keyof LayerStats)[];

/** Enough of the file to say whether it is a bundle and which version. */
export const BundleHeadSchema = z.object({ format: z.string(), version: z.number() });

const Num = z.number();
const Metric = z.number().nullable();
const Count = z.number().int().nonnegative();
const Iso = z.string().max(40);
const FinishedStatus = z.enum(FINISHED_STATUSES as [RunStatus, ...RunStatus[]]);

const LayerInfoSchema = z
  .object({ index: Count, name: z.string().max(100), units: Count, fanIn: Count, activation: z.string().max(32), output: z.boolean() })
  .strict();
const FinalSchema = z.object({ trainLoss: Metric, trainAcc: Metric, testLoss: Metric, testAcc: Metric }).strict();

const BundleRunSchema = z
  .object({
    sourceId: z.number().int().positive(),
    name: RunNameSchema,
    created: Iso,
    status: FinishedStatus,
    config: ExperimentConfigSchema,
    layers: z.array(LayerInfoSchema).max(60),
    backend: BackendNameSchema.nullable(),
    engine: z.string().max(40).nullable().optional(),
    skipped: z.array(z.object({ name: BackendNameSchema, reason: z.string().max(2000) }).strict()).max(4),
    appVersion: z.string().max(40),
    startedAt: Iso.nullable(),
    endedAt: Iso.nullable(),
    durationSec: Num.nonnegative().nullable(),
    final: FinalSchema.nullable(),
    notes: z.string().max(RUN_LIMITS.notes),
    tags: z.array(TagSchema).max(RUN_LIMITS.tags),
    error: z.string().max(20_000).nullable(),
    origin: z.string().max(1000).nullable(),
    steps: z.array(z.tuple([Count, Count, Count, Metric, Metric])),
    layerStats: z.array(z.tuple([Count, Count]).rest(Metric).refine((r) => r.length === 2 + LAYER_STAT_FIELDS.length, {
      message: `a layer-statistics row has ${2 + LAYER_STAT_FIELDS.length} values`,
    })),
    histograms: z.array(
      z.object({ step: Count, layer: Count, counts: z.array(Count).length(HISTOGRAM.bins), zeros: Count, total: Count }).strict(),
    ),
    epochs: z.array(
      z
        .object({ epoch: Count, trainLoss: Metric, trainAcc: Metric, testLoss: Metric, testAcc: Metric, seconds: Metric, samplesPerSec: Metric })
        .strict(),
    ),
    predictions: z.array(
      z.object({ index: Count, label: Count, probs: z.array(Metric).max(1000), pixels: z.string().max(2000).optional() }).strict(),
    ).max(10_000),
  })
  .strict()
  .superRefine((r, ctx) => {
    const increasing = (keys: number[][], path: string) => {
      for (let i = 1; i < keys.length; i++) {
        const [a, b] = [keys[i - 1]!, keys[i]!];
        if (a[0]! > b[0]! || (a[0] === b[0] && (a.length < 2 || a[1]! >= b[1]!))) {
          ctx.addIssue({ code: 'custom', path: [path, i], message: 'rows must be unique and in increasing order' });
          return;
        }
      }
    };
    increasing(r.steps.map((s) => [s[0]]), 'steps');
    increasing(r.layerStats.map((s) => [s[0]!, s[1]!]), 'layerStats');
    increasing(r.histograms.map((h) => [h.step, h.layer]), 'histograms');
    increasing(r.epochs.map((e) => [e.epoch]), 'epochs');
    const badLayer = r.layerStats.findIndex((s) => s[1]! >= r.layers.length);
    if (badLayer >= 0) ctx.addIssue({ code: 'custom', path: ['layerStats', badLayer, 1], message: `layer index beyond the run's ${r.layers.length} layers` });
  });

export const BundleSchema = z
  .object({
    format: z.literal(BUNDLE_FORMAT),
    version: z.literal(BUNDLE_VERSION),
    appVersion: z.string().max(40),
    exported: Iso,
    runs: z.array(BundleRunSchema).min(1, 'the bundle holds no runs').max(BUNDLE_MAX_RUNS),
  })
  .strict();
export type Bundle = z.infer<typeof BundleSchema>;
export type BundleRun = z.infer<typeof BundleRunSchema>;

