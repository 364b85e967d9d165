// The bundle file format (version 1): finished runs with every series, as gzip JSON. Rows are tuples in a fixed
// column order; non-finite numbers are null (JSON has no NaN). The schema checks everything an import writes.
import { z } from 'zod';
import { BackendNameSchema } from './app-info';
import { ExperimentConfigSchema, hiddenWidths, LIMITS, LIMITS_RECURRENT } from './config';
import { PROBE_STRIDE } from './probe-fields';
import { HISTOGRAM, type LayerStats } from './records';
import { FINISHED_STATUSES, RUN_LIMITS, RunNameSchema, TagSchema, type RunStatus } from './runs';
import { StudentPredictionSchema } from './student-prediction';

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

/** The most rows of each series one run may bring (a 1000-epoch run with statistics every few batches fits). */
export const BUNDLE_ROW_LIMITS = { steps: 1_000_000, layerStats: 2_000_000, histograms: 20_000, epochs: LIMITS.epochs.max } as const;

/** The most layer probes one run may bring. */
export const BUNDLE_PROBE_ROWS = 20_000;

/**
 * Rows of one series: at most `max`, each checked with `row`; checking stops at the first bad row, whose first
 * issues (at most 3) are reported, so a file of millions of bad rows yields one short message. Rows are kept as
 * given (the row schemas transform nothing), so no copy of a large series is made.
 */
function rows<S extends z.ZodType>(row: S, max: number, what: string) {
  return z
    .array(z.unknown())
    .max(max, `a run may hold at most ${max} ${what} rows`)
    .superRefine((items, ctx) => {
      for (let i = 0; i < items.length; i++) {
        const r = row.safeParse(items[i]);
        if (!r.success) {
          for (const issue of r.error.issues.slice(0, 3)) ctx.addIssue({ code: 'custom', path: [i, ...issue.path.map((p) => p as string | number)], message: issue.message, continue: false });
          return;
        }
      }
    }) as unknown as z.ZodType<z.output<S>[], unknown[]>;
}

/** Enough of the file to say whether it is a bundle and which version. */
export const BundleHeadSchema = z.object({ format: z.string(), version: z.number() });

const Num = z.number();
const Metric = z.number().nullable();
const Count = z.number().int().nonnegative();
const Iso = z.string().max(40).refine((s) => Number.isFinite(Date.parse(s)), 'must be a date and time (ISO 8601)');
const FinishedStatus = z.enum(FINISHED_STATUSES as [RunStatus, ...RunStatus[]]);

const LayerInfoSchema = z
  .object({ index: Count, name: z.string().max(100), units: Count, fanIn: Count, activation: z.string().max(32), output: z.boolean() })
  .strict();
const FinalSchema = z.object({ trainLoss: Metric, trainAcc: Metric, testLoss: Metric, testAcc: Metric }).strict();

const BundleRunObject = z
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
    steps: rows(z.tuple([Count, Count, Count, Metric, Metric]), BUNDLE_ROW_LIMITS.steps, 'step'),
    layerStats: rows(
      z.tuple([Count, Count]).rest(Metric).refine((r) => r.length === 2 + LAYER_STAT_FIELDS.length, {
        message: `a layer-statistics row has ${2 + LAYER_STAT_FIELDS.length} values`,
      }),
      BUNDLE_ROW_LIMITS.layerStats,
      'layer-statistics',
    ),
    histograms: rows(
      z.object({ step: Count, layer: Count, counts: z.array(Count).length(HISTOGRAM.bins), zeros: Count, total: Count }).strict(),
      BUNDLE_ROW_LIMITS.histograms,
      'histogram',
    ),
    epochs: rows(
      z
        .object({ epoch: Count, trainLoss: Metric, trainAcc: Metric, testLoss: Metric, testAcc: Metric, seconds: Metric, samplesPerSec: Metric })
        .strict(),
      BUNDLE_ROW_LIMITS.epochs,
      'epoch',
    ),
    predictions: rows(
      z.object({ index: Count, label: Count, probs: z.array(Metric).max(1000), pixels: z.string().max(2000).optional() }).strict(),
      10_000,
      'prediction',
    ),
    /** [step, ‖g‖ before clipping, ‖g‖ applied, clipped 0/1] for steps that recorded them (optional: older bundles lack it). */
    gradientNorms: rows(z.tuple([Count, Metric, Metric, z.union([z.literal(0), z.literal(1)]).nullable()]), BUNDLE_ROW_LIMITS.steps, 'gradient-norm').optional(),
    /** The step a diverged run diverged at (optional: older bundles lack it). */
    divergedStep: Count.optional(),
    /** Layer probes (common/probe-fields.ts column order per layer); absent from bundles made before them. */
    probes: rows(
      z.object({ step: Count, learningRate: Metric, loss: Metric, layers: z.array(z.array(Metric).length(PROBE_STRIDE)).max(60) }).strict(),
      BUNDLE_PROBE_ROWS,
      'layer-probe',
    ).optional(),
    /** Recurrent runs: ‖∂E/∂h_t‖ per time step and the gates' saturation, per statistics step. */
    timeStats: rows(
      z
        .object({
          step: Count,
          norms: z.array(Metric).max(LIMITS_RECURRENT.length.max),
          gates: z.array(z.object({ gate: z.string().max(8), saturatedFrac: Metric }).strict()).max(4),
        })
        .strict(),
      BUNDLE_ROW_LIMITS.steps,
      'time-statistics',
    ).optional(),
    /**
     * The student's prediction kept with the run (predict → observe; common/student-prediction.ts): log10 per
     * layer, at most one value per layer of the run. Absent where none was made and from older bundles.
     */
    studentPrediction: StudentPredictionSchema.extend({ created: Iso }).strict().optional(),
  })
  .strict();
