// A recurrent network (one rnn / irnn / lstm / gru layer, then a dense read-out of the last hidden state) held
// in one WebAssembly kernel memory: parameters, their gradients and every activation backpropagation through
// time needs. forward() runs the sequence, lossAndGrad() the read-out, backward() runs BPTT and leaves the
// gradients and ‖∂E/∂h_t‖ for every step. Initialization as PyTorch (uniform ±1/√hidden), the LSTM forget-gate
// bias set to `forgetBias` as Keras sets it to 1, IRNN's recurrent weights the identity with zero bias, and W_hh
// from N(0, ρ²/hidden) when the config asks for a spectral radius ρ (IRNN: ρ times the identity).
import type { RecurrentCell } from '../../common/recurrent-limits';
import { Kernels, measure, type Allocator, type F32 } from '../kernels/kernels';
import { gaussian, mulberry32, type Rng } from '../random';
import { cellBackward, cellForward, GATES, type StepArrays } from './cells';

export interface NetShape {
  cell: RecurrentCell;
  steps: number;
  inputs: number;
  hidden: number;
  outputs: number;
  /** Rows of the largest batch. */
  batch: number;
  forgetBias: number;
  /** Spectral radius the recurrent weights are drawn for (config RecurrentSchema.recurrentRadius); absent: PyTorch's. */
  recurrentRadius?: number;
}

export interface Params {
  wx: F32;
  wh: F32;
  b: F32;
  /** GRU's recurrent bias of the candidate (inside r·(…)); length 0 for the other cells. */
  bhn: F32;
  wo: F32;
  bo: F32;
}
export const PARAM_NAMES = ['wx', 'wh', 'b', 'bhn', 'wo', 'bo'] as const;

function layout(al: Allocator, s: NetShape) {
  const { steps: T, inputs: I, hidden: H, outputs: O, batch: B } = s;
  const GH = GATES[s.cell] * H;
  const params = (): Params => ({ wx: al.f32(I * GH), wh: al.f32(H * GH), b: al.f32(GH), bhn: al.f32(s.cell === 'gru' ? H : 0), wo: al.f32(H * O), bo: al.f32(O) });
  return {
    p: params(),
    g: params(),
    whT: al.f32(GH * H),
    woT: al.f32(O * H),
    x: al.f32(T * B * I),
    a: al.f32(T * B * GH),
    h: al.f32((T + 1) * B * H),
    c: al.f32(s.cell === 'lstm' ? (T + 1) * B * H : 0),
    tc: al.f32(s.cell === 'lstm' ? T * B * H : 0),
    r: al.f32(s.cell === 'gru' ? T * B * GH : 0),
    dA: al.f32(T * B * GH),
    dR: al.f32(s.cell === 'gru' ? B * GH : 0),
    dh: al.f32(B * H),
    dhPrev: al.f32(B * H),
    dc: al.f32(s.cell === 'lstm' ? B * H : 0),
    logits: al.f32(B * O),
    dLogits: al.f32(B * O),
  };
}
type Layout = ReturnType<typeof layout>;

const view = (f: F32, offset: number, n: number): F32 => ({ ptr: f.ptr + offset * 4, a: f.a.subarray(offset, offset + n) });

export class RecurrentNet {
  readonly k: Kernels;
  readonly m: Layout;
  readonly gh: number;
  /** Σ over the batch and units of (∂E/∂h_t)², t = 1…T, from the last backward(). */
  readonly hGradSq: Float64Array;
  private readonly dbhn: Float64Array;
  /** Rows of the last forward(). */
  n = 0;

  constructor(
    readonly shape: NetShape,
    seed: number,
  ) {
    this.gh = GATES[shape.cell] * shape.hidden;
    this.k = new Kernels(measure((al) => layout(al, shape)));
    this.m = layout(this.k, shape);
    this.hGradSq = new Float64Array(shape.steps);
    this.dbhn = new Float64Array(shape.hidden);
    initialize(this.m.p, shape, mulberry32(seed));
  }

  /** Bytes of kernel memory this network takes. */
  static bytes(shape: NetShape): number {
    return measure((al) => layout(al, shape));
  }

