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

  'explain.time-gradient':
    'A recurrent network passes its error back through time: ‖∂E/∂h_t‖ is how much of it reaches step t. Each step back multiplies it by the recurrent weights W_hh and the activation’s derivative, so when that factor is below 1 the signal falls the same fraction per step, a straight line towards t = 1 on this log axis (the vanishing gradient through time); above 1 it climbs (an exploding gradient). Gradient clipping caps an exploding step; it cannot bring back a vanished one.',
  'explain.time-heatmap':
    'Each row is one time step t of the sequence, each column one training step; the colour is log₁₀‖∂E/∂h_t‖, so one colour step is a factor of ten. Rows that stay dark are early time steps the error no longer reaches: the network cannot learn what happened there. Grey cells are exactly 0.',
  'explain.gradient-flow':
    'The network drawn from input to output, one band per layer’s weights: the thicker and brighter the band, the larger the chosen gradient size. Width and colour follow log₁₀ of that size, so a band only a little thinner carries a gradient many times smaller: thin, dark bands on the input side are where the gradient vanished on its way back.',
  'explain.predictions':
    'Test digits the network has not trained on, each with the class it gives the highest probability and that probability, mistakes first. A network still on the loss plateau gives every class about the same probability, near 1/classes (0.1 for ten digits), whatever the image.',
  'explain.paper-figure':
    'A figure of the paper this preset follows, drawn again from this run’s own measurements rather than copied. Read it against the claim above it: the same shape means the run reproduces the paper; the subtitle says which lines to look at.',
  'explain.paper-activations':
    'Each hidden layer’s outputs h at the chosen step, one curve per layer. A sigmoid layer piled up at 0 or 1 (tanh at ±1) is saturated: its derivative is almost 0 there, so the gradient vanishes on its way through. The Xavier initializer was proposed to keep these curves alike from layer to layer.',
  'explain.paper-gradients':
    'log₁₀|∂L/∂h| of each hidden layer at the chosen step, one curve per layer. Curves that move left layer after layer towards the input are a vanishing gradient; moving right, an exploding one. With the Xavier initializer they stay close together.',

  'explain.diag-activations':
    'How each hidden layer’s outputs h spread over the batch, all layers overlaid. A sigmoid layer piled up at 0 or 1, or tanh at ±1, is saturated: its derivative is almost 0 there and the gradient passing back vanishes. A spread that narrows layer after layer is what the Xavier and He initializers are scaled to prevent.',
  'explain.diag-activation-grads':
    'How ∂L/∂h spreads in each hidden layer, on a log₁₀ axis, so one unit to the right is ten times larger. Layers whose curve sits further left towards the input are a vanishing gradient; further right, an exploding one. Exact zeros (for example dead ReLU units) are counted apart, as a log axis cannot place them.',
  'explain.diag-update-data':
    'The size of each step’s update lr·∂L/∂W relative to the weights themselves, as log₁₀. About −3 (the weights change by a thousandth per step) is the usual guide; a layer far below it barely learns, as with a vanishing gradient, and one far above jumps about, a sign of a learning rate that is too high.',
  'explain.diag-delta-time':
    '‖δˡ‖ = ‖∂L/∂bˡ‖ of each hidden layer over training, on a log axis. The gap between the lines is how much the signal shrinks on its way to the input: layers at the bottom learn the slowest. Lines that come together mean the network has started to pass the gradient back.',
  'explain.diag-ledger':
    'The chain rule, layer by layer: how many decades (powers of ten) the back-propagated signal δ changes from the layer above to this one, split into the activation’s derivative and the weights. A sigmoid’s derivative is at most 0.25, so its part costs at least 0.6 of a decade per layer. The Xavier and He initializers size the weights so that, for the activation each was made for (tanh, ReLU), the weights’ part makes up for it.',
  'explain.diag-predict':
    'Before training starts, mark where you expect each layer’s ‖δˡ‖ to be at step 0, then compare with what the run measures. If every layer multiplies the signal by a similar factor below 1, the marks fall on a straight line on this log axis: that guess is the vanishing gradient.',

  'explain.compare-curves':
    'The training loss and accuracy of every run on one axis. A loss that stays near ln 10 ≈ 2.3 (a uniform guess over ten digits) while another run’s falls belongs to a run whose gradient vanishes before its first layers. The run whose curve drops first learns fastest with the same data.',
  'explain.compare-grad-time':
    'The gradient size of one layer over training, one line per run, on a log axis where each gridline is 10× the one below. A run whose line lies decades below the others has a vanishing gradient at this layer; the strip under the axis marks where a run’s gradient was exactly 0.',
  'explain.compare-grad-norm':
    '‖g‖, the size of the whole gradient, for every run on a log axis. A run climbing by whole decades has an exploding gradient; dotted lines are what a run that uses gradient clipping actually applied, capped at its threshold.',
  'explain.compare-layer-profile':
    'Each run’s gradient size per layer at the end of training, input side left. On this log axis a signal that shrinks by the same factor in every layer falls as a straight line towards the input: the steeper the line, the stronger the vanishing gradient. A flat line is what ReLU, the He initializer or batch normalisation aim for.',
  'explain.compare-heatmaps':
    'One panel per run, layers × training steps, all on one colour scale, so the same colour means the same gradient size in every panel. Dark rows are layers whose gradient vanished; grey cells are exactly 0.',
  'explain.compare-time-profile':
    '‖∂E/∂h_t‖ against the time step t for each recurrent run, on a log axis. A straight fall towards t = 1 is the vanishing gradient through time; a climb is an exploding one. A gated cell (LSTM, GRU) adds to its state instead of squashing it, so its line stays flatter.',
  'explain.compare-ledger':
    'For each run at step 0: log₁₀ of how much δ changes from one hidden layer to the next (‖δₗ‖/‖δₗ₊₁‖). Below 0 the signal shrinks. The dashed line is log₁₀ 0.25, the most a sigmoid’s derivative lets through; only weights that enlarge the signal lift a sigmoid layer above it. A run whose points sit near 0 passes its gradient back intact.',
  'explain.compare-update':
    'update:data of each hidden layer at the last probe, one line per run: log₁₀ of the update’s size relative to the weights’ size. The band around −3 is the usual guide; a layer far below it barely learns, far above it the learning rate is too high for it.',
  'explain.compare-activations':
    'One hidden layer’s outputs h over the batch, one curve per run. A run whose sigmoid units pile up at 0 or 1 (tanh at ±1) is saturated there: the derivative is almost 0 and the gradient vanishes. Compare how the initializer or activation changes the spread.',
  'explain.compare-activation-grads':
    'One hidden layer’s ∂L/∂h on a log₁₀ axis, one curve per run. The further left a run’s curve, the smaller the gradient reaching this layer: one unit is a factor of ten. Exact zeros are counted apart.',
  'explain.compare-update-time':
    'update:data of the chosen layer over training, one line per run: log₁₀ of each update’s size relative to the weights. About −3 is the usual guide; a run far below it at this layer is hardly changing it, as with a vanishing gradient.',
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

  'explain.time-gradient':
    '再帰型ネットワークは誤差を時間をさかのぼって伝えます。‖∂E/∂h_t‖ は時刻 t まで届いた誤差の大きさです。1 ステップさかのぼるごとに再帰の重みと活性化関数の微分が掛かるので、その係数が 1 より小さければ毎ステップ同じ割合で減り、この対数軸では t = 1 へ向かう直線になります（時間方向の勾配消失）。1 より大きければ増え続けます（勾配爆発）。勾配クリッピングは爆発を抑えますが、消えた勾配は戻せません。',
  'explain.time-heatmap':
    '行は系列の時刻 t、列は学習のステップで、色は log₁₀‖∂E/∂h_t‖ です。色が 1 段変わると 10 倍の違いです。暗いままの行は誤差が届かなくなった前のほうの時刻で、そこで起きたことをネットワークは学べません。灰色のマスはちょうど 0 です。',
  'explain.gradient-flow':
    '入力から出力までのネットワークを描き、各層の重みを 1 本の帯で示します。帯が太く明るいほど、選んだ勾配の大きさが大きいことを表します。太さと色はその大きさの log₁₀ で決めているので、少し細いだけの帯でも勾配は何分の一にもなっています。入力側の細く暗い帯は、逆伝播の途中で勾配消失が起きたところです。',
  'explain.predictions':
    '学習に使っていないテスト用の数字と、ネットワークがいちばん高い確率を付けたクラスとその確率です。間違いを先に並べています。損失がまだ平らな区間（プラトー）にあるネットワークは、どの画像にもすべてのクラスにほぼ同じ 1/クラス数（10 個の数字なら 0.1）近くの確率を付けます。',
  'explain.paper-figure':
    'このプリセットが再現する論文の図を、写したものではなくこの実行で測った値から描き直したものです。上の主張と見比べてください。形が同じなら、この実行は論文を再現しています。どの線を見ればよいかは副題に書いてあります。',
  'explain.paper-activations':
    '選んだステップでの各隠れ層の出力 h の分布で、層ごとに 1 本の曲線です。0 や 1 に積み上がったシグモイドの層（tanh なら ±1）は飽和していて、そこでは微分がほぼ 0 なので、通り抜ける勾配が消えてしまいます。Xavierの初期値は、この曲線を層が変わっても同じ形に保つために考えられました。',
  'explain.paper-gradients':
    '選んだステップでの各隠れ層の log₁₀|∂L/∂h| の分布で、層ごとに 1 本の曲線です。入力側の層ほど曲線が左へずれていくなら勾配消失、右へずれるなら勾配爆発です。Xavierの初期値を使うと曲線は近くにまとまります。',

  'explain.diag-activations':
    '各隠れ層の出力 h がバッチの中でどう分布しているかを重ねて示します。0 や 1 に積み上がったシグモイドの層（tanh なら ±1）は飽和していて、微分がほぼ 0 なので逆向きに通る勾配が消えてしまいます。層を経るごとに分布が狭まるのを防ぐように重みの大きさを決めたのが、Xavierの初期値とHeの初期値です。',
  'explain.diag-activation-grads':
    '各隠れ層の ∂L/∂h の分布を log₁₀ の軸で示します。目盛 1 つ右へずれると 10 倍の大きさです。入力側の層ほど曲線が左にあれば勾配消失、右にあれば勾配爆発です。ちょうど 0 の要素（死んだ ReLU のユニットなど）は対数軸に置けないので別に数えています。',
  'explain.diag-update-data':
    '各ステップの更新量 lr·∂L/∂W が重みそのものに比べてどれだけの大きさかを log₁₀ で示します。目安は −3 前後（1 ステップで重みが 1000 分の 1 ほど変わる）です。ずっと下の層は勾配消失のときのようにほとんど学習せず、ずっと上の層は跳ね回っていて、学習率が大きすぎる兆候です。',
  'explain.diag-delta-time':
    '各隠れ層の ‖δˡ‖ = ‖∂L/∂bˡ‖ の学習中の推移を対数軸で示します。線と線の間隔は、信号が入力側へ向かう途中でどれだけ縮むかで、いちばん下の層がいちばん遅く学習します。線が近づいてくれば、勾配が逆向きに届くようになったということです。',
  'explain.diag-ledger':
    '連鎖律を層ごとに帳簿にしたものです。逆伝播する信号 δ が上の層からこの層までに何桁（10 の何乗）変わるかを、活性化関数の微分の分と重みの分に分けて示します。シグモイドの微分は最大でも 0.25 なので、その分だけで 1 層ごとに少なくとも 0.6 桁失われます。Xavierの初期値（tanh 向け）やHeの初期値（ReLU 向け）は、その活性化関数で失う分を重みの分で補うように大きさを決めています。',
  'explain.diag-predict':
    '学習を始める前に、ステップ 0 で各層の ‖δˡ‖ がどこにあると思うかを印で付け、実行で測った値と比べます。どの層も 1 より小さい同じくらいの係数を掛けるなら、印はこの対数軸の上で一直線に並びます。その予想こそが勾配消失です。',

  'explain.compare-curves':
    'すべての実行の学習中の損失と正解率を同じ軸に描きます。ln 10 ≈ 2.3 は 10 個の数字を当てずっぽうに選んだときの損失で、ほかの実行が下がる中でこの値に張り付いたままの実行は、入力側の層まで勾配が届いていません（勾配消失）。同じデータで最初に曲線が下がる実行がいちばん速く学習します。',
  'explain.compare-grad-time':
    'ある 1 つの層の勾配の大きさの学習中の推移を、実行ごとに 1 本の線で示します。軸は対数で、目盛線 1 本ごとに 10 倍です。ほかより何桁も下にある実行は、この層で勾配消失が起きています。軸の下の帯は、その実行の勾配がちょうど 0 だった区間です。',
  'explain.compare-grad-norm':
    '勾配全体の大きさ ‖g‖ を、すべての実行について対数軸に描きます。桁単位で上っていく実行では勾配爆発が起きています。点線は、勾配クリッピングを使う実行が実際に更新に使った大きさで、しきい値で頭打ちになります。',
  'explain.compare-layer-profile':
    '学習終了時の各実行の層ごとの勾配の大きさで、左が入力側です。この対数軸では、どの層でも同じ割合で縮む信号は入力側へ向かって下がる直線になり、傾きが急なほど勾配消失が強いことを示します。ReLU、Heの初期値、バッチ正規化がめざすのは平らな線です。',
  'explain.compare-heatmaps':
    '実行ごとに 1 枚のパネル（層 × 学習ステップ）で、すべて共通の色目盛です。どのパネルでも同じ色は同じ勾配の大きさを表します。暗い行は勾配消失が起きた層、灰色のマスはちょうど 0 です。',
  'explain.compare-time-profile':
    '再帰型の各実行について、時刻 t ごとの ‖∂E/∂h_t‖ を対数軸に描きます。t = 1 へ向かってまっすぐ下がるのは時間方向の勾配消失、上がるのは勾配爆発です。ゲート付きのセル（LSTM、GRU）は状態を押しつぶさずに足し込むので、線が平らに近くなります。',
  'explain.compare-ledger':
    '各実行のステップ 0 で、δ が隠れ層 1 つ分でどれだけ変わるか（‖δₗ‖/‖δₗ₊₁‖）の log₁₀ です。0 より下なら信号は縮んでいます。破線は log₁₀ 0.25 で、シグモイドの微分が通す最大の割合です。シグモイドの層がこれより上に来るのは、重みが信号を大きくするときだけです。点が 0 の近くにある実行は、勾配をほぼそのまま逆向きに伝えています。',
  'explain.compare-update':
    '最後のプローブでの各隠れ層の update:data（更新量の大きさと重みの大きさの比の log₁₀）を、実行ごとに 1 本の線で示します。−3 前後の帯が目安で、ずっと下の層はほとんど学習せず、ずっと上なら学習率がその層には大きすぎます。',
  'explain.compare-activations':
    'ある 1 つの隠れ層の出力 h のバッチ全体での分布を、実行ごとに 1 本の曲線で示します。シグモイドのユニットが 0 や 1（tanh なら ±1）に積み上がった実行はそこで飽和していて、微分がほぼ 0 なので勾配が消えます。初期値や活性化関数で分布がどう変わるかを見比べてください。',
  'explain.compare-activation-grads':
    'ある 1 つの隠れ層の ∂L/∂h の分布を log₁₀ の軸で、実行ごとに 1 本の曲線で示します。曲線が左にある実行ほど、この層に届く勾配は小さく、目盛 1 つ分のずれが 10 倍の違いです。ちょうど 0 の要素は別に数えています。',
  'explain.compare-update-time':
    '選んだ層の update:data（各更新の大きさと重みの大きさの比の log₁₀）の学習中の推移を、実行ごとに 1 本の線で示します。目安は −3 前後で、それよりずっと下の実行はこの層をほとんど変えておらず、勾配消失のときと同じ状態です。',
};

export default { en, ja };
