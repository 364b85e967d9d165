// Entry of the trainer process. Runs under child_process.fork (CLI, web host, tests) or Electron's
// utilityProcess, and speaks only the trainer protocol of electron/common.
import type { FromTrainer, ToTrainer } from '../common/trainer-protocol';
import { probeBackends } from './backends';

interface ParentPortLike {
  on(event: 'message', listener: (e: { data: unknown }) => void): void;
  postMessage(message: unknown): void;
}

// Electron's utilityProcess exposes process.parentPort; a forked Node child uses process.send.
const parentPort = (process as unknown as { parentPort?: ParentPortLike }).parentPort;

function send(message: FromTrainer): void {
  if (parentPort) parentPort.postMessage(message);
  else process.send?.(message);
}

function onMessage(listener: (message: ToTrainer) => void): void {
  if (parentPort) parentPort.on('message', (e) => listener(e.data as ToTrainer));
  else process.on('message', (m) => listener(m as ToTrainer));
}

async function handle(message: ToTrainer): Promise<void> {
  switch (message.type) {
    case 'probe':
      send({ type: 'probe-result', backends: await probeBackends() });
      return;
    case 'stop':
      process.exit(0);
  }
}

onMessage((m) => {
  handle(m).catch((e: unknown) => {
    send({ type: 'log', message: `trainer error: ${(e as Error).message}` });
  });
});
// A parent that goes away must not leave an orphan trainer behind.
process.on('disconnect', () => process.exit(0));
send({ type: 'ready', pid: process.pid });
