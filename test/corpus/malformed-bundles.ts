// Corpus of malformed bundle files: each is derived from a good bundle (two finished runs, at least 6 steps, 2
// layers, histograms, 2 epochs, predictions — the shape test/store/bundles.test.ts and the reliability suite
// build) and must be refused with a message naming the field or what is wrong with the file. `message` must
// match both the store's error (importBundle) and the one the IPC dispatcher gives ('bundle:import').
// HOSTILE_NAMES are valid but SQL-looking strings: an import must store them verbatim, never execute them.
import { gunzipSync, gzipSync } from 'node:zlib';

export interface BundleCase {
  name: string;
  make: (good: Buffer) => Buffer;
  message: RegExp;
}

type Obj = Record<string, unknown>;
type BundleObj = Obj & { runs: (Obj & { steps: unknown[][]; layerStats: unknown[][]; histograms: Obj[]; epochs: Obj[]; predictions: Obj[]; layers: Obj[] })[] };

/** Decode the good bundle, let `f` change it, and encode it again (`raw` edits the JSON text itself). */
export function editBundle(good: Buffer, f: (b: BundleObj) => void, raw?: (json: string) => string): Buffer {
  const obj = JSON.parse(gunzipSync(good).toString('utf8')) as BundleObj;
  f(obj);
  const text = JSON.stringify(obj);
  return gzipSync(raw ? raw(text) : text);
}

/** Bytes that look random but are the same on every run (so a failure reproduces). */
function noise(n: number, seed = 7): Buffer {
  const out = Buffer.alloc(n);
  let s = seed >>> 0;
  for (let i = 0; i < n; i++) {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    out[i] = s >>> 24;
  }
  return out;
}

