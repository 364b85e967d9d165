// Epoch-time benchmark (run: npx tsx bench/epoch-time.ts [--epochs N] [--train-size N] [--backend wasm|cpu|...]
// [--threads T] [--repeat R] [--no-peer]). Measures seed-keras on full MNIST with statistics every batch and with
// statistics off, and the deep-sigmoid preset; and, when /usr/bin/python3 can import torch, the PyTorch peer
// (../shared/bench/peer_torch.py) on the same models in the same run, printing the backend, the core count, the
// peer's BLAS, seconds per epoch and the ratio lab / peer. With --repeat R each case alternates lab and peer R
// times and reports the best of each (the machine is shared: the minimum is the least disturbed run).
import * as tf from '@tensorflow/tfjs';
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { availableParallelism, cpus, loadavg } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { ExperimentConfigSchema, type ExperimentConfig } from '../electron/common/config';
import { getPreset } from '../electron/common/presets';
import { selectBackend } from '../electron/engine/backends';
import { loadDataset } from '../electron/engine/data/load';
import { defaultMnistDir } from '../electron/engine/data/mnist';
import { defaultFastEngine } from '../electron/engine/train/fast-step';
import { train } from '../electron/engine/train/train';
import type { BackendName } from '../electron/common/app-info';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const PEER = resolve(root, '../shared/bench/peer_torch.py');
const PYTHON = '/usr/bin/python3';

const { values: args } = parseArgs({
  options: {
    epochs: { type: 'string', default: '1' },
    'train-size': { type: 'string', default: '60000' },
    backend: { type: 'string' },
    'no-peer': { type: 'boolean', default: false },
    threads: { type: 'string', default: '1' },
    repeat: { type: 'string', default: '1' },
  },
});
const epochs = Number(args.epochs);
const trainSize = Number(args['train-size']);
const repeat = Math.max(1, Number(args.repeat));

interface Case {
  label: string;
  preset: string;
  stats: boolean;
  peerArgs?: string[];
}

const CASES: Case[] = [
  { label: 'seed-keras, statistics every batch', preset: 'seed-keras', stats: true, peerArgs: ['--stats', 'grads'] },
  { label: 'seed-keras, statistics off', preset: 'seed-keras', stats: false, peerArgs: ['--stats', 'loss'] },
  { label: 'deep-sigmoid, statistics every batch', preset: 'deep-sigmoid', stats: true, peerArgs: ['--depth', '10', '--width', '64', '--init', 'glorot', '--stats', 'grads'] },
];

async function labEpochSeconds(c: Case): Promise<{ seconds: number; testAcc: number }> {
  const preset = getPreset(c.preset)!;
  const config: ExperimentConfig = ExperimentConfigSchema.parse({
    ...preset.config,
    dataset: { kind: 'mnist', trainSize, testSize: 10000 },
    training: { ...preset.config.training, epochs, statsEvery: c.stats ? 1 : 10000, histogramEvery: c.stats ? 50 : 0 },
  });
  const data = await loadDataset(config.dataset, config.training.seed);
  const times: number[] = [];
  let testAcc = NaN;
  await train(config, data, {
    onEpoch: (e) => {
      times.push((e.seconds * 60000) / trainSize);
      testAcc = e.testAcc;
    },
  });
  return { seconds: times.reduce((a, b) => a + b, 0) / times.length, testAcc };
}

function peerAvailable(): string | null {
  if (args['no-peer']) return 'disabled with --no-peer';
  if (!existsSync(PYTHON)) return `${PYTHON} not found`;
  if (!existsSync(PEER)) return `${PEER} not found`;
  const probe = spawnSync(PYTHON, ['-c', 'import torch'], { encoding: 'utf8' });
  return probe.status === 0 ? null : `${PYTHON} cannot import torch`;
}

function peerEpochSeconds(c: Case): { seconds: number; blas: string; threads: number } {
  const out = execFileSync(
    PYTHON,
    [PEER, '--data', join(defaultMnistDir()), '--epochs', String(epochs), '--threads', String(args.threads), ...(c.peerArgs ?? [])],
    { encoding: 'utf8', cwd: root, maxBuffer: 1 << 20 },
  );
  const line = out.trim().split('\n').pop()!;
  const r = JSON.parse(line) as { epochs: { epochSeconds: number }[]; blas: string; threads: number };
  return { seconds: r.epochs.reduce((a, e) => a + e.epochSeconds, 0) / r.epochs.length, blas: r.blas, threads: r.threads };
}

async function main(): Promise<void> {
  const choice = await selectBackend(args.backend as BackendName | undefined);
  console.log(`backend: ${choice.backend} (tfjs ${tf.version.tfjs})${choice.skipped.map((s) => `; skipped ${s.name}: ${s.reason}`).join('')}`);
  console.log(
    `training step: ${defaultFastEngine() === 'kernels' ? "Gradient Lab's WebAssembly SIMD kernels (electron/engine/kernels), one thread" : `tfjs ops on ${choice.backend}`}; evaluation: tfjs on ${choice.backend}`,
  );
  console.log(`cores: ${availableParallelism()} (${cpus()[0]?.model ?? 'unknown CPU'}), load average ${loadavg().map((l) => l.toFixed(1)).join(' ')}`);
  console.log(`train size ${trainSize}, ${epochs} epoch(s), best of ${repeat}; seconds are per full 60k epoch`);
  const peerMissing = peerAvailable();
  if (peerMissing) console.log(`PyTorch peer not run: ${peerMissing}`);
  const lab: Record<string, number> = {};
  for (const c of CASES) {
    let best = { seconds: Infinity, testAcc: NaN };
    let peer: ReturnType<typeof peerEpochSeconds> | undefined;
    const ratios: number[] = [];
    for (let r = 0; r < repeat; r++) {
      const l = await labEpochSeconds(c);
      if (l.seconds < best.seconds) best = l;
      if (!peerMissing && c.peerArgs) {
        const p = peerEpochSeconds(c);
        if (!peer || p.seconds < peer.seconds) peer = p;
        ratios.push(l.seconds / p.seconds);
      }
    }
    lab[c.label] = best.seconds;
    let line = `${c.label.padEnd(40)} lab ${best.seconds.toFixed(2).padStart(7)} s  (test acc ${(best.testAcc * 100).toFixed(1)}%)`;
    if (peer) {
      line += `   peer ${peer.seconds.toFixed(2).padStart(7)} s (torch, ${peer.threads} thread(s), BLAS ${peer.blas.split('/').slice(-2).join('/')})   ratio ${(best.seconds / peer.seconds).toFixed(2)}×`;
      if (repeat > 1) line += ` (per round ${ratios.map((x) => x.toFixed(2)).join(' ')})`;
    }
    console.log(line);
  }
  const on = lab[CASES[0]!.label]!;
  const off = lab[CASES[1]!.label]!;
  console.log(`cost of statistics every batch: ${(((on - off) / off) * 100).toFixed(0)}% over statistics off`);
}

main().catch((e: unknown) => {
  console.error(e);
  process.exit(1);
});
