#!/usr/bin/env bash
# Rebuild models/nli-e5-small the way the shipped model was trained: two
# stages, the second continuing from the first with a fresh linear schedule.
# About 3 hours on 2 CPU cores (see the model card); each stage checkpoints
# into its output folder and resumes when the same command is run again.
#
#   bash scripts/reproduce_nli.sh [DATA_DIR] [OUTPUT_DIR]
set -euo pipefail
cd "$(dirname "$0")/.."
DATA=${1:-../shared/data/nli}
OUT=${2:-models/nli-e5-small}
STAGE1=${STAGE1_DIR:-runs/nli-stage1}

# Stage 1: a fresh classifier on multilingual-e5-small.
python scripts/train_nli.py --data "$DATA" --output "$STAGE1" \
    --max-steps 2300 --lr 8e-5 --seed 13 --eval-steps 600
# Stage 2: continue from stage 1 (another shuffle of the same mix).
python scripts/train_nli.py --data "$DATA" --output "$OUT" --base "$STAGE1" \
    --max-steps 1600 --lr 5e-5 --seed 14 --eval-steps 400
python benchmarks/run_benchmark.py calibrate --model "$OUT"
