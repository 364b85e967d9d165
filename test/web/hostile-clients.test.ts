// Attacks on a running web host from outside, over real sockets: a malformed request target (HTTP and
// upgrade), a refused upgrade reset by the client, a message whose channel is not a string, and a client that
// stops reading while a run pushes progress. The host process must answer or drop each one and keep serving,
// with its memory bounded.
import { readFileSync } from 'node:fs';
import { connect, type Socket } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { openSocket, pageStatus, raw, serveProcess, stopServed, type Served } from './serve-fixture';

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

describe('web host and other servers on 127.0.0.1', () => {
  let s: Served;
  beforeAll(async () => {
    s = await serveProcess();
  }, 60_000);
  afterAll(() => stopServed(s));

  it('sets no cookie that another port could use: a browser sends them all to every port, but none is the token or opens the socket', async () => {
    const reply = await raw(s.port, `GET /?token=${s.token} HTTP/1.1\r\nHost: 127.0.0.1:${s.port}\r\nConnection: close\r\n\r\n`);
    const cookies = [...reply.matchAll(/^Set-Cookie: ([^;\r\n]+)/gim)].map((m) => m[1]!);
    expect(cookies.length).toBeGreaterThan(0);
    for (const c of cookies) {
      expect(c).not.toContain(s.token);
      expect(c.split('=')[0]).toContain(String(s.port));
    }
    // What a server on another port receives, replayed at this host's socket with a valid Origin:
    const replay = await new Promise<number>((res) => {
      const ws = new WebSocket(`ws://127.0.0.1:${s.port}/ws`, { headers: { Origin: `http://127.0.0.1:${s.port}`, Cookie: cookies.join('; ') } });
      ws.once('open', () => {
        ws.close();
        res(101);
      });
      ws.once('unexpected-response', (_q, r) => res(r.statusCode ?? 0));
      ws.once('error', () => res(0));
    });
    expect(replay).toBe(401);
  });
});
