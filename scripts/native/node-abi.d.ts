// The part of node-abi's API the native build uses (the package ships no types).
declare module 'node-abi' {
  /** NODE_MODULE_VERSION of a runtime version, as a string (e.g. getAbi('42.0.0', 'electron')). */
  export function getAbi(target: string, runtime?: 'node' | 'electron' | 'node-webkit'): string;
}
