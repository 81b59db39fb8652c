"""Hard negatives for NLI training: mined neighbours of real news that the
current model calls contradictions.

    python scripts/mine_hard_negatives.py \
        --pairs runs/news-pairs/polnear-train.jsonl --sample 24000 \
        --output runs/news-pairs/polnear-train.hard.jsonl

``scripts/mine_news_pairs.py`` writes every candidate pair claimcheck forms on
the PolNeAR *train* articles, labelled neutral (contradictions among such
neighbours are about 1 in 100 or fewer). Most are easy: the model already
calls them neutral, and training on them teaches little. This script scores
a random ``--sample`` of them with the NLI model (claim A as premise, the
direction the cascade scores first) and keeps the ones it gives a
contradiction probability of at least ``--min-prob``: the false alarms of
real news, what the precision issue is about. ``--easy N`` adds N of the
others, so that the model also keeps seeing what it gets right. The few real
clashes among the hard ones are label noise.

Output rows keep the input's fields (``claim_pairs`` format, read by
``train_nli.py --news-pairs``) with ``kind`` set to ``hard-neighbours`` or
``neighbours`` and the model's probability as ``nli_contradiction``. Derived
from ``../shared`` data: keep it under ``runs/``, never commit it.
"""

from __future__ import annotations

import argparse
import json
import random
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--pairs", type=Path,
                        default=REPO / "runs" / "news-pairs" / "polnear-train.jsonl")
    parser.add_argument("--output", type=Path,
                        default=REPO / "runs" / "news-pairs" / "polnear-train.hard.jsonl")
    parser.add_argument("--model", default=None, help="NLI model folder (default: shipped)")
    parser.add_argument("--sample", type=int, default=24000, help="pairs scored")
    parser.add_argument("--min-prob", type=float, default=0.5)
    parser.add_argument("--easy", type=int, default=3000, help="easy pairs added")
    parser.add_argument("--seed", type=int, default=29)
    parser.add_argument("--batch-size", type=int, default=64)
    args = parser.parse_args()

    from claimcheck.nli import NLIModel

    rows = [json.loads(line) for line in args.pairs.read_text(encoding="utf-8").splitlines()
            if line.strip()]
    rng = random.Random(args.seed)
    sample = rng.sample(rows, min(args.sample, len(rows)))
    model = NLIModel.load(args.model)
    column = model.label_index("contradiction")
    probs = model.predict([(r["claim_a"], r["claim_b"]) for r in sample],
                          batch_size=args.batch_size, show_progress_bar=True)[:, column]
    hard, easy = [], []
    for row, p in zip(sample, probs.tolist()):
        row = {**row, "nli_contradiction": round(p, 4)}
        if p >= args.min_prob:
            hard.append({**row, "kind": "hard-neighbours"})
        else:
            easy.append(row)
    chosen = hard + rng.sample(easy, min(args.easy, len(easy)))
    rng.shuffle(chosen)
    args.output.parent.mkdir(parents=True, exist_ok=True)
    with args.output.open("w", encoding="utf-8") as fh:
        for row in chosen:
            fh.write(json.dumps(row, ensure_ascii=False) + "\n")
    print(f"{len(sample)} scored; {len(hard)} at or above {args.min_prob} "
          f"({len(hard) / max(1, len(sample)):.1%}); wrote {len(chosen)} rows to {args.output}",
          file=sys.stderr)


if __name__ == "__main__":
    main()
