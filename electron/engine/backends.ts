// The backend ladder: tfjs-node-gpu (CUDA) → tfjs-node → wasm → cpu. Each rung is probed for real (the
// package imported, the backend initialised) and the reason a rung is skipped is kept in plain words.
import * as tf from '@tensorflow/tfjs';
import '@tensorflow/tfjs-backend-wasm';
import { BACKEND_LADDER, BACKEND_PACKAGES, type BackendName, type BackendProbe } from '../common/app-info';
import { backendReason } from '../common/backend-reasons';
import { installWasmMatMulOverride } from './wasm-matmul';

// Before any backend initialises: route wasm's transposed matMuls through the fast kernel (see wasm-matmul.ts).
installWasmMatMulOverride();

export const BACKEND_ENV_VAR = 'GRADIENT_LAB_BACKEND';

function describeImportError(pkg: string, e: unknown): string {
  const err = e as { code?: string; message?: string };
  if (err?.code === 'ERR_MODULE_NOT_FOUND' || err?.code === 'MODULE_NOT_FOUND') {
    if (String(err.message).includes(`'${pkg}'`) || String(err.message).includes(pkg)) {
      return backendReason.notInstalled(pkg);
    }
  }
  return backendReason.loadFailed(pkg, err?.message ?? String(e));
}

/** Import a native tfjs package (which registers its backend on import). */
async function loadNative(name: 'tensorflow-gpu' | 'tensorflow'): Promise<void> {
  const pkg = BACKEND_PACKAGES[name];
  await import(/* @vite-ignore */ pkg);
}

/** Try to make `name` the active backend. Resolves to null on success or a reason on failure. */
async function tryActivate(name: BackendName): Promise<string | null> {
  try {
    if (name === 'tensorflow-gpu' || name === 'tensorflow') {
      try {
        await loadNative(name);
      } catch (e) {
        return describeImportError(BACKEND_PACKAGES[name], e);
      }
      if (!tf.findBackendFactory(name)) return backendReason.noBackend(BACKEND_PACKAGES[name], name);
    }
    const okay = await tf.setBackend(name);
    if (!okay) return backendReason.initFailed(name);
    if (name === 'tensorflow-gpu') {
      // tfjs-node-gpu falls back to the CPU silently when CUDA is missing; a tiny op proves a device exists.
      tf.tidy(() => tf.matMul(tf.ones([2, 2]), tf.ones([2, 2])).dataSync());
    }
    return null;
  } catch (e) {
    return backendReason.failed(name, (e as Error).message);
  }
}

/** Probe every rung of the ladder without leaving any of them active. */
export async function probeBackends(): Promise<BackendProbe[]> {
  const probes: BackendProbe[] = [];
  const before = tf.getBackend();
  for (const name of BACKEND_LADDER) {
    const reason = await tryActivate(name);
    probes.push(
      reason === null
        ? { name, available: true, reason: backendReason.ready(BACKEND_PACKAGES[name]) }
        : { name, available: false, reason },
    );
  }
  if (before) await tf.setBackend(before);
  return probes;
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
