// The runs table: one row per experiment, from 'queued' to its end. Typed in and out here; the rest of the app
// sees RunSummary and never SQL. Every statement is prepared once; sorting picks from a fixed set of them.
import type { Database, Statement } from 'better-sqlite3';
import type { BackendName } from '../common/app-info';
import { hiddenWidths, type ExperimentConfig } from '../common/config';
import { getPreset } from '../common/presets';
import { customRunName, isPresetConfig } from '../common/run-naming';
import type { FinalMetrics, LayerInfo } from '../common/records';
import { RUN_SORT_FIELDS, type RunStatus, type RunSummary } from '../common/runs';

export interface RunRow {
  id: number;
  name: string;
  created: string;
  status: RunStatus;
  config: string;
  preset: string | null;
  activation: string;
  initializer: string;
  depth: number;
  batch_norm: number;
  residual: number;
  backend: string | null;
  /** The step engine that trained the run (migration 0030). */
  engine: string | null;
  skipped: string;
  layers: string;
  app_version: string;
  started_at: string | null;
  ended_at: string | null;
  duration_sec: number | null;
  train_loss: number | null;
  train_acc: number | null;
  test_loss: number | null;
  test_acc: number | null;
  notes: string;
  tags: string;
  error: string | null;
  origin: string | null;
  step: number;
  total_steps: number;
  owner_pid: number | null;
  /** When the owning host last said it is alive (ms since the epoch); null for runs from before heartbeats. */
  heartbeat_at: number | null;
  /** The step a diverged run diverged at (migration 0040). */
  diverged_step: number | null;
}

export interface NewRun {
  name?: string;
  config: ExperimentConfig;
  appVersion: string;
  ownerPid: number | null;
  created?: string;
  status?: RunStatus;
}

export interface RunFilter {
  text?: string;
  status?: RunStatus;
  preset?: string;
  activation?: string;
  tag?: string;
  sort: (typeof RUN_SORT_FIELDS)[number];
  order: 'asc' | 'desc';
  limit: number;
  offset: number;
}

export interface RunEnd {
  status: RunStatus;
  endedAt: string;
  durationSec: number | null;
  final?: FinalMetrics | null;
  error?: string | null;
  /** For a diverged run: the step it diverged at. */
  divergedStep?: number;
}

const SORT_COLUMNS: Record<RunFilter['sort'], string> = {
  created: 'created',
  name: 'name COLLATE NOCASE',
  status: 'status',
  testAcc: 'test_acc',
  duration: 'duration_sec',
  preset: 'preset',
};

const FILTER_SQL = `
  FROM runs WHERE (@text IS NULL OR name LIKE @text ESCAPE '\\' OR notes LIKE @text ESCAPE '\\'
                   OR preset LIKE @text ESCAPE '\\'
                   OR EXISTS (SELECT 1 FROM json_each(runs.tags) WHERE value LIKE @text ESCAPE '\\'))
    AND (@status IS NULL OR status = @status)
    AND (@preset IS NULL OR preset = @preset)
    AND (@activation IS NULL OR activation = @activation)
    AND (@tag IS NULL OR EXISTS (SELECT 1 FROM json_each(runs.tags) WHERE value = @tag))`;

const finiteOrNull = (x: number | null | undefined): number | null => (x !== null && x !== undefined && Number.isFinite(x) ? x : null);

/** "deep-sigmoid #14" for a preset's own config; an edited one is named from what differs from its preset. */
export function defaultRunName(config: ExperimentConfig, id: number): string {
  const preset = config.preset ? getPreset(config.preset) : undefined;
  if (preset && !isPresetConfig(config, preset)) return `${customRunName(config, preset)} #${id}`;
  return `${config.preset ?? 'custom'} #${id}`;
}

