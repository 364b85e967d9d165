// Saved runs as the service hands them to hosts: summaries for lists, details and comparisons for charts,
// and the request schemas of the run methods (names, notes and tags have stated limits).
import { z } from 'zod';
import type { BackendName } from './app-info';
import type { ExperimentConfig } from './config';
import type { EpochRecord, FinalMetrics, HistogramRecord, LayerInfo, LayerStats, Prediction } from './records';

export const RUN_STATUSES = ['queued', 'running', 'completed', 'stopped', 'failed', 'diverged', 'interrupted'] as const;
export const RunStatusSchema = z.enum(RUN_STATUSES);
export type RunStatus = z.infer<typeof RunStatusSchema>;
/** A run in one of these states is finished: its records will not change any more. */
export const FINISHED_STATUSES: readonly RunStatus[] = ['completed', 'stopped', 'failed', 'diverged', 'interrupted'];

export const RUN_LIMITS = { name: 200, notes: 20_000, tag: 40, tags: 20, compareMin: 2, compareMax: 8 } as const;

export const RunIdSchema = z.number({ error: 'runId must be a number' }).int('runId must be a whole number').positive('runId must be positive');
export const RunNameSchema = z.string().trim().min(1, 'name must not be empty').max(RUN_LIMITS.name, `name may be at most ${RUN_LIMITS.name} characters`);
export const TagSchema = z
  .string()
  .trim()
  .min(1, 'a tag must not be empty')
  .max(RUN_LIMITS.tag, `a tag may be at most ${RUN_LIMITS.tag} characters`);

export const RUN_SORT_FIELDS = ['created', 'name', 'status', 'testAcc', 'duration', 'preset'] as const;

export const ListRunsRequestSchema = z
  .object({
    text: z.string().max(200).optional(),
    status: RunStatusSchema.optional(),
    preset: z.string().max(64).optional(),
    activation: z.string().max(32).optional(),
    tag: z.string().max(RUN_LIMITS.tag).optional(),
    sort: z.enum(RUN_SORT_FIELDS).default('created'),
    order: z.enum(['asc', 'desc']).default('desc'),
    limit: z.number().int().min(1).max(1000).default(200),
    offset: z.number().int().min(0).default(0),
  })
  .strict();

export const UpdateRunRequestSchema = z
  .object({
    runId: RunIdSchema,
    name: RunNameSchema.optional(),
    notes: z.string().max(RUN_LIMITS.notes, `notes may be at most ${RUN_LIMITS.notes} characters`).optional(),
    tags: z.array(TagSchema).max(RUN_LIMITS.tags, `at most ${RUN_LIMITS.tags} tags`).optional(),
  })
  .strict();

export const CompareRequestSchema = z
  .object({
    runIds: z
      .array(RunIdSchema)
      .min(RUN_LIMITS.compareMin, `pick at least ${RUN_LIMITS.compareMin} runs to compare`)
      .max(RUN_LIMITS.compareMax, `at most ${RUN_LIMITS.compareMax} runs can be compared`),
    maxPoints: z.number().int().min(10).max(100_000).default(2000),
  })
  .strict();

/** Largest bundle file accepted for import (gzip bytes), and its base64 length on the wire. */
export const BUNDLE_MAX_BYTES = 32 * 1024 * 1024;
export const BUNDLE_MAX_BASE64_CHARS = Math.ceil(BUNDLE_MAX_BYTES / 3) * 4;

export const ExportBundleRequestSchema = z
  .object({ runIds: z.array(RunIdSchema).min(1, 'pick at least one run to export').max(200, 'at most 200 runs per bundle') })
  .strict();

