// The layer probe against an independent PyTorch computation (bench/probe_check.py) on the initial weights and
// first batch a run exports (engine/train/probe-case.ts); the exported case is the run's own step 0; and the
// check does fail on a probe that is off by 1%. Without torch the PyTorch tests are skipped, saying why.
import { spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { selectBackend } from '../../electron/engine/backends';
import { loadDataset } from '../../electron/engine/data/load';
import { probeCase, type ProbeCase } from '../../electron/engine/train/probe-case';
import { tempDir } from '../store/store-fixture';
import { presetOn, trainCollect } from './helpers';
import type { LayerProbeRecord } from '../../electron/common/records';

const PYTHON = '/usr/bin/python3';
const hasTorch = spawnSync(PYTHON, ['-c', 'import torch'], { encoding: 'utf8' }).status === 0;
if (!hasTorch) console.log('probe-torch: the PyTorch comparisons were not run, because torch is missing');
const tmp = tempDir();

beforeAll(async () => {
  await selectBackend('wasm');
});
afterAll(() => tmp.cleanup());

async function caseOf(id: string): Promise<ProbeCase> {
  const config = presetOn(id, { trainSize: 500, testSize: 100, batchSize: 64 });
  return probeCase(config, await loadDataset(config.dataset, config.training.seed));
}

function check(c: ProbeCase, name: string): { status: number | null; result: { ok: boolean; problems: string[] } } {
  const file = join(tmp.dir, `${name}.json`);
  writeFileSync(file, JSON.stringify(c));
  const r = spawnSync(PYTHON, ['bench/probe_check.py', file, '--threads', '1'], { encoding: 'utf8' });
  return { status: r.status, result: JSON.parse(r.stdout.trim().split('\n').at(-1) || '{}') as { ok: boolean; problems: string[] } };
}

describe('probe case', () => {
  it("is the run's own step 0: its probe equals the one training reports", async () => {
    const config = presetOn('deep-sigmoid', { trainSize: 500, testSize: 100, batchSize: 64 });
    const c = probeCase(config, await loadDataset(config.dataset, config.training.seed));
    let first: LayerProbeRecord | undefined;
    await trainCollect(config, { stopAtStep: 0, onProbe: (p) => (first ??= p) });
    expect(first!.loss).toBeCloseTo(c.probe.loss, 6);
    first!.layers.forEach((l, i) => expect(l.deltaNorm / c.probe.layers[i]!.deltaNorm).toBeCloseTo(1, 5));
    expect(c.x).toHaveLength(64 * 784);
  });
});

describe.skipIf(!hasTorch)('layer probe against PyTorch', () => {
  it.each(['seed-keras', 'deep-sigmoid', 'deep-batchnorm', 'deep-residual'])('%s agrees field by field', async (id) => {
    const { status, result } = check(await caseOf(id), id);
    expect(result.problems).toEqual([]);
    expect(result.ok).toBe(true);
    expect(status).toBe(0);
  });

  it('disagrees with a probe whose first-layer ‖δ‖ is 1% off', async () => {
    const c = await caseOf('seed-he');
    c.probe.layers[0]!.deltaNorm *= 1.01;
    const { status, result } = check(c, 'tampered');
    expect(status).toBe(1);
    expect(result.problems.join('\n')).toMatch(/layer 0 deltaNorm/);
  });
});
