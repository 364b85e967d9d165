// What a native Node addon (.node file) was built for, read from its bytes: the binary format and CPU from the
// ELF / Mach-O / PE header, and the ABI from the exported `node_register_module_vNNN` symbol that every
// non-N-API addon carries (the same name on Linux, macOS and Windows). Used to refuse an Electron copy of
// better-sqlite3 that was really built for Node (or another CPU) before anything tries to load it.

export type AddonFormat = 'elf' | 'mach-o' | 'mach-o-universal' | 'pe' | 'unknown';

export interface AddonInfo {
  format: AddonFormat;
  /** Node's arch names (x64, arm64, ia32, arm), 'universal' for a fat Mach-O, null when unknown. */
  arch: string | null;
  /** NODE_MODULE_VERSION from the exported registration symbol; 'napi' for N-API addons; null if none. */
  abi: number | 'napi' | null;
}

const ELF_MACHINES: Record<number, string> = { 0x3e: 'x64', 0xb7: 'arm64', 0x03: 'ia32', 0x28: 'arm' };
const MACHO_CPUS: Record<number, string> = { 0x01000007: 'x64', 0x0100000c: 'arm64', 0x07: 'ia32', 0x0c: 'arm' };
const PE_MACHINES: Record<number, string> = { 0x8664: 'x64', 0xaa64: 'arm64', 0x14c: 'ia32', 0x1c4: 'arm' };

function u16(b: Uint8Array, at: number, little: boolean): number {
  return little ? b[at]! | (b[at + 1]! << 8) : (b[at]! << 8) | b[at + 1]!;
}

function u32(b: Uint8Array, at: number, little: boolean): number {
  const v = little ? b[at]! | (b[at + 1]! << 8) | (b[at + 2]! << 16) | (b[at + 3]! << 24) : (b[at]! << 24) | (b[at + 1]! << 16) | (b[at + 2]! << 8) | b[at + 3]!;
  return v >>> 0;
}

function header(b: Uint8Array): Pick<AddonInfo, 'format' | 'arch'> {
  if (b.length >= 20 && b[0] === 0x7f && b[1] === 0x45 && b[2] === 0x4c && b[3] === 0x46) {
    return { format: 'elf', arch: ELF_MACHINES[u16(b, 18, b[5] === 1)] ?? null };
  }
  if (b.length >= 8) {
    const le = u32(b, 0, true);
    if (le === 0xfeedfacf || le === 0xfeedface) return { format: 'mach-o', arch: MACHO_CPUS[u32(b, 4, true)] ?? null };
    if (u32(b, 0, false) === 0xcafebabe) return { format: 'mach-o-universal', arch: 'universal' };
  }
  if (b.length >= 0x40 && b[0] === 0x4d && b[1] === 0x5a) {
    const pe = u32(b, 0x3c, true);
    if (pe + 6 <= b.length && b[pe] === 0x50 && b[pe + 1] === 0x45 && b[pe + 2] === 0 && b[pe + 3] === 0) {
      return { format: 'pe', arch: PE_MACHINES[u16(b, pe + 4, true)] ?? null };
    }
  }
  return { format: 'unknown', arch: null };
}

function abi(b: Uint8Array): AddonInfo['abi'] {
  // latin1 maps every byte to one char, so offsets and ASCII names survive.
  const text = new TextDecoder('latin1').decode(b);
  const found = /node_register_module_v(\d{2,4})/.exec(text);
  if (found) return Number(found[1]);
  return /napi_register_module_v\d/.test(text) ? 'napi' : null;
}

export function inspectAddon(bytes: Uint8Array): AddonInfo {
  return { ...header(bytes), abi: abi(bytes) };
}

/** The one-sentence reason an addon does not fit (`null` when it does), naming the file. */
export function addonMismatch(file: string, info: AddonInfo, want: { abi: number; arch: string; runtime: string }): string | null {
  if (info.format === 'unknown') return `${file} is not a native module (damaged or incomplete build).`;
  if (info.abi === null) return `${file} does not export a Node module registration symbol (damaged or not a Node addon).`;
  if (info.abi !== 'napi' && info.abi !== want.abi) {
    return `${file} was built for NODE_MODULE_VERSION ${info.abi}, but ${want.runtime} needs ${want.abi}.`;
  }
  if (info.arch !== null && info.arch !== 'universal' && info.arch !== want.arch) {
    return `${file} was built for ${info.arch}, but ${want.runtime} runs on ${want.arch}.`;
  }
  return null;
}
