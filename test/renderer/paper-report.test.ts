// "The paper says / these runs show" for compared runs and in the handout: grouped by paper, the claims once each,
// each run's verdict and the pair's judgment with the numbers, in the handout's language; runs of other presets
// add nothing, and a handout without paper runs has no such section.
import { describe, expect, it } from 'vitest';
import type { RunEvidence } from '../../electron/common/paper-claims';
import { getPaperPreset } from '../../electron/common/presets-papers';
import type { LayerStats } from '../../electron/common/records';
import { handoutHtml, type Handout } from '../../renderer/src/views/compare/handout';
import { handoutPapers, paperReport, type ReportRun } from '../../renderer/src/views/compare/paper-report';

const ZERO: LayerStats = {
  layer: 0, gradNorm: 1, gradMeanAbs: 0, gradMaxAbs: 0, gradZeroFrac: 0, biasGradNorm: 0, deltaNorm: 1, weightNorm: 1,
  updateRatio: 0, actMean: 0, actStd: 0, saturatedFrac: 0, deadFrac: 0,
};

function run(id: number, preset: string, ratio: number, colour: string): ReportRun {
  const config = { ...getPaperPreset(preset)!.config };
  const layerStats = Array.from({ length: config.model.depth + 1 }, (_, l) => [{ ...ZERO, layer: l, deltaNorm: l === 0 ? ratio : 1 }]);
  const evidence: RunEvidence = { config, statSteps: [0], layerStats, steps: [], loss: [], epochs: [], finished: true };
  return { id, name: `${preset} #${id}`, colour, evidence };
}

const LABELS = {
  title: 'The paper says / these runs show', says: 'The paper says:', shows: 'These runs show:', pair: 'The pair:',
  verdicts: { holds: 'as in the paper', 'not-shown': 'not shown', 'too-early': 'too early', none: 'not checked' },
};

describe('the paper report of compared runs', () => {
  const runs = [run(4, 'papers-glorot-tanh-xavier', 0.8, '#0072b2'), run(2, 'papers-glorot-tanh-standard', 0.12, '#d55e00')];

  it('groups the two Glorot runs under one citation, with both claims, both verdicts and the pair’s numbers', () => {
    const [rep, ...rest] = paperReport(runs);
    expect(rest).toEqual([]);
    expect(rep!.citation).toContain('Glorot, X. & Bengio, Y. (2010)');
    expect(rep!.claims.map((c) => c.en)).toEqual([getPaperPreset('papers-glorot-tanh-xavier')!.paper.claim.en, getPaperPreset('papers-glorot-tanh-standard')!.paper.claim.en]);
    expect(rep!.rows.map((r) => [r.kind, r.label, r.verdict])).toEqual([
      ['run', 'papers-glorot-tanh-xavier #4', 'holds'],
      ['run', 'papers-glorot-tanh-standard #2', 'holds'],
      ['pair', 'papers-glorot-tanh-standard #2 ↔ papers-glorot-tanh-xavier #4', 'holds'],
    ]);
    expect(rep!.rows[2]!.colours).toEqual(['#d55e00', '#0072b2']);
    expect(rep!.rows[2]!.detail.en).toBe('‖δ‖ of the lowest over the top hidden layer: 0.12 with standard, 0.80 with normalized initialization.');
    expect(rep!.rows[2]!.detail.ja).toContain('標準初期化 0.12、正規化初期化 0.80');
  });

  it('leaves runs of other presets out, and reports nothing without a paper run', () => {
    const other = { ...runs[0]!, id: 9, evidence: { ...runs[0]!.evidence, config: { ...runs[0]!.evidence.config, preset: 'seed-keras' } } };
    expect(paperReport([other])).toEqual([]);
    expect(paperReport([other, runs[1]!])[0]!.rows.map((r) => r.kind)).toEqual(['run']);
    expect(handoutPapers([], 'en', LABELS)).toBeUndefined();
  });

  it('prints the citation, the claim and the verdicts with numbers into the handout, in its language', () => {
    const base: Handout = {
      lang: 'ja', title: 'T', date: 'D', runsTitle: 'R', runs: [], diffTitle: 'S', diffHeader: 'F', diff: [], charts: [], explanationTitle: 'E', explanation: [],
    };
    const ja = handoutHtml({ ...base, papers: handoutPapers(paperReport(runs), 'ja', { ...LABELS, title: '論文の主張 / これらの実行の結果', pair: '組の比較：', verdicts: { ...LABELS.verdicts, holds: '論文のとおり' } }) });
    expect(ja).toContain('data-handout-paper');
    expect(ja).toContain('Glorot, X. &#38; Bengio, Y. (2010)');
    expect(ja).toContain(`${getPaperPreset('papers-glorot-tanh-xavier')!.paper.claim.ja}${getPaperPreset('papers-glorot-tanh-standard')!.paper.claim.ja}`);
    expect(ja).toContain(getPaperPreset('papers-glorot-tanh-standard')!.paper.claim.ja);
    expect(ja).toContain('組の比較：papers-glorot-tanh-standard #2 ↔ papers-glorot-tanh-xavier #4 — <span class="verdict">論文のとおり</span>');
    expect((ja.match(/data-handout-verdict/g) ?? []).length).toBe(3);
    const en = handoutHtml({ ...base, lang: 'en', papers: handoutPapers(paperReport(runs), 'en', LABELS) });
    expect(en).toContain('0.12 with standard, 0.80 with normalized initialization.');
    expect(handoutHtml(base)).not.toContain('data-handout-paper');
  });
});
