// Browser mode: a loopback-only HTTP server for the built renderer plus a WebSocket that carries the same
// contract as Electron's IPC. A random token, minted per start, is required on every request and socket;
// Host and Origin are checked so that no other site (or DNS-rebound name) can talk to it.
import { randomBytes, timingSafeEqual } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { readFile, stat } from 'node:fs/promises';
import { extname, join, resolve, sep } from 'node:path';
import type { AddressInfo } from 'node:net';
import { WebSocketServer, type WebSocket } from 'ws';
import { MAX_PAYLOAD_BYTES, type LabEvent } from '../common/contract';
import { contentSecurityPolicy, CONTENT_TYPES } from '../common/csp';
import { fail } from '../common/result';
import type { Dispatch } from '../service/dispatcher';

export const LOOPBACK_HOSTS = ['127.0.0.1', 'localhost', '::1'] as const;

export class NonLoopbackHostError extends Error {
  constructor(host: string) {
    super(
      `Refusing to listen on "${host}": the web host serves only the loopback interface (127.0.0.1). ` +
        'To reach it from another machine, forward a port over SSH (see README, "Browser mode").',
    );
    this.name = 'NonLoopbackHostError';
  }
}

export interface WebHostOptions {
  dispatch: Dispatch;
  subscribe: (listener: (event: LabEvent) => void) => () => void;
  /** Folder of the built renderer (index.html and assets). */
  rendererDir: string;
  /** 0 picks a free port. */
  port?: number;
  host?: string;
  /** Fixed token (tests); a random one is minted otherwise. */
  token?: string;
}

export interface WebHost {
  url: string;
  port: number;
  /** The address the server is bound to, as the server itself reports it. */
  address: AddressInfo;
  token: string;
  close(): Promise<void>;
}

const COOKIE = 'gradient_lab_token';

/** The page's one policy, plus this host's WebSocket. */
function webHostPolicy(port: number): string {
  return contentSecurityPolicy({ connect: [`ws://127.0.0.1:${port}`, `ws://localhost:${port}`] });
}

