// The claims of the recurrent paper presets (presets-papers-recurrent.ts) read on a run's evidence: ‖∂E/∂h_t‖ per
// time step and the batch losses (Bengio, Simard & Frasconi 1994), ‖g‖ of every step before clipping, what was
// applied, and whether the run diverged (Pascanu, Mikolov & Bengio 2013). Each returns its verdict, the sentence
// with the numbers in both languages and the figures; paper-claims.ts words the verdict. Pure.
import type { RunEvidence, Verdict } from './paper-claims';

export interface Finding {
  verdict: Verdict;
  ja: string;
  en: string;
  figures: Record<string, number>;
}

/** The adding problem's trivial error: predicting the mean sum 1 gives the variance of a sum of two U(0, 1), 1/6. */
export const ADDING_TRIVIAL_MSE = 1 / 6;
/** A spike: ‖g‖ at least this many times the run's median ‖g‖. */
export const SPIKE_FACTOR = 10;

/** Two decimals, or one significant decimal in exponent form for the very small and the very large (spikes reach 1e5 and more). */
export const n2 = (x: number) => (x === 0 || (Math.abs(x) >= 0.01 && Math.abs(x) < 1e4) ? x.toFixed(2) : x.toExponential(1));
const n3 = (x: number) => x.toFixed(3);
const steps = (s: number) => s.toLocaleString('en-US');
const mean = (xs: readonly number[]) => xs.reduce((a, x) => a + x, 0) / Math.max(1, xs.length);
const lastStep = (e: RunEvidence) => Math.max(e.steps.at(-1) ?? -1, e.statSteps.at(-1) ?? -1);
const pending = (e: RunEvidence, horizon: number): Verdict => (!e.finished && lastStep(e) < horizon ? 'too-early' : 'not-shown');
const noData: Finding = { verdict: 'too-early', ja: '統計がまだ記録されていません', en: 'no statistics recorded yet', figures: {} };

/** Mean batch loss over the last 20 recorded steps (non-finite losses left out). */
export function recentLoss(e: RunEvidence): number {
  return mean(e.loss.slice(-20).filter(Number.isFinite));
}

/** ‖g‖ before clipping over the recorded steps: its median, its largest value and how many steps reached SPIKE_FACTOR × the median. */
export function gradSpikes(e: RunEvidence): { median: number; max: number; ratio: number; spikes: number; count: number } | null {
  const g = (e.gradNorm ?? []).filter(Number.isFinite);
  if (g.length < 5) return null;
  const sorted = [...g].sort((a, b) => a - b);
  const median = sorted.length % 2 ? sorted[(sorted.length - 1) / 2]! : (sorted[sorted.length / 2 - 1]! + sorted[sorted.length / 2]!) / 2;
  const max = sorted.at(-1)!;
  return { median, max, ratio: median > 0 ? max / median : Infinity, spikes: g.filter((x) => x >= SPIKE_FACTOR * median).length, count: g.length };
}

// Bengio, Simard & Frasconi: the gradient through time vanishes exponentially, and the long dependency is not
// learned. Held when, at the latest time statistics, ‖∂E/∂h_1‖ is below 1e-3 of ‖∂E/∂h_T‖ (three orders of
// magnitude; about 20 at T = 100) and the loss of the last 20 batches is still within 10 % of the trivial 1/6 or
// above it (0.15 or more), after 200 steps or at the run's end. A run whose loss falls below 0.15 has learned.
export function bengio(e: RunEvidence): Finding {
  const last = e.timeStats?.at(-1);
  if (!last || last.norms.length < 2 || e.loss.length === 0) return noData;
  const T = last.norms.length;
  const first = last.norms[0]!;
  const end = last.norms[T - 1]!;
  const ratio = end > 0 ? first / end : NaN;
  const loss = recentLoss(e);
  const at = e.timeSteps?.at(-1) ?? 0;
  const vanished = ratio < 1e-3;
  const learned = loss < 0.9 * ADDING_TRIVIAL_MSE;
  const verdict: Verdict = vanished && !learned ? (!e.finished && lastStep(e) < 200 ? 'too-early' : 'holds') : learned ? 'not-shown' : pending(e, 200);
  return {
    verdict,
    ja: `ステップ ${steps(at)} で最初の時刻の ‖∂E/∂h_1‖ は最後の時刻の ‖∂E/∂h_${T}‖ の ${n2(ratio)} 倍（${n2(first)} / ${n2(end)}）、直近20バッチの二乗誤差 ${n3(loss)}（平均を答えるだけなら 0.167）`,
    en: `at step ${steps(at)} the first time step’s ‖∂E/∂h_1‖ is ${n2(ratio)}× the last one’s ‖∂E/∂h_${T}‖ (${n2(first)} / ${n2(end)}); squared error over the last 20 batches ${n3(loss)} (answering the mean: 0.167)`,
    figures: { firstOverLast: ratio, first, last: end, recentLoss: loss, step: at },
  };
}

