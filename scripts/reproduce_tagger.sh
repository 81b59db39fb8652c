#!/usr/bin/env bash
# Rebuild the shipped attribution taggers: models/attribution-tagger (12 layers,
# two runs of scripts/train_tagger.py on PolNeAR train, about 27 + 29 min on 2
# CPU cores) and models/attribution-tagger-en (4 layers distilled from it, about
# 33 + 28 min), then the benchmark.
# Run from the repository root with the venv active; ../shared must be present.
set -euo pipefail
export HF_HUB_OFFLINE=1
python scripts/train_tagger.py --output runs/tagger-stage1 --epochs 4 --lr 1e-4 --head-lr 1e-3 --seed 7
python scripts/train_tagger.py --base runs/tagger-stage1 --output runs/tagger-stage2 \
    --epochs 3 --lr 5e-5 --head-lr 2e-4 --seed 8
cp runs/tagger-stage2/config.json runs/tagger-stage2/model.safetensors models/attribution-tagger/
python scripts/train_tagger.py --output runs/tagger-en-stage1 --layers 4 --trainable-layers 4 \
    --teacher models/attribution-tagger --epochs 5 --lr 1e-4 --head-lr 1e-3 --seed 7
python scripts/train_tagger.py --base runs/tagger-en-stage1 --output runs/tagger-en-stage2 \
    --teacher models/attribution-tagger --epochs 3 --lr 5e-5 --head-lr 2e-4 --seed 8
cp runs/tagger-en-stage2/config.json runs/tagger-en-stage2/model.safetensors \
    models/attribution-tagger-en/
python benchmarks/run_benchmark.py attribution
