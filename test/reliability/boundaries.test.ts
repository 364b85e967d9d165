// Every channel of the contract, through the dispatcher main/ipc.ts and the web host use, over a real service
// and database: malformed payloads (wrong shapes, wrong types, unknown keys, __proto__, deep nesting, cycles)
// and payloads one byte over the channel's limit are refused as error values; no handler runs, no trainer
// starts, no row changes. Names that are not methods (event names, Object.prototype members) are unknown
// channels. The WebSocket cases test/web does not cover: another port on 127.0.0.1, a "null" Origin, a token
// in the query from a foreign page, binary frames, other paths and methods.
import { request } from 'node:http';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { EVENT_CHANNEL, EVENT_NAMES, METHOD_NAMES, payloadLimit, type MethodName } from '../../electron/common/contract';
import { createDispatcher, type Dispatch } from '../../electron/service/dispatcher';
import type { LabService } from '../../electron/service/lab-service';
import { startWebHost, type WebHost } from '../../electron/web/web-host';
import { createService } from '../service/service-fixture';
import { dbChecksum, tempDir } from '../store/store-fixture';
import { seedFinishedRuns, TappedLauncher } from './reliability-fixture';

const tmp = tempDir();
const dbPath = join(tmp.dir, 'lab.db');
const launcher = new TappedLauncher();
let service: LabService;
let dispatch: Dispatch;
let before: string;

beforeAll(() => {
  service = createService(dbPath, launcher);
  dispatch = createDispatcher(service.handlers());
  seedFinishedRuns(service.store);
  before = dbChecksum(dbPath);
});
afterAll(async () => {
  await service.close();
  tmp.cleanup();
});

/** A payload of the right shape with one field of the wrong type, per channel. */
const WRONG_TYPES: Record<MethodName, unknown> = {
  'app:info': { probe: true },
  'run:start': { config: 'sigmoid, depth 10' },
  'run:stop': { runId: '1' },
  'run:list': { limit: 'all' },
  'run:get': { runId: 1, maxPoints: 1e9 },
  'run:update': { runId: 1, tags: 'a,b' },
  'run:delete': { runIds: 1 },
  'run:compare': { runIds: [1, '2'] },
  'queue:get': { running: true },
  'queue:move': { runId: 1, to: 'first' },
  'bundle:export': { runIds: [] },
  'bundle:import': { fileName: 7, data: '' },
  'run:csv': { runId: 1, table: 'runs; DROP TABLE runs' },
  'run:predict': { runId: 1, prediction: { quantity: 'deltaNorm', values: ['-3'] } },
};

function nested(depth: number): unknown {
  let x: unknown = {};
  for (let i = 0; i < depth; i++) x = { x };
  return x;
}

const cyclic = (): unknown => {
  const o: Record<string, unknown> = {};
  o.self = o;
  return o;
};

const MALFORMED: [string, () => unknown][] = [
  ['a string', () => 'run'],
  ['a number', () => 42],
  ['an array', () => [1, 2]],
  ['true', () => true],
  ['a field of the wrong type', () => undefined], // per channel, from WRONG_TYPES
  ['an unknown key', () => ({ shell: 'rm -rf /' })],
  ['a __proto__ key', () => JSON.parse('{"__proto__": {"polluted": true}}')],
  ['10 000 levels of nesting', () => nested(10_000)],
  ['a cycle', cyclic],
];

