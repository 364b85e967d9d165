// "The paper says / this run shows": each paper preset's claim checked on a run's recorded statistics (per-layer
// statistics, losses, epochs and, where the claim is about distributions, the layer probes), with the numbers and
// a verdict — holds, not shown by this run, or too early to say. Pure: the panel, the results script and the
// tests all call the same checks. Thresholds are stated next to each check, with the paper's figure they stand for.
import { hiddenWidths, type ExperimentConfig } from './config';
import { getPaperPreset } from './presets-papers';
import { bengio, pascanuClipped, pascanuSpikes, type Finding } from './paper-claims-recurrent';
import type { LayerProbeRecord, LayerStats, TimeStats } from './records';

export type Verdict = 'holds' | 'not-shown' | 'too-early';
export type Text = { ja: string; en: string };

/** What a run recorded, as the run store and the store's run detail hold it. */
export interface RunEvidence {
  config: ExperimentConfig;
  /** Steps of the statistics points, ascending. */
  statSteps: readonly number[];
  /** Per layer (input side first, the output layer last), its statistics at statSteps. */
  layerStats: readonly (readonly LayerStats[])[];
  /** Batch losses and their steps. */
  steps: readonly number[];
  loss: readonly number[];
  /** Test accuracy after each epoch, in order. */
  epochs: readonly { testAcc: number }[];
  probes?: readonly LayerProbeRecord[];
  /** The run has ended (done, stopped, diverged): nothing more will come. */
  finished: boolean;
  /** Recurrent runs: the steps of the time statistics and, at each, ‖∂E/∂h_t‖ per time step. */
  timeSteps?: readonly number[];
  timeStats?: readonly TimeStats[];
  /** ‖g‖ before clipping, one per recorded step (NaN where a step did not report it). */
  gradNorm?: readonly number[];
  /** With clipping configured: ‖g‖ applied and whether the step was clipped, one per recorded step. */
  clippedGradNorm?: readonly number[];
  clipped?: readonly boolean[];
  /** The run ended diverged (its loss or a gradient blew up). */
  diverged?: boolean;
}

export interface ClaimCheck {
  verdict: Verdict;
  /** What this run shows, with the numbers, ending in the verdict. */
  shows: Text;
  /** The same without the verdict (for a view that shows the verdict apart). */
  detail: Text;
  figures: Record<string, number>;
}

const LN10 = Math.log(10);
const n2 = (x: number) => (Math.abs(x) >= 0.01 || x === 0 ? x.toFixed(2) : x.toExponential(1));
const steps = (s: number) => s.toLocaleString('en-US');
const mean = (xs: readonly number[]) => xs.reduce((a, x) => a + x, 0) / Math.max(1, xs.length);
const tail = <T>(xs: readonly T[], k: number) => xs.slice(Math.max(0, xs.length - k));
const lastStep = (e: RunEvidence) => Math.max(e.steps.at(-1) ?? -1, e.statSteps.at(-1) ?? -1);

const VERDICT_TEXT: Record<Verdict, Text> = {
  holds: { ja: '論文のとおりです。', en: 'as in the paper.' },
  'not-shown': { ja: 'この実行では確認できませんでした（ステップ数やシードを変えて試してください）。', en: 'not shown by this run (try more steps or another seed).' },
  'too-early': { ja: 'まだ判断できません（もう少し学習を続けてください）。', en: 'too early to say (let it train longer).' },
};

export function check(verdict: Verdict, ja: string, en: string, figures: Record<string, number>): ClaimCheck {
  return { verdict, shows: { ja: `${ja}：${VERDICT_TEXT[verdict].ja}`, en: `${en}: ${VERDICT_TEXT[verdict].en}` }, detail: { ja: `${ja}。`, en: `${en}.` }, figures };
}

/** Not holding yet: too early before `horizon` steps of a run still going, not shown after. */
const pending = (e: RunEvidence, horizon: number): Verdict => (!e.finished && lastStep(e) < horizon ? 'too-early' : 'not-shown');

const noData = (): ClaimCheck => check('too-early', '統計がまだ記録されていません', 'no statistics recorded yet', {});

/** Per-layer statistics of hidden layer `l` (negative: from the top hidden layer down). */
function hidden(e: RunEvidence, l: number): readonly LayerStats[] {
  const h = e.layerStats.length - 1;
  return e.layerStats[l < 0 ? h + l : l] ?? [];
}

