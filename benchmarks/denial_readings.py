"""How to read a denial against another claim, measured on XNLI dev.

"X denied that Y" clashes with another claim Z when Z entails Y. On the XNLI
dev pairs of Arabic and English (premise Z, hypothesis Y; written by other
hands, never trained on), a denial of Y clashes with Z exactly for the
*entailment* pairs. This script ranks the pairs by each reading of the
clash and reports the ROC AUC (entailment pairs against the rest):

- ``entailment``: P(entailment | Z, Y), what ``ContradictionFinder`` uses;
- ``written``: Z against the denial written out ("It is not true that Y",
  "ليس صحيحا أن Y"), the geometric mean of P(contradiction) both ways;
- ``max``: the larger of the two (the finder's reading before this script).

    python benchmarks/denial_readings.py --json benchmarks/results/denial-readings.json \
        > benchmarks/results/denial-readings.md
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path

import numpy as np

REPO = Path(__file__).resolve().parents[1]
XNLI_DEV = REPO.parent / "shared" / "data" / "nli" / "xnli" / "dev.jsonl"
WRITTEN = {"ar": "ليس صحيحا أن {}", "en": "It is not true that {}"}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=XNLI_DEV)
    parser.add_argument("--limit", type=int, default=None, help="pairs per language")
    parser.add_argument("--json", type=Path, default=None)
    args = parser.parse_args(argv)
    sys.path.insert(0, str(REPO))
    from sklearn.metrics import roc_auc_score

    from claimcheck.nli import NLIModel

    model = NLIModel.load()
    con, ent = model.label_index("contradiction"), model.label_index("entailment")
    rows = [json.loads(line) for line in args.data.read_text(encoding="utf-8").splitlines()
            if line.strip()]
    started = time.perf_counter()
    out: dict[str, dict[str, float | int]] = {}
    for lang in ("ar", "en"):
        pairs = [r for r in rows if r["lang"] == lang][:args.limit]
        clash = np.array([r["label"] == "entailment" for r in pairs])
        z = [r["premise"] for r in pairs]
        y = [r["hypothesis"] for r in pairs]
        written = [WRITTEN[lang].format(h) for h in y]
        entailment = model.predict(list(zip(z, y)), show_progress_bar=False)[:, ent]
        forward = model.predict(list(zip(z, written)), show_progress_bar=False)[:, con]
        backward = model.predict(list(zip(written, z)), show_progress_bar=False)[:, con]
        spelled = np.sqrt(forward * backward)
        readings = {"entailment": entailment, "written": spelled,
                    "max": np.maximum(entailment, spelled)}
        out[lang] = {"pairs": len(pairs), "clashes": int(clash.sum()),
                     **{name: float(roc_auc_score(clash, s)) for name, s in readings.items()}}
    seconds = time.perf_counter() - started
    print("## Reading a denial against another claim (XNLI dev)\n")
    sys.path.insert(0, str(REPO / "benchmarks"))
    from run_benchmark import machine

    print(f"CPU: {machine()['cpu_model']}; NLI model: the shipped one; "
          f"{seconds:.0f} s. ROC AUC of each reading, the entailment pairs (a denial of "
          "the hypothesis clashes with the premise) against the neutral and contradiction "
          "pairs.\n")
    print("| language | pairs | clashes | entailment | written out | max of the two |")
    print("|---|---|---|---|---|---|")
    for lang, r in out.items():
        print(f"| {lang} | {r['pairs']} | {r['clashes']} | {r['entailment']:.3f} | "
              f"{r['written']:.3f} | {r['max']:.3f} |")
    if args.json:
        args.json.write_text(json.dumps({"denial_readings": out, "seconds": seconds},
                                        indent=1) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
