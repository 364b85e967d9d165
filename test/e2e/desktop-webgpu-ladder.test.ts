// The desktop app's WebGPU rung end to end, without Electron: the real LabService with the ladder the service
// host uses in the app (WindowLadder over the real RelayLauncher and ServiceHostClient), real SQLite, real
// forked Node trainers for the 'node' kind, and for the 'webgpu-window' kind the built trainer page in headless
// Chromium on SwiftShader, reached through a stand-in for the MessagePort main would hand it. With an adapter
// the run trains on WebGPU and its record says so (backend, engine, why CUDA was skipped), and About's probe
// lists the rung; without one the run trains on the Node trainer with the window's reason saved on it.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { backendReason } from '../../electron/common/backend-reasons';
import { MNIST_FILES } from '../../electron/common/mnist-files';
import type { FromServiceHost, PortLike, ToServiceHost, TrainerKind } from '../../electron/common/service-host-protocol';
import type { ToTrainer } from '../../electron/common/trainer-protocol';
import { ForkLauncher } from '../../electron/service/fork-launcher';
import { readIdxFiles } from '../../electron/service/idx-files';
import { LabService } from '../../electron/service/lab-service';
import type { TrainerHandle } from '../../electron/service/launcher';
import { mnistDataDir } from '../../electron/service/paths';
import { RelayLauncher } from '../../electron/service/relay-launcher';
import { ServiceHostClient, type StartedTrainer } from '../../electron/service/service-host-client';
import { WindowLadder } from '../../electron/service/window-ladder';
import { recordEvents, TRAINER_ENTRY } from '../service/service-fixture';
import { smallConfig, tempDir } from '../store/store-fixture';
import { openTrainerPage, WEBGPU_ARGS, type TrainerPage } from './trainer-page-harness';

/** The MessagePort main would hand the host, its far end a forked Node trainer. */
function portToNode(trainer: TrainerHandle): PortLike {
  const listeners: ((e: { data: unknown }) => void)[] = [];
  const queued: unknown[] = [];
  let started = false;
  trainer.onMessage((m) => (started ? listeners.forEach((l) => l({ data: m })) : queued.push(m)));
  const port: PortLike = {
    postMessage: (m) => trainer.send(m as ToTrainer),
    on: (event: 'message' | 'close', l: ((e: { data: unknown }) => void) | (() => void)) => {
      if (event === 'message') listeners.push(l as (e: { data: unknown }) => void);
      return port;
    },
    start: () => {
      started = true;
      for (const m of queued.splice(0)) listeners.forEach((l) => l({ data: m }));
    },
    close: () => {},
  };
  return port;
}

/** The MessagePort main would hand the host, its far end the trainer page. The IDX bytes the host read are
 * checked against the files here and fetched by the page from the harness (the same bytes, without pushing
 * 55 MB through the browser's debugging protocol). */
function portToPage(tp: TrainerPage, seenIdx: number[][]): PortLike {
  const listeners: ((e: { data: unknown }) => void)[] = [];
  tp.onMessage((m) => listeners.forEach((l) => l({ data: m })));
  const port: PortLike = {
    postMessage: (m) => {
      const msg = m as ToTrainer;
      if (msg.type === 'start' && msg.idxFiles) {
        seenIdx.push(Object.values(msg.idxFiles).map((b) => b.byteLength));
        void tp.start(msg.config, msg.mnistDir);
      } else void tp.send(msg);
    },
    on: (event: 'message' | 'close', l: ((e: { data: unknown }) => void) | (() => void)) => {
      if (event === 'message') listeners.push(l as (e: { data: unknown }) => void);
      return port;
    },
    start: () => {},
    close: () => {},
  };
  return port;
}

