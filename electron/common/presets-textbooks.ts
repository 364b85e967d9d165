// Presets that rebuild the gradient experiments of the textbooks students learn from, each citing chapter and
// figure, with what the lab cannot express said in the description:
//   - Nielsen, "Neural Networks and Deep Learning", chapter 5: [784, 30, 30, 30, 30, 10] sigmoid, ‖δˡ‖ per layer;
//   - 斎藤康毅『ゼロから作るDeep Learning』6章: activation histograms of 5 × 100 layers under four initial
//     weights (図6-10, 6-11, 6-13, 6-14) and the initializer comparison on MNIST (図6-15);
//   - Karpathy, "makemore part 3": 5 × (Linear → BatchNorm → tanh) with the gain 5/3;
//   - 『ゼロから作るDeep Learning ❷』6.1: the RNN's gradient through time exploding, vanishing and clipped
//     (presets-textbooks-rnn.ts).
// PUBLISHED holds the numbers the books print, shown beside the lab's own.
import type { ExperimentConfig, ModelConfig } from './config';
import type { Preset } from './presets';
import { TEXTBOOK_RNN_PRESETS } from './presets-textbooks-rnn';

function config(id: string, model: ModelConfig, t: { trainSize: number; epochs: number; batchSize: number; kind: 'sgd'; lr: number; probeEvery: number }): ExperimentConfig {
  return {
    preset: id,
    dataset: { kind: 'mnist', trainSize: t.trainSize, testSize: 10000 },
    model,
    optimizer: { kind: t.kind, learningRate: t.lr },
    training: { epochs: t.epochs, batchSize: t.batchSize, seed: 42, statsEvery: 1, histogramEvery: 50, probeEvery: t.probeEvery },
  };
}

const mlp = (widths: number[], activation: ModelConfig['activation'], initializer: ModelConfig['initializer'], batchNorm = false): ModelConfig => ({
  depth: widths.length,
  width: widths[0]!,
  widths,
  activation,
  initializer,
  batchNorm,
  residual: false,
});

/** 『ゼロから作るDeep Learning』6.2.2: 5 layers of 100 units (the book looks at 1000 inputs; here a probe of 100 per step). */
const ZERO_HIST = { trainSize: 1000, epochs: 1, batchSize: 100, kind: 'sgd', lr: 0.01, probeEvery: 1 } as const;
/** 6.2.4 (weight_init_compare.py): 4 × 100 ReLU, SGD 0.01, batch 128, 2000 iterations ≈ 4.3 epochs of 60 000. */
const ZERO_COMPARE = { trainSize: 60000, epochs: 5, batchSize: 128, kind: 'sgd', lr: 0.01, probeEvery: 20 } as const;
const FIVE = [100, 100, 100, 100, 100];
const FOUR = [100, 100, 100, 100];

/** Numbers the books print, for display beside the lab's. */
export const PUBLISHED = {
  /** Nielsen ch. 5, "The vanishing gradient problem": ‖δˡ‖ of the four hidden layers at initialization. */
  nielsenDeltaNorms: [0.003, 0.017, 0.07, 0.285],
} as const;

