// CSV export of a long run through the real `gradient-lab csv` process: 26 000 steps × 5 layers (130 000
// layer-statistics rows, deep-sigmoid after ~25 epochs) must export completely, to a file and to a pipe, and
// a layer name that a spreadsheet would run as a formula must arrive as text.
import { spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { exportBundle } from '../../electron/store/bundles';
import { openStore } from '../../electron/store/store';
import { ROOT } from '../cli/cli-fixture';
import { editBundle } from '../corpus/malformed-bundles';
import { seedFinishedRuns, tempDir } from '../store/store-fixture';
import { freshBuild } from './reliability-fixture';

const tmp = tempDir();
const dbPath = join(tmp.dir, 'lab.db');
const BUILT = freshBuild('cli.js');
const STEPS = 26_000;
const LAYERS = 5;
let runId: number;

function gradientLab(args: string[]) {
  const entry = BUILT ? [BUILT] : ['--import', 'tsx', join(ROOT, 'electron/cli/index.ts')];
  const r = spawnSync(process.execPath, [...entry, ...args, '--db', dbPath], {
    cwd: ROOT,
    encoding: 'utf8',
    timeout: 120_000,
    maxBuffer: 512 * 1024 * 1024,
    env: { ...process.env, GRADIENT_LAB_DB: '', LANG: 'en_US.UTF-8' },
  });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

beforeAll(() => {
  const store = openStore(dbPath);
  const good = exportBundle(store, seedFinishedRuns(store), '0.1.0');
  store.close();
  const long = editBundle(good, (b) => {
    const r = b.runs[0]!;
    r.config = {
      ...(r.config as object),
      dataset: { kind: 'mnist', trainSize: 60000, testSize: 100 },
      model: { depth: LAYERS - 1, width: 32, activation: 'sigmoid', initializer: { kind: 'heNormal' }, batchNorm: false, residual: false },
      training: { epochs: 1, batchSize: 2, seed: 7, statsEvery: 1, histogramEvery: 0 },
    };
    r.layers = Array.from({ length: LAYERS }, (_, i) => ({
      index: i,
      name: i === 0 ? '=HYPERLINK("http://127.0.0.1/x","click")' : `dense_${i + 1}`,
      units: i === LAYERS - 1 ? 10 : 32,
      fanIn: i === 0 ? 784 : 32,
      activation: i === LAYERS - 1 ? 'softmax' : 'sigmoid',
      output: i === LAYERS - 1,
    }));
    r.steps = Array.from({ length: STEPS }, (_, s) => [s, 0, s, 2.3 - s * 1e-5, 0.1]);
    r.layerStats = Array.from({ length: STEPS * LAYERS }, (_, k) => [Math.floor(k / LAYERS), k % LAYERS, ...Array.from({ length: 12 }, (_, f) => (f + 1) * 1e-3)]);
    r.histograms = [];
    r.epochs = [];
    b.runs = [r];
  });
  writeFileSync(join(tmp.dir, 'long.json.gz'), long);
  const imported = gradientLab(['import', join(tmp.dir, 'long.json.gz'), '--json']);
  if (imported.code !== 0) throw new Error(imported.stderr);
  runId = (JSON.parse(imported.stdout) as { runIds: number[] }).runIds[0]!;
}, 120_000);
afterAll(() => tmp.cleanup());

describe('gradient-lab csv of a long run', () => {
  it('writes every step of 130 000 layer rows to a file, with formula-looking text kept as text', () => {
    const file = join(tmp.dir, 'long.csv');
    const r = gradientLab(['csv', String(runId), '-o', file]);
    expect(r.code, r.stderr).toBe(0);
    const lines = readFileSync(file, 'utf8').trimEnd().split('\n');
    expect(lines).toHaveLength(STEPS + 1);
    expect(lines[1]!.split(',')).toHaveLength(5 + LAYERS * 12);
    expect(lines[0]).toContain(`"'=HYPERLINK(""http://127.0.0.1/x"",""click"").gradNorm"`);
    expect(lines[0]).not.toMatch(/(^|,)"?[=+\-@]/);
    expect(lines[STEPS]!.startsWith(`${STEPS - 1},0,${STEPS - 1},`)).toBe(true);
  }, 120_000);

  it('streams the same table to a pipe', () => {
    const r = gradientLab(['csv', String(runId)]);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout.trimEnd().split('\n')).toHaveLength(STEPS + 1);
  }, 120_000);
});
