// Epoch-time benchmark (run: npx tsx bench/epoch-time.ts [--epochs N] [--train-size N] [--backend wasm|cpu|...]
// [--threads T] [--repeat R] [--no-peer] [--preset id…] [--peer-stats grads|full]). Measures every preset on full
// MNIST with statistics every batch (and seed-keras with statistics off); and, when /usr/bin/python3 can import
// torch, the project's PyTorch peer (bench/peer_torch.py) on the same models in the same run, printing the
// backend, the step engine of each run, the core count, the peer's BLAS, seconds per epoch and the ratio lab /
// peer. With --repeat R each case alternates lab and peer R times and reports the best of each (the machine is
// shared: the minimum is the least disturbed run) and every round's ratio; and each side's CPU time per epoch
// (this process's from first to last batch; the peer's process time), which load disturbs less than wall time.
import * as tf from '@tensorflow/tfjs';
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { availableParallelism, cpus, loadavg } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { ExperimentConfigSchema, type ExperimentConfig } from '../electron/common/config';
import { getPreset, PRESETS } from '../electron/common/presets';
import { selectBackend } from '../electron/engine/backends';
import { loadDataset } from '../electron/engine/data/load';
import { defaultMnistDir } from '../electron/engine/data/mnist';
import { defaultFastEngine } from '../electron/engine/train/fast-step';
import { train } from '../electron/engine/train/train';
import type { BackendName } from '../electron/common/app-info';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const PEER = resolve(root, 'bench/peer_torch.py');
const PYTHON = '/usr/bin/python3';

