// The built preload, run as Electron runs it (CommonJS, `electron` its only import): small (no schemas bundled),
// and it exposes exactly the contract's verbs on `window.lab`, each invoking its own channel.
import { readFileSync, statSync } from 'node:fs';
import { resolve } from 'node:path';
import { runInNewContext } from 'node:vm';
import { describe, expect, it } from 'vitest';
import { EVENT_CHANNEL, methods, METHOD_NAMES } from '../../electron/common/contract';

const FILE = resolve(import.meta.dirname, '../../out/preload/index.cjs');

describe('preload', () => {
  it('is small and exposes every contract verb, relaying to its channel', async () => {
    expect(statSync(FILE).size).toBeLessThan(8_000);
    const exposed: Record<string, Record<string, (...a: unknown[]) => unknown>> = {};
    const invoked: unknown[][] = [];
    const listening: string[] = [];
    const electron = {
      contextBridge: { exposeInMainWorld: (key: string, api: Record<string, (...a: unknown[]) => unknown>) => (exposed[key] = api) },
      ipcRenderer: {
        invoke: async (...a: unknown[]) => (invoked.push(a), { ok: true, value: null }),
        on: (channel: string) => listening.push(channel),
        removeListener: () => {},
      },
    };
    const required: string[] = [];
    runInNewContext(readFileSync(FILE, 'utf8'), {
      require: (id: string) => {
        required.push(id);
        if (id === 'electron') return electron;
        throw new Error(`a sandboxed preload cannot require ${id}`);
      },
    });
    expect(required).toEqual(['electron']);
    const lab = exposed.lab!;
    expect(Object.keys(lab).sort()).toEqual([...METHOD_NAMES.map((m) => methods[m].verb), 'onEvent'].sort());
    for (const m of METHOD_NAMES) await lab[methods[m].verb]!({});
    expect(invoked.map((a) => a[0])).toEqual(METHOD_NAMES);
    lab.onEvent!(() => {});
    expect(listening).toEqual([EVENT_CHANNEL]);
  });
});
