// Test digits for the predictions grid: decode the base64 28×28 bytes of a Prediction and turn them into a
// few SVG paths (one per grey level), so a digit is pure SVG — drawn, tested and exported without a canvas.
import type { Prediction } from '../../../electron/common/records';

export const DIGIT_SIZE = 28;

export function decodePixels(base64: string): Uint8Array {
  const bin = atob(base64);
  const out = new Uint8Array(bin.length);
  for (let i = 0; i < bin.length; i++) out[i] = bin.charCodeAt(i);
  return out;
}

/** Ink as paths of unit squares, grouped into `levels` grey levels (darkest last so it paints on top). */
export function digitPaths(pixels: Uint8Array, levels = 4): { opacity: number; d: string }[] {
  const parts: string[][] = Array.from({ length: levels }, () => []);
  for (let i = 0; i < Math.min(pixels.length, DIGIT_SIZE * DIGIT_SIZE); i++) {
    const v = pixels[i]!;
    if (v < 32) continue;
    const level = Math.min(levels - 1, Math.floor(((v - 32) / 224) * levels));
    parts[level]!.push(`M${i % DIGIT_SIZE},${Math.floor(i / DIGIT_SIZE)}h1v1h-1z`);
  }
  return parts.map((p, k) => ({ opacity: (k + 1) / levels, d: p.join('') })).filter((p) => p.d);
}

export interface ScoredPrediction extends Prediction {
  predicted: number;
  confidence: number;
  correct: boolean;
}

/** Predicted class and its probability; misclassified first (most confident mistakes first), then the rest. */
export function scorePredictions(predictions: readonly Prediction[]): ScoredPrediction[] {
  const scored = predictions.map((p) => {
    let best = 0;
    for (let c = 1; c < p.probs.length; c++) if (p.probs[c]! > p.probs[best]!) best = c;
    return { ...p, predicted: best, confidence: p.probs[best] ?? 0, correct: best === p.label };
  });
  return scored.sort((a, b) => Number(a.correct) - Number(b.correct) || (a.correct ? a.index - b.index : b.confidence - a.confidence));
}