// Glorot & Bengio, Figure 2: the top hidden layer's mean sigmoid output goes from 0.5 to near 0 (their figure:
// about 0.0x within the first epochs) while the lowest stays about 0.5. Held when the top is below 0.1 and the
// lowest within 0.45–0.55 (mean of the last three statistics points); the preset's horizon is 3 000 steps.
function glorotSigmoid(e: RunEvidence): ClaimCheck {
  const top = hidden(e, -1);
  const low = hidden(e, 0);
  if (!top.length) return noData();
  const at = e.statSteps.at(-1) ?? 0;
  const figures = { topStart: top[0]!.actMean, topNow: mean(tail(top, 3).map((s) => s.actMean)), lowestNow: mean(tail(low, 3).map((s) => s.actMean)), step: at };
  const holds = figures.topNow < 0.1 && figures.lowestNow >= 0.45 && figures.lowestNow <= 0.55;
  return check(
    holds ? 'holds' : pending(e, 3000),
    `最上位の隠れ層の平均活性 ${n2(figures.topStart)} → ${n2(figures.topNow)}（ステップ ${steps(at)}）、最下層 ${n2(figures.lowestNow)}`,
    `top hidden layer mean activation ${n2(figures.topStart)} → ${n2(figures.topNow)} by step ${steps(at)}, lowest layer ${n2(figures.lowestNow)}`,
    figures,
  );
}

/** ‖δ‖ of the lowest hidden layer over that of the top hidden layer, at the first statistics point (initialization). */
export function deltaRatioAtStart(e: RunEvidence): number | null {
  const low = hidden(e, 0)[0];
  const top = hidden(e, -1)[0];
  return low && top && top.deltaNorm > 0 ? low.deltaNorm / top.deltaNorm : null;
}

// Glorot & Bengio, Figure 7: at the start of training the back-propagated gradients of a tanh network shrink
// towards the input under the standard initialization and keep their size under the normalized one. Held for
// the standard side when the lowest layer's ‖δ‖ is below 0.3 of the top's, for the normalized side within 0.5–2.
function glorotTanh(normalized: boolean) {
  return (e: RunEvidence): ClaimCheck => {
    const r = deltaRatioAtStart(e);
    if (r === null) return noData();
    const holds = normalized ? r >= 0.5 && r <= 2 : r < 0.3;
    const step = e.statSteps[0] ?? 0;
    const [ja, en] = normalized
      ? ['層をまたいでほぼ同じ大きさ', 'about the same size across layers']
      : ['入力側へ向かって縮んでいる', 'shrinking towards the input'];
    return check(
      holds ? 'holds' : 'not-shown',
      `ステップ ${steps(step)} で最下層の ‖δ‖ は最上位の隠れ層の ${n2(r)} 倍（${holds ? ja : '論文とは異なる比'}）`,
      `at step ${steps(step)} the lowest layer’s ‖δ‖ is ${n2(r)}× the top hidden layer’s (${holds ? en : 'not the paper’s ratio'})`,
      { deltaRatio: r, step },
    );
  };
}

// He et al., Figure 3: the 30-layer net with Xavier initialization does not start learning; with He it does.
// Stalled: the mean loss of the last 20 batches is within 0.05 of ln 10 after at least 300 steps. Learning: it is
// 0.5 or more below ln 10.
function heRun(shouldLearn: boolean) {
  return (e: RunEvidence): ClaimCheck => {
    if (e.loss.length === 0) return noData();
    const recent = mean(tail(e.loss, 20));
    const first = e.layerStats[0]?.[0]?.gradNorm ?? NaN;
    const at = lastStep(e);
    const figures = { recentLoss: recent, firstLayerGradAtStart: first, step: at };
    const learned = recent <= LN10 - 0.5;
    const stalled = recent >= LN10 - 0.05;
    const verdict: Verdict = shouldLearn ? (learned ? 'holds' : pending(e, 300)) : stalled && at >= 300 ? 'holds' : stalled ? pending(e, 300) : 'not-shown';
    return check(
      verdict,
      `直近20バッチの損失 ${n2(recent)}（ln 10 = 2.30、ステップ ${steps(at)}）、開始時の第1層の ‖∂E/∂W‖ ${n2(first)}`,
      `loss over the last 20 batches ${n2(recent)} (ln 10 = 2.30) at step ${steps(at)}; first-layer ‖∂E/∂W‖ at the start ${n2(first)}`,
      figures,
    );
  };
}

