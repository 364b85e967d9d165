#!/usr/bin/env bash
# GPU check for a Linux machine with an NVIDIA GPU: installs what the CUDA rung needs from the registries
# (tfjs-node-gpu from npm, which downloads libtensorflow 2.9.1 with GPU support; the CUDA 11.x runtime and
# cuDNN 8 libraries from PyPI wheels), probes the backend ladder, then trains seed-keras and a 10 × 1024 sigmoid
# net for one epoch of MNIST on each rung that works and prints a table: rung, model, step engine, epoch seconds,
# test accuracy. Run from the repository root: bash bench/gpu-check.sh. Nothing is installed system-wide: npm
# packages go into this checkout's node_modules, the CUDA libraries into .gpu-check/ (LD_LIBRARY_PATH).
set -euo pipefail
cd "$(dirname "$0")/.."

if ! command -v nvidia-smi >/dev/null 2>&1 || ! nvidia-smi -L >/dev/null 2>&1; then
  echo "gpu-check: not run, because no NVIDIA GPU (nvidia-smi) is visible on this machine." >&2
  exit 2
fi
nvidia-smi --query-gpu=name,driver_version,memory.total --format=csv,noheader

# 1. Node packages (the project's, then the optional native ones; tfjs-node-gpu's install script fetches
#    libtensorflow from storage.googleapis.com).
[ -d node_modules ] || npm ci --no-audit --no-fund
npm install --no-save --no-audit --no-fund @tensorflow/tfjs-node-gpu@4.22.0

# 2. The CUDA 11 runtime and cuDNN 8 that libtensorflow 2.9 loads, from NVIDIA's PyPI wheels (they sit beside
#    any newer CUDA the driver has; the driver itself is not touched).
LIBS="$PWD/.gpu-check/cuda11"
if [ ! -d "$LIBS/nvidia" ]; then
  python3 -m pip install --quiet --target "$LIBS" \
    nvidia-cuda-runtime-cu11 nvidia-cublas-cu11 nvidia-cufft-cu11 nvidia-curand-cu11 \
    nvidia-cusolver-cu11 nvidia-cusparse-cu11 'nvidia-cudnn-cu11<9'
fi
LD_LIBRARY_PATH="$(find "$LIBS/nvidia" -maxdepth 2 -type d -name lib | paste -sd:):${LD_LIBRARY_PATH:-}"
export LD_LIBRARY_PATH TF_FORCE_GPU_ALLOW_GROWTH=true

# 3. The ladder as the app sees it (each native package probed in its own process).
node bin/gradient-lab.js info 2>/dev/null || npx tsx electron/cli/index.ts info

# 4. One epoch per model on every rung that works here.
OUT="$(mktemp)"
for rung in tensorflow-gpu webgpu tensorflow wasm cpu; do
  for model in seed-keras sigmoid-10x1024; do
    size=60000
    # The cpu backend (plain JavaScript) would take hours on the wide net: a tenth of an epoch, scaled.
    if [ "$rung" = cpu ] && [ "$model" = sigmoid-10x1024 ]; then size=6000; fi
    timeout 3600 npx tsx bench/rung-epoch.ts --backend "$rung" --model "$model" --train-size "$size" 2>/dev/null \
      | grep '^{' >> "$OUT" || echo "{\"rung\":\"$rung\",\"model\":\"$model\",\"available\":false,\"reason\":\"timed out or crashed\"}" >> "$OUT"
  done
done

echo
node -e '
const rows = require("fs").readFileSync(process.argv[1], "utf8").trim().split("\n").map((l) => JSON.parse(l));
console.log(["rung".padEnd(15), "model".padEnd(16), "engine".padEnd(9), "epoch s".padStart(9), "test acc".padStart(9)].join("  "));
for (const r of rows) {
  if (!r.available) { console.log([r.rung.padEnd(15), r.model.padEnd(16), "—".padEnd(9), "—".padStart(9), "—".padStart(9)].join("  ") + "  " + r.reason); continue; }
  const s = r.trainSize < 60000 ? `${r.fullEpochSeconds.toFixed(1)}*` : r.epochSeconds.toFixed(1);
  console.log([r.rung.padEnd(15), r.model.padEnd(16), r.engine.padEnd(9), s.padStart(9), (r.testAcc * 100).toFixed(2).padStart(8) + "%"].join("  "));
}
console.log("* scaled from a tenth of an epoch");
' "$OUT"
rm -f "$OUT"
