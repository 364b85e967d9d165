// Strings of the Learn view: the toy mortgage network, the five steps of one round of learning, the deeper
// chain and the theory plots. Formulas (∂E/∂y, σ(z), …) are written in the components, as math is the same
// in both languages.
const en = {
  'learn.title': 'Why gradients vanish: the chain rule, step by step',
  'learn.intro':
    'A tiny network decides whether a customer will sign a mortgage contract. Follow one round of learning: set the weights, push the inputs forward, measure the error, then pass it back layer by layer. Every number on this page is computed from the values you enter.',

  'learn.setup.title': 'Your network',
  'learn.setup.inputs': 'Inputs (scaled to about 0–1)',
  'learn.setup.target': 'Target t (1 = signs, 0 = does not)',
  'learn.setup.eta': 'Learning rate η',
  'learn.setup.activation': 'Hidden activation',
  'learn.setup.outputNote': 'The output unit is always a sigmoid, so y reads as a probability.',
  'learn.setup.weights': 'Initial weights and biases',
  'learn.setup.from': 'from',
  'learn.setup.to': 'to',
  'learn.setup.random': 'Random weights',
  'learn.setup.defaults': 'Back to the example',
  'learn.setup.invalid': 'Not a usable value: {fields}. The numbers below use the last valid setup.',

  'learn.unit.x1': 'Income',
  'learn.unit.x2': 'Loan amount',
  'learn.unit.x3': 'Years employed',
  'learn.unit.h1': 'Acceptability',
  'learn.unit.h2': 'Repayment burden',
  'learn.unit.y': 'Signs the contract',

  'learn.act.sigmoid': 'Sigmoid',
  'learn.act.tanh': 'tanh',
  'learn.act.relu': 'ReLU',

  'learn.diagram.label': 'Network diagram: inputs, hidden units and output with their current values',
  'learn.diagram.target': 'target',

  'learn.steps.title': 'One round of learning',
  'learn.steps.locked': 'Do the previous step first',
  'learn.steps.reset': 'Start over',
  'learn.step1.button': '① Initialise',
  'learn.step2.button': '② Forward pass',
  'learn.step3.button': '③ Error',
  'learn.step4.button': '④ Back to v',
  'learn.step5.button': '⑤ Back to w',
  'learn.step1.title': '① Give w, v, b and c their starting values',
  'learn.step1.body':
    'Learning has to start somewhere. The weights w (input → hidden) and v (hidden → output) and the biases b and c take the values from the form; the diagram now shows them on the connections and under the units.',
  'learn.step2.title': '② Forward pass: from the inputs to the output',
  'learn.step2.body':
    'Each hidden unit adds up its weighted inputs and its bias (a), then passes that sum through the activation (h). The output unit does the same with the hidden values, through a sigmoid. The values now appear on the units.',
  'learn.step3.title': '③ Error: how far is y from the target t?',
  'learn.step3.body':
    'The squared error E = ½(y − t)² is zero only when the output hits the target. The ½ is there so that its derivative is simply y − t.',
  'learn.step4.title': '④ Back-propagate to v: the weight from Acceptability to the output',
  'learn.step4.body':
    'How much would E change if v1 changed a little? Walk back from E to v1 and multiply the local derivative of every step on the way. Then move v1 a small step against that gradient.',
  'learn.step5.title': '⑤ Back-propagate to w11: one layer further',
  'learn.step5.body':
    'To reach w11 (income → Acceptability) the error first has to pass through Acceptability, so the chain gets longer: ∂E/∂w11 = ∂E/∂Acceptability × ∂Acceptability/∂w11. Each extra factor below 1 makes the gradient smaller.',
  'learn.step5.ratio': 'The gradient that reached w11 is {ratio} times the one at v1.',
  'learn.step5.after': 'Updating every weight and bias this way in one go takes E from {before} to {after}.',
  'learn.step5.note': 'All gradients use the weights of the forward pass; the updates are applied together afterwards.',
  'learn.chain.split': 'split at the unit',
  'learn.chain.full': 'every local derivative',
  'learn.chain.update': 'update',

  'learn.deeper.title': 'Make it deeper',
  'learn.deeper.intro':
    'Stretch the path from income to the output into a chain of N hidden layers with one unit each. On its way back the gradient is multiplied by one local derivative per layer. A sigmoid’s derivative is at most 0.25, so after n layers that product is at most 0.25ⁿ.',
  'learn.deeper.depth': 'Hidden layers N',
  'learn.deeper.weight': 'Weight of every layer',
  'learn.deeper.bias': 'Bias of every layer',
  'learn.deeper.layer': 'Layer',
  'learn.deeper.passed': 'Layers passed n',
  'learn.deeper.local': 'Local derivative',
  'learn.deeper.product': 'Product so far',
  'learn.deeper.bound': 'Bound 0.25ⁿ',
  'learn.deeper.grad': '∂E/∂w of this layer',
  'learn.deeper.summary': 'Back at layer 1, after {n} layers, the product of local derivatives is {product}; the sigmoid bound is {bound}.',
  'learn.deeper.boundNote':
    '0.25ⁿ bounds sigmoid layers only: tanh’s derivative reaches 1, and ReLU’s is exactly 1 wherever the unit is on.',
  'learn.deeper.chartLabel': 'Product of local derivatives and |∂E/∂w| per layer against the 0.25ⁿ bound, on a log axis',

  'learn.plot.bound': '0.25ⁿ (sigmoid bound)',
  'learn.plot.product': 'product of local derivatives',
  'learn.plot.grad': '|∂E/∂w| of the layer',
  'learn.plot.zero': 'exactly 0',
  'learn.plot.layers': 'layers n',
  'learn.plot.logNote': 'value (log axis)',

  'learn.theory.title': 'Why the sigmoid is the culprit',
  'learn.theory.intro':
    'Each activation with its derivative. The sigmoid’s derivative peaks at 0.25 at x = 0 and falls away on both sides. tanh’s peaks at 1, and ReLU’s is 1 wherever the unit is on.',
  'learn.theory.function': 'f(x)',
  'learn.theory.derivative': 'f′(x)',
  'learn.theory.max': 'max {value}',
  'learn.theory.plotLabel': '{name} and its derivative',
  'learn.theory.power': '0.25ᴺ against N',
  'learn.theory.powerCaption':
    'Each sigmoid layer can shrink the gradient fourfold or more: after 10 layers less than a millionth of it is left.',
  'learn.theory.powerLabel': '0.25 to the power N against N on a logarithmic axis',

  'learn.remedy.title': 'Try it on a real network',
  'learn.remedy.body':
    'The tutorial trains a Keras network on MNIST with sigmoid units and weights drawn around 1, and its error stops falling after the second epoch. The usual cures: ReLU, batch normalisation, residual connections and He initialisation.',
  'learn.remedy.seedKeras': 'Open Train view with seed-keras',
  'learn.remedy.heInit': 'Open Train view with the He-init remedy',
  'learn.remedy.note': 'The Train view opens with the settings filled in; press Start there. Nothing runs until you do.',
  'learn.rnn.title': 'Through time: a recurrent unit over three steps',
  'learn.rnn.intro': 'A recurrent network uses the same weight w at every time step: h_t = tanh(w·hₜ₋₁ + u·x_t). Backpropagation through time walks the steps backwards, and every step back multiplies the signal by the same kind of factor, w·tanh′(a_t).',
  'learn.rnn.w': 'Recurrent weight w',
  'learn.rnn.u': 'Input weight u',
  'learn.rnn.forget': 'Forget gate f',
  'learn.rnn.invalid': 'Enter finite weights and a forget gate strictly between 0 and 1; the defaults are shown meanwhile.',
  'learn.rnn.factor': 'step-back factor w·tanh′',
  'learn.rnn.dw': 'share of ∂E/∂w',
  'learn.rnn.summary': 'y = h₃ = {y}, target {target}. ∂E/∂h₁ = ∂E/∂h₃ × ({f3}) × ({f2}), so ∂E/∂h₁ / ∂E/∂h₃ = {ratio}. ∂E/∂w, summed over the three steps: {dw}.',
  'learn.rnn.gate': 'A gated cell state c_t = f·cₜ₋₁ + i·g_t is added to, not squashed: one step back multiplies by f = {f} itself. After {n} steps the plain unit keeps {plain} of the signal, the gated path {gated}.',
  'learn.rnn.plotPlain': '|w·tanh′|^k (plain unit)',
  'learn.rnn.plotGated': 'f^k (gate’s additive path)',
  'learn.rnn.chartLabel': 'Signal k steps back, relative to the last step',
  'learn.rnn.axisK': 'steps back k',
} as const;