// Pascanu, Mikolov & Bengio, the problem: ‖g‖ shows sudden spikes. Held when the largest ‖g‖ (before clipping) is
// at least 10× the run's median; a run that diverged says so.
export function pascanuSpikes(e: RunEvidence): Finding {
  const s = gradSpikes(e);
  if (!s) return { ...noData, ja: '‖g‖ がまだ5ステップ分記録されていません', en: 'fewer than five steps of ‖g‖ recorded yet' };
  const at = lastStep(e);
  const holds = s.ratio >= SPIKE_FACTOR;
  const divergedJa = e.diverged ? '。誤差が爆発して実行は発散しました' : '';
  const divergedEn = e.diverged ? '; the loss blew up and the run diverged' : '';
  return {
    verdict: holds ? 'holds' : pending(e, 300),
    ja: `${steps(s.count)} ステップで最大の ‖g‖ ${n2(s.max)} は中央値 ${n2(s.median)} の ${n2(s.ratio)} 倍（中央値の ${SPIKE_FACTOR} 倍以上が ${s.spikes} ステップ）${divergedJa}`,
    en: `over ${steps(s.count)} steps the largest ‖g‖, ${n2(s.max)}, is ${n2(s.ratio)}× the median ${n2(s.median)} (${s.spikes} steps at ${SPIKE_FACTOR}× the median or more)${divergedEn}`,
    figures: { maxGradNorm: s.max, medianGradNorm: s.median, spikeRatio: s.ratio, spikes: s.spikes, diverged: e.diverged ? 1 : 0, step: at },
  };
}

// Pascanu, Mikolov & Bengio, the remedy: with the norm clipped the run stays finite and learns. Held when the run
// did not diverge, no applied ‖g‖ exceeds the threshold (float32 rounding aside), and the loss of the last 20
// batches is at most half the mean of the first five, after 200 steps or at the run's end.
export function pascanuClipped(e: RunEvidence): Finding {
  const threshold = e.config.optimizer.clip?.threshold ?? Infinity;
  const applied = (e.clippedGradNorm ?? []).filter(Number.isFinite);
  if (applied.length < 5 || e.loss.length < 5) return { ...noData, ja: '‖g‖ がまだ5ステップ分記録されていません', en: 'fewer than five steps of ‖g‖ recorded yet' };
  const s = gradSpikes(e);
  const maxApplied = Math.max(...applied);
  const clippedSteps = (e.clipped ?? []).filter(Boolean).length;
  const start = mean(e.loss.slice(0, 5));
  const loss = recentLoss(e);
  const finite = !e.diverged && e.loss.every(Number.isFinite);
  const holds = finite && maxApplied <= threshold * (1 + 1e-4) && loss <= 0.5 * start;
  const at = lastStep(e);
  const verdict: Verdict = holds ? (!e.finished && at < 200 ? 'too-early' : 'holds') : finite ? pending(e, 200) : 'not-shown';
  const rawJa = s ? `（クリップ前の最大 ${n2(s.max)} は中央値の ${n2(s.ratio)} 倍）` : '';
  const rawEn = s ? ` (before clipping at most ${n2(s.max)}, ${n2(s.ratio)}× the median)` : '';
  return {
    verdict,
    ja: `${steps(applied.length)} ステップ中 ${clippedSteps} ステップをクリップ、適用した ‖g‖ は最大 ${n2(maxApplied)}${rawJa}。誤差は ${finite ? '有限のまま' : '発散し'} ${n3(start)} → ${n3(loss)}（直近20バッチ、ステップ ${steps(at)}）`,
    en: `${clippedSteps} of ${steps(applied.length)} steps clipped, applied ‖g‖ at most ${n2(maxApplied)}${rawEn}; the loss ${finite ? 'stayed finite' : 'diverged'}, ${n3(start)} → ${n3(loss)} (last 20 batches, step ${steps(at)})`,
    figures: { maxApplied, clippedSteps, startLoss: start, recentLoss: loss, diverged: finite ? 0 : 1, step: at, ...(s ? { spikeRatio: s.ratio } : {}) },
  };
}
