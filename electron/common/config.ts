// The experiment configuration: one zod schema shared by the renderer (inline validation), the service
// (validation before anything starts) and the trainer. Every bound is stated once, here, with its reason.
import { z } from 'zod';
import { BackendNameSchema } from './app-info';
import { LIMITS_RECURRENT, RECURRENT_CELLS, refineRecurrent } from './recurrent-limits';

export { LIMITS_RECURRENT, RECURRENT_CELLS, recurrentMemoryBytes, type RecurrentCell } from './recurrent-limits';

export const ACTIVATIONS = ['sigmoid', 'tanh', 'relu', 'leakyRelu', 'elu', 'selu', 'gelu', 'softplus', 'linear'] as const;
export const ActivationSchema = z.enum(ACTIVATIONS);
export type Activation = z.infer<typeof ActivationSchema>;

export const OPTIMIZERS = ['sgd', 'momentum', 'adam', 'rmsprop'] as const;
export const OptimizerKindSchema = z.enum(OPTIMIZERS);

export const LIMITS = {
  depth: { min: 1, max: 50 },
  width: { min: 1, max: 2048 },
  epochs: { min: 1, max: 1000 },
  batchSize: { min: 1, max: 60000 },
  mnistTrain: { min: 10, max: 60000 },
  mnistTest: { min: 10, max: 10000 },
  learningRate: { max: 1e9 },
  seed: { min: 0, max: 2 ** 31 - 1 },
  statsEvery: { min: 1, max: 10000 },
  histogramEvery: { min: 0, max: 100000 },
  probeEvery: { min: 0, max: 10000 },
} as const;

const int = (name: string, min: number, max: number) =>
  z
    .number({ error: `${name} must be a number` })
    .int(`${name} must be a whole number`)
    .min(min, `${name} must be at least ${min} (allowed ${min}–${max})`)
    .max(max, `${name} must be at most ${max} (allowed ${min}–${max})`);

const finite = (name: string) => z.number({ error: `${name} must be a number` }).finite(`${name} must be a finite number`);

export const InitializerSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('randomNormal'), mean: finite('mean'), std: finite('std').positive('std must be greater than 0') }).strict(),
  z.object({ kind: z.literal('randomUniform'), min: finite('min'), max: finite('max') }).strict().refine((v) => v.max > v.min, {
    message: 'max must be greater than min',
    path: ['max'],
  }),
  z.object({ kind: z.literal('glorotUniform') }).strict(),
  z.object({ kind: z.literal('glorotNormal') }).strict(),
  z.object({ kind: z.literal('heNormal') }).strict(),
  z.object({ kind: z.literal('heUniform') }).strict(),
  z.object({ kind: z.literal('lecunNormal') }).strict(),
  /** The "standard" initialization of the 1990s–2000s: U[−1/√n, 1/√n], n = fan-in (variance 1/(3n)). */
  z.object({ kind: z.literal('standardUniform') }).strict(),
  /** LeCun uniform: U[−√(3/n), √(3/n)], n = fan-in (variance 1/n). */
  z.object({ kind: z.literal('lecunUniform') }).strict(),
  /**
   * Kaiming normal with the gain PyTorch gives tanh (torch.nn.init.kaiming_normal_(nonlinearity='tanh')):
   * N(0, (5/3)²/n), n = fan-in, not truncated — the init of Karpathy's makemore part 3.
   */
  z.object({ kind: z.literal('kaimingTanh') }).strict(),
]);
export type Initializer = z.infer<typeof InitializerSchema>;
/** PyTorch's calculate_gain('tanh'): the gain of kaimingTanh. */
export const KAIMING_TANH_GAIN = 5 / 3;
export const INITIALIZER_KINDS = ['randomNormal', 'randomUniform', 'glorotUniform', 'glorotNormal', 'heNormal', 'heUniform', 'lecunNormal', 'standardUniform', 'lecunUniform', 'kaimingTanh'] as const;

