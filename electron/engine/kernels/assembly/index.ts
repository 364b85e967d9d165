// Gradient Lab's training kernels, in AssemblyScript (compiled to WebAssembly SIMD by scripts/build-kernels.ts;
// the binary is embedded in ../kernels-wasm.ts). Row-major float32 matrices; pointers are byte offsets into the
// memory the JS side imports. Everything here is plain arithmetic: the JS side (../../train/kernel-pass.ts) decides
// what to multiply.
//   dense.ts        gemm (a·b and aᵀ·b), transpose
//   sparse.ts       sparsify, spmm (the first layer's sparse batch)
//   elementwise.ts  biasAct, actBackward, colSums
//   reductions.ts   adam (with its sums), actStats
//   batchnorm.ts    bnForward, bnBackward (batch normalization in training mode), addInto (residual sums)
export { gemm, transpose } from './dense';
export { sparsify, spmm } from './sparse';
export { actBackward, biasAct, colSums } from './elementwise';
export { actStats, adam } from './reductions';
export { addInto, bnBackward, bnForward } from './batchnorm';

/** Where the JS side may start placing its arrays (after this module's own static data). */
export function heapBase(): usize {
  return __heap_base;
}
