"""How far people agree on PolNeAR attribution, scored as the benchmark scores us.

Issue 17 asks for PolNeAR dev overlap F1 of at least 0.80 (source) and 0.85
(content). What is the most a system can get there? PolNeAR (Newell,
Margolin & Ruths 2018) gave 18 of its train and dev articles to five or six
annotators each (the ``annotator-training`` and shared articles of
``metadata.tsv``). This script scores every pair of annotators of those
articles against each other with the metric of
``benchmarks/attribution_eval.py`` (overlap F1: spans paired one to one by
shared word tokens; no source, no source score), pooled over the pairs, and
scores claimcheck's extraction against every annotator of the same articles
the same way, so the two lines compare directly:

- *annotator vs annotator*: for each article, each ordered pair of its
  annotators, one as gold and the other as prediction (both ways round, so
  that pooled precision and recall do not depend on which annotator's id
  sorts first; they come out equal);
- *claimcheck vs annotator*: the rules alone, and the shipped pipeline
  (rules, then the English tagger), each against every annotator. The
  shipped taggers were trained on PolNeAR train with one annotation per
  article, and 16 of these 18 articles are train articles: the pipeline line
  is optimistic; the rules line was not trained on them (the rules were
  read against train articles, these among them).

Comparisons are pooled, so an article weighs by its number of comparisons
(30 ordered pairs of six annotators, 20 of five; six or five comparisons
for claimcheck). A 95% interval comes from resampling the 18 articles
(2,000 draws, seed 0).

Usage::

    python benchmarks/polnear_agreement.py > benchmarks/results/polnear-agreement.md
    python benchmarks/polnear_agreement.py --json benchmarks/results/polnear-agreement.json

Under a minute on 2 CPU cores.
"""

from __future__ import annotations

import functools
import itertools
import random
import sys
from collections import Counter, defaultdict
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parents[1]
POLNEAR = REPO.parent / "shared" / "data" / "attribution" / "polnear"
sys.path.insert(0, str(REPO / "benchmarks"))
sys.path.insert(0, str(REPO))

import attribution_eval as ae  # noqa: E402

ROLES = ("source", "content")


def shared_articles(root: Path, splits: tuple[str, ...] = ("train", "dev")
                    ) -> list[tuple[str, Path, list[Path]]]:
    """``(split, text file, annotation files)`` of every article of ``splits``
    with two annotations or more, by split and name."""
    found = []
    for split in splits:
        folder = root / split / "attributions"
        by_article: dict[str, list[Path]] = defaultdict(list)
        for ann in sorted(folder.glob("*.ann")):
            by_article[ann.stem.rsplit("_", 1)[0]].append(ann)
        for article, anns in sorted(by_article.items()):
            if len(anns) >= 2:
                found.append((split, root / split / "text" / f"{article}.txt", anns))
    if not found:
        raise FileNotFoundError(f"no PolNeAR article with two annotations under {root}")
    return found


def _spans(text: str, relations: list[dict[str, Any]]) -> dict[str, list[ae.Item]]:
    return {role: [ae._item(text, r[role.capitalize()]) for r in relations
                   if role.capitalize() in r] for role in ROLES}


def _counts(text: str, gold: dict[str, list[ae.Item]], pred: dict[str, list[ae.Item]]
            ) -> dict[str, tuple[int, int, int]]:
    """``{role: (hits, predicted, gold)}`` of overlap matching, one article."""
    out = {}
    for role in ROLES:
        counts = ae.Counts()
        counts.add(text, gold[role], pred[role])
        out[role] = tuple(counts.overlap)
    return out


def _f1(rows: list[dict[str, tuple[int, int, int]]], role: str) -> dict[str, float]:
    hits = sum(r[role][0] for r in rows)
    n_pred = sum(r[role][1] for r in rows)
    n_gold = sum(r[role][2] for r in rows)
    return ae._prf(hits, n_pred, hits, n_gold)


