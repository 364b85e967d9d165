// The web host in a process of its own, as `gradient-lab serve` runs it, over a small renderer folder so the
// attack tests need no build. argv: database file. Prints one JSON line {port, token, pid} when listening.
// With FLOOD_KB set, it also pushes a stand-in of a fast training run: 200 progress events a second of that
// many kB each, the shape the service emits (runId, progress, batches), so a client that stops reading can be
// watched against the host's memory.
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { LabEvent } from '../../electron/common/contract';
import { createNodeLab } from '../../electron/service/node-lab';
import { startWebHost } from '../../electron/web/web-host';

const root = join(mkdtempSync(join(tmpdir(), 'gl-serve-')), 'renderer');
mkdirSync(root, { recursive: true });
writeFileSync(join(root, 'index.html'), '<!doctype html><title>Gradient Lab</title>');
const lab = createNodeLab({
  version: '9.9.9',
  host: 'web',
  entryUrl: import.meta.url,
  trainerEntry: resolve(import.meta.dirname, '../../electron/engine/trainer-process.ts'),
  db: process.argv[2],
});

const floodKb = Number(process.env.FLOOD_KB ?? 0);
const subscribe = (listener: (e: LabEvent) => void) => {
  const off = lab.service.onEvent(listener);
  if (!floodKb) return off;
  let step = 0;
  const batches = Array.from({ length: Math.ceil((floodKb * 1024) / 60) }, (_, i) => ({ type: 'batch' as const, step: i, epoch: 0, batch: i, loss: 2.3, acc: 0.1 }));
  const timer = setInterval(() => {
    step++;
    listener({
      channel: 'run:progress',
      payload: {
        runId: 1,
        progress: { runId: 1, status: 'running', step, totalSteps: 1e9, epoch: 0, epochs: 1, samplesPerSec: null, etaSec: null },
        batches,
        epochs: [],
        histograms: [],
      },
    });
  }, 5);
  return () => {
    clearInterval(timer);
    off();
  };
};

const host = await startWebHost({ dispatch: lab.dispatch, subscribe, rendererDir: root, port: 0 });
process.stdout.write(JSON.stringify({ port: host.port, token: host.token, pid: process.pid }) + '\n');
process.on('SIGTERM', () => void host.close().then(() => lab.close()).then(() => process.exit(0)));
