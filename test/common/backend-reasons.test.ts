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
    expect(parseBackendReason(backendReason.noGpuDevice('@tensorflow/tfjs-node-gpu'))).toEqual({ code: 'no-gpu-device', pkg: '@tensorflow/tfjs-node-gpu' });
    expect(parseBackendReason(backendReason.probeTimeout('@tensorflow/tfjs-node-gpu', 60))).toEqual({ code: 'probe-timeout', pkg: '@tensorflow/tfjs-node-gpu', seconds: '60' });
    expect(parseBackendReason(backendReason.probeCrashed('@tensorflow/tfjs-node', 'signal SIGABRT: x'))).toEqual({ code: 'probe-crashed', pkg: '@tensorflow/tfjs-node', detail: 'signal SIGABRT: x' });
    expect(parseBackendReason(backendReason.noAdapter())).toEqual({ code: 'no-adapter' });
    expect(parseBackendReason(backendReason.otherNative('@tensorflow/tfjs-node-gpu'))).toEqual({ code: 'other-native', pkg: '@tensorflow/tfjs-node-gpu' });
    expect(parseBackendReason(backendReason.windowReady('google swiftshader'))).toEqual({ code: 'window-ready', adapter: 'google swiftshader' });
  });

  it('keeps a sentence it does not know as it is', () => {
    expect(parseBackendReason('something else happened')).toEqual({ code: 'other', detail: 'something else happened' });
  });
});
