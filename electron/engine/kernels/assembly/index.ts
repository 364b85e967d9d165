// Gradient Lab's training kernels, in AssemblyScript (compiled to WebAssembly SIMD by scripts/build-kernels.js;
// the binary is embedded in ../kernels-wasm.ts). Row-major float32 matrices, pointers are byte offsets into the
// memory the host imports. Everything here is plain arithmetic: the host decides what to multiply.
//
//   gemm    C[M×N] (= or +=) A·B where A's element (i, k) sits at a + 4·(i·rs + k·ks): rs = K, ks = 1 is A,
//           rs = 1, ks = M' (A's row length) is a transposed A — so one kernel serves forward (x·W) and the
//           weight gradient (xᵀ·δ).
//   spmm    C[R×N] (= or +=) S·B for a sparse S in compressed rows (ptr, idx, val): a batch of MNIST images is
//           four-fifths zeros, and skipping them is exact.
//   sparsify  a dense [n×K] batch → compressed rows and compressed columns (the latter gives xᵀ·δ through spmm).
//   transpose, adam (with the statistics of the same pass).

// ---- dense matrix product --------------------------------------------------------------------------------------

@inline function fma4(acc: v128, x: v128, b: v128): v128 {
  return f32x4.add(acc, f32x4.mul(x, b));
}

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

// ---- sparse × dense --------------------------------------------------------------------------------------------

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

// ---- small helpers ---------------------------------------------------------------------------------------------

/** dst[C×R] = srcᵀ for src[R×C]. */
export function transpose(src: usize, dst: usize, R: i32, C: i32): void {
  for (let r = 0; r < R; r++) {
    for (let c = 0; c < C; c++) store<f32>(dst + ((<usize>c * <usize>R + <usize>r) << 2), load<f32>(src + ((<usize>r * <usize>C + <usize>c) << 2)));
  }
}

/** Where the host may start placing its arrays (after this module's own static data). */
export function heapBase(): usize {
  return __heap_base;
}

// ---- elementwise -----------------------------------------------------------------------------------------------

/**
 * e^x for four lanes (Cephes' single-precision method: 2^n · polynomial, within about 1 ulp), x clamped to
 * [−104, 88]. 2^n is applied as two halves so that results below float32's normal range come out subnormal
 * (or 0), as float64 math rounded to float32 gives them.
 */
@inline function exp4(v: v128): v128 {
  const x0 = f32x4.min(f32x4.max(v, f32x4.splat(-104.0)), f32x4.splat(88.0));
  const fx = f32x4.floor(f32x4.add(f32x4.mul(x0, f32x4.splat(1.44269504088896341)), f32x4.splat(0.5)));
  let x = f32x4.sub(x0, f32x4.mul(fx, f32x4.splat(0.693359375)));
  x = f32x4.sub(x, f32x4.mul(fx, f32x4.splat(-2.12194440e-4)));
  let y = f32x4.splat(1.9875691500e-4);
  y = f32x4.add(f32x4.mul(y, x), f32x4.splat(1.3981999507e-3));
  y = f32x4.add(f32x4.mul(y, x), f32x4.splat(8.3334519073e-3));
  y = f32x4.add(f32x4.mul(y, x), f32x4.splat(4.1665795894e-2));
  y = f32x4.add(f32x4.mul(y, x), f32x4.splat(1.6666665459e-1));
  y = f32x4.add(f32x4.mul(y, x), f32x4.splat(5.0000001201e-1));
  y = f32x4.add(f32x4.add(f32x4.mul(y, f32x4.mul(x, x)), x), f32x4.splat(1.0));
  const n = i32x4.trunc_sat_f32x4_s(fx);
  const n1 = i32x4.shr_s(n, 1);
  const n2 = i32x4.sub(n, n1);
  const p1 = i32x4.shl(i32x4.add(n1, i32x4.splat(127)), 23);
  const p2 = i32x4.shl(i32x4.add(n2, i32x4.splat(127)), 23);
  return f32x4.mul(f32x4.mul(y, p1), p2);
}

@inline function exp1(x: f32): f32 {
  return f32x4.extract_lane(exp4(f32x4.splat(x)), 0);
}

/** Activation kinds shared with kernel-pass.ts. */
const LINEAR = 0;
const SIGMOID = 1;
const RELU = 2;
const TANH = 3;

@inline function act4(kind: i32, z: v128): v128 {
  if (kind == SIGMOID) {
    // f = σ(−|z|) = e/(1+e) with e = exp(−|z|) is accurate to an ulp or two; σ(z) is f or 1 − f. Rounding 1 − f
    // once (rather than dividing by 1 + e in float32) makes σ reach exactly 1 where float64 rounding does.
    const e = exp4(f32x4.neg(f32x4.abs(z)));
    const f = f32x4.div(e, f32x4.add(f32x4.splat(1), e));
    return v128.bitselect(f, f32x4.sub(f32x4.splat(1), f), f32x4.lt(z, f32x4.splat(0)));
  }
  if (kind == RELU) return f32x4.max(z, f32x4.splat(0));
  return z;
}

