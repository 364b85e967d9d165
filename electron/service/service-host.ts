// Entry of the service host: the process that owns the database, the run queue and the trainer launcher, so
// the desktop app's main process only owns windows and relays IPC. Runs as Electron's utilityProcess
// (process.parentPort) or, in tests and on plain Node, under child_process.fork (process.send). It speaks
// service-host-protocol.ts: init → ready | fatal; request → response; events pushed; close → the running run
// is stopped and flushed, the database closed, `closed` sent, and the process exits.
import type { FatalError, FromServiceHost, PortLike, ServiceHostInit, ToServiceHost } from '../common/service-host-protocol';
import { isToServiceHost } from '../common/service-host-protocol';
import { fail } from '../common/result';
import { createDispatcher, type Dispatch } from './dispatcher';
import { ForkLauncher } from './fork-launcher';
import { LabService } from './lab-service';
import type { Launcher } from './launcher';
import { readIdxFiles } from './idx-files';
import { RelayLauncher } from './relay-launcher';
import { WindowLadder } from './window-ladder';
import { checkMnistDir, checkSqliteBinding } from './startup-checks';

interface ParentPortLike {
  on(event: 'message', listener: (e: { data: unknown; ports?: PortLike[] }) => void): void;
  postMessage(message: unknown): void;
}

const parentPort = (process as unknown as { parentPort?: ParentPortLike }).parentPort;

function send(message: FromServiceHost): void {
  if (parentPort) parentPort.postMessage(message);
  else if (process.connected) process.send?.(message);
}

function onMessage(listener: (message: unknown, ports: PortLike[]) => void): void {
  if (parentPort) parentPort.on('message', (e) => listener(e.data, e.ports ?? []));
  else process.on('message', (m) => listener(m, []));
}

let service: LabService | undefined;
let dispatch: Dispatch | undefined;
let relay: RelayLauncher | undefined;
let closing: Promise<void> | undefined;

function fatal(e: unknown, init: ServiceHostInit): FatalError {
  const error = e as Error & { file?: string; path?: string };
  const name = error.name || 'Error';
  const file = error.file ?? error.path ?? (name === 'StoreOpenError' || name === 'NewerDatabaseError' ? init.dbPath : undefined);
  return { name, message: error.message ?? String(e), ...(file ? { file } : {}) };
}

function start(init: ServiceHostInit): void {
  if (service) return;
  let launcher: Launcher;
  if (init.trainers.kind === 'fork') launcher = new ForkLauncher({ entry: init.trainers.entry });
  else {
    // The desktop app: the ladder picks a trainer kind per run (the WebGPU window or the Node trainer).
    const r = (relay = new RelayLauncher(send));
    launcher = new WindowLadder({ launch: (kind) => r.launch(kind), readIdx: readIdxFiles });
  }
  try {
    if (init.sqliteBinding) checkSqliteBinding(init.sqliteBinding, parentPort ? 'this Electron' : 'this Node.js');
    if (init.mnistDir) checkMnistDir(init.mnistDir);
    service = new LabService({ launcher, version: init.version, locale: init.locale, host: 'electron', dbPath: init.dbPath, mnistDir: init.mnistDir, sqliteBinding: init.sqliteBinding });
  } catch (e) {
    send({ type: 'fatal', error: fatal(e, init) });
    setTimeout(() => process.exit(1), 100);
    return;
  }
  dispatch = createDispatcher(service.handlers());
  service.onEvent((event) => send({ type: 'event', event }));
  send({ type: 'ready', dbPath: init.dbPath, recovered: service.recovered });
}

/** Stop the running run (it ends 'stopped' with its records flushed), close the database, then leave. */
function close(): Promise<void> {
  closing ??= (async () => {
    try {
      await service?.close();
    } finally {
      send({ type: 'closed' });
      // Let the message reach the parent; the parent also ends the process if it lingers.
      setTimeout(() => process.exit(0), 200);
    }
  })();
  return closing;
}

async function handle(m: ToServiceHost, ports: PortLike[]): Promise<void> {
  switch (m.type) {
    case 'init':
      start(m.init);
      return;
    case 'request': {
      const result = dispatch && !closing ? await dispatch(m.channel, m.payload) : fail('NotReady', 'Gradient Lab is starting or closing');
      send({ type: 'response', id: m.id, result });
      return;
    }
    case 'close':
      await close();
      return;
    case 'trainer:port':
      relay?.connected(m.id, ports[0], m.pid);
      return;
    case 'trainer:exit':
      relay?.exited(m.id, m.code, m.error ?? null);
      return;
  }
}

onMessage((m, ports) => {
  if (!isToServiceHost(m)) return;
  void handle(m, ports);
});
// A parent that goes away (main crashed) still gets its run stopped and flushed.
process.on('disconnect', () => void close());
