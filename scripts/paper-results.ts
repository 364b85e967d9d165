// Regenerates docs/paper-results.md (run: npx tsx scripts/paper-results.ts): every paper preset trained by the
// real training loop at the size stated below, its claim and its pair's comparison checked by the same code as
// the run panel (electron/common/paper-claims.ts, paper-pairs.ts), and the data of the paper's figure as a table.
// Sizes are chosen to keep the whole script to a few minutes on two CPU cores; each is printed in the doc.
// Preset ids as arguments (npx tsx scripts/paper-results.ts papers-bengio-rnn …) run only those: their sections
// and the rows of pairs whose both presets ran are replaced, the rest of the doc is kept as it stands.
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ExperimentConfigSchema, type ExperimentConfig } from '../electron/common/config';
import { checkClaim, type RunEvidence } from '../electron/common/paper-claims';
import { gradSpikes, SPIKE_FACTOR } from '../electron/common/paper-claims-recurrent';
import { evidenceFromRecords } from '../electron/common/paper-evidence';
import { checkPair, PAPER_PAIRS } from '../electron/common/paper-pairs';
import { PAPER_PRESETS } from '../electron/common/presets-papers';
import type { BatchRecord, EpochRecord, LayerProbeRecord } from '../electron/common/records';
import { selectBackend } from '../electron/engine/backends';
import { loadDataset } from '../electron/engine/data/load';
import { loadSequenceData } from '../electron/engine/recurrent/sequence-data';
import { trainRecurrent } from '../electron/engine/recurrent/train-recurrent';
import { train, type TrainOutcome } from '../electron/engine/train/train';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');

/** How far each preset is run here (steps; the preset's own length when absent) and how often statistics are kept. */
const SIZE: Record<string, { stopAt?: number; statsEvery: number }> = {
  'papers-glorot-sigmoid': { stopAt: 1000, statsEvery: 50 },
  'papers-glorot-tanh-standard': { stopAt: 200, statsEvery: 50 },
  'papers-glorot-tanh-xavier': { stopAt: 200, statsEvery: 50 },
  'papers-he-xavier': { statsEvery: 5 },
  'papers-he-he': { statsEvery: 5 },
  'papers-ioffe-plain': { statsEvery: 10 },
  'papers-ioffe-bn': { statsEvery: 10 },
  'papers-klambauer-selu': { statsEvery: 5 },
  'papers-bengio-rnn': { statsEvery: 20 },
  'papers-pascanu-noclip': { statsEvery: 5 },
  'papers-pascanu-clip': { statsEvery: 20 },
};

const f2 = (x: number) => (Math.abs(x) >= 0.01 || x === 0 ? x.toFixed(2) : x.toExponential(1));
const fe = (x: number) => x.toExponential(1);
const spread = <T>(xs: readonly T[], n: number): T[] => (xs.length <= n ? [...xs] : Array.from({ length: n }, (_, i) => xs[Math.round((i * (xs.length - 1)) / (n - 1))]!));
const table = (head: string[], rows: string[][]) => [`| ${head.join(' | ')} |`, `|${head.map(() => '---').join('|')}|`, ...rows.map((r) => `| ${r.join(' | ')} |`)];

