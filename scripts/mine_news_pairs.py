"""Realistic negatives for NLI training: the candidate pairs claimcheck itself
would score on real news, labelled neutral.

    python scripts/mine_news_pairs.py --output runs/news-pairs/polnear-train.jsonl

Among the candidate pairs of real articles (near neighbours in e5 space of
attributed claims, exactly what ``ContradictionFinder.pairs`` gives the NLI
model) contradictions are rare, about 1 in 100 or fewer, while the NLI model
trained on SNLI-style data calls many of them contradictions: two claims about
one story that add different details. Labelled neutral, they teach the model
what a compatible neighbour looks like. The few real clashes among them are
label noise the model can afford.

Source: the PolNeAR *train* articles (English US political news, 2016), read
in calls of ``--batch`` articles so that neighbours come from the same and
from related stories. Never the dev split, ``realnews/`` (evaluation only) or
the e2e cases. Output: JSONL rows in the format of our claim pairs
(``claim_a``, ``claim_b``, ``cue_a``, ``lang_a``, ..., ``kind``, ``label``,
read by the benchmark's calibration; ``train_nli.py --news-pairs`` takes
``claim_a`` as premise) plus ``source`` and ``docs`` (the two article
names), one direction per pair, drawn
at random with ``--seed``. The last ``--holdout`` articles (a whole number of
calls) go to a second file, ``<output stem>.holdout.jsonl``, for choices
made after training (a threshold at a realistic base rate). The output is
derived from ``../shared`` data: keep it under ``runs/`` (ignored by git),
never commit it.
"""

from __future__ import annotations

import argparse
import json
import random
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
POLNEAR_TRAIN = REPO.parent / "shared" / "data" / "attribution" / "polnear" / "train" / "text"


def mine(folder: Path, *, batch: int, seed: int, limit: int | None = None,
         log=print) -> list[dict]:
    """Candidate pairs of the articles in ``folder``, ``batch`` articles a call."""
    from claimcheck.detect import ContradictionFinder
    from claimcheck.types import Document

    paths = sorted(folder.glob("*.txt"))[:limit]
    if not paths:
        raise SystemExit(f"no .txt articles in {folder}")
    finder = ContradictionFinder()
    rng = random.Random(seed)
    rows: list[dict] = []
    seen: set[tuple[str, str]] = set()
    started = time.monotonic()
    for start in range(0, len(paths), batch):
        docs = [Document(p.read_text(encoding="utf-8"), p.stem, "en")
                for p in paths[start: start + batch]]
        claims = finder.claims(docs, show_progress_bar=False)
        for pair in finder.pairs(claims, show_progress_bar=False):
            key = tuple(sorted((pair.a.text, pair.b.text)))
            if key in seen:
                continue
            seen.add(key)
            a, b = (pair.a, pair.b) if rng.random() < 0.5 else (pair.b, pair.a)
            rows.append({"id": f"polnear-{len(rows)}", "kind": "neighbours",
                         "label": "neutral", "claim_a": a.text, "claim_b": b.text,
                         "cue_a": a.cue, "cue_b": b.cue, "lang_a": a.lang, "lang_b": b.lang,
                         "source": "polnear-train-neighbours", "docs": [a.doc_id, b.doc_id]})
        log(f"{min(start + batch, len(paths))}/{len(paths)} articles, {len(rows)} pairs "
            f"({time.monotonic() - started:.0f} s)")
    return rows


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--polnear", type=Path, default=POLNEAR_TRAIN,
                        help="PolNeAR train text/ folder")
    parser.add_argument("--output", type=Path,
                        default=REPO / "runs" / "news-pairs" / "polnear-train.jsonl")
    parser.add_argument("--batch", type=int, default=8, help="articles per pipeline call")
    parser.add_argument("--limit", type=int, default=None, help="first N articles only")
    parser.add_argument("--holdout", type=int, default=144,
                        help="the last N articles go to <output>.holdout.jsonl")
    parser.add_argument("--seed", type=int, default=13)
    args = parser.parse_args()
    rows = mine(args.polnear, batch=args.batch, seed=args.seed, limit=args.limit,
                log=lambda m: print(m, file=sys.stderr, flush=True))
    names = [p.stem for p in sorted(args.polnear.glob("*.txt"))[:args.limit]]
    held = set(names[max(0, len(names) - args.holdout):]) if args.holdout else set()
    args.output.parent.mkdir(parents=True, exist_ok=True)
    for path, part in ((args.output, [r for r in rows if not held & set(r["docs"])]),
                       (args.output.with_suffix(".holdout.jsonl"),
                        [r for r in rows if held & set(r["docs"])])):
        with path.open("w", encoding="utf-8") as fh:
            for row in part:
                fh.write(json.dumps(row, ensure_ascii=False) + "\n")
        print(f"{len(part)} pairs -> {path}", file=sys.stderr)


if __name__ == "__main__":
    main()
