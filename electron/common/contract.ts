// The one IPC contract. Channel names, request schemas (zod), response and event types live here and nowhere
// else; the preload, main/ipc.ts, the web host and the renderer client all derive their types from this file,
// so changing a type here breaks the compile of every side at once.
import { z } from 'zod';
import type { AppInfo } from './app-info';
import { ExperimentConfigSchema } from './config';
import {
  BUNDLE_MAX_BASE64_CHARS,
  CompareRequestSchema,
  CsvRequestSchema,
  ExportBundleRequestSchema,
  ImportBundleRequestSchema,
  ListRunsRequestSchema,
  RunIdSchema,
  RunNameSchema,
  UpdateRunRequestSchema,
  type Comparison,
  type RunsChangedEvent,
  type QueueState,
  type RunDetail,
  type RunProgressEvent,
  type RunStatusEvent,
  type RunSummary,
} from './runs';
import { SetPredictionRequestSchema, type StudentPrediction } from './student-prediction';

/** Declare a method: its verb on `window.lab`, its request schema, and its response type. */
function method<Verb extends string, Req extends z.ZodType, Res>(verb: Verb, request: Req) {
  return { verb, request, response: undefined as unknown as Res };
}

/** Declare an event pushed from the host to every renderer. */
function event<Payload>() {
  return { payload: undefined as unknown as Payload };
}

const Empty = z.object({}).strict();

const StartRunRequest = z.object({ config: ExperimentConfigSchema, name: RunNameSchema.optional() }).strict();
const RunIdRequest = z.object({ runId: RunIdSchema }).strict();
const GetRunRequest = z.object({ runId: RunIdSchema, maxPoints: z.number().int().min(10).max(100_000).default(2000) }).strict();
const DeleteRunsRequest = z.object({ runIds: z.array(RunIdSchema).min(1).max(1000) }).strict();
const MoveQueuedRequest = z.object({ runId: RunIdSchema, to: z.number().int().min(0).max(10_000) }).strict();

export const methods = {
  'app:info': method<'appInfo', typeof Empty, AppInfo>('appInfo', Empty),
  /** Validate, save a new run and queue it; it starts when the one before it ends. */
  'run:start': method<'startRun', typeof StartRunRequest, RunSummary>('startRun', StartRunRequest),
  /** Stop a running run within one batch, or take a queued one off the queue. */
  'run:stop': method<'stopRun', typeof RunIdRequest, RunSummary>('stopRun', RunIdRequest),
  'run:list': method<'listRuns', typeof ListRunsRequestSchema, { runs: RunSummary[]; total: number }>('listRuns', ListRunsRequestSchema),
  'run:get': method<'getRun', typeof GetRunRequest, RunDetail>('getRun', GetRunRequest),
  'run:update': method<'updateRun', typeof UpdateRunRequestSchema, RunSummary>('updateRun', UpdateRunRequestSchema),
  'run:delete': method<'deleteRuns', typeof DeleteRunsRequest, { deleted: number }>('deleteRuns', DeleteRunsRequest),
  'run:compare': method<'compareRuns', typeof CompareRequestSchema, Comparison>('compareRuns', CompareRequestSchema),
  'queue:get': method<'getQueue', typeof Empty, QueueState>('getQueue', Empty),
  /** Move a queued run to position `to` of the queue (0 = next to start). */
  'queue:move': method<'moveQueued', typeof MoveQueuedRequest, QueueState>('moveQueued', MoveQueuedRequest),
  /** Finished runs with all their series as one gzip JSON bundle, base64-encoded. */
  'bundle:export': method<'exportBundle', typeof ExportBundleRequestSchema, { fileName: string; data: string; bytes: number }>(
    'exportBundle',
    ExportBundleRequestSchema,
  ),
  /** Check a bundle completely, then save its runs under new ids (origin: the file name); nothing is written on error. */
  'bundle:import': method<'importBundle', typeof ImportBundleRequestSchema, { runIds: number[] }>('importBundle', ImportBundleRequestSchema),
  /** One run's epoch table or step table (per-layer statistics as columns) as CSV text. */
  'run:csv': method<'runCsv', typeof CsvRequestSchema, { fileName: string; csv: string }>('runCsv', CsvRequestSchema),
  /** Keep a student's per-layer prediction with a run (replacing an earlier one). */
  'run:predict': method<'setPrediction', typeof SetPredictionRequestSchema, StudentPrediction>('setPrediction', SetPredictionRequestSchema),
} as const;

export const events = {
  /** The backend probe finished or changed (e.g. after the first run picked a backend). */
  'app:backends': event<AppInfo['backends']>(),
  /** The newest records of the running run (throttled, at most 20 a second). */
  'run:progress': event<RunProgressEvent & { runId: number }>(),
  /** A run changed status (queued → running → completed | stopped | failed | diverged | interrupted). */
  'run:status': event<RunStatusEvent>(),
  /** The queue changed. */
  'queue:changed': event<QueueState>(),
  /** Saved runs were added (import), edited or deleted, possibly by another window: lists should refresh. */
  'runs:changed': event<RunsChangedEvent>(),
} as const;

export type Methods = typeof methods;
export type MethodName = keyof Methods;
export type MethodRequest<M extends MethodName> = z.input<Methods[M]['request']>;
export type ParsedRequest<M extends MethodName> = z.output<Methods[M]['request']>;
export type MethodResponse<M extends MethodName> = Methods[M]['response'];

export type EventName = keyof typeof events;
export type EventPayload<E extends EventName> = (typeof events)[E]['payload'];
/** One pushed event, discriminated by its channel. */
export type LabEvent = { [E in EventName]: { channel: E; payload: EventPayload<E> } }[EventName];

/** The verbs `window.lab` exposes, derived from the method table. */
export type LabApi = {
  [M in MethodName as Methods[M]['verb']]: (request: MethodRequest<M>) => Promise<import('./result').Result<MethodResponse<M>>>;
} & {
  /** Subscribe to pushed events; returns the unsubscribe function. */
  onEvent(listener: (event: LabEvent) => void): () => void;
};

/** What a host implements: one async handler per method, receiving the parsed request. */
export type Handlers = { [M in MethodName]: (request: ParsedRequest<M>) => Promise<MethodResponse<M>> };

export const METHOD_NAMES = Object.keys(methods) as MethodName[];
export const EVENT_NAMES = Object.keys(events) as EventName[];

export function isMethodName(x: unknown): x is MethodName {
  return typeof x === 'string' && Object.prototype.hasOwnProperty.call(methods, x);
}

export { EVENT_CHANNEL } from './channels';

/** Largest serialised request payload of an ordinary method. */
export const DEFAULT_PAYLOAD_BYTES = 1_000_000;

/** Methods that accept more than DEFAULT_PAYLOAD_BYTES (a bundle import carries the whole file). */
export const PAYLOAD_LIMITS: Partial<Record<MethodName, number>> = {
  'bundle:import': BUNDLE_MAX_BASE64_CHARS + 10_000,
};

/** The largest payload a given method accepts. */
export function payloadLimit(channel: MethodName): number {
  return PAYLOAD_LIMITS[channel] ?? DEFAULT_PAYLOAD_BYTES;
}

/** Largest request payload, serialised, that any host accepts (transport limit, e.g. the WebSocket frame). */
export const MAX_PAYLOAD_BYTES = Math.max(DEFAULT_PAYLOAD_BYTES, ...Object.values(PAYLOAD_LIMITS));
