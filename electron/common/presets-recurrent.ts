// The recurrent presets: each cell (tanh RNN, IRNN, LSTM with forget-gate bias 1 and with 0, GRU) on the adding
// problem with T = 100 (where the vanishing gradient through time stays visible) and on MNIST read row by row
// (28 steps), with the settings of the reference measurement: hidden 128, Adam 1e-3, batch 50, clip-norm 1.
// The model block mirrors the recurrent layer (one layer of `hidden` units) for History's columns.
import type { ExperimentConfig, RecurrentCell } from './config';
import type { Preset } from './presets';

const HIDDEN = 128;

function config(id: string, cell: RecurrentCell, task: 'adding' | 'mnist', forgetBias = 1): ExperimentConfig {
  return {
    preset: id,
    dataset: task === 'adding' ? { kind: 'adding', length: 100, trainSize: 10000, testSize: 1000 } : { kind: 'mnist', trainSize: 60000, testSize: 10000 },
    model: { depth: 1, width: HIDDEN, activation: cell === 'irnn' ? 'relu' : 'tanh', initializer: { kind: 'glorotUniform' }, batchNorm: false, residual: false },
    optimizer: { kind: 'adam', learningRate: 1e-3, clip: { kind: 'norm', threshold: 1 } },
    training: { epochs: task === 'adding' ? 10 : 2, batchSize: 50, seed: 42, statsEvery: 5, histogramEvery: 0 },
    recurrent: { cell, hidden: HIDDEN, forgetBias },
  };
}

const preset = (id: string, cell: RecurrentCell, task: 'adding' | 'mnist', name: Preset['name'], description: Preset['description'], forgetBias = 1): Preset => ({
  id,
  family: 'recurrent',
  name,
  description,
  config: config(id, cell, task, forgetBias),
});

export const RECURRENT_PRESETS: readonly Preset[] = [
  preset('adding-rnn', 'rnn', 'adding', { ja: '加算問題 T=100: tanh RNN', en: 'Adding problem T=100: tanh RNN' }, {
    ja: '100ステップ前の値を覚えておく必要がある課題です。tanh RNN では逆伝播のたびに W_hh·tanh′ が掛かって勾配が時間をさかのぼるほど消え、誤差は平均を答えるだけの約0.17から下がりません。',
    en: 'The answer depends on values up to 100 steps back. In the tanh RNN every step back multiplies the gradient by W_hh·tanh′, so early steps get almost no signal and the error stays at the trivial ≈ 0.17.',
  }),
  preset('adding-irnn', 'irnn', 'adding', { ja: '加算問題 T=100: IRNN（ReLU + 単位行列）', en: 'Adding problem T=100: IRNN (ReLU, identity)' }, {
    ja: '再帰重みを単位行列、活性化を ReLU にします。正の領域では掛かる係数がほぼ1なので、勾配が消えにくくなる一方、1を超えると爆発しやすくなります。',
    en: 'Identity recurrent weights with ReLU: on the positive side each step back multiplies by about 1, so the signal survives longer, but factors above 1 can make it explode.',
  }),
  preset('adding-lstm', 'lstm', 'adding', { ja: '加算問題 T=100: LSTM（忘却ゲートのバイアス1）', en: 'Adding problem T=100: LSTM (forget-gate bias 1)' }, {
    ja: 'セル状態は c_t = f·c_{t−1} + i·g と足し算で更新されるので、忘却ゲート f が1に近い間は勾配がほぼそのまま過去へ届きます。バイアス1（Keras と同じ）で始めると学習が始まります。',
    en: 'The cell state is updated additively, c_t = f·c_{t−1} + i·g, so while the forget gate f is near 1 the gradient reaches early steps almost intact; starting its bias at 1, as Keras does, lets learning begin.',
  }),
  preset('adding-lstm-bias0', 'lstm', 'adding', { ja: '加算問題 T=100: LSTM（忘却ゲートのバイアス0）', en: 'Adding problem T=100: LSTM (forget-gate bias 0)' }, {
    ja: '同じ LSTM で忘却ゲートのバイアスを0（PyTorch の初期値）にします。f ≈ 0.5 から始まるので、足し算の経路でも1ステップごとに勾配が半分になり、学習の開始が遅れます。',
    en: 'The same LSTM with the forget-gate bias at 0 (PyTorch’s default): f starts near 0.5, so even the additive path halves the gradient at every step and learning starts much later.',
  }, 0),
  preset('adding-gru', 'gru', 'adding', { ja: '加算問題 T=100: GRU', en: 'Adding problem T=100: GRU' }, {
    ja: 'GRU は h_t = (1−z)·n + z·h_{t−1} と、更新ゲート z で前の状態をそのまま持ち越せます。勾配が過去まで届き、加算問題を解けます。',
    en: 'The GRU carries its state over with the update gate, h_t = (1−z)·n + z·h_{t−1}, so the gradient reaches early steps and it solves the adding problem.',
  }),
  preset('mnist-rows-rnn', 'rnn', 'mnist', { ja: 'MNIST を1行ずつ: tanh RNN', en: 'MNIST row by row: tanh RNN' }, {
    ja: '画像を28行に分けて1行ずつ読ませます。初期状態では1行目に届く勾配が28行目の1億分の1ほどしかありませんが、28ステップと短いため学習が進むと回復します。',
    en: 'The digit is read one row per step. At initialization the first row gets a gradient about 10⁻⁷ of the last row’s, but with only 28 steps it recovers once training gets going.',
  }),
  preset('mnist-rows-irnn', 'irnn', 'mnist', { ja: 'MNIST を1行ずつ: IRNN', en: 'MNIST row by row: IRNN' }, {
    ja: '単位行列で初期化した ReLU の RNN です。初期状態から勾配が過去の行まで大きく減らずに届く様子を tanh RNN と比べられます。',
    en: 'The ReLU RNN started at the identity: compare with the tanh RNN how much more of the gradient reaches the first rows from the start.',
  }),
  preset('mnist-rows-lstm', 'lstm', 'mnist', { ja: 'MNIST を1行ずつ: LSTM', en: 'MNIST row by row: LSTM' }, {
    ja: 'LSTM（忘却ゲートのバイアス1）では、初期状態でも1行目に届く勾配が tanh RNN より数桁大きくなります。ゲートの足し算の経路が信号を保つためです。',
    en: 'With the LSTM (forget-gate bias 1) the first row receives orders of magnitude more gradient than in the tanh RNN at initialization: the gate’s additive path keeps the signal.',
  }),
  preset('mnist-rows-gru', 'gru', 'mnist', { ja: 'MNIST を1行ずつ: GRU', en: 'MNIST row by row: GRU' }, {
    ja: 'GRU も更新ゲートで状態を持ち越すので、時間ステップごとの勾配のグラフが tanh RNN より平らになります。',
    en: 'The GRU also carries its state through the update gate, so its gradient-against-time curve is much flatter than the tanh RNN’s.',
  }),
];
