// Strings of exploding gradients and gradient clipping: the clipping fields of the Train view's settings, the
// chart of the global gradient norm per step, and the Learn view's words for growth (勾配爆発, 勾配クリッピング).
const en = {
  'train.field.clipKind': 'Gradient clipping',
  'train.clip.none': 'none',
  'train.clip.norm': 'by global norm',
  'train.clip.value': 'by value',
  'train.field.clipThreshold': 'Clipping threshold',
  'train.unit.clipThreshold': '‖g‖ (norm) or |g| (value) at most',

  'charts.gnorm.title': 'Gradient norm per step, before and after clipping',
  'charts.gnorm.subtitle': 'Log scale. ‖g‖ over every weight and bias of the network; an exploding run climbs by orders of magnitude.',
  'charts.gnorm.subtitleNoClip': 'Log scale. ‖g‖ over every weight and bias of the network; an exploding run climbs by orders of magnitude. This run does not clip.',
  'charts.gnorm.axis': '‖g‖ (log scale)',
  'charts.gnorm.before': '‖g‖ before clipping',
  'charts.gnorm.after': '‖g‖ applied (after clipping)',
  'charts.gnorm.threshold': 'threshold {value}',
  'charts.gnorm.clippedMark': 'clipped step',
  'charts.gnorm.nonFinite': 'not finite (∞ or NaN)',
  'charts.gnorm.zero': 'exactly 0',
  'charts.gnorm.diverged': 'diverged at step {step}',
  'charts.gnorm.count': 'Clipped {n} of {total} steps.',
  'charts.gnorm.readout': 'step {step}: ‖g‖ before {before}, applied {after}{clipped}',
  'charts.gnorm.readoutClipped': ' (clipped)',

  'sweep.start.exploding': 'Run the exploding family ({count} runs)',

  'charts.norm.titleFactor': 'Gradient size per layer and its factor per layer',
  'charts.norm.subtitleFactor': 'Log scale. Dashed: output value × rᵏ, r = the factor |w·f′| per layer measured from the output back to the first layer; below 1 the gradient vanishes, above 1 it explodes.',
  'charts.norm.legendFactor': 'measured rᵏ, r ≈ {r} per layer ({trend})',
  'charts.norm.grows': 'grows: exploding',
  'charts.norm.shrinks': 'shrinks: vanishing',
  'charts.norm.steady': 'about constant',

  'learn.factor.product': 'product of |w·f′| (weights included)',
  'learn.factor.bound': '(|w|·max f′)ⁿ bound',
  'learn.factor.column': '|w·f′| product',
  'learn.factor.perLayer': 'Through the weights, each layer multiplies the gradient by w·f′(a), at most |w|·max f′ = {value} in size: {verdict}',
  'learn.factor.shrinks': 'below 1, so the product can only shrink (vanishing gradient).',
  'learn.factor.canGrow': 'above 1, so the product can grow (exploding gradient).',
  'learn.explode.term': 'exploding gradient',
  'learn.explode.note': 'When every factor |w·f′| is above 1 the same product grows instead: {value} after {k} layers. That is the exploding gradient; gradient clipping caps the step it causes.',
} as const;

const ja: Record<keyof typeof en, string> = {
  'train.field.clipKind': '勾配クリッピング',
  'train.clip.none': 'なし',
  'train.clip.norm': '全体のノルムで',
  'train.clip.value': '成分ごとの値で',
  'train.field.clipThreshold': 'クリッピングのしきい値',
  'train.unit.clipThreshold': '‖g‖（ノルム）または |g|（値）の上限',

  'charts.gnorm.title': 'ステップごとの勾配ノルム（クリッピング前と後）',
  'charts.gnorm.subtitle': '対数目盛。‖g‖ はネットワークのすべての重みとバイアスについての勾配の大きさです。勾配爆発が起きると桁違いに増えていきます。',
  'charts.gnorm.subtitleNoClip': '対数目盛。‖g‖ はネットワークのすべての重みとバイアスについての勾配の大きさです。勾配爆発が起きると桁違いに増えていきます。この実行はクリッピングしていません。',
  'charts.gnorm.axis': '‖g‖（対数目盛）',
  'charts.gnorm.before': 'クリッピング前の ‖g‖',
  'charts.gnorm.after': '更新に使った ‖g‖（クリッピング後）',
  'charts.gnorm.threshold': 'しきい値 {value}',
  'charts.gnorm.clippedMark': 'クリッピングしたステップ',
  'charts.gnorm.nonFinite': '有限でない値（∞ または NaN）',
  'charts.gnorm.zero': 'ちょうど 0',
  'charts.gnorm.diverged': 'ステップ {step} で発散',
  'charts.gnorm.count': '{total} ステップ中 {n} ステップでクリッピングしました。',
  'charts.gnorm.readout': 'ステップ {step}：クリッピング前の ‖g‖ {before}、更新に使った ‖g‖ {after}{clipped}',
  'charts.gnorm.readoutClipped': '（クリッピング）',

  'sweep.start.exploding': '勾配爆発の例を実行（{count} 件）',

  'charts.norm.titleFactor': '層ごとの勾配の大きさと1層あたりの係数',
  'charts.norm.subtitleFactor': '対数目盛。破線：出力層の値 × rᵏ。r は出力側から最初の層まで測った1層あたりの係数 |w·f′| で、1より小さければ勾配消失、1より大きければ勾配爆発です。',
  'charts.norm.legendFactor': '実測の rᵏ（1層あたり r ≈ {r}、{trend}）',
  'charts.norm.grows': '増加：勾配爆発',
  'charts.norm.shrinks': '減少：勾配消失',
  'charts.norm.steady': 'ほぼ一定',

  'learn.factor.product': '|w·f′| の積（重みを含む）',
  'learn.factor.bound': '上限 (|w|·max f′)ⁿ',
  'learn.factor.column': '|w·f′| の積',
  'learn.factor.perLayer': '重みも含めると、各層は勾配に w·f′(a) を掛けます。その大きさは最大で |w|·max f′ = {value} です。{verdict}',
  'learn.factor.shrinks': '1より小さいので、積は小さくなる一方です（勾配消失）。',
  'learn.factor.canGrow': '1より大きいので、積が大きくなり得ます（勾配爆発）。',
  'learn.explode.term': '勾配爆発',
  'learn.explode.note': 'すべての係数 |w·f′| が1より大きいと、同じ積が逆に増えていきます。{k} 層で {value} です。これが勾配爆発で、勾配クリッピングはそれが引き起こす大きすぎる更新を抑えます。',
};

export default { en, ja };