const ja: Record<keyof typeof en, string> = {
  'learn.title': '勾配が消えるしくみ：連鎖律を一歩ずつ',
  'learn.intro':
    '小さなネットワークが、お客さんが住宅ローンを契約するかどうかを判断します。重みを決め、入力を前へ流し、誤差を測り、それを層ごとに後ろへ戻す——学習の 1 回分を順に追ってみましょう。このページの数値はすべて、入力した値から計算しています。',

  'learn.setup.title': 'ネットワークの設定',
  'learn.setup.inputs': '入力（おおよそ 0〜1 に換算）',
  'learn.setup.target': '正解 t（1 = 契約する、0 = しない）',
  'learn.setup.eta': '学習率 η',
  'learn.setup.activation': '隠れ層の活性化関数',
  'learn.setup.outputNote': '出力ユニットは常にシグモイドなので、y は確率として読めます。',
  'learn.setup.weights': '重みとバイアスの初期値',
  'learn.setup.from': '元',
  'learn.setup.to': '先',
  'learn.setup.random': '重みをランダムに',
  'learn.setup.defaults': '例の値に戻す',
  'learn.setup.invalid': '使えない値があります：{fields}。下の数値は最後に有効だった設定のものです。',

  'learn.unit.x1': '年収',
  'learn.unit.x2': '借入額',
  'learn.unit.x3': '勤続年数',
  'learn.unit.h1': '受け入れやすさ',
  'learn.unit.h2': '返済負担',
  'learn.unit.y': '契約する',

  'learn.act.sigmoid': 'シグモイド',
  'learn.act.tanh': 'tanh',
  'learn.act.relu': 'ReLU',

  'learn.diagram.label': 'ネットワーク図：入力・隠れユニット・出力と、それぞれの現在の値',
  'learn.diagram.target': '正解',

  'learn.steps.title': '学習の 1 回分',
  'learn.steps.locked': '先に前のステップを進めてください',
  'learn.steps.reset': '最初から',
  'learn.step1.button': '① 初期化',
  'learn.step2.button': '② 順伝播',
  'learn.step3.button': '③ 誤差',
  'learn.step4.button': '④ v へ逆伝播',
  'learn.step5.button': '⑤ w へ逆伝播',
  'learn.step1.title': '① w・v・b・c に初期値を入れる',
  'learn.step1.body':
    '学習はどこかの値から始める必要があります。重み w（入力 → 隠れ層）と v（隠れ層 → 出力）、バイアス b と c にフォームの値を入れました。図の結合線とユニットの下に、その値が表示されています。',
  'learn.step2.title': '② 順伝播：入力から出力へ',
  'learn.step2.body':
    '隠れユニットは、重みを掛けた入力とバイアスを足し合わせ（a）、その和を活性化関数に通します（h）。出力ユニットも隠れ層の値に対して同じことをし、シグモイドに通します。各ユニットに値が表示されました。',
  'learn.step3.title': '③ 誤差：y は正解 t からどれだけ離れているか',
  'learn.step3.body':
    '二乗誤差 E = ½(y − t)² は、出力が正解とぴったり一致したときだけ 0 になります。½ を付けておくと、微分がちょうど y − t になります。',
  'learn.step4.title': '④ v へ逆伝播：「受け入れやすさ」から出力への重み',
  'learn.step4.body':
    'v1 を少しだけ動かしたら、E はどれだけ変わるでしょうか。E から v1 まで逆にたどり、途中の各段の局所的な微分を掛け合わせます。そのうえで、勾配と逆の向きに v1 を少しだけ動かします。',
  'learn.step5.title': '⑤ w11 へ逆伝播：さらに 1 層奥へ',
  'learn.step5.body':
    'w11（年収 → 受け入れやすさ）に届くには、誤差はまず「受け入れやすさ」を通らなければならず、連鎖が長くなります：∂E/∂w11 = ∂E/∂受け入れやすさ × ∂受け入れやすさ/∂w11。1 より小さい因子が 1 つ増えるたびに、勾配はさらに小さくなります。',
  'learn.step5.ratio': 'w11 に届いた勾配は、v1 での勾配の {ratio} 倍です。',
  'learn.step5.after': 'すべての重みとバイアスを同じやり方で一度に更新すると、E は {before} から {after} になります。',
  'learn.step5.note': '勾配はすべて順伝播のときの重みで計算し、更新はそのあとでまとめて行います。',
  'learn.chain.split': 'ユニットで区切った形',
  'learn.chain.full': '局所的な微分をすべて並べた形',
  'learn.chain.update': '更新',

  'learn.deeper.title': '層を深くしてみる',
  'learn.deeper.intro':
    '年収から出力までの経路を、1 層に 1 ユニットずつの N 層の鎖に引き伸ばします。逆伝播の途中、勾配は層を 1 つ通るたびに局所的な微分を 1 つ掛けられます。シグモイドの微分は最大でも 0.25 なので、n 層を通った後の積は 0.25ⁿ 以下です。',
  'learn.deeper.depth': '隠れ層の数 N',
  'learn.deeper.weight': '各層の重み',
  'learn.deeper.bias': '各層のバイアス',
  'learn.deeper.layer': '層',
  'learn.deeper.passed': '通過した層数 n',
  'learn.deeper.local': '局所的な微分',
  'learn.deeper.product': 'ここまでの積',
  'learn.deeper.bound': '上限 0.25ⁿ',
  'learn.deeper.grad': 'この層の ∂E/∂w',
  'learn.deeper.summary': '{n} 層を通って第 1 層に戻ったとき、局所的な微分の積は {product}、シグモイドの上限は {bound} です。',
  'learn.deeper.boundNote':
    '0.25ⁿ はシグモイドの層にだけ当てはまる上限です。tanh の微分は最大 1、ReLU の微分はユニットが働いている所ではちょうど 1 です。',
  'learn.deeper.chartLabel': '層ごとの局所的な微分の積と |∂E/∂w| を、上限 0.25ⁿ と並べた対数軸のグラフ',

  'learn.plot.bound': '0.25ⁿ（シグモイドの上限）',
  'learn.plot.product': '局所的な微分の積',
  'learn.plot.grad': 'その層の |∂E/∂w|',
  'learn.plot.zero': 'ちょうど 0',
  'learn.plot.layers': '層数 n',
  'learn.plot.logNote': '値（対数軸）',

  'learn.theory.title': 'なぜシグモイドが原因になるのか',
  'learn.theory.intro':
    '各活性化関数とその導関数です。シグモイドの導関数は x = 0 で最大の 0.25 になり、そこから両側へ急に小さくなります。tanh の最大は 1、ReLU はユニットが働いている所でいつも 1 です。',
  'learn.theory.function': 'f(x)',
  'learn.theory.derivative': 'f′(x)',
  'learn.theory.max': '最大 {value}',
  'learn.theory.plotLabel': '{name} とその導関数',
  'learn.theory.power': 'N に対する 0.25ᴺ',
  'learn.theory.powerCaption':
    'シグモイドの層を 1 つ通るたびに、勾配は 4 分の 1 以下になり得ます。10 層通ると 100 万分の 1 も残りません。',
  'learn.theory.powerLabel': 'N に対する 0.25 の N 乗を対数軸で示したグラフ',

  'learn.remedy.title': '実際のネットワークで試す',
  'learn.remedy.body':
    'チュートリアルでは、シグモイドを使い重みを 1 のまわりで初期化した Keras のネットワークを MNIST で学習させ、2 エポック目以降で誤差が下がらなくなる様子を示しています。よく使われる対策は、ReLU、バッチ正規化、残差接続、He の初期化です。',
  'learn.remedy.seedKeras': '「チュートリアルの再現（Keras）」を設定して学習画面を開く',
  'learn.remedy.heInit': 'He 初期化の対策を設定して学習画面を開く',
  'learn.remedy.note': '設定を入れた状態で学習画面が開きます。そこで「開始」を押すまで学習は始まりません。',
  'learn.rnn.title': '時間をさかのぼる：3ステップの再帰ユニット',
  'learn.rnn.intro': '再帰型ネットワークはどの時刻でも同じ重み w を使います：h_t = tanh(w·hₜ₋₁ + u·x_t)。通時的誤差逆伝播は時刻を逆にたどり、1ステップさかのぼるたびに同じ形の係数 w·tanh′(a_t) が信号に掛かります。',
  'learn.rnn.w': '再帰の重み w',
  'learn.rnn.u': '入力の重み u',
  'learn.rnn.forget': '忘却ゲート f',
  'learn.rnn.invalid': '重みには有限の値を、忘却ゲートには 0 より大きく 1 より小さい値を入れてください。それまでは初期値で表示します。',
  'learn.rnn.factor': 'さかのぼる係数 w·tanh′',
  'learn.rnn.dw': '∂E/∂w への寄与',
  'learn.rnn.summary': 'y = h₃ = {y}、目標 {target}。∂E/∂h₁ = ∂E/∂h₃ × ({f3}) × ({f2}) なので、∂E/∂h₁ / ∂E/∂h₃ = {ratio}。3ステップ分を足した ∂E/∂w は {dw}。',
  'learn.rnn.gate': 'ゲート付きのセル状態 c_t = f·cₜ₋₁ + i·g_t は押しつぶされずに足し合わされるので、1ステップさかのぼるときに掛かるのは f = {f} そのものです。{n} ステップ後、ゲートのないユニットに残る信号は {plain}、ゲートの足し算の経路では {gated} です。',
  'learn.rnn.plotPlain': '|w·tanh′|^k（ゲートなし）',
  'learn.rnn.plotGated': 'f^k（ゲートの足し算の経路）',
  'learn.rnn.chartLabel': 'k ステップ前に届く信号（最後の時刻に対する比）',
  'learn.rnn.axisK': 'さかのぼったステップ数 k',
};

export default { en, ja };
