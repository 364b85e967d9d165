// Entry of the trainer process. Runs under child_process.fork (CLI, web host, tests) or Electron's
// utilityProcess, and speaks only the trainer protocol of electron/common: probe → probe-result;
// start → started, batch/epoch/histogram records, then exactly one of done / stopped / diverged / failed;
// stop → the run stops within one batch (or, when idle, the process exits).
import { ExperimentConfigSchema } from '../common/config';
import type { FromTrainer, ToTrainer } from '../common/trainer-protocol';
import { parseOrThrow } from '../common/validation';
import { probeBackends, selectBackend } from './backends';
import { probeKernels } from './kernels/kernels';
import { assertBatchFits, loadDataset } from './data/load';
import { train } from './train/train';
import { onWebGpuFault, webgpuFault } from './webgpu-rung';

interface PortLike {
  on(event: 'message', listener: (e: { data: unknown; ports?: PortLike[] }) => void): void;
  on(event: 'close', listener: () => void): void;
  postMessage(message: unknown): void;
  start?(): void;
}

// Electron's utilityProcess exposes process.parentPort, over which main hands this trainer the MessagePort
// of the service host that will drive it; a forked Node child uses process.send.
const parentPort = (process as unknown as { parentPort?: PortLike }).parentPort;
let hostPort: PortLike | undefined;
/** The exit code waiting for the parent's acknowledgement of the run's last message. */
let endingWith: number | undefined;

function send(message: FromTrainer): void {
  if (hostPort) hostPort.postMessage(message);
  else if (process.connected) process.send?.(message);
}

/**
 * Send the last message of a run, then leave once it has been handed over: under fork, when the message is
 * written to the pipe; over a MessagePort (which has no delivery callback), when the parent acknowledges it
 * with `stop`, or the port closes, or (a parent that never answers) after a while.
 */
function sendAndExit(message: FromTrainer, code: number): void {
  const exit = () => process.exit(code);
  if (hostPort) {
    endingWith = code;
    hostPort.postMessage(message);
    setTimeout(exit, 10_000);
  } else if (process.connected && process.send) {
    process.send(message, undefined, {}, exit);
    setTimeout(exit, 2000).unref();
  } else exit();
}

function onMessage(listener: (message: ToTrainer) => void): void {
  if (parentPort) {
    parentPort.on('message', (e) => {
      const port = e.ports?.[0];
      if (hostPort || !port || (e.data as { type?: unknown } | null)?.type !== 'connect') return;
      hostPort = port;
      port.on('message', (m) => listener(m.data as ToTrainer));
      // The service host went away: nothing is left to train for.
      port.on('close', () => process.exit(endingWith ?? 0));
      port.start?.();
      send({ type: 'ready', pid: process.pid });
    });
  } else process.on('message', (m) => listener(m as ToTrainer));
}

let run: AbortController | undefined;
/** The last step whose batch record went out, so a stop can say how far the run was when it arrived. */
let lastStep = -1;
let requestedAfterStep: number | undefined;

async function start(message: Extract<ToTrainer, { type: 'start' }>): Promise<void> {
  const controller = new AbortController();
  run = controller;
  const config = parseOrThrow(ExperimentConfigSchema, message.config, 'config');
  const choice = await selectBackend(config.backend);
  // A lost GPU device may leave a step waiting on a read that never completes: end the run with the reason.
  if (choice.backend === 'webgpu') onWebGpuFault((reason) => sendAndExit({ type: 'failed', message: reason }, 1));
  const data = await loadDataset(config.dataset, config.training.seed, message.mnistDir);
  assertBatchFits(config.dataset, data, config.training.batchSize);
  const outcome = await train(
    config,
    data,
    {
      onStart: (info) => send({ type: 'started', backend: choice.backend, skipped: choice.skipped, ...info }),
      onBatch: (record) => {
        lastStep = record.step;
        send(record);
      },
      onEpoch: send,
      onHistogram: send,
      onProbe: send,
    },
    controller.signal,
  );
  sendAndExit(outcome.type === 'stopped' && requestedAfterStep !== undefined ? { ...outcome, requestedAfterStep } : outcome, 0);
}

async function handle(message: ToTrainer): Promise<void> {
  switch (message.type) {
    case 'probe':
      send({ type: 'probe-result', backends: await probeBackends(), kernels: probeKernels() });
      return;
    case 'start':
      if (run) {
        send({ type: 'log', message: 'a run is already in progress in this trainer; start ignored' });
        return;
      }
      await start(message);
      return;
    case 'stop':
      // The parent acknowledged the run's last message.
      if (endingWith !== undefined) process.exit(endingWith);
      if (run) {
        requestedAfterStep ??= lastStep;
        run.abort();
      } else process.exit(0);
      return;
    default: {
      const never: never = message;
      send({ type: 'log', message: `unknown message ${JSON.stringify(never)}` });
    }
  }
}

onMessage((m) => {
  handle(m).catch((e: unknown) => {
    // After a device loss the step's own error is a bare AbortError: the device's reason says more.
    const message = webgpuFault() ?? (e instanceof Error ? e.message || e.name : String(e));
    if (m.type === 'start') sendAndExit({ type: 'failed', message }, 1);
    else send({ type: 'log', message: `trainer error: ${message}` });
  });
});
process.on('uncaughtException', (e) => sendAndExit({ type: 'failed', message: `uncaught error in the trainer: ${e.message}` }, 1));
// A parent that goes away must not leave an orphan trainer behind.
process.on('disconnect', () => process.exit(0));
// Under fork the parent is listening already; over a port, 'ready' goes out once main has connected it.
if (!parentPort) send({ type: 'ready', pid: process.pid });
