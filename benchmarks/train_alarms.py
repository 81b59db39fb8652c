"""Reported pairs on the 840 PolNeAR *train* articles, 84 articles a call
(as the ``alarms`` task of ``run_benchmark.py`` runs the 84 dev articles).

Rules and gates are chosen on these articles rather than on dev: they are
the tagger's training articles, so their claims are a little cleaner than
unseen news, but no rule of the contradiction stage was written on them.

    python benchmarks/train_alarms.py                  # counts only
    python benchmarks/train_alarms.py --pairs runs/train_alarms.json

``--pairs`` writes every reported pair with its texts (../shared data: keep
it under runs/, never commit it).
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))
sys.path.insert(0, str(REPO / "benchmarks"))

from e2e_eval import polnear_documents  # noqa: E402

from claimcheck import find_contradictions  # noqa: E402

TRAIN = REPO.parent / "shared" / "data" / "attribution" / "polnear" / "train" / "text"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--polnear-train", type=Path, default=TRAIN,
                        help="folder of the PolNeAR train articles")
    parser.add_argument("--per-call", type=int, default=84, help="articles a call")
    parser.add_argument("--pairs", type=Path, default=None,
                        help="write the reported pairs, with their texts, here")
    args = parser.parse_args(argv)
    docs = polnear_documents(args.polnear_train)
    started = time.perf_counter()
    reported = []
    for k in range(0, len(docs), args.per_call):
        for c in find_contradictions(docs[k:k + args.per_call]):
            reported.append({"score": round(c.score, 3), "reason": c.reason,
                             "claim_a": {"doc": c.claim_a.doc_id, "speaker": c.claim_a.speaker,
                                         "text": c.claim_a.text},
                             "claim_b": {"doc": c.claim_b.doc_id, "speaker": c.claim_b.speaker,
                                         "text": c.claim_b.text}})
    print(f"PolNeAR train: {len(docs)} articles, {args.per_call} a call: {len(reported)} "
          f"reported pairs ({time.perf_counter() - started:.0f}s)")
    if args.pairs:
        args.pairs.parent.mkdir(parents=True, exist_ok=True)
        args.pairs.write_text(json.dumps(reported, ensure_ascii=False, indent=1))
    return 0


if __name__ == "__main__":
    sys.exit(main())
