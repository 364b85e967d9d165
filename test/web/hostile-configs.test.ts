// Configs a careless or hostile client sends over the web host's WebSocket to a real host process: a typo in a
// nested field, a batch larger than the toy set or than an IDX folder turns out to hold, and an Adam run whose
// loss explodes. Each is refused naming the field, or ends with the status a user expects.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type WebSocket from 'ws';
import { writeIdxFolder } from '../corpus/bad-idx-files';
import { openSocket, serveProcess, stopServed, type Served } from './serve-fixture';

interface Reply {
  ok: boolean;
  value?: unknown;
  error?: { name: string; message: string };
}

let s: Served;
let ws: WebSocket;
let nextId = 1;
const statuses: { runId: number; status: string; error?: string }[] = [];

function ask(channel: string, payload: unknown): Promise<Reply> {
  const id = nextId++;
  return new Promise((res) => {
    const onMessage = (d: WebSocket.RawData) => {
      const m = JSON.parse(d.toString()) as { id?: number; result?: Reply };
      if (m.id === id && m.result) {
        ws.off('message', onMessage);
        res(m.result);
      }
    };
    ws.on('message', onMessage);
    ws.send(JSON.stringify({ id, channel, payload }));
  });
}

async function ended(runId: number): Promise<{ status: string; error?: string }> {
  await expect.poll(() => statuses.find((x) => x.runId === runId && !['queued', 'running'].includes(x.status)), { timeout: 90_000, interval: 200 }).toBeTruthy();
  return statuses.find((x) => x.runId === runId && !['queued', 'running'].includes(x.status))!;
}

const config = (over: { dataset?: object; optimizer?: object; training?: object; model?: object } = {}) => ({
  dataset: { kind: 'mnist', trainSize: 600, testSize: 100 },
  model: { depth: 1, width: 32, activation: 'relu', initializer: { kind: 'heNormal' }, batchNorm: false, residual: false, ...over.model },
  optimizer: { kind: 'adam', learningRate: 0.001, ...over.optimizer },
  training: { epochs: 1, batchSize: 60, seed: 1, statsEvery: 10, histogramEvery: 0, ...over.training },
  ...(over.dataset ? { dataset: over.dataset } : {}),
});

beforeAll(async () => {
  s = await serveProcess();
  ws = await openSocket(s);
  ws.on('message', (d) => {
    const m = JSON.parse(d.toString()) as { event?: { channel: string; payload: { runId: number; status: string; error?: string } } };
    if (m.event?.channel === 'run:status') statuses.push(m.event.payload);
  });
}, 60_000);
afterAll(async () => {
  ws?.close();
  await stopServed(s);
});

describe('configs over the web host', () => {
  it('refuses a typo in a nested field, naming it, and starts nothing', async () => {
    const before = (await ask('run:list', {})).value as { total: number };
    const r = await ask('run:start', { config: config({ training: { statsevery: 5 } }) });
    expect(r.ok).toBe(false);
    expect(r.error?.message).toMatch(/config\.training.*statsevery/);
    const typoInModel = await ask('run:start', { config: config({ model: { batchnorm: true } }) });
    expect(typoInModel.error?.message).toMatch(/config\.model.*batchnorm/);
    expect(((await ask('run:list', {})).value as { total: number }).total).toBe(before.total);
  });

  it('refuses a batch larger than the toy set, naming the field', async () => {
    const r = await ask('run:start', { config: config({ dataset: { kind: 'toy-mortgage' }, training: { batchSize: 1000 } }) });
    expect(r.ok).toBe(false);
    expect(r.error?.message).toMatch(/config\.training\.batchSize: batchSize \(1000\) must not exceed the training set size \(512\)/);
  });

  it('fails an IDX-folder run whose batch exceeds the images the folder holds before it trains, naming the field', async () => {
    const folder = writeIdxFolder(join(mkdtempSync(join(tmpdir(), 'gl-idx-')), 'tiny'));
    const r = await ask('run:start', { config: config({ dataset: { kind: 'idx-folder', folder }, training: { batchSize: 64 } }) });
    expect(r.ok, r.error?.message).toBe(true);
    const runId = (r.value as { id: number }).id;
    const end = await ended(runId);
    expect(end.status).toBe('failed');
    expect(end.error).toMatch(/training\.batchSize.*64.*20 examples/);
    const detail = (await ask('run:get', { runId })).value as { series: { steps: number[] } };
    expect(detail.series.steps).toHaveLength(0);
  }, 120_000);

  it('ends an Adam run whose loss explodes as diverged, saying why', async () => {
    const r = await ask('run:start', { config: config({ optimizer: { learningRate: 300 }, training: { epochs: 3 } }) });
    expect(r.ok, r.error?.message).toBe(true);
    const end = await ended((r.value as { id: number }).id);
    expect(end.status).toBe('diverged');
    expect(end.error).toMatch(/loss exploded/);
  }, 120_000);
});