const { values: args } = parseArgs({
  options: {
    epochs: { type: 'string', default: '1' },
    'train-size': { type: 'string', default: '60000' },
    backend: { type: 'string' },
    'no-peer': { type: 'boolean', default: false },
    threads: { type: 'string', default: '1' },
    repeat: { type: 'string', default: '1' },
    preset: { type: 'string', multiple: true },
    'peer-stats': { type: 'string', default: 'grads' },
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

/** The peer's flags for a preset's model (bench/peer_torch.py builds the same network). */
function peerModelArgs(presetId: string): string[] {
  const { model, optimizer } = getPreset(presetId)!.config;
  const init = model.initializer.kind === 'randomNormal' ? 'normal11' : model.initializer.kind === 'heNormal' ? 'he' : 'glorot';
  return [
    '--depth', String(model.depth), '--width', String(model.width), '--activation', model.activation, '--init', init, '--lr', String(optimizer.learningRate),
    ...(model.batchNorm ? ['--batchnorm'] : []), ...(model.residual ? ['--residual'] : []),
  ];
}

// Recurrent presets have their own benchmark (rnn-epoch.ts).
const presetIds = args.preset ?? PRESETS.filter((p) => !p.config.recurrent).map((p) => p.id);
const CASES: Case[] = [
  ...presetIds.map((id) => ({ label: `${id}, statistics every batch`, preset: id, stats: true, peerArgs: [...peerModelArgs(id), '--stats', args['peer-stats']] })),
  ...(presetIds.includes('seed-keras') ? [{ label: 'seed-keras, statistics off', preset: 'seed-keras', stats: false, peerArgs: [...peerModelArgs('seed-keras'), '--stats', 'loss'] }] : []),
];

async function labEpochSeconds(c: Case): Promise<{ seconds: number; cpuSeconds: number; testAcc: number; engine: string }> {
  const preset = getPreset(c.preset)!;
  const config: ExperimentConfig = ExperimentConfigSchema.parse({
    ...preset.config,
    dataset: { kind: 'mnist', trainSize, testSize: 10000 },
    training: { ...preset.config.training, epochs, statsEvery: c.stats ? 1 : 10000, histogramEvery: c.stats ? 50 : 0 },
  });
  const data = await loadDataset(config.dataset, config.training.seed);
  const times: number[] = [];
  const cpuTimes: number[] = [];
  let testAcc = NaN;
  let engine = '?';
  // CPU time of this process from the first to the last batch of each epoch (evaluation excluded), scaled to the
  // epoch's steps: less disturbed by the other processes of a shared machine than wall time.
  let cpuFirst = 0;
  let cpuLast = 0;
  let stepsPerEpoch = 1;
  const cpu = () => {
    const u = process.cpuUsage();
    return (u.user + u.system) / 1e6;
  };
  await train(config, data, {
    onStart: (info) => {
      engine = info.engine;
      stepsPerEpoch = info.stepsPerEpoch;
    },
    onBatch: (b) => {
      if (b.batch === 0) cpuFirst = cpu();
      if (b.batch === stepsPerEpoch - 1) cpuLast = cpu();
    },
    onEpoch: (e) => {
      times.push((e.seconds * 60000) / trainSize);
      cpuTimes.push((((cpuLast - cpuFirst) * stepsPerEpoch) / Math.max(1, stepsPerEpoch - 1) * 60000) / trainSize);
      testAcc = e.testAcc;
    },
  });
  const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;
  return { seconds: mean(times), cpuSeconds: mean(cpuTimes), testAcc, engine };
}

function peerAvailable(): string | null {
  if (args['no-peer']) return 'disabled with --no-peer';
  if (!existsSync(PYTHON)) return `${PYTHON} not found`;
  if (!existsSync(PEER)) return `${PEER} not found`;
  const probe = spawnSync(PYTHON, ['-c', 'import torch'], { encoding: 'utf8' });
  return probe.status === 0 ? null : `${PYTHON} cannot import torch`;
}

function peerEpochSeconds(c: Case): { seconds: number; cpuSeconds: number; blas: string; threads: number } {
  const out = execFileSync(
    PYTHON,
    [PEER, '--data', join(defaultMnistDir()), '--epochs', String(epochs), '--threads', String(args.threads), ...(c.peerArgs ?? [])],
    { encoding: 'utf8', cwd: root, maxBuffer: 1 << 20 },
  );
  const line = out.trim().split('\n').pop()!;
  const r = JSON.parse(line) as { epochs: { epochSeconds: number; epochCpuSeconds: number }[]; blas: string; threads: number };
  const n = r.epochs.length;
  return { seconds: r.epochs.reduce((a, e) => a + e.epochSeconds, 0) / n, cpuSeconds: r.epochs.reduce((a, e) => a + e.epochCpuSeconds, 0) / n, blas: r.blas, threads: r.threads };
}

async function main(): Promise<void> {
  const choice = await selectBackend(args.backend as BackendName | undefined);
  console.log(`backend: ${choice.backend} (tfjs ${tf.version.tfjs})${choice.skipped.map((s) => `; skipped ${s.name}: ${s.reason}`).join('')}`);
  console.log(
    `training step: ${defaultFastEngine() === 'kernels' ? "Gradient Lab's WebAssembly SIMD kernels (electron/engine/kernels), one thread" : `tfjs ops on ${choice.backend}`} (each line names its run's engine); evaluation: tfjs on ${choice.backend}; peer statistics: ${args['peer-stats']}`,
  );
  console.log(`cores: ${availableParallelism()} (${cpus()[0]?.model ?? 'unknown CPU'}), load average ${loadavg().map((l) => l.toFixed(1)).join(' ')}`);
  console.log(`train size ${trainSize}, ${epochs} epoch(s), best of ${repeat}; seconds are per full 60k epoch`);
  const peerMissing = peerAvailable();
  if (peerMissing) console.log(`PyTorch peer not run: ${peerMissing}`);
  const lab: Record<string, number> = {};
  for (const c of CASES) {
    let best = { seconds: Infinity, cpuSeconds: Infinity, testAcc: NaN, engine: '?' };
    let bestCpu = Infinity;
    let peerCpu = Infinity;
    let peer: ReturnType<typeof peerEpochSeconds> | undefined;
    const ratios: number[] = [];
    for (let r = 0; r < repeat; r++) {
      const l = await labEpochSeconds(c);
      if (l.seconds < best.seconds) best = l;
      bestCpu = Math.min(bestCpu, l.cpuSeconds);
      if (!peerMissing && c.peerArgs) {
        const p = peerEpochSeconds(c);
        if (!peer || p.seconds < peer.seconds) peer = p;
        peerCpu = Math.min(peerCpu, p.cpuSeconds);
        ratios.push(l.seconds / p.seconds);
      }
    }
    lab[c.label] = best.seconds;
    let line = `${c.label.padEnd(40)} lab ${best.seconds.toFixed(2).padStart(7)} s  (${best.engine}, test acc ${(best.testAcc * 100).toFixed(1)}%)`;
    if (peer) {
      line += `   peer ${peer.seconds.toFixed(2).padStart(7)} s (torch, ${peer.threads} thread(s), BLAS ${peer.blas.split('/').slice(-2).join('/')})   ratio ${(best.seconds / peer.seconds).toFixed(2)}×`;
      // Each round runs lab and peer back to back, so a round's ratio shares its load; the median resists noise.
      const median = [...ratios].sort((a, b) => a - b)[Math.floor(ratios.length / 2)]!;
      if (repeat > 1) line += ` (per round ${ratios.map((x) => x.toFixed(2)).join(' ')}; median ${median.toFixed(2)}×)`;
      line += `   CPU time ${bestCpu.toFixed(2)} s vs ${peerCpu.toFixed(2)} s = ${(bestCpu / peerCpu).toFixed(2)}×`;
    }
    console.log(line);
  }
  const on = lab['seed-keras, statistics every batch'];
  const off = lab['seed-keras, statistics off'];
  if (on !== undefined && off !== undefined) console.log(`cost of statistics every batch (seed-keras): ${(((on - off) / off) * 100).toFixed(0)}% over statistics off`);
}

main().catch((e: unknown) => {
  console.error(e);
  process.exit(1);
});