def agreement(root: Path = POLNEAR, *, draws: int = 2000, seed: int = 0) -> dict[str, Any]:
    """Overlap scores of annotators against each other and of claimcheck
    against the annotators, on PolNeAR's articles with several annotations.

    Returns ``{"articles", "annotations", "lines": {name: {"pairs", role:
    {"precision", "recall", "f1", "f1_95"}}}}``, ``f1_95`` the 2.5th and
    97.5th percentiles of F1 over ``draws`` resamplings of the articles.
    """
    articles = shared_articles(root)
    predictors = {
        "claimcheck rules alone vs annotator": functools.partial(ae._predicted, tagger=False),
        "claimcheck pipeline (rules + English tagger) vs annotator": ae._predicted,
    }
    # Per article, the counts of every comparison of each line.
    per_article: dict[str, list[list[dict[str, tuple[int, int, int]]]]] = defaultdict(list)
    annotations = 0
    for _, text_path, anns in articles:
        text = text_path.read_text(encoding="utf-8")
        people = [_spans(text, ae.read_brat(ann)) for ann in anns]
        annotations += len(people)
        per_article["annotator vs annotator"].append(
            [_counts(text, a, b) for a, b in itertools.permutations(people, 2)])
        for name, predict in predictors.items():
            sources, contents, _ = predict(text, "en")
            mine = {"source": sources, "content": contents}
            per_article[name].append([_counts(text, gold, mine) for gold in people])
    rng = random.Random(seed)
    samples = [[rng.randrange(len(articles)) for _ in articles] for _ in range(draws)]
    lines = {}
    for name, rows in per_article.items():
        line: dict[str, Any] = {"pairs": sum(len(r) for r in rows)}
        for role in ROLES:
            line[role] = _f1([c for r in rows for c in r], role)
            spread = sorted(_f1([c for k in sample for c in rows[k]], role)["f1"]
                            for sample in samples)
            line[role]["f1_95"] = [spread[int(0.025 * draws)], spread[int(0.975 * draws) - 1]]
        lines[name] = line
    return {"articles": len(articles),
            "splits": dict(sorted(Counter(split for split, _, _ in articles).items())),
            "annotations": annotations, "lines": lines}


def markdown(result: dict[str, Any]) -> str:
    """The result as a markdown table."""
    splits = ", ".join(f"{n} {s}" for s, n in result["splits"].items())
    rows = [f"## PolNeAR: annotators against each other, and claimcheck against them\n\n"
            f"{result['articles']} articles with several annotators ({splits}; "
            f"{result['annotations']} annotations); overlap F1 as "
            f"`benchmarks/attribution_eval.py` scores it, pooled over every "
            f"comparison; 95% interval from resampling the articles "
            f"(`python benchmarks/polnear_agreement.py`).\n",
            "| comparison | comparisons | source P | source R | source F1 (95%) "
            "| content P | content R | content F1 (95%) |",
            "|---|---|---|---|---|---|---|---|"]
    for name, line in result["lines"].items():
        cells = []
        for role in ROLES:
            s = line[role]
            low, high = s["f1_95"]
            cells.append(f"{s['precision']:.3f} | {s['recall']:.3f} | "
                         f"**{s['f1']:.3f}** ({low:.3f}–{high:.3f})")
        rows.append(f"| {name} | {line['pairs']} | {' | '.join(cells)} |")
    rows.append("\nThe tagger of the pipeline line was trained on PolNeAR train, "
                "which holds most of these articles (one annotation each): that line "
                "is optimistic.")
    return "\n".join(rows)


def main(argv: list[str] | None = None) -> int:
    return ae.report_main(argv, description=__doc__.splitlines()[0], polnear=POLNEAR,
                          polnear_help="the PolNeAR folder holding train/ and dev/",
                          compute=agreement, render=markdown)


if __name__ == "__main__":
    raise SystemExit(main())