export function toSummary(r: RunRow): RunSummary {
  const final =
    r.test_acc !== null || r.test_loss !== null || r.train_acc !== null || r.train_loss !== null
      ? { trainLoss: r.train_loss ?? NaN, trainAcc: r.train_acc ?? NaN, testLoss: r.test_loss ?? NaN, testAcc: r.test_acc ?? NaN }
      : null;
  const active = r.status === 'queued' || r.status === 'running';
  return {
    id: r.id,
    name: r.name,
    status: r.status,
    preset: r.preset,
    created: r.created,
    startedAt: r.started_at,
    endedAt: r.ended_at,
    durationSec: r.duration_sec,
    backend: r.backend as BackendName | null,
    engine: r.engine,
    skipped: JSON.parse(r.skipped) as RunSummary['skipped'],
    appVersion: r.app_version,
    activation: r.activation,
    initializer: r.initializer,
    depth: r.depth,
    batchNorm: r.batch_norm === 1,
    residual: r.residual === 1,
    final,
    notes: r.notes,
    tags: JSON.parse(r.tags) as string[],
    error: r.error,
    origin: r.origin,
    progress: active ? { step: r.step, totalSteps: r.total_steps } : null,
    ...(r.diverged_step !== null && r.diverged_step !== undefined ? { divergedStep: r.diverged_step } : {}),
  };
}

export class RunsRepo {
  private readonly insertStmt: Statement;
  private readonly getStmt: Statement<[number], RunRow>;
  private readonly renameStmt: Statement;
  private readonly statusStmt: Statement;
  private readonly startedStmt: Statement;
  private readonly endStmt: Statement;
  private readonly updateStmt: Statement;
  private readonly deleteStmt: Statement;
  private readonly activeStmt: Statement<[], RunRow>;
  private readonly countStmt: Statement<Record<string, unknown>, { n: number }>;
  private readonly beatStmt: Statement<[number, number]>;
  private readonly listStmts = new Map<string, Statement<Record<string, unknown>, RunRow>>();

  /** Sets a diverged run's step (migration 0040). */
  private divergedStmt: Statement<[number, number]> | undefined;

  constructor(private readonly db: Database) {
    this.insertStmt = db.prepare(`INSERT INTO runs (name, created, status, config, preset, activation, initializer, depth,
        batch_norm, residual, app_version, owner_pid, origin, total_steps)
      VALUES (@name, @created, @status, @config, @preset, @activation, @initializer, @depth, @batchNorm, @residual,
        @appVersion, @ownerPid, @origin, @totalSteps)`);
    this.getStmt = db.prepare('SELECT * FROM runs WHERE id = ?');
    this.renameStmt = db.prepare('UPDATE runs SET name = ? WHERE id = ?');
    this.statusStmt = db.prepare('UPDATE runs SET status = @status, started_at = COALESCE(@startedAt, started_at) WHERE id = @id');
    this.startedStmt = db.prepare(
      'UPDATE runs SET backend = @backend, engine = @engine, skipped = @skipped, layers = @layers, total_steps = @totalSteps WHERE id = @id',
    );
    this.endStmt = db.prepare(`UPDATE runs SET status = @status, ended_at = @endedAt, duration_sec = @durationSec,
        train_loss = @trainLoss, train_acc = @trainAcc, test_loss = @testLoss, test_acc = @testAcc, error = @error,
        owner_pid = NULL WHERE id = @id`);
    this.updateStmt = db.prepare(`UPDATE runs SET name = COALESCE(@name, name), notes = COALESCE(@notes, notes),
        tags = COALESCE(@tags, tags) WHERE id = @id`);
    this.deleteStmt = db.prepare('DELETE FROM runs WHERE id = ?');
    this.activeStmt = db.prepare("SELECT * FROM runs WHERE status IN ('queued', 'running')");
    this.countStmt = db.prepare(`SELECT count(*) AS n ${FILTER_SQL}`);
    this.beatStmt = db.prepare("UPDATE runs SET heartbeat_at = ? WHERE id = ? AND status IN ('queued', 'running')");
  }

  /** The owner's sign of life for its queued and running runs. */
  beat(ids: readonly number[], now = Date.now()): void {
    if (ids.length) this.db.transaction(() => ids.forEach((id) => this.beatStmt.run(now, id)))();
  }

