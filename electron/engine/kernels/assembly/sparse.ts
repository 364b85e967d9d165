// The sparse first layer: a batch of MNIST images is four-fifths exact zeros. sparsify() compresses the batch by
// rows (for x·W) and by columns (for xᵀ·δ); spmm() multiplies a compressed matrix by a dense one. Skipping exact
// zeros changes no sum, only its order.
import { fma4 } from './simd';

/** C[R×N] (= or +=) S·B, S in compressed rows: row r's entries are idx/val[ptr[r] … ptr[r+1]). */
export function spmm(ptr: usize, idx: usize, val: usize, b: usize, c: usize, R: i32, N: i32, acc: bool): void {
  const ld = <usize>N << 2;
  for (let r = 0; r < R; r++) {
    const e0 = load<i32>(ptr + (<usize>r << 2));
    const e1 = load<i32>(ptr + (<usize>r << 2), 4);
    const cr = c + <usize>r * ld;
    let j = 0;
    // 32 columns at a time (eight accumulators), then 4 and 1: each pass re-reads the row's entries.
    for (; j + 32 <= N; j += 32) {
      let s0 = f32x4.splat(0), s1 = f32x4.splat(0), s2 = f32x4.splat(0), s3 = f32x4.splat(0);
      let s4 = f32x4.splat(0), s5 = f32x4.splat(0), s6 = f32x4.splat(0), s7 = f32x4.splat(0);
      const bj = b + (<usize>j << 2);
      for (let e = e0; e < e1; e++) {
        const x = f32x4.splat(load<f32>(val + (<usize>e << 2)));
        const pb = bj + <usize>load<i32>(idx + (<usize>e << 2)) * ld;
        s0 = fma4(s0, x, v128.load(pb));
        s1 = fma4(s1, x, v128.load(pb, 16));
        s2 = fma4(s2, x, v128.load(pb, 32));
        s3 = fma4(s3, x, v128.load(pb, 48));
        s4 = fma4(s4, x, v128.load(pb, 64));
        s5 = fma4(s5, x, v128.load(pb, 80));
        s6 = fma4(s6, x, v128.load(pb, 96));
        s7 = fma4(s7, x, v128.load(pb, 112));
      }
      const pc = cr + (<usize>j << 2);
      if (acc) {
        s0 = f32x4.add(s0, v128.load(pc));
        s1 = f32x4.add(s1, v128.load(pc, 16));
        s2 = f32x4.add(s2, v128.load(pc, 32));
        s3 = f32x4.add(s3, v128.load(pc, 48));
        s4 = f32x4.add(s4, v128.load(pc, 64));
        s5 = f32x4.add(s5, v128.load(pc, 80));
        s6 = f32x4.add(s6, v128.load(pc, 96));
        s7 = f32x4.add(s7, v128.load(pc, 112));
      }
      v128.store(pc, s0);
      v128.store(pc, s1, 16);
      v128.store(pc, s2, 32);
      v128.store(pc, s3, 48);
      v128.store(pc, s4, 64);
      v128.store(pc, s5, 80);
      v128.store(pc, s6, 96);
      v128.store(pc, s7, 112);
    }
    for (; j + 4 <= N; j += 4) {
      let s0 = f32x4.splat(0);
      const bj = b + (<usize>j << 2);
      for (let e = e0; e < e1; e++) {
        const x = f32x4.splat(load<f32>(val + (<usize>e << 2)));
        s0 = fma4(s0, x, v128.load(bj + <usize>load<i32>(idx + (<usize>e << 2)) * ld));
      }
      const pc = cr + (<usize>j << 2);
      if (acc) s0 = f32x4.add(s0, v128.load(pc));
      v128.store(pc, s0);
    }
    for (; j < N; j++) {
      let s: f32 = 0;
      const bj = b + (<usize>j << 2);
      for (let e = e0; e < e1; e++) s += load<f32>(val + (<usize>e << 2)) * load<f32>(bj + <usize>load<i32>(idx + (<usize>e << 2)) * ld);
      const pc = cr + (<usize>j << 2);
      store<f32>(pc, acc ? load<f32>(pc) + s : s);
    }
  }
}

/**
 * Compress a dense [n×K] matrix x twice: by rows (rowPtr[n+1], rowIdx, rowVal: x·W through spmm) and by columns
 * (colPtr[K+1], colIdx, colVal: xᵀ·δ through spmm). Entries keep ascending order. Returns the number of nonzeros.
 */
export function sparsify(x: usize, n: i32, K: i32, rowPtr: usize, rowIdx: usize, rowVal: usize, colPtr: usize, colIdx: usize, colVal: usize): i32 {
  memory.fill(colPtr, 0, (<usize>K + 1) << 2);
  let nz = 0;
  store<i32>(rowPtr, 0);
  for (let r = 0; r < n; r++) {
    const xr = x + ((<usize>r * <usize>K) << 2);
    let k = 0;
    for (; k < K; k++) {
      // Sixteen or four at a time while all are +0 (images are mostly runs of zeros); one at a time otherwise.
      if ((k & 3) == 0) {
        const p = xr + (<usize>k << 2);
        if (k + 16 <= K && !v128.any_true(v128.or(v128.or(v128.load(p), v128.load(p, 16)), v128.or(v128.load(p, 32), v128.load(p, 48))))) {
          k += 15;
          continue;
        }
        if (k + 4 <= K && !v128.any_true(v128.load(p))) {
          k += 3;
          continue;
        }
      }
      const v = load<f32>(xr + (<usize>k << 2));
      if (v != 0) {
        store<i32>(rowIdx + (<usize>nz << 2), k);
        store<f32>(rowVal + (<usize>nz << 2), v);
        nz++;
        const pc = colPtr + ((<usize>k + 1) << 2);
        store<i32>(pc, load<i32>(pc) + 1);
      }
    }
    store<i32>(rowPtr + ((<usize>r + 1) << 2), nz);
  }
  // Prefix sums give each column's start; colPtr[k] then walks forward as entries are placed, ending at the next
  // column's start, so one shift at the end restores the starts.
  for (let k = 0; k < K; k++) store<i32>(colPtr + ((<usize>k + 1) << 2), load<i32>(colPtr + ((<usize>k + 1) << 2)) + load<i32>(colPtr + (<usize>k << 2)));
  for (let r = 0; r < n; r++) {
    const e0 = load<i32>(rowPtr + (<usize>r << 2));
    const e1 = load<i32>(rowPtr + ((<usize>r + 1) << 2));
    for (let e = e0; e < e1; e++) {
      const k = load<i32>(rowIdx + (<usize>e << 2));
      const pc = colPtr + (<usize>k << 2);
      const slot = load<i32>(pc);
      store<i32>(colIdx + (<usize>slot << 2), r);
      store<f32>(colVal + (<usize>slot << 2), load<f32>(rowVal + (<usize>e << 2)));
      store<i32>(pc, slot + 1);
    }
  }
  for (let k = K; k > 0; k--) store<i32>(colPtr + (<usize>k << 2), load<i32>(colPtr + ((<usize>k - 1) << 2)));
  store<i32>(colPtr, 0);
  return nz;
}
