// The comparisons the papers make between two runs — a preset beside its remedy: the first-layer gradient of the
// 30-layer ReLU net under Xavier over He initialization (He et al. 2015), the test accuracy after the first epoch
// with and without batch normalization (Ioffe & Szegedy 2015), and the ‖δ‖ ratio across layers under standard
// and normalized initialization (Glorot & Bengio 2010), and the same spiking RNN without and with the gradient norm
// clipped (Pascanu et al. 2013). Pure, like the single-run checks in paper-claims.ts.
import { check, deltaRatioAtStart, settingsThatDiffer, type ClaimCheck, type RunEvidence } from './paper-claims';
import { gradSpikes, n2 as wide, recentLoss, SPIKE_FACTOR } from './paper-claims-recurrent';

/** Preset pairs whose comparison is checked: [the paper's problem, its remedy]. */
export const PAPER_PAIRS = [
  { problem: 'papers-glorot-tanh-standard', remedy: 'papers-glorot-tanh-xavier', short: 'Glorot & Bengio 2010' },
  { problem: 'papers-he-xavier', remedy: 'papers-he-he', short: 'He et al. 2015' },
  { problem: 'papers-ioffe-plain', remedy: 'papers-ioffe-bn', short: 'Ioffe & Szegedy 2015' },
  { problem: 'papers-pascanu-noclip', remedy: 'papers-pascanu-clip', short: 'Pascanu et al. 2013' },
] as const;

const n2 = (x: number) => (Math.abs(x) >= 0.01 || x === 0 ? x.toFixed(2) : x.toExponential(1));

/**
 * The pair's comparison, with `problem` and `remedy` the runs of the two presets of one PAPER_PAIRS entry (null
 * for any other pair, or when either run's settings differ from its preset).
 */
export function checkPair(problem: RunEvidence, remedy: RunEvidence): ClaimCheck | null {
  const ids = [problem.config.preset, remedy.config.preset];
  const pair = PAPER_PAIRS.find((p) => p.problem === ids[0] && p.remedy === ids[1]);
  if (!pair) return null;
  if ([problem, remedy].some((e) => settingsThatDiffer(e.config.preset ?? '', e.config).length > 0)) return null;
  switch (pair.problem) {
    case 'papers-he-xavier': {
      // Their Figure 3 in one number: at the start, Xavier's first-layer gradient is orders of magnitude below He's.
      const x = problem.layerStats[0]?.[0]?.gradNorm;
      const h = remedy.layerStats[0]?.[0]?.gradNorm;
      if (x === undefined || h === undefined || h <= 0) return check('too-early', '両方の実行の統計がまだありません', 'statistics of both runs are not there yet', {});
      const ratio = x / h;
      return check(
        ratio < 1e-2 ? 'holds' : 'not-shown',
        `開始時の第1層の ‖∂E/∂W‖ の比 Xavier/He = ${n2(ratio)}（${n2(x)} / ${n2(h)}）`,
        `first-layer ‖∂E/∂W‖ at the start, Xavier/He = ${n2(ratio)} (${n2(x)} / ${n2(h)})`,
        { ratio, xavier: x, he: h },
      );
    }
    case 'papers-ioffe-plain': {
      const plain = problem.epochs[0]?.testAcc;
      const bn = remedy.epochs[0]?.testAcc;
      if (plain === undefined || bn === undefined) return check('too-early', '両方の実行の1エポック目がまだ終わっていません', 'the first epoch of both runs has not ended yet', {});
      return check(
        bn - plain >= 0.1 ? 'holds' : 'not-shown',
        `1エポック後のテスト精度: バッチ正規化あり ${(bn * 100).toFixed(1)}%、なし ${(plain * 100).toFixed(1)}%`,
        `test accuracy after the first epoch: ${(bn * 100).toFixed(1)}% with batch norm, ${(plain * 100).toFixed(1)}% without`,
        { withBatchNorm: bn, without: plain },
      );
    }
    case 'papers-glorot-tanh-standard': {
      const s = deltaRatioAtStart(problem);
      const x = deltaRatioAtStart(remedy);
      if (s === null || x === null) return check('too-early', '両方の実行の統計がまだありません', 'statistics of both runs are not there yet', {});
      return check(
        s < 0.3 && x >= 0.5 ? 'holds' : 'not-shown',
        `最下層と最上位の隠れ層の ‖δ‖ の比: 標準初期化 ${n2(s)}、正規化初期化 ${n2(x)}`,
        `‖δ‖ of the lowest over the top hidden layer: ${n2(s)} with standard, ${n2(x)} with normalized initialization`,
        { standard: s, normalized: x },
      );
    }
    case 'papers-pascanu-noclip': {
      // Without clipping ‖g‖ spikes and the run is wrecked (it diverges or ends with a higher loss); with the norm
      // clipped the same spikes come but the run stays finite and ends lower.
      const s = gradSpikes(problem);
      if (!s || remedy.loss.length < 5) return check('too-early', '両方の実行の ‖g‖ がまだ5ステップ分ありません', 'fewer than five steps of ‖g‖ in both runs yet', {});
      const lossRemedy = recentLoss(remedy);
      const lossProblem = recentLoss(problem);
      const remedyFinite = !remedy.diverged && remedy.loss.every(Number.isFinite);
      const holds = s.ratio >= SPIKE_FACTOR && remedyFinite && (problem.diverged === true || lossRemedy < lossProblem);
      const [ja, en] = problem.diverged ? ['発散', 'diverged'] : [`直近の誤差 ${lossProblem.toFixed(3)}`, `recent loss ${lossProblem.toFixed(3)}`];
      return check(
        holds ? 'holds' : 'not-shown',
        `クリッピングなし: 最大の ‖g‖ は中央値の ${wide(s.ratio)} 倍、${ja}。クリッピングあり: ${remedyFinite ? `有限のまま直近の誤差 ${lossRemedy.toFixed(3)}` : '発散'}`,
        `without clipping the largest ‖g‖ is ${wide(s.ratio)}× the median, ${en}; with clipping ${remedyFinite ? `the loss stayed finite, recent loss ${lossRemedy.toFixed(3)}` : 'diverged'}`,
        { spikeRatio: s.ratio, problemDiverged: problem.diverged ? 1 : 0, remedyRecentLoss: lossRemedy, remedyDiverged: remedyFinite ? 0 : 1 },
      );
    }
  }
}
