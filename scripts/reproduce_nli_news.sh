#!/usr/bin/env bash
# The second stage of models/nli-e5-small (issue 16, precision on real news):
# realistic negatives, a short continued run, a 50/50 weight interpolation
# with its starting point, and the calibration at a realistic base rate.
#
#   bash scripts/reproduce_nli_news.sh [BASE_MODEL] [OUTPUT_DIR]
#
# BASE_MODEL is the model of the first stage (scripts/reproduce_nli.sh; the
# default is the H100-trained model as it was shipped before this stage, at
# commit 942a506: `git show 942a506:models/nli-e5-small/model.safetensors`).
#
# 1. scripts/mine_news_pairs.py: every candidate pair the pipeline forms on
#    the 840 PolNeAR train articles (8 articles a call), labelled neutral;
#    the pairs of the last 144 articles go to a held-out file (7 min on 2
#    cores, a 2-core AMD EPYC).
# 2. train_nli.py --base BASE: 1,400 steps of 32 pairs at lr 3e-5 on a 30,000
#    pair replay of the usual mix (round-3 stance sets included), 9,000 mined
#    pairs, our claim pairs twice and a few synthetic and translation pairs;
#    selection on the dev sample among checkpoints that pass the sanity set
#    (about 45 min on the same CPU, bfloat16 autocast; resumable).
# 3. scripts/interpolate_nli.py's interpolate(): weights 0.5 * BASE + 0.5 *
#    continued. The continued model alone lost more than 0.01 on four dev
#    sets (see the model card); the mixture keeps most of both.
# 4. run_benchmark.py calibrate --news-negatives: Platt scaling on NLI dev
#    pairs, then reason weights and threshold on our dev claim pairs plus 4,000
#    held-out mined pairs as non-contradictions (a realistic base rate).
set -euo pipefail
cd "$(dirname "$0")/.."
BASE=${1:-runs/nli-base}
OUT=${2:-models/nli-e5-small}
if [ ! -d "$BASE" ]; then
    mkdir -p "$BASE"
    for f in config.json model.safetensors; do git show "942a506:models/nli-e5-small/$f" > "$BASE/$f"; done
fi

python scripts/mine_news_pairs.py --output runs/news-pairs/polnear-train.jsonl
python scripts/train_nli.py --base "$BASE" --output runs/nli-news --max-steps 1400 \
    --batch-size 32 --lr 3e-5 --seed 17 --dev-seed 21 --eval-steps 350 --save-steps 100 \
    --replay 30000 --synthetic 500 --translations 1000 \
    --claim-pairs scripts/data/claim_pairs_train.jsonl --claim-pairs-repeat 2 \
    --news-pairs runs/news-pairs/polnear-train.jsonl --news-pairs-n 9000
python - "$BASE" runs/nli-news "$OUT" <<'EOF'
import sys
sys.path.insert(0, "scripts")
from interpolate_nli import interpolate
from claimcheck import NLIModel
base, continued, out = sys.argv[1:]
a, b, model = NLIModel.load(base), NLIModel.load(continued), NLIModel.load(base)
interpolate(a, b, 0.5, model)
model.save(out)
EOF
python benchmarks/run_benchmark.py calibrate --model "$OUT" \
    --news-negatives runs/news-pairs/polnear-train.holdout.jsonl
