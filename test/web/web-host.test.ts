// The loopback web host refuses everyone without the token or from a foreign origin, never serves files
// outside the renderer folder, and with the token answers the same contract as Electron's IPC.
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import type { AppInfo } from '../../electron/common/app-info';
import { createNodeLab, type NodeLab } from '../../electron/service/node-lab';
import { startWebHost, type WebHost } from '../../electron/web/web-host';

const TRAINER = resolve(import.meta.dirname, '../../electron/engine/trainer-process.ts');

interface Reply {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: string;
}

function get(port: number, path: string, headers: Record<string, string> = {}): Promise<Reply> {
  return new Promise((res, rej) => {
    const req = request({ host: '127.0.0.1', port, path, headers: { Host: `127.0.0.1:${port}`, ...headers } }, (r) => {
      let body = '';
      r.on('data', (d: Buffer) => (body += d.toString()));
      r.on('end', () => res({ status: r.statusCode ?? 0, headers: r.headers, body }));
    });
    req.on('error', rej);
    req.end();
  });
}

function openSocket(host: WebHost, headers: Record<string, string>): Promise<WebSocket> {
  return new Promise((res, rej) => {
    const ws = new WebSocket(`ws://127.0.0.1:${host.port}/ws`, { headers });
    ws.once('open', () => res(ws));
    ws.once('unexpected-response', (_req, r) => rej(new Error(`HTTP ${r.statusCode}`)));
    ws.once('error', rej);
  });
}

function ask(ws: WebSocket, message: unknown): Promise<{ id: unknown; result: { ok: boolean; value?: unknown; error?: { name: string; message: string } } }> {
  return new Promise((res) => {
    const onMessage = (data: WebSocket.RawData) => {
      const parsed = JSON.parse(data.toString());
      if ('result' in parsed) {
        ws.off('message', onMessage);
        res(parsed);
      }
    };
    ws.on('message', onMessage);
    ws.send(typeof message === 'string' ? message : JSON.stringify(message));
  });
}

