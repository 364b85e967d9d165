// Elementwise kernels: bias + activation forward, the activation's derivative backward, the bias gradient.

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

/** Activation codes, as ACT in ../kernels.ts. */
export const LINEAR = 0;
export const SIGMOID = 1;
export const RELU = 2;
export const TANH = 3;

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

/** z[n×units] ← act(z + b) for LINEAR, SIGMOID or RELU (tanh stays in JS, see kernel-pass.ts). */
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
