// Recurrent benchmark (run: npx tsx bench/rnn-epoch.ts [--cells rnn,lstm,gru] [--length 100] [--hidden 128]
// [--batch 50] [--train-size 2000] [--repeat 1] [--threads 1] [--no-peer] [--no-shapes] [--curve-steps 0]).
// In one run, for each cell on the adding problem: one epoch of the lab's recurrent engine (backpropagation
// through time on the wasm kernels; statistics off, and with statistics every 5 steps as the presets record
// them) and one epoch of the project's PyTorch peer (bench/peer_rnn.py, torch.nn.RNN/LSTM/GRU, Adam, clip-norm
// 1) on the same task, hidden size and batch; seconds (wall and CPU) and the ratio lab / peer. Then (unless
// --no-shapes) the teacher's shapes: ‖∂L/∂h₁‖ / ‖∂L/∂h₂₈‖ at initialization on MNIST row by row (tanh RNN, LSTM with forget bias
// 1 and 0) on both sides; --curve-steps N trains tanh RNN and GRU on the adding problem for N steps on both
// sides and prints the mean batch MSE of every 100 steps (--curve-cells, --side lab|peer|both to split a long
// curve into short runs; --no-epoch skips the epoch times).
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { ExperimentConfigSchema, type ExperimentConfig, type RecurrentCell } from '../electron/common/config';
import { readOut } from '../electron/engine/recurrent/read-out';
import { loadSequenceData } from '../electron/engine/recurrent/sequence-data';
import { buildNet, trainRecurrent } from '../electron/engine/recurrent/train-recurrent';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const PEER = resolve(root, 'bench/peer_rnn.py');
const PYTHON = '/usr/bin/python3';

const { values: args } = parseArgs({
  options: {
    cells: { type: 'string', default: 'rnn,lstm,gru' },
    length: { type: 'string', default: '100' },
    hidden: { type: 'string', default: '128' },
    batch: { type: 'string', default: '50' },
    'train-size': { type: 'string', default: '2000' },
    repeat: { type: 'string', default: '1' },
    threads: { type: 'string', default: '1' },
    'no-peer': { type: 'boolean', default: false },
    'no-shapes': { type: 'boolean', default: false },
    'curve-steps': { type: 'string', default: '0' },
    'curve-cells': { type: 'string', default: 'rnn,gru' },
    /** Which side of the curves to run (each side of a long curve can be its own short run). */
    side: { type: 'string', default: 'both' },
    'no-epoch': { type: 'boolean', default: false },
    /** The LSTM's initial forget-gate bias in the curves (1 as Keras; PyTorch's own is 0). */
    'forget-bias': { type: 'string', default: '1' },
  },
});
const hidden = Number(args.hidden);
const batch = Number(args.batch);
const length = Number(args.length);
const trainSize = Number(args['train-size']);
const peerReady = !args['no-peer'] && existsSync(PYTHON) && spawnSync(PYTHON, ['-c', 'import torch'], { encoding: 'utf8' }).status === 0;

function addingConfig(cell: RecurrentCell, over: { statsEvery?: number; epochs?: number; trainSize?: number; forgetBias?: number } = {}): ExperimentConfig {
  return ExperimentConfigSchema.parse({
    dataset: { kind: 'adding', length, trainSize: over.trainSize ?? trainSize, testSize: 100 },
    model: { depth: 1, width: hidden, activation: 'tanh', initializer: { kind: 'glorotUniform' }, batchNorm: false, residual: false },
    optimizer: { kind: 'adam', learningRate: 1e-3, clip: { kind: 'norm', threshold: 1 } },
    training: { epochs: over.epochs ?? 1, batchSize: batch, seed: 1, statsEvery: over.statsEvery ?? 10000, histogramEvery: 0 },
    recurrent: { cell, hidden, forgetBias: over.forgetBias ?? 1 },
  });
}

/** One epoch on the lab's engine: wall and CPU seconds from the first to the last batch (evaluation excluded). */
async function labEpoch(cell: RecurrentCell, statsEvery: number): Promise<{ seconds: number; cpuSeconds: number; loss: number }> {
  const config = addingConfig(cell, { statsEvery });
  const data = await loadSequenceData(config);
  let t0 = 0;
  let c0 = process.cpuUsage();
  let seconds = 0;
  let cpuSeconds = 0;
  let loss = NaN;
  await trainRecurrent(config, data, {
    onStart: () => {
      t0 = performance.now();
      c0 = process.cpuUsage();
    },
    onBatch: (b) => {
      loss = b.loss;
      seconds = (performance.now() - t0) / 1000;
      const c = process.cpuUsage(c0);
      cpuSeconds = (c.user + c.system) / 1e6;
    },
  });
  return { seconds, cpuSeconds, loss };
}

function peer(extra: string[]): Record<string, unknown> | undefined {
  const r = spawnSync(PYTHON, [PEER, '--threads', args.threads, '--hidden', String(hidden), '--batch', String(batch), ...extra], { cwd: root, encoding: 'utf8', maxBuffer: 1 << 26 });
  if (r.status !== 0) {
    console.log(`  peer failed: ${r.stderr.trim().split('\n').at(-1)}`);
    return undefined;
  }
  return JSON.parse(r.stdout.trim().split('\n').at(-1)!) as Record<string, unknown>;
}

