// Soak: 50 back-to-back small MNIST runs through one lab service (real trainer processes, real SQLite file).
// Prints the host's resident memory (RSS, after a GC when --expose-gc is given) and each trainer's peak RSS at
// the start, middle and end, plus the host's open listeners and heap. Flat is the target: the host must not
// grow with the number of runs. Each run gets a fresh trainer process, so tensors cannot pile up across runs;
// within a run the engine's own test holds tf.memory().numTensors flat (the trainer does not report it).
// Run: npx tsx bench/soak.ts [runs]   (default 50; the built trainer out/main/trainer.js is used when present)
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { RunStatusEvent } from '../electron/common/runs';
import { ForkLauncher } from '../electron/service/fork-launcher';
import type { Launcher, TrainerHandle } from '../electron/service/launcher';
import { LabService } from '../electron/service/lab-service';
import { mnistDataDir } from '../electron/service/paths';
import { smallConfig } from '../test/store/store-fixture';

const RUNS = Number(process.argv[2] ?? 50);
const ROOT = resolve(import.meta.dirname, '..');
const built = join(ROOT, 'out/main/trainer.js');
const entry = existsSync(built) ? built : join(ROOT, 'electron/engine/trainer-process.ts');

const mb = (bytes: number) => (bytes / 1024 / 1024).toFixed(1);

/** VmRSS of a process in bytes (Linux /proc), or NaN where it cannot be read. */
function rssOf(pid: number | undefined): number {
  if (pid === undefined) return NaN;
  try {
    const m = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return m ? Number(m[1]) * 1024 : NaN;
  } catch {
    return NaN;
  }
}

/** Samples each trainer's RSS every 100 ms while it lives; keeps the peak. */
class SampledLauncher implements Launcher {
  peak = 0;
  private readonly inner = new ForkLauncher({ entry });
  launch(): TrainerHandle {
    const h = this.inner.launch();
    this.peak = 0;
    const timer = setInterval(() => {
      const r = rssOf(h.pid);
      if (r > this.peak) this.peak = r;
    }, 100);
    h.onExit(() => clearInterval(timer));
    return h;
  }
}

const gc = (globalThis as { gc?: () => void }).gc;
const dir = mkdtempSync(join(tmpdir(), 'gradient-lab-soak-'));
const launcher = new SampledLauncher();
const service = new LabService({ launcher, version: 'soak', locale: 'en-US', host: 'cli', dbPath: join(dir, 'lab.db'), mnistDir: mnistDataDir() });
const config = smallConfig({ trainSize: 600, testSize: 100, batchSize: 20, epochs: 1 });

function ended(runId: number): Promise<RunStatusEvent> {
  return new Promise((res) => {
    const off = service.onEvent((e) => {
      if (e.channel === 'run:status' && e.payload.runId === runId && !['queued', 'running'].includes(e.payload.status)) {
        off();
        res(e.payload);
      }
    });
  });
}

interface Row {
  run: number;
  hostRss: number;
  heap: number;
  trainerPeak: number;
  seconds: number;
}
const rows: Row[] = [];
const t0 = performance.now();
console.log(`soak: ${RUNS} runs of ${config.dataset.kind === 'mnist' ? config.dataset.trainSize : '?'} images, trainer ${entry.replace(ROOT + '/', '')}${gc ? '' : ' (no --expose-gc: host RSS includes garbage)'}`);
try {
  for (let i = 1; i <= RUNS; i++) {
    const t = performance.now();
    const run = service.startRun(config, `soak ${i}`);
    const end = await ended(run.id);
    await service.idle();
    if (end.status !== 'completed') throw new Error(`run ${i} ended ${end.status}: ${end.error}`);
    gc?.();
    rows.push({ run: i, hostRss: process.memoryUsage().rss, heap: process.memoryUsage().heapUsed, trainerPeak: launcher.peak, seconds: (performance.now() - t) / 1000 });
  }
} finally {
  await service.close();
  rmSync(dir, { recursive: true, force: true });
}

const pick = [rows[0]!, rows[Math.floor((rows.length - 1) / 2)]!, rows[rows.length - 1]!];
console.log('run   host RSS MB   host heap MB   trainer peak RSS MB   run s');
for (const r of pick) {
  console.log(`${String(r.run).padStart(3)}   ${mb(r.hostRss).padStart(11)}   ${mb(r.heap).padStart(12)}   ${mb(r.trainerPeak).padStart(19)}   ${r.seconds.toFixed(2).padStart(5)}`);
}
const growth = (f: (r: Row) => number) => f(pick[2]!) - f(pick[1]!);
console.log(
  `growth middle → end: host RSS ${mb(growth((r) => r.hostRss))} MB, host heap ${mb(growth((r) => r.heap))} MB, ` +
    `trainer peak ${mb(growth((r) => r.trainerPeak))} MB over ${rows.length - pick[1]!.run} runs; total ${((performance.now() - t0) / 1000).toFixed(0)} s`,
);