/** The data of the paper's figure, from the run's evidence. */
function figure(id: string, e: RunEvidence): string[] {
  const hidden = e.layerStats.slice(0, -1);
  const points = spread(e.statSteps.map((s, k) => [s, k] as const), 7);
  if (id === 'papers-glorot-sigmoid') {
    return table(['step', ...hidden.map((_, l) => `layer ${l + 1} mean activation`)], points.map(([s, k]) => [String(s), ...hidden.map((h) => f2(h[k]!.actMean))]));
  }
  if (id.startsWith('papers-glorot-tanh')) {
    return table(['layer', '‖δ‖ at step 0', 'activation std at step 0'], hidden.map((h, l) => [String(l + 1), fe(h[0]!.deltaNorm), f2(h[0]!.actStd)]));
  }
  if (id.startsWith('papers-he')) {
    return table(['step', 'batch loss', 'layer 1 ‖∂E/∂W‖', 'layer 30 ‖∂E/∂W‖'], points.map(([s, k]) => [String(s), f2(e.loss[s] ?? NaN), fe(hidden[0]![k]!.gradNorm), fe(hidden.at(-1)![k]!.gradNorm)]));
  }
  if (id.startsWith('papers-ioffe')) {
    const last = e.layerStats.length - 2;
    const rows = spread(e.probes ?? [], 8).map((p) => [String(p.step), f2(p.layers[last]!.preP15), f2(p.layers[last]!.preP50), f2(p.layers[last]!.preP85)]);
    return [...table(['step', 'p15', 'p50', 'p85 (last hidden layer, sigmoid input)'], rows), '', `Test accuracy per epoch: ${e.epochs.map((x) => `${(x.testAcc * 100).toFixed(1)} %`).join(', ')}.`];
  }
  if (id === 'papers-bengio-rnn') {
    const first = e.timeStats![0]!;
    const last = e.timeStats!.at(-1)!;
    const ts = [1, ...Array.from({ length: 10 }, (_, i) => Math.round(((i + 1) * first.norms.length) / 10))];
    const losses = spread(e.steps.map((s, k) => [s, e.loss[k]!] as const), 7).map(([s, l]) => `${s}: ${l.toFixed(3)}`);
    return [
      ...table(['time step t', `‖∂E/∂h_t‖ at step ${e.timeSteps![0]}`, `‖∂E/∂h_t‖ at step ${e.timeSteps!.at(-1)}`], ts.map((t) => [String(t), fe(first.norms[t - 1]!), fe(last.norms[t - 1]!)])),
      '',
      `Batch loss (squared error; answering the mean gives 0.167) by step: ${losses.join(', ')}.`,
    ];
  }
  if (id.startsWith('papers-pascanu')) {
    const g = e.gradNorm ?? [];
    const spike = SPIKE_FACTOR * (gradSpikes(e)?.median ?? Infinity);
    const top = new Set([...g.keys()].sort((a, b) => g[b]! - g[a]!).slice(0, 3));
    const rows = [...new Set([...spread([...g.keys()], 8), ...top])].sort((a, b) => a - b);
    const clipped = e.clippedGradNorm !== undefined;
    return table(
      ['step', 'batch loss', '‖g‖ before clipping', ...(clipped ? ['‖g‖ applied'] : [])],
      rows.map((k) => [`${e.steps[k]}${g[k]! >= spike ? ` (spike: ≥ ${SPIKE_FACTOR}× the median)` : ''}`, f2(e.loss[k]!), fe(g[k]!), ...(clipped ? [fe(e.clippedGradNorm![k]!)] : [])]),
    );
  }
  const k = e.statSteps.length - 1;
  return table(['layer', 'mean (start)', 'std (start)', `mean (step ${e.statSteps[k]})`, `std (step ${e.statSteps[k]})`], hidden.filter((_, l) => l % 4 === 3 || l < 3).map((h) => [String(h[0]!.layer + 1), f2(h[0]!.actMean), f2(h[0]!.actStd), f2(h[k]!.actMean), f2(h[k]!.actStd)]));
}

async function run(config: ExperimentConfig, stopAt: number | undefined): Promise<{ evidence: RunEvidence; seconds: number; steps: number; outcome: TrainOutcome }> {
  const batches: BatchRecord[] = [];
  const epochs: EpochRecord[] = [];
  const probes: LayerProbeRecord[] = [];
  const controller = new AbortController();
  const t0 = performance.now();
  const callbacks = {
    onBatch: (r: BatchRecord) => {
      batches.push(r);
      if (stopAt !== undefined && r.step + 1 >= stopAt) controller.abort();
    },
    onEpoch: (r: EpochRecord) => epochs.push(r),
    onProbe: (r: LayerProbeRecord) => probes.push(r),
  };
  // A recurrent run may diverge: that is what the exploding-gradient preset shows, and its claim reads it.
  const outcome = config.recurrent
    ? await trainRecurrent(config, await loadSequenceData(config), callbacks, controller.signal)
    : await train(config, await loadDataset(config.dataset, config.training.seed), callbacks, controller.signal);
  if (outcome.type === 'diverged' && !config.recurrent) throw new Error(`${config.preset}: ${outcome.message}`);
  const evidence = evidenceFromRecords(config, { batches, epochs, probes }, true, outcome.type === 'diverged');
  return { evidence, seconds: (performance.now() - t0) / 1000, steps: batches.length, outcome };
}