const f = (x: number, d = 2) => (Number.isFinite(x) ? x.toFixed(d) : '—');

async function epochTimes(): Promise<void> {
  console.log(`adding problem T=${length}, hidden ${hidden}, batch ${batch}, ${trainSize} sequences (${Math.ceil(trainSize / batch)} steps); peer threads ${args.threads}`);
  for (const cell of args.cells.split(',') as RecurrentCell[]) {
    for (let round = 0; round < Number(args.repeat); round++) {
      const lab = await labEpoch(cell, 10000);
      const labStats = await labEpoch(cell, 5);
      const p = peerReady ? peer(['--mode', 'epoch', '--cell', cell, '--task', 'adding', '--length', String(length), '--train-size', String(trainSize)]) : undefined;
      const ps = p ? (p.seconds as number) : NaN;
      const pc = p ? (p.cpuSeconds as number) : NaN;
      console.log(
        `  ${cell.padEnd(5)} lab ${f(lab.seconds)} s (cpu ${f(lab.cpuSeconds)}), with statistics every 5 steps ${f(labStats.seconds)} s | peer ${f(ps)} s (cpu ${f(pc)}) | ` +
          `ratio lab/peer wall ${f(lab.seconds / ps)}, cpu ${f(lab.cpuSeconds / pc)}`,
      );
    }
  }
}

/** ‖∂L/∂h₁‖ / ‖∂L/∂h₂₈‖ at initialization on the first `batch` training digits read row by row. */
async function labRatio(cell: RecurrentCell, forgetBias: number): Promise<number> {
  const config = ExperimentConfigSchema.parse({
    ...addingConfig(cell, { forgetBias }),
    dataset: { kind: 'mnist', trainSize: 1000, testSize: 100 },
  });
  const data = await loadSequenceData(config);
  const net = buildNet(config, data);
  const rows = Array.from({ length: batch }, (_, i) => i);
  net.load(data.trainX, rows);
  readOut('classify', net.forward(), data.outputs, data.trainY, rows, net.m.dLogits.a);
  net.backward();
  return Math.sqrt(net.hGradSq[0]! / net.hGradSq[data.steps - 1]!);
}

async function shapes(): Promise<void> {
  console.log('MNIST row by row at initialization: ‖∂L/∂h₁‖ / ‖∂L/∂h₂₈‖');
  for (const [cell, fb] of [['rnn', 1], ['lstm', 1], ['lstm', 0], ['gru', 1]] as [RecurrentCell, number][]) {
    const lab = await labRatio(cell, fb);
    const p = peerReady ? peer(['--mode', 'ratio', '--cell', cell, '--task', 'mnist-rows', '--train-size', '1000', '--forget-bias', String(fb)]) : undefined;
    console.log(`  ${cell}${cell === 'lstm' ? ` (forget bias ${fb})` : ''}: lab ${lab.toExponential(2)} | peer ${p ? (p.ratio as number).toExponential(2) : '—'}`);
  }
}

async function curves(steps: number): Promise<void> {
  console.log(`adding problem T=${length}: mean batch MSE of every 100 steps over ${steps} steps (trivial answer ≈ 0.167)`);
  for (const cell of args['curve-cells'].split(',') as RecurrentCell[]) {
    if (args.side !== 'peer') {
    const epochs = Math.ceil((steps * batch) / 10000);
    const config = addingConfig(cell, { trainSize: 10000, epochs, forgetBias: Number(args['forget-bias']) });
    const data = await loadSequenceData(config);
    const losses: number[] = [];
    let block = 0;
    const stop = new AbortController();
    const t0 = performance.now();
    await trainRecurrent(config, data, {
      onBatch: (b) => {
        block += b.loss;
        if ((b.step + 1) % 100 === 0) {
          losses.push(block / 100);
          // Each block as it completes, so a run cut short still shows how far it got.
          process.stdout.write(`${losses.length === 1 ? `  ${cell} lab  blocks: ` : ''}${(block / 100).toFixed(3)} `);
          block = 0;
        }
        if (b.step + 1 >= steps) stop.abort();
      },
    }, stop.signal);
    console.log(`\n  ${cell} lab  (${f((performance.now() - t0) / 1000, 0)} s): ${losses.map((x) => x.toFixed(3)).join(' ')}`);
    }
    if (args.side === 'lab') continue;
    const t1 = performance.now();
    const p = peerReady ? peer(['--mode', 'curve', '--cell', cell, '--task', 'adding', '--length', String(length), '--train-size', '10000', '--steps', String(steps), '--forget-bias', args['forget-bias']]) : undefined;
    if (p) console.log(`  ${cell} peer (${f((performance.now() - t1) / 1000, 0)} s): ${(p.losses as number[]).map((x) => x.toFixed(3)).join(' ')}`);
  }
}

console.log(`cores ${cpus().length}, load ${loadavg().map((x) => x.toFixed(1)).join(' ')}; peer: ${peerReady ? 'PyTorch (bench/peer_rnn.py)' : 'not run (no /usr/bin/python3 with torch, or --no-peer)'}`);
if (!args['no-epoch']) await epochTimes();
if (!args['no-shapes']) await shapes();
if (Number(args['curve-steps']) > 0) await curves(Number(args['curve-steps']));
