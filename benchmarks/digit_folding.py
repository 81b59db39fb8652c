"""What reading Arabic-Indic and Persian digits as ASCII digits changes.

``claimcheck.text.normalize.tokenizable`` turns "٥٨" into "58" before any
model reads a text. On every NLI dev set this script finds the pairs with
such digits, predicts them with the shipped model both ways (digits as
written, digits folded) and reports how many each way gets right, and what
that does to the set's accuracy (the other pairs read the same either way).

    python benchmarks/digit_folding.py --json benchmarks/results/digit-folding.json \
        > benchmarks/results/digit-folding.md
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
NLI_DATA = REPO.parent / "shared" / "data" / "nli"
_EASTERN = re.compile("[\u0660-\u0669\u06f0-\u06f9]")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=NLI_DATA,
                        help="folder searched for */dev.jsonl")
    parser.add_argument("--json", type=Path, default=None)
    args = parser.parse_args(argv)
    sys.path.insert(0, str(REPO))
    import claimcheck.text.normalize as normalize
    from claimcheck.nli import NLIModel

    model = NLIModel.load()
    folded = normalize._DIGITS
    rows = []
    for path in sorted(args.data.glob("*/dev.jsonl")):
        items = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()
                 if line.strip()]
        chosen = [r for r in items if _EASTERN.search(r["premise"] + r["hypothesis"])]
        if not chosen:
            continue
        pairs = [(r["premise"], r["hypothesis"]) for r in chosen]
        right = {}
        try:
            for name, table in (("as written", {}), ("folded", folded)):
                normalize._DIGITS = table
                labels = [model.labels[i] for i in model.predict(pairs).argmax(1)]
                right[name] = sum(p == r["label"] for p, r in zip(labels, chosen))
        finally:
            normalize._DIGITS = folded
        rows.append({"set": path.parent.name, "pairs": len(items), "with_digits": len(chosen),
                     "right_as_written": right["as written"], "right_folded": right["folded"],
                     "accuracy_change": (right["folded"] - right["as written"]) / len(items)})
    print("## Arabic-Indic and Persian digits read as ASCII digits (NLI dev sets)\n")
    print("Pairs holding such digits, predicted by the shipped model with the digits as "
          "written and folded; the change is in the whole set's accuracy.\n")
    print("| dev set | pairs | with such digits | right as written | right folded "
          "| accuracy change |")
    print("|---|---:|---:|---:|---:|---:|")
    for r in rows:
        print(f"| {r['set']} | {r['pairs']:,} | {r['with_digits']:,} | {r['right_as_written']} "
              f"| {r['right_folded']} | {r['accuracy_change']:+.4f} |")
    if args.json:
        args.json.write_text(json.dumps(rows, indent=2), encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
