// Messages between the desktop app's main process and the service host (the utility process that owns the
// database, the run queue and the trainer launcher). Main only relays: renderer requests go in as `request`,
// answers and pushed events come back; trainers are started by main on the host's behalf (`trainer:launch`),
// because a utility process cannot start Electron-as-Node itself, and handed to the host as a MessagePort.
import type { LabEvent } from './contract';
import type { ErrorValue, Result } from './result';

/** How the host starts trainers: fork them itself (plain Node, tests) or ask its parent (Electron). */
export type TrainerSource = { kind: 'fork'; entry: string } | { kind: 'relay' };

/**
 * The kinds of trainer the parent can start: 'node' (a utility process) and 'webgpu-window' (a hidden window
 * training on Chromium's WebGPU, the desktop app's WebGPU rung).
 */
export type TrainerKind = 'node' | 'webgpu-window';

export interface ServiceHostInit {
  dbPath: string;
  /** Folder with the four MNIST IDX files; checked at start. */
  mnistDir?: string;
  version: string;
  locale: string;
  /** better-sqlite3's addon built for this runtime (the desktop app in development); its ABI is checked. */
  sqliteBinding?: string;
  trainers: TrainerSource;
}

/** Why the host could not start, with the file at fault when there is one. */
export interface FatalError extends ErrorValue {
  file?: string;
}

/** Main → service host. */
export type ToServiceHost =
  | { type: 'init'; init: ServiceHostInit }
  | { type: 'request'; id: number; channel: string; payload: unknown }
  | { type: 'close' }
  /** The trainer asked for with `trainer:launch` is running; its MessagePort travels with this message. */
  | { type: 'trainer:port'; id: number; pid?: number }
  /** That trainer ended (or could not start: `error`). */
  | { type: 'trainer:exit'; id: number; code: number | null; error?: string };

/** Service host → main. */
export type FromServiceHost =
  | { type: 'ready'; dbPath: string; recovered: number[] }
  | { type: 'fatal'; error: FatalError }
  | { type: 'response'; id: number; result: Result<unknown> }
  | { type: 'event'; event: LabEvent }
  | { type: 'closed' }
  | { type: 'trainer:launch'; id: number; kind: TrainerKind }
  | { type: 'trainer:kill'; id: number };

const TO_HOST = new Set<ToServiceHost['type']>(['init', 'request', 'close', 'trainer:port', 'trainer:exit']);
const FROM_HOST = new Set<FromServiceHost['type']>(['ready', 'fatal', 'response', 'event', 'closed', 'trainer:launch', 'trainer:kill']);

function typed(x: unknown): x is { type: string } {
  return typeof x === 'object' && x !== null && typeof (x as { type?: unknown }).type === 'string';
}

export function isToServiceHost(x: unknown): x is ToServiceHost {
  return typed(x) && TO_HOST.has(x.type as ToServiceHost['type']);
}

export function isFromServiceHost(x: unknown): x is FromServiceHost {
  return typed(x) && FROM_HOST.has(x.type as FromServiceHost['type']);
}

/** The smallest MessagePort both Electron's MessagePortMain and a test double satisfy. */
export interface PortLike {
  postMessage(message: unknown): void;
  on(event: 'message', listener: (e: { data: unknown }) => void): unknown;
  on(event: 'close', listener: () => void): unknown;
  start(): void;
  close(): void;
}