export const ImportBundleRequestSchema = z
  .object({
    /** The bundle's file name, kept as the imported runs' origin. */
    fileName: z.string().trim().min(1, 'fileName must not be empty').max(255, 'fileName may be at most 255 characters'),
    /** The file's bytes, base64. */
    data: z
      .string()
      .min(1, 'data must not be empty')
      .max(BUNDLE_MAX_BASE64_CHARS, `the bundle is larger than ${BUNDLE_MAX_BYTES / 1024 / 1024} MB`),
  })
  .strict();

export const CSV_TABLES = ['epochs', 'steps', 'probes'] as const;
export const CsvRequestSchema = z.object({ runId: RunIdSchema, table: z.enum(CSV_TABLES).default('steps') }).strict();

export interface RunsChangedEvent {
  reason: 'imported' | 'updated' | 'deleted';
  runIds: number[];
}

export interface RunSummary {
  id: number;
  name: string;
  status: RunStatus;
  preset: string | null;
  created: string;
  startedAt: string | null;
  endedAt: string | null;
  durationSec: number | null;
  backend: BackendName | null;
  /** The step engine that trained it: 'kernels', 'tfjs-ops' or 'tape'; null before it started (or before 0.1 recorded it). */
  engine: string | null;
  /** Rungs of the backend ladder skipped, with reasons. */
  skipped: { name: BackendName; reason: string }[];
  appVersion: string;
  activation: string;
  initializer: string;
  depth: number;
  batchNorm: boolean;
  residual: boolean;
  final: FinalMetrics | null;
  notes: string;
  tags: string[];
  error: string | null;
  /** Where an imported run came from (bundle file name), null for runs made here. */
  origin: string | null;
  /** Steps done / planned, for queued and running runs. */
  progress: { step: number; totalSteps: number } | null;
}

/** One step of per-layer statistics, flattened for charts. */
export interface StepSeries {
  steps: number[];
  loss: number[];
  acc: number[];
  /** layerStats[layer][i] belongs to statSteps[i]. */
  statSteps: number[];
  layerStats: LayerStats[][];
}

export interface RunDetail {
  summary: RunSummary;
  config: ExperimentConfig;
  layers: LayerInfo[];
  epochs: EpochRecord[];
  series: StepSeries;
  histograms: HistogramRecord[];
  predictions: Prediction[];
  /** The student's prediction kept with the run, if one was made. */
  studentPrediction?: import('./student-prediction').StudentPrediction | null;
  /** Layer probes at up to 200 evenly spread steps (first and last kept); absent from hosts that predate them. */
  probes?: import('./records').LayerProbeRecord[];
  /** true when the series were thinned to the point budget. */
  decimated: boolean;
}

export interface ConfigDiffRow {
  /** Dotted path of the config field, e.g. "model.activation". */
  field: string;
  /** The value per run, in the order of runIds (JSON-rendered). */
  values: string[];
}

export interface Comparison {
  runs: RunDetail[];
  /** Only the fields that differ between the runs. */
  diff: ConfigDiffRow[];
}

export interface RunProgress {
  runId: number;
  status: RunStatus;
  step: number;
  totalSteps: number;
  epoch: number;
  epochs: number;
  samplesPerSec: number | null;
  etaSec: number | null;
}

/** The newest records of a running run, pushed to renderers at most 20 times a second. */
export interface RunProgressEvent {
  progress: RunProgress;
  batches: import('./records').BatchRecord[];
  epochs: EpochRecord[];
  histograms: HistogramRecord[];
  /** Layer probes that arrived since the last event (absent from hosts that predate them). */
  probes?: import('./records').LayerProbeRecord[];
  /** Sent once, with the first event of a run. */
  started?: { layers: LayerInfo[]; backend: BackendName; engine: string; skipped: { name: BackendName; reason: string }[] };
}

export interface RunStatusEvent {
  runId: number;
  status: RunStatus;
  /** For failed/diverged runs: the message to show. */
  error?: string;
  final?: FinalMetrics;
  predictions?: Prediction[];
}

export interface QueueState {
  running: number | null;
  queued: number[];
}

export type { ExperimentConfig };
