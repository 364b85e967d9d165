// The classic papers on vanishing gradients, one preset per figure: each carries its citation, the paper's claim
// in one sentence, the setup matched as closely as the lab allows and every difference from the paper, and (for
// a pair) the preset it is set against. The claims themselves are checked on a run by paper-claims.ts.
import type { ExperimentConfig, ModelConfig } from './config';
import type { Preset } from './presets';
import { PAPER_RECURRENT_PRESETS } from './presets-papers-recurrent';

export interface PaperInfo {
  /** Authors, year and title, as cited. */
  citation: string;
  /** The figure or section reproduced. */
  figure: { ja: string; en: string };
  /** The claim in one sentence. */
  claim: { ja: string; en: string };
  /** How this setup differs from the paper's. */
  differences: { ja: string; en: string };
  /** The preset this one is set against (the other side of the paper's comparison), if any. */
  pairedWith?: string;
}

export interface PaperPreset extends Preset {
  paper: PaperInfo;
}

const GLOROT = 'Glorot, X. & Bengio, Y. (2010). Understanding the difficulty of training deep feedforward neural networks. AISTATS 2010.';
const HE = 'He, K., Zhang, X., Ren, S. & Sun, J. (2015). Delving deep into rectifiers: surpassing human-level performance on ImageNet classification. ICCV 2015.';
const IOFFE = 'Ioffe, S. & Szegedy, C. (2015). Batch normalization: accelerating deep network training by reducing internal covariate shift. ICML 2015.';
const KLAMBAUER = 'Klambauer, G., Unterthiner, T., Mayr, A. & Hochreiter, S. (2017). Self-normalizing neural networks. NeurIPS 2017.';

interface Setup {
  model: ModelConfig;
  optimizer: ExperimentConfig['optimizer'];
  trainSize: number;
  testSize: number;
  training: Omit<ExperimentConfig['training'], 'seed'>;
}

function config(id: string, s: Setup): ExperimentConfig {
  return { preset: id, dataset: { kind: 'mnist', trainSize: s.trainSize, testSize: s.testSize }, model: s.model, optimizer: s.optimizer, training: { ...s.training, seed: 42 } };
}

const mlp = (depth: number, width: number, activation: ModelConfig['activation'], initializer: ModelConfig['initializer'], batchNorm = false): ModelConfig => ({
  depth,
  width,
  activation,
  initializer,
  batchNorm,
  residual: false,
});

const GLOROT_SIGMOID: Setup = {
  model: mlp(4, 1000, 'sigmoid', { kind: 'standardUniform' }),
  optimizer: { kind: 'sgd', learningRate: 0.1 },
  trainSize: 10000,
  testSize: 1000,
  training: { epochs: 3, batchSize: 10, statsEvery: 10, histogramEvery: 100, probeEvery: 10 },
};
const GLOROT_TANH: Setup = { ...GLOROT_SIGMOID, model: mlp(5, 1000, 'tanh', { kind: 'standardUniform' }), training: { ...GLOROT_SIGMOID.training, epochs: 1 } };
const HE_DEEP: Setup = {
  model: mlp(30, 100, 'relu', { kind: 'glorotUniform' }),
  optimizer: { kind: 'momentum', learningRate: 0.01 },
  trainSize: 10000,
  testSize: 1000,
  training: { epochs: 3, batchSize: 64, statsEvery: 5, histogramEvery: 50, probeEvery: 10 },
};
const IOFFE_MLP: Setup = {
  model: mlp(3, 100, 'sigmoid', { kind: 'randomNormal', mean: 0, std: 0.1 }),
  optimizer: { kind: 'sgd', learningRate: 0.1 },
  trainSize: 60000,
  testSize: 10000,
  training: { epochs: 2, batchSize: 60, statsEvery: 10, histogramEvery: 100, probeEvery: 5 },
};

const GLOROT_DIFF = {
  ja: '論文は Shapeset-3×2 などで数万〜数百万ステップ学習しています。ここでは MNIST の1万枚、3 000 ステップ（3エポック）で、学習率 0.1 は論文の探索範囲から選んだ一つの値です。',
  en: 'The paper trains on Shapeset-3×2 (and MNIST, CIFAR-10) for far more steps; here MNIST, 10 000 images, 3 000 steps (3 epochs), and a learning rate of 0.1 picked from the paper’s search range.',
};

const GLOROT_TANH_DIFF = {
  ja: '論文は Shapeset-3×2 などで数万〜数百万ステップ学習しています。ここでは MNIST の1万枚、1 000 ステップ（1エポック）で、主張は学習開始時の勾配で確かめます。学習率 0.1 は論文の探索範囲から選んだ一つの値です。',
  en: 'The paper trains on Shapeset-3×2 (and MNIST, CIFAR-10) for far more steps; here MNIST, 10 000 images, 1 000 steps (1 epoch), the claim read on the gradients at the start of training, and a learning rate of 0.1 picked from the paper’s search range.',
};

