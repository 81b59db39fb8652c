#!/usr/bin/env bash
# Rebuild models/nli-e5-small the way the shipped model was made: one training
# run from multilingual-e5-small on the full mix (train splits, cross-lingual
# and translation pairs, synthetic minimal pairs, our news claim pairs), then
# the calibration.
#
# The shipped run used one H100 GPU (about 6 minutes; see the model card). The
# same command runs on CPU (it picks CUDA only when PyTorch sees a GPU): it was
# not run to the end on 2 CPU cores, where a 32-pair step took 1.0-1.7 s (a
# CPU run's progress bar), so expect roughly 4-7 hours for these 64-pair
# steps; it checkpoints every 100 steps into OUTPUT_DIR/checkpoint and
# resumes when the same command is run again. On a CPU that computes bfloat16
# natively (AMX, AVX512-BF16) training runs under bfloat16 autocast, 1.2-1.45x
# faster on such a 2-core Xeon (`run_benchmark.py finetune`, two runs: 0.86
# and 0.83 s for a 32-pair step against 1.06 and 1.20 s in float32).
#
# Model selection keeps only checkpoints that pass our ar/en sanity set
# (benchmarks/data/nli_sanity.jsonl, train_nli.py --must-pass, on by default
# since after the shipped run; the checkpoint the shipped run kept passes it).
#
#   bash scripts/reproduce_nli.sh [DATA_DIR] [OUTPUT_DIR]
#
# The shipped run was stopped by a time budget at step 6887 of 7246; the kept
# weights are those of its step-5792 evaluation (the best dev-sample accuracy
# of the evaluations every 724 steps). A run to the end also evaluates at steps
# 7240 and 7246, and keeps one of those if it scores higher.
set -euo pipefail
cd "$(dirname "$0")/.."
DATA=${1:-../shared/data/nli}
OUT=${2:-models/nli-e5-small}

python scripts/train_nli.py --data "$DATA" --output "$OUT" \
    --max-steps 7246 --batch-size 64 --lr 8e-5 --seed 13 --dev-seed 21 --eval-steps 724 \
    --synthetic 2500 --translations 3000 \
    --claim-pairs scripts/data/claim_pairs_train.jsonl --claim-pairs-repeat 2
python benchmarks/run_benchmark.py calibrate --model "$OUT"