@inline function act1(kind: i32, z: f32): f32 {
  if (kind == SIGMOID) {
    const e = exp1(-abs(z));
    const f = e / (1 + e);
    return z < 0 ? f : 1 - f;
  }
  if (kind == RELU) return z > 0 ? z : 0;
  return z;
}

/** z[n×units] ← act(z + b) for LINEAR, SIGMOID or RELU (tanh stays on the host, see kernel-pass.ts). */
export function biasAct(z: usize, b: usize, n: i32, units: i32, kind: i32): void {
  for (let r = 0; r < n; r++) {
    const zr = z + ((<usize>r * <usize>units) << 2);
    let c = 0;
    for (; c + 4 <= units; c += 4) {
      const p = zr + (<usize>c << 2);
      v128.store(p, act4(kind, f32x4.add(v128.load(p), v128.load(b + (<usize>c << 2)))));
    }
    for (; c < units; c++) {
      const p = zr + (<usize>c << 2);
      store<f32>(p, act1(kind, load<f32>(p) + load<f32>(b + (<usize>c << 2))));
    }
  }
}

/** δ ← dA ∘ act'(a) from the layer's output a: sigmoid a(1−a), tanh 1−a², ReLU [a > 0], linear 1. */
export function actBackward(dA: usize, a: usize, delta: usize, count: i32, kind: i32): void {
  const one = f32x4.splat(1);
  const zero = f32x4.splat(0);
  let i = 0;
  for (; i + 4 <= count; i += 4) {
    const o = <usize>i << 2;
    const d = v128.load(dA + o);
    const v = v128.load(a + o);
    let r: v128;
    if (kind == SIGMOID) r = f32x4.mul(d, f32x4.mul(v, f32x4.sub(one, v)));
    else if (kind == TANH) r = f32x4.mul(f32x4.sub(one, f32x4.mul(v, v)), d);
    else if (kind == RELU) r = v128.and(d, f32x4.gt(v, zero));
    else r = d;
    v128.store(delta + o, r);
  }
  for (; i < count; i++) {
    const o = <usize>i << 2;
    const d = load<f32>(dA + o);
    const v = load<f32>(a + o);
    let r: f32;
    if (kind == SIGMOID) r = d * (v * (1 - v));
    else if (kind == TANH) r = (1 - v * v) * d;
    else if (kind == RELU) r = v > 0 ? d : 0;
    else r = d;
    store<f32>(delta + o, r);
  }
}

/** out[units] = Σ over rows of m[n×units]. */
export function colSums(m: usize, out: usize, n: i32, units: i32): void {
  memory.fill(out, 0, <usize>units << 2);
  for (let r = 0; r < n; r++) {
    const mr = m + ((<usize>r * <usize>units) << 2);
    let c = 0;
    for (; c + 4 <= units; c += 4) v128.store(out + (<usize>c << 2), f32x4.add(v128.load(out + (<usize>c << 2)), v128.load(mr + (<usize>c << 2))));
    for (; c < units; c++) store<f32>(out + (<usize>c << 2), load<f32>(out + (<usize>c << 2)) + load<f32>(mr + (<usize>c << 2)));
  }
}

// ---- optimizer and statistics ----------------------------------------------------------------------------------

@inline function hsum64(v: v128): f64 {
  return f64x2.extract_lane(v, 0) + f64x2.extract_lane(v, 1);
}

/** Widen four float32 lanes and add them to a float64 pair of sums. */
@inline function add64(acc: v128, v: v128): v128 {
  return f64x2.add(f64x2.add(acc, f64x2.promote_low_f32x4(v)), f64x2.promote_low_f32x4(i8x16.shuffle(v, v, 8, 9, 10, 11, 12, 13, 14, 15, 0, 1, 2, 3, 4, 5, 6, 7)));
}

/**
 * The gradient's Σg², Σ|g|, max|g| (NaN if any is NaN), count of exact zeros and the weights' Σw², written as
 * float64 to out[0…4]. Sums are accumulated in float64.
 */
export function gradSums(g: usize, w: usize, count: i32, out: usize): void {
  let sq = f64x2.splat(0), ab = f64x2.splat(0), wsq = f64x2.splat(0);
  let mx = f32x4.splat(0);
  let zeros = i32x4.splat(0);
  let i = 0;
  for (; i + 4 <= count; i += 4) {
    const o = <usize>i << 2;
    const gv = v128.load(g + o);
    const wv = v128.load(w + o);
    const a = f32x4.abs(gv);
    sq = add64(sq, f32x4.mul(gv, gv));
    ab = add64(ab, a);
    wsq = add64(wsq, f32x4.mul(wv, wv));
    mx = f32x4.max(mx, a);
    zeros = i32x4.sub(zeros, f32x4.eq(gv, f32x4.splat(0)));
  }
  let s = hsum64(sq), sa = hsum64(ab), sw = hsum64(wsq);
  let m: f32 = max(max(f32x4.extract_lane(mx, 0), f32x4.extract_lane(mx, 1)), max(f32x4.extract_lane(mx, 2), f32x4.extract_lane(mx, 3)));
  let z = i32x4.extract_lane(zeros, 0) + i32x4.extract_lane(zeros, 1) + i32x4.extract_lane(zeros, 2) + i32x4.extract_lane(zeros, 3);
  for (; i < count; i++) {
    const o = <usize>i << 2;
    const gi = load<f32>(g + o);
    const wi = load<f32>(w + o);
    s += <f64>gi * <f64>gi;
    sa += <f64>abs(gi);
    sw += <f64>wi * <f64>wi;
    m = max(m, abs(gi));
    if (gi == 0) z++;
  }
  store<f64>(out, s);
  store<f64>(out, sa, 8);
  store<f64>(out, <f64>m, 16);
  store<f64>(out, <f64>z, 24);
  store<f64>(out, sw, 32);
}

