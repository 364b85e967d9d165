// The suite runs offline: every Node process it starts carries the offline guard, so a request outside loopback
// is refused before a packet leaves (and named on stderr), while loopback traffic works as usual.
import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';

const probe = `
const net = require('node:net');
const server = net.createServer((s) => s.end('ok')).listen(0, '127.0.0.1', () => {
  const port = server.address().port;
  const local = net.connect(port, '127.0.0.1');
  local.on('data', (d) => {
    console.log('loopback ' + d);
    server.close();
    const far = net.connect(443, '192.0.2.1');
    far.on('error', (e) => console.log('outside ' + e.code));
    far.on('connect', () => console.log('outside CONNECTED'));
    require('node:http').get('http://example.com/').on('error', (e) => console.log('http ' + e.code));
  });
});`;

describe('offline test run', () => {
  it('refuses connections outside loopback in every child process, and lets loopback through', () => {
    const r = spawnSync(process.execPath, ['-e', probe], { encoding: 'utf8', timeout: 20_000 });
    expect(r.stdout).toContain('loopback ok');
    expect(r.stdout).toContain('outside ECONNREFUSED');
    expect(r.stdout).toContain('http ECONNREFUSED');
    expect(r.stdout).not.toContain('CONNECTED');
    expect(r.stderr).toContain('[offline] refused 192.0.2.1:443');
  });
});
