// tfjs-backend-wasm 4.22 sends a BatchMatMul with transposeA/transposeB (every matMul of backprop) to a slow
// scalar loop instead of XNNPACK. This override transposes the operand explicitly (a cheap copy) and calls the
// original kernel without the flag, which takes the fast path. Results are the same matrix product; the test
// suite checks them against the cpu backend.
import * as tf from '@tensorflow/tfjs';
import '@tensorflow/tfjs-backend-wasm';

type KernelArgs = Parameters<tf.KernelFunc>[0];
type TensorInfo = tf.TensorInfo;
interface WasmBackendLike {
  disposeData(dataId: object): void;
}

let installed = false;

/** Replace the wasm BatchMatMul kernel once; safe to call repeatedly. Returns whether the override is active. */
export function installWasmMatMulOverride(): boolean {
  if (installed) return true;
  const original = tf.getKernel('BatchMatMul', 'wasm');
  const transpose = tf.getKernel('Transpose', 'wasm');
  if (!original || !transpose) return false;
  const explicitT = (x: TensorInfo, args: KernelArgs): TensorInfo => {
    const rank = x.shape.length;
    const perm = Array.from({ length: rank }, (_, i) => i);
    perm[rank - 2] = rank - 1;
    perm[rank - 1] = rank - 2;
    return transpose.kernelFunc({ inputs: { x }, backend: args.backend, attrs: { perm } }) as TensorInfo;
  };
  const kernelFunc = (args: KernelArgs): TensorInfo | TensorInfo[] => {
    const { transposeA, transposeB } = args.attrs as { transposeA: boolean; transposeB: boolean };
    if (!transposeA && !transposeB) return original.kernelFunc(args);
    const { a, b } = args.inputs as { a: TensorInfo; b: TensorInfo };
    const at = transposeA ? explicitT(a, args) : a;
    const bt = transposeB ? explicitT(b, args) : b;
    const out = original.kernelFunc({ ...args, inputs: { a: at, b: bt }, attrs: { ...args.attrs, transposeA: false, transposeB: false } });
    const backend = args.backend as unknown as WasmBackendLike;
    if (at !== a) backend.disposeData(at.dataId);
    if (bt !== b) backend.disposeData(bt.dataId);
    return out;
  };
  tf.unregisterKernel('BatchMatMul', 'wasm');
  tf.registerKernel({ kernelName: 'BatchMatMul', backendName: 'wasm', setupFunc: original.setupFunc, disposeFunc: original.disposeFunc, kernelFunc });
  installed = true;
  return true;
}