  /** Read n sequences (sample-major [n × T × I] from `src` at sample `rows[i]`) into the time-major input. */
  load(src: Float32Array, rows: ArrayLike<number>): void {
    const { steps: T, inputs: I, batch: B } = this.shape;
    const x = this.m.x.a;
    // Plain index copies: a subarray per step and sample (thousands per batch) kept the garbage collector busy.
    for (let i = 0; i < rows.length; i++) {
      const base = rows[i]! * T * I;
      for (let t = 0; t < T; t++) {
        const from = base + t * I;
        const to = (t * B + i) * I;
        for (let j = 0; j < I; j++) x[to + j] = src[from + j]!;
      }
    }
    this.n = rows.length;
  }

  private step(t: number): StepArrays {
    const { hidden: H, batch: B, cell } = this.shape;
    const { n, gh: GH, m } = this;
    return {
      n,
      hidden: H,
      a: m.a.a.subarray(t * B * GH, t * B * GH + n * GH),
      r: cell === 'gru' ? m.r.a.subarray(t * B * GH, t * B * GH + n * GH) : undefined,
      bhn: m.p.bhn.a,
      hPrev: m.h.a.subarray(t * B * H, t * B * H + n * H),
      h: m.h.a.subarray((t + 1) * B * H, (t + 1) * B * H + n * H),
      cPrev: cell === 'lstm' ? m.c.a.subarray(t * B * H, t * B * H + n * H) : undefined,
      c: cell === 'lstm' ? m.c.a.subarray((t + 1) * B * H, (t + 1) * B * H + n * H) : undefined,
      tc: cell === 'lstm' ? m.tc.a.subarray(t * B * H, t * B * H + n * H) : undefined,
    };
  }

  /** Run the loaded sequences; leaves the read-out's logits (n × outputs) in m.logits. */
  forward(): Float32Array {
    const { steps: T, inputs: I, hidden: H, outputs: O, batch: B, cell } = this.shape;
    const { n, gh: GH, m, k } = this;
    m.h.a.fill(0, 0, n * H);
    if (cell === 'lstm') m.c.a.fill(0, 0, n * H);
    const bias = m.p.b.a;
    for (let t = 0; t < T; t++) {
      const at = view(m.a, t * B * GH, n * GH);
      k.matMul(view(m.x, t * B * I, n * I), m.p.wx, at, n, I, GH);
      for (let row = 0; row < n; row++) for (let j = 0, o = row * GH; j < GH; j++) at.a[o + j] = at.a[o + j]! + bias[j]!;
      const hPrev = view(m.h, t * B * H, n * H);
      if (cell === 'gru') k.matMul(hPrev, m.p.wh, view(m.r, t * B * GH, n * GH), n, H, GH);
      else if (t > 0) k.matMul(hPrev, m.p.wh, at, n, H, GH, true);
      cellForward(cell, this.step(t));
    }
    const logits = view(m.logits, 0, n * O);
    k.matMul(view(m.h, T * B * H, n * H), m.p.wo, logits, n, H, O);
    const bo = m.p.bo.a;
    for (let row = 0; row < n; row++) for (let j = 0; j < O; j++) logits.a[row * O + j] = logits.a[row * O + j]! + bo[j]!;
    return logits.a;
  }

