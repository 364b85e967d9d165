// Pointing gradient-lab at another program's SQLite file must refuse it and leave it byte for byte as it was
// (no tables added, no WAL switched on); a Gradient Lab database of schema version 10 still opens and is
// brought to the latest version, stamped with our application id.
import Database from 'better-sqlite3';
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { APPLICATION_ID } from '../../electron/store/migrations/application-id';
import { LATEST_VERSION, migrate } from '../../electron/store/migrations/index';
import { ROOT } from '../cli/cli-fixture';
import { freshBuild } from '../reliability/reliability-fixture';
import { tempDir } from './store-fixture';

const tmp = tempDir();
afterAll(() => tmp.cleanup());
const sha = (file: string) => createHash('sha256').update(readFileSync(file)).digest('hex');
const BUILT = freshBuild('cli.js');

function list(dbPath: string) {
  const entry = BUILT ? [BUILT] : ['--import', 'tsx', join(ROOT, 'electron/cli/index.ts')];
  const r = spawnSync(process.execPath, [...entry, 'list', '--json', '--db', dbPath], { cwd: ROOT, encoding: 'utf8', timeout: 60_000, env: { ...process.env, GRADIENT_LAB_DB: '' } });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

describe('another program’s SQLite file', () => {
  const cases: [string, (db: Database.Database) => void][] = [
    ['an address book', (db) => db.exec("CREATE TABLE contacts (name TEXT, phone TEXT); INSERT INTO contacts VALUES ('Ada', '123')")],
    ['a file with a user_version of its own', (db) => db.exec('CREATE TABLE notes (body TEXT); PRAGMA user_version = 3')],
    ['a file with another application id', (db) => db.exec('PRAGMA application_id = 1234; CREATE TABLE runs (id INTEGER PRIMARY KEY)')],
  ];
  for (const [name, make] of cases) {
    it(`refuses ${name} and leaves it untouched`, () => {
      const file = join(tmp.dir, `${name.replace(/\W+/g, '-')}.db`);
      const db = new Database(file);
      make(db);
      db.close();
      const before = sha(file);
      const r = list(file);
      expect(r.code).toBe(1);
      expect(r.stderr).toMatch(/is not a Gradient Lab database .*left untouched/);
      expect(sha(file)).toBe(before);
      expect(existsSync(file + '-wal')).toBe(false);
    }, 60_000);
  }

  it('opens a Gradient Lab database of version 10 and migrates it, keeping its runs', () => {
    const file = join(tmp.dir, 'v10.db');
    const db = new Database(file);
    migrate(db, 10);
    db.prepare(`INSERT INTO runs (name, created, status, config, activation, initializer, depth, batch_norm, residual, app_version)
      VALUES ('old run', '2026-01-01T00:00:00Z', 'completed', '{}', 'sigmoid', 'heNormal', 1, 0, 0, '0.1.0')`).run();
    db.close();
    const r = list(file);
    expect(r.code, r.stderr).toBe(0);
    expect((JSON.parse(r.stdout) as { runs: { name: string }[] }).runs.map((x) => x.name)).toEqual(['old run']);
    const after = new Database(file, { readonly: true });
    expect(after.pragma('user_version', { simple: true })).toBe(LATEST_VERSION);
    expect(after.pragma('application_id', { simple: true })).toBe(APPLICATION_ID);
    after.close();
  }, 60_000);
});
