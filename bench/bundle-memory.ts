// Peak memory of `gradient-lab import` on the worst bundles a file can hold, against the same command's idle
// peak (`gradient-lab list` on the same database) measured in this run: a 118 kB gzip of 30 million empty rows,
// rows nested 100 000 deep, and the largest bundle import accepts (a run filling the value budget with
// doubles, short and full-precision). Goal: under 200 MB over idle. Reads VmHWM from /proc, so it runs on Linux only.
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gunzipSync, gzipSync } from 'node:zlib';
import { exportBundle } from '../electron/store/bundles';
import { openStore } from '../electron/store/store';
import { seedFinishedRuns } from '../test/store/store-fixture';

const ROOT = join(import.meta.dirname, '..');
const BUILT = join(ROOT, 'out/main/cli.js');

if (process.platform !== 'linux') {
  console.log('bundle-memory: not run, because peak memory is read from /proc (Linux only)');
  process.exit(0);
}

const dir = mkdtempSync(join(tmpdir(), 'gl-bundle-mem-'));
const db = join(dir, 'lab.db');

/** Run the CLI, sampling its peak resident memory (VmHWM) until it exits; MB and exit code. */
function peakOf(args: string[]): Promise<{ mb: number; code: number | null; stderr: string }> {
  const entry = existsSync(BUILT) ? [BUILT] : ['--import', 'tsx', join(ROOT, 'electron/cli/index.ts')];
  const child = spawn(process.execPath, [...entry, ...args, '--db', db], { cwd: ROOT, stdio: ['ignore', 'ignore', 'pipe'] });
  let stderr = '';
  child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
  let mb = 0;
  const timer = setInterval(() => {
    try {
      const m = /VmHWM:\s+(\d+) kB/.exec(readFileSync(`/proc/${child.pid}/status`, 'utf8'));
      if (m) mb = Math.max(mb, Number(m[1]) / 1024);
    } catch {
      // exited between samples
    }
  }, 5);
  return new Promise((res) => child.once('exit', (code) => (clearInterval(timer), res({ mb, code, stderr: stderr.trim().slice(0, 160) }))));
}

const store = openStore(db);
const good = exportBundle(store, seedFinishedRuns(store), '0.1.0');
store.close();
const base = () => JSON.parse(gunzipSync(good).toString('utf8')) as { runs: Record<string, unknown>[] };
const withText = (f: (json: string) => string) => gzipSync(f(JSON.stringify(base())));

/** A run filling the value budget with 4-decimal numbers, or the unpacked-size cap with full-precision ones. */
function largestAccepted(precise: boolean): Buffer {
  const b = base();
  const r = b.runs[0]!;
  const steps = precise ? 30_000 : 46_000;
  const layers = 5;
  r.config = {
    dataset: { kind: 'mnist', trainSize: 60000, testSize: 100 },
    model: { depth: layers - 1, width: 32, activation: 'sigmoid', initializer: { kind: 'heNormal' }, batchNorm: false, residual: false },
    optimizer: { kind: 'adam', learningRate: 0.001 },
    training: { epochs: 2, batchSize: 1, seed: 7, statsEvery: 1, histogramEvery: 0 },
  };
  r.layers = Array.from({ length: layers }, (_, i) => ({ index: i, name: `dense_${i + 1}`, units: i === layers - 1 ? 10 : 32, fanIn: 32, activation: 'sigmoid', output: i === layers - 1 }));
  r.steps = Array.from({ length: steps }, (_, s) => [s, Math.floor(s / 60000), s % 60000, 2.3 - s * 1e-6, 0.1 + s * 1e-7]);
  r.layerStats = Array.from({ length: steps * layers }, (_, k) => [Math.floor(k / layers), k % layers, ...Array.from({ length: 12 }, (_, f) => (precise ? Math.random() : Math.round(Math.random() * 1e4) / 1e4) + f)]);
  r.histograms = [];
  r.epochs = [];
  b.runs = [r];
  return gzipSync(JSON.stringify(b));
}

const cases: [string, Buffer][] = [
  ['30 million empty rows', withText((s) => s.replace(/"steps":\[\[.*?\]\],"layerStats"/, `"steps":[${'[],'.repeat(30_000_000)}[]],"layerStats"`))],
  ['rows nested 100 000 deep', withText((s) => s.replace(/"steps":\[\[.*?\]\],"layerStats"/, `"steps":${'['.repeat(100_000)}${']'.repeat(100_000)},"layerStats"`))],
  ['largest accepted, 4 decimals', largestAccepted(false)],
  ['largest accepted, full precision', largestAccepted(true)],
];

const idle = await peakOf(['list']);
console.log(`idle peak (gradient-lab list): ${idle.mb.toFixed(0)} MB`);
for (const [name, data] of cases) {
  const file = join(dir, 'case.json.gz');
  writeFileSync(file, data);
  const r = await peakOf(['import', file]);
  const over = r.mb - idle.mb;
  console.log(
    `${name.padEnd(34)} ${(data.length / 1024).toFixed(0).padStart(7)} kB gzip  peak ${r.mb.toFixed(0)} MB  ` +
      `(+${over.toFixed(0)} MB over idle, ratio ${(r.mb / idle.mb).toFixed(2)})  exit ${r.code}${r.code ? `: ${r.stderr}` : ''}  ${over < 200 ? 'within' : 'OVER'} the 200 MB goal`,
  );
}