  /** BPTT from ∂E/∂logits (already in m.dLogits): every parameter gradient into m.g, and hGradSq per step. */
  backward(): void {
    const { steps: T, inputs: I, hidden: H, outputs: O, batch: B, cell } = this.shape;
    const { n, gh: GH, m, k } = this;
    const hT = view(m.h, T * B * H, n * H);
    const dLogits = view(m.dLogits, 0, n * O);
    k.matMulTA(hT, dLogits, m.g.wo, n, H, O);
    m.g.bo.a.fill(0);
    for (let row = 0; row < n; row++) for (let j = 0; j < O; j++) m.g.bo.a[j] = m.g.bo.a[j]! + dLogits.a[row * O + j]!;
    k.transpose(m.p.wo, m.woT, H, O);
    k.transpose(m.p.wh, m.whT, H, GH);
    let dh = view(m.dh, 0, n * H);
    let dhPrev = view(m.dhPrev, 0, n * H);
    k.matMul(dLogits, m.woT, dh, n, O, H);
    if (cell === 'lstm') m.dc.a.fill(0, 0, n * H);
    this.dbhn.fill(0);
    for (let t = T - 1; t >= 0; t--) {
      let sq = 0;
      for (let i = 0; i < n * H; i++) sq += dh.a[i]! * dh.a[i]!;
      this.hGradSq[t] = sq;
      const dA = view(m.dA, t * B * GH, n * GH);
      const dRec = cell === 'gru' ? view(m.dR, 0, n * GH) : dA;
      cellBackward(cell, this.step(t), { dh: dh.a, dA: dA.a, dR: m.dR.a, dhPrev: dhPrev.a, dc: m.dc.a, dbhn: this.dbhn });
      if (t > 0) {
        // ∂E/∂Wh: for a full batch, one product over every step after the loop (h₀…h_T₋₁ and the dA lie
        // contiguous, time-major); a GRU's recurrent-side gradient differs from dA and is summed here.
        if (n < B || cell === 'gru') k.matMulTA(view(m.h, t * B * H, n * H), dRec, m.g.wh, n, H, GH, t < T - 1);
        k.matMul(dRec, m.whT, dhPrev, n, GH, H, cell === 'gru');
      } else if (T === 1) m.g.wh.a.fill(0);
      [dh, dhPrev] = [dhPrev, dh];
    }
    if (n === B && cell !== 'gru' && T > 1) this.sumOverRows(view(m.h, B * H, (T - 1) * B * H), view(m.dA, B * GH, (T - 1) * B * GH), m.g.wh, (T - 1) * B, H, GH);
    // Input weights and bias: one pass over every step when the batch is full, else step by step.
    if (n === B) this.sumOverRows(m.x, m.dA, m.g.wx, T * B, I, GH);
    else for (let t = 0; t < T; t++) k.matMulTA(view(m.x, t * B * I, n * I), view(m.dA, t * B * GH, n * GH), m.g.wx, n, I, GH, t > 0);
    const db = new Float64Array(GH);
    for (let t = 0; t < T; t++) {
      const dA = m.dA.a;
      for (let row = 0; row < n; row++) for (let j = 0, o = (t * B + row) * GH; j < GH; j++) db[j] = db[j]! + dA[o + j]!;
    }
    m.g.b.a.set(db);
    if (cell === 'gru') m.g.bhn.a.set(this.dbhn);
  }

  /**
   * c[K×N] = aᵀ·b over M rows, in blocks of rows: one product over thousands of rows streams b through the cache
   * for every tile of c and runs several times slower than the same sum taken a few hundred rows at a time.
   */
  private sumOverRows(a: F32, b: F32, c: F32, M: number, K: number, N: number): void {
    const rows = 256;
    for (let r = 0; r < M; r += rows) {
      const n = Math.min(rows, M - r);
      this.k.matMulTA(view(a, r * K, n * K), view(b, r * N, n * N), c, n, K, N, r > 0);
    }
  }

  /** The parameters and their gradients, in PARAM_NAMES order. */
  paramList(): { w: Float32Array; g: Float32Array }[] {
    return PARAM_NAMES.map((name) => ({ w: this.m.p[name].a, g: this.m.g[name].a }));
  }

  /** Gate values of the last forward() for steps 0…T−1 (rows × gates·hidden, gate-major within a row). */
  gateValues(): { a: Float32Array; rows: number; rowStride: number } {
    return { a: this.m.a.a, rows: this.n, rowStride: this.gh };
  }

  /** Hidden states h_1…h_T of the last forward(). */
  hiddenOf(t: number): Float32Array {
    const { hidden: H, batch: B } = this.shape;
    return this.m.h.a.subarray((t + 1) * B * H, (t + 1) * B * H + this.n * H);
  }
}

function uniform(a: Float32Array, bound: number, rng: Rng): void {
  for (let i = 0; i < a.length; i++) a[i] = (rng() * 2 - 1) * bound;
}

function initialize(p: Params, s: NetShape, rng: Rng): void {
  const bound = 1 / Math.sqrt(s.hidden);
  for (const name of PARAM_NAMES) uniform(p[name].a, bound, rng);
  const radius = s.recurrentRadius;
  if (radius !== undefined && s.cell !== 'irnn') {
    // Every entry N(0, ρ²/H): each H×H block of W_hh then has its eigenvalues spread over a disc of radius ≈ ρ.
    const std = radius / Math.sqrt(s.hidden);
    for (let i = 0; i < p.wh.a.length; i++) p.wh.a[i] = gaussian(rng) * std;
  }
  if (s.cell === 'irnn') {
    p.wh.a.fill(0);
    for (let u = 0; u < s.hidden; u++) p.wh.a[u * s.hidden + u] = radius ?? 1;
    p.b.a.fill(0);
  }
  if (s.cell === 'lstm') p.b.a.fill(s.forgetBias, s.hidden, 2 * s.hidden);
}
