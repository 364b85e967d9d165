// Strings of what an engineer checks per layer over time (‖W‖, update/weight, activation mean and std), the
// short explanations each chart opens with its ⓘ button and their links into the Learn view, and the loss
// chart's uniform-guess reference line.
const en = {
  'explain.toggle': 'How to read this chart',
  'explain.learn': 'Explained in Learn: {place}',

  'explain.loss-accuracy':
    'The dashed line marks −ln(1/classes) — ln 10 ≈ 2.303 for MNIST’s ten digits: the loss of a guess spread evenly over every class. A loss that stays on it has learnt nothing yet; that plateau is what a network whose gradient vanishes before its first layers looks like. Far above it at the start means confidently wrong outputs.',
  'explain.layer-norm':
    '‖∂E/∂W‖ is the gradient of the loss with respect to a layer’s weights: the optimizer’s step is proportional to it. ‖δ‖ is the error signal at the layer’s units (∂E/∂z), the thing passed back from layer to layer; since ∂E/∂W = inputᵀ·δ, ‖∂E/∂W‖ also grows or shrinks with the layer’s inputs. The axis is logarithmic because these sizes differ by powers of ten between layers: each gridline is 10× the one below, and a signal that shrinks by the same factor per layer falls as a straight line. Exactly 0 has no place on a log axis, so it gets its own “= 0” lane underneath.',
  'explain.layer-heatmap':
    'Each cell is log₁₀ of one layer’s gradient norm at one step, so one colour step is a factor of ten (a log scale, as the sizes span many powers of ten). Grey cells are exactly 0, which no log scale can place. Input-side rows that stay dark are layers that are not learning.',
  'explain.gradient-histogram':
    'Why a healthy first layer has many exact zeros: ∂E/∂w = x·δ, and the pixels on MNIST’s empty border are 0 in almost every image, so the weights leaving them get a gradient of exactly 0 while the rest of the layer learns. Exact zeros in deeper layers mean something else: units that output 0 (dead ReLU) or a δ that is 0. The band uses a log axis; the zeros are counted in the lane below it.',
  'explain.saturation':
    'Saturated: a sigmoid or tanh unit in its flat tail (|tanh| > 0.97, or σ below 0.015 or above 0.985), where its derivative is almost 0, so the error signal passing back through it is nearly cut. Dead: a ReLU-family unit that outputs 0 for the whole batch, so its gradient is exactly 0.',
  'explain.gradient-norm':
    '‖g‖ is the size of the whole gradient, every layer together. The axis is logarithmic: each gridline is 10× the one below, so an exploding run climbs by whole decades. Exactly 0 gets its own “= 0” row below the plot and ∞/NaN a row above it, never a made-up value on the axis.',
  'explain.engineer-stats':
    '‖W‖ is the size (Frobenius norm) of a layer’s weights; one that keeps growing hints at a learning rate that is too high. Update/weight ‖ΔW‖/‖W‖ is how much of the layer one step changes: about 10⁻³ is the usual rule of thumb; far below, the layer barely learns (a vanishing gradient); far above, it jumps. Both use a log axis, as they differ by powers of ten. Activation mean and std show where a layer’s outputs sit: a sigmoid layer whose std falls towards 0 with its mean near 0 or 1 is saturated.',

  'engineer.title': 'What an engineer checks, per layer',
  'engineer.subtitle': 'From the statistics steps of this run: pick the quantity and the layers.',
  'engineer.metric': 'Quantity',
  'engineer.layers': 'Layers',
  'engineer.all': 'All',
  'engineer.weightNorm': '‖W‖',
  'engineer.updateRatio': 'update / weight',
  'engineer.actMean': 'activation mean',
  'engineer.actStd': 'activation std',
  'engineer.axis.weightNorm': '‖W‖ (log scale)',
  'engineer.axis.updateRatio': '‖ΔW‖ / ‖W‖ (log scale)',
  'engineer.axis.actMean': 'mean of h',
  'engineer.axis.actStd': 'std of h',
  'engineer.chart.weightNorm': 'Weight norm ‖W‖ per layer',
  'engineer.chart.updateRatio': 'Update / weight ratio per layer',
  'engineer.chart.actMean': 'Activation mean per layer',
  'engineer.chart.actStd': 'Activation standard deviation per layer',
  'engineer.sub.weightNorm': 'Log scale. The Frobenius norm of each layer’s kernel before the step’s update.',
  'engineer.sub.updateRatio': 'Log scale. ‖ΔW‖ / ‖W‖ of each step’s update; the shaded band is 10⁻⁴ … 10⁻², the dashed line 10⁻³.',
  'engineer.sub.actMean': 'The mean of each layer’s output h over the batch and its units.',
  'engineer.sub.actStd': 'The standard deviation of each layer’s output h over the batch and its units.',
  'engineer.guide': 'rule of thumb 10⁻³',
  'engineer.zero': 'exactly 0 (no place on a log axis)',
  'engineer.empty': 'No statistics steps yet.',
  'engineer.output': 'output',

  'charts.loss.uniform': 'ln {classes} ≈ {value}: a uniform guess over {classes} classes',
  'charts.loss.above': 'the opening reaches {value}, above the axis',
} as const;

