// Launcher for plain Node hosts (CLI, web host, tests): child_process.fork of the trainer entry.
import { fork } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Launcher, TrainerHandle } from './launcher';

export interface ForkLauncherOptions {
  /** Path of the trainer entry: built `out/main/trainer.js`, or the `.ts` source (run through tsx). */
  entry: string;
  env?: NodeJS.ProcessEnv;
}

/** The trainer entry next to a built module, or the TypeScript source when running from source. */
export function defaultTrainerEntry(fromUrl: string): string {
  const built = fileURLToPath(new URL('./trainer.js', fromUrl));
  if (existsSync(built)) return built;
  return fileURLToPath(new URL('../engine/trainer-process.ts', fromUrl));
}

export class ForkLauncher implements Launcher {
  constructor(private readonly options: ForkLauncherOptions) {}

  launch(): TrainerHandle {
    const isTs = this.options.entry.endsWith('.ts');
    const child = fork(this.options.entry, [], {
      execArgv: isTs ? ['--import', 'tsx'] : [],
      env: { ...process.env, ...this.options.env },
      stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
      serialization: 'advanced',
      // Its own process group: Ctrl-C in a terminal reaches only the host, which then stops the run cleanly
      // (the trainer still exits when the host goes away: its IPC channel disconnects).
      detached: process.platform !== 'win32',
    });
    const exitListeners: ((code: number | null, signal: string | null) => void)[] = [];
    let exited: [number | null, string | null] | undefined;
    const end = (code: number | null, signal: string | null) => {
      if (exited) return;
      exited = [code, signal];
      for (const l of exitListeners) l(code, signal);
    };
    child.on('exit', (code, signal) => end(code, signal));
    // 'exit' follows an error, except when the spawn itself failed: report that as the exit.
    child.on('error', () => {
      if (child.pid === undefined) end(null, 'spawn-failed');
    });
    return {
      get pid() {
        return child.pid;
      },
      send: (message) => {
        if (child.connected) child.send(message);
      },
      onMessage: (listener) => child.on('message', listener),
      onExit: (listener) => {
        exitListeners.push(listener);
        if (exited) listener(...exited);
      },
      kill: () => {
        child.kill('SIGKILL');
      },
    };
  }
}
