// Why a backend is (not) available, as stored with each run and shown in About: one English sentence, built
// and parsed here, so the renderer can say the same thing in Japanese without the engine knowing about i18n.

export type BackendReason =
  | { code: 'ready'; pkg: string }
  | { code: 'not-installed'; pkg: string }
  | { code: 'load-failed'; pkg: string; detail: string }
  | { code: 'no-backend'; pkg: string; name: string }
  | { code: 'init-failed'; name: string }
  | { code: 'failed'; name: string; detail: string }
  | { code: 'no-gpu-device'; pkg: string }
  | { code: 'probe-timeout'; pkg: string; seconds: string }
  | { code: 'probe-crashed'; pkg: string; detail: string }
  | { code: 'no-adapter' }
  | { code: 'other-native'; pkg: string }
  | { code: 'window-ready'; adapter: string }
  | { code: 'other'; detail: string };

export const backendReason = {
  ready: (pkg: string) => `${pkg} loaded and initialised`,
  notInstalled: (pkg: string) => `package ${pkg} is not installed`,
  loadFailed: (pkg: string, detail: string) => `package ${pkg} is installed but failed to load: ${detail}`,
  noBackend: (pkg: string, name: string) => `${pkg} loaded but registered no '${name}' backend`,
  initFailed: (name: string) => `backend '${name}' failed to initialise`,
  failed: (name: string, detail: string) => `backend '${name}' failed: ${detail}`,
  noGpuDevice: (pkg: string) => `${pkg} loaded but found no GPU device (are the CUDA 11.2 and cuDNN 8.1 libraries on the library path?)`,
  probeTimeout: (pkg: string, seconds: number) => `package ${pkg} did not finish loading within ${seconds} s`,
  probeCrashed: (pkg: string, detail: string) => `loading package ${pkg} ended its probe process: ${detail}`,
  noAdapter: () => 'no WebGPU adapter on this machine (no GPU driver with Vulkan, Metal or Direct3D 12)',
  otherNative: (pkg: string) => `not tried: ${pkg} is already loaded in this process (two TensorFlow libraries cannot share one)`,
  /** The desktop app's WebGPU rung: a hidden window on Chromium's navigator.gpu. */
  windowReady: (adapter: string) => `Chromium's WebGPU in a hidden trainer window, adapter: ${adapter}`,
};

const PATTERNS: [RegExp, (m: RegExpMatchArray) => BackendReason][] = [
  [/^package (\S+) is not installed$/, (m) => ({ code: 'not-installed', pkg: m[1]! })],
  [/^package (\S+) is installed but failed to load: ([\s\S]*)$/, (m) => ({ code: 'load-failed', pkg: m[1]!, detail: m[2]! })],
  [/^(\S+) loaded but registered no '([^']+)' backend$/, (m) => ({ code: 'no-backend', pkg: m[1]!, name: m[2]! })],
  [/^backend '([^']+)' failed to initialise$/, (m) => ({ code: 'init-failed', name: m[1]! })],
  [/^backend '([^']+)' failed: ([\s\S]*)$/, (m) => ({ code: 'failed', name: m[1]!, detail: m[2]! })],
  [/^(\S+) loaded but found no GPU device/, (m) => ({ code: 'no-gpu-device', pkg: m[1]! })],
  [/^package (\S+) did not finish loading within (\S+) s$/, (m) => ({ code: 'probe-timeout', pkg: m[1]!, seconds: m[2]! })],
  [/^loading package (\S+) ended its probe process: ([\s\S]*)$/, (m) => ({ code: 'probe-crashed', pkg: m[1]!, detail: m[2]! })],
  [/^no WebGPU adapter on this machine/, () => ({ code: 'no-adapter' })],
  [/^not tried: (\S+) is already loaded in this process/, (m) => ({ code: 'other-native', pkg: m[1]! })],
  [/^(\S+) loaded and initialised$/, (m) => ({ code: 'ready', pkg: m[1]! })],
  [/^Chromium's WebGPU in a hidden trainer window, adapter: ([\s\S]*)$/, (m) => ({ code: 'window-ready', adapter: m[1]! })],
];

/** Read a reason sentence back into its parts; sentences from elsewhere come back as 'other'. */
export function parseBackendReason(reason: string): BackendReason {
  for (const [re, make] of PATTERNS) {
    const m = reason.match(re);
    if (m) return make(m);
  }
  return { code: 'other', detail: reason };
}