function desktopService(chromiumArgs: string[], dbPath: string) {
  const fork = new ForkLauncher({ entry: TRAINER_ENTRY });
  const pages: TrainerPage[] = [];
  const seenIdx: number[][] = [];
  let toParent: (m: unknown) => void = () => {};
  const relay = new RelayLauncher((m: FromServiceHost) => toParent(m));
  new ServiceHostClient(
    {
      postMessage: (m: ToServiceHost, ports?: PortLike[]) => {
        if (m.type === 'trainer:port') relay.connected(m.id, ports?.[0], m.pid);
        if (m.type === 'trainer:exit') relay.exited(m.id, m.code, m.error ?? null);
      },
      onMessage: (l) => void (toParent = l),
      onExit: () => {},
      kill: () => {},
    },
    (kind: TrainerKind): StartedTrainer => {
      if (kind === 'node') {
        const t = fork.launch();
        return { port: portToNode(t), pid: t.pid, onExit: (l) => t.onExit((code) => l(code)), kill: () => t.kill() };
      }
      // A page that is opening: its port buffers until the page is there (as a MessagePort queues until started).
      const pending: { send: ToTrainer[]; listeners: ((e: { data: unknown }) => void)[]; exit: ((c: number | null) => void)[] } = { send: [], listeners: [], exit: [] };
      let live: PortLike | undefined;
      let tp: TrainerPage | undefined;
      void openTrainerPage(chromiumArgs).then((page) => {
        tp = page;
        pages.push(page);
        page.page.on('close', () => pending.exit.forEach((l) => l(0)));
        live = portToPage(page, seenIdx);
        for (const l of pending.listeners) live.on('message', l);
        for (const m of pending.send.splice(0)) live.postMessage(m);
      });
      const port: PortLike = {
        postMessage: (m) => (live ? live.postMessage(m) : pending.send.push(m as ToTrainer)),
        on: (event: 'message' | 'close', l: ((e: { data: unknown }) => void) | (() => void)) => {
          if (event === 'message') pending.listeners.push(l as (e: { data: unknown }) => void);
          return port;
        },
        start: () => {},
        close: () => {},
      };
      return { port, onExit: (l) => pending.exit.push(l), kill: () => void tp?.page.close() };
    },
  );
  const ladder = new WindowLadder({ launch: (kind) => relay.launch(kind), readIdx: readIdxFiles });
  const service = new LabService({ launcher: ladder, version: '0.1.0-test', locale: 'en-US', host: 'electron', dbPath, mnistDir: mnistDataDir() });
  return { service, pages, seenIdx, close: async () => {
    await service.close();
    for (const p of pages) await p.close();
  } };
}

const tmp = tempDir();
afterAll(() => tmp.cleanup());
const deepSigmoid = () => ({ ...smallConfig({ trainSize: 192, testSize: 100, batchSize: 64 }), model: { depth: 6, width: 32, activation: 'sigmoid' as const, initializer: { kind: 'glorotUniform' as const }, batchNorm: false, residual: false } });

describe('desktop ladder with the real trainer page', () => {
  it('trains on the WebGPU window where an adapter exists; About and the run record say so', async () => {
    const app = desktopService(WEBGPU_ARGS, join(tmp.dir, 'webgpu.db'));
    try {
      const info = await app.service.appInfo();
      expect(info.backends.find((b) => b.name === 'webgpu')).toEqual({ name: 'webgpu', available: true, reason: backendReason.windowReady('google swiftshader') });
      const rec = recordEvents(app.service);
      const run = app.service.startRun(deepSigmoid());
      const end = await rec.ended(run.id, 150_000);
      expect(end.status).toBe('completed');
      const saved = app.service.store.runs.get(run.id)!;
      expect(saved.backend).toBe('webgpu');
      expect(saved.engine).toBe('tape');
      expect(saved.skipped.map((s) => s.name)).toEqual(['tensorflow-gpu']);
      expect(app.service.store.metrics.stepCountOf(run.id)).toBe(3);
      // The host read the four files and handed their bytes on.
      const sizes = Object.values(MNIST_FILES).map((f) => readFileSync(join(mnistDataDir()!, f)).byteLength);
      expect(app.seenIdx).toEqual([sizes]);
    } finally {
      await app.close();
    }
  }, 240_000);

  it('falls back to the Node trainer with the window\'s reason saved on the run where Chromium has no WebGPU', async () => {
    const app = desktopService(['--headless', '--no-sandbox', '--disable-gpu'], join(tmp.dir, 'fallback.db'));
    try {
      const rec = recordEvents(app.service);
      const run = app.service.startRun(smallConfig());
      expect((await rec.ended(run.id, 150_000)).status).toBe('completed');
      const saved = app.service.store.runs.get(run.id)!;
      expect(['wasm', 'cpu', 'tensorflow']).toContain(saved.backend);
      const webgpu = saved.skipped.find((s) => s.name === 'webgpu')!;
      expect(webgpu.reason).toMatch(/no WebGPU adapter|navigator\.gpu/);
      expect(webgpu.reason).not.toMatch(/Dawn/);
      const info = await app.service.appInfo();
      expect(info.backends.find((b) => b.name === 'webgpu')).toMatchObject({ available: false, reason: webgpu.reason });
    } finally {
      await app.close();
    }
  }, 240_000);
});