type BundleRunFields = z.output<typeof BundleRunObject>;

const BundleRunSchema = BundleRunObject.superRefine((r, ctx) => {
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
  if (r.gradientNorms) {
    increasing(r.gradientNorms.map((g) => [g[0]]), 'gradientNorms');
    const steps = new Set(r.steps.map((s) => s[0]));
    const stray = r.gradientNorms.findIndex((g) => !steps.has(g[0]));
    if (stray >= 0) ctx.addIssue({ code: 'custom', path: ['gradientNorms', stray, 0], message: 'a gradient-norm row must belong to a step of the run' });
  }
  if (r.probes) increasing(r.probes.map((p) => [p.step]), 'probes');
  increasing((r.timeStats ?? []).map((t) => [t.step]), 'timeStats');
  const badLayer = r.layerStats.findIndex((s) => s[1]! >= r.layers.length);
  if (badLayer >= 0) ctx.addIssue({ code: 'custom', path: ['layerStats', badLayer, 1], message: `layer index beyond the run's ${r.layers.length} layers` });
  consistent(r, ctx);
});

/** The earliest date a run can carry (before Gradient Lab existed) and how far past now a clock may be off. */
const EARLIEST = Date.parse('2000-01-01T00:00:00Z');
const CLOCK_SLACK_MS = 24 * 3600 * 1000;

/** A run's series and dates must agree with its config and with each other. */
function consistent(r: BundleRunFields, ctx: z.RefinementCtx): void {
  const issue = (path: (string | number)[], message: string) => ctx.addIssue({ code: 'custom', path, message });
  const widths = r.config.recurrent ? [r.config.recurrent.hidden] : [...hiddenWidths(r.config.model)];
  if (r.layers.length > 0 && r.layers.length !== widths.length + 1) {
    issue(['layers'], `the config has ${widths.length} hidden layers plus the output, but the run lists ${r.layers.length} layers`);
  } else {
    const bad = r.layers.findIndex((l, i) => l.index !== i || (i < widths.length && l.units !== widths[i]) || l.output !== (i === widths.length));
    if (bad >= 0) issue(['layers', bad], `layer ${bad} does not match the config (index, units or output flag)`);
  }
  const epochs = r.config.training.epochs;
  const lateStep = r.steps.findIndex((s) => s[1] >= epochs);
  if (lateStep >= 0) issue(['steps', lateStep, 1], `epoch ${r.steps[lateStep]![1]} is beyond the config's ${epochs} epochs`);
  const lateEpoch = r.epochs.findIndex((e) => e.epoch >= epochs);
  if (lateEpoch >= 0) issue(['epochs', lateEpoch, 'epoch'], `epoch ${r.epochs[lateEpoch]!.epoch} is beyond the config's ${epochs} epochs`);
  const dataset = r.config.dataset;
  const train = dataset.kind === 'toy-mortgage' ? undefined : dataset.trainSize;
  if (train !== undefined) {
    const perEpoch = Math.ceil(train / r.config.training.batchSize);
    const badBatch = r.steps.findIndex((s) => s[2] >= perEpoch || s[0] >= perEpoch * epochs);
    if (badBatch >= 0) issue(['steps', badBatch], `step beyond the ${perEpoch} batches per epoch × ${epochs} epochs the config plans`);
  }
  const time = (s: string | null) => (s === null ? null : Date.parse(s));
  const [created, started, ended] = [time(r.created), time(r.startedAt), time(r.endedAt)];
  const latest = Date.now() + CLOCK_SLACK_MS;
  for (const [field, t] of [['created', created], ['startedAt', started], ['endedAt', ended]] as const) {
    if (t !== null && (t < EARLIEST || t > latest)) issue([field], 'the date is impossible (before 2000 or in the future)');
  }
  if (started !== null && ended !== null && ended < started) issue(['endedAt'], 'the run ends before it starts');
  const p = r.studentPrediction;
  if (p) {
    const layers = r.layers.length || widths.length + 1;
    if (p.values.length > layers) issue(['studentPrediction', 'values'], `the prediction lists ${p.values.length} layers, but the run has ${layers}`);
    const made = Date.parse(p.created);
    if (made < EARLIEST || made > latest) issue(['studentPrediction', 'created'], 'the date is impossible (before 2000 or in the future)');
  }
  if (r.durationSec !== null) {
    const span = started !== null && ended !== null ? (ended - started) / 1000 : null;
    if (span !== null && r.durationSec > span + 60) issue(['durationSec'], `the duration (${r.durationSec} s) is longer than the time between start and end (${Math.round(span)} s)`);
    if (r.durationSec > 10 * 365 * 24 * 3600) issue(['durationSec'], 'the duration is impossible (more than 10 years)');
  }
}

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

