// The lab's ready-made experiments: the seed program exactly (784 → 128 sigmoid → 10, N(1,1) kernels, Adam),
// the seed's remedies applied one at a time, and a deep family where depth makes the 0.25^N decay visible and
// residual connections matter. Each config is complete and passes ExperimentConfigSchema.
import type { ExperimentConfig, ModelConfig } from './config';
import { EXPLODING_PRESETS } from './presets-exploding';
import { PAPER_PRESETS } from './presets-papers';
import { RECURRENT_PRESETS } from './presets-recurrent';
import { TEXTBOOK_PRESETS } from './presets-textbooks';

export type PresetFamily = 'seed' | 'deep' | 'exploding' | 'textbooks' | 'recurrent' | 'papers' | 'variant';

export interface Preset {
  id: string;
  name: { ja: string; en: string };
  description: { ja: string; en: string };
  family: PresetFamily;
  config: ExperimentConfig;
}

const SEED_MODEL: ModelConfig = {
  depth: 1,
  width: 128,
  activation: 'sigmoid',
  initializer: { kind: 'randomNormal', mean: 1, std: 1 },
  batchNorm: false,
  residual: false,
};

const DEEP_MODEL: ModelConfig = {
  depth: 10,
  width: 64,
  activation: 'sigmoid',
  initializer: { kind: 'glorotUniform' },
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

// Variants of the tutorial's network a workshop asks for: ReLU alone (the bad N(1, 1) kernels kept, so only the
// activation changes) and the same sigmoid network made three layers deep with identity skips. Each is one
// step away from the tutorial, so Compare shows what that one step does.
const WORKSHOP_PRESETS: readonly Preset[] = [
  {
    id: 'seed-relu',
    family: 'variant',
    name: { ja: '変更: ReLU だけ（初期値は N(1, 1) のまま）', en: 'Variant: ReLU alone (N(1, 1) kernels kept)' },
    description: {
      ja: 'チュートリアルのネットワークで、活性化関数だけをシグモイドから ReLU に替えます。初期値は平均1・標準偏差1のままです。ReLU は正の入力で飽和しないので隠れ層の勾配はちょうど0にはなりませんが、重みが大きいため活性化の値も非常に大きくなります。損失の動きを見てください。',
      en: 'The tutorial’s network with only the activation changed, sigmoid → ReLU; the N(1, 1) kernels stay. ReLU does not saturate for positive inputs, so the hidden gradient is no longer exactly zero — but with such large weights the activations are huge: watch the loss.',
    },
    config: config('seed-relu', { ...SEED_MODEL, activation: 'relu' }),
  },
  {
    id: 'seed-residual',
    family: 'variant',
    name: { ja: '変更: 3層 + 残差接続（シグモイド, N(1, 1)）', en: 'Variant: 3 layers + residual connections (sigmoid, N(1, 1))' },
    description: {
      ja: 'チュートリアルのシグモイドと N(1, 1) の初期値のまま、隠れ層を128ユニット×3層にして、128→128 の2つのブロックに恒等写像のスキップを付けます。スキップは上の層の飽和したユニットを迂回して勾配を運びますが、最初の層（784 → 128）にはスキップがありません。各層の勾配を比べてください。',
      en: 'The tutorial’s sigmoid and N(1, 1) kernels, made three 128-unit layers deep with identity skips around the two 128 → 128 blocks. The skips carry the gradient past the saturated units above; the first layer (784 → 128) has no skip, so compare its gradient with the others.',
    },
    config: config('seed-residual', { ...SEED_MODEL, depth: 3, residual: true }),
  },
];

export const PRESETS: readonly Preset[] = [
  {
    id: 'seed-keras',
    family: 'seed',
    name: { ja: 'チュートリアルの再現（Keras）', en: 'The tutorial, reproduced (Keras)' },
    description: {
      ja: '重みを平均1・標準偏差1の正規分布で初期化したシグモイドの隠れ層は、入力が大きすぎて出力が1に張り付きます。隠れ層の勾配はちょうど0になり、誤差は ln 10 ≈ 2.303 から下がりません。',
      en: 'Kernels drawn from N(1, 1) push every sigmoid unit to exactly 1, so the hidden layer’s gradient is exactly zero and the loss stays at ln 10 ≈ 2.303.',
    },
    config: config('seed-keras', SEED_MODEL),
  },
  {
    id: 'seed-he',
    family: 'seed',
    name: { ja: '対策: He 初期化', en: 'Remedy: He initialization' },
    description: {
      ja: '同じシグモイドのネットワークで、初期値だけを入力数に合わせて小さくします（He 初期化）。ユニットが飽和しないので勾配が流れ、学習が進みます。',
      en: 'The same sigmoid network with weights scaled to the number of inputs (He). Units no longer saturate, gradients flow and the network learns.',
    },
    config: config('seed-he', { ...SEED_MODEL, initializer: { kind: 'heNormal' } }),
  },
  {
    id: 'seed-relu-he',
    family: 'seed',
    name: { ja: '対策: ReLU + He 初期化', en: 'Remedy: ReLU + He initialization' },
    description: {
      ja: '活性化関数を ReLU に替え、He 初期化と組み合わせます。正の入力では導関数が1なので、勾配が小さくなりません。',
      en: 'ReLU with He initialization: its derivative is 1 for positive inputs, so the gradient is not shrunk on the way back.',
    },
    config: config('seed-relu-he', { ...SEED_MODEL, activation: 'relu', initializer: { kind: 'heNormal' } }),
  },
  {
    id: 'seed-batchnorm',
    family: 'seed',
    name: { ja: '対策: バッチ正規化', en: 'Remedy: batch normalization' },
    description: {
      ja: 'チュートリアルの悪い初期値はそのままに、活性化の手前でバッチ正規化を入れます。入力が平均0・分散1に揃うので、シグモイドが飽和せずに学習できます。',
      en: 'The tutorial’s bad N(1, 1) kernels are kept, but batch normalization before the sigmoid recentres its input, so the units leave saturation and learn.',
    },
    config: config('seed-batchnorm', { ...SEED_MODEL, batchNorm: true }),
  },
  {
    id: 'deep-sigmoid',
    family: 'deep',
    name: { ja: '深いシグモイド（10層, Glorot）', en: 'Deep sigmoid (10 layers, Glorot)' },
    description: {
      ja: 'シグモイドの隠れ層を10層重ねます。導関数は最大0.25なので、逆伝播のたびに勾配が縮み、入力側の層ほど勾配が桁違いに小さくなります。',
      en: 'Ten sigmoid layers: each derivative is at most 0.25, so the gradient shrinks at every layer and the input-side layers get gradients orders of magnitude smaller.',
    },
    config: config('deep-sigmoid', DEEP_MODEL),
  },
  {
    id: 'deep-relu-he',
    family: 'deep',
    name: { ja: '深い ReLU（10層, He）', en: 'Deep ReLU (10 layers, He)' },
    description: {
      ja: '同じ10層を ReLU と He 初期化にします。勾配の大きさが層をまたいでほぼ保たれます。',
      en: 'The same ten layers with ReLU and He initialization: the gradient keeps its size from layer to layer.',
    },
    config: config('deep-relu-he', { ...DEEP_MODEL, activation: 'relu', initializer: { kind: 'heNormal' } }),
  },
  {
    id: 'deep-batchnorm',
    family: 'deep',
    name: { ja: '深いシグモイド + バッチ正規化', en: 'Deep sigmoid + batch normalization' },
    description: {
      ja: '10層のシグモイドのまま、各層にバッチ正規化を入れます。各層の入力が整えられ、入力側の層まで勾配が届きます。',
      en: 'The ten sigmoid layers with batch normalization in each: every layer’s input is rescaled and the gradient reaches the input side.',
    },
    config: config('deep-batchnorm', { ...DEEP_MODEL, batchNorm: true }),
  },
  {
    id: 'deep-residual',
    family: 'deep',
    name: { ja: '深いシグモイド + 残差接続', en: 'Deep sigmoid + residual connections' },
    description: {
      ja: '10層のシグモイドに残差接続（恒等写像のスキップ）を加えます。勾配がスキップ経路をそのまま通るので、深くても入力側まで届きます。',
      en: 'The ten sigmoid layers with identity skips around each block: the gradient travels back along the skips undiminished.',
    },
    config: config('deep-residual', { ...DEEP_MODEL, residual: true }),
  },
  ...WORKSHOP_PRESETS,
  ...EXPLODING_PRESETS,
  ...TEXTBOOK_PRESETS,
  ...RECURRENT_PRESETS,
  ...PAPER_PRESETS,
];

export function getPreset(id: string): Preset | undefined {
  return PRESETS.find((p) => p.id === id);
}
