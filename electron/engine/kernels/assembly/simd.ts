// Small SIMD helpers shared by the kernels.

@inline export function fma4(acc: v128, x: v128, b: v128): v128 {
  return f32x4.add(acc, f32x4.mul(x, b));
}

@inline export function hsum64(v: v128): f64 {
  return f64x2.extract_lane(v, 0) + f64x2.extract_lane(v, 1);
}

/** Widen four float32 lanes and add them to a float64 pair of sums. */
@inline export function add64(acc: v128, v: v128): v128 {
  return f64x2.add(f64x2.add(acc, f64x2.promote_low_f32x4(v)), f64x2.promote_low_f32x4(i8x16.shuffle(v, v, 8, 9, 10, 11, 12, 13, 14, 15, 0, 1, 2, 3, 4, 5, 6, 7)));
}
