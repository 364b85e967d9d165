// Strings of the paper presets: the picker's group and the "The paper says / this run shows" panel on a run.
// The claims, citations and figures themselves come with the presets (electron/common/presets-papers.ts).
const en = {
  'papers.group': 'Papers',
  'papers.group.lab': 'Lab presets',
  'papers.title': 'The paper says / this run shows',
  'papers.says': 'The paper says',
  'papers.shows': 'This run shows',
  'papers.figure': 'Reproduces',
  'papers.differences': 'Differences from the paper',
  'papers.verdict.holds': 'as in the paper',
  'papers.verdict.not-shown': 'not shown',
  'papers.verdict.too-early': 'too early',
  'papers.pairedWith': 'Compare with: {name}',
  'papers.waiting': 'Start the run: the claim is checked on its statistics as they arrive.',
  'sweep.start.papers-pair': 'Paper vs remedy: {name}',
} as const;

const ja: Record<keyof typeof en, string> = {
  'papers.group': '論文',
  'papers.group.lab': 'ラボのプリセット',
  'papers.title': '論文の主張 / この実行の結果',
  'papers.says': '論文の主張',
  'papers.shows': 'この実行の結果',
  'papers.figure': '再現する図',
  'papers.differences': '論文との違い',
  'papers.verdict.holds': '論文のとおり',
  'papers.verdict.not-shown': '確認できず',
  'papers.verdict.too-early': '判断には早い',
  'papers.pairedWith': '比較相手: {name}',
  'papers.waiting': '実行を始めると、届いた統計でこの主張を確かめます。',
  'sweep.start.papers-pair': '論文と対策: {name}',
};

export default { en, ja };
