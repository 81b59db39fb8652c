"""Where each missed contradiction of the e2e cases is lost, stage by stage.

For every required contradiction of an e2e file, in order, the first stage
of ``find_contradictions`` that drops it:

- ``not extracted``: a side has no attributed claim with its source;
- ``not a candidate``: the two claims are not each other's near neighbours
  (``pairs.candidate_pairs``: top 10, cosine floor 0.80);
- ``never compared: <check>``: a check of ``ContradictionFinder.timely`` /
  ``.related`` keeps the pair from the NLI model (the counter it bumps:
  ``numbers_unreasoned``, ``no_cue``, ``unrelated`` ...);
- ``dropped by the cascade``: compared, but the cascade did not score it;
- ``below the threshold``: scored under the reporting threshold;
- ``found``.

For every pair not found it also gives the score the pair gets with every
check and the cascade off (what the NLI model alone would say), so that a
reader can tell a gate that costs recall from a model that does.

    python benchmarks/e2e_misses.py --no-texts > benchmarks/results/e2e-misses.md
    python benchmarks/e2e_misses.py --e2e benchmarks/data/own_cases.json

Without ``--no-texts`` the quotes are printed (they are ../shared data: do
not commit that output).
"""

from __future__ import annotations

import argparse
import sys
from collections import Counter
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))
sys.path.insert(0, str(REPO / "benchmarks"))

from e2e_eval import DEFAULT_CASES, SourceIndex, load_cases  # noqa: E402

from claimcheck.assertion import is_denial  # noqa: E402
from claimcheck.detect import (  # noqa: E402
    GATES_OFF,
    ContradictionFinder,
    document_dates,
    sentence_context,
)
from claimcheck.pairs import nearest_in_each_language  # noqa: E402


def stage_of(finder: ContradictionFinder, case, gold, claims, pairs,
             nearest) -> tuple[str, float | None]:
    """The stage that loses ``gold`` and, when it got that far, the score of
    the pair with every check off (None before the pair exists). ``nearest``:
    the cascade's nearest-neighbour flags of ``pairs``, as the whole call
    computes them."""
    index = SourceIndex(case)
    side_a = [c for c in claims if index.matches(c, gold.a)]
    side_b = [c for c in claims if index.matches(c, gold.b)]
    if not side_a or not side_b:
        return "not extracted", None
    found = [p for p in pairs if (p.a in side_a and p.b in side_b)
             or (p.a in side_b and p.b in side_a)]
    if not found:
        return "not a candidate", None
    pair = found[0]
    near = nearest[pairs.index(pair)]
    docs = list(case.documents)
    context, dates = sentence_context(docs), document_dates(docs)
    denied = {c: is_denial(c) for c in (pair.a, pair.b)}
    seen = finder._reasons(pair, context, denied, dates)
    before = Counter(finder.work)
    compared = finder.timely(pair, dates) and finder.related(pair, seen)
    checks = [k for k in finder.work if finder.work[k] != before[k]]
    with finder.changed(**GATES_OFF, cascade=False):
        alone = max((c.score for c in finder.score([pair], docs)), default=None)
    if not compared:
        return "never compared: " + ", ".join(checks), alone
    scored = finder.score([pair], docs, nearest=[near])
    if not scored:
        return "dropped by the cascade", alone
    if max(c.score for c in scored) < finder.default_threshold:
        return "below the threshold", alone
    return "found", alone


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--e2e", type=Path, default=DEFAULT_CASES, help="e2e cases (JSON)")
    parser.add_argument("--no-texts", action="store_true",
                        help="leave out the quotes (for files that are committed)")
    args = parser.parse_args(argv)
    finder = ContradictionFinder()
    threshold = finder.default_threshold
    rows, stages = [], Counter()
    for case in load_cases(args.e2e):
        claims = [c for c in finder.claims(list(case.documents), show_progress_bar=False)
                  if c.speaker is not None]
        pairs = finder.pairs(claims, show_progress_bar=False)
        nearest = nearest_in_each_language(pairs)
        for gold in case.contradictions:
            if not gold.required:
                continue
            stage, alone = stage_of(finder, case, gold, claims, pairs, nearest)
            stages[stage] += 1
            rows.append((case.id, gold.kind, stage, alone, gold.a.quote, gold.b.quote))
    total = sum(stages.values())
    print(f"## Where the required contradictions of `{args.e2e.name}` are lost\n")
    print(f"{total} required contradictions, threshold {threshold:.2f}; "
          "`python benchmarks/e2e_misses.py` (see its docstring for the stages).\n")
    print("| stage | pairs | of which the NLI model alone, every check off, "
          f"scores ≥ {threshold:.2f} |")
    print("|---|---|---|")
    for stage, n in stages.most_common():
        scores = [r[3] for r in rows if r[2] == stage and r[3] is not None]
        over = sum(s >= threshold for s in scores)
        print(f"| {stage} | {n} | {over if scores and stage != 'found' else '–'} |")
    print()
    header = "| case | kind | stage | score, every check off |"
    print(header + ("" if args.no_texts else " quote A | quote B |"))
    print("|---|---|---|---|" + ("" if args.no_texts else "---|---|"))
    for case_id, kind, stage, alone, qa, qb in rows:
        if stage == "found":
            continue
        score = "–" if alone is None else f"{alone:.2f}"
        line = f"| {case_id} | {kind} | {stage} | {score} |"
        if not args.no_texts:
            line += f" {qa[:80]} | {qb[:80]} |"
        print(line)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
