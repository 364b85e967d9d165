// The words the Japanese UI keeps in Latin letters (names of methods, people, file formats, units and keys),
// shared by every check that a Japanese screen or text has no English in it.

/** The Latin words a Japanese screen may show. */
export const LATIN_ALLOWED: ReadonlySet<string> = new Set(
  `Gradient Lab MNIST Fashion IDX ReLU Leaky ELU SELU GELU tanh Adam SGD RMSprop He Xavier Glorot LeCun Keras
   PNG SVG CSV PDF HTML JSON BN ln log exp max min softmax sigmoid wasm cpu webgpu tensorflow gpu WebGPU WebAssembly
   SIMD CUDA TensorFlow tfjs node Node GPU CPU L E W b x y z a k N U e i n s ms id ID Ctrl Esc Enter Space
   serve gradient lab kernels tape ops Electron Chromium linux darwin win x64 arm64 MIT Noto Sans JP libtensorflow
   Vulkan Metal Direct D NaN Infinity inf English Web en US Shift
   RNN IRNN LSTM GRU Linear float std lr update data makemore part Nielsen Bengio Ioffe Szegedy Klambauer et al
   Simard Frasconi Pascanu Mikolov Hochreiter Schmidhuber`.split(/\s+/),
);

/** Every word of two or more Latin letters in `text` that the Japanese UI may not show. */
export function englishWordsIn(text: string): string[] {
  return (text.match(/[A-Za-z][A-Za-z]+/g) ?? []).filter((w) => !LATIN_ALLOWED.has(w));
}
