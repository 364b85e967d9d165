// Trainers started by the parent for the service host (the desktop app's path: main starts them, the host gets
// a port). Here the parent side is the real ServiceHostClient and the host side the real RelayLauncher inside a
// LabService; the port is a stand-in carrying messages to a real trainer process. A run trains and is saved, a
// stop ends it 'stopped', and a trainer killed from outside fails its run with the reason.
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { FromServiceHost, PortLike, ToServiceHost } from '../../electron/common/service-host-protocol';
import { ForkLauncher } from '../../electron/service/fork-launcher';
import { LabService } from '../../electron/service/lab-service';
import type { TrainerHandle } from '../../electron/service/launcher';
import { mnistDataDir } from '../../electron/service/paths';
import { RelayLauncher } from '../../electron/service/relay-launcher';
import { ServiceHostClient, type StartedTrainer } from '../../electron/service/service-host-client';
import { smallConfig, tempDir } from '../store/store-fixture';
import { recordEvents, TRAINER_ENTRY } from './service-fixture';

/** A MessagePort stand-in whose far end is a forked trainer. */
function portTo(trainer: TrainerHandle): PortLike & { closed: boolean } {
  const listeners: ((e: { data: unknown }) => void)[] = [];
  const closers: (() => void)[] = [];
  const queued: unknown[] = [];
  let started = false;
  const port = {
    closed: false,
    postMessage: (m: unknown) => trainer.send(m as never),
    on(event: 'message' | 'close', l: ((e: { data: unknown }) => void) | (() => void)) {
      if (event === 'message') listeners.push(l as (e: { data: unknown }) => void);
      else closers.push(l as () => void);
      return port;
    },
    start() {
      started = true;
      for (const m of queued.splice(0)) for (const l of listeners) l({ data: m });
    },
    close() {
      port.closed = true;
    },
  };
  trainer.onMessage((m) => {
    if (!started) queued.push(m);
    else for (const l of listeners) l({ data: m });
  });
  trainer.onExit(() => closers.forEach((c) => c()));
  return port;
}

const tmp = tempDir();
const started: TrainerHandle[] = [];
const fork = new ForkLauncher({ entry: TRAINER_ENTRY });
let toParent: (m: unknown) => void = () => {};
const relay = new RelayLauncher((m: FromServiceHost) => toParent(m));
// The parent: the real client, over an in-memory channel to the host side (it listens through toParent).
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
  (): StartedTrainer => {
    const t = fork.launch();
    started.push(t);
    return { port: portTo(t), pid: t.pid, onExit: (l) => t.onExit((code) => l(code)), kill: () => t.kill() };
  },
);
const service = new LabService({ launcher: relay, version: '0.1.0-test', locale: 'en-US', host: 'electron', dbPath: join(tmp.dir, 'relay.db'), mnistDir: mnistDataDir() });
const rec = recordEvents(service);
afterAll(async () => {
  await service.close();
  tmp.cleanup();
});

describe('trainers relayed through the parent', () => {
  it('probes, trains and saves a run through a trainer the parent started', async () => {
    const info = await service.appInfo();
    expect(info.backends.find((b) => b.name === 'wasm')?.available).toBe(true);
    const run = service.startRun(smallConfig({ epochs: 1 }));
    const end = await rec.ended(run.id);
    expect(end.status).toBe('completed');
    expect(service.store.metrics.stepCountOf(run.id)).toBeGreaterThan(5);
  }, 120_000);

  it('stops a run, and fails one whose trainer is killed, with the reason', async () => {
    const a = service.startRun(smallConfig({ trainSize: 3000, batchSize: 16, epochs: 30 }));
    await new Promise<void>((r) => {
      const off = service.onEvent((e) => e.channel === 'run:progress' && e.payload.runId === a.id && e.payload.batches.length > 0 && (off(), r()));
    });
    service.stopRun(a.id);
    expect((await rec.ended(a.id)).status).toBe('stopped');

    const b = service.startRun(smallConfig({ trainSize: 3000, batchSize: 16, epochs: 30 }));
    await new Promise<void>((r) => {
      const off = service.onEvent((e) => e.channel === 'run:progress' && e.payload.runId === b.id && e.payload.batches.length > 0 && (off(), r()));
    });
    started[started.length - 1]!.kill();
    const end = await rec.ended(b.id);
    expect(end.status).toBe('failed');
    expect(end.error).toMatch(/ended unexpectedly/);
  }, 120_000);
});