/**
 * Ioffe & Szegedy, Figure 1(b, c): the last hidden layer's sigmoid-input percentiles. The drift is the largest
 * move of the median from its first probe, over the first probe's 15–85 spread. Stable (with batch norm): below
 * 0.05; shifting (without): above 0.1, after at least 500 steps.
 */
export function medianDrift(e: RunEvidence): { drift: number; spread: number; step: number } | null {
  const probes = e.probes ?? [];
  const l = e.layerStats.length - 2;
  const first = probes[0]?.layers[l];
  if (!first || probes.length < 2 || l < 0) return null;
  const spread = first.preP85 - first.preP15;
  const drift = Math.max(...probes.map((p) => Math.abs((p.layers[l]?.preP50 ?? first.preP50) - first.preP50))) / spread;
  return { drift, spread, step: probes.at(-1)!.step };
}

function ioffe(batchNorm: boolean) {
  return (e: RunEvidence): ClaimCheck => {
    const d = medianDrift(e);
    if (!d) return check('too-early', '層のプローブがまだ2回記録されていません', 'fewer than two layer probes recorded yet', {});
    const acc = e.epochs[0]?.testAcc;
    const figures: Record<string, number> = { medianDrift: d.drift, spread: d.spread, step: d.step, ...(acc !== undefined ? { firstEpochTestAcc: acc } : {}) };
    const holds = batchNorm ? d.drift < 0.05 : d.drift > 0.1;
    // The largest drift so far only grows: a stable run may still drift (too early before 500 steps), a drifted
    // one cannot become stable again.
    const early = d.step < 500 && !e.finished;
    const verdict: Verdict = batchNorm ? (holds ? (early ? 'too-early' : 'holds') : 'not-shown') : holds ? 'holds' : early ? 'too-early' : 'not-shown';
    const accJa = acc !== undefined ? `、1エポック後のテスト精度 ${(acc * 100).toFixed(1)}%` : '';
    const accEn = acc !== undefined ? `; test accuracy after the first epoch ${(acc * 100).toFixed(1)}%` : '';
    return check(
      verdict,
      `最後の隠れ層のシグモイド入力の中央値の移動は最大で 15〜85% 幅の ${n2(d.drift)} 倍（ステップ ${steps(d.step)} まで）${accJa}`,
      `the median of the last hidden layer’s sigmoid input moved at most ${n2(d.drift)}× its 15–85% spread (up to step ${steps(d.step)})${accEn}`,
      figures,
    );
  };
}

// Klambauer et al., Theorem 1: the mean/variance map has an attracting fixed point at (0, 1). Held when every
// layer of the deeper half has |mean| < 0.15 and a standard deviation within 0.8–1.25 (variance 0.64–1.56), both
// at the first statistics point and at the latest (mean of the last three points).
function klambauer(e: RunEvidence): ClaimCheck {
  const h = e.layerStats.length - 1;
  if (h < 2 || !e.layerStats[0]?.length) return noData();
  const deep = e.layerStats.slice(Math.floor(h / 2), h);
  const at = (pick: (s: readonly LayerStats[]) => LayerStats[]) => {
    const means = deep.map((s) => mean(pick(s).map((x) => x.actMean)));
    const stds = deep.map((s) => mean(pick(s).map((x) => x.actStd)));
    return { maxAbsMean: Math.max(...means.map(Math.abs)), minStd: Math.min(...stds), maxStd: Math.max(...stds) };
  };
  const start = at((s) => s.slice(0, 1));
  const now = at((s) => tail(s, 3));
  const ok = (x: typeof now) => x.maxAbsMean < 0.15 && x.minStd >= 0.8 && x.maxStd <= 1.25;
  const step = e.statSteps.at(-1) ?? 0;
  const from = Math.floor(h / 2) + 1;
  return check(
    ok(start) && ok(now) ? 'holds' : 'not-shown',
    `第${from}〜${h}層の平均の絶対値は最大 ${n2(now.maxAbsMean)}、標準偏差 ${n2(now.minStd)}〜${n2(now.maxStd)}（ステップ ${steps(step)}、開始時 ${n2(start.minStd)}〜${n2(start.maxStd)}）`,
    `layers ${from}–${h}: |mean| at most ${n2(now.maxAbsMean)}, standard deviation ${n2(now.minStd)}–${n2(now.maxStd)} at step ${steps(step)} (at the start ${n2(start.minStd)}–${n2(start.maxStd)})`,
    { maxAbsMean: now.maxAbsMean, minStd: now.minStd, maxStd: now.maxStd, startMinStd: start.minStd, startMaxStd: start.maxStd, step },
  );
}

