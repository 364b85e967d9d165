// The app://gradient-lab scheme: serves the built renderer folder to the window, with the page's CSP on every
// response. The request path is decoded once and must stay inside the folder; the folder's own name may hold
// any character ([ ] ^ % spaces, another drive letter case) since it is never part of a URL.
import { readFile, stat } from 'node:fs/promises';
import { extname, resolve, sep } from 'node:path';
import { contentSecurityPolicy, CONTENT_TYPES } from '../common/csp';
import { APP_HOST, APP_SCHEME } from './ipc-trust';

/** Privileges of the scheme (registered before the app is ready): a standard, secure origin with fetch. */
export const APP_SCHEME_PRIVILEGES = { standard: true, secure: true, supportFetchAPI: true, codeCache: true } as const;

function plain(status: number, text: string): Response {
  return new Response(text, { status, headers: { 'Content-Type': 'text/plain; charset=utf-8' } });
}

/** The file under `root` a request names, or an error status. */
export function resolveAppPath(url: string, root: string): string | { status: number } {
  let u: URL;
  try {
    u = new URL(url);
  } catch {
    return { status: 400 };
  }
  if (u.protocol !== `${APP_SCHEME}:` || u.host !== APP_HOST || u.username || u.password) return { status: 403 };
  let path: string;
  try {
    path = decodeURIComponent(u.pathname);
  } catch {
    return { status: 400 };
  }
  if (path.includes('\0') || path.split(/[\\/]/).includes('..')) return { status: 403 };
  const base = resolve(root);
  const file = resolve(base, `.${path === '/' ? '/index.html' : path}`);
  if (!file.startsWith(base + sep)) return { status: 403 };
  return file;
}

/** The handler given to protocol.handle(APP_SCHEME, …). */
export function createAppRequestHandler(root: string): (request: Request) => Promise<Response> {
  const csp = contentSecurityPolicy();
  return async (request) => {
    if (request.method !== 'GET' && request.method !== 'HEAD') return plain(405, 'Method not allowed');
    const file = resolveAppPath(request.url, root);
    if (typeof file !== 'string') return plain(file.status, file.status === 400 ? 'Bad request' : 'Forbidden');
    try {
      if (!(await stat(file)).isFile()) return plain(404, 'Not found');
      const body = await readFile(file);
      return new Response(request.method === 'HEAD' ? null : body, {
        status: 200,
        headers: {
          'Content-Type': CONTENT_TYPES[extname(file).toLowerCase()] ?? 'application/octet-stream',
          'Content-Security-Policy': csp,
          'X-Content-Type-Options': 'nosniff',
          'Cache-Control': 'no-cache',
        },
      });
    } catch {
      return plain(404, 'Not found');
    }
  };
}
