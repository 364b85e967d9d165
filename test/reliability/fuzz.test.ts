// Seeded fuzzing of the two doors a hostile client has into a running host process (serve-process.ts): the
// bundle importer (mutated, truncated and inflated bundles sent to 'bundle:import') and the WebSocket protocol
// (random frames, JSON values and payloads on every read-only channel). Bounded iterations; it asserts the
// process stays up and answers every message, that no rejected bundle writes anything (a checksum over every
// row), and that the host's peak memory stays within 200 MB of its idle memory (VmHWM against VmRSS at rest).
import { readFileSync } from 'node:fs';
import { gunzipSync, gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type WebSocket from 'ws';
import { mulberry32 } from '../../electron/engine/random';
import { exportBundle } from '../../electron/store/bundles';
import { openStore } from '../../electron/store/store';
import { dbChecksum, seedFinishedRuns, tempDir } from '../store/store-fixture';
import { openSocket, serveProcess, stopServed, type Served } from '../web/serve-fixture';

const BUNDLES = 120;
const MESSAGES = 600;
/** Peak resident memory over idle, in MB, that the host may reach on any input. */
const MEMORY_BOUND_MB = 200;
const SEED = 20261202;

const tmp = tempDir();
let s: Served;
let ws: WebSocket;
let good: Buffer;
let idleMb = 0;
let nextId = 1;

const status = (pid: number, field: 'VmRSS' | 'VmHWM') => Number(new RegExp(`${field}:\\s+(\\d+) kB`).exec(readFileSync(`/proc/${pid}/status`, 'utf8'))![1]) / 1024;

interface Reply {
  ok: boolean;
  error?: { name: string; message: string };
}

function send(frame: string | Buffer, binary = false): Promise<Reply> {
  return new Promise((res, rej) => {
    const timer = setTimeout(() => rej(new Error(`no reply to ${String(frame).slice(0, 120)}`)), 20_000);
    const onMessage = (d: WebSocket.RawData) => {
      const m = JSON.parse(d.toString()) as { id?: unknown; result?: Reply };
      if (m.result) {
        clearTimeout(timer);
        ws.off('message', onMessage);
        res(m.result);
      }
    };
    ws.on('message', onMessage);
    ws.send(frame, { binary });
  });
}
const call = (channel: unknown, payload: unknown) => send(json({ id: nextId++, channel, payload }));

beforeAll(async () => {
  const store = openStore(`${tmp.dir}/source.db`);
  good = exportBundle(store, seedFinishedRuns(store), '0.1.0');
  store.close();
  s = await serveProcess();
  ws = await openSocket(s);
  await call('queue:get', {});
  idleMb = status(s.pid, 'VmRSS');
}, 60_000);
afterAll(async () => {
  ws?.close();
  await stopServed(s);
  tmp.cleanup();
});

/** Stands for arrays nested 100 000 deep, spliced into the JSON text (JSON.stringify itself would overflow). */
const DEEP = '\u0000deep';
const json = (v: unknown) => JSON.stringify(v).replaceAll(JSON.stringify(DEEP), '['.repeat(100_000) + ']'.repeat(100_000));

/** Random hostile values, from scalars to large and deep structures. */
function hostileValue(rand: () => number): unknown {
  const pick = Math.floor(rand() * 14);
  switch (pick) {
    case 0: return null;
    case 1: return -1;
    case 2: return 1e308;
    case 3: return 'x'.repeat(Math.floor(rand() * 300_000));
    case 4: return Array.from({ length: Math.floor(rand() * 200_000) }, () => []);
    case 5: return DEEP;
    case 6: return { __proto__: { polluted: true } };
    case 7: return '\u001b]0;x\u0007=cmd|calc';
    case 8: return true;
    case 9: return Array.from({ length: Math.floor(rand() * 50_000) }, (_, i) => [i, 0, i, 1e300, -0]);
    case 10: return '2026-13-45T99:99:99Z';
    case 11: return { toString: 1, valueOf: null };
    case 12: return 3.5;
    default: return [];
  }
}

/** A path to a random node of a JSON value, and a setter for it. */
function mutate(root: unknown, rand: () => number): void {
  let node = root as Record<string, unknown>;
  for (let depth = 0; depth < 6; depth++) {
    const keys = Object.keys(node);
    if (!keys.length) return;
    const key = keys[Math.floor(rand() * keys.length)]!;
    const child = node[key];
    if (child === null || typeof child !== 'object' || rand() < 0.3) {
      node[key] = hostileValue(rand);
      return;
    }
    node = child as Record<string, unknown>;
  }
}

function fuzzBundle(rand: () => number): Buffer {
  const kind = rand();
  if (kind < 0.15) {
    const b = Buffer.from(good);
    for (let i = 0; i < 1 + rand() * 20; i++) b[Math.floor(rand() * b.length)] = Math.floor(rand() * 256);
    return b;
  }
  if (kind < 0.2) return good.subarray(0, Math.floor(rand() * good.length));
  const obj = JSON.parse(gunzipSync(good).toString('utf8')) as unknown;
  for (let i = 0; i < 1 + rand() * 3; i++) mutate(obj, rand);
  return gzipSync(json(obj));
}

describe('fuzzing a running host', () => {
  it(`imports ${BUNDLES} mutated bundles: every one answered, rejections write nothing, memory bounded`, async () => {
    const rand = mulberry32(SEED);
    let rejected = 0;
    let accepted = 0;
    for (let i = 0; i < BUNDLES; i++) {
      const data = fuzzBundle(rand);
      const before = dbChecksum(`${s.dbPath}`);
      const r = await call('bundle:import', { fileName: `fuzz-${i}.json.gz`, data: data.toString('base64') });
      if (r.ok) accepted++;
      else {
        rejected++;
        expect(r.error!.message.length, r.error!.message.slice(0, 300)).toBeLessThan(4000);
        expect(dbChecksum(s.dbPath)).toBe(before);
      }
      expect(s.exited(), s.stderr()).toBe(false);
    }
    const peak = status(s.pid, 'VmHWM');
    console.log(`bundle fuzz: ${BUNDLES} tried, ${rejected} rejected, ${accepted} accepted, 0 crashes; host RSS idle ${idleMb.toFixed(0)} MB, peak ${peak.toFixed(0)} MB`);
    expect(peak - idleMb).toBeLessThan(MEMORY_BOUND_MB);
  }, 120_000);

  it(`answers ${MESSAGES} random frames and messages, and keeps serving`, async () => {
    const rand = mulberry32(SEED + 1);
    // A text frame that is not UTF-8 ends the connection (RFC 6455 close 1007); the host itself must stay up.
    const closed = new Promise<number>((res) => ws.once('close', (code) => res(code)));
    ws.send(Buffer.from([0x7b, 0xff, 0xfe, 0x7d]), { binary: false });
    expect(await closed).toBe(1007);
    ws = await openSocket(s);
    const channels = ['app:info', 'run:list', 'run:get', 'run:compare', 'queue:get', 'bundle:export', 'run:csv', 'nope', '__proto__', 'constructor'];
    let errors = 0;
    for (let i = 0; i < MESSAGES; i++) {
      const kind = rand();
      let r: Reply;
      if (kind < 0.1) r = await send(Buffer.from(Array.from({ length: 1 + Math.floor(rand() * 64) }, () => Math.floor(rand() * 256))), true);
      else if (kind < 0.3) r = await send(json(hostileValue(rand)).slice(0, 300_000));
      else if (kind < 0.4) r = await call(hostileValue(rand), {});
      else r = await call(channels[Math.floor(rand() * channels.length)], rand() < 0.5 ? hostileValue(rand) : { runId: Math.floor(rand() * 5) - 1, runIds: [1, hostileValue(rand)] });
      if (!r.ok) errors++;
      expect(s.exited(), s.stderr()).toBe(false);
    }
    const peak = status(s.pid, 'VmHWM');
    console.log(`protocol fuzz: ${MESSAGES} tried, ${errors} answered with an error, 0 crashes; host RSS peak ${peak.toFixed(0)} MB (idle ${idleMb.toFixed(0)} MB)`);
    expect(peak - idleMb).toBeLessThan(MEMORY_BOUND_MB);
    expect((await call('queue:get', {})).ok).toBe(true);
  }, 120_000);
});
