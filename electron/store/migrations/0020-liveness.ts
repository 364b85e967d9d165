// Migration 0020: a run's liveness is a heartbeat its owner renews (runs.heartbeat_at, milliseconds since the
// epoch), not a process id that a later process may be given. The file is also stamped with Gradient Lab's
// SQLite application id, so that another program's database is recognised and refused before anything changes.
import type { Database } from 'better-sqlite3';
import { APPLICATION_ID } from './application-id';

export function migrate0020(db: Database): void {
  db.exec('ALTER TABLE runs ADD COLUMN heartbeat_at INTEGER');
  // application_id takes no bound parameter; the value is our own integer constant.
  db.pragma(`application_id = ${Math.trunc(APPLICATION_ID)}`);
}
