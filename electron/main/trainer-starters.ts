// How main starts a trainer for the service host. The host cannot start one itself (a utility process cannot
// run Electron-as-Node once the RunAsNode fuse is off), so main starts it and hands the host one end of a
// MessageChannelMain; the trainer gets the other end. Each trainer kind is one starter in the table: the Node
// trainer runs in a utilityProcess; another kind (e.g. a hidden window training on Chromium's WebGPU) is one
// more entry that receives its port the same way.
import { MessageChannelMain, utilityProcess, type MessagePortMain } from 'electron';
import type { PortLike, TrainerKind } from '../common/service-host-protocol';
import type { StartedTrainer, TrainerStarter } from '../service/service-host-client';

/** Starts one trainer of a kind, connected to `port` (the host gets the other end). */
export type KindStarter = (port: MessagePortMain) => Omit<StartedTrainer, 'port'>;

/** The trainer in a utility process: main passes it its port in a `connect` message. */
export function nodeTrainer(entry: string, log: (line: string) => void): KindStarter {
  return (port) => {
    const child = utilityProcess.fork(entry, [], { serviceName: 'Gradient Lab trainer', stdio: 'inherit' });
    // A V8 fatal error (out of memory) in the trainer: say so; 'exit' follows and the host fails the run.
    child.on('error', (type, location) => log(`trainer ${type} at ${location}`));
    child.postMessage({ type: 'connect' }, [port]);
    return {
      get pid() {
        return child.pid;
      },
      onExit: (listener) => child.once('exit', (code) => listener(code)),
      kill: () => void child.kill(),
    };
  };
}

export function trainerStarter(kinds: Record<TrainerKind, KindStarter>): TrainerStarter {
  return (kind) => {
    const start = kinds[kind];
    if (!start) throw new Error(`no trainer of kind ${kind}`);
    const { port1, port2 } = new MessageChannelMain();
    const trainer = start(port1);
    return {
      port: port2 as unknown as PortLike,
      get pid() {
        return trainer.pid;
      },
      onExit: trainer.onExit,
      kill: trainer.kill,
    };
  };
}
