// Attacks on a running web host from outside, over real sockets: a malformed request target (HTTP and
// upgrade), a refused upgrade reset by the client, a message whose channel is not a string, and a client that
// stops reading while a run pushes progress. The host process must answer or drop each one and keep serving,
// with its memory bounded.
import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync, mkdtempSync } from 'node:fs';
import { connect, type Socket } from 'node:net';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';

const FIXTURE = join(import.meta.dirname, 'serve-process.ts');

export interface Served {
  child: ChildProcess;
  port: number;
  token: string;
  pid: number;
  exited: () => boolean;
  stderr: () => string;
}

export async function serveProcess(env: Record<string, string> = {}): Promise<Served> {
  const db = join(mkdtempSync(join(tmpdir(), 'gl-hostile-')), 'lab.db');
  const child = spawn(process.execPath, ['--import', 'tsx', FIXTURE, db], { env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  let exited = false;
  let stderr = '';
  child.once('exit', () => (exited = true));
  child.stderr!.on('data', (d: Buffer) => (stderr += d.toString()));
  const line = await new Promise<string>((res, rej) => {
    createInterface({ input: child.stdout! }).once('line', res);
    child.once('exit', (code) => rej(new Error(`serve exited (${code}): ${stderr}`)));
  });
  const { port, token, pid } = JSON.parse(line) as { port: number; token: string; pid: number };
  return { child, port, token, pid, exited: () => exited, stderr: () => stderr };
}

export function stopServed(s: Served | undefined): Promise<void> {
  if (!s || s.exited()) return Promise.resolve();
  return new Promise((res) => {
    s.child.once('exit', () => res());
    s.child.kill('SIGKILL');
  });
}

/** Send raw bytes, collect whatever comes back until the server closes or `ms` pass. */
export function raw(port: number, bytes: string, ms = 1500): Promise<string> {
  return new Promise((res) => {
    const socket = connect(port, '127.0.0.1');
    let got = '';
    const done = () => {
      socket.destroy();
      res(got);
    };
    socket.on('data', (d) => (got += d.toString()));
    socket.on('error', done);
    socket.on('close', done);
    setTimeout(done, ms);
    socket.write(bytes);
  });
}

/** An authenticated GET of the page: the host still serves. */
export function pageStatus(s: Served): Promise<number> {
  return new Promise((res, rej) => {
    const req = request({ host: '127.0.0.1', port: s.port, path: '/', headers: { Host: `127.0.0.1:${s.port}`, Authorization: `Bearer ${s.token}` } }, (r) => {
      r.resume();
      res(r.statusCode ?? 0);
    });
    req.on('error', rej);
    req.end();
  });
}

export function openSocket(s: Served): Promise<WebSocket> {
  return new Promise((res, rej) => {
    const ws = new WebSocket(`ws://127.0.0.1:${s.port}/ws?token=${s.token}`, { headers: { Origin: `http://127.0.0.1:${s.port}` } });
    ws.once('open', () => res(ws));
    ws.once('error', rej);
  });
}

function rssMb(pid: number): number {
  const m = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
  return Number(m![1]) / 1024;
}

describe('web host under hostile clients', () => {
  let s: Served;
  beforeAll(async () => {
    s = await serveProcess();
  }, 60_000);
  afterAll(() => stopServed(s));

  it('answers a request target that is not a URL with 400 and keeps serving (HTTP and upgrade)', async () => {
    for (const target of ['//', '//a:b@', 'http://[x', '//[::1']) {
      const reply = await raw(s.port, `GET ${target} HTTP/1.1\r\nHost: 127.0.0.1:${s.port}\r\nConnection: close\r\n\r\n`);
      expect(reply).toMatch(/^HTTP\/1\.1 400/);
      const upgrade = await raw(
        s.port,
        `GET ${target} HTTP/1.1\r\nHost: 127.0.0.1:${s.port}\r\nConnection: Upgrade\r\nUpgrade: websocket\r\n` +
          'Sec-WebSocket-Version: 13\r\nSec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\n\r\n',
      );
      expect(upgrade).toMatch(/^HTTP\/1\.1 403/);
    }
    expect(await pageStatus(s)).toBe(200);
    expect(s.exited()).toBe(false);
  });

  it('survives refused upgrades whose clients reset the connection at once', async () => {
    const attempts = Array.from({ length: 60 }, (_, i) =>
      new Promise<void>((res) => {
        const socket: Socket = connect(s.port, '127.0.0.1', () => {
          socket.write(
            `GET /${i % 2 ? 'ws' : 'other'} HTTP/1.1\r\nHost: 127.0.0.1:${s.port}\r\nConnection: Upgrade\r\nUpgrade: websocket\r\n` +
              'Sec-WebSocket-Version: 13\r\nSec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\n\r\n',
          );
          setTimeout(() => socket.resetAndDestroy(), i % 3);
        });
        socket.on('error', () => undefined);
        socket.on('close', () => res());
      }),
    );
    await Promise.all(attempts);
    await new Promise((r) => setTimeout(r, 300));
    expect(s.exited(), s.stderr()).toBe(false);
    expect(await pageStatus(s)).toBe(200);
  });

  it('answers a message whose channel is not a string with an error and keeps the socket', async () => {
    const ws = await openSocket(s);
    const replies: { id: unknown; result: { ok: boolean; error?: { name: string; message: string } } }[] = [];
    ws.on('message', (d) => {
      const m = JSON.parse(d.toString());
      if ('result' in m) replies.push(m);
    });
    for (const channel of ['{"toString":1}', '{"valueOf":null,"toString":null}', '[1,2]', '7', 'null', 'true']) {
      ws.send(`{"id":1,"channel":${channel},"payload":{}}`);
    }
    ws.send('{"id":2,"channel":"queue:get","payload":{}}');
    await expect.poll(() => replies.length, { timeout: 5000 }).toBe(7);
    expect(replies.slice(0, 6).every((r) => r.result.error?.name === 'BadRequest' && /channel/.test(r.result.error.message))).toBe(true);
    expect(replies[6]!.result.ok).toBe(true);
    ws.close();
    expect(s.exited(), s.stderr()).toBe(false);
  });
});

describe('web host with a client that stops reading', () => {
  let s: Served;
  beforeAll(async () => {
    // 200 events a second of 40 kB: 8 MB/s that a sleeping client never takes.
    s = await serveProcess({ FLOOD_KB: '40' });
  }, 60_000);
  afterAll(() => stopServed(s));

  it('keeps the host within 40 MB of its idle memory over 8 s, and the client still gets the run when it reads again', async () => {
    const ws = await openSocket(s);
    let events = 0;
    ws.on('message', () => events++);
    await new Promise((r) => setTimeout(r, 500));
    const socket = (ws as unknown as { _socket: Socket })._socket;
    socket.pause();
    const before = rssMb(s.pid);
    let peak = before;
    for (let i = 0; i < 16; i++) {
      await new Promise((r) => setTimeout(r, 500));
      peak = Math.max(peak, rssMb(s.pid));
    }
    console.log(`slow client: host RSS ${before.toFixed(0)} MB → peak ${peak.toFixed(0)} MB over 8 s of 8 MB/s unread`);
    expect(peak - before).toBeLessThan(40);
    const seen = events;
    socket.resume();
    await expect.poll(() => events, { timeout: 10_000 }).toBeGreaterThan(seen + 5);
    ws.terminate();
    expect(s.exited()).toBe(false);
  }, 60_000);
});
