// The layer probe against PyTorch: for several presets, export the run's initial weights, its first batch and
// the lab's step-0 probe (engine/train/probe-case.ts), recompute every quantity in bench/probe_check.py
// (float64, torch autograd, 1 thread) and print the worst differences. With `--out FILE [--preset ID]` it only
// writes the case file (the export path for checks of one's own). Needs /usr/bin/python3 with torch.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ExperimentConfigSchema } from '../electron/common/config';
import { getPreset } from '../electron/common/presets';
import { selectBackend } from '../electron/engine/backends';
import { loadDataset } from '../electron/engine/data/load';
import { probeCase } from '../electron/engine/train/probe-case';

const PYTHON = process.env.GRADIENT_LAB_PYTHON ?? '/usr/bin/python3';
const arg = (name: string) => {
  const i = process.argv.indexOf(name);
  return i >= 0 ? process.argv[i + 1] : undefined;
};

async function writeCase(presetId: string, file: string, trainSize = 1000): Promise<void> {
  const preset = getPreset(presetId);
  if (!preset) throw new Error(`no preset ${presetId}`);
  const config = ExperimentConfigSchema.parse({ ...preset.config, dataset: { kind: 'mnist', trainSize, testSize: 100 } });
  const data = await loadDataset(config.dataset, config.training.seed);
  writeFileSync(file, JSON.stringify(probeCase(config, data)));
}

async function main(): Promise<void> {
  await selectBackend('wasm');
  const out = arg('--out');
  if (out) {
    await writeCase(arg('--preset') ?? 'seed-he', out);
    console.log(`probe case written to ${out}`);
    return;
  }
  if (spawnSync(PYTHON, ['-c', 'import torch'], { encoding: 'utf8' }).status !== 0) {
    console.log(`probe-check: not run, because torch is missing (${PYTHON} -c "import torch" failed)`);
    return;
  }
  const dir = mkdtempSync(join(tmpdir(), 'gradient-lab-probe-'));
  let bad = 0;
  try {
    for (const id of ['seed-keras', 'seed-he', 'deep-sigmoid', 'deep-relu-he', 'deep-batchnorm', 'deep-residual']) {
      const file = join(dir, `${id}.json`);
      await writeCase(id, file);
      const r = spawnSync(PYTHON, ['bench/probe_check.py', file, '--threads', '1'], { encoding: 'utf8' });
      const line = r.stdout.trim().split('\n').at(-1) ?? '';
      const res = JSON.parse(line || '{}') as { ok?: boolean; worst?: Record<string, number>; problems?: string[] };
      if (!res.ok) bad++;
      const w = res.worst ?? {};
      console.log(
        `${id.padEnd(16)} ${res.ok ? 'agrees' : 'DISAGREES'}  worst: scalar rel ${w.scalarRel?.toExponential(1)}, log10 abs ${w.logAbs?.toExponential(1)}, ` +
          `saturated ${w.shareEntries?.toFixed(1)} entries, histogram L1 ${((w.histL1Share ?? 0) * 100).toFixed(3)}%`,
      );
      for (const p of res.problems ?? []) console.log(`  ${p}`);
      if (r.status !== 0 && !res.problems?.length) console.log(r.stderr);
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  process.exitCode = bad ? 1 : 0;
}

void main();