export const TEXTBOOK_PRESETS: readonly Preset[] = [
  {
    id: 'nielsen-ch5',
    family: 'textbooks',
    name: { ja: 'Nielsen 5章: [784, 30, 30, 30, 30, 10] シグモイド', en: 'Nielsen ch. 5: [784, 30, 30, 30, 30, 10] sigmoid' },
    description: {
      ja: 'Nielsen『Neural Networks and Deep Learning』5章「勾配消失問題」の図（隠れ層4層）。初期状態の各層の ‖δˡ‖ は入力側から 0.003, 0.017, 0.070, 0.285 と報告され、最初の層は最後の層の約100分の1の速さでしか学習しません。本と違う点: 重みは標準偏差 1/√n_in の正規分布を±2σで切ったもの（LeCun 初期化）、バイアスは0（本は N(0,1)）、出力層はソフトマックス（本はシグモイド＋交差エントロピー）。1000枚で SGD。',
      en: 'Nielsen, "Neural Networks and Deep Learning", chapter 5, "The vanishing gradient problem" (the four-hidden-layer figure): at the start ‖δˡ‖ of the hidden layers is reported as 0.003, 0.017, 0.070, 0.285 — the first layer learns about 100× slower than the last. Differences from the book: weights from a normal of std 1/√n_in truncated at ±2σ (LeCun), biases 0 (the book: N(0, 1)), a softmax output (the book: sigmoid with cross-entropy). SGD on 1000 images.',
    },
    config: config('nielsen-ch5', mlp([30, 30, 30, 30], 'sigmoid', { kind: 'lecunNormal' }), { trainSize: 1000, epochs: 30, batchSize: 10, kind: 'sgd', lr: 0.1, probeEvery: 20 }),
  },
  {
    id: 'zero-ch6-std1',
    family: 'textbooks',
    name: { ja: 'ゼロつく 6章: 標準偏差1（図6-10）', en: 'Deep Learning from Scratch ch. 6: std 1 (fig. 6-10)' },
    description: {
      ja: '『ゼロから作るDeep Learning』6.2.2 図6-10。シグモイド100ユニット×5層、重みは標準偏差1のガウス分布。アクティベーションが0と1に偏り、勾配消失が起こります。本はランダムな入力、ここではMNIST 1000枚。',
      en: '"Deep Learning from Scratch" (ゼロから作るDeep Learning) 6.2.2, fig. 6-10: five sigmoid layers of 100 units, weights from a Gaussian of std 1. The activations pile up at 0 and 1 and the gradient vanishes. The book feeds random input; here 1000 MNIST images.',
    },
    config: config('zero-ch6-std1', mlp(FIVE, 'sigmoid', { kind: 'randomNormal', mean: 0, std: 1 }), ZERO_HIST),
  },
  {
    id: 'zero-ch6-std001',
    family: 'textbooks',
    name: { ja: 'ゼロつく 6章: 標準偏差0.01（図6-11）', en: 'Deep Learning from Scratch ch. 6: std 0.01 (fig. 6-11)' },
    description: {
      ja: '『ゼロから作るDeep Learning』6.2.2 図6-11。同じ5層で重みの標準偏差を0.01にすると、アクティベーションが0.5付近に集中し、表現力が失われます。',
      en: '"Deep Learning from Scratch" 6.2.2, fig. 6-11: the same five layers with weights of std 0.01. The activations crowd around 0.5 and the layers lose their expressiveness.',
    },
    config: config('zero-ch6-std001', mlp(FIVE, 'sigmoid', { kind: 'randomNormal', mean: 0, std: 0.01 }), ZERO_HIST),
  },
  {
    id: 'zero-ch6-xavier',
    family: 'textbooks',
    name: { ja: 'ゼロつく 6章: Xavierの初期値（図6-13）', en: 'Deep Learning from Scratch ch. 6: Xavier (fig. 6-13)' },
    description: {
      ja: '『ゼロから作るDeep Learning』6.2.2 図6-13。Xavierの初期値（標準偏差 1/√n、n は前層のノード数）では各層のアクティベーションが広がりを保ちます。ここでは±2σで切った正規分布（LeCun 初期化、分散は同じ 1/n）。',
      en: '"Deep Learning from Scratch" 6.2.2, fig. 6-13: with the Xavier initial value (std 1/√n, n the previous layer’s nodes) every layer’s activations keep their spread. Here a normal truncated at ±2σ (LeCun initialization, the same variance 1/n).',
    },
    config: config('zero-ch6-xavier', mlp(FIVE, 'sigmoid', { kind: 'lecunNormal' }), ZERO_HIST),
  },
  {
    id: 'zero-ch6-he-relu',
    family: 'textbooks',
    name: { ja: 'ゼロつく 6章: ReLU と Heの初期値（図6-14）', en: 'Deep Learning from Scratch ch. 6: ReLU with He (fig. 6-14)' },
    description: {
      ja: '『ゼロから作るDeep Learning』6.2.3 図6-14。ReLU には Heの初期値（標準偏差 √(2/n)）。層が深くなってもアクティベーションの広がりが変わりません。ここでは±2σで切った正規分布。',
      en: '"Deep Learning from Scratch" 6.2.3, fig. 6-14: ReLU with the He initial value (std √(2/n)); the activations keep the same spread however deep. Here a normal truncated at ±2σ.',
    },
    config: config('zero-ch6-he-relu', mlp(FIVE, 'relu', { kind: 'heNormal' }), ZERO_HIST),
  },
  ...(
    [
      ['std001', { kind: 'randomNormal', mean: 0, std: 0.01 }, '標準偏差0.01', 'std 0.01'],
      ['xavier', { kind: 'lecunNormal' }, 'Xavierの初期値', 'Xavier'],
      ['he', { kind: 'heNormal' }, 'Heの初期値', 'He'],
    ] as const
  ).map(
    ([key, init, ja, en]): Preset => ({
      id: `zero-ch6-compare-${key}`,
      family: 'textbooks',
      name: { ja: `ゼロつく 6章 初期値の比較: ${ja}（図6-15）`, en: `Deep Learning from Scratch ch. 6 comparison: ${en} (fig. 6-15)` },
      description: {
        ja: `『ゼロから作るDeep Learning』6.2.4 図6-15（weight_init_compare.py）。ReLU 100ユニット×4層、SGD 学習率0.01、バッチ128、約2000回の更新で MNIST を学習し、${ja}を比べます。本では標準偏差0.01はほとんど学習せず、Heの初期値が最も速く学習します。`,
        en: `"Deep Learning from Scratch" 6.2.4, fig. 6-15 (weight_init_compare.py): four ReLU layers of 100 units, SGD at 0.01, batch 128, about 2000 updates on MNIST, here with ${en}. In the book std 0.01 hardly learns and He learns fastest.`,
      },
      config: config(`zero-ch6-compare-${key}`, mlp(FOUR, 'relu', init), ZERO_COMPARE),
    }),
  ),
  {
    id: 'makemore3-bn-tanh',
    family: 'textbooks',
    name: { ja: 'makemore 3: 5 × (Linear → BN → tanh)', en: 'makemore part 3: 5 × (Linear → BN → tanh)' },
    description: {
      ja: 'Karpathy「makemore part 3」の深い版を MNIST で。100ユニット×5層、各層で線形 → バッチ正規化 → tanh、SGD 0.1、バッチ32。重みは本家と同じく標準偏差 (5/3)/√n_in の正規分布（Kaiming の tanh 用の利得 5/3、PyTorch の kaiming_normal_ と同じ）。本家と違う点: 出力層にも同じ初期値を使い（本家は利得1で、後ろのバッチ正規化の γ を0.1倍）、出力層にはバッチ正規化を入れません。バッチ正規化の後なので、利得の違いは順伝播には効かず、勾配と update:data の大きさだけを変えます。',
      en: 'The deep network of Karpathy’s "makemore part 3" on MNIST: five layers of 100 units, each Linear → batch norm → tanh, SGD 0.1, batch 32. The weights are drawn as in the original: a normal of std (5/3)/√n_in (Kaiming’s gain 5/3 for tanh, PyTorch’s kaiming_normal_). Differences: the output layer gets the same init (the original: gain 1 with its batch norm’s γ × 0.1) and has no batch norm. Behind batch norm the gain does not change the forward pass, only the size of the gradients and of update:data.',
    },
    config: config('makemore3-bn-tanh', mlp(FIVE, 'tanh', { kind: 'kaimingTanh' }, true), { trainSize: 60000, epochs: 1, batchSize: 32, kind: 'sgd', lr: 0.1, probeEvery: 10 }),
  },
  ...TEXTBOOK_RNN_PRESETS,
];