  /** Insert a run (default: 'queued'); returns its id. */
  create(run: NewRun & { origin?: string | null }): number {
    const m = run.config.model;
    return this.db.transaction(() => {
      const id = Number(
        this.insertStmt.run({
          name: run.name ?? '',
          created: run.created ?? new Date().toISOString(),
          status: run.status ?? 'queued',
          config: JSON.stringify(run.config),
          preset: run.config.preset ?? null,
          activation: m.activation,
          initializer: m.initializer.kind,
          depth: hiddenWidths(m).length,
          batchNorm: m.batchNorm ? 1 : 0,
          residual: m.residual ? 1 : 0,
          appVersion: run.appVersion,
          ownerPid: run.ownerPid,
          origin: run.origin ?? null,
          totalSteps: 0,
        }).lastInsertRowid,
      );
      if (!run.name) this.renameStmt.run(defaultRunName(run.config, id), id);
      if (run.ownerPid !== null) this.beatStmt.run(Date.now(), id);
      return id;
    })();
  }

  row(id: number): RunRow | undefined {
    return this.getStmt.get(id);
  }

  get(id: number): RunSummary | undefined {
    const r = this.getStmt.get(id);
    return r && toSummary(r);
  }

  config(id: number): ExperimentConfig | undefined {
    const r = this.getStmt.get(id);
    return r && (JSON.parse(r.config) as ExperimentConfig);
  }

  layers(id: number): LayerInfo[] {
    const r = this.getStmt.get(id);
    return r ? (JSON.parse(r.layers) as LayerInfo[]) : [];
  }

  setStatus(id: number, status: RunStatus, startedAt: string | null = null): void {
    this.statusStmt.run({ id, status, startedAt });
  }

  setStarted(id: number, s: { backend: BackendName | null; engine?: string | null; skipped: RunSummary['skipped']; layers: LayerInfo[]; totalSteps: number }): void {
    this.startedStmt.run({ id, backend: s.backend, engine: s.engine ?? null, skipped: JSON.stringify(s.skipped), layers: JSON.stringify(s.layers), totalSteps: s.totalSteps });
  }

  end(id: number, e: RunEnd): void {
    this.endStmt.run({
      id,
      status: e.status,
      endedAt: e.endedAt,
      durationSec: finiteOrNull(e.durationSec),
      trainLoss: finiteOrNull(e.final?.trainLoss),
      trainAcc: finiteOrNull(e.final?.trainAcc),
      testLoss: finiteOrNull(e.final?.testLoss),
      testAcc: finiteOrNull(e.final?.testAcc),
      error: e.error ?? null,
    });
    // Prepared on first use, so that a repository over an older schema (migration tests) still opens.
    if (e.divergedStep !== undefined) (this.divergedStmt ??= this.db.prepare('UPDATE runs SET diverged_step = ? WHERE id = ?')).run(e.divergedStep, id);
  }

  update(id: number, u: { name?: string; notes?: string; tags?: string[] }): void {
    this.updateStmt.run({ id, name: u.name ?? null, notes: u.notes ?? null, tags: u.tags ? JSON.stringify(u.tags) : null });
  }

  delete(id: number): boolean {
    return this.deleteStmt.run(id).changes > 0;
  }

  /** Queued or running rows (for crash recovery at start). */
  active(): RunRow[] {
    return this.activeStmt.all();
  }

  list(f: RunFilter): { runs: RunSummary[]; total: number } {
    const key = `${f.sort}:${f.order}`;
    let stmt = this.listStmts.get(key);
    if (!stmt) {
      const col = SORT_COLUMNS[f.sort];
      const dir = f.order === 'asc' ? 'ASC' : 'DESC';
      stmt = this.db.prepare(`SELECT * ${FILTER_SQL} ORDER BY (${col}) IS NULL, ${col} ${dir}, id ${dir} LIMIT @limit OFFSET @offset`);
      this.listStmts.set(key, stmt);
    }
    const text = f.text?.trim() ? `%${f.text.trim().replace(/[\\%_]/g, (c) => '\\' + c)}%` : null;
    const params = {
      text,
      status: f.status ?? null,
      preset: f.preset ?? null,
      activation: f.activation ?? null,
      tag: f.tag ?? null,
    };
    const runs = stmt.all({ ...params, limit: f.limit, offset: f.offset }).map(toSummary);
    return { runs, total: this.countStmt.get(params)!.n };
  }
}
