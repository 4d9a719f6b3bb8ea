#!/usr/bin/env bash
# GPU acceptance check, for a machine with at least one NVIDIA GPU (under 8 minutes):
#   1. builds Tunelab with -Pgpu (PyTorch's CUDA 12.4 natives),
#   2. runs `tunelab devices`,
#   3. runs a 6-trial Fashion-MNIST study on `devices: auto` with `trials_per_gpu: 2`,
#   4. checks that every trial's provenance names a GPU,
#   5. prints one epoch's time on the GPU against one CPU thread (the same network, batch and data).
# Without a GPU it stops at once: "no GPU found", exit 2. Exit 1 when a check fails.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
limit_seconds=480
if ! command -v nvidia-smi >/dev/null 2>&1 || ! nvidia-smi -L 2>/dev/null | grep -q '^GPU [0-9]'; then
  echo "gpu-check: no GPU found (nvidia-smi -L lists none); run this on a machine with an NVIDIA GPU" >&2
  exit 2
fi
start=$(date +%s)
fail() { echo "gpu-check: FAILED: $*" >&2; exit 1; }
nvidia-smi -L

echo "== build with -Pgpu"
(cd "$here" && mvn -B -q -ntp -Dstyle.color=never -DskipTests -Pgpu package)
echo gpu > "$here/cli/target/tunelab.variant"
jar="$here/cli/target/tunelab.jar"
tunelab() { java -Dai.djl.offline=true -jar "$jar" "$@"; }

echo "== tunelab devices"
devices="$(tunelab devices)"
echo "$devices"
echo "$devices" | grep -q '^Engine: .*CUDA build' || fail "the engine is not the CUDA build"
echo "$devices" | grep -q '^  gpu:0 ' || fail "tunelab devices lists no GPU"

work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
study() { # name, parallel section, trials, epochs
  cat > "$work/$1.yaml" <<YAML
study: $1
direction: maximize
metric: val_accuracy
sampler: {type: random, seed: 7}
budget: {trials: $3}
parallel: $2
trainer: djl-mlp
data: {dataset: fashion-mnist}
space:
  learning_rate: {reciprocal: [1e-3, 3e-2]}
fit: {epochs: $4, batch_size: 64}
YAML
}
epoch_seconds() { # storage dir, study name: each trial's fastest epoch_time (the series summary), averaged
  java -cp "$here/cli/target/lib/*:$jar" org.h2.tools.Shell -url "jdbc:h2:file:$1/tracker" -user "" -password "" \
    -sql "SELECT AVG(m.min_value) FROM metric_series m
          JOIN trials t ON t.trial_id = m.trial_id JOIN studies s ON s.study_id = t.study_id
          WHERE s.study_name = '$2' AND m.metric_name = 'epoch_time'" \
    | sed -n '2p' | tr -d ' '
}

echo "== 6 trials on devices: auto, trials_per_gpu: 2"
study gpu-check "{devices: auto, trials_per_gpu: 2}" 6 2
tunelab run "$work/gpu-check.yaml" --storage "$work/gpu" || fail "the GPU study did not run"
not_gpu="$(java -cp "$here/cli/target/lib/*:$jar" org.h2.tools.Shell -url "jdbc:h2:file:$work/gpu/tracker" -user "" \
  -password "" -sql "SELECT COUNT(*) FROM trial_provenance p JOIN trials t ON t.trial_id = p.trial_id
  WHERE p.execution_json IS NULL OR p.execution_json NOT LIKE '%\"gpu_name\"%'" | sed -n '2p' | tr -d ' ')"
[ "$not_gpu" = 0 ] || fail "$not_gpu trial(s) whose provenance names no GPU"
echo "every trial's provenance names a GPU"

echo "== the same network for one epoch on one CPU thread"
study cpu-check "{workers: 1, devices: cpu}" 1 1
TUNELAB_JAVA_OPTS="" java -Dai.djl.offline=true -Dai.djl.pytorch.num_threads=1 -Dai.djl.pytorch.num_interop_threads=1 \
  -jar "$jar" run "$work/cpu-check.yaml" --storage "$work/cpu" >/dev/null || fail "the CPU study did not run"
gpu_epoch="$(epoch_seconds "$work/gpu" gpu-check)"
cpu_epoch="$(epoch_seconds "$work/cpu" cpu-check)"
echo "epoch time: GPU ${gpu_epoch} s (fastest epoch per trial, averaged; 2 trials per GPU), one CPU thread ${cpu_epoch} s"

elapsed=$(( $(date +%s) - start ))
echo "gpu-check: passed in ${elapsed} s"
[ "$elapsed" -le "$limit_seconds" ] || fail "took ${elapsed} s, more than ${limit_seconds} s"