/** The doc as it stands, cut into its sections (keyed by their "## " title) and the rows of its pairs table. */
function existingDoc(path: string): { sections: Map<string, string[]>; pairRows: string[] } {
  const sections = new Map<string, string[]>();
  if (!existsSync(path)) return { sections, pairRows: [] };
  let current: string[] | null = null;
  for (const line of readFileSync(path, 'utf8').split('\n')) {
    if (line.startsWith('## ')) sections.set(line.slice(3), (current = [line]));
    else current?.push(line);
  }
  const pairRows = (sections.get('Paper vs remedy') ?? []).filter((l) => l.startsWith('| ') && !l.startsWith('| paper |'));
  return { sections, pairRows };
}

async function main(): Promise<void> {
  const only = process.argv.slice(2);
  const unknown = only.filter((id) => !PAPER_PRESETS.some((p) => p.id === id));
  if (unknown.length) throw new Error(`not a paper preset: ${unknown.join(', ')} (one of ${PAPER_PRESETS.map((p) => p.id).join(', ')})`);
  const docPath = resolve(root, 'docs/paper-results.md');
  const before = existingDoc(docPath);
  const choice = await selectBackend();
  const out: string[] = [];
  const evidence = new Map<string, RunEvidence>();
  for (const p of PAPER_PRESETS) {
    if (only.length && !only.includes(p.id)) {
      const kept = before.sections.get(p.name.en);
      if (kept) out.push(...kept);
      continue;
    }
    const size = SIZE[p.id]!;
    const config = ExperimentConfigSchema.parse({ ...p.config, training: { ...p.config.training, statsEvery: size.statsEvery, histogramEvery: 0 } });
    const r = await run(config, size.stopAt);
    evidence.set(p.id, r.evidence);
    const c = checkClaim(r.evidence)!;
    console.log(`${p.id}: ${c.verdict} — ${c.shows.en} (${r.steps} steps, ${r.seconds.toFixed(0)} s)`);
    const ds = config.dataset.kind === 'mnist' || config.dataset.kind === 'adding' ? config.dataset : undefined;
    const what = config.dataset.kind === 'adding' ? `training sequences of the adding problem (T = ${config.dataset.length})` : 'training images';
    const ended = r.outcome.type === 'diverged' ? ` The run diverged: ${r.outcome.message}.` : '';
    out.push(
      `## ${p.name.en}`,
      '',
      `${p.paper.citation} ${p.paper.figure.en}.`,
      '',
      `- **The paper says:** ${p.paper.claim.en}`,
      `- **This run shows:** ${c.shows.en} (verdict: \`${c.verdict}\`)`,
      `- **Run here:** ${r.steps} steps of ${p.config.training.epochs * Math.ceil((ds?.trainSize ?? 0) / config.training.batchSize)} in the preset, ${ds?.trainSize} ${what}, statistics every ${size.statsEvery} steps, ${r.seconds.toFixed(0)} s.${ended}`,
      `- **Differences from the paper:** ${p.paper.differences.en}`,
      '',
      ...figure(p.id, r.evidence),
      '',
    );
  }
  const pairs = PAPER_PAIRS.flatMap((pair) => {
    const [a, b] = [evidence.get(pair.problem), evidence.get(pair.remedy)];
    if (!a || !b) {
      const kept = before.pairRows.find((l) => l.startsWith(`| ${pair.short} |`));
      return kept ? [kept.slice(2, -2).split(' | ')] : [];
    }
    const c = checkPair(a, b)!;
    console.log(`${pair.short}: ${c.verdict} — ${c.shows.en}`);
    return [[pair.short, `\`${pair.problem}\` vs \`${pair.remedy}\``, c.shows.en, `\`${c.verdict}\``]];
  });
  const md = [
    '# Paper results',
    '',
    `Regenerated by \`npx tsx scripts/paper-results.ts\` on the ${choice.backend} backend, seed 42: every paper preset`,
    '(electron/common/presets-papers.ts) trained by the real training loop, its claim checked by the code behind the run',
    'panel "The paper says / this run shows". Some runs stop before the preset’s end to keep the script to a few',
    'minutes on two CPU cores; each section says how far it went. The tables are the data of the paper’s figure.',
    '',
    '## Paper vs remedy',
    '',
    ...table(['paper', 'presets', 'this comparison shows', 'verdict'], pairs),
    '',
    ...out,
  ].join('\n');
  writeFileSync(docPath, md);
}

main().catch((e: unknown) => {
  console.error(e);
  process.exit(1);
});
