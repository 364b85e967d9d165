// The service host as the desktop app runs it, in a real process: forked from source (through tsx) and driven by
// the same ServiceHostClient that main uses, over child_process IPC instead of Electron's utilityProcess.
import { fork, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import type { ServiceHostInit } from '../../electron/common/service-host-protocol';
import { mnistDataDir } from '../../electron/service/paths';
import { ServiceHostClient, type HostProcess } from '../../electron/service/service-host-client';
import { ROOT, TRAINER_ENTRY } from './service-fixture';

export const HOST_ENTRY = join(ROOT, 'electron/service/service-host.ts');

export interface ForkedHost {
  child: ChildProcess;
  client: ServiceHostClient;
  exited: Promise<number | null>;
}

export function forkHost(): ForkedHost {
  const child = fork(HOST_ENTRY, [], { execArgv: ['--import', 'tsx'], stdio: ['ignore', 'inherit', 'inherit', 'ipc'], serialization: 'advanced' });
  const exited = new Promise<number | null>((r) => child.once('exit', (code) => r(code)));
  const host: HostProcess = {
    postMessage: (m) => {
      if (child.connected) child.send(m);
    },
    onMessage: (l) => child.on('message', l),
    onExit: (l) => child.once('exit', (code) => l(code)),
    kill: () => child.kill('SIGKILL'),
  };
  return { child, client: new ServiceHostClient(host), exited };
}

export function hostInit(dbPath: string, over: Partial<ServiceHostInit> = {}): ServiceHostInit {
  return { dbPath, mnistDir: mnistDataDir(), version: '0.1.0-test', locale: 'en-US', trainers: { kind: 'fork', entry: TRAINER_ENTRY }, ...over };
}
