"""Which PolNeAR relations the English rules miss, by what their cue is.

The rules find a relation only where a cue word is in one of their word
lists (``claimcheck.text.lexicon_en``: reporting and stance verbs, claim and
stance nouns) or is a pattern of theirs ("according to", "In a poll, ...").
This script runs the rules alone (no tagger) over a PolNeAR split, pairs
gold and predicted contents one to one as the benchmark does
(``attribution_eval.one_to_one_pairs``: overlap, greedily by shared word
tokens), and counts the gold relations left unpaired
by the class of their gold cue:

- *ambiguous*: a word of the cue is one the rules skip on purpose
  (``en.rules._AMBIGUOUS_CUES``: "support", "attacks", "plan", ...; this
  class is tested first);
- *in the word lists*: a word of the cue is in one of the lists;
- *a rule pattern*: "according to", a sentence-opening "In" ("In a poll,
  ...") or a colon ("Sanders: ..."), which rules of their own read;
- *in none*: the cue has words, none of them in the lists;
- *no cue*: the annotation has no cue span (or only punctuation other than
  a colon).

Usage (train: the rules were read against it; dev is not needed)::

    python benchmarks/rule_recall.py > benchmarks/results/rule-recall.md
    python benchmarks/rule_recall.py --polnear ../shared/data/attribution/polnear/dev

A few seconds on 2 CPU cores.
"""

from __future__ import annotations

import re
import sys
from collections import Counter
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO / "benchmarks"))
sys.path.insert(0, str(REPO))

import attribution_eval as ae  # noqa: E402

from claimcheck.text import lexicon_en  # noqa: E402
from claimcheck.text.attribution import find_attributions  # noqa: E402
from claimcheck.text.attribution.en.rules import _AMBIGUOUS_CUES  # noqa: E402

LISTS = (frozenset(lexicon_en.REPORTING_VERBS) | frozenset(lexicon_en.STANCE_VERBS)
         | frozenset(lexicon_en.CLAIM_NOUNS) | frozenset(lexicon_en.STANCE_NOUNS))
CLASSES = ("in the word lists", "ambiguous", "a rule pattern", "in none", "no cue")
PATTERNS = frozenset({"according to", "in", ":"})
_LETTERS = re.compile(r"[a-z]+")


def cue_class(cue: str) -> tuple[str, str | None]:
    """The class of a gold cue (see the module docstring) and the word that
    decided it (the pattern for "a rule pattern", the cue's words for "in
    none", None for "no cue")."""
    words = _LETTERS.findall(cue.lower())
    pattern = " ".join(words) if words else cue.strip()
    if pattern in PATTERNS:
        return "a rule pattern", pattern
    if not words:
        return "no cue", None
    for word in words:
        if word in _AMBIGUOUS_CUES:
            return "ambiguous", word
    for word in words:
        if word in LISTS:
            return "in the word lists", word
    return "in none", " ".join(words)


def rule_recall(split: Path) -> dict[str, Any]:
    """Gold relations of ``split`` and those the rules miss, by cue class,
    with the most frequent missed cue words of each class."""
    total: Counter[str] = Counter()
    missed: Counter[str] = Counter()
    words: dict[str, Counter[str]] = {name: Counter() for name in CLASSES}
    articles = ae.polnear_annotations(split)
    if not articles:
        raise FileNotFoundError(f"no PolNeAR annotations under {split / 'attributions'}")
    for article, ann in sorted(articles.items()):
        text = (split / "text" / f"{article}.txt").read_text(encoding="utf-8")
        gold = [r for r in ae.read_brat(ann) if "Content" in r]
        found = find_attributions(text, lang="en", tagger=False)
        paired = set(ae.one_to_one_pairs(
            [ae._item(text, [a.content_span]) for a in found],
            [ae._item(text, r["Content"]) for r in gold],
            lambda p, g: len(p.tokens & g.tokens)).values())
        for j, relation in enumerate(gold):
            cue = " ".join(text[s:e] for s, e in relation.get("Cue", []))
            name, word = cue_class(cue)
            total[name] += 1
            if j not in paired:
                missed[name] += 1
                if word is not None:
                    words[name][word] += 1
    return {"split": str(split), "articles": len(articles),
            "classes": {name: {"gold": total[name], "missed": missed[name],
                               "top_missed": words[name].most_common(15)}
                        for name in CLASSES}}


def markdown(result: dict[str, Any]) -> str:
    classes = result["classes"]
    gold = sum(c["gold"] for c in classes.values())
    missed = sum(c["missed"] for c in classes.values())
    rows = [f"## Gold relations the English rules miss, by cue ({Path(result['split']).name}, "
            f"{result['articles']} articles)\n",
            f"Rules alone; a gold relation is missed when no rule content pairs with its "
            f"content (one to one, by shared word tokens, as the benchmark pairs them). "
            f"All: {missed:,} of {gold:,} missed "
            f"(`python benchmarks/rule_recall.py`).\n",
            "| gold cue | gold relations | missed | share missed | share of all misses "
            "| most missed cue words |",
            "|---|---|---|---|---|---|"]
    for name in CLASSES:
        c = classes[name]
        share = c["missed"] / c["gold"] if c["gold"] else 0.0
        top = ", ".join(f"{w} {n}" for w, n in c["top_missed"][:8]) or "–"
        rows.append(f"| {name} | {c['gold']:,} | {c['missed']:,} | {share:.2f} | "
                    f"{c['missed'] / missed if missed else 0:.2f} | {top} |")
    return "\n".join(rows)


def main(argv: list[str] | None = None) -> int:
    return ae.report_main(
        argv, description=__doc__.splitlines()[0],
        polnear=REPO.parent / "shared" / "data" / "attribution" / "polnear" / "train",
        polnear_help="a PolNeAR split folder (default: train)",
        compute=rule_recall, render=markdown)


if __name__ == "__main__":
    raise SystemExit(main())
