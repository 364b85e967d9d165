// Kernels that reduce: one Adam step with the gradient, weight and update sums of the same pass, and the
// activation statistics. Sums are accumulated in float64.
import { add64, hsum64 } from './simd';

/**
 * One Adam step, tf.train.adam's formula in float32: m ← β₁m + (1−β₁)g, v ← β₂v + (1−β₂)g²,
 * w ← w − lr·(m/c1) / (√(v/c2) + ε). The same pass sums what the step reports, in float64, to out[0…5]: the
 * gradient's Σg², Σ|g|, max|g| (NaN if any is NaN) and count of exact zeros, the old weights' Σw², and Σ(Δw)².
 */
export function adam(w: usize, g: usize, m: usize, v: usize, count: i32, lr: f32, b1: f32, b2: f32, c1: f32, c2: f32, eps: f32, out: usize): void {
  const vb1 = f32x4.splat(b1), vb1c = f32x4.splat(1 - b1), vb2 = f32x4.splat(b2), vb2c = f32x4.splat(1 - b2);
  const vlr = f32x4.splat(lr), vc1 = f32x4.splat(c1), vc2 = f32x4.splat(c2), veps = f32x4.splat(eps);
  let sq = f64x2.splat(0), ab = f64x2.splat(0), wsq = f64x2.splat(0), upd = f64x2.splat(0);
  let mx = f32x4.splat(0);
  let zeros = i32x4.splat(0);
  let i = 0;
  for (; i + 4 <= count; i += 4) {
    const o = <usize>i << 2;
    const gv = v128.load(g + o);
    const old = v128.load(w + o);
    const a = f32x4.abs(gv);
    sq = add64(sq, f32x4.mul(gv, gv));
    ab = add64(ab, a);
    wsq = add64(wsq, f32x4.mul(old, old));
    mx = f32x4.max(mx, a);
    zeros = i32x4.sub(zeros, f32x4.eq(gv, f32x4.splat(0)));
    const mv = f32x4.add(f32x4.mul(v128.load(m + o), vb1), f32x4.mul(gv, vb1c));
    const vv = f32x4.add(f32x4.mul(v128.load(v + o), vb2), f32x4.mul(f32x4.mul(gv, gv), vb2c));
    v128.store(m + o, mv);
    v128.store(v + o, vv);
    const nw = f32x4.sub(old, f32x4.div(f32x4.mul(vlr, f32x4.div(mv, vc1)), f32x4.add(f32x4.sqrt(f32x4.div(vv, vc2)), veps)));
    v128.store(w + o, nw);
    const d = f32x4.sub(nw, old);
    upd = add64(upd, f32x4.mul(d, d));
  }
  let s = hsum64(sq), sa = hsum64(ab), sw = hsum64(wsq), u = hsum64(upd);
  let mg: f32 = max(max(f32x4.extract_lane(mx, 0), f32x4.extract_lane(mx, 1)), max(f32x4.extract_lane(mx, 2), f32x4.extract_lane(mx, 3)));
  let z = i32x4.extract_lane(zeros, 0) + i32x4.extract_lane(zeros, 1) + i32x4.extract_lane(zeros, 2) + i32x4.extract_lane(zeros, 3);
  for (; i < count; i++) {
    const o = <usize>i << 2;
    const gi = load<f32>(g + o);
    const old = load<f32>(w + o);
    s += <f64>gi * <f64>gi;
    sa += <f64>abs(gi);
    sw += <f64>old * <f64>old;
    mg = max(mg, abs(gi));
    if (gi == 0) z++;
    const mi = load<f32>(m + o) * b1 + gi * (1 - b1);
    const vi = load<f32>(v + o) * b2 + gi * gi * (1 - b2);
    store<f32>(m + o, mi);
    store<f32>(v + o, vi);
    const nw = old - (lr * (mi / c1)) / (sqrt<f32>(vi / c2) + eps);
    store<f32>(w + o, nw);
    u += <f64>(nw - old) * <f64>(nw - old);
  }
  store<f64>(out, s);
  store<f64>(out, sa, 8);
  store<f64>(out, <f64>mg, 16);
  store<f64>(out, <f64>z, 24);
  store<f64>(out, sw, 32);
  store<f64>(out, u, 40);
}

