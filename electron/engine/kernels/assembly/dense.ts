// Dense matrix products: C[M×N] (= or +=) A·B, A's element (i, k) at a + 4·(i·rs + k·ks). rs = K, ks = 1 reads A
// as stored; rs = 1, ks = (A's row length) reads it transposed, so one kernel gives x·W and the weight gradient
// xᵀ·δ without a transposed copy. 4 × 8 register tiles (eight f32x4 accumulators), then 1 × 4 and 1 × 1 edges.
import { fma4 } from './simd';

/** 4 rows × 8 columns of C. */
@inline function tile4x8(a: usize, rs: usize, ks: usize, b: usize, ldb: usize, c: usize, ldc: usize, K: i32, acc: bool): void {
  let c00 = f32x4.splat(0), c01 = f32x4.splat(0), c10 = f32x4.splat(0), c11 = f32x4.splat(0);
  let c20 = f32x4.splat(0), c21 = f32x4.splat(0), c30 = f32x4.splat(0), c31 = f32x4.splat(0);
  let pa = a;
  let pb = b;
  for (let k = 0; k < K; k++) {
    const b0 = v128.load(pb);
    const b1 = v128.load(pb, 16);
    const x0 = f32x4.splat(load<f32>(pa));
    const x1 = f32x4.splat(load<f32>(pa + rs));
    const x2 = f32x4.splat(load<f32>(pa + 2 * rs));
    const x3 = f32x4.splat(load<f32>(pa + 3 * rs));
    c00 = fma4(c00, x0, b0);
    c01 = fma4(c01, x0, b1);
    c10 = fma4(c10, x1, b0);
    c11 = fma4(c11, x1, b1);
    c20 = fma4(c20, x2, b0);
    c21 = fma4(c21, x2, b1);
    c30 = fma4(c30, x3, b0);
    c31 = fma4(c31, x3, b1);
    pa += ks;
    pb += ldb;
  }
  if (acc) {
    c00 = f32x4.add(c00, v128.load(c));
    c01 = f32x4.add(c01, v128.load(c, 16));
    c10 = f32x4.add(c10, v128.load(c + ldc));
    c11 = f32x4.add(c11, v128.load(c + ldc, 16));
    c20 = f32x4.add(c20, v128.load(c + 2 * ldc));
    c21 = f32x4.add(c21, v128.load(c + 2 * ldc, 16));
    c30 = f32x4.add(c30, v128.load(c + 3 * ldc));
    c31 = f32x4.add(c31, v128.load(c + 3 * ldc, 16));
  }
  v128.store(c, c00);
  v128.store(c, c01, 16);
  v128.store(c + ldc, c10);
  v128.store(c + ldc, c11, 16);
  v128.store(c + 2 * ldc, c20);
  v128.store(c + 2 * ldc, c21, 16);
  v128.store(c + 3 * ldc, c30);
  v128.store(c + 3 * ldc, c31, 16);
}

/** 1 row × 4 columns of C. */
@inline function tile1x4(a: usize, ks: usize, b: usize, ldb: usize, c: usize, K: i32, acc: bool): void {
  let c0 = f32x4.splat(0);
  let pa = a;
  let pb = b;
  for (let k = 0; k < K; k++) {
    c0 = fma4(c0, f32x4.splat(load<f32>(pa)), v128.load(pb));
    pa += ks;
    pb += ldb;
  }
  if (acc) c0 = f32x4.add(c0, v128.load(c));
  v128.store(c, c0);
}

/** 1 row × 1 column of C. */
@inline function tile1x1(a: usize, ks: usize, b: usize, ldb: usize, c: usize, K: i32, acc: bool): void {
  let s: f32 = 0;
  let pa = a;
  let pb = b;
  for (let k = 0; k < K; k++) {
    s += load<f32>(pa) * load<f32>(pb);
    pa += ks;
    pb += ldb;
  }
  store<f32>(c, acc ? load<f32>(c) + s : s);
}

export function gemm(a: usize, rs: i32, ks: i32, b: usize, c: usize, M: i32, K: i32, N: i32, acc: bool): void {
  const rsb = <usize>rs << 2;
  const ksb = <usize>ks << 2;
  const ld = <usize>N << 2;
  let i = 0;
  for (; i + 4 <= M; i += 4) {
    const ai = a + <usize>i * rsb;
    const ci = c + <usize>i * ld;
    let j = 0;
    for (; j + 8 <= N; j += 8) tile4x8(ai, rsb, ksb, b + (<usize>j << 2), ld, ci + (<usize>j << 2), ld, K, acc);
    for (; j + 4 <= N; j += 4) {
      for (let r = 0; r < 4; r++) tile1x4(ai + <usize>r * rsb, ksb, b + (<usize>j << 2), ld, ci + <usize>r * ld + (<usize>j << 2), K, acc);
    }
    for (; j < N; j++) {
      for (let r = 0; r < 4; r++) tile1x1(ai + <usize>r * rsb, ksb, b + (<usize>j << 2), ld, ci + <usize>r * ld + (<usize>j << 2), K, acc);
    }
  }
  for (; i < M; i++) {
    const ai = a + <usize>i * rsb;
    const ci = c + <usize>i * ld;
    let j = 0;
    for (; j + 4 <= N; j += 4) tile1x4(ai, ksb, b + (<usize>j << 2), ld, ci + (<usize>j << 2), K, acc);
    for (; j < N; j++) tile1x1(ai, ksb, b + (<usize>j << 2), ld, ci + (<usize>j << 2), K, acc);
  }
}

/** dst[C×R] = srcᵀ for src[R×C]. */
export function transpose(src: usize, dst: usize, R: i32, C: i32): void {
  for (let r = 0; r < R; r++) {
    for (let c = 0; c < C; c++) store<f32>(dst + ((<usize>c * <usize>R + <usize>r) << 2), load<f32>(src + ((<usize>r * <usize>C + <usize>c) << 2)));
  }
}
