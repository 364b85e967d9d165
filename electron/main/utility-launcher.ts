// Launcher for the desktop app: the trainer runs in an Electron utilityProcess.
import { utilityProcess } from 'electron';
import type { Launcher, TrainerHandle } from '../service/launcher';

export class UtilityLauncher implements Launcher {
  constructor(private readonly entry: string) {}

  launch(): TrainerHandle {
    const child = utilityProcess.fork(this.entry, [], { serviceName: 'Gradient Lab trainer', stdio: 'inherit' });
    let exited: [number | null, string | null] | undefined;
    let exitListener: ((code: number | null, signal: string | null) => void) | undefined;
    child.on('exit', (code) => {
      exited = [code, null];
      exitListener?.(code, null);
    });
    return {
      get pid() {
        return child.pid;
      },
      send: (message) => child.postMessage(message),
      onMessage: (listener) => child.on('message', listener),
      onExit: (listener) => {
        exitListener = listener;
        if (exited) listener(...exited);
      },
      kill: () => {
        child.kill();
      },
    };
  }
}