/**
 * One Adam step (tf.train.adam's formula in float32: m ← β₁m + (1−β₁)g, v ← β₂v + (1−β₂)g²,
 * w ← w − lr·(m/c1) / (√(v/c2) + ε)) with gradSums of the same pass; Σ(Δw)² goes to out[5].
 */
export function adam(w: usize, g: usize, m: usize, v: usize, count: i32, lr: f32, b1: f32, b2: f32, c1: f32, c2: f32, eps: f32, out: usize): void {
  gradSums(g, w, count, out);
  const vb1 = f32x4.splat(b1), vb1c = f32x4.splat(1 - b1), vb2 = f32x4.splat(b2), vb2c = f32x4.splat(1 - b2);
  const vlr = f32x4.splat(lr), vc1 = f32x4.splat(c1), vc2 = f32x4.splat(c2), veps = f32x4.splat(eps);
  let upd = f64x2.splat(0);
  let i = 0;
  for (; i + 4 <= count; i += 4) {
    const o = <usize>i << 2;
    const gv = v128.load(g + o);
    const mv = f32x4.add(f32x4.mul(v128.load(m + o), vb1), f32x4.mul(gv, vb1c));
    const vv = f32x4.add(f32x4.mul(v128.load(v + o), vb2), f32x4.mul(f32x4.mul(gv, gv), vb2c));
    v128.store(m + o, mv);
    v128.store(v + o, vv);
    const old = v128.load(w + o);
    const nw = f32x4.sub(old, f32x4.div(f32x4.mul(vlr, f32x4.div(mv, vc1)), f32x4.add(f32x4.sqrt(f32x4.div(vv, vc2)), veps)));
    v128.store(w + o, nw);
    const d = f32x4.sub(nw, old);
    upd = add64(upd, f32x4.mul(d, d));
  }
  let u = hsum64(upd);
  for (; i < count; i++) {
    const o = <usize>i << 2;
    const gi = load<f32>(g + o);
    const mi = load<f32>(m + o) * b1 + gi * (1 - b1);
    const vi = load<f32>(v + o) * b2 + gi * gi * (1 - b2);
    store<f32>(m + o, mi);
    store<f32>(v + o, vi);
    const old = load<f32>(w + o);
    const nw = old - (lr * (mi / c1)) / (sqrt<f32>(vi / c2) + eps);
    store<f32>(w + o, nw);
    u += <f64>(nw - old) * <f64>(nw - old);
  }
  store<f64>(out, u, 40);
}

/**
 * Statistics of activations a[count] (rows of `units`): mean, standard deviation, the share of saturated
 * values (sigmoid < 0.01 or > 0.99; tanh |a| > 0.99) and of dead units (ReLU: 0 for every row), and Σδ² of the
 * layer's δ[count], written as float64 to out[0…4].
 */
export function actStats(a: usize, delta: usize, count: i32, units: i32, kind: i32, out: usize): void {
  let s = f64x2.splat(0);
  let i = 0;
  for (; i + 4 <= count; i += 4) s = add64(s, v128.load(a + (<usize>i << 2)));
  let sum = hsum64(s);
  for (; i < count; i++) sum += <f64>load<f32>(a + (<usize>i << 2));
  const mean = sum / <f64>count;
  let ss: f64 = 0;
  let dd: f64 = 0;
  let sat = 0;
  for (i = 0; i < count; i++) {
    const v = load<f32>(a + (<usize>i << 2));
    const d = <f64>v - mean;
    ss += d * d;
    const e = <f64>load<f32>(delta + (<usize>i << 2));
    dd += e * e;
    const w = <f64>v;
    if (kind == SIGMOID ? w < 0.01 || w > 0.99 : kind == TANH ? abs(w) > 0.99 : false) sat++;
  }
  let dead = 0;
  if (kind == RELU) {
    for (let u = 0; u < units; u++) {
      let alive = false;
      for (let r = u; r < count && !alive; r += units) alive = load<f32>(a + (<usize>r << 2)) > 0;
      if (!alive) dead++;
    }
  }
  store<f64>(out, mean);
  store<f64>(out, sqrt<f64>(ss / <f64>count), 8);
  store<f64>(out, <f64>sat / <f64>count, 16);
  store<f64>(out, kind == RELU ? <f64>dead / <f64>units : 0, 24);
  store<f64>(out, dd, 32);
}
