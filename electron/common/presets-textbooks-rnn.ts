// 斎藤康毅『ゼロから作るDeep Learning ❷ 自然言語処理編』6.1 (RNNの問題点): the gradient dh flowing back through T
// time steps is multiplied by W_hᵀ at every step, so its norm grows (勾配爆発) or shrinks (勾配消失) exponentially
// with W_h's scale (ch06/rnn_gradient_graph.py, 図6-8 and 図6-9: N = 2, H = 3, T = 20, W_h = randn(H, H) and
// randn(H, H) × 0.5), and clip_grads rescales the gradients when their norm exceeds max_grad (6.1.4; the book
// trains with max_grad = 0.25). The book multiplies by W_hᵀ alone; here a tanh RNN on the adding problem with
// T = 20. Three units behind a tanh saturate and hide the effect, so the presets keep the book's spectral radius
// (≈ std·√H: √3 ≈ 1.7 and ≈ 0.87) with 64 units: W_h drawn for spectral radius 1.76 and 0.88 (std 0.22 and 0.11
// at 64 units, recurrent.recurrentRadius).
import type { ExperimentConfig } from './config';
import type { Preset } from './presets';

const HIDDEN = 64;
const STEPS = 20;
/** The book's max_grad (ch06/train_rnnlm.py). */
export const ZERO2_MAX_GRAD = 0.25;
/** W_h's spectral radius for the book's growth (randn) and decay (randn × 0.5): the std·√H of 3 units, kept at 64. */
export const ZERO2_RADIUS = { growth: 1.76, decay: 0.88 } as const;

function config(id: string, radius: number, clip: boolean): ExperimentConfig {
  return {
    preset: id,
    dataset: { kind: 'adding', length: STEPS, trainSize: 10000, testSize: 1000 },
    model: { depth: 1, width: HIDDEN, activation: 'tanh', initializer: { kind: 'glorotUniform' }, batchNorm: false, residual: false },
    optimizer: { kind: 'sgd', learningRate: 0.1, ...(clip ? { clip: { kind: 'norm' as const, threshold: ZERO2_MAX_GRAD } } : {}) },
    training: { epochs: 10, batchSize: 50, seed: 42, statsEvery: 5, histogramEvery: 0 },
    recurrent: { cell: 'rnn', hidden: HIDDEN, forgetBias: 1, recurrentRadius: radius },
  };
}

const BOOK = { ja: '『ゼロから作るDeep Learning ❷』6.1', en: '"Deep Learning from Scratch 2" (ゼロから作るDeep Learning ❷) 6.1' };
const SETUP = {
  ja: '本は N=2, H=3, T=20 で勾配に W_hᵀ を20回掛けるだけ（tanh なし）。ここでは tanh RNN（64ユニット）で長さ20の加算問題を SGD 0.1 で学習します。3ユニットでは tanh の飽和が効果を隠すので、本と同じスペクトル半径（標準偏差×√H）になる標準偏差を使います。',
  en: 'The book multiplies dh by W_hᵀ twenty times (N = 2, H = 3, T = 20, no tanh); here a tanh RNN of 64 units learns the adding problem with T = 20 by SGD at 0.1. With three units the tanh saturates and hides the effect, so the std keeps the book’s spectral radius (std·√H).',
};

export const TEXTBOOK_RNN_PRESETS: readonly Preset[] = [
  {
    id: 'zero2-ch6-rnn-explode',
    family: 'textbooks',
    name: { ja: 'ゼロつく❷ 6章: 勾配爆発（図6-8）', en: 'Deep Learning from Scratch 2 ch. 6: exploding gradient (fig. 6-8)' },
    description: {
      ja: `${BOOK.ja} 図6-8（W_h は標準正規分布）。W_h のスペクトル半径が1を超えると、時間をさかのぼるたびに勾配のノルムが指数的に大きくなる勾配爆発が起こります。W_h はスペクトル半径1.76（64ユニットで標準偏差0.22の正規分布。3ユニットで標準偏差1のときと同じ約 √3）。時間ステップごとの勾配のグラフで最初のステップほど勾配が大きく、勾配クリッピングなしの SGD は数ステップで発散します。${SETUP.ja}`,
      en: `${BOOK.en}, fig. 6-8 (rnn_gradient_graph.py, Wh = np.random.randn(H, H)). When W_h’s spectral radius exceeds 1 the norm of dh grows exponentially with every step back in time: the exploding gradient (勾配爆発). W_h drawn for spectral radius 1.76 (a normal of std 0.22 at 64 units; the √3 ≈ 1.7 of std 1 at three units). The gradient-per-time-step chart rises towards the first steps, and SGD without gradient clipping diverges within a few steps. ${SETUP.en}`,
    },
    config: config('zero2-ch6-rnn-explode', ZERO2_RADIUS.growth, false),
  },
  {
    id: 'zero2-ch6-rnn-vanish',
    family: 'textbooks',
    name: { ja: 'ゼロつく❷ 6章: 勾配消失（図6-9）', en: 'Deep Learning from Scratch 2 ch. 6: vanishing gradient (fig. 6-9)' },
    description: {
      ja: `${BOOK.ja} 図6-9（W_h は標準正規分布の0.5倍）。スペクトル半径が1より小さいと勾配のノルムは時間をさかのぼるほど指数的に小さくなり、勾配消失が起こります。W_h はスペクトル半径0.88（64ユニットで標準偏差0.11の正規分布。3ユニットで標準偏差0.5のときと同じ約0.87）。初期状態で最初のステップに届く勾配は最後のステップの約10分の1です。${SETUP.ja}`,
      en: `${BOOK.en}, fig. 6-9 (Wh = np.random.randn(H, H) * 0.5). With a spectral radius below 1 the norm of dh shrinks exponentially with every step back: the vanishing gradient (勾配消失). W_h drawn for spectral radius 0.88 (a normal of std 0.11 at 64 units; the ≈ 0.87 of std 0.5 at three units); at the start the first step receives about a tenth of the last step’s gradient. ${SETUP.en}`,
    },
    config: config('zero2-ch6-rnn-vanish', ZERO2_RADIUS.decay, false),
  },
  {
    id: 'zero2-ch6-rnn-clip',
    family: 'textbooks',
    name: { ja: 'ゼロつく❷ 6章: 勾配爆発と勾配クリッピング', en: 'Deep Learning from Scratch 2 ch. 6: exploding gradient with gradient clipping (clip_grads)' },
    description: {
      ja: `${BOOK.ja}.4「勾配爆発への対策」。勾配爆発の設定のまま、勾配クリッピングを入れます: 全パラメータの勾配をまとめたノルム ‖g‖ がしきい値0.25（本の学習コードの値）を超えたら、勾配に 0.25 / ‖g‖ を掛けます。時間ステップごとの勾配は同じように大きくなりますが、更新に使う勾配のノルムは0.25以下に抑えられ、学習は発散せずに進みます。${SETUP.ja}`,
      en: `${BOOK.en}.4, "countermeasures against exploding gradients": the exploding setting with gradient clipping (clip_grads, 勾配クリッピング): when the norm of all the gradients together exceeds max_grad = 0.25 (the book’s train_rnnlm.py), every gradient is multiplied by max_grad / ‖g‖. The gradient per time step still grows towards the first steps, but the gradient the update uses stays at or below 0.25 and training goes on instead of diverging. ${SETUP.en}`,
    },
    config: config('zero2-ch6-rnn-clip', ZERO2_RADIUS.growth, true),
  },
];