describe('every IPC channel refuses malformed and oversized payloads', () => {
  const cases = METHOD_NAMES.flatMap((channel) => [
    ...MALFORMED.map(([what, make]) => [channel, what, what === 'a field of the wrong type' ? WRONG_TYPES[channel] : make()] as const),
    [channel, `one byte over its ${payloadLimit(channel)}-byte limit`, { pad: 'x'.repeat(payloadLimit(channel) - 9 + 1) }] as const,
  ]);

  it.each(cases)('%s: %s', async (channel, what, payload) => {
    const r = await dispatch(channel, payload);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    const expected = /byte|nesting|cycle/.test(what) ? 'PayloadTooLarge' : 'ValidationError';
    expect(r.error.name).toBe(expected);
    if (expected === 'ValidationError') expect(r.error.message.startsWith(`${channel}: `)).toBe(true);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('ran no handler: no trainer started and no row changed', () => {
    expect(cases.length).toBe(METHOD_NAMES.length * (MALFORMED.length + 1));
    expect(launcher.launches).toHaveLength(0);
    expect(dbChecksum(dbPath)).toBe(before);
  });

  it('accepts a payload just under the limit (the limit is the boundary, not a typo)', async () => {
    const notes = 'n'.repeat(20_000);
    const r = await dispatch('run:update', { runId: 1, notes });
    expect(r.ok).toBe(true);
  });

  it('treats event names, the event channel and Object.prototype members as unknown channels', async () => {
    for (const channel of [...EVENT_NAMES, EVENT_CHANNEL, 'hasOwnProperty', 'toString', 'valueOf', '__defineGetter__', 'RUN:START', 'run:start ', 'run:*', '']) {
      const r = await dispatch(channel, {});
      expect(r, channel).toEqual({ ok: false, error: { name: 'UnknownChannel', message: `Unknown channel: ${channel}` } });
    }
    const long = await dispatch('x'.repeat(100_000), {});
    expect(!long.ok && long.error.message.length).toBeLessThan(200);
  });
});

describe('web host gaps', () => {
  let host: WebHost;
  beforeAll(async () => {
    const root = join(tmp.dir, 'renderer');
    const { mkdirSync, writeFileSync } = await import('node:fs');
    mkdirSync(root);
    writeFileSync(join(root, 'index.html'), '<!doctype html><title>Gradient Lab</title>');
    host = await startWebHost({ dispatch, subscribe: (l) => service.onEvent(l), rendererDir: root, port: 0 });
  });
  afterAll(() => host?.close());

  const open = (path: string, headers: Record<string, string>) =>
    new Promise<WebSocket>((res, rej) => {
      const ws = new WebSocket(`ws://127.0.0.1:${host.port}${path}`, { headers });
      ws.once('open', () => res(ws));
      ws.once('unexpected-response', (_q, r) => rej(new Error(`HTTP ${r.statusCode}`)));
      ws.once('error', rej);
    });

  it('refuses sockets from another port on 127.0.0.1, a "null" Origin, a foreign page holding the token, and other paths', async () => {
    const auth = { Authorization: `Bearer ${host.token}` };
    await expect(open('/ws', { ...auth, Origin: `http://127.0.0.1:${host.port + 1}` })).rejects.toThrow(/403/);
    await expect(open('/ws', { ...auth, Origin: 'null' })).rejects.toThrow(/403/);
    await expect(open(`/ws?token=${host.token}`, { Origin: 'http://evil.example' })).rejects.toThrow(/403/);
    await expect(open(`/ws?token=${host.token}`, { Origin: 'https://127.0.0.1' })).rejects.toThrow(/403/);
    await expect(open('/other', { ...auth, Origin: `http://127.0.0.1:${host.port}` })).rejects.toThrow(/403/);
    await expect(open('/ws', { ...auth, Origin: `http://127.0.0.1:${host.port}`, Host: `127.0.0.1.evil.example:${host.port}` })).rejects.toThrow(/403/);
  });

  it('answers binary frames and non-object messages with errors, and refuses writes by HTTP method', async () => {
    const ws = await open('/ws', { Authorization: `Bearer ${host.token}`, Origin: `http://127.0.0.1:${host.port}` });
    const next = () => new Promise<{ result: { ok: boolean; error?: { name: string } } }>((res) => ws.once('message', (d) => res(JSON.parse(d.toString()))));
    try {
      let reply = next();
      ws.send(Buffer.from([1, 2, 3]), { binary: true });
      expect((await reply).result.error?.name).toBe('BadRequest');
      for (const text of ['null', '42', '"run:start"']) {
        reply = next();
        ws.send(text);
        expect((await reply).result.error?.name, text).toBe('BadRequest');
      }
    } finally {
      ws.close();
    }
    const status = await new Promise<number>((res, rej) => {
      const req = request(
        { host: '127.0.0.1', port: host.port, path: '/', method: 'POST', headers: { Host: `127.0.0.1:${host.port}`, Authorization: `Bearer ${host.token}` } },
        (r) => {
          r.resume();
          res(r.statusCode ?? 0);
        },
      );
      req.on('error', rej);
      req.end('{"channel":"run:delete"}');
    });
    expect(status).toBe(405);
    expect(dbChecksum(dbPath)).not.toBe(''); // the file is still readable
    expect(launcher.launches).toHaveLength(0);
  });
});