export const PAPER_PRESETS: readonly PaperPreset[] = [
  {
    id: 'papers-glorot-sigmoid',
    family: 'papers',
    name: { ja: '論文: Glorot & Bengio 2010（シグモイドの飽和）', en: 'Paper: Glorot & Bengio 2010 (sigmoid saturation)' },
    description: {
      ja: '隠れ層 1 000 ユニット × 4 層のシグモイドを、当時標準の U[−1/√n, 1/√n] で初期化して SGD（バッチ10）で学習します。最上位の隠れ層の平均出力が 0.5 から 0 近くまで落ち込み、下の層は 0.5 付近にとどまります。',
      en: 'Four sigmoid layers of 1 000 units, the then-standard U[−1/√n, 1/√n] initialization, SGD with batches of 10: the top hidden layer’s mean activation falls from 0.5 towards 0 while the lower layers stay near 0.5.',
    },
    config: config('papers-glorot-sigmoid', GLOROT_SIGMOID),
    paper: {
      citation: GLOROT,
      figure: { ja: '図2（層ごとの平均活性の推移）', en: 'Figure 2 (mean activation per layer over training)' },
      claim: {
        ja: '標準的な初期化のシグモイドネットワークでは、最上位の隠れ層が学習の初期に 0 側へ飽和し、下の層は 0.5 付近にとどまる。',
        en: 'With standard initialization, the top hidden layer of a sigmoid network saturates towards 0 early in training while the lower layers stay around 0.5.',
      },
      differences: GLOROT_DIFF,
    },
  },
  {
    id: 'papers-glorot-tanh-standard',
    family: 'papers',
    name: { ja: '論文: Glorot & Bengio 2010（tanh, 標準初期化）', en: 'Paper: Glorot & Bengio 2010 (tanh, standard init)' },
    description: {
      ja: 'tanh の 1 000 ユニット × 5 層を標準の U[−1/√n, 1/√n] で初期化します。逆伝播する勾配（δ）は入力側の層ほど小さくなります。正規化初期化のプリセットと並べて見てください。',
      en: 'Five tanh layers of 1 000 units with the standard U[−1/√n, 1/√n]: the back-propagated gradient (δ) gets smaller towards the input. Set it beside the normalized-initialization preset.',
    },
    config: config('papers-glorot-tanh-standard', GLOROT_TANH),
    paper: {
      citation: GLOROT,
      figure: { ja: '図7 上（標準初期化での逆伝播勾配のヒストグラム）', en: 'Figure 7, top (back-propagated gradients, standard initialization)' },
      claim: {
        ja: '標準的な初期化では、逆伝播する勾配の大きさが入力側の層へ向かうにつれて小さくなる。',
        en: 'With standard initialization, the back-propagated gradients get smaller as they travel towards the input layer.',
      },
      differences: GLOROT_TANH_DIFF,
      pairedWith: 'papers-glorot-tanh-xavier',
    },
  },
  {
    id: 'papers-glorot-tanh-xavier',
    family: 'papers',
    name: { ja: '論文: Glorot & Bengio 2010（tanh, 正規化初期化）', en: 'Paper: Glorot & Bengio 2010 (tanh, normalized init)' },
    description: {
      ja: '同じ tanh の5層を、論文が提案した正規化初期化（Xavier: U[±√(6/(n_in+n_out))]）にします。逆伝播する勾配の大きさが層をまたいでほぼ保たれます。',
      en: 'The same five tanh layers with the paper’s normalized (“Xavier”) initialization U[±√(6/(n_in+n_out))]: the back-propagated gradient keeps its size from layer to layer.',
    },
    config: config('papers-glorot-tanh-xavier', { ...GLOROT_TANH, model: { ...GLOROT_TANH.model, initializer: { kind: 'glorotUniform' } } }),
    paper: {
      citation: GLOROT,
      figure: { ja: '図7 下（正規化初期化での逆伝播勾配のヒストグラム）', en: 'Figure 7, bottom (back-propagated gradients, normalized initialization)' },
      claim: {
        ja: '正規化初期化では、逆伝播する勾配の大きさが層をまたいでほぼ一定に保たれる。',
        en: 'With normalized initialization, the back-propagated gradients keep about the same size across layers.',
      },
      differences: GLOROT_TANH_DIFF,
      pairedWith: 'papers-glorot-tanh-standard',
    },
  },
  {
    id: 'papers-he-xavier',
    family: 'papers',
    name: { ja: '論文: He ほか 2015（30層 ReLU, Xavier 初期化）', en: 'Paper: He et al. 2015 (30-layer ReLU, Xavier init)' },
    description: {
      ja: 'ReLU の隠れ層を30層重ね、Xavier 初期化にします。ReLU は信号の半分を0にするので、1層ごとに分散が半分になり、30層で約 2⁻³⁰ 倍。出力も勾配も消え、損失は ln 10 から動きません。',
      en: 'Thirty ReLU layers with Xavier initialization: ReLU zeroes half the signal, so each layer halves its variance — 2⁻³⁰ over 30 layers. Outputs and gradients vanish and the loss stays at ln 10.',
    },
    config: config('papers-he-xavier', HE_DEEP),
    paper: {
      citation: HE,
      figure: { ja: '図3（30層のネットワーク: Xavier は学習が止まり、提案法は収束する）', en: 'Figure 3 (30-layer net: Xavier stalls, the proposed initialization converges)' },
      claim: {
        ja: '30層の ReLU ネットワークは、Xavier 初期化（層ごとの係数1）では学習が止まり、He 初期化（係数 ½ を補う）では学習が進む。',
        en: 'A 30-layer ReLU network stalls with Xavier initialization (a factor 1 per layer) and trains with He initialization, which makes up for ReLU’s factor ½.',
      },
      differences: {
        ja: '論文は ImageNet の畳み込みネットワーク（22層と30層）です。ここでは MNIST の1万枚、幅100の全結合30層、モーメンタム SGD（学習率 0.01）で約 470 ステップです。',
        en: 'The paper uses convolutional nets (22 and 30 layers) on ImageNet; here 30 fully connected layers of 100 units on 10 000 MNIST images, momentum SGD (learning rate 0.01), about 470 steps.',
      },
      pairedWith: 'papers-he-he',
    },
  },
  {
    id: 'papers-he-he',
    family: 'papers',
    name: { ja: '論文: He ほか 2015（30層 ReLU, He 初期化）', en: 'Paper: He et al. 2015 (30-layer ReLU, He init)' },
    description: {
      ja: '同じ30層の ReLU を He 初期化（分散 2/n）にします。各層の分散が保たれ、入力側の層まで勾配が届いて学習が進みます。',
      en: 'The same thirty ReLU layers with He initialization (variance 2/n): each layer keeps the variance, the gradient reaches the first layer and the network learns.',
    },
    config: config('papers-he-he', { ...HE_DEEP, model: { ...HE_DEEP.model, initializer: { kind: 'heNormal' } } }),
    paper: {
      citation: HE,
      figure: { ja: '図3（30層のネットワーク）', en: 'Figure 3 (30-layer net)' },
      claim: {
        ja: 'He 初期化では、30層の ReLU ネットワークでも学習が進む。',
        en: 'With He initialization, even a 30-layer ReLU network trains.',
      },
      differences: {
        ja: '論文は ImageNet の畳み込みネットワークです。ここでは MNIST の1万枚、幅100の全結合30層、モーメンタム SGD（学習率 0.01）で約 470 ステップです。',
        en: 'The paper uses convolutional nets on ImageNet; here 30 fully connected layers of 100 units on 10 000 MNIST images, momentum SGD (learning rate 0.01), about 470 steps.',
      },
      pairedWith: 'papers-he-xavier',
    },
  },
  {
    id: 'papers-ioffe-plain',
    family: 'papers',
    name: { ja: '論文: Ioffe & Szegedy 2015（バッチ正規化なし）', en: 'Paper: Ioffe & Szegedy 2015 (without batch norm)' },
    description: {
      ja: 'MNIST、シグモイドの隠れ層 100 ユニット × 3 層、小さな正規分布の初期値、バッチ60。最後の隠れ層のシグモイドへの入力の分布（15・50・85 パーセンタイル）が学習中に動いていきます。',
      en: 'MNIST, three sigmoid layers of 100 units, small Gaussian initial weights, batches of 60: the distribution of the last hidden layer’s sigmoid inputs (15th, 50th, 85th percentiles) drifts during training.',
    },
    config: config('papers-ioffe-plain', IOFFE_MLP),
    paper: {
      citation: IOFFE,
      figure: { ja: '図1（a: テスト精度, b・c: 最後の隠れ層の入力分布）', en: 'Figure 1 (a: test accuracy; b, c: the last hidden layer’s input distribution)' },
      claim: {
        ja: 'バッチ正規化がないと、最後の隠れ層のシグモイドへの入力の分布が学習中に大きく動き、学習も遅い。',
        en: 'Without batch normalization, the distribution of the last hidden layer’s sigmoid inputs shifts a lot during training, and training is slower.',
      },
      differences: {
        ja: '論文は5万ステップ学習します。ここでは 2 000 ステップ（2エポック）、学習率 0.1 の SGD です。初期値は論文の「小さな正規分布」を標準偏差 0.1 としました。',
        en: 'The paper trains for 50 000 steps; here 2 000 steps (2 epochs) of SGD with learning rate 0.1, and the paper’s “small random Gaussian values” taken as standard deviation 0.1.',
      },
      pairedWith: 'papers-ioffe-bn',
    },
  },
  {
    id: 'papers-ioffe-bn',
    family: 'papers',
    name: { ja: '論文: Ioffe & Szegedy 2015（バッチ正規化あり）', en: 'Paper: Ioffe & Szegedy 2015 (with batch norm)' },
    description: {
      ja: '同じネットワークの各隠れ層のシグモイドの手前にバッチ正規化を入れます。入力の分布が安定し、テスト精度がずっと早く上がります。',
      en: 'The same network with batch normalization before each hidden sigmoid: the input distribution stays put and the test accuracy rises much sooner.',
    },
    config: config('papers-ioffe-bn', { ...IOFFE_MLP, model: { ...IOFFE_MLP.model, batchNorm: true } }),
    paper: {
      citation: IOFFE,
      figure: { ja: '図1（a: テスト精度, c: バッチ正規化ありの入力分布）', en: 'Figure 1 (a: test accuracy; c: the input distribution with batch norm)' },
      claim: {
        ja: 'バッチ正規化を入れると学習が速くなり、最後の隠れ層のシグモイドへの入力の分布が学習中ほとんど動かない。',
        en: 'With batch normalization the network trains faster, and the distribution of the last hidden layer’s sigmoid inputs stays stable during training.',
      },
      differences: {
        ja: '論文は5万ステップ学習します。ここでは 2 000 ステップ（2エポック）、学習率 0.1 の SGD です。推論時の移動平均の係数は 0.9 です（Keras は 0.99）。',
        en: 'The paper trains for 50 000 steps; here 2 000 steps (2 epochs) of SGD with learning rate 0.1. The inference moving averages use momentum 0.9 (Keras: 0.99).',
      },
      pairedWith: 'papers-ioffe-plain',
    },
  },
  {
    id: 'papers-klambauer-selu',
    family: 'papers',
    name: { ja: '論文: Klambauer ほか 2017（SELU, 32層）', en: 'Paper: Klambauer et al. 2017 (SELU, 32 layers)' },
    description: {
      ja: 'SELU の隠れ層を32層重ね、LeCun 正規初期化（分散 1/n）にします。深い層の出力は平均0・分散1の近くに引き寄せられ、そこにとどまります。',
      en: 'Thirty-two SELU layers with LeCun normal initialization (variance 1/n): the deeper layers’ outputs are drawn to mean 0, variance 1 and stay there.',
    },
    config: config('papers-klambauer-selu', {
      model: mlp(32, 128, 'selu', { kind: 'lecunNormal' }),
      optimizer: { kind: 'sgd', learningRate: 0.01 },
      trainSize: 10000,
      testSize: 1000,
      training: { epochs: 2, batchSize: 128, statsEvery: 5, histogramEvery: 50, probeEvery: 10 },
    }),
    paper: {
      citation: KLAMBAUER,
      figure: { ja: '定理1 と図2（平均・分散の写像の不動点 (0, 1)）', en: 'Theorem 1 and Figure 2 (the mean/variance map’s fixed point (0, 1))' },
      claim: {
        ja: 'SELU と LeCun 正規初期化の組み合わせでは、活性が層を重ねても平均0・分散1の近くに保たれる（自己正規化）。',
        en: 'With SELU and LeCun normal initialization, activations stay near mean 0 and variance 1 through many layers (self-normalization).',
      },
      differences: {
        ja: '論文は入力を平均0・分散1に標準化し、UCI の121データセットなどで評価しています。ここでは MNIST の画素（0〜1）をそのまま入れるので、最初の数層は不動点へ向かう途中です。幅128、32層、SGD（学習率 0.01）、約 160 ステップです。',
        en: 'The paper standardizes its inputs to mean 0, variance 1 and evaluates on 121 UCI sets and more; here raw MNIST pixels (0–1) go in, so the first few layers are still on their way to the fixed point. 32 layers of 128 units, SGD (learning rate 0.01), about 160 steps.',
      },
    },
  },
  ...PAPER_RECURRENT_PRESETS,
];

export function getPaperPreset(id: string): PaperPreset | undefined {
  return PAPER_PRESETS.find((p) => p.id === id);
}
