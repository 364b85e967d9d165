#!/usr/bin/env node
// Builds a copy of better-sqlite3's native addon for Electron's ABI in .electron-native/, so `npm start` can open
// the database while node_modules keeps the Node build that the CLI, the web host and the tests load.
// Needs Electron's headers (downloaded once by node-gyp) and a C++ toolchain, as any native Electron module does.
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(join(root, 'package.json'));
const electronVersion = JSON.parse(readFileSync(require.resolve('electron/package.json'), 'utf8')).version;
const source = dirname(require.resolve('better-sqlite3/package.json'));
const sqliteVersion = JSON.parse(readFileSync(join(source, 'package.json'), 'utf8')).version;
const target = join(root, '.electron-native', 'better-sqlite3');
const stamp = join(target, '.built-for');
const want = `electron ${electronVersion}, better-sqlite3 ${sqliteVersion}`;

if (existsSync(stamp) && readFileSync(stamp, 'utf8') === want) process.exit(0);

process.stdout.write(`Building better-sqlite3 ${sqliteVersion} for Electron ${electronVersion} (once)…\n`);
cpSync(source, target, { recursive: true, filter: (p) => !p.includes(`${join(source, 'build')}`) });
const gyp = require.resolve('node-gyp/bin/node-gyp.js', { paths: [dirname(process.execPath), join(dirname(process.execPath), 'node_modules/npm'), join(dirname(process.execPath), '../lib/node_modules/npm')] });
const r = spawnSync(
  process.execPath,
  [gyp, 'rebuild', '--release', `--target=${electronVersion}`, '--runtime=electron', '--dist-url=https://electronjs.org/headers'],
  { cwd: target, stdio: 'inherit' },
);
if (r.status !== 0) {
  process.stderr.write('Could not build better-sqlite3 for Electron; the desktop app will not be able to open its database.\n');
  process.exit(r.status ?? 1);
}
writeFileSync(stamp, want);
