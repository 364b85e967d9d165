// Which step engine trains a run: Gradient Lab's wasm kernels where tfjs computes on this CPU anyway (wasm, cpu
// backends) and the model fits in KERNEL_MEMORY_LIMIT; the hand-written tfjs-ops pass on backends with a device
// of their own (native TensorFlow, GPU); the gradient-tape step for whatever neither expresses (activations
// without a hand-written derivative; batch norm off the kernels).
import * as tf from '@tensorflow/tfjs';
import type { ExperimentConfig } from '../../common/config';
import type { Mlp } from '../model/mlp';
import type { EngineId, StepEngine } from './engine';
import { defaultFastEngine, FastStep, KERNEL_MEMORY_LIMIT, passLayers, supportsFastStep } from './fast-step';
import { KernelPass } from './kernel-pass';
import { TapeStep } from './tape-step';

/** The engine a config trains on here (`prefer` forces one where it can train the model). */
export function engineFor(mlp: Mlp, config: Pick<ExperimentConfig, 'model' | 'optimizer'>, maxBatch: number, prefer?: EngineId): EngineId {
  const { model, optimizer } = config;
  const fast = prefer === 'tape' ? undefined : (prefer ?? defaultFastEngine());
  if (fast === 'kernels') {
    // Very large models or batches (up to 2048 wide, 50 deep, 60 000 rows are allowed) stay off the kernels
    // rather than reserve more than KERNEL_MEMORY_LIMIT of kernel memory up front.
    const fits = KernelPass.bytesFor(passLayers(mlp), mlp.layers[0]!.info.fanIn, maxBatch, optimizer) <= KERNEL_MEMORY_LIMIT;
    if (fits && supportsFastStep(model, 'kernels')) return 'kernels';
  }
  if (fast && supportsFastStep(model, 'tfjs-ops')) return 'tfjs-ops';
  return 'tape';
}

/** Whether the active backend can read tensors synchronously (WebGPU on Node cannot). */
export function readsSynchronously(): boolean {
  return tf.getBackend() !== 'webgpu';
}

/**
 * The step engine for a run (see engineFor). On a backend without synchronous reads the tape step runs on the
 * device and reads its values once per step, asynchronously.
 */
export function chooseEngine(mlp: Mlp, config: Pick<ExperimentConfig, 'model' | 'optimizer'>, maxBatch: number, prefer?: EngineId): StepEngine {
  if (!readsSynchronously()) {
    const tape = new TapeStep(mlp, config.optimizer);
    return { id: tape.id, step: (req) => tape.stepAsync(req), syncVariables: () => tape.syncVariables(), dispose: () => tape.dispose() };
  }
  const id = engineFor(mlp, config, maxBatch, prefer);
  return id === 'tape' ? new TapeStep(mlp, config.optimizer) : new FastStep(mlp, config.optimizer, { maxBatch, engine: id });
}
