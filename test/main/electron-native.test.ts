// The Electron copy of better-sqlite3: a build for the wrong ABI or CPU is refused with a plain reason (the
// Node build in node_modules is exactly such a build), and with no internet the tool tries a prebuilt binary,
// then a compile against Electron's own headers (never npm's nodedir), and then says what to do, leaving no
// file behind. All downloads go to a loopback server here.
import { spawn, spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { AddressInfo } from 'node:net';
import { afterAll, describe, expect, it } from 'vitest';
import { addonPath, electronTarget } from '../../scripts/native/electron-addon';

const ROOT = resolve(import.meta.dirname, '../..');
const TSX = join(ROOT, 'node_modules/tsx/dist/cli.mjs');
const SCRIPT = join(ROOT, 'scripts/electron-native.ts');
const NODE_BUILD = join(createRequire(import.meta.url).resolve('better-sqlite3/package.json'), '../build/Release/better_sqlite3.node');
const target = electronTarget(ROOT);
const work = mkdtempSync(join(tmpdir(), 'gl-native-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

function run(args: string[], env: NodeJS.ProcessEnv = {}) {
  return spawnSync(process.execPath, [TSX, SCRIPT, ...args], { cwd: ROOT, encoding: 'utf8', timeout: 240_000, env: { ...process.env, ...env } });
}

const OTHER_ARCH = process.arch === 'arm64' ? 'x64' : 'arm64';

/** Rewrite the CPU field of an ELF, Mach-O or PE header to OTHER_ARCH. */
function otherCpu(bytes: Buffer): void {
  const arm = OTHER_ARCH === 'arm64';
  if (bytes.readUInt32BE(0) === 0x7f454c46) bytes.writeUInt16LE(arm ? 0xb7 : 0x3e, 18);
  else if (bytes.readUInt32LE(0) === 0xfeedfacf) bytes.writeUInt32LE(arm ? 0x0100000c : 0x01000007, 4);
  else bytes.writeUInt16LE(arm ? 0xaa64 : 0x8664, bytes.readUInt32LE(0x3c) + 4);
}

/** A copy of the Node build whose registration symbol (and optionally CPU) say something else. */
function restamped(name: string, abi: number, cpu = false): string {
  const bytes = readFileSync(NODE_BUILD);
  const from = Buffer.from(`node_register_module_v${process.versions.modules}`);
  const to = `node_register_module_v${abi}`;
  expect(to.length).toBe(from.length);
  for (let at = bytes.indexOf(from); at >= 0; at = bytes.indexOf(from, at + 1)) bytes.write(to, at, 'latin1');
  if (cpu) otherCpu(bytes);
  const file = join(work, name);
  writeFileSync(file, bytes);
  return file;
}

describe('Electron copy of better-sqlite3', () => {
  it("refuses the Node build (what node-gyp makes when npm's nodedir is set) with a plain reason", () => {
    expect(target.abi).not.toBe(Number(process.versions.modules));
    const r = run(['--check', NODE_BUILD]);
    expect(r.status).toBe(1);
    expect(r.stderr).toContain(`built for NODE_MODULE_VERSION ${process.versions.modules}, but Electron ${target.electronVersion}`);
    expect(r.stderr).toContain(`needs ${target.abi}`);
  });

  it("accepts a build that exports Electron's ABI, and refuses one for another CPU", () => {
    const good = restamped('electron.node', target.abi);
    const ok = run(['--check', good]);
    expect(ok.stderr).toBe('');
    expect(ok.status).toBe(0);
    const other = restamped('electron-other-cpu.node', target.abi, true);
    const bad = run(['--check', other]);
    expect(bad.status).toBe(1);
    expect(bad.stderr).toContain(`was built for ${OTHER_ARCH}, but Electron`);
    const copy = join(work, 'truncated.node');
    copyFileSync(NODE_BUILD, copy);
    writeFileSync(copy, readFileSync(copy).subarray(0, 16));
    expect(run(['--check', copy]).stderr).toContain('is not a native module');
  });

  it('offline: tries the prebuilt binary, then compiles against Electron headers (not nodedir), then says what to do', async () => {
    const asked: string[] = [];
    const server = createServer((req, res) => {
      asked.push(req.url ?? '');
      res.writeHead(404).end();
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    const host = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    try {
      const out = join(work, 'out');
      // Asynchronously: the loopback server answers from this process. HOME: no cached headers or binaries.
      const child = spawn(process.execPath, [TSX, SCRIPT, '--prebuilt-host', host, '--headers-url', host, '--out-root', out], {
        cwd: ROOT,
        env: { ...process.env, npm_config_nodedir: '/usr', HOME: work, USERPROFILE: work, LOCALAPPDATA: work },
      });
      let stderr = '';
      child.stderr.on('data', (d) => (stderr += d));
      const status = await new Promise<number | null>((r) => child.on('exit', r));
      const r = { status, stderr };
      expect(r.status).toBe(1);
      expect(r.stderr).toContain(`No prebuilt binary for Electron ${target.electronVersion}`);
      expect(r.stderr).toContain('Compiling better-sqlite3 for Electron');
      expect(r.stderr).toContain('npm run electron:native');
      expect(existsSync(addonPath(out, process.platform, process.arch))).toBe(false);
      // The prebuilt asked for is Electron's, and the compile went for Electron's headers, not /usr's.
      expect(asked.some((u) => u.includes(`electron-v${target.abi}-${process.platform}-${process.arch}`))).toBe(true);
      expect(asked.some((u) => u.includes(`v${target.electronVersion}`) && /headers/.test(u))).toBe(true);
    } finally {
      server.close();
    }
  }, 240_000);
});
