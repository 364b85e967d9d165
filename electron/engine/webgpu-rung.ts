// The WebGPU rung on plain Node: Dawn's Node binding (the `webgpu` package, native binaries inside the package)
// handed to @tensorflow/tfjs-backend-webgpu. Every step that can wait on a driver has a time limit: a child
// process first asks for an adapter (a driver that hangs or aborts takes only the child with it), then the
// trainer creates its device and runs a first op under timers. A lost device or an error the GPU reports
// later (out of memory) is kept as a plain sentence that the trainer turns into the run's failure reason.
import * as tf from '@tensorflow/tfjs';
import { createRequire } from 'node:module';
import { pathToFileURL } from 'node:url';
import { backendReason } from '../common/backend-reasons';
import { PROBE_MARK, runChildProbe } from './native-probe';

/** Limit for asking for an adapter and a device, in milliseconds. */
export const WEBGPU_TIMEOUT_ENV_VAR = 'GRADIENT_LAB_WEBGPU_TIMEOUT_MS';
const DEFAULT_TIMEOUT_MS = 30_000;
/** The first op compiles shaders (seconds on a software adapter). */
const FIRST_OP_FACTOR = 4;

const ADAPTER_SCRIPT = `
const say = (o) => process.stdout.write(${JSON.stringify(PROBE_MARK)} + JSON.stringify(o) + '\\n');
import(require('node:url').pathToFileURL(process.argv[1]).href)
  .then(async ({ create }) => {
    const adapter = await create([]).requestAdapter({ powerPreference: 'high-performance' });
    if (!adapter) return say({ kind: 'no-adapter' });
    const i = adapter.info || {};
    say({ kind: 'ok', description: [i.vendor, i.architecture, i.device, i.description].filter(Boolean).join(' ') });
  })
  .catch((e) => say({ kind: 'failed', detail: String(e && e.message || e) }))
  .then(() => process.exit(0));
`;

export type WebGpuAdapterProbe = { kind: 'ok'; description: string } | { kind: 'no-adapter' } | { kind: 'failed'; detail: string };

function timeoutMs(): number {
  const v = Number(process.env[WEBGPU_TIMEOUT_ENV_VAR]);
  return Number.isFinite(v) && v > 0 ? v : DEFAULT_TIMEOUT_MS;
}

function resolveDawn(): string | null {
  try {
    return createRequire(import.meta.url).resolve('webgpu');
  } catch {
    return null;
  }
}

/** Ask for a WebGPU adapter in a child process. */
export async function probeWebGpuAdapter(): Promise<WebGpuAdapterProbe> {
  if (process.versions.electron) {
    return { kind: 'failed', detail: 'Dawn cannot run inside Electron (its memory cage forbids the buffers Dawn maps)' };
  }
  const entry = resolveDawn();
  if (!entry) return { kind: 'failed', detail: 'package webgpu is not installed' };
  const ms = timeoutMs();
  const answer = await runChildProbe(ADAPTER_SCRIPT, entry, ms);
  if (answer.kind === 'answer') return answer.value as WebGpuAdapterProbe;
  if (answer.kind === 'timeout') return { kind: 'failed', detail: `no answer from the GPU driver within ${ms / 1000} s` };
  return { kind: 'failed', detail: `the adapter probe ended: ${answer.detail}` };
}

class WebGpuTimeoutError extends Error {
  constructor(what: string, ms: number) {
    super(`${what} took longer than ${ms / 1000} s`);
    this.name = 'WebGpuTimeoutError';
  }
}

function within<T>(p: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new WebGpuTimeoutError(what, ms)), ms);
  });
  return Promise.race([p, late]).finally(() => clearTimeout(timer));
}

/** The part of a GPUDevice this module watches. */
interface WatchedDevice {
  lost: Promise<{ reason?: string; message?: string }>;
  addEventListener?(type: 'uncapturederror', listener: (e: { error?: { message?: string; constructor?: { name?: string } } }) => void): void;
}

let fault: string | undefined;
let installed = false;
const faultListeners: ((reason: string) => void)[] = [];

/** What went wrong on the WebGPU device since it started (lost, out of memory), or undefined. */
export function webgpuFault(): string | undefined {
  return fault;
}

/** Call `listener` once when the device is lost or reports an error (at once if that already happened). */
export function onWebGpuFault(listener: (reason: string) => void): void {
  if (fault) listener(fault);
  else faultListeners.push(listener);
}

function setFault(reason: string): void {
  if (fault) return;
  fault = reason;
  for (const l of faultListeners.splice(0)) l(reason);
}

/** Give tfjs Dawn's navigator.gpu, then register the webgpu backend (it looks for navigator.gpu on import). */
async function installDawn(): Promise<void> {
  if (installed) return;
  const entry = resolveDawn();
  if (!entry) throw new Error('package webgpu is not installed');
  const { create, globals } = (await import(/* @vite-ignore */ pathToFileURL(entry).href)) as { create(flags: string[]): unknown; globals: object };
  Object.assign(globalThis, globals);
  const nav = ((globalThis as { navigator?: object }).navigator ?? {}) as object;
  // On newer Node globalThis.navigator is getter-only: define the property rather than assign it.
  Object.defineProperty(nav, 'gpu', { value: create([]), configurable: true });
  if (!(globalThis as { navigator?: object }).navigator) Object.defineProperty(globalThis, 'navigator', { value: nav, configurable: true });
  await import('@tensorflow/tfjs-backend-webgpu');
  installed = true;
}

/** Make 'webgpu' the active backend; resolves to null on success or a reason. Never waits without a limit. */
export async function activateWebGpu(): Promise<string | null> {
  const probe = await probeWebGpuAdapter();
  if (probe.kind === 'no-adapter') return backendReason.noAdapter();
  if (probe.kind === 'failed') return backendReason.failed('webgpu', probe.detail);
  const ms = timeoutMs();
  try {
    await installDawn();
    if (!tf.findBackendFactory('webgpu')) return backendReason.noBackend('@tensorflow/tfjs-backend-webgpu', 'webgpu');
    // setBackend resolves false (and getBackend() still names webgpu) when the adapter is null: check it.
    const ok = await within(tf.setBackend('webgpu'), ms, 'creating the WebGPU device');
    if (!ok) return backendReason.noAdapter();
    watchDevice((tf.backend() as unknown as { device: WatchedDevice }).device);
    const first = tf.matMul(tf.ones([4, 4]), tf.ones([4, 4]));
    const values = await within(first.data(), ms * FIRST_OP_FACTOR, 'the first WebGPU operation');
    first.dispose();
    if (values[0] !== 4) return backendReason.failed('webgpu', `the first operation gave ${values[0]} instead of 4`);
    return fault ? backendReason.failed('webgpu', fault) : null;
  } catch (e) {
    return backendReason.failed('webgpu', (e as Error).message);
  }
}

function watchDevice(device: WatchedDevice): void {
  fault = undefined;
  void device.lost.then((info) => setFault(`the WebGPU device was lost${info.message ? `: ${info.message}` : ''}`));
  device.addEventListener?.('uncapturederror', (e) => {
    const kind = e.error?.constructor?.name === 'GPUOutOfMemoryError' ? 'out of GPU memory' : 'a WebGPU error';
    setFault(`${kind}: ${e.error?.message ?? 'no details'}`);
  });
}
