// The step-engine interface: every way the lab takes a training step (Gradient Lab's wasm kernels, the tfjs-ops
// pass, the gradient-tape step) takes a StepRequest and returns a typed StepResult, with its per-layer statistics
// already finished by statistics.ts's one definition. train.ts picks one engine per run (engine-choice.ts) and
// records its stable id.
import type { LayerStats } from '../../common/records';

/** Stable engine ids (recorded per run): the wasm kernels, the hand-written tfjs-ops pass, the gradient tape. */
export type EngineId = 'kernels' | 'tfjs-ops' | 'tape';

export interface StepRequest {
  x: Float32Array;
  y: Int32Array;
  features: number;
  classes: number;
  withStats: boolean;
  withHistogram: boolean;
}

export interface StepResult {
  loss: number;
  acc: number;
  /** The first layer with a non-finite gradient (kernel, bias or batch-norm γ/β), or -1 when all are finite. */
  nonFiniteLayer: number;
  /** ‖g‖ over every parameter's gradient, before any clipping. */
  gradNorm?: number;
  /** With gradient clipping configured: ‖g‖ of what the optimizer applied, and whether this step clipped. */
  clip?: { normAfter: number; clipped: boolean };
  /** Per-layer statistics, on statistics steps (of the gradient applied, after clipping). */
  layers?: LayerStats[];
  /** Each layer's kernel gradient, on histogram steps (copies: valid after the next step). */
  kernelGrads?: Float32Array[];
}

export interface StepEngine {
  readonly id: EngineId;
  /** One step; an engine on a backend without synchronous reads (WebGPU on Node) resolves a promise. */
  step(req: StepRequest): StepResult | Promise<StepResult>;
  /** Write the engine's weights (and batch-norm running statistics) into the model's variables, for evaluation. */
  syncVariables(): void;
  dispose(): void;
}
