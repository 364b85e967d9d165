// Browser mode: a loopback-only HTTP server for the built renderer plus a WebSocket that carries the same
// contract as Electron's IPC. A random token, minted per start, is required on every request and socket;
// Host and Origin are checked so that no other site (or DNS-rebound name) can talk to it.
//
// Browsers scope cookies by host, not by port: every server on 127.0.0.1 receives every cookie set here. So the
// token never travels in a cookie. Opening the printed address (?token=…) trades it for a page cookie, named
// with this port, whose value is derived from the token and opens only the renderer's static files (the app's
// public code, none of the user's data), and serves the page there and then, so a route in the address
// (`#/train?run=5`) survives; the page moves the token from the address into its own sessionStorage (scoped by
// origin, port included), clears it from the address bar, and sends it with the socket, which accepts nothing else.
import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { readFile, stat } from 'node:fs/promises';
import { extname, join, resolve, sep } from 'node:path';
import type { AddressInfo } from 'node:net';
import { WebSocketServer, type WebSocket } from 'ws';
import { MAX_PAYLOAD_BYTES, type LabEvent } from '../common/contract';
import { contentSecurityPolicy, CONTENT_TYPES } from '../common/csp';
import { fail } from '../common/result';
import type { Dispatch } from '../service/dispatcher';
import { createEventPacer } from './event-pacer';

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

/** The page cookie's name: one per port, so two hosts on one machine never overwrite each other's. */
const pageCookieName = (port: number) => `gradient_lab_page_${port}`;

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

function cookieValue(req: IncomingMessage, name: string): string | undefined {
  const header = req.headers.cookie;
  if (!header) return undefined;
  for (const part of header.split(';')) {
    const [k, ...v] = part.trim().split('=');
    if (k === name) return v.join('=');
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
  // Opens static files only; useless on the socket, so a server on another port that receives it gains nothing.
  const pageKey = createHmac('sha256', token).update('gradient-lab static files').digest('base64url');

  const allowedHosts = () => new Set([`127.0.0.1:${port}`, `localhost:${port}`, `[::1]:${port}`]);
  const allowedOrigins = () => new Set([...allowedHosts()].map((h) => `http://${h}`));

  /** 401/403 reasons, or null when the request may proceed. The page cookie counts only for static files. */
  function refuse(req: IncomingMessage, url: URL, socket: boolean): { status: 401 | 403; reason: string } | null {
    if (!allowedHosts().has(req.headers.host ?? '')) return { status: 403, reason: 'unexpected Host header' };
    const origin = req.headers.origin;
    if (origin !== undefined && !allowedOrigins().has(origin)) return { status: 403, reason: 'foreign Origin' };
    if (socket && origin === undefined) return { status: 403, reason: 'missing Origin' };
    const given = url.searchParams.get('token') ?? req.headers.authorization?.replace(/^Bearer /, '');
    if (sameToken(given ?? undefined, token)) return null;
    if (!socket && sameToken(cookieValue(req, pageCookieName(port)), pageKey)) return null;
    return { status: 401, reason: 'missing or wrong token' };
  }

  function send(res: ServerResponse, status: number, body: string | Buffer, type = 'text/plain; charset=utf-8', extra: Record<string, string> = {}): void {
    res.writeHead(status, {
      ...extra,
      'Content-Type': type,
      'Content-Security-Policy': webHostPolicy(port),
      'X-Content-Type-Options': 'nosniff',
      'X-Frame-Options': 'DENY',
      'Referrer-Policy': 'no-referrer',
      'Cache-Control': 'no-store',
    });
    res.end(body);
  }

  async function serveStatic(res: ServerResponse, pathname: string, extra: Record<string, string> = {}): Promise<void> {
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
      send(res, 200, await readFile(file), CONTENT_TYPES[extname(file)] ?? 'application/octet-stream', extra);
    } catch {
      send(res, 404, 'Not found');
    }
  }

  /** The request target as a URL, or null when it is not one (e.g. "//" or "http://[x"). */
  function target(req: IncomingMessage): URL | null {
    try {
      return new URL(req.url ?? '/', 'http://127.0.0.1');
    } catch {
      return null;
    }
  }

  const server = createServer((req, res) => {
    res.on('error', () => res.destroy());
    const url = target(req);
    if (!url) return send(res, 400, 'Bad request target');
    const refused = refuse(req, url, false);
    if (refused) return send(res, refused.status, `${refused.status === 401 ? 'Unauthorized' : 'Forbidden'}: ${refused.reason}`);
    if (req.method !== 'GET' && req.method !== 'HEAD') return send(res, 405, 'Method not allowed');
    if (url.searchParams.has('token')) {
      // The page cookie for static files, and the page itself (its script keeps the token and clears the address).
      return void serveStatic(res, url.pathname, { 'Set-Cookie': `${pageCookieName(port)}=${pageKey}; HttpOnly; SameSite=Strict; Path=/` });
    }
    void serveStatic(res, url.pathname);
  });

  const wss = new WebSocketServer({ noServer: true, maxPayload: MAX_PAYLOAD_BYTES });
  server.on('upgrade', (req, socket, head) => {
    // A client may reset the connection at any moment, also while being refused.
    socket.on('error', () => socket.destroy());
    const url = target(req);
    const refused = !url
      ? { status: 403 as const, reason: 'bad request target' }
      : url.pathname === '/ws'
        ? refuse(req, url, true)
        : { status: 403 as const, reason: 'not a socket path' };
    if (refused || !url) {
      const status = refused?.status ?? 403;
      socket.end(`HTTP/1.1 ${status} ${status === 401 ? 'Unauthorized' : 'Forbidden'}\r\nConnection: close\r\n\r\n`);
      return;
    }
    wss.handleUpgrade(req, socket, head, (ws) => wss.emit('connection', ws, req));
  });

  wss.on('connection', (ws: WebSocket) => {
    const pacer = createEventPacer(ws);
    const unsubscribe = options.subscribe((event) => {
      if (ws.readyState === ws.OPEN) pacer.event(event);
    });
    ws.on('close', () => {
      unsubscribe();
      pacer.close();
    });
    ws.on('error', () => ws.terminate());
    const reply = (id: unknown, result: unknown) => {
      if (ws.readyState === ws.OPEN) pacer.reply(JSON.stringify({ id, result }));
    };
    ws.on('message', (data, isBinary) => {
      let id: unknown = null;
      (async () => {
        if (isBinary) return reply(id, fail('BadRequest', 'Binary messages are not accepted'));
        let message: { id?: unknown; channel?: unknown; payload?: unknown };
        try {
          message = JSON.parse(data.toString());
        } catch {
          return reply(id, fail('BadRequest', 'Message is not valid JSON'));
        }
        if (typeof message !== 'object' || message === null || Array.isArray(message)) {
          return reply(id, fail('BadRequest', 'Message must be an object'));
        }
        id = typeof message.id === 'number' || typeof message.id === 'string' ? message.id : null;
        if (typeof message.channel !== 'string') return reply(id, fail('BadRequest', 'channel must be a string'));
        reply(id, await options.dispatch(message.channel, message.payload));
      })().catch((e: unknown) => reply(id, fail('InternalError', e instanceof Error ? e.message.slice(0, 200) : 'The request failed')));
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