export const DatasetSchema = z.discriminatedUnion('kind', [
  z.object({
    kind: z.literal('mnist'),
    /** Train images used; fewer than 60 000 draws a class-balanced subset with the run's seed. */
    trainSize: int('trainSize', LIMITS.mnistTrain.min, LIMITS.mnistTrain.max).default(60000),
    testSize: int('testSize', LIMITS.mnistTest.min, LIMITS.mnistTest.max).default(10000),
  }).strict(),
  z.object({
    kind: z.literal('idx-folder'),
    /** A folder holding the four IDX files in MNIST layout (e.g. Fashion-MNIST). */
    folder: z.string().min(1, 'folder must name a folder holding four IDX files').max(4096),
    trainSize: int('trainSize', LIMITS.mnistTrain.min, LIMITS.mnistTrain.max).optional(),
    testSize: int('testSize', LIMITS.mnistTest.min, LIMITS.mnistTest.max).optional(),
  }).strict(),
  z.object({ kind: z.literal('toy-mortgage') }).strict(),
  z.object({
    kind: z.literal('adding'),
    /** The adding problem: T steps of (value, marker); the answer is the sum of the two marked values. */
    length: int('length', LIMITS_RECURRENT.length.min, LIMITS_RECURRENT.length.max),
    trainSize: int('trainSize', LIMITS_RECURRENT.addingTrain.min, LIMITS_RECURRENT.addingTrain.max).default(10000),
    testSize: int('testSize', LIMITS_RECURRENT.addingTest.min, LIMITS_RECURRENT.addingTest.max).default(1000),
  }).strict(),
]);
export type DatasetConfig = z.infer<typeof DatasetSchema>;

export const ModelSchema = z.object({
  /** Number of hidden layers (ignored when `widths` is given). */
  depth: int('depth', LIMITS.depth.min, LIMITS.depth.max),
  /** Units in every hidden layer (ignored when `widths` is given). */
  width: int('width', LIMITS.width.min, LIMITS.width.max),
  /** Explicit hidden widths, input side first; overrides depth × width. */
  widths: z
    .array(int('width', LIMITS.width.min, LIMITS.width.max))
    .min(LIMITS.depth.min, `widths must list at least ${LIMITS.depth.min} layer`)
    .max(LIMITS.depth.max, `widths may list at most ${LIMITS.depth.max} layers`)
    .optional(),
  activation: ActivationSchema,
  initializer: InitializerSchema,
  /** Batch normalization between each hidden Dense layer and its activation. */
  batchNorm: z.boolean(),
  /** Identity skip around each hidden block whose input and output widths match. */
  residual: z.boolean(),
}).strict();
export type ModelConfig = z.infer<typeof ModelSchema>;

/**
 * Gradient clipping (Pascanu, Mikolov & Bengio 2013): 'norm' rescales all gradients together when their global
 * norm ‖g‖ exceeds the threshold (g ← g·threshold/‖g‖); 'value' clamps every entry to [−threshold, threshold].
 * Bounds: a threshold of 0 would stop learning; above 1e6 no gradient of a working run is ever clipped.
 */
export const GRADIENT_CLIP_KINDS = ['norm', 'value'] as const;
export const GRADIENT_CLIP_LIMITS = { min: 1e-6, max: 1e6 } as const;
const CLIP_RANGE = 'allowed 1e-6–1e6';
export const GradientClipSchema = z.object({
  kind: z.enum(GRADIENT_CLIP_KINDS, { error: `clip.kind must be one of ${GRADIENT_CLIP_KINDS.join(', ')}` }),
  threshold: finite('threshold')
    .min(GRADIENT_CLIP_LIMITS.min, `threshold must be at least 1e-6 (${CLIP_RANGE})`)
    .max(GRADIENT_CLIP_LIMITS.max, `threshold must be at most 1e6 (${CLIP_RANGE})`),
}).strict();
export type GradientClip = z.infer<typeof GradientClipSchema>;

export const OptimizerSchema = z.object({
  kind: OptimizerKindSchema,
  learningRate: finite('learningRate')
    .positive('learningRate must be greater than 0')
    .max(LIMITS.learningRate.max, `learningRate must be at most ${LIMITS.learningRate.max}`),
  /** Gradient clipping before the update (absent = none); see GradientClipSchema. */
  clip: GradientClipSchema.optional(),
}).strict();

export const TrainingSchema = z.object({
  epochs: int('epochs', LIMITS.epochs.min, LIMITS.epochs.max),
  batchSize: int('batchSize', LIMITS.batchSize.min, LIMITS.batchSize.max),
  seed: int('seed', LIMITS.seed.min, LIMITS.seed.max),
  /** Per-layer statistics every N batches (1 = every batch). */
  statsEvery: int('statsEvery', LIMITS.statsEvery.min, LIMITS.statsEvery.max).default(1),
  /** Gradient histograms every N batches (0 = never). */
  histogramEvery: int('histogramEvery', LIMITS.histogramEvery.min, LIMITS.histogramEvery.max).default(50),
  /**
   * The layer probe (engine/train/layer-probe.ts) every N statistics steps (0 = never; absent = PROBE_EVERY_DEFAULT).
   * Step 0 always gets one when N > 0. Each probe is one extra forward and backward pass and about 1.4 kB per layer
   * in the store.
   */
  probeEvery: int('probeEvery', LIMITS.probeEvery.min, LIMITS.probeEvery.max).optional(),
}).strict();

