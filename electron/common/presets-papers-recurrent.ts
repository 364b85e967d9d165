// The two classic papers on gradients through time, as paper presets beside the feed-forward ones: Bengio, Simard
// & Frasconi (1994) — in a plain tanh RNN the gradient reaching early time steps shrinks exponentially with the
// distance, so a long dependency is not learned — and Pascanu, Mikolov & Bengio (2013) — with recurrent weights of
// spectral radius above 1 the gradient norm jumps in sudden spikes, and clipping its norm tames them (a problem
// preset and its remedy). Their claims are checked by paper-claims-recurrent.ts.
import type { ExperimentConfig } from './config';
import type { PaperPreset } from './presets-papers';

const BENGIO = 'Bengio, Y., Simard, P. & Frasconi, P. (1994). Learning long-term dependencies with gradient descent is difficult. IEEE Transactions on Neural Networks, 5(2), 157–166.';
const PASCANU = 'Pascanu, R., Mikolov, T. & Bengio, Y. (2013). On the difficulty of training recurrent neural networks. ICML 2013.';

const HIDDEN = 128;
/** Bengio et al.: the adding problem as long as the lab's recurrent family reads it (where an LSTM learns it). */
export const BENGIO_LENGTH = 100;
/** Pascanu et al.: W_hh drawn for this spectral radius, and the adding problem short enough to be learnt once clipped. */
export const PASCANU_RADIUS = 1.5;
export const PASCANU_LENGTH = 20;
/** The remedy's clipping threshold: a few times the median ‖g‖ of a calm step (≈ 2), so only the spikes are cut. */
export const PASCANU_CLIP_THRESHOLD = 5;

function config(id: string, length: number, optimizer: ExperimentConfig['optimizer'], recurrentRadius?: number): ExperimentConfig {
  return {
    preset: id,
    dataset: { kind: 'adding', length, trainSize: 10000, testSize: 1000 },
    model: { depth: 1, width: HIDDEN, activation: 'tanh', initializer: { kind: 'glorotUniform' }, batchNorm: false, residual: false },
    optimizer,
    training: { epochs: 10, batchSize: 50, seed: 42, statsEvery: 5, histogramEvery: 0 },
    recurrent: { cell: 'rnn', hidden: HIDDEN, forgetBias: 1, ...(recurrentRadius !== undefined ? { recurrentRadius } : {}) },
  };
}

const PASCANU_FIGURE = {
  ja: 'アルゴリズム1（勾配のノルムのクリッピング）と、誤差曲面の急な「壁」で ‖g‖ が跳ね上がる様子',
  en: 'Algorithm 1 (clipping the gradient norm) and the steep “walls” of the error surface where ‖g‖ jumps',
};

const PASCANU_DIFF = {
  ja: '論文は Hochreiter & Schmidhuber の人工課題（加算・乗算・時間順序など）を長い系列で、さらに言語とピアノ曲のモデルを、ずっと多くのステップ学習し、勾配消失への正則化項も加えています。ここでは加算問題（T = 20）、tanh 128 ユニット、再帰重みをスペクトル半径 1.5 になるよう N(0, 1.5²/128) で初期化、学習率 0.03 の SGD で 2 000 ステップ、正則化項はありません。',
  en: 'The paper trains Hochreiter & Schmidhuber’s synthetic tasks (adding, multiplication, temporal order and more) on long sequences, and language and piano-roll models, for far more steps, with a regularizer against vanishing gradients; here the adding problem with T = 20, 128 tanh units, W_hh drawn from N(0, 1.5²/128) for a spectral radius of about 1.5, plain SGD with learning rate 0.03 for 2 000 steps, and no regularizer.',
};

