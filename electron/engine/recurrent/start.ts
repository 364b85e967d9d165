// The trainer process's way into a recurrent run: load the sequence data, train with backpropagation through
// time on Gradient Lab's WebAssembly kernels (no tfjs backend is involved, so the run reports 'wasm' with no
// rung skipped), and stream the records as an MLP run streams them.
import type { ExperimentConfig } from '../../common/config';
import type { FromTrainer } from '../../common/trainer-protocol';
import type { TrainOutcome } from '../train/train';
import { loadSequenceData } from './sequence-data';
import { trainRecurrent } from './train-recurrent';

export async function startRecurrent(
  config: ExperimentConfig,
  mnistDir: string | undefined,
  send: (m: FromTrainer) => void,
  onStep: (step: number) => void,
  signal: AbortSignal,
): Promise<TrainOutcome> {
  const data = await loadSequenceData(config, mnistDir);
  return trainRecurrent(
    config,
    data,
    {
      onStart: (info) => send({ type: 'started', backend: 'wasm', skipped: [], ...info }),
      onBatch: (record) => {
        onStep(record.step);
        send(record);
      },
      onEpoch: send,
    },
    signal,
  );
}