describe('web host', () => {
  let lab: NodeLab;
  let host: WebHost;
  let root: string;
  let origin: string;

  beforeAll(async () => {
    const tmp = mkdtempSync(join(tmpdir(), 'gl-web-'));
    root = join(tmp, 'renderer');
    mkdirSync(join(root, 'assets'), { recursive: true });
    writeFileSync(join(root, 'index.html'), '<!doctype html><title>Gradient Lab</title>');
    writeFileSync(join(root, 'assets', 'app.js'), 'console.log(1)');
    writeFileSync(join(tmp, 'secret.txt'), 'do not serve');
    lab = createNodeLab({ version: '9.9.9', host: 'web', entryUrl: import.meta.url, trainerEntry: TRAINER, db: join(tmp, 'lab.db') });
    host = await startWebHost({ dispatch: lab.dispatch, subscribe: (l) => lab.service.onEvent(l), rendererDir: root, port: 0 });
    origin = `http://127.0.0.1:${host.port}`;
  });
  afterAll(async () => {
    await host?.close();
    await lab?.close();
  });

  it('is bound to the loopback interface, as the server itself reports', () => {
    expect(host.address.address).toBe('127.0.0.1');
    expect(host.url).toBe(`http://127.0.0.1:${host.port}/?token=${host.token}`);
    expect(host.token.length).toBeGreaterThanOrEqual(32);
  });

  it('refuses to listen on a non-loopback address, with a message that says why', async () => {
    const base = { dispatch: lab.dispatch, subscribe: (l: Parameters<typeof lab.service.onEvent>[0]) => lab.service.onEvent(l), rendererDir: root };
    await expect(startWebHost({ ...base, host: '0.0.0.0' })).rejects.toThrow(/loopback/);
    await expect(startWebHost({ ...base, host: '192.168.1.5' })).rejects.toThrow(/Refusing to listen on "192.168.1.5"/);
  });

  it('answers 401 and serves nothing without the token or with a wrong one', async () => {
    for (const path of ['/', '/index.html', '/assets/app.js']) {
      const r = await get(host.port, path);
      expect(r.status).toBe(401);
      expect(r.body).not.toContain('Gradient Lab</title>');
    }
    const wrong = await get(host.port, `/?token=${'x'.repeat(host.token.length)}`);
    expect(wrong.status).toBe(401);
    const wrongCookie = await get(host.port, '/', { Cookie: 'gradient_lab_token=nope' });
    expect(wrongCookie.status).toBe(401);
  });

  it('trades the token for a same-site HttpOnly page cookie, serving the page at once, then serves the renderer with a CSP', async () => {
    const first = await get(host.port, `/?token=${host.token}`);
    expect(first.status).toBe(200);
    expect(first.body).toContain('<title>Gradient Lab</title>');
    expect(String(first.headers['referrer-policy'])).toBe('no-referrer');
    const cookie = String(first.headers['set-cookie']);
    expect(cookie).toMatch(new RegExp(`^gradient_lab_page_${host.port}=`));
    expect(cookie).toContain('HttpOnly');
    expect(cookie).toContain('SameSite=Strict');
    const page = await get(host.port, '/', { Cookie: cookie.split(';')[0]! });
    expect(page.status).toBe(200);
    expect(page.body).toContain('<title>Gradient Lab</title>');
    expect(String(page.headers['content-security-policy'])).toContain("default-src 'self'");
  });

  it('refuses a foreign Origin and a foreign Host even with the token', async () => {
    const auth = { Authorization: `Bearer ${host.token}` };
    expect((await get(host.port, '/', { ...auth, Origin: 'http://evil.example' })).status).toBe(403);
    expect((await get(host.port, '/', { ...auth, Host: `evil.example:${host.port}` })).status).toBe(403);
    expect((await get(host.port, '/', auth)).status).toBe(200);
  });

  it('never serves a path outside the renderer folder', async () => {
    const auth = { Authorization: `Bearer ${host.token}` };
    for (const path of ['/../secret.txt', '/%2e%2e/secret.txt', '/assets/..%2f..%2fsecret.txt', '/..%5csecret.txt', '/%00']) {
      const r = await get(host.port, path, auth);
      expect([400, 403, 404]).toContain(r.status);
      expect(r.body).not.toContain('do not serve');
    }
  });

  it('refuses WebSockets without the token, from another origin, or without an Origin', async () => {
    await expect(openSocket(host, { Origin: origin })).rejects.toThrow(/401/);
    await expect(openSocket(host, { Origin: 'http://evil.example', Authorization: `Bearer ${host.token}` })).rejects.toThrow(/403/);
    await expect(openSocket(host, { Authorization: `Bearer ${host.token}` })).rejects.toThrow(/403/);
  });

  it('answers app:info over the WebSocket with the real backend probe', async () => {
    const ws = await openSocket(host, { Origin: origin, Authorization: `Bearer ${host.token}` });
    try {
      const reply = await ask(ws, { id: 1, channel: 'app:info', payload: {} });
      expect(reply.id).toBe(1);
      expect(reply.result.ok).toBe(true);
      const info = reply.result.value as AppInfo;
      expect(info.version).toBe('9.9.9');
      expect(info.host).toBe('web');
      expect(info.backends.map((b) => b.name)).toEqual(['tensorflow-gpu', 'webgpu', 'tensorflow', 'wasm', 'cpu']);
      expect(info.backends.find((b) => b.name === 'wasm')?.available).toBe(true);
      expect(info.kernels.available).toBe(true);
      const gpu = info.backends.find((b) => b.name === 'tensorflow-gpu')!;
      if (!gpu.available) expect(gpu.reason).toMatch(/tfjs-node-gpu/);
    } finally {
      ws.close();
    }
  });

  it('answers malformed, unknown and invalid messages with error values and keeps serving', async () => {
    const ws = await openSocket(host, { Origin: origin, Authorization: `Bearer ${host.token}` });
    try {
      expect((await ask(ws, 'not json')).result.error?.name).toBe('BadRequest');
      expect((await ask(ws, { id: 2, channel: 'fs:read', payload: {} })).result.error?.name).toBe('UnknownChannel');
      const invalid = await ask(ws, { id: 3, channel: 'run:get', payload: { runId: -1 } });
      expect(invalid.result.error?.name).toBe('ValidationError');
      expect(invalid.result.error?.message).toContain('runId');
      const again = await ask(ws, { id: 4, channel: 'app:info', payload: {} });
      expect(again.result.ok).toBe(true);
    } finally {
      ws.close();
    }
  });

  it('closes a socket that sends more than the payload limit', async () => {
    const ws = await openSocket(host, { Origin: origin, Authorization: `Bearer ${host.token}` });
    const closed = new Promise<number>((res) => ws.once('close', (code) => res(code)));
    ws.send('x'.repeat(64 * 1024 * 1024));
    expect(await closed).toBe(1009);
  });
});
