// The gradient check on the Learn view's toy network: every parameter's chain-rule gradient (toy-network.ts
// backprop) against a central difference (E(p + ε) − E(p − ε)) / 2ε of the error itself, with the relative
// difference and its verdict by diagnostics.ts's thresholds. Float64 throughout, so a correct chain rule lands
// near 1e-10.
import { gradientCheckVerdict, relativeDifference, type GradientCheckVerdict } from './diagnostics';
import { backprop, errorOf, type ToyParams, type ToySetup } from './toy-network';

/** Step of the central difference: small enough for its O(ε²) error, large enough for float64 rounding. */
export const TOY_EPSILON = 1e-6;

export interface GradientCheckRow {
  param: string;
  analytic: number;
  numeric: number;
  relative: number;
  verdict: GradientCheckVerdict;
}

type Path = ['w', number, number] | ['v', number] | ['b', number] | ['c'];

function nudge(params: ToyParams, path: Path, by: number): ToyParams {
  const p: ToyParams = { w: params.w.map((r) => [...r]), v: [...params.v], b: [...params.b], c: params.c };
  if (path[0] === 'w') p.w[path[1]]![path[2]]! += by;
  else if (path[0] === 'v') p.v[path[1]]! += by;
  else if (path[0] === 'b') p.b[path[1]]! += by;
  else p.c += by;
  return p;
}

export function toyGradientCheck(setup: ToySetup, eps = TOY_EPSILON): GradientCheckRow[] {
  const bp = backprop(setup);
  const rows: { param: string; analytic: number; path: Path }[] = [
    ...bp.w.flatMap((row, i) => row.map((g, j) => ({ param: g.param, analytic: g.value, path: ['w', i, j] as Path }))),
    ...bp.v.map((g, j) => ({ param: g.param, analytic: g.value, path: ['v', j] as Path })),
    ...bp.b.map((g, j) => ({ param: g.param, analytic: g.value, path: ['b', j] as Path })),
    { param: bp.c.param, analytic: bp.c.value, path: ['c'] as Path },
  ];
  return rows.map(({ param, analytic, path }) => {
    const numeric = (errorOf({ ...setup, params: nudge(setup.params, path, eps) }) - errorOf({ ...setup, params: nudge(setup.params, path, -eps) })) / (2 * eps);
    return { param, analytic, numeric, relative: relativeDifference(analytic, numeric), verdict: gradientCheckVerdict(analytic, numeric) };
  });
}
