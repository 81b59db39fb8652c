"""Choose the learned tagger's decoding on PolNeAR *train*, never on dev.

The tagger's word-piece probabilities are computed once per article (by the
tagger's own batched forward pass) and cached; each setting then only
re-decodes and re-links them, and the whole
pipeline (rules, then the tagger's relations the rules missed) is scored with
``attribution_eval.evaluate_polnear``. The knobs:

- ``min_words`` and ``merge_gap`` of :func:`claimcheck.text.tagger.link`;
- a log-probability bias added to the cue tags and to the source tags before
  each piece's tag is taken (:data:`claimcheck.text.tagger.DECODE_BIAS`).

The 840 train articles are split in two halves (alternate articles by name);
the setting best on one half (mean of source and content overlap F1) is
reported on the other, so the gain is measured on articles the choice did
not see. The tagger itself was trained on all of train; its figures on
train and dev are close (``models/attribution-tagger-en/README.md``).

Usage::

    python benchmarks/tagger_decoding.py --json benchmarks/results/tagger-decoding.json \\
        > benchmarks/results/tagger-decoding.md

About 6 minutes on 2 CPU cores (54 settings, each half scored).
"""

from __future__ import annotations

import argparse
import functools
import itertools
import json
import sys
import time
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
sys.path.insert(0, str(HERE.parent))

import attribution_eval as ae  # noqa: E402

import claimcheck.text.attribution.tagged as tagged  # noqa: E402
import claimcheck.text.tagger as tagger_module  # noqa: E402

DEFAULT_TRAIN = HERE.parent.parent / "shared" / "data" / "attribution" / "polnear" / "train"
#: Contents of one or two words ("the deal", "his remarks") are not claims a
#: reader can check (``e2e_eval.suspicious_claim`` flags them), so
#: ``min_words`` starts at 3 although PolNeAR annotates such contents.
GRID = {
    "min_words": (3, 4),
    "merge_gap": (0, 1, 2),
    "cue_bias": (0.0, 0.5, 1.0),
    "source_bias": (0.0, 0.5, 1.0),
}
#: The setting before this search (the first :func:`link` defaults, chosen on dev).
BEFORE = {"min_words": 4, "merge_gap": 2, "cue_bias": 0.0, "source_bias": 0.0}


class _CachedProbabilities:
    """Replaces ``AttributionTagger._window_probabilities``: each text's
    windows go through the model once (as the pipeline batches them); later
    settings decode the same probabilities again."""

    def __init__(self, compute: Callable[..., Any]) -> None:
        self.compute = compute
        self.cache: dict[tuple[int, str], Any] = {}

    def __call__(self, model: Any, texts: Sequence[str], batch_size: int,
                 show_progress_bar: bool | None) -> list[Any]:
        new = [text for text in dict.fromkeys(texts) if (id(model), text) not in self.cache]
        if new:
            for text, found in zip(new, self.compute(model, new, batch_size, show_progress_bar)):
                self.cache[(id(model), text)] = found
        return [self.cache[(id(model), text)] for text in texts]


@contextmanager
def _patched() -> Iterator[Callable[[dict[str, float]], None]]:
    """Probabilities cached, and a function that sets the decoding and
    linking of one setting; everything restored on exit."""
    model_class = tagger_module.AttributionTagger
    probabilities, choose, link, annotations = (
        model_class._window_probabilities, tagger_module.choose_tags, tagged.link,
        ae.polnear_annotations)
    cached = _CachedProbabilities(probabilities)

    def window_probabilities(self: Any, texts: Any, batch_size: int,
                             show_progress_bar: Any) -> Any:
        return cached(self, texts, batch_size, show_progress_bar)

    def configure(setting: dict[str, float]) -> None:
        bias = {"B-CUE": setting["cue_bias"], "I-CUE": setting["cue_bias"],
                "B-SRC": setting["source_bias"], "I-SRC": setting["source_bias"]}
        tagger_module.choose_tags = functools.partial(choose, bias=bias)
        tagged.link = functools.partial(link, min_words=int(setting["min_words"]),
                                        merge_gap=int(setting["merge_gap"]))

    model_class._window_probabilities = window_probabilities
    try:
        yield configure
    finally:
        model_class._window_probabilities = probabilities
        tagger_module.choose_tags = choose
        tagged.link = link
        ae.polnear_annotations = annotations