/**
 * Layer probes every this many statistics steps when a config does not say. A probe costs about as much as
 * 5–10 training steps (37 ms for seed-he, 95 ms for deep-sigmoid at batch 128 on wasm), so 200 keeps it near
 * 5 % of training time while a 10-epoch MNIST run still gets ~25 probes.
 */
export const PROBE_EVERY_DEFAULT = 200;
export const RecurrentSchema = z.object({
  /** rnn: tanh; irnn: ReLU with identity recurrent weights; lstm (forget-gate bias forgetBias); gru. */
  cell: z.enum(RECURRENT_CELLS, { error: `cell must be one of ${RECURRENT_CELLS.join(', ')}` }),
  hidden: int('hidden', LIMITS_RECURRENT.hidden.min, LIMITS_RECURRENT.hidden.max),
  /** Initial bias of the LSTM forget gate (1 as Keras; PyTorch starts at 0). */
  forgetBias: finite('forgetBias')
    .min(LIMITS_RECURRENT.forgetBias.min, `forgetBias must be at least ${LIMITS_RECURRENT.forgetBias.min} (allowed ${LIMITS_RECURRENT.forgetBias.min}–${LIMITS_RECURRENT.forgetBias.max})`)
    .max(LIMITS_RECURRENT.forgetBias.max, `forgetBias must be at most ${LIMITS_RECURRENT.forgetBias.max} (allowed ${LIMITS_RECURRENT.forgetBias.min}–${LIMITS_RECURRENT.forgetBias.max})`)
    .default(1),
  /**
   * The recurrent weights at initialization drawn from N(0, ρ²/hidden), whose spectral radius is about ρ (the
   * circular law; IRNN: ρ times the identity). Above 1 the gradient through time can explode (Pascanu, Mikolov &
   * Bengio 2013). Absent: PyTorch's uniform ±1/√hidden, a spectral radius of about 1/√3 ≈ 0.58.
   */
  recurrentRadius: finite('recurrentRadius')
    .min(LIMITS_RECURRENT.recurrentRadius.min, `recurrentRadius must be at least ${LIMITS_RECURRENT.recurrentRadius.min} (allowed ${LIMITS_RECURRENT.recurrentRadius.min}–${LIMITS_RECURRENT.recurrentRadius.max})`)
    .max(LIMITS_RECURRENT.recurrentRadius.max, `recurrentRadius must be at most ${LIMITS_RECURRENT.recurrentRadius.max} (allowed ${LIMITS_RECURRENT.recurrentRadius.min}–${LIMITS_RECURRENT.recurrentRadius.max})`)
    .optional(),
}).strict();
export type RecurrentConfig = z.output<typeof RecurrentSchema>;

/** Examples in the toy mortgage set's training split (an idx-folder's size is known only when it is loaded). */
export const TOY_MORTGAGE_TRAIN_SIZE = 512;

export const ExperimentConfigSchema = z
  .object({
    /** The preset this config started from, if any (kept for filtering; the config itself is authoritative). */
    preset: z.string().max(64).optional(),
    dataset: DatasetSchema,
    model: ModelSchema,
    optimizer: OptimizerSchema,
    training: TrainingSchema,
    /** Start the backend ladder here instead of at the top. */
    backend: BackendNameSchema.optional(),
    /** A recurrent network (trained with backpropagation through time) instead of the MLP of `model`. */
    recurrent: RecurrentSchema.optional(),
  })
  .strict()
  .superRefine(refineRecurrent)
  .superRefine((c, ctx) => {
    const train =
      c.dataset.kind === 'mnist' || c.dataset.kind === 'idx-folder' ? c.dataset.trainSize : c.dataset.kind === 'toy-mortgage' ? TOY_MORTGAGE_TRAIN_SIZE : undefined;
    if (train !== undefined && c.training.batchSize > train) {
      ctx.addIssue({
        code: 'custom',
        path: ['training', 'batchSize'],
        message: `batchSize (${c.training.batchSize}) must not exceed the training set size (${train})`,
      });
    }
  });

export type ExperimentConfig = z.output<typeof ExperimentConfigSchema>;
export type ExperimentConfigInput = z.input<typeof ExperimentConfigSchema>;

/** Hidden widths, input side first, whichever way the config states them. */
export function hiddenWidths(model: ModelConfig): number[] {
  return model.widths ?? Array.from({ length: model.depth }, () => model.width);
}
