// Reading what a native addon was built for from its bytes: format and CPU from the ELF, Mach-O and PE headers,
// ABI from the exported registration symbol; and the sentence that says why it does not fit.
import { describe, expect, it } from 'vitest';
import { addonMismatch, inspectAddon } from '../../electron/common/native-addon';

function withSymbol(header: Uint8Array, symbol = 'node_register_module_v146'): Uint8Array {
  const tail = new TextEncoder().encode(`\0\0${symbol}\0`);
  const out = new Uint8Array(Math.max(header.length, 0x100) + tail.length);
  out.set(header);
  out.set(tail, out.length - tail.length);
  return out;
}

function elf(machine: number): Uint8Array {
  const b = new Uint8Array(64);
  b.set([0x7f, 0x45, 0x4c, 0x46, 2, 1]);
  b[18] = machine & 0xff;
  b[19] = machine >> 8;
  return b;
}

function macho(cpu: number): Uint8Array {
  const b = new Uint8Array(32);
  const v = new DataView(b.buffer);
  v.setUint32(0, 0xfeedfacf, true);
  v.setUint32(4, cpu, true);
  return b;
}

function pe(machine: number): Uint8Array {
  const b = new Uint8Array(0x100);
  const v = new DataView(b.buffer);
  b.set([0x4d, 0x5a]);
  v.setUint32(0x3c, 0x80, true);
  b.set([0x50, 0x45, 0, 0], 0x80);
  v.setUint16(0x84, machine, true);
  return b;
}

describe('native addon inspection', () => {
  it('reads format, CPU and ABI on all three systems', () => {
    expect(inspectAddon(withSymbol(elf(0x3e)))).toEqual({ format: 'elf', arch: 'x64', abi: 146 });
    expect(inspectAddon(withSymbol(elf(0xb7), 'node_register_module_v115'))).toEqual({ format: 'elf', arch: 'arm64', abi: 115 });
    expect(inspectAddon(withSymbol(macho(0x0100000c)))).toEqual({ format: 'mach-o', arch: 'arm64', abi: 146 });
    expect(inspectAddon(withSymbol(macho(0x01000007), '_node_register_module_v146'))).toEqual({ format: 'mach-o', arch: 'x64', abi: 146 });
    expect(inspectAddon(withSymbol(pe(0x8664)))).toEqual({ format: 'pe', arch: 'x64', abi: 146 });
    expect(inspectAddon(withSymbol(pe(0xaa64), 'napi_register_module_v1'))).toEqual({ format: 'pe', arch: 'arm64', abi: 'napi' });
    expect(inspectAddon(new Uint8Array([0xca, 0xfe, 0xba, 0xbe, 0, 0, 0, 2])).arch).toBe('universal');
    expect(inspectAddon(new TextEncoder().encode('<html>not an addon</html>'))).toEqual({ format: 'unknown', arch: null, abi: null });
  });

  it('says plainly why an addon does not fit', () => {
    const want = { abi: 146, arch: 'x64', runtime: 'Electron 42' };
    expect(addonMismatch('a.node', inspectAddon(withSymbol(elf(0x3e))), want)).toBeNull();
    expect(addonMismatch('a.node', inspectAddon(withSymbol(elf(0x3e), 'node_register_module_v115')), want)).toBe(
      'a.node was built for NODE_MODULE_VERSION 115, but Electron 42 needs 146.',
    );
    expect(addonMismatch('a.node', inspectAddon(withSymbol(elf(0xb7))), want)).toBe('a.node was built for arm64, but Electron 42 runs on x64.');
    expect(addonMismatch('a.node', inspectAddon(elf(0x3e)), want)).toMatch(/does not export a Node module registration symbol/);
    expect(addonMismatch('a.node', inspectAddon(new Uint8Array(8)), want)).toMatch(/not a native module/);
  });
});
