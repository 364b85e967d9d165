// Where a paper's pair (PAPER_PAIRS: a preset beside its remedy) meets actual runs: the pair a preset belongs to
// and its other side, the other side's settings for a run so that both train on the same data for the same steps,
// and the pairs found among compared runs with their judgment (checkPair) and each run's own claim (checkClaim).
// Pure: the Train view's claim panel, Compare and the handout all call it.
import type { ExperimentConfig } from './config';
import { checkClaim, type ClaimCheck, type RunEvidence } from './paper-claims';
import { checkPair, PAPER_PAIRS } from './paper-pairs';
import { getPaperPreset, type PaperPreset } from './presets-papers';

export type PaperPair = (typeof PAPER_PAIRS)[number];

export interface PairSide {
  pair: PaperPair;
  /** Whether the preset is the paper's problem or its remedy. */
  role: 'problem' | 'remedy';
  /** The preset on the other side of the pair. */
  partner: PaperPreset;
}

/** The pair the preset belongs to, and its other side (undefined for a preset in no pair). */
export function pairSideOf(presetId: string | undefined): PairSide | undefined {
  for (const pair of PAPER_PAIRS as readonly PaperPair[]) {
    const role = pair.problem === presetId ? 'problem' : pair.remedy === presetId ? 'remedy' : null;
    const partner = role && getPaperPreset(role === 'problem' ? pair.remedy : pair.problem);
    if (role && partner) return { pair, role, partner };
  }
  return undefined;
}

/**
 * The partner preset's settings for a run beside `config`: its own network and optimizer (what the pair compares),
 * with the run's data, epochs, batch size, seed and recording kept — so a run shortened for the class is met by an
 * equally short partner, and the pair's numbers compare like with like.
 */
export function partnerConfig(config: ExperimentConfig, partner: PaperPreset): ExperimentConfig {
  return { ...partner.config, preset: partner.id, dataset: config.dataset, training: config.training };
}

/** A run as the pair finder needs it: its id, and what it recorded. */
export interface PairRun {
  id: number;
  evidence: RunEvidence;
}

export interface FoundPair {
  pair: PaperPair;
  problem: PairRun;
  remedy: PairRun;
  /** The pair's judgment: null when either run's settings left its preset's. */
  check: ClaimCheck | null;
}

/**
 * The paper pairs among `runs`: for each PAPER_PAIRS entry with a run of both presets, the first run of each (in
 * the order given) and the pair's judgment. In PAPER_PAIRS order.
 */
export function pairsAmong(runs: readonly PairRun[]): FoundPair[] {
  const out: FoundPair[] = [];
  for (const pair of PAPER_PAIRS as readonly PaperPair[]) {
    const problem = runs.find((r) => r.evidence.config.preset === pair.problem);
    const remedy = runs.find((r) => r.evidence.config.preset === pair.remedy);
    if (problem && remedy) out.push({ pair, problem, remedy, check: checkPair(problem.evidence, remedy.evidence) });
  }
  return out;
}

/** Each run of a paper preset with its preset and its claim checked (runs of other presets left out). */
export function paperRunsAmong(runs: readonly PairRun[]): { run: PairRun; preset: PaperPreset; check: ClaimCheck | null }[] {
  return runs.flatMap((run) => {
    const preset = getPaperPreset(run.evidence.config.preset ?? '');
    return preset ? [{ run, preset, check: checkClaim(run.evidence) }] : [];
  });
}