def _score(split: Path, articles: dict[str, Path]) -> dict[str, float]:
    """The pipeline's overlap F1 on ``articles`` alone (called inside
    :func:`_patched`, which restores ``polnear_annotations``)."""
    ae.polnear_annotations = lambda _: articles
    result = ae.evaluate_polnear(split)
    return {"source": result["source"]["overlap"]["f1"],
            "content": result["content"]["overlap"]["f1"],
            "relations": result["predicted_relations"]}


def search(split: Path, limit: int | None = None) -> dict[str, Any]:
    """Score every setting of :data:`GRID` on both halves of ``split``."""
    every = ae.polnear_annotations(split)
    names = sorted(every)[:limit]
    halves = [{k: every[k] for k in names[0::2]}, {k: every[k] for k in names[1::2]}]
    rows = []
    with _patched() as configure:
        for values in itertools.product(*GRID.values()):
            setting = dict(zip(GRID, values))
            configure(setting)
            rows.append({"setting": setting,
                         "halves": [_score(split, half) for half in halves]})
    before = next(r for r in rows if r["setting"] == BEFORE)

    def objective(row: dict[str, Any], half: int) -> float:
        scores = row["halves"][half]
        return (scores["source"] + scores["content"]) / 2

    crossed = []
    for chosen_on in (0, 1):
        best = max(rows, key=lambda r: objective(r, chosen_on))
        other = 1 - chosen_on
        crossed.append({"chosen_on": chosen_on, "setting": best["setting"],
                        "on_other_half": best["halves"][other],
                        "before_on_other_half": before["halves"][other]})
    shipped = max(rows, key=lambda r: objective(r, 0) + objective(r, 1))
    return {"articles": len(names), "rows": rows, "crossed": crossed,
            "chosen": shipped["setting"], "before": BEFORE}


def markdown(result: dict[str, Any]) -> str:
    lines = [
        "## Tagger decoding chosen on PolNeAR train",
        "",
        f"{result['articles']} PolNeAR train articles in two halves; rules + tagger, overlap F1. "
        "Each half chooses the setting (mean of source and content F1) that is scored on "
        "the other.",
        "",
        "| chosen on | setting | source F1 on the other half (before) "
        "| content F1 on the other half (before) |",
        "|---|---|---|---|",
    ]
    for c in result["crossed"]:
        s = c["setting"]
        lines.append(
            f"| half {c['chosen_on'] + 1} | min_words {s['min_words']}, merge_gap "
            f"{s['merge_gap']}, cue bias {s['cue_bias']}, source bias {s['source_bias']} "
            f"| {c['on_other_half']['source']:.4f} ({c['before_on_other_half']['source']:.4f}) "
            f"| {c['on_other_half']['content']:.4f} "
            f"({c['before_on_other_half']['content']:.4f}) |")
    s = result["chosen"]
    lines += ["", "Best summed over the two halves (the shipped decoding): "
              f"min_words {s['min_words']}, merge_gap {s['merge_gap']}, cue bias "
              f"{s['cue_bias']}, source bias {s['source_bias']}."]
    lines += ["", "Every setting (source / content F1, half 1 | half 2):", "",
              "| min_words | merge_gap | cue bias | source bias | half 1 | half 2 |",
              "|---|---|---|---|---|---|"]
    for row in result["rows"]:
        s, (h1, h2) = row["setting"], row["halves"]
        lines.append(f"| {s['min_words']} | {s['merge_gap']} | {s['cue_bias']} | "
                     f"{s['source_bias']} | {h1['source']:.4f} / {h1['content']:.4f} | "
                     f"{h2['source']:.4f} / {h2['content']:.4f} |")
    return "\n".join(lines) + "\n"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--polnear", type=Path, default=DEFAULT_TRAIN,
                        help="a PolNeAR split folder (default: train)")
    parser.add_argument("--limit", type=int, default=None, help="first N articles only")
    parser.add_argument("--json", type=Path, default=None, help="write the results here")
    args = parser.parse_args(argv)
    started = time.perf_counter()
    result = search(args.polnear, args.limit)
    result["seconds"] = round(time.perf_counter() - started)
    if args.json:
        args.json.write_text(json.dumps(result, indent=1))
    print(markdown(result))
    return 0


if __name__ == "__main__":
    sys.exit(main())
