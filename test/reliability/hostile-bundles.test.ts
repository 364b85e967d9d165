// Hostile bundle files through the real `gradient-lab import` process on a real database: a 118 kB gzip that
// unpacks to tens of millions of empty rows, rows nested a hundred thousand deep, thousands of bad rows, an
// endless file (/dev/zero), and a name full of terminal escape sequences. Each import must end with a short
// message and exit code 1 — never a crash — under a 256 MB heap, and leave the database unchanged.
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { writeFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openStore } from '../../electron/store/store';
import { exportBundle } from '../../electron/store/bundles';
import { ROOT } from '../cli/cli-fixture';
import { editBundle } from '../corpus/malformed-bundles';
import { dbChecksum, seedFinishedRuns, tempDir } from '../store/store-fixture';
import { freshBuild } from './reliability-fixture';

const tmp = tempDir();
const dbPath = join(tmp.dir, 'lab.db');
const BUILT = freshBuild('cli.js');
let good: Buffer;

/** The CLI as a user runs it, with V8's heap capped at 256 MB so that runaway memory is a crash, not a swap storm. */
function gradientLab(args: string[]) {
  const entry = BUILT ? [BUILT] : ['--import', 'tsx', join(ROOT, 'electron/cli/index.ts')];
  const r = spawnSync(process.execPath, ['--max-old-space-size=256', ...entry, ...args, '--db', dbPath], {
    cwd: ROOT,
    encoding: 'utf8',
    timeout: 60_000,
    env: { ...process.env, GRADIENT_LAB_DB: '', LANG: 'en_US.UTF-8' },
  });
  return { code: r.status, signal: r.signal, stdout: r.stdout, stderr: r.stderr };
}

/** A bundle whose first run's `steps` is `rows` (raw JSON text), gzip-compressed. */
function withSteps(rows: string): Buffer {
  return editBundle(good, () => {}, (s) => s.replace(/"steps":\[\[.*?\]\],"layerStats"/, `"steps":${rows},"layerStats"`));
}

function file(name: string, data: Buffer): string {
  const path = join(tmp.dir, name);
  writeFileSync(path, data);
  return path;
}

beforeAll(() => {
  const store = openStore(dbPath);
  good = exportBundle(store, seedFinishedRuns(store), '0.1.0');
  store.close();
});
afterAll(() => tmp.cleanup());

describe('gradient-lab import of hostile bundles', () => {
  const refused = (name: string, data: Buffer, message: RegExp) => {
    const before = dbChecksum(dbPath);
    const r = gradientLab(['import', file(name, data)]);
    expect(r.signal, r.stderr).toBeNull();
    expect(r.code, r.stderr).toBe(1);
    expect(r.stderr).toMatch(message);
    expect(r.stderr.length).toBeLessThan(2000);
    expect(dbChecksum(dbPath)).toBe(before);
  };

  it('refuses a 118 kB gzip of 30 million empty rows briefly, without running out of memory', () => {
    const bomb = withSteps(`[${'[],'.repeat(30_000_000)}[]]`);
    expect(bomb.length).toBeLessThan(200_000);
    refused('bomb.json.gz', bomb, /too large/);
  }, 90_000);

  it('refuses rows nested 100 000 deep', () => {
    refused('deep.json.gz', withSteps('['.repeat(100_000) + ']'.repeat(100_000)), /too large: .*nesting|too large/);
  });

  it('names the first bad rows of 200 000 and stops there', () => {
    refused('bad-rows.json.gz', withSteps(`[${'["x"],'.repeat(200_000)}["x"]]`), /bundle\.runs\.0\.steps\.0/);
  });

  it('refuses an endless file after reading no more than the size limit', () => {
    if (process.platform === 'win32') return console.log('not run: /dev/zero exists only on Unix-like systems');
    const before = dbChecksum(dbPath);
    const r = gradientLab(['import', '/dev/zero']);
    expect(r.code, r.stderr).toBe(1);
    expect(r.stderr).toMatch(/too large/);
    expect(dbChecksum(dbPath)).toBe(before);
  });

  it('prints names and notes from a bundle with their escape sequences neutralised', () => {
    const evil = '\u001b]0;pwned\u0007\u001b[2J\u001b[1;31mred\u009b0m\u202eevil';
    const bundle = editBundle(good, (b) => {
      b.runs[0]!.name = evil;
      b.runs[0]!.notes = `note ${evil}`;
    });
    const r = gradientLab(['import', file('evil.json.gz', bundle), '--json']);
    expect(r.code, r.stderr).toBe(0);
    const [id] = (JSON.parse(r.stdout) as { runIds: number[] }).runIds;
    for (const args of [['list'], ['show', String(id)]]) {
      const out = gradientLab(args).stdout;
      expect(out).toContain('\\u001b]0;pwned');
      expect(out).not.toMatch(/[\u001b\u0007\u009b\u202e]/);
    }
    // Stored verbatim: JSON output keeps the exact name.
    const json = JSON.parse(gradientLab(['list', '--json']).stdout) as { runs: { name: string }[] };
    expect(json.runs.some((x) => x.name === evil)).toBe(true);
  });
});