export const PAPER_RECURRENT_PRESETS: readonly PaperPreset[] = [
  {
    id: 'papers-bengio-rnn',
    family: 'papers',
    name: { ja: '論文: Bengio ほか 1994（tanh RNN, T=100 の加算問題）', en: 'Paper: Bengio et al. 1994 (tanh RNN, adding problem T=100)' },
    description: {
      ja: 'tanh の RNN（128 ユニット）に、100 ステップの系列の中の2つの値の和を答えさせます。逆伝播で1ステップさかのぼるごとに W_hh·tanh′ が掛かるので、最初の時刻に届く勾配は最後の時刻の何十桁も下になり、誤差は平均を答えるだけの約 0.167 から下がりません。',
      en: 'A tanh RNN of 128 units must give the sum of two values marked in a 100-step sequence. Every step back multiplies the gradient by W_hh·tanh′, so the first time step receives a gradient tens of orders of magnitude below the last one’s, and the error stays at the ≈ 0.167 of answering the mean.',
    },
    config: config('papers-bengio-rnn', BENGIO_LENGTH, { kind: 'momentum', learningRate: 0.01 }),
    paper: {
      citation: BENGIO,
      figure: {
        ja: '時間をさかのぼる勾配が指数的に縮むことの証明と、系列が長いほど学習に失敗する実験',
        en: 'The proof that the gradient through time shrinks exponentially, and the experiments where learning fails more often as sequences get longer',
      },
      claim: {
        ja: '勾配降下法で学習する RNN では、遠い過去の時刻に届く勾配が距離とともに指数的に小さくなるため、長い時間の依存関係を学習できない。',
        en: 'In a recurrent network trained by gradient descent, the gradient reaching distant time steps shrinks exponentially with the distance, so long-term dependencies are not learned.',
      },
      differences: {
        ja: '論文の実験は1ビットの保持（latch）・2系列の判別・パリティなどの小さな課題です。ここでは Hochreiter & Schmidhuber（1997）の加算問題（T = 100）、tanh 128 ユニット（PyTorch と同じ一様分布の初期化）、モーメンタム SGD（学習率 0.01）で 2 000 ステップです。',
        en: 'The paper’s experiments are small problems (latching one bit, a two-sequence problem, parity); here the adding problem of Hochreiter & Schmidhuber (1997) with T = 100, 128 tanh units with PyTorch’s uniform initialization, momentum SGD (learning rate 0.01), 2 000 steps.',
      },
    },
  },
  {
    id: 'papers-pascanu-noclip',
    family: 'papers',
    name: { ja: '論文: Pascanu ほか 2013（勾配爆発, クリッピングなし）', en: 'Paper: Pascanu et al. 2013 (exploding gradients, no clipping)' },
    description: {
      ja: 'tanh の RNN の再帰重みを、スペクトル半径が約 1.5 になる大きさで始めます。1を超える係数が時間をさかのぼって掛け合わされ、勾配のノルム ‖g‖ がときどき中央値の何十倍にも跳ね上がります。クリッピングのない SGD はその一歩で重みを大きく飛ばし、誤差が爆発して発散します。',
      en: 'A tanh RNN whose recurrent weights start with a spectral radius of about 1.5: factors above 1 multiply up through time, and the gradient norm ‖g‖ jumps now and then to many times its median. Plain SGD without clipping takes that step in full, the weights are thrown far, the loss blows up and the run diverges.',
    },
    config: config('papers-pascanu-noclip', PASCANU_LENGTH, { kind: 'sgd', learningRate: 0.03 }, PASCANU_RADIUS),
    paper: {
      citation: PASCANU,
      figure: PASCANU_FIGURE,
      claim: {
        ja: '再帰重みのスペクトル半径が1を超えると勾配が爆発しうる。学習中の勾配のノルムは突然の鋭いスパイクとして現れ、そのまま更新すると学習が壊れる。',
        en: 'When the recurrent weights’ spectral radius exceeds 1 the gradients can explode: during training the gradient norm shows sudden sharp spikes, and taking such a step as it is wrecks training.',
      },
      differences: PASCANU_DIFF,
      pairedWith: 'papers-pascanu-clip',
    },
  },
  {
    id: 'papers-pascanu-clip',
    family: 'papers',
    name: { ja: '論文: Pascanu ほか 2013（対策: ノルム 5 でクリッピング）', en: 'Paper: Pascanu et al. 2013 (remedy: clip the norm at 5)' },
    description: {
      ja: '同じ RNN・同じ初期値・同じ学習率のまま、‖g‖ が5を超えた一歩だけ長さを5に縮めてから更新します。スパイクは起きても一歩の大きさに上限があるので、誤差は有限のまま下がっていきます。',
      en: 'The same RNN, initial weights and learning rate, but a step whose ‖g‖ exceeds 5 is scaled down to length 5 before the update: the spikes still come, every step is bounded, and the loss stays finite and goes down.',
    },
    config: config('papers-pascanu-clip', PASCANU_LENGTH, { kind: 'sgd', learningRate: 0.03, clip: { kind: 'norm', threshold: PASCANU_CLIP_THRESHOLD } }, PASCANU_RADIUS),
    paper: {
      citation: PASCANU,
      figure: PASCANU_FIGURE,
      claim: {
        ja: '勾配のノルムがしきい値を超えたときにしきい値まで縮める（クリッピング）と、爆発する勾配があっても学習は安定して進む。',
        en: 'Rescaling the gradient to the threshold whenever its norm exceeds it (clipping) keeps training stable despite exploding gradients.',
      },
      differences: PASCANU_DIFF,
      pairedWith: 'papers-pascanu-noclip',
    },
  },
];
