// Batch normalization over the rows of a batch (Keras's BatchNormalization in training mode, after a Dense
// layer): per column the batch mean μ and biased variance σ², x̂ = (z − μ)/√(σ² + ε), u = γ·x̂ + β; and its
// gradient. Columns are processed four at a time, rows in order; sums are float32, as tfjs's moments.

/**
 * From z[n×units]: mean[units], variance[units], rstd[units] = 1/√(σ² + ε), xhat[n×units] and
 * u[n×units] = γ·x̂ + β (u may be z itself).
 */
export function bnForward(z: usize, xhat: usize, u: usize, gamma: usize, beta: usize, mean: usize, variance: usize, rstd: usize, n: i32, units: i32, eps: f32): void {
  const ub = <usize>units << 2;
  memory.fill(mean, 0, ub);
  memory.fill(variance, 0, ub);
  const inv = f32x4.splat(<f32>1 / <f32>n);
  for (let r = 0; r < n; r++) {
    const zr = z + <usize>r * ub;
    let c = 0;
    for (; c + 4 <= units; c += 4) v128.store(mean + (<usize>c << 2), f32x4.add(v128.load(mean + (<usize>c << 2)), v128.load(zr + (<usize>c << 2))));
    for (; c < units; c++) store<f32>(mean + (<usize>c << 2), load<f32>(mean + (<usize>c << 2)) + load<f32>(zr + (<usize>c << 2)));
  }
  let c = 0;
  for (; c + 4 <= units; c += 4) v128.store(mean + (<usize>c << 2), f32x4.mul(v128.load(mean + (<usize>c << 2)), inv));
  for (; c < units; c++) store<f32>(mean + (<usize>c << 2), load<f32>(mean + (<usize>c << 2)) / <f32>n);
  for (let r = 0; r < n; r++) {
    const zr = z + <usize>r * ub;
    c = 0;
    for (; c + 4 <= units; c += 4) {
      const d = f32x4.sub(v128.load(zr + (<usize>c << 2)), v128.load(mean + (<usize>c << 2)));
      v128.store(variance + (<usize>c << 2), f32x4.add(v128.load(variance + (<usize>c << 2)), f32x4.mul(d, d)));
    }
    for (; c < units; c++) {
      const d = load<f32>(zr + (<usize>c << 2)) - load<f32>(mean + (<usize>c << 2));
      store<f32>(variance + (<usize>c << 2), load<f32>(variance + (<usize>c << 2)) + d * d);
    }
  }
  for (c = 0; c < units; c++) {
    const v = load<f32>(variance + (<usize>c << 2)) / <f32>n;
    store<f32>(variance + (<usize>c << 2), v);
    store<f32>(rstd + (<usize>c << 2), <f32>1 / sqrt<f32>(v + eps));
  }
  for (let r = 0; r < n; r++) {
    const o = <usize>r * ub;
    c = 0;
    for (; c + 4 <= units; c += 4) {
      const p = <usize>c << 2;
      const xh = f32x4.mul(f32x4.sub(v128.load(z + o + p), v128.load(mean + p)), v128.load(rstd + p));
      v128.store(xhat + o + p, xh);
      v128.store(u + o + p, f32x4.add(f32x4.mul(xh, v128.load(gamma + p)), v128.load(beta + p)));
    }
    for (; c < units; c++) {
      const p = <usize>c << 2;
      const xh = (load<f32>(z + o + p) - load<f32>(mean + p)) * load<f32>(rstd + p);
      store<f32>(xhat + o + p, xh);
      store<f32>(u + o + p, xh * load<f32>(gamma + p) + load<f32>(beta + p));
    }
  }
}

/**
 * The gradient through batch normalization, from dU = ∂E/∂u: ∂E/∂β = Σ dU, ∂E/∂γ = Σ dU·x̂ (per column), and
 * dz = γ·rstd·(dU − Σ dU/n − x̂·Σ dU·x̂/n), the δ of the Dense layer before it.
 */
export function bnBackward(dU: usize, xhat: usize, gamma: usize, rstd: usize, dz: usize, dGamma: usize, dBeta: usize, n: i32, units: i32): void {
  const ub = <usize>units << 2;
  memory.fill(dGamma, 0, ub);
  memory.fill(dBeta, 0, ub);
  for (let r = 0; r < n; r++) {
    const o = <usize>r * ub;
    let c = 0;
    for (; c + 4 <= units; c += 4) {
      const p = <usize>c << 2;
      const d = v128.load(dU + o + p);
      v128.store(dBeta + p, f32x4.add(v128.load(dBeta + p), d));
      v128.store(dGamma + p, f32x4.add(v128.load(dGamma + p), f32x4.mul(d, v128.load(xhat + o + p))));
    }
    for (; c < units; c++) {
      const p = <usize>c << 2;
      const d = load<f32>(dU + o + p);
      store<f32>(dBeta + p, load<f32>(dBeta + p) + d);
      store<f32>(dGamma + p, load<f32>(dGamma + p) + d * load<f32>(xhat + o + p));
    }
  }
  const inv: f32 = <f32>1 / <f32>n;
  const vinv = f32x4.splat(inv);
  for (let r = 0; r < n; r++) {
    const o = <usize>r * ub;
    let c = 0;
    for (; c + 4 <= units; c += 4) {
      const p = <usize>c << 2;
      const k = f32x4.mul(v128.load(gamma + p), v128.load(rstd + p));
      const mb = f32x4.mul(v128.load(dBeta + p), vinv);
      const mg = f32x4.mul(v128.load(dGamma + p), vinv);
      const t = f32x4.sub(f32x4.sub(v128.load(dU + o + p), mb), f32x4.mul(v128.load(xhat + o + p), mg));
      v128.store(dz + o + p, f32x4.mul(k, t));
    }
    for (; c < units; c++) {
      const p = <usize>c << 2;
      const k = load<f32>(gamma + p) * load<f32>(rstd + p);
      const t = load<f32>(dU + o + p) - load<f32>(dBeta + p) * inv - load<f32>(xhat + o + p) * load<f32>(dGamma + p) * inv;
      store<f32>(dz + o + p, k * t);
    }
  }
}

/** Residual sum: out[count] = a + b. */
export function addInto(a: usize, b: usize, out: usize, count: i32): void {
  let i = 0;
  for (; i + 4 <= count; i += 4) v128.store(out + (<usize>i << 2), f32x4.add(v128.load(a + (<usize>i << 2)), v128.load(b + (<usize>i << 2))));
  for (; i < count; i++) store<f32>(out + (<usize>i << 2), load<f32>(a + (<usize>i << 2)) + load<f32>(b + (<usize>i << 2)));
}
