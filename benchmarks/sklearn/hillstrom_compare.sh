#!/usr/bin/env bash
# Every aether uplift model and the scikit-learn baselines on the same stratified 50/50 Hillstrom splits.
# Usage: benchmarks/sklearn/hillstrom_compare.sh [TREATMENT] [SEEDS...]   (default "Womens E-Mail", seeds 1..5)
# Needs a Release build of the CLI (dotnet build samples/AetherSegment.Cli -c Release) and Debian's python3-sklearn.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/../.." && pwd)"
aether="$root/samples/AetherSegment.Cli/bin/Release/net10.0/aether"
data="$root/../shared/data/hillstrom/hillstrom.csv.gz"
treatment="${1:-Womens E-Mail}"
shift || true
seeds=("$@")
[ ${#seeds[@]} -gt 0 ] || seeds=(1 2 3 4 5)
work="$(mktemp -d)"
for seed in "${seeds[@]}"; do
  "$aether" uplift split --data "$data" --treatment-column segment --outcome visit --seed "$seed" \
    --train-out "$work/train.csv" --test-out "$work/test.csv" > /dev/null
  for model in simulated tlearner xlearner forest ct ensemble auto; do
    out=$("$aether" uplift evaluate --train "$work/train.csv" --test "$work/test.csv" --treatment-column segment \
      --treatment "$treatment" --control "No E-Mail" --outcome visit --exclude conversion,spend --model "$model" --seed 42)
    echo "{\"seed\":$seed,${out:1}"
  done
  (cd "$here" && /usr/bin/python3 hillstrom_baselines.py "$work/train.csv" "$work/test.csv" "$treatment" "No E-Mail") |
    while read -r line; do echo "{\"seed\":$seed,${line:1}"; done
done
rm -rf "$work"
