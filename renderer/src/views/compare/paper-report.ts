// "The paper says / these runs show" for a comparison: for each paper among the compared runs (grouped by its
// citation), the claims of its presets, each run's own check and, where both sides of one of the paper's pairs are
// there, the pair's judgment — with the numbers. Pure: the Compare panel draws it and the handout prints it.
import type { Text, Verdict, RunEvidence } from '../../../../electron/common/paper-claims';
import { paperRunsAmong, pairsAmong, type PairRun } from '../../../../electron/common/paper-pair-runs';
import { getPaperPreset } from '../../../../electron/common/presets-papers';
import { FINISHED_STATUSES, type RunDetail } from '../../../../electron/common/runs';
import type { HandoutPapers } from './handout';

export interface ReportRun extends PairRun {
  name: string;
  colour: string;
}

export interface PaperReportRow {
  kind: 'run' | 'pair';
  /** The run's colour; for a pair, the colours of its problem and remedy runs. */
  colours: string[];
  /** The run's name, or the pair's two run names. */
  label: string;
  /** null: not judged (the runs' settings left their presets'). */
  verdict: Verdict | null;
  /** What the run (or the pair) shows, with the numbers, without the verdict. */
  detail: Text;
}

export interface PaperReport {
  citation: string;
  /** The claims of the paper's presets among the runs, one sentence each, in PAPER_PRESETS order of appearance. */
  claims: Text[];
  rows: PaperReportRow[];
}

const NOT_JUDGED: Text = {
  ja: '設定がプリセットと違う実行があるため、主張は確かめていません。',
  en: 'A run’s settings differ from its preset’s, so the claim is not checked.',
};

/** What a run recorded, from its detail as the host sends it (`run:get`: every statistic, every probe). */
export function evidenceOfDetail(d: RunDetail): RunEvidence {
  return {
    config: d.config,
    statSteps: d.series.statSteps,
    layerStats: d.series.layerStats,
    steps: d.series.steps,
    loss: d.series.loss,
    epochs: d.epochs,
    probes: d.probes,
    finished: FINISHED_STATUSES.includes(d.summary.status),
  };
}

/** The papers among the runs, in the order their first run appears; empty when no run is of a paper preset. */
export function paperReport(runs: readonly ReportRun[]): PaperReport[] {
  const byId = new Map(runs.map((r) => [r.id, r]));
  const reports = new Map<string, PaperReport>();
  for (const { run, preset, check } of paperRunsAmong(runs)) {
    const citation = preset.paper.citation;
    let report = reports.get(citation);
    if (!report) reports.set(citation, (report = { citation, claims: [], rows: [] }));
    if (!report.claims.some((c) => c.en === preset.paper.claim.en)) report.claims.push(preset.paper.claim);
    const r = byId.get(run.id)!;
    report.rows.push({ kind: 'run', colours: [r.colour], label: r.name, verdict: check?.verdict ?? null, detail: check?.detail ?? NOT_JUDGED });
  }
  for (const found of pairsAmong(runs)) {
    const report = reports.get(getPaperPreset(found.pair.problem)?.paper.citation ?? '');
    if (!report) continue;
    const [p, q] = [byId.get(found.problem.id)!, byId.get(found.remedy.id)!];
    report.rows.push({ kind: 'pair', colours: [p.colour, q.colour], label: `${p.name} ↔ ${q.name}`, verdict: found.check?.verdict ?? null, detail: found.check?.detail ?? NOT_JUDGED });
  }
  return [...reports.values()];
}

/** The words around the reports in the handout, in its language. */
export interface HandoutPaperLabels {
  title: string;
  says: string;
  shows: string;
  pair: string;
  verdicts: Record<Verdict | 'none', string>;
}

/** The reports as the handout prints them, in `locale` (undefined when no run is of a paper preset). */
export function handoutPapers(reports: readonly PaperReport[], locale: 'ja' | 'en', l: HandoutPaperLabels): HandoutPapers | undefined {
  if (reports.length === 0) return undefined;
  return {
    title: l.title,
    saysLabel: l.says,
    showsLabel: l.shows,
    entries: reports.map((rep) => ({
      citation: rep.citation,
      claims: rep.claims.map((c) => c[locale]),
      rows: rep.rows.map((row) => ({
        colours: row.colours,
        label: row.kind === 'pair' ? `${l.pair}${locale === 'ja' ? '' : ' '}${row.label}` : row.label,
        verdict: l.verdicts[row.verdict ?? 'none'],
        detail: row.detail[locale],
      })),
    })),
  };
}
