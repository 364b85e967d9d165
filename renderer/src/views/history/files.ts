// Getting files in and out of a sandboxed renderer without Node: downloads through a Blob link (works in
// Electron and in a browser alike) and reading a picked file as base64 for the bundle import.
import { saveBlob } from '../../lib/save-file';

export function base64ToBytes(base64: string): Uint8Array<ArrayBuffer> {
  const bin = atob(base64);
  const out = new Uint8Array(bin.length);
  for (let i = 0; i < bin.length; i++) out[i] = bin.charCodeAt(i);
  return out;
}

export function bytesToBase64(bytes: Uint8Array): string {
  let bin = '';
  const CHUNK = 0x8000; // String.fromCharCode's argument list has a limit.
  for (let i = 0; i < bytes.length; i += CHUNK) bin += String.fromCharCode(...bytes.subarray(i, i + CHUNK));
  return btoa(bin);
}

export function downloadBase64(base64: string, fileName: string, type = 'application/gzip'): void {
  saveBlob(new Blob([base64ToBytes(base64)], { type }), fileName);
}

export function downloadText(text: string, fileName: string, type = 'text/csv'): void {
  saveBlob(new Blob([text], { type: `${type};charset=utf-8` }), fileName);
}

/** A picked file's bytes as base64 (FileReader, which every renderer and jsdom have). */
export function readAsBase64(file: Blob): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(bytesToBase64(new Uint8Array(reader.result as ArrayBuffer)));
    reader.onerror = () => reject(reader.error ?? new Error('The file could not be read'));
    reader.readAsArrayBuffer(file);
  });
}