export const MALFORMED_BUNDLES: BundleCase[] = [
  { name: 'not gzip', make: () => Buffer.from('{"format":"gradient-lab-bundle"}'), message: /not gzip-compressed/ },
  { name: 'corrupt gzip', make: (g) => Buffer.concat([g.subarray(0, 10), noise(200)]), message: /truncated or corrupt/ },
  { name: 'truncated gzip', make: (g) => g.subarray(0, Math.floor(g.length / 2)), message: /truncated or corrupt: gzip says "unexpected end of file"/ },
  { name: 'not JSON', make: () => gzipSync('{"format": "gradient-lab-bundle", "version": 1, "runs": ['), message: /not valid JSON/ },
  { name: 'NaN written as a bare word', make: (g) => editBundle(g, () => {}, (s) => s.replace(/\[0,0,0,[^,]+,/, '[0,0,0,NaN,')), message: /not valid JSON/ },
  { name: 'another format', make: () => gzipSync(JSON.stringify({ hello: 'world' })), message: /not a Gradient Lab bundle/ },
  { name: 'a newer version', make: (g) => editBundle(g, (b) => (b.version = 2)), message: /bundle has version 2; this app reads version 1/ },
  { name: 'version 0', make: (g) => editBundle(g, (b) => (b.version = 0)), message: /bundle has version 0; this app reads version 1/ },
  { name: 'a string where a loss belongs', make: (g) => editBundle(g, (b) => (b.runs[0]!.steps[3]![3] = 'low')), message: /bundle\.runs\.0\.steps\.3\.3/ },
  { name: 'a number where the name belongs', make: (g) => editBundle(g, (b) => (b.runs[1]!.name = 42)), message: /bundle\.runs\.1\.name/ },
  { name: 'a negative step', make: (g) => editBundle(g, (b) => (b.runs[0]!.steps[0]![0] = -1)), message: /bundle\.runs\.0\.steps\.0\.0/ },
  {
    name: 'Infinity in a series',
    make: (g) => editBundle(g, () => {}, (s) => s.replace(/\[0,0,0,[^,]+,/, '[0,0,0,1e999,')),
    message: /bundle\.runs\.0\.steps\.0\.3/,
  },
  { name: '"NaN" as text in an epoch', make: (g) => editBundle(g, (b) => (b.runs[0]!.epochs[0]!.trainLoss = 'NaN')), message: /bundle\.runs\.0\.epochs\.0\.trainLoss/ },
  {
    name: 'a bad config',
    make: (g) => editBundle(g, (b) => ((b.runs[1]!.config as { model: { depth: number } }).model.depth = 0)),
    message: /bundle\.runs\.1\.config\.model\.depth: depth must be at least 1/,
  },
  { name: 'an unknown status', make: (g) => editBundle(g, (b) => (b.runs[0]!.status = 'running')), message: /bundle\.runs\.0\.status/ },
  {
    name: 'duplicate steps',
    make: (g) => editBundle(g, (b) => b.runs[0]!.steps.splice(5, 0, b.runs[0]!.steps[4]!)),
    message: /bundle\.runs\.0\.steps\.5: rows must be unique/,
  },
  {
    name: 'duplicate epochs',
    make: (g) => editBundle(g, (b) => b.runs[1]!.epochs.push(b.runs[1]!.epochs[0]!)),
    message: /bundle\.runs\.1\.epochs\.\d+: rows must be unique/,
  },
  {
    name: 'duplicate histograms',
    make: (g) => editBundle(g, (b) => b.runs[0]!.histograms.splice(1, 0, b.runs[0]!.histograms[0]!)),
    message: /bundle\.runs\.0\.histograms\.1: rows must be unique/,
  },
  { name: 'a layer beyond the run', make: (g) => editBundle(g, (b) => (b.runs[0]!.layerStats[0]![1] = 9)), message: /layer index beyond the run's 2 layers/ },
  {
    name: 'a histogram with the wrong number of bins',
    make: (g) => editBundle(g, (b) => (b.runs[0]!.histograms[0]!.counts = [1, 2, 3])),
    message: /bundle\.runs\.0\.histograms\.0\.counts/,
  },
  {
    name: 'a huge predictions array',
    make: (g) => editBundle(g, (b) => (b.runs[0]!.predictions = Array.from({ length: 10_001 }, (_, i) => ({ index: i, label: 1, probs: [1] })))),
    message: /bundle\.runs\.0\.predictions/,
  },
  {
    name: 'a huge layers array',
    make: (g) => editBundle(g, (b) => (b.runs[0]!.layers = Array.from({ length: 61 }, () => b.runs[0]!.layers[0]!))),
    message: /bundle\.runs\.0\.layers/,
  },
  { name: 'too many runs', make: (g) => editBundle(g, (b) => (b.runs = Array.from({ length: 201 }, () => b.runs[0]!))), message: /bundle\.runs: .*200/ },
  { name: 'no runs', make: (g) => editBundle(g, (b) => (b.runs = [])), message: /the bundle holds no runs/ },
  { name: 'an unknown field', make: (g) => editBundle(g, (b) => (b.runs[0]!.sql = 'DROP TABLE runs')), message: /bundle\.runs\.0: .*sql/ },
  {
    name: 'a __proto__ key',
    make: (g) => editBundle(g, () => {}, (s) => s.replace('{"format"', '{"__proto__":{"polluted":true},"format"')),
    message: /bundle: .*__proto__/,
  },
  { name: 'a name longer than 200 characters', make: (g) => editBundle(g, (b) => (b.runs[0]!.name = 'n'.repeat(201))), message: /bundle\.runs\.0\.name: name may be at most 200/ },
  {
    name: 'layers that contradict the config',
    make: (g) => editBundle(g, (b) => ((b.runs[0]!.config as { model: { depth: number } }).model.depth = 3)),
    message: /bundle\.runs\.0\.layers: the config has 3 hidden layers plus the output, but the run lists 2 layers/,
  },
  {
    name: 'steps in an epoch the config does not plan',
    make: (g) => editBundle(g, (b) => ((b.runs[1]!.config as { training: { epochs: number } }).training.epochs = 1)),
    message: /bundle\.runs\.1\.steps\.20\.1: epoch 1 is beyond the config's 1 epochs/,
  },
  {
    name: 'more batches per epoch than the training set holds',
    make: (g) => editBundle(g, (b) => ((b.runs[0]!.config as { training: { batchSize: number } }).training.batchSize = 320)),
    message: /bundle\.runs\.0\.steps\.2: step beyond the 2 batches per epoch/,
  },
  { name: 'a creation date in the year 3000', make: (g) => editBundle(g, (b) => (b.runs[0]!.created = '3000-01-01T00:00:00.000Z')), message: /bundle\.runs\.0\.created: the date is impossible/ },
  { name: 'a creation date that is not a date', make: (g) => editBundle(g, (b) => (b.runs[0]!.created = 'yesterday')), message: /bundle\.runs\.0\.created: must be a date/ },
  {
    name: 'an end before the start',
    make: (g) =>
      editBundle(g, (b) => {
        b.runs[0]!.startedAt = '2026-01-02T00:00:00.000Z';
        b.runs[0]!.endedAt = '2026-01-01T00:00:00.000Z';
      }),
    message: /bundle\.runs\.0\.endedAt: the run ends before it starts/,
  },
  { name: 'a duration of 30 000 years', make: (g) => editBundle(g, (b) => (b.runs[1]!.durationSec = 1e12)), message: /bundle\.runs\.1\.durationSec: .*(longer than|impossible)/ },
  // Just over 32 MB: the store refuses it by size; over IPC the request limit may refuse it first.
  { name: 'an oversized file', make: () => Buffer.concat([Buffer.from([0x1f, 0x8b]), Buffer.alloc(33 * 1024 * 1024)]), message: /too large|is larger than/ },
];

/** Valid but hostile strings for names, notes, tags and file names: stored verbatim, never executed. */
export const HOSTILE_NAMES = [
  "Robert'); DROP TABLE runs;--",
  '" OR 1=1 --',
  "x'; DELETE FROM steps WHERE '1'='1",
  '%_\\ LIKE wildcards',
  '🙂 名前 \u202e reversed',
] as const;