/**
 * Statistics of activations a[count] (rows of `units`): mean, standard deviation, the share of saturated
 * values (a < low or a > high) and, when `dying`, of dead units (a ≤ 0 for every row), and Σδ² of the layer's
 * δ[count], written as float64 to out[0…4]. The rules' thresholds come from the JS side (train/statistics.ts), so
 * they are defined once; ±Infinity bands mean "cannot saturate".
 */
export function actStats(a: usize, delta: usize, count: i32, units: i32, low: f64, high: f64, dying: bool, out: usize): void {
  let s = f64x2.splat(0);
  let i = 0;
  for (; i + 4 <= count; i += 4) s = add64(s, v128.load(a + (<usize>i << 2)));
  let sum = hsum64(s);
  for (; i < count; i++) sum += <f64>load<f32>(a + (<usize>i << 2));
  const mean = sum / <f64>count;
  // Four values at a time, widened to two float64 pairs; the band compared in float64 as the scalar tail does.
  const vm = f64x2.splat(mean), vlo = f64x2.splat(low), vhi = f64x2.splat(high);
  let vss = f64x2.splat(0), vdd = f64x2.splat(0), vsat = i64x2.splat(0);
  for (i = 0; i + 4 <= count; i += 4) {
    const v = v128.load(a + (<usize>i << 2));
    const e = v128.load(delta + (<usize>i << 2));
    const v0 = f64x2.promote_low_f32x4(v);
    const v1 = f64x2.promote_low_f32x4(i8x16.shuffle(v, v, 8, 9, 10, 11, 12, 13, 14, 15, 0, 1, 2, 3, 4, 5, 6, 7));
    const d0 = f64x2.sub(v0, vm);
    const d1 = f64x2.sub(v1, vm);
    vss = f64x2.add(vss, f64x2.add(f64x2.mul(d0, d0), f64x2.mul(d1, d1)));
    // δ squared in float64: tiny δ (the seed's first layer) would underflow as float32 squares.
    const e0 = f64x2.promote_low_f32x4(e);
    const e1 = f64x2.promote_low_f32x4(i8x16.shuffle(e, e, 8, 9, 10, 11, 12, 13, 14, 15, 0, 1, 2, 3, 4, 5, 6, 7));
    vdd = f64x2.add(vdd, f64x2.add(f64x2.mul(e0, e0), f64x2.mul(e1, e1)));
    vsat = i64x2.sub(vsat, v128.or(f64x2.lt(v0, vlo), f64x2.gt(v0, vhi)));
    vsat = i64x2.sub(vsat, v128.or(f64x2.lt(v1, vlo), f64x2.gt(v1, vhi)));
  }
  let ss: f64 = hsum64(vss);
  let dd: f64 = hsum64(vdd);
  let sat = <i32>(i64x2.extract_lane(vsat, 0) + i64x2.extract_lane(vsat, 1));
  for (; i < count; i++) {
    const v = load<f32>(a + (<usize>i << 2));
    const d = <f64>v - mean;
    ss += d * d;
    const e = <f64>load<f32>(delta + (<usize>i << 2));
    dd += e * e;
    const w = <f64>v;
    if (w < low || w > high) sat++;
  }
  let dead = 0;
  if (dying) {
    for (let u = 0; u < units; u++) {
      let alive = false;
      for (let r = u; r < count && !alive; r += units) alive = load<f32>(a + (<usize>r << 2)) > 0;
      if (!alive) dead++;
    }
  }
  store<f64>(out, mean);
  store<f64>(out, sqrt<f64>(ss / <f64>count), 8);
  store<f64>(out, <f64>sat / <f64>count, 16);
  store<f64>(out, dying ? <f64>dead / <f64>units : 0, 24);
  store<f64>(out, dd, 32);
}
