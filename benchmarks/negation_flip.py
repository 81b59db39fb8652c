"""A probe, not a pipeline stage: does the NLI model's contradiction go away
when the negation is taken out?

A pair reported because one claim says "not P" and the other says Q is a
real clash when Q asserts P; then "P" against Q is no contradiction and the
model's reading *flips*. When the model calls "not P" / Q a contradiction
because the two only share a topic, "P" / Q reads as a contradiction too: no
flip. For every reported pair (at the shipped threshold) with a negation cue
in exactly one claim, this script writes the negated claim without its
negation (a crude rewrite: English auxiliaries, "never", "no", "nothing";
Arabic "لا/لم/لن/ليس/غير/عدم", and the words only a negation licenses, "any"
/ "أي", as ``assertion.denied_statement`` does) and reports the smaller of
the two contradiction probabilities of the rewrite against the other claim.
A pair *flips* when that is under 0.5.

On the e2e cases (dev, or ``--e2e``) each pair is gold or a false alarm; on
the real-news collections (unlabelled) the pairs are listed for a reader.

    python benchmarks/negation_flip.py --no-texts
    python benchmarks/negation_flip.py --e2e benchmarks/data/own_cases.json --no-texts
    python benchmarks/negation_flip.py --realnews ar en     # quotes: ../shared data, do not commit

Without ``--no-texts`` the claims are quoted (../shared data: do not commit
that output).
"""

from __future__ import annotations

import argparse
import re
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))
sys.path.insert(0, str(REPO / "benchmarks"))

from e2e_eval import DEFAULT_CASES, SourceIndex, load_cases, realnews_documents  # noqa: E402

from claimcheck.assertion import denied_statement  # noqa: E402
from claimcheck.detect import ContradictionFinder  # noqa: E402
from claimcheck.reasons import has_negation  # noqa: E402
from claimcheck.types import Claim  # noqa: E402

_EN = [
    (r"\b(do|does|did|is|are|was|were|has|have|had|will|would|could|can|should|must)\s+not\b",
     r"\1"),
    (r"\b(do|does|did|is|are|was|were|has|have|had|would|could|should|must)n['’]t\b", r"\1"),
    (r"\bcan['’]t\b|\bcannot\b", "can"), (r"\bwon['’]t\b", "will"),
    (r"\bnever\b", ""), (r"\bnothing\b", "something"), (r"\bnobody\b|\bno one\b", "someone"),
    (r"\bno longer\b", "still"), (r"\bno\b", "some"), (r"\bnot\b", ""), (r"\bnone\b", "some"),
]
_AR = [
    (r"(^|\s)لن\s+([يتنأ])", r"\1س\2"),
    (r"(^|\s)(?:لم|لا|ليس|ليست|ليسوا|غير)(?=\s)", r"\1"),
    (r"(^|\s)ولا(?=\s)", r"\1و"), (r"(^|\s)ولم(?=\s)", r"\1و"), (r"(^|\s)عدم\s+", r"\1"),
]
FLIP = 0.5


def without_negation(text: str) -> str:
    """``text`` with its negation taken out (see the module docstring); the
    words only a negation licenses go as in ``denied_statement``."""
    arabic = bool(re.search(r"[\u0600-\u06FF]", text))
    for pattern, repl in _AR if arabic else _EN:
        text = re.sub(pattern, repl, text, flags=0 if arabic else re.IGNORECASE)
    return denied_statement(Claim(text, (0, len(text)), lang="ar" if arabic else "en"))


def negation_pairs(found):
    """The reported pairs with a negation cue in exactly one claim, as
    (pair, negated claim, other claim, rewrite)."""
    out = []
    for c in found:
        a, b = c.claim_a.text, c.claim_b.text
        if has_negation(a) == has_negation(b):
            continue
        negated, other = (a, b) if has_negation(a) else (b, a)
        rewrite = without_negation(negated)
        if rewrite != negated:
            out.append((c, negated, other, rewrite))
    return out


def flips(finder: ContradictionFinder, rows) -> list[float]:
    """The smaller contradiction probability of each rewrite against the other
    claim (``rows``: (case, label, negated, other, rewrite))."""
    if not rows:
        return []
    nli = finder.nli
    column = nli.label_index("contradiction")
    forward = nli.predict([(r[4], r[3]) for r in rows], show_progress_bar=False)
    backward = nli.predict([(r[3], r[4]) for r in rows], show_progress_bar=False)
    return [float(min(f[column], b[column])) for f, b in zip(forward, backward)]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--e2e", type=Path, default=DEFAULT_CASES, help="e2e cases (JSON)")
    parser.add_argument("--realnews", nargs="*", default=[], choices=["ar", "en"],
                        help="also these realnews collections, each in one call")
    parser.add_argument("--no-texts", action="store_true",
                        help="leave out the quotes (for files that are committed)")
    args = parser.parse_args(argv)
    finder = ContradictionFinder()
    threshold = finder.default_threshold
    print(f"## Does the contradiction go away without the negation? (threshold {threshold:.2f},"
          f" flip: under {FLIP})\n")
    rows = []
    for case in load_cases(args.e2e):
        index = SourceIndex(case)
        found = finder(list(case.documents), threshold=threshold)
        for c, negated, other, rewrite in negation_pairs(found):
            gold = next((g for g in case.contradictions
                         if (index.matches(c.claim_a, g.a) and index.matches(c.claim_b, g.b))
                         or (index.matches(c.claim_a, g.b) and index.matches(c.claim_b, g.a))),
                        None)
            label = "false alarm" if gold is None else \
                f"gold {gold.kind}{'' if gold.required else ' (optional)'}"
            rows.append((case.id, label, negated, other, rewrite))
    scores = flips(finder, rows)
    golds = [s for r, s in zip(rows, scores) if r[1] != "false alarm"]
    alarms = [s for r, s in zip(rows, scores) if r[1] == "false alarm"]
    print(f"`{args.e2e.name}`: {len(rows)} reported pairs with a negation in one claim; "
          f"gold {len(golds)}, of which {sum(s < FLIP for s in golds)} flip; false alarms "
          f"{len(alarms)}, of which {sum(s < FLIP for s in alarms)} flip.\n")
    _table(rows, scores, args.no_texts)
    for lang in args.realnews:
        found = finder(realnews_documents(lang), threshold=threshold)
        news = [(f"realnews-{lang}", "?", n, o, r) for _, n, o, r in negation_pairs(found)]
        news_scores = flips(finder, news)
        print(f"\nrealnews/{lang}: {len(found)} reported, {len(news)} with a negation in one "
              f"claim, of which {sum(s < FLIP for s in news_scores)} flip.\n")
        _table(news, news_scores, args.no_texts)
    return 0


def _table(rows, scores, no_texts: bool) -> None:
    print("| case | label | contradiction without the negation | flips |"
          + ("" if no_texts else " negated claim | other claim |"))
    print("|---|---|---|---|" + ("" if no_texts else "---|---|"))
    for (case, label, negated, other, _), score in zip(rows, scores):
        line = f"| {case} | {label} | {score:.2f} | {'yes' if score < FLIP else 'no'} |"
        if not no_texts:
            line += f" {negated[:90]} | {other[:90]} |"
        print(line)


if __name__ == "__main__":
    raise SystemExit(main())
