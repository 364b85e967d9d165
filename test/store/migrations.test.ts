// The migration runner as the house style asks: migrate to N-10, insert old rows, migrate to N, rows kept; pending steps
// in one transaction; a database from a newer app refused with both versions named and its file untouched.
import Database from 'better-sqlite3';
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { openDatabase } from '../../electron/store/db';
import { APPLICATION_ID } from '../../electron/store/migrations/application-id';
import { LATEST_VERSION, MIGRATIONS, migrate, userVersion, type Migration } from '../../electron/store/migrations/index';
import { tempDir } from './store-fixture';

const sha = (file: string) => createHash('sha256').update(readFileSync(file)).digest('hex');
let tmp = tempDir();
afterEach(() => {
  tmp.cleanup();
  tmp = tempDir();
});

describe('migrations', () => {
  it('go up in steps of 10 and end at the latest version', () => {
    // Multiples of 10, increasing (a number reserved for a later step may leave a gap).
    MIGRATIONS.forEach((m, i) => {
      expect(m.version % 10).toBe(0);
      expect(m.version).toBeGreaterThan(i ? MIGRATIONS[i - 1]!.version : 0);
    });
    const db = new Database(':memory:');
    expect(migrate(db)).toEqual(MIGRATIONS.map((m) => m.version));
    expect(userVersion(db)).toBe(LATEST_VERSION);
    expect(migrate(db)).toEqual([]);
  });

  it('keep old rows when a later step runs (N-10 → N), and the tables are STRICT', () => {
    const db = new Database(':memory:');
    db.pragma('foreign_keys = ON');
    const next: Migration = {
      version: LATEST_VERSION + 10,
      name: 'test-step',
      up: (d) => d.exec("ALTER TABLE runs ADD COLUMN colour TEXT NOT NULL DEFAULT 'blue'"),
    };
    migrate(db, LATEST_VERSION);
    db.prepare(`INSERT INTO runs (name, created, status, config, activation, initializer, depth, batch_norm, residual, app_version)
      VALUES ('old run', '2026-01-01T00:00:00Z', 'completed', '{}', 'sigmoid', 'heNormal', 1, 0, 0, '0.1.0')`).run();
    db.prepare('INSERT INTO steps (run_id, step, epoch, batch, loss, acc) VALUES (1, 0, 0, 0, 2.3, 0.1)').run();
    expect(migrate(db, LATEST_VERSION + 10, [...MIGRATIONS, next])).toEqual([LATEST_VERSION + 10]);
    expect(db.prepare('SELECT name, colour FROM runs').get()).toEqual({ name: 'old run', colour: 'blue' });
    expect(db.prepare('SELECT loss FROM steps').pluck().get()).toBe(2.3);
    // STRICT: a string in a REAL column is an error, not silently stored.
    expect(() => db.prepare("INSERT INTO steps (run_id, step, epoch, batch, loss, acc) VALUES (1, 1, 0, 1, 'high', 0)").run()).toThrow(/cannot store TEXT/);
  });

  it('run all pending steps in one transaction: a failing step leaves the file at its old version', () => {
    const db = new Database(':memory:');
    const broken: Migration = {
      version: LATEST_VERSION + 10,
      name: 'broken',
      up: () => {
        throw new Error('step failed');
      },
    };
    expect(() => migrate(db, LATEST_VERSION + 10, [...MIGRATIONS, broken])).toThrow('step failed');
    expect(userVersion(db)).toBe(0);
    expect(db.prepare("SELECT count(*) FROM sqlite_schema WHERE name = 'runs'").pluck().get()).toBe(0);
  });

  it('refuse a database from a newer app, naming both versions, and leave the file untouched', () => {
    const file = join(tmp.dir, 'future.db');
    const future = new Database(file);
    future.exec('CREATE TABLE t (x INTEGER) STRICT; INSERT INTO t VALUES (42)');
    future.pragma(`user_version = ${LATEST_VERSION + 990}`);
    // A newer Gradient Lab's file carries our application id, as every file from schema version 20 on does.
    future.pragma(`application_id = ${APPLICATION_ID}`);
    future.close();
    const before = sha(file);
    expect(() => openDatabase(file)).toThrow(
      new RegExp(`schema version ${LATEST_VERSION + 990}.*newer than this app supports \\(version ${LATEST_VERSION}\\).*left untouched`),
    );
    expect(sha(file)).toBe(before);
    expect(existsSync(file + '-wal')).toBe(false);
  });

  it('open a new file in WAL mode with foreign keys on, migrated', () => {
    const db = openDatabase(join(tmp.dir, 'lab.db'));
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(db.pragma('foreign_keys', { simple: true })).toBe(1);
    expect(db.pragma('busy_timeout', { simple: true })).toBeGreaterThan(0);
    expect(userVersion(db)).toBe(LATEST_VERSION);
    db.close();
  });

  it('name the path when the folder is missing, or the file is not a database', () => {
    const missing = join(tmp.dir, 'no-such-folder', 'lab.db');
    expect(() => openDatabase(missing)).toThrow(`the folder ${join(tmp.dir, 'no-such-folder')} does not exist`);
    const junk = join(tmp.dir, 'junk.db');
    writeFileSync(junk, 'this is not sqlite, just text that is long enough to have a header '.repeat(20));
    expect(() => openDatabase(junk)).toThrow(new RegExp(`Cannot open the database ${junk}: .*not a database`));
  });
});
