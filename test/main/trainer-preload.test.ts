// The built preload of the hidden WebGPU trainer window, run as Electron runs it (CommonJS, `electron` its only
// import): it exposes nothing through contextBridge, listens on the trainer channel only, and passes the one
// port it is given to its own window after the page has loaded; a second port, or a message with no port or
// two, is ignored.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { runInNewContext } from 'node:vm';
import { describe, expect, it } from 'vitest';
import { TRAINER_PORT_CHANNEL, TRAINER_PORT_MESSAGE } from '../../electron/common/trainer-window';

const FILE = resolve(import.meta.dirname, '../../out/preload/trainer.cjs');

describe('trainer window preload', () => {
  it('exposes nothing and hands the page exactly one port, once the page has loaded', async () => {
    const exposed: string[] = [];
    const handlers = new Map<string, (event: { ports: unknown[] }) => void>();
    const posted: { message: unknown; target: string; transfer: unknown[] }[] = [];
    let onLoad: (() => void) | undefined;
    const window = {
      document: { readyState: 'loading' },
      addEventListener: (type: string, l: () => void) => type === 'load' && (onLoad = l),
      postMessage: (message: unknown, target: string, transfer: unknown[]) => posted.push({ message, target, transfer }),
    };
    const electron = {
      contextBridge: { exposeInMainWorld: (key: string) => exposed.push(key) },
      ipcRenderer: { on: (channel: string, l: (event: { ports: unknown[] }) => void) => handlers.set(channel, l) },
    };
    runInNewContext(readFileSync(FILE, 'utf8'), {
      require: (id: string) => {
        if (id === 'electron') return electron;
        throw new Error(`a sandboxed preload cannot require ${id}`);
      },
      globalThis: window,
    });
    expect(exposed).toEqual([]);
    expect([...handlers.keys()]).toEqual([TRAINER_PORT_CHANNEL]);
    const handler = handlers.get(TRAINER_PORT_CHANNEL)!;
    handler({ ports: [] });
    handler({ ports: ['a', 'b'] });
    const port = { name: 'the trainer port' };
    handler({ ports: [port] });
    handler({ ports: [{ name: 'a second port' }] });
    await new Promise((r) => setTimeout(r, 0));
    expect(posted).toEqual([]);
    onLoad!();
    await new Promise((r) => setTimeout(r, 0));
    expect(posted).toEqual([{ message: TRAINER_PORT_MESSAGE, target: '*', transfer: [port] }]);
  });
});
