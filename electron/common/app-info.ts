// What the app reports about itself: version, platform and the backend ladder as probed on this machine.
import { z } from 'zod';

/** The backend ladder, best first. */
export const BACKEND_LADDER = ['tensorflow-gpu', 'webgpu', 'tensorflow', 'wasm', 'cpu'] as const;
export const BackendNameSchema = z.enum(BACKEND_LADDER);
export type BackendName = z.infer<typeof BackendNameSchema>;

/** The npm package each backend comes from. */
export const BACKEND_PACKAGES: Record<BackendName, string> = {
  'tensorflow-gpu': '@tensorflow/tfjs-node-gpu',
  webgpu: '@tensorflow/tfjs-backend-webgpu',
  tensorflow: '@tensorflow/tfjs-node',
  wasm: '@tensorflow/tfjs-backend-wasm',
  cpu: '@tensorflow/tfjs-backend-cpu',
};

export interface BackendProbe {
  name: BackendName;
  available: boolean;
  /** Why it is (not) available, in plain words. */
  reason: string;
}

/**
 * Gradient Lab's own WebAssembly SIMD training kernels (electron/engine/kernels): on the wasm and cpu backends they
 * run the training step of every model without batch normalization.
 */
export const KERNELS_READY = 'WebAssembly SIMD kernels loaded';

export interface KernelsProbe {
  available: boolean;
  /** Why they are (not) available, in plain words. */
  reason: string;
}

export interface AppInfo {
  version: string;
  platform: string;
  arch: string;
  locale: string;
  /** How the app is hosted: the desktop window, the browser mode web host or the CLI. */
  host: 'electron' | 'web' | 'cli';
  backends: BackendProbe[];
  kernels: KernelsProbe;
}
