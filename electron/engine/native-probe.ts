// Probing a native TensorFlow package (tfjs-node-gpu, tfjs-node) in a short-lived child process of its own.
// Loading libtensorflow can abort the process (a broken CUDA install), hang in a driver, or pull a second
// libtensorflow into a process that already has one; none of that may happen to the trainer. The child loads
// the package, activates its 'tensorflow' backend and reports whether that backend really runs on a GPU
// device (tfjs-node-gpu falls back to the CPU silently when the CUDA libraries are missing).
import { spawn } from 'node:child_process';
import { createRequire } from 'node:module';
import { join } from 'node:path';

/**
 * A folder whose node_modules holds the native packages, used instead of the app's own for resolving them
 * (and only for that): lets tests stand a package shaped like tfjs-node-gpu in for the real one.
 */
export const NATIVE_MODULES_ENV_VAR = 'GRADIENT_LAB_NATIVE_MODULES';
/** How long one probe child may take, in milliseconds (loading CUDA libraries takes seconds; a hang, forever). */
export const NATIVE_PROBE_TIMEOUT_ENV_VAR = 'GRADIENT_LAB_NATIVE_PROBE_TIMEOUT_MS';
const DEFAULT_TIMEOUT_MS = 60_000;
/** The most probe output read back (a crashing library can print a lot). */
const MAX_OUTPUT = 64 * 1024;

export type NativeProbeResult =
  | { kind: 'not-installed' }
  | { kind: 'ok'; gpuPackage: boolean; gpuDevice: boolean }
  | { kind: 'load-failed'; detail: string }
  | { kind: 'no-backend' }
  | { kind: 'timeout'; ms: number }
  | { kind: 'crashed'; detail: string };

/** Absolute path of `pkg`'s entry, from the override folder or the app's own modules; null when absent. */
export function resolveNativePackage(pkg: string): string | null {
  const root = process.env[NATIVE_MODULES_ENV_VAR];
  const req = createRequire(root ? join(root, 'package.json') : import.meta.url);
  try {
    return req.resolve(pkg);
  } catch {
    return null;
  }
}

/** The mark before a probe child's one line of answer (libraries may print their own lines). */
export const PROBE_MARK = 'GRADIENT_LAB_PROBE ';
// Runs in the child (CommonJS, via -e): load the package, make 'tensorflow' active, read what its backend
// says about the device. One line on stdout carries the answer.
const CHILD_SCRIPT = `
const say = (o) => process.stdout.write(${JSON.stringify(PROBE_MARK)} + JSON.stringify(o) + '\\n');
let tf;
try { tf = require(process.argv[1]); } catch (e) { say({ kind: 'load-failed', detail: String(e && e.message || e) }); process.exit(0); }
Promise.resolve()
  .then(() => typeof tf.findBackendFactory === 'function' && tf.findBackendFactory('tensorflow') ? tf.setBackend('tensorflow') : false)
  .then((ok) => {
    if (!ok) return say({ kind: 'no-backend' });
    const b = tf.backend();
    say({ kind: 'ok', gpuPackage: b.isGPUPackage === true, gpuDevice: b.isUsingGpuDevice === true });
  })
  .catch((e) => say({ kind: 'load-failed', detail: String(e && e.message || e) }))
  .then(() => process.exit(0));
`;

function timeoutMs(): number {
  const v = Number(process.env[NATIVE_PROBE_TIMEOUT_ENV_VAR]);
  return Number.isFinite(v) && v > 0 ? v : DEFAULT_TIMEOUT_MS;
}

/** The first line of a child's stderr that is not part of a stack dump, as a short reason. */
function firstLine(text: string): string {
  const lines = text.split('\n').map((l) => l.trim()).filter((l) => l && !/^(at |node:|\d+: |-+|=+|Native stack)/.test(l));
  return (lines[0] ?? '').slice(0, 500);
}

export type ChildAnswer = { kind: 'answer'; value: unknown } | { kind: 'timeout'; ms: number } | { kind: 'crashed'; detail: string };

/**
 * Run `script` (CommonJS, via -e) with `arg` in a plain Node child and read back the one line it prints after
 * the probe mark. Never throws; kills the child after `ms`.
 */
export function runChildProbe(script: string, arg: string, ms: number, env: NodeJS.ProcessEnv = process.env): Promise<ChildAnswer> {
  return new Promise((resolve) => {
    // Inside Electron (utility process) process.execPath is the app itself: run it as plain Node.
    const child = spawn(process.execPath, ['-e', script, arg], {
      env: { ...env, ELECTRON_RUN_AS_NODE: '1' },
      stdio: ['ignore', 'pipe', 'pipe'],
      windowsHide: true,
    });
    let out = '';
    let err = '';
    let settled = false;
    const finish = (r: ChildAnswer) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      resolve(r);
    };
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      finish({ kind: 'timeout', ms });
    }, ms);
    child.stdout.on('data', (d: Buffer) => {
      if (out.length < MAX_OUTPUT) out += d.toString();
    });
    child.stderr.on('data', (d: Buffer) => {
      if (err.length < MAX_OUTPUT) err += d.toString();
    });
    child.on('error', (e) => finish({ kind: 'crashed', detail: e.message }));
    child.on('close', (code, signal) => {
      const line = out.split('\n').find((l) => l.startsWith(PROBE_MARK));
      if (line) {
        try {
          finish({ kind: 'answer', value: JSON.parse(line.slice(PROBE_MARK.length)) });
          return;
        } catch {
          // fall through: report the exit
        }
      }
      const how = signal ? `signal ${signal}` : `exit code ${code}`;
      const detail = firstLine(err);
      finish({ kind: 'crashed', detail: detail ? `${how}: ${detail}` : how });
    });
  });
}

/** Load `pkg` in a child process and say what its 'tensorflow' backend runs on. Never throws, never hangs. */
export async function probeNativePackage(pkg: string): Promise<NativeProbeResult> {
  const entry = resolveNativePackage(pkg);
  if (!entry) return { kind: 'not-installed' };
  const answer = await runChildProbe(CHILD_SCRIPT, entry, timeoutMs());
  return answer.kind === 'answer' ? (answer.value as NativeProbeResult) : answer;
}
