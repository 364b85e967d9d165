// The lab's store: one SQLite file with its typed repositories. The service holds one per process; any number of
// processes may open the same file (WAL lets readers see committed rows while a run is still writing).
import { openDatabase, StoreWriteError, type Db } from './db';
import { MetricsRepo } from './metrics';
import { ProbesRepo } from './probes';
import { RunsRepo } from './runs';

export class Store {
  readonly runs: RunsRepo;
  readonly metrics: MetricsRepo;
  readonly probes: ProbesRepo;

  constructor(readonly db: Db) {
    this.runs = new RunsRepo(db);
    this.metrics = new MetricsRepo(db);
    this.probes = new ProbesRepo(db);
  }

  get path(): string {
    return this.db.name;
  }

  /** Run `fn` in one transaction (rolled back if it throws). */
  transaction<T>(fn: () => T): T {
    return this.db.transaction(fn)();
  }

  /**
   * Run a write; a SQLite failure (disk or database full, read-only file, I/O error) becomes a StoreWriteError
   * that names the database file, so the user learns which file could not be written. Other errors pass as-is.
   */
  write<T>(fn: () => T): T {
    try {
      return fn();
    } catch (e) {
      const code = (e as { code?: unknown }).code;
      if (typeof code === 'string' && code.startsWith('SQLITE_')) {
        throw new StoreWriteError(`Cannot write to the database ${this.path}: ${(e as Error).message}`);
      }
      throw e;
    }
  }

  /** PRAGMA integrity_check: 'ok' when the file is sound. */
  integrityCheck(): string {
    return this.db.pragma('integrity_check', { simple: true }) as string;
  }

  close(): void {
    if (this.db.open) this.db.close();
  }
}

export function openStore(path: string, nativeBinding?: string): Store {
  return new Store(openDatabase(path, { nativeBinding }));
}
