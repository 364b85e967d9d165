// "Change one thing": the remedies and alternatives a class tries one at a time, each applied alone to a run's
// config so its effect is isolated (+ReLU, +He, +batch norm, +residual, tanh, leaky ReLU, ELU, GELU, Glorot,
// LeCun). Pure functions of the config; the run is named from the change by run-naming.ts.
import type { ExperimentConfig } from './config';

export const ONE_CHANGES = ['relu', 'he', 'batchNorm', 'residual', 'tanh', 'leakyRelu', 'elu', 'gelu', 'glorot', 'lecun'] as const;
export type OneChange = (typeof ONE_CHANGES)[number];

/** The button's label: the same short technical name in every language. */
export const ONE_CHANGE_LABELS: Record<OneChange, string> = {
  relu: '+ReLU', he: '+He', batchNorm: '+batch norm', residual: '+residual', tanh: 'tanh', leakyRelu: 'leaky ReLU',
  elu: 'ELU', gelu: 'GELU', glorot: 'Glorot', lecun: 'LeCun',
};

/** `c` with exactly one setting changed. */
export function applyOneChange(c: ExperimentConfig, change: OneChange): ExperimentConfig {
  const model = { ...c.model };
  switch (change) {
    case 'relu': case 'tanh': case 'leakyRelu': case 'elu': case 'gelu':
      model.activation = change;
      break;
    case 'he':
      model.initializer = { kind: 'heNormal' };
      break;
    case 'glorot':
      model.initializer = { kind: 'glorotUniform' };
      break;
    case 'lecun':
      model.initializer = { kind: 'lecunNormal' };
      break;
    case 'batchNorm':
      model.batchNorm = true;
      break;
    case 'residual':
      model.residual = true;
      break;
  }
  return { ...c, model };
}

/** Whether the change would change anything (a sigmoid run's "+batch norm" does; a batch-norm run's does not). */
export function changesSomething(c: ExperimentConfig, change: OneChange): boolean {
  return JSON.stringify(applyOneChange(c, change)) !== JSON.stringify(c);
}
