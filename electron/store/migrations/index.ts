// The migration registry and its runner. Versions go up in steps of 10 and are kept in PRAGMA user_version;
// pending steps run in one transaction, and a database written by a newer app is refused untouched.
import type { Database } from 'better-sqlite3';
import { migrate0010 } from './0010-initial';
import { migrate0020 } from './0020-liveness';
import { migrate0030 } from './0030-step-engine';
import { migrate0060 } from './0060-layer-probes';

export interface Migration {
  version: number;
  name: string;
  up(db: Database): void;
}

export const MIGRATIONS: readonly Migration[] = [
  { version: 10, name: 'initial', up: migrate0010 },
  { version: 20, name: 'liveness', up: migrate0020 },
  { version: 30, name: 'step-engine', up: migrate0030 },
  { version: 60, name: 'layer-probes', up: migrate0060 },
];

export const LATEST_VERSION = MIGRATIONS[MIGRATIONS.length - 1]!.version;

/** The database was written by a newer Gradient Lab; opening it could lose data, so we do not. */
export class NewerDatabaseError extends Error {
  constructor(
    readonly path: string,
    readonly found: number,
    readonly supported: number,
  ) {
    super(
      `The database ${path} has schema version ${found}, newer than this app supports (version ${supported}). ` +
        'Update Gradient Lab, or use another database file (--db FILE). The file was left untouched.',
    );
    this.name = 'NewerDatabaseError';
  }
}

export function userVersion(db: Database): number {
  return db.pragma('user_version', { simple: true }) as number;
}

/** Throws NewerDatabaseError before anything is written when the file is newer than `supported`. */
export function assertNotNewer(db: Database, supported = LATEST_VERSION): void {
  const found = userVersion(db);
  if (found > supported) throw new NewerDatabaseError(db.name, found, supported);
}

/**
 * Bring the database to `target` (default: the newest). All pending steps run in one transaction, so a failure
 * leaves the file at its old version. Returns the versions applied.
 */
export function migrate(db: Database, target = LATEST_VERSION, migrations: readonly Migration[] = MIGRATIONS): number[] {
  assertNotNewer(db, migrations.length ? migrations[migrations.length - 1]!.version : 0);
  const current = userVersion(db);
  const pending = migrations.filter((m) => m.version > current && m.version <= target);
  if (pending.length === 0) return [];
  db.transaction(() => {
    for (const m of pending) {
      m.up(db);
      // user_version cannot take a bound parameter; the value is an integer from our own registry.
      db.pragma(`user_version = ${Math.trunc(m.version)}`);
    }
  }).immediate();
  return pending.map((m) => m.version);
}
