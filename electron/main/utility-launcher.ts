// Launcher for the desktop app: the trainer runs in an Electron utilityProcess.
import { utilityProcess } from 'electron';
import type { Launcher, TrainerHandle } from '../service/launcher';

export class UtilityLauncher implements Launcher {
  constructor(private readonly entry: string) {}

  launch(): TrainerHandle {
    const child = utilityProcess.fork(this.entry, [], { serviceName: 'Gradient Lab trainer', stdio: 'inherit' });
    let exited: [number | null, string | null] | undefined;
    const exitListeners: ((code: number | null, signal: string | null) => void)[] = [];
    child.on('exit', (code) => {
      exited = [code, null];
      for (const l of exitListeners) l(code, null);
    });
    return {
      get pid() {
        return child.pid;
      },
      send: (message) => child.postMessage(message),
      onMessage: (listener) => child.on('message', listener),
      onExit: (listener) => {
        exitListeners.push(listener);
        if (exited) listener(...exited);
      },
      kill: () => {
        child.kill();
      },
    };
  }
}
