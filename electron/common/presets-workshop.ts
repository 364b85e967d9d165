// Variants of the tutorial's network a workshop asks for: ReLU alone (the bad N(1, 1) kernels kept, so only the
// activation changes) and the same sigmoid network made three layers deep with identity skips. Each is one
// step away from the tutorial, so Compare shows what that one step does.
import type { ExperimentConfig, ModelConfig } from './config';
import type { Preset } from './presets';

const TUTORIAL: ModelConfig = {
  depth: 1,
  width: 128,
  activation: 'sigmoid',
  initializer: { kind: 'randomNormal', mean: 1, std: 1 },
  batchNorm: false,
  residual: false,
};

function config(id: string, model: ModelConfig): ExperimentConfig {
  return {
    preset: id,
    dataset: { kind: 'mnist', trainSize: 60000, testSize: 10000 },
    model,
    optimizer: { kind: 'adam', learningRate: 1e-3 },
    training: { epochs: 10, batchSize: 128, seed: 42, statsEvery: 1, histogramEvery: 50 },
  };
}

export const WORKSHOP_PRESETS: readonly Preset[] = [
  {
    id: 'seed-relu',
    family: 'variant',
    name: { ja: '変更: ReLU だけ（初期値は N(1, 1) のまま）', en: 'Variant: ReLU alone (N(1, 1) kernels kept)' },
    description: {
      ja: 'チュートリアルのネットワークで、活性化関数だけをシグモイドから ReLU に替えます。初期値は平均1・標準偏差1のままです。ReLU は正の入力で飽和しないので隠れ層の勾配はちょうど0にはなりませんが、重みが大きいため活性化の値も非常に大きくなります。損失の動きを見てください。',
      en: 'The tutorial’s network with only the activation changed, sigmoid → ReLU; the N(1, 1) kernels stay. ReLU does not saturate for positive inputs, so the hidden gradient is no longer exactly zero — but with such large weights the activations are huge: watch the loss.',
    },
    config: config('seed-relu', { ...TUTORIAL, activation: 'relu' }),
  },
  {
    id: 'seed-residual',
    family: 'variant',
    name: { ja: '変更: 3層 + 残差接続（シグモイド, N(1, 1)）', en: 'Variant: 3 layers + residual connections (sigmoid, N(1, 1))' },
    description: {
      ja: 'チュートリアルのシグモイドと N(1, 1) の初期値のまま、隠れ層を128ユニット×3層にして、128→128 の2つのブロックに恒等写像のスキップを付けます。スキップは上の層の飽和したユニットを迂回して勾配を運びますが、最初の層（784 → 128）にはスキップがありません。各層の勾配を比べてください。',
      en: 'The tutorial’s sigmoid and N(1, 1) kernels, made three 128-unit layers deep with identity skips around the two 128 → 128 blocks. The skips carry the gradient past the saturated units above; the first layer (784 → 128) has no skip, so compare its gradient with the others.',
    },
    config: config('seed-residual', { ...TUTORIAL, depth: 3, residual: true }),
  },
];
