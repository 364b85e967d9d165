// LabClient over the preload's `window.lab`.
import { methods, type LabApi, type MethodName, type MethodRequest, type MethodResponse } from '../../../../electron/common/contract';
import type { Result } from '../../../../electron/common/result';
import { unwrap, type LabClient } from './client';

export function electronClient(lab: LabApi): LabClient {
  return {
    transport: 'electron',
    async call<M extends MethodName>(method: M, request: MethodRequest<M>): Promise<MethodResponse<M>> {
      const verb = lab[methods[method].verb] as unknown as (r: MethodRequest<M>) => Promise<Result<MethodResponse<M>>>;
      return unwrap(await verb(request));
    },
    onEvent: (listener) => lab.onEvent(listener),
  };
}
