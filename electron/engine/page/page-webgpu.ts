// The WebGPU rung inside a page: Chromium's own navigator.gpu (the desktop app's hidden trainer window, or
// headless Chromium in the tests) handed to @tensorflow/tfjs-backend-webgpu. Nothing here uses Node. Every wait
// on the driver has a time limit, and a lost device or an error the GPU reports later (out of memory) is kept
// as a plain sentence that the page turns into the run's failure reason.
import * as tf from '@tensorflow/tfjs';
import '@tensorflow/tfjs-backend-webgpu';
import { backendReason } from '../../common/backend-reasons';

/** Limit for asking for an adapter and creating the device; the first op (shader compilation) gets 4×. */
export const PAGE_WEBGPU_TIMEOUT_MS = 30_000;
const FIRST_OP_FACTOR = 4;

interface AdapterLike {
  info?: { vendor?: string; architecture?: string; device?: string; description?: string };
}
interface GpuLike {
  requestAdapter(options?: { powerPreference?: string }): Promise<AdapterLike | null>;
}
interface WatchedDevice {
  lost: Promise<{ reason?: string; message?: string }>;
  addEventListener?(type: 'uncapturederror', listener: (e: { error?: { message?: string; constructor?: { name?: string } } }) => void): void;
}

export interface PageWebGpu {
  /** null when the backend is active, else why not (a backendReason sentence). */
  reason: string | null;
  /** The adapter, in words (vendor, architecture), when there is one. */
  adapter?: string;
}

let fault: string | undefined;
/** Whether a device is being watched (only then can a fault still arrive). */
let watching = false;
const faultListeners: ((reason: string) => void)[] = [];

/** What went wrong on the device since it started (lost, out of memory), or undefined. */
export function pageWebGpuFault(): string | undefined {
  return fault;
}

/**
 * The device's fault, waiting up to `ms` for it: an op on a lost device can fail (mapAsync rejects) before the
 * device's `lost` promise has settled, and the loss says more than the op's own error.
 */
export function pageWebGpuFaultWithin(ms: number): Promise<string | undefined> {
  if (fault || !watching) return Promise.resolve(fault);
  return new Promise((resolve) => {
    const timer = setTimeout(() => resolve(fault), ms);
    faultListeners.push((reason) => {
      clearTimeout(timer);
      resolve(reason);
    });
  });
}

/** Call `listener` once when the device is lost or reports an error (at once if that already happened). */
export function onPageWebGpuFault(listener: (reason: string) => void): void {
  if (fault) listener(fault);
  else faultListeners.push(listener);
}

function setFault(reason: string): void {
  if (fault) return;
  fault = reason;
  for (const l of faultListeners.splice(0)) l(reason);
}

function within<T>(p: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const late = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${what} took longer than ${ms / 1000} s`)), ms);
  });
  return Promise.race([p, late]).finally(() => clearTimeout(timer));
}

let activation: Promise<PageWebGpu> | undefined;

/** Make 'webgpu' the page's backend (once); never waits without a limit. */
export function activatePageWebGpu(ms = PAGE_WEBGPU_TIMEOUT_MS): Promise<PageWebGpu> {
  activation ??= activate(ms);
  return activation;
}

async function activate(ms: number): Promise<PageWebGpu> {
  const gpu = (globalThis as { navigator?: { gpu?: GpuLike } }).navigator?.gpu;
  if (!gpu) return { reason: backendReason.failed('webgpu', 'this page has no navigator.gpu (WebGPU is switched off in this Chromium)') };
  try {
    const adapter = await within(gpu.requestAdapter({ powerPreference: 'high-performance' }), ms, 'asking for a WebGPU adapter');
    if (!adapter) return { reason: backendReason.noAdapter() };
    const i = adapter.info ?? {};
    const words = [i.vendor, i.architecture, i.device, i.description].filter(Boolean).join(' ');
    if (!tf.findBackendFactory('webgpu')) return { reason: backendReason.noBackend('@tensorflow/tfjs-backend-webgpu', 'webgpu'), adapter: words };
    // setBackend resolves false (and getBackend() still names webgpu) when no device could be made: check it.
    if (!(await within(tf.setBackend('webgpu'), ms, 'creating the WebGPU device'))) return { reason: backendReason.noAdapter(), adapter: words };
    watchDevice((tf.backend() as unknown as { device: WatchedDevice }).device);
    const first = tf.matMul(tf.ones([4, 4]), tf.ones([4, 4]));
    const values = await within(first.data(), ms * FIRST_OP_FACTOR, 'the first WebGPU operation');
    first.dispose();
    if (values[0] !== 4) return { reason: backendReason.failed('webgpu', `the first operation gave ${values[0]} instead of 4`), adapter: words };
    return { reason: fault ? backendReason.failed('webgpu', fault) : null, adapter: words };
  } catch (e) {
    return { reason: backendReason.failed('webgpu', (e as Error).message) };
  }
}

function watchDevice(device: WatchedDevice): void {
  watching = true;
  void device.lost.then((info) => setFault(`the WebGPU device was lost${info.message ? `: ${info.message}` : ''}`));
  device.addEventListener?.('uncapturederror', (e) => {
    const kind = e.error?.constructor?.name === 'GPUOutOfMemoryError' ? 'out of GPU memory' : 'a WebGPU error';
    setFault(`${kind}: ${e.error?.message ?? 'no details'}`);
  });
}