/** A recurrent claim's finding (paper-claims-recurrent.ts) worded with its verdict. */
function worded(fn: (e: RunEvidence) => Finding) {
  return (e: RunEvidence): ClaimCheck => {
    const f = fn(e);
    return check(f.verdict, f.ja, f.en, f.figures);
  };
}

const CHECKS: Record<string, (e: RunEvidence) => ClaimCheck> = {
  'papers-glorot-sigmoid': glorotSigmoid,
  'papers-glorot-tanh-standard': glorotTanh(false),
  'papers-glorot-tanh-xavier': glorotTanh(true),
  'papers-he-xavier': heRun(false),
  'papers-he-he': heRun(true),
  'papers-ioffe-plain': ioffe(false),
  'papers-ioffe-bn': ioffe(true),
  'papers-klambauer-selu': klambauer,
  'papers-bengio-rnn': worded(bengio),
  'papers-pascanu-noclip': worded(pascanuSpikes),
  'papers-pascanu-clip': worded(pascanuClipped),
};

const SETTING_NAMES: Record<string, Text> = {
  activation: { ja: '活性化関数', en: 'activation' },
  initializer: { ja: '初期化', en: 'initializer' },
  hidden: { ja: '隠れ層', en: 'hidden layers' },
  batchNorm: { ja: 'バッチ正規化', en: 'batch normalization' },
  residual: { ja: '残差接続', en: 'residual connections' },
  cell: { ja: '再帰セル', en: 'recurrent cell' },
  length: { ja: '系列の長さ', en: 'sequence length' },
  recurrentRadius: { ja: '再帰重みのスペクトル半径', en: 'recurrent weights’ spectral radius' },
  clip: { ja: '勾配クリッピング', en: 'gradient clipping' },
};

/** The settings a claim depends on that differ between the run and its paper preset (empty when none). */
export function settingsThatDiffer(presetId: string, config: ExperimentConfig): string[] {
  const want = getPaperPreset(presetId)?.config.model;
  if (!want) return [];
  const m = config.model;
  const out: string[] = [];
  if (m.activation !== want.activation) out.push('activation');
  if (m.initializer.kind !== want.initializer.kind) out.push('initializer');
  if (hiddenWidths(m).join() !== hiddenWidths(want).join()) out.push('hidden');
  if (m.batchNorm !== want.batchNorm) out.push('batchNorm');
  if (m.residual !== want.residual) out.push('residual');
  const wantRnn = getPaperPreset(presetId)!.config;
  if (wantRnn.recurrent) {
    const length = (c: ExperimentConfig) => (c.dataset.kind === 'adding' ? c.dataset.length : undefined);
    if (config.recurrent?.cell !== wantRnn.recurrent.cell) out.push('cell');
    if (length(config) !== length(wantRnn)) out.push('length');
    if (config.recurrent?.recurrentRadius !== wantRnn.recurrent.recurrentRadius) out.push('recurrentRadius');
    if (config.optimizer.clip?.kind !== wantRnn.optimizer.clip?.kind || config.optimizer.clip?.threshold !== wantRnn.optimizer.clip?.threshold) out.push('clip');
  }
  return out;
}

/** The claim of the run's paper preset checked on what it recorded; null for a run not started from a paper preset. */
export function checkClaim(e: RunEvidence): ClaimCheck | null {
  const id = e.config.preset;
  const fn = id ? CHECKS[id] : undefined;
  if (!id || !fn) return null;
  const differ = settingsThatDiffer(id, e.config);
  if (differ.length) {
    const why = {
      ja: `この実行は論文の設定と違うため（${differ.map((k) => SETTING_NAMES[k]!.ja).join('、')}）、主張を確かめていません。`,
      en: `this run’s settings differ from the paper’s (${differ.map((k) => SETTING_NAMES[k]!.en).join(', ')}), so the claim is not checked.`,
    };
    return { verdict: 'not-shown', shows: why, detail: why, figures: {} };
  }
  return fn(e);
}