const ja: Record<keyof typeof en, string> = {
  'explain.toggle': 'このグラフの読み方',
  'explain.learn': '「しくみ」で詳しく：{place}',

  'explain.loss-accuracy':
    '破線は −ln(1/クラス数)。MNIST の 10 個の数字なら ln 10 ≈ 2.303 で、すべてのクラスに同じ確率を割り振る当てずっぽうの損失です。損失がこの線に張り付いたままなら、まだ何も学んでいません。入力側の層まで勾配が届かないネットワークは、この平らな区間（プラトー）として現れます。最初に線よりずっと上にあるのは、自信満々に間違えている出力です。',
  'explain.layer-norm':
    '‖∂E/∂W‖ は層の重みについての損失の勾配で、最適化の一歩の大きさはこれに比例します。‖δ‖ は層のユニットに届いた誤差の信号（∂E/∂z）で、層から層へと逆向きに受け渡されるものです。∂E/∂W = 入力ᵀ·δ なので、‖∂E/∂W‖ は層への入力の大きさにも左右されます。層ごとに 10 倍単位で大きさが違うので対数軸にしています。目盛線 1 本ごとに 10 倍で、層ごとに同じ割合で縮む信号は直線になります。ちょうど 0 は対数軸に置けないので、下の「= 0」の段に示します。',
  'explain.layer-heatmap':
    '各マスは、あるステップでのある層の勾配ノルムの log₁₀ です。色が 1 段変わると 10 倍の違いです（大きさが何桁にもわたるので対数にしています）。灰色のマスはちょうど 0 で、対数の目盛には置けません。入力側の行が暗いままなら、その層は学習していません。',
  'explain.gradient-histogram':
    '健全な第 1 層にちょうど 0 の要素が多い理由：∂E/∂w = x·δ で、MNIST の画像の外周の空白の画素はほぼすべての画像で 0 です。そのためそこから出る重みの勾配はちょうど 0 になり、層の残りはちゃんと学習しています。より深い層のちょうど 0 は意味が違い、0 しか出さないユニット（死んだ ReLU）か δ が 0 であることを示します。帯は対数軸で、0 の数は下の段で数えています。',
  'explain.saturation':
    '飽和：シグモイドや tanh のユニットが平らな裾（|tanh| > 0.97、または σ が 0.015 未満か 0.985 超）にあり、導関数がほぼ 0 なので、そこを逆向きに通る誤差の信号がほとんど切れてしまう状態です。死んだユニット：バッチ全体で 0 しか出さない ReLU 系のユニットで、勾配はちょうど 0 です。',
  'explain.gradient-norm':
    '‖g‖ はすべての層をまとめた勾配全体の大きさです。軸は対数で、目盛線 1 本ごとに 10 倍なので、発散する実行は桁単位で上っていきます。ちょうど 0 はグラフの下の「= 0」の行に、∞/NaN は上の行に示し、軸に作り物の値を置くことはしません。',
  'explain.engineer-stats':
    '‖W‖ は層の重みの大きさ（フロベニウスノルム）で、増え続けるなら学習率が大きすぎる兆候です。更新量 / 重み ‖ΔW‖/‖W‖ は 1 ステップで層がどれだけ変わるかで、目安はおよそ 10⁻³ です。ずっと小さければその層はほとんど学習せず（勾配消失）、ずっと大きければ跳ね回ります。どちらも桁単位で違うので対数軸です。活性の平均と標準偏差は層の出力がどこにあるかを示し、標準偏差が 0 に近づき平均が 0 か 1 に寄ったシグモイドの層は飽和しています。',

  'engineer.title': 'エンジニアが確かめること（層ごと）',
  'engineer.subtitle': 'この実行の統計ステップから。量と層を選んでください。',
  'engineer.metric': '量',
  'engineer.layers': '層',
  'engineer.all': 'すべて',
  'engineer.weightNorm': '‖W‖',
  'engineer.updateRatio': '更新量 / 重み',
  'engineer.actMean': '活性の平均',
  'engineer.actStd': '活性の標準偏差',
  'engineer.axis.weightNorm': '‖W‖（対数目盛）',
  'engineer.axis.updateRatio': '‖ΔW‖ / ‖W‖（対数目盛）',
  'engineer.axis.actMean': 'h の平均',
  'engineer.axis.actStd': 'h の標準偏差',
  'engineer.chart.weightNorm': '層ごとの重みのノルム ‖W‖',
  'engineer.chart.updateRatio': '層ごとの更新量 / 重みの比',
  'engineer.chart.actMean': '層ごとの活性の平均',
  'engineer.chart.actStd': '層ごとの活性の標準偏差',
  'engineer.sub.weightNorm': '対数目盛。そのステップの更新前の、各層のカーネルのフロベニウスノルム。',
  'engineer.sub.updateRatio': '対数目盛。各ステップの更新の ‖ΔW‖ / ‖W‖。帯は 10⁻⁴ 〜 10⁻²、破線は 10⁻³。',
  'engineer.sub.actMean': 'バッチとユニット全体での各層の出力 h の平均。',
  'engineer.sub.actStd': 'バッチとユニット全体での各層の出力 h の標準偏差。',
  'engineer.guide': '目安 10⁻³',
  'engineer.zero': 'ちょうど 0（対数軸には置けない）',
  'engineer.empty': '統計ステップはまだありません。',
  'engineer.output': '出力',

  'charts.loss.uniform': 'ln {classes} ≈ {value}：{classes} クラスを当てずっぽうに選んだときの損失',
  'charts.loss.above': '序盤は {value} まで上がり、軸の上にはみ出しています',
};

export default { en, ja };
