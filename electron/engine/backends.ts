// The backend ladder: tfjs-node-gpu (CUDA) → WebGPU → tfjs-node → wasm → cpu. Each rung is probed for real and
// the reason a rung is skipped is kept in plain words. The native TensorFlow packages are first loaded in a
// child process of their own (native-probe.ts): only the one chosen is ever loaded here, so one process never
// holds two libtensorflows, and tfjs-node-gpu counts only when its backend reports a GPU device.
import * as tf from '@tensorflow/tfjs';
import '@tensorflow/tfjs-backend-wasm';
import { createRequire } from 'node:module';
import { BACKEND_LADDER, BACKEND_PACKAGES, type BackendName, type BackendProbe } from '../common/app-info';
import { backendReason } from '../common/backend-reasons';
import { probeNativePackage, resolveNativePackage } from './native-probe';
import { installWasmMatMulOverride } from './wasm-matmul';
import { activateWebGpu } from './webgpu-rung';

// Before any backend initialises: route wasm's transposed matMuls through the fast kernel (see wasm-matmul.ts).
installWasmMatMulOverride();

export const BACKEND_ENV_VAR = 'GRADIENT_LAB_BACKEND';

type NativeName = 'tensorflow-gpu' | 'tensorflow';
const isNative = (name: BackendName): name is NativeName => name === 'tensorflow-gpu' || name === 'tensorflow';

/** The native package loaded into this process, if any (there is never a second). */
let nativeLoaded: string | undefined;

/** What the backend of tfjs-node(-gpu) says about itself (nodejs_kernel_backend.ts). */
interface NodeBackendFlags {
  isGPUPackage?: boolean;
  isUsingGpuDevice?: boolean;
}

/** Probe a native package in a child process; null when it may be loaded here, else the reason it may not. */
async function vetNative(name: NativeName): Promise<string | null> {
  const pkg = BACKEND_PACKAGES[name];
  if (nativeLoaded && nativeLoaded !== pkg) return backendReason.otherNative(nativeLoaded);
  const r = await probeNativePackage(pkg);
  switch (r.kind) {
    case 'not-installed':
      return backendReason.notInstalled(pkg);
    case 'load-failed':
      return backendReason.loadFailed(pkg, r.detail);
    case 'no-backend':
      return backendReason.noBackend(pkg, 'tensorflow');
    case 'timeout':
      return backendReason.probeTimeout(pkg, r.ms / 1000);
    case 'crashed':
      return backendReason.probeCrashed(pkg, r.detail);
    case 'ok':
      return name === 'tensorflow-gpu' && !(r.gpuPackage && r.gpuDevice) ? backendReason.noGpuDevice(pkg) : null;
    default: {
      const never: never = r;
      return backendReason.failed(name, `unexpected probe answer ${JSON.stringify(never)}`);
    }
  }
}

/** Load a vetted native package here and make its 'tensorflow' backend active. */
async function activateNative(name: NativeName): Promise<string | null> {
  const pkg = BACKEND_PACKAGES[name];
  const entry = resolveNativePackage(pkg);
  if (!entry) return backendReason.notInstalled(pkg);
  nativeLoaded = pkg;
  try {
    createRequire(import.meta.url)(entry);
  } catch (e) {
    return backendReason.loadFailed(pkg, (e as Error).message);
  }
  if (!tf.findBackendFactory('tensorflow')) return backendReason.noBackend(pkg, 'tensorflow');
  if (!(await tf.setBackend('tensorflow'))) return backendReason.initFailed(name);
  const flags = tf.backend() as unknown as NodeBackendFlags;
  if (name === 'tensorflow-gpu' && !(flags.isGPUPackage && flags.isUsingGpuDevice)) return backendReason.noGpuDevice(pkg);
  return null;
}

/** Try to make `name` the active backend. Resolves to null on success or a reason on failure. */
async function tryActivate(name: BackendName): Promise<string | null> {
  try {
    if (isNative(name)) return (await vetNative(name)) ?? (await activateNative(name));
    if (name === 'webgpu') return await activateWebGpu();
    return (await tf.setBackend(name)) ? null : backendReason.initFailed(name);
  } catch (e) {
    return backendReason.failed(name, (e as Error).message);
  }
}

/** Probe every rung of the ladder; native packages only in their probe processes, none left active. */
export async function probeBackends(): Promise<BackendProbe[]> {
  const before = tf.getBackend();
  const probes = await Promise.all(
    BACKEND_LADDER.map(async (name): Promise<BackendProbe> => {
      // The in-process rungs one after another (they switch the active backend); the probe children at once.
      const reason = isNative(name) ? await vetNative(name) : await inTurn(() => tryActivate(name));
      return reason === null ? { name, available: true, reason: backendReason.ready(BACKEND_PACKAGES[name]) } : { name, available: false, reason };
    }),
  );
  if (before) await tf.setBackend(before);
  return probes;
}

let queue: Promise<unknown> = Promise.resolve();
function inTurn<T>(f: () => Promise<T>): Promise<T> {
  const next = queue.then(f, f);
  queue = next.catch(() => undefined);
  return next;
}

export interface BackendChoice {
  backend: BackendName;
  /** Every rung above the chosen one, with why it was skipped. */
  skipped: { name: BackendName; reason: string }[];
}

/**
 * Activate the best available backend, starting at `preferred` (from the config, a CLI flag or the
 * GRADIENT_LAB_BACKEND env var) or at the top of the ladder.
 */
export async function selectBackend(preferred?: BackendName): Promise<BackendChoice> {
  const fromEnv = process.env[BACKEND_ENV_VAR];
  const start = preferred ?? (BACKEND_LADDER.includes(fromEnv as BackendName) ? (fromEnv as BackendName) : undefined);
  const skipped: BackendChoice['skipped'] = [];
  const startIndex = start ? BACKEND_LADDER.indexOf(start) : 0;
  for (const name of BACKEND_LADDER.slice(startIndex)) {
    const reason = await tryActivate(name);
    if (reason === null) return { backend: name, skipped };
    skipped.push({ name, reason });
  }
  throw new Error(`No backend could be started: ${skipped.map((s) => `${s.name}: ${s.reason}`).join('; ')}`);
}
