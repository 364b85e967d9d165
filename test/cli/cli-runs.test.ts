// The CLI over a real database and real trainer processes: a run is saved and printed by list and show, a second
// process reads it while it is still being written, Ctrl-C stops it cleanly, export → import into a fresh
// database gives identical rows, and kill -9 of the CLI leaves a sound file whose run is 'interrupted' next time.
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { RunDetail, RunSummary } from '../../electron/common/runs';
import { openStore } from '../../electron/store/store';
import { waitFor } from '../service/service-fixture';
import { tempDir } from '../store/store-fixture';
import { cli, cliBackground, cliJson } from './cli-fixture';

const tmp = tempDir();
const db = join(tmp.dir, 'cli.db');
afterAll(() => tmp.cleanup());

const LONG = ['run', '--preset', 'seed-he', '--train-size', '6000', '--test-size', '100', '--epochs', '100', '--json'];

function stepsIn(file: string, runId: number): number {
  const s = openStore(file);
  try {
    return s.metrics.stepCountOf(runId);
  } finally {
    s.close();
  }
}

describe('gradient-lab run / list / show', () => {
  it('saves a run, prints its id, epochs and outcome, and list and show print it', () => {
    const r = cli(['run', '--preset', 'seed-he', '--epochs', '1', '--train-size', '300', '--test-size', '100', '--name', 'tiny run', '--db', db, '--json']);
    expect(r.code).toBe(0);
    const lines = r.stdout.trim().split('\n').map((l) => JSON.parse(l) as Record<string, unknown>);
    expect(lines[0]).toMatchObject({ type: 'run', runId: 1, name: 'tiny run', db });
    expect(lines[1]).toMatchObject({ type: 'epoch', epoch: 0, runId: 1 });
    expect(lines[2]).toMatchObject({ type: 'done', runId: 1, status: 'completed', backend: expect.any(String) });
    expect(lines[2]!.testAcc).toBeGreaterThan(0);

    const list = cli(['list', '--db', db]);
    expect(list.code).toBe(0);
    expect(list.stdout).toMatch(/^1\s+tiny run\s+completed\s+seed-he/m);
    const show = cli(['show', '1', '--db', db]);
    expect(show.stdout).toContain('Run 1: tiny run');
    expect(show.stdout).toMatch(/^1\s+\d\.\d{4}\s+\d+\.\d\d%/m);
    const detail = cliJson<RunDetail>(['show', '1', '--db', db]);
    expect(detail.summary.final!.testAcc).toBe(lines[2]!.testAcc);
    // The rung and the step engine are stored with the run: the wasm kernels on the CPU rungs, tfjs otherwise.
    expect(detail.summary.backend).toBe(lines[2]!.backend);
    expect(detail.summary.engine).toBe(['wasm', 'cpu'].includes(String(lines[2]!.backend)) ? 'kernels' : 'tape');
    expect(list.stdout).toContain(`${detail.summary.backend} (${detail.summary.engine})`);
  });

  it('lets a second process read a run while it is written, and Ctrl-C stops it cleanly', async () => {
    const bg = cliBackground([...LONG, '--db', db]);
    await waitFor(() => bg.lines.length > 0, 30_000, 'the run id line');
    const runId = bg.lines[0]!.runId as number;
    await waitFor(() => stepsIn(db, runId) > 3, 60_000, 'steps on disk');
    // Another CLI process on the same file, while the first one keeps writing.
    const seen = cliJson<{ runs: RunSummary[] }>(['list', '--status', 'running', '--db', db]);
    expect(seen.runs.map((r) => r.id)).toEqual([runId]);
    expect(seen.runs[0]!.progress!.step).toBeGreaterThan(0);
    const detail = cliJson<RunDetail>(['show', String(runId), '--db', db]);
    expect(detail.summary.status).toBe('running');
    expect(detail.series.steps.length).toBeGreaterThan(0);
    const storedBefore = stepsIn(db, runId);

    bg.child.kill('SIGINT');
    expect(await bg.exit).toBe(130);
    expect(bg.lines[bg.lines.length - 1]).toMatchObject({ type: 'stopped', runId, status: 'stopped' });
    const after = cliJson<RunDetail>(['show', String(runId), '--db', db]);
    expect(after.summary.status).toBe('stopped');
    // Nothing written before the stop is lost (compare stored rows: `show` thins long series to a few hundred points).
    expect(stepsIn(db, runId)).toBeGreaterThanOrEqual(storedBefore);
    expect(after.series.steps.at(-1)!).toBeGreaterThanOrEqual(detail.series.steps.at(-1)!);
  });

  it('refuses bad flags with a message naming them', () => {
    expect(cli(['run', '--preset', 'no-such', '--db', db]).stderr).toMatch(/Unknown preset "no-such" \(one of: seed-keras/);
    expect(cli(['run', '--preset', 'seed-he', '--epochs', 'ten', '--db', db]).stderr).toMatch(/--epochs must be a whole number/);
    const small = cli(['run', '--preset', 'seed-he', '--train-size', '5', '--db', db]);
    expect(small.code).toBe(1);
    expect(small.stderr).toMatch(/trainSize must be at least 10/);
    expect(cli(['show', '4242', '--db', db]).stderr).toMatch(/run 4242 does not exist/);
    expect(cli(['compare', '1', '--db', db]).stderr).toMatch(/pick at least 2 runs to compare/);
    expect(cli(['list', '--db', join(tmp.dir, 'missing', 'x.db')]).stderr).toMatch(/folder .*missing does not exist/);
  });
});

describe('gradient-lab export / import / compare / delete', () => {
  it('moves runs to a fresh database with identical rows, compares and deletes them', () => {
    const file = join(tmp.dir, 'runs.json.gz');
    expect(cli(['export', '1', '2', '-o', file, '--db', db]).stdout).toMatch(/Exported 2 runs to .*runs\.json\.gz/);
    const fresh = join(tmp.dir, 'fresh.db');
    const imp = cliJson<{ runIds: number[] }>(['import', file, '--db', fresh]);
    expect(imp.runIds).toEqual([1, 2]);
    const a = openStore(db);
    const b = openStore(fresh);
    try {
      for (const [from, to] of [[1, 1], [2, 2]] as const) {
        const ra = a.metrics.rows(from);
        const rb = b.metrics.rows(to);
        expect(rb.steps.length).toBeGreaterThan(0);
        expect(rb.steps).toEqual(ra.steps);
        expect(rb.layerStats).toEqual(ra.layerStats);
        expect(rb.histograms).toEqual(ra.histograms);
        expect(rb.epochs).toEqual(ra.epochs);
        expect(rb.predictions).toEqual(ra.predictions);
        const { id: _i, origin, ...sa } = a.runs.get(from)!;
        const { id: _j, origin: originB, ...sb } = b.runs.get(to)!;
        expect(sb).toEqual(sa);
        expect(origin).toBeNull();
        expect(originB).toBe(`runs.json.gz (run ${from})`);
      }
    } finally {
      a.close();
      b.close();
    }
    const cmp = cli(['compare', '1', '2', '--db', fresh]);
    expect(cmp.code).toBe(0);
    expect(cmp.stdout).toMatch(/Config differences:\n.*\ndataset\.trainSize\s+300\s+6000/);
    // The imported copies are marked as such in the list, and a search for "[" or "," finds no run (tags are
    // searched as words, not in their stored form).
    expect(cli(['list', '--db', fresh]).stdout.match(/\(imported\)/g)).toHaveLength(2);
    expect(cli(['list', '--db', db]).stdout).not.toContain('(imported)');
    for (const text of ['[', ',', '"']) expect(cliJson<{ total: number }>(['list', '--text', text, '--db', fresh]).total, text).toBe(0);
    expect(cli(['delete', '2', '--db', fresh]).stdout).toContain('Deleted 1 run.');
    expect(cliJson<{ total: number }>(['list', '--db', fresh]).total).toBe(1);
  });
});

describe('a host killed mid-run', () => {
  it('leaves a sound database whose run is interrupted at the next start', async () => {
    const file = join(tmp.dir, 'killed.db');
    const bg = cliBackground([...LONG, '--db', file]);
    await waitFor(() => bg.lines.length > 0, 30_000, 'the run id line');
    const runId = bg.lines[0]!.runId as number;
    await waitFor(() => stepsIn(file, runId) > 3, 60_000, 'steps on disk');
    bg.child.kill('SIGKILL');
    await bg.exit;
    const kept = stepsIn(file, runId);
    const list = cliJson<{ runs: RunSummary[] }>(['list', '--db', file]);
    expect(list.runs[0]).toMatchObject({ id: runId, status: 'interrupted', error: expect.stringMatching(/ended while this run was training/) });
    const s = openStore(file);
    try {
      expect(s.integrityCheck()).toBe('ok');
      expect(s.metrics.stepCountOf(runId)).toBe(kept);
    } finally {
      s.close();
    }
  });
});