function sameToken(a: string | undefined, b: string): boolean {
  if (!a) return false;
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

function cookieToken(req: IncomingMessage): string | undefined {
  const header = req.headers.cookie;
  if (!header) return undefined;
  for (const part of header.split(';')) {
    const [k, ...v] = part.trim().split('=');
    if (k === COOKIE) return v.join('=');
  }
  return undefined;
}

export async function startWebHost(options: WebHostOptions): Promise<WebHost> {
  const requested = options.host ?? '127.0.0.1';
  if (!(LOOPBACK_HOSTS as readonly string[]).includes(requested)) throw new NonLoopbackHostError(requested);
  const bindHost = requested === 'localhost' ? '127.0.0.1' : requested;
  const token = options.token ?? randomBytes(24).toString('base64url');
  const root = resolve(options.rendererDir);
  let port = 0;

  const allowedHosts = () => new Set([`127.0.0.1:${port}`, `localhost:${port}`, `[::1]:${port}`]);
  const allowedOrigins = () => new Set([...allowedHosts()].map((h) => `http://${h}`));

  /** 401/403 reasons, or null when the request may proceed. */
  function refuse(req: IncomingMessage, url: URL, requireOrigin: boolean): { status: 401 | 403; reason: string } | null {
    if (!allowedHosts().has(req.headers.host ?? '')) return { status: 403, reason: 'unexpected Host header' };
    const origin = req.headers.origin;
    if (origin !== undefined && !allowedOrigins().has(origin)) return { status: 403, reason: 'foreign Origin' };
    if (requireOrigin && origin === undefined) return { status: 403, reason: 'missing Origin' };
    const given = url.searchParams.get('token') ?? cookieToken(req) ?? req.headers.authorization?.replace(/^Bearer /, '');
    if (!sameToken(given ?? undefined, token)) return { status: 401, reason: 'missing or wrong token' };
    return null;
  }

  function send(res: ServerResponse, status: number, body: string | Buffer, type = 'text/plain; charset=utf-8'): void {
    res.writeHead(status, {
      'Content-Type': type,
      'Content-Security-Policy': webHostPolicy(port),
      'X-Content-Type-Options': 'nosniff',
      'X-Frame-Options': 'DENY',
      'Referrer-Policy': 'no-referrer',
      'Cache-Control': 'no-store',
    });
    res.end(body);
  }

  async function serveStatic(res: ServerResponse, pathname: string): Promise<void> {
    let decoded: string;
    try {
      decoded = decodeURIComponent(pathname);
    } catch {
      return send(res, 400, 'Bad path');
    }
    if (decoded.includes('\0')) return send(res, 400, 'Bad path');
    const relative = decoded === '/' ? 'index.html' : decoded.replace(/^\/+/, '');
    const file = resolve(join(root, relative));
    if (file !== root && !file.startsWith(root + sep)) return send(res, 403, 'Forbidden');
    try {
      const info = await stat(file);
      if (!info.isFile()) return send(res, 404, 'Not found');
      send(res, 200, await readFile(file), CONTENT_TYPES[extname(file)] ?? 'application/octet-stream');
    } catch {
      send(res, 404, 'Not found');
    }
  }

  const server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    const refused = refuse(req, url, false);
    if (refused) return send(res, refused.status, `${refused.status === 401 ? 'Unauthorized' : 'Forbidden'}: ${refused.reason}`);
    if (req.method !== 'GET' && req.method !== 'HEAD') return send(res, 405, 'Method not allowed');
    if (url.searchParams.has('token')) {
      // Trade the token in the address for a same-site, script-proof cookie, and drop it from the address bar.
      res.writeHead(303, {
        Location: url.pathname,
        'Set-Cookie': `${COOKIE}=${token}; HttpOnly; SameSite=Strict; Path=/`,
        'Cache-Control': 'no-store',
      });
      return res.end();
    }
    void serveStatic(res, url.pathname);
  });

  const wss = new WebSocketServer({ noServer: true, maxPayload: MAX_PAYLOAD_BYTES });
  server.on('upgrade', (req, socket, head) => {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    const refused = url.pathname === '/ws' ? refuse(req, url, true) : { status: 403 as const, reason: 'not a socket path' };
    if (refused) {
      socket.end(`HTTP/1.1 ${refused.status} ${refused.status === 401 ? 'Unauthorized' : 'Forbidden'}\r\nConnection: close\r\n\r\n`);
      return;
    }
    wss.handleUpgrade(req, socket, head, (ws) => wss.emit('connection', ws, req));
  });

  wss.on('connection', (ws: WebSocket) => {
    const unsubscribe = options.subscribe((event) => {
      if (ws.readyState === ws.OPEN) ws.send(JSON.stringify({ event }));
    });
    ws.on('close', unsubscribe);
    ws.on('error', () => ws.close());
    ws.on('message', (data, isBinary) => {
      let id: unknown = null;
      void (async () => {
        if (isBinary) return ws.send(JSON.stringify({ id, result: fail('BadRequest', 'Binary messages are not accepted') }));
        let message: { id?: unknown; channel?: unknown; payload?: unknown };
        try {
          message = JSON.parse(data.toString());
        } catch {
          return ws.send(JSON.stringify({ id, result: fail('BadRequest', 'Message is not valid JSON') }));
        }
        if (typeof message !== 'object' || message === null) {
          return ws.send(JSON.stringify({ id, result: fail('BadRequest', 'Message must be an object') }));
        }
        id = typeof message.id === 'number' || typeof message.id === 'string' ? message.id : null;
        const result = await options.dispatch(message.channel, message.payload);
        if (ws.readyState === ws.OPEN) ws.send(JSON.stringify({ id, result }));
      })();
    });
  });

  await new Promise<void>((resolveListen, rejectListen) => {
    server.once('error', rejectListen);
    server.listen(options.port ?? 0, bindHost, () => resolveListen());
  });
  const address = server.address() as AddressInfo;
  port = address.port;
  const urlHost = address.family === 'IPv6' ? `[${address.address}]` : address.address;

  return {
    url: `http://${urlHost}:${port}/?token=${token}`,
    port,
    address,
    token,
    close: async () => {
      for (const client of wss.clients) client.terminate();
      wss.close();
      await new Promise<void>((r) => server.close(() => r()));
    },
  };
}
