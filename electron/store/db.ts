// Opening the lab's SQLite file: clear errors for a missing or read-only folder; before anything is written, the
// check that the file is ours (another program's database is refused, not converted) and the newer-schema
// check; then WAL (readers never wait for the trainer's writes), foreign keys and a busy timeout.
import Database, { type Database as Db } from 'better-sqlite3';
import { accessSync, constants, existsSync, statSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { APPLICATION_ID } from './migrations/application-id';
import { assertNotNewer, migrate, userVersion } from './migrations/index';

export type { Db };

export class StoreOpenError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'StoreOpenError';
  }
}

/** A write the database refused (disk or database full, read-only, I/O error); the message names the file. */
export class StoreWriteError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'StoreWriteError';
  }
}

/** The file is a SQLite database, but another program's: opening it as ours would change it, so we do not. */
export class ForeignDatabaseError extends Error {
  constructor(readonly path: string, reason: string) {
    super(`The file ${path} is not a Gradient Lab database (${reason}). It was left untouched; choose another file (--db FILE).`);
    this.name = 'ForeignDatabaseError';
  }
}

/**
 * Refuse a database that is not Gradient Lab's: ours carry our application id (from schema version 20 on), or are
 * version 10 with our runs table, or are empty (a new file).
 */
export function assertOurs(db: Db): void {
  const appId = db.pragma('application_id', { simple: true }) as number;
  if (appId === APPLICATION_ID) return;
  if (appId !== 0) throw new ForeignDatabaseError(db.name, `its application id is ${appId}`);
  const version = userVersion(db);
  const tables = (db.prepare("SELECT name FROM sqlite_master WHERE type = 'table'").all() as { name: string }[]).map((t) => t.name);
  if (version === 0 && tables.length === 0) return;
  const runs = tables.includes('runs') ? (db.prepare('SELECT name FROM pragma_table_info(?)').all('runs') as { name: string }[]).map((c) => c.name) : [];
  if (version === 10 && runs.includes('owner_pid') && tables.includes('steps')) return;
  throw new ForeignDatabaseError(db.name, tables.length ? `it holds other tables: ${tables.slice(0, 5).join(', ')}` : `its schema version is ${version}`);
}

function checkWritable(file: string): void {
  const folder = dirname(file);
  if (!existsSync(folder) || !statSync(folder).isDirectory()) {
    throw new StoreOpenError(`Cannot open the database ${file}: the folder ${folder} does not exist.`);
  }
  try {
    // WAL needs to create the -wal and -shm files beside the database.
    accessSync(folder, constants.W_OK);
    if (existsSync(file)) accessSync(file, constants.R_OK | constants.W_OK);
  } catch {
    throw new StoreOpenError(`Cannot open the database ${file}: it or its folder ${folder} is not writable.`);
  }
  if (existsSync(file) && statSync(file).isDirectory()) {
    throw new StoreOpenError(`Cannot open the database ${file}: it is a folder, not a file.`);
  }
}

/** Open (creating if needed) and migrate the database at `path`; ':memory:' gives a private in-memory one. */
export function openDatabase(path: string, options: { migrate?: boolean; nativeBinding?: string } = {}): Db {
  const file = path === ':memory:' ? path : resolve(path);
  if (file !== ':memory:') checkWritable(file);
  let db: Db;
  try {
    // nativeBinding: the desktop app in development loads a copy of the addon built for Electron's ABI.
    db = new Database(file, options.nativeBinding ? { nativeBinding: options.nativeBinding } : {});
  } catch (e) {
    throw new StoreOpenError(`Cannot open the database ${file}: ${(e as Error).message}`);
  }
  try {
    try {
      assertOurs(db);
      assertNotNewer(db);
    } catch (e) {
      if ((e as Error).name === 'NewerDatabaseError' || (e as Error).name === 'ForeignDatabaseError') throw e;
      throw new StoreOpenError(`Cannot open the database ${file}: ${(e as Error).message}`);
    }
    db.pragma('busy_timeout = 5000');
    if (file !== ':memory:') db.pragma('journal_mode = WAL');
    // In WAL mode NORMAL loses nothing on a process crash (only on power loss), and keeps commits cheap.
    db.pragma('synchronous = NORMAL');
    db.pragma('foreign_keys = ON');
    if (options.migrate !== false) migrate(db);
    return db;
  } catch (e) {
    db.close();
    throw e;
  }
}
