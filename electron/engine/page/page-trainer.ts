// The trainer of the WebGPU page: the same trainer protocol the Node trainer speaks (trainer-process.ts), over
// the MessagePort the page is handed. probe → probe-result (the webgpu rung only); start → started, records,
// then exactly one of done / stopped / diverged / failed; stop → the run stops within one batch, or (after
// the run's last message) the page closes. A page cannot read files: an MNIST-layout data set comes as the
// four IDX files' bytes in the start message.
import { ExperimentConfigSchema } from '../../common/config';
import type { FromTrainer, ToTrainer } from '../../common/trainer-protocol';
import { parseOrThrow } from '../../common/validation';
import { backendReason } from '../../common/backend-reasons';
import { assertBatchFits, type Dataset } from '../data/dataset';
import { datasetOfIdxBytes } from '../data/idx-dataset';
import { loadToyMortgage } from '../data/toy-mortgage';
import { train } from '../train/train';
import { activatePageWebGpu, onPageWebGpuFault, pageWebGpuFaultWithin } from './page-webgpu';

/** The page's end of its port (a DOM MessagePort). */
export interface PagePort {
  postMessage(message: unknown): void;
  addEventListener(type: 'message', listener: (e: { data: unknown }) => void): void;
  start(): void;
}

/** Why the page's kernels answer is what it is: the page trains with the gradient tape on the device. */
const NO_KERNELS = 'not used: the WebGPU trainer page trains with the gradient-tape step on the GPU';
/** How long a failed op waits for the device to say it was lost. */
const FAULT_SETTLE_MS = 1_000;
/** A host that never acknowledges the run's last message: close anyway after this long. */
const CLOSE_AFTER_END_MS = 10_000;

type Start = Extract<ToTrainer, { type: 'start' }>;

function datasetOf(message: Start, seed: number): Dataset {
  const cfg = message.config.dataset;
  switch (cfg.kind) {
    case 'toy-mortgage':
      return loadToyMortgage(seed);
    case 'mnist':
    case 'idx-folder':
      if (!message.idxFiles) throw new Error('the WebGPU trainer page was given no IDX files for this data set');
      return datasetOfIdxBytes(message.idxFiles, {
        seed,
        trainSize: cfg.trainSize,
        testSize: cfg.testSize,
        name: cfg.kind === 'mnist' ? 'MNIST' : `IDX folder ${cfg.folder}`,
      });
    case 'adding':
      // Recurrent models train on the wasm kernels of the Node trainer; the service never sends them here.
      throw new Error('the WebGPU trainer page trains no recurrent model: the adding problem runs in the Node trainer');
    default: {
      const never: never = cfg;
      throw new Error(`unknown dataset ${JSON.stringify(never)}`);
    }
  }
}

/** Serve one trainer over `port`; `close` ends the page (the window closes; main reports the trainer's exit). */
export function servePageTrainer(port: PagePort, close: () => void): void {
  const send = (m: FromTrainer) => port.postMessage(m);
  let run: AbortController | undefined;
  let ended = false;
  let lastStep = -1;
  let requestedAfterStep: number | undefined;

  const end = (m: FromTrainer) => {
    if (ended) return;
    ended = true;
    send(m);
    setTimeout(close, CLOSE_AFTER_END_MS);
  };

  async function start(message: Start): Promise<void> {
    const controller = new AbortController();
    run = controller;
    const config = parseOrThrow(ExperimentConfigSchema, message.config, 'config');
    const gpu = await activatePageWebGpu();
    if (gpu.reason !== null) throw new Error(gpu.reason);
    onPageWebGpuFault((reason) => end({ type: 'failed', message: reason }));
    const data = datasetOf(message, config.training.seed);
    assertBatchFits(config.dataset, data, config.training.batchSize);
    const outcome = await train(
      config,
      data,
      {
        onStart: (info) => send({ type: 'started', backend: 'webgpu', skipped: [], ...info }),
        onBatch: (record) => {
          lastStep = record.step;
          send(record);
        },
        onEpoch: send,
        onHistogram: send,
      },
      controller.signal,
    );
    end(outcome.type === 'stopped' && requestedAfterStep !== undefined ? { ...outcome, requestedAfterStep } : outcome);
  }

  async function handle(message: ToTrainer): Promise<void> {
    switch (message.type) {
      case 'probe': {
        const gpu = await activatePageWebGpu();
        const reason = gpu.reason ?? backendReason.windowReady(gpu.adapter || 'no description');
        if (gpu.adapter) send({ type: 'log', message: `WebGPU adapter: ${gpu.adapter}` });
        send({ type: 'probe-result', backends: [{ name: 'webgpu', available: gpu.reason === null, reason }], kernels: { available: false, reason: NO_KERNELS } });
        return;
      }
      case 'start':
        if (run) {
          send({ type: 'log', message: 'a run is already in progress in this trainer; start ignored' });
          return;
        }
        await start(message);
        return;
      case 'stop':
        // The host acknowledged the run's last message, or stops a run, or releases an idle trainer.
        if (ended || !run) close();
        else {
          requestedAfterStep ??= lastStep;
          run.abort();
        }
        return;
      default: {
        const never: never = message;
        send({ type: 'log', message: `unknown message ${JSON.stringify(never)}` });
      }
    }
  }

  port.addEventListener('message', (e) => {
    const m = e.data as ToTrainer;
    handle(m).catch(async (err: unknown) => {
      // After a device loss the step's own error (a rejected mapAsync) comes first: the device's reason says more.
      const message = (await pageWebGpuFaultWithin(FAULT_SETTLE_MS)) ?? (err instanceof Error ? err.message || err.name : String(err));
      if (m.type === 'start') end({ type: 'failed', message });
      else send({ type: 'log', message: `trainer error: ${message}` });
    });
  });
  port.start();
  // A page does not know its own process id: main reports it with the port (0 here means "not known").
  send({ type: 'ready', pid: 0 });
}
