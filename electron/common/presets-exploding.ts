// The other half of the story: exploding gradients on the same ten-layer MLP as the deep family. When each
// layer's factor |w·σ'| exceeds 1 the product grows as it goes back, exactly as it shrinks when it is below 1;
// with plain SGD the step grows with the gradient, and the run blows up within a few steps. Clipping the
// gradient's norm (Pascanu, Mikolov & Bengio 2013) bounds every step, so the same network trains.
import type { ExperimentConfig, ModelConfig } from './config';
import type { Preset } from './presets';

/** Ten ReLU layers of 64 with N(0, 0.3²) kernels: He would be 0.18 (√(2/64)), so each layer amplifies ≈ 1.7×. */
const RELU_MODEL: ModelConfig = {
  depth: 10,
  width: 64,
  activation: 'relu',
  initializer: { kind: 'randomNormal', mean: 0, std: 0.3 },
  batchNorm: false,
  residual: false,
};

/** Ten tanh layers of 64 with N(0, 0.6²) kernels: Glorot would be ≈ 0.125, so |w·tanh'| is well above 1. */
const TANH_MODEL: ModelConfig = { ...RELU_MODEL, activation: 'tanh', initializer: { kind: 'randomNormal', mean: 0, std: 0.6 } };

function config(id: string, model: ModelConfig, optimizer: ExperimentConfig['optimizer']): ExperimentConfig {
  return {
    preset: id,
    dataset: { kind: 'mnist', trainSize: 60000, testSize: 10000 },
    model,
    optimizer,
    training: { epochs: 10, batchSize: 128, seed: 42, statsEvery: 1, histogramEvery: 50 },
  };
}

/** The clipping threshold of the remedy: ‖g‖ starts in the thousands, so every early step is clipped. */
export const EXPLODING_CLIP_THRESHOLD = 5;

export const EXPLODING_PRESETS: readonly Preset[] = [
  {
    id: 'explode-relu',
    family: 'exploding',
    name: { ja: '勾配爆発: 深い ReLU（初期値が大きすぎる）', en: 'Exploding gradients: deep ReLU, initial scale too large' },
    description: {
      ja: 'ReLU を10層重ね、重みを He 初期化の約1.7倍の大きさで始めます。逆伝播で掛かる係数が1を超えるので勾配は層ごとに増え、SGD の更新が重みをさらに大きくして、数ステップで誤差が無限大・NaN になり発散します。',
      en: 'Ten ReLU layers whose weights start about 1.7 times the He scale: every factor on the way back exceeds 1, so the gradient grows, SGD’s steps grow with it, and within a few steps the loss overflows to NaN and the run diverges.',
    },
    config: config('explode-relu', RELU_MODEL, { kind: 'sgd', learningRate: 0.01 }),
  },
  {
    id: 'explode-relu-clip',
    family: 'exploding',
    name: { ja: '対策: 勾配クリッピング（ノルム 5）', en: 'Remedy: gradient clipping (norm 5)' },
    description: {
      ja: '同じネットワークと学習率のまま、勾配全体のノルムが5を超えたら5に縮めてから更新します（勾配クリッピング）。一歩の大きさに上限ができるので発散せずに学習が進みます。初期値の大きさそのものは直らないので、はじめの誤差は大きいままです。',
      en: 'The same network and learning rate, but whenever the gradient’s global norm exceeds 5 it is scaled down to 5 before the update (gradient clipping): every step is bounded, so the run trains instead of diverging. The oversized initial scale itself is not fixed, so the first losses stay large.',
    },
    config: config('explode-relu-clip', RELU_MODEL, { kind: 'sgd', learningRate: 0.01, clip: { kind: 'norm', threshold: EXPLODING_CLIP_THRESHOLD } }),
  },
  {
    id: 'explode-tanh',
    family: 'exploding',
    name: { ja: '勾配爆発: 深い tanh（初期値が大きすぎる）', en: 'Exploding gradients: deep tanh, initial scale too large' },
    description: {
      ja: 'tanh を10層重ね、重みを Glorot 初期化の約5倍で始めます。|w·σ′| が1を超えるので、深いシグモイドとは逆に入力側の層ほど勾配が桁違いに大きくなります。大きすぎる更新でユニットが飽和すると、今度は勾配が消えていきます。',
      en: 'Ten tanh layers whose weights start about five times the Glorot scale: |w·σ′| exceeds 1, so, the mirror image of the deep sigmoid, the input-side layers get gradients orders of magnitude larger; the oversized steps then push the units into saturation, where the gradient vanishes instead.',
    },
    config: config('explode-tanh', TANH_MODEL, { kind: 'sgd', learningRate: 0.1 }),
  },
];
