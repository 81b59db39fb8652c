#!/usr/bin/env bash
# Rebuild the shipped attribution taggers: models/attribution-tagger (12 layers,
# the top 8 trained, one run of scripts/train_tagger.py on PolNeAR train, about
# 33 min on 2 CPU cores) and models/attribution-tagger-en (6 layers distilled
# from it, two runs, about 36 + 22 min), then the benchmark.
# Run from the repository root with the venv active; ../shared must be present.
set -euo pipefail
export HF_HUB_OFFLINE=1
python scripts/train_tagger.py --output runs/tagger8-stage1 --trainable-layers 8 \
    --epochs 4 --lr 1e-4 --head-lr 1e-3 --seed 7
cp runs/tagger8-stage1/config.json runs/tagger8-stage1/model.safetensors models/attribution-tagger/
python scripts/train_tagger.py --output runs/tagger-en6-stage1 --layers 6 --trainable-layers 6 \
    --teacher models/attribution-tagger --epochs 5 --lr 1e-4 --head-lr 1e-3 --seed 7
python scripts/train_tagger.py --base runs/tagger-en6-stage1 --output runs/tagger-en6-stage2 \
    --teacher models/attribution-tagger --epochs 3 --lr 5e-5 --head-lr 2e-4 --seed 8
cp runs/tagger-en6-stage2/config.json runs/tagger-en6-stage2/model.safetensors \
    models/attribution-tagger-en/
python benchmarks/run_benchmark.py attribution
