"""Pick the best of several runs from their ``run_benchmark.py nli --json``
files, by a rule fixed before the runs: the mean of XNLI Arabic, XNLI mean of
languages, SNLI/MNLI, SICK, ANS entailment-vs-contradiction F1, ArNLI, and the
minimal-pair and translation accuracies. Prints ``CHOSEN <file>`` last.
(Not called ``select.py``: that name would shadow the standard library.)"""

from __future__ import annotations

import json
import sys


def score(path: str) -> tuple[float, dict[str, float]]:
    r = json.load(open(path))["nli"]["files"]
    parts = {
        "xnli_ar": r["xnli"]["per_language"]["ar"]["accuracy"],
        "xnli_mean": r["xnli"]["mean_language_accuracy"],
        "snli_mnli": r["snli-mnli-subset"]["accuracy"],
        "sick": r["sick"]["accuracy"],
        "ans_ent_vs_con": r["ans-stance-ar"]["ent_vs_con_macro_f1"],
        "arnli": r["arnli-ar"]["accuracy"],
        "minimal_pairs": r["synthetic-dev"]["accuracy"],
        "translations": r["translations-dev"]["accuracy"],
    }
    return sum(parts.values()) / len(parts), parts


def main() -> None:
    best = None
    for path in sys.argv[1:]:
        try:
            total, parts = score(path)
        except (OSError, KeyError, ValueError) as err:
            print(path, "unusable:", err)
            continue
        print(path, round(total, 4), {k: round(v, 3) for k, v in parts.items()})
        if best is None or total > best[0]:
            best = (total, path)
    print("CHOSEN", best[1] if best else None)


if __name__ == "__main__":
    main()
