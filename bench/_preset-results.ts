// Regenerates docs/preset-results.md (run: npx tsx bench/_preset-results.ts [--epochs 3]): every preset on full
// MNIST for N epochs, its test accuracy and the ratio of first-layer to last-layer ‖∂E/∂W‖ at step 0.
// The leading underscore keeps it out of `npm run bench`: it takes ~5 minutes and rewrites a doc.
import { writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { PRESETS } from '../electron/common/presets';
import { selectBackend } from '../electron/engine/backends';
import { loadDataset } from '../electron/engine/data/load';
import { train } from '../electron/engine/train/train';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const { values: args } = parseArgs({ options: { epochs: { type: 'string', default: '3' }, out: { type: 'string', default: 'docs/preset-results.md' } } });
const epochs = Number(args.epochs);

async function main(): Promise<void> {
  const choice = await selectBackend();
  const lines: string[] = [];
  // Recurrent presets have their own benchmark (rnn-epoch.ts).
  for (const p of PRESETS.filter((x) => !x.config.recurrent)) {
    const config = { ...p.config, training: { ...p.config.training, epochs, statsEvery: 1000, histogramEvery: 0 } };
    const data = await loadDataset(config.dataset, config.training.seed);
    let ratio = NaN;
    let first = NaN;
    let last = NaN;
    const outcome = await train(config, data, {
      onBatch: (r) => {
        if (r.step === 0 && r.layers) {
          first = r.layers[0]!.gradNorm;
          last = r.layers.at(-1)!.gradNorm;
          ratio = first / last;
        }
      },
    });
    const fmt = (x: number) => (x === 0 ? '0' : x.toExponential(1));
    // The exploding presets are meant to diverge: their row says at which step instead of an accuracy.
    if (outcome.type === 'diverged') {
      const line = `| \`${p.id}\` | diverged at step ${outcome.step} | — | ${fmt(ratio)} | ${fmt(first)} / ${fmt(last)} |`;
      console.log(line);
      lines.push(line);
      continue;
    }
    if (outcome.type !== 'done') throw new Error(`${p.id}: ${outcome.type}`);
    const line = `| \`${p.id}\` | ${(outcome.final.testAcc * 100).toFixed(1)} % | ${outcome.final.testLoss.toFixed(3)} | ${fmt(ratio)} | ${fmt(first)} / ${fmt(last)} |`;
    console.log(line);
    lines.push(line);
  }
  const md = [
    `# Preset results (full MNIST, ${epochs} epochs)`,
    '',
    `Measured with \`npx tsx bench/_preset-results.ts --epochs ${epochs}\` on the ${choice.backend} backend, seed 42, batch 128, Adam 1e-3`,
    '(the exploding presets: SGD, the clipping remedy with the gradient norm clipped at 5),',
    '60 000 training / 10 000 test images. "Gradient ratio" is ‖∂E/∂W‖ of the first Dense layer divided by that of the',
    'output layer at step 0 (before any update): 1 means the error signal reaches the input side intact.',
    'Epoch times are measured separately by `bench/epoch-time.ts`.',
    '',
    '| preset | test accuracy | test loss | gradient ratio first/last (step 0) | ‖∂E/∂W‖ first / last |',
    '|---|---|---|---|---|',
    ...lines,
    '',
  ].join('\n');
  writeFileSync(resolve(root, args.out!), md);
}

main().catch((e: unknown) => {
  console.error(e);
  process.exit(1);
});
