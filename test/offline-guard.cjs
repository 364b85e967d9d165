// Loaded into every Node process of the test suite (NODE_OPTIONS=--require, set in vitest.config.ts): a
// connection to anything but loopback or a local socket is refused before any packet leaves, reported on
// stderr and, when GRADIENT_LAB_OFFLINE_LOG names a file, appended to it. Tests run as on a workshop laptop
// with no internet, and a test that tries to reach it is visible.
/* eslint-disable @typescript-eslint/no-require-imports -- a --require hook is CommonJS by nature */
'use strict';
const net = require('node:net');
const dns = require('node:dns');
const fs = require('node:fs');

const LOOPBACK = /^(localhost|127(\.\d{1,3}){3}|::1|\[::1\]|::ffff:127(\.\d{1,3}){3}|0\.0\.0\.0)$/i;

function refuse(what) {
  const line = `[offline] refused ${what} (tests make no request outside loopback)\n`;
  process.stderr.write(line);
  if (process.env.GRADIENT_LAB_OFFLINE_LOG) {
    try {
      fs.appendFileSync(process.env.GRADIENT_LAB_OFFLINE_LOG, line);
    } catch {
      // the log is a courtesy; the refusal is what matters
    }
  }
  const e = new Error(`connect ECONNREFUSED ${what} (offline test run)`);
  e.code = 'ECONNREFUSED';
  return e;
}

const connect = net.Socket.prototype.connect;
net.Socket.prototype.connect = function guardedConnect(...args) {
  const first = args[0];
  const options = Array.isArray(first) ? first[0] : typeof first === 'object' && first !== null ? first : { port: first, host: typeof args[1] === 'string' ? args[1] : undefined };
  if (options && options.path === undefined) {
    const host = options.host ?? 'localhost';
    if (!LOOPBACK.test(String(host))) {
      const error = refuse(`${host}:${options.port}`);
      process.nextTick(() => this.destroy(error));
      return this;
    }
  }
  return connect.apply(this, args);
};

const lookup = dns.lookup;
dns.lookup = function guardedLookup(hostname, options, callback) {
  const cb = typeof options === 'function' ? options : callback;
  if (!LOOPBACK.test(String(hostname))) {
    const error = refuse(`DNS lookup of ${hostname}`);
    process.nextTick(() => cb(error));
    return {};
  }
  return lookup.call(this, hostname, options, callback);
};

// Name resolution other than dns.lookup (the resolver API, its promise form) goes to a DNS server: refuse it too.
function guardResolvers(target, promised) {
  for (const name of Object.keys(target)) {
    if (!/^resolve/.test(name) || typeof target[name] !== 'function') continue;
    target[name] = function guardedResolve(hostname, ...rest) {
      const error = refuse(`DNS query for ${hostname}`);
      if (promised) return Promise.reject(error);
      const cb = rest[rest.length - 1];
      if (typeof cb === 'function') process.nextTick(() => cb(error));
      return undefined;
    };
  }
}
guardResolvers(dns, false);
guardResolvers(dns.promises, true);
for (const proto of [dns.Resolver.prototype, dns.promises.Resolver.prototype]) {
  for (const name of Object.getOwnPropertyNames(proto)) {
    if (!/^resolve/.test(name) || typeof proto[name] !== 'function') continue;
    const promised = proto === dns.promises.Resolver.prototype;
    proto[name] = function guardedResolve(hostname, ...rest) {
      const error = refuse(`DNS query for ${hostname}`);
      if (promised) return Promise.reject(error);
      const cb = rest[rest.length - 1];
      if (typeof cb === 'function') process.nextTick(() => cb(error));
      return undefined;
    };
  }
}
const promisedLookup = dns.promises.lookup;
dns.promises.lookup = function guardedLookup(hostname, ...rest) {
  if (!LOOPBACK.test(String(hostname))) return Promise.reject(refuse(`DNS lookup of ${hostname}`));
  return promisedLookup.call(this, hostname, ...rest);
};
