// Every reason sentence the engine can record reads back into its parts, so the UI can say it in Japanese.
import { describe, expect, it } from 'vitest';
import { backendReason, parseBackendReason } from '../../electron/common/backend-reasons';

describe('backend reasons', () => {
  it('reads back each sentence the engine builds', () => {
    expect(parseBackendReason(backendReason.ready('@tensorflow/tfjs-backend-wasm'))).toEqual({ code: 'ready', pkg: '@tensorflow/tfjs-backend-wasm' });
    expect(parseBackendReason(backendReason.notInstalled('@tensorflow/tfjs-node-gpu'))).toEqual({ code: 'not-installed', pkg: '@tensorflow/tfjs-node-gpu' });
    expect(parseBackendReason(backendReason.loadFailed('@tensorflow/tfjs-node', 'libtensorflow.so: cannot open: x'))).toEqual({
      code: 'load-failed',
      pkg: '@tensorflow/tfjs-node',
      detail: 'libtensorflow.so: cannot open: x',
    });
    expect(parseBackendReason(backendReason.noBackend('@tensorflow/tfjs-node', 'tensorflow'))).toEqual({ code: 'no-backend', pkg: '@tensorflow/tfjs-node', name: 'tensorflow' });
    expect(parseBackendReason(backendReason.initFailed('wasm'))).toEqual({ code: 'init-failed', name: 'wasm' });
    expect(parseBackendReason(backendReason.failed('tensorflow-gpu', 'no CUDA device'))).toEqual({ code: 'failed', name: 'tensorflow-gpu', detail: 'no CUDA device' });
  });

  it('keeps a sentence it does not know as it is', () => {
    expect(parseBackendReason('something else happened')).toEqual({ code: 'other', detail: 'something else happened' });
  });
});
