// The one Content-Security-Policy of Gradient Lab's page, wherever it is served: the desktop app's own scheme,
// the Vite dev server, the loopback web host (which adds its WebSocket) and the page's own <meta> tag (written
// in at build time). Scripts only from the app itself, no eval, no plugins, no framing, no forms.

/**
 * The policy; `connect` adds sources the page may open connections to (the web host's WebSocket). `meta`: the
 * form for the page's <meta> tag, which browsers accept without frame-ancestors (headers carry that one).
 */
export function contentSecurityPolicy(options: { connect?: readonly string[]; meta?: boolean } = {}): string {
  const directives = [
    "default-src 'self'",
    "script-src 'self'",
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self'",
    `connect-src ${["'self'", ...(options.connect ?? [])].join(' ')}`,
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'none'",
  ];
  return (options.meta ? directives : [...directives, "frame-ancestors 'none'"]).join('; ');
}

/** Content types of the files the built renderer is made of. */
export const CONTENT_TYPES: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.json': 'application/json',
  '.wasm': 'application/wasm',
  '.woff2': 'font/woff2',
  '.woff': 'font/woff',
  '.ttf': 'font/ttf',
};
