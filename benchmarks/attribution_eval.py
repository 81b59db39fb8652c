"""Evaluate attribution extraction on PolNeAR (English) and our Arabic gold set.

Run from the repository root::

    python benchmarks/attribution_eval.py                     # PolNeAR dev + Arabic gold
    python benchmarks/attribution_eval.py --json scores.json

What is scored
--------------
Each relation has a *source* span (who) and a *content* span (what). Both are
compared as spans after trimming, on each side, whitespace, punctuation,
quotation marks and a leading complementiser ("that", "إن", "أن", "بأن",
"إنه", ...), since whether the complementiser belongs to the content is a
convention that differs between annotation schemes. Relations without a source
(Arabic "وأضاف أن ...", PolNeAR relations whose source is not in the text) are
left out of the source scores but kept in the content scores. Predicted sources
are the mentions as written ("he"), not the resolved antecedents.

Three matchings, each giving precision, recall and F1:

``exact``
    A predicted span is a hit when its trimmed offsets equal those of a gold
    span of the same role; one-to-one.
``overlap``
    A predicted span is a hit when it shares at least one word token with a
    gold span of the same role (the "partial match" of the PARC attribution
    literature); gold and predicted spans are paired one-to-one, greedily by
    largest shared token count. This is the headline "token-overlap" score.
``token``
    Token-level scores: precision is the share of word tokens inside
    predicted spans that lie inside some gold span of the same role in the same
    document, recall the share of gold-span tokens covered by predictions.

Word tokens are maximal runs of letters and digits (``\\w+``).

PolNeAR
-------
``<split>/text/<article>.txt`` with brat standoff in
``<split>/attributions/<article>_<annotator>.ann``. Some articles were
annotated by several people; we score each article against one annotation:
the file whose annotator id sorts first, so that every article counts once
and the choice is reproducible. Discontinuous spans count as the union of
their fragments (their hull for ``exact``).

Arabic gold set (``benchmarks/data/attribution_ar.jsonl``)
-----------------------------------------------------------
One article per line::

    {"id": "ar-01",
     "text": "...",                      # or "text_file": path under ../shared
     "attributions": [
        {"source": "مصطفى بالي",           # null when the subject is implicit
         "cue": "وقال",
         "content": "نتوقع انتهاء المهمة قريبا",
         "entity": "مصطفى بالي",
         "anchor": "..."}                  # optional, see below
     ]}

Spans are given as substrings. ``content`` is located first: inside
``anchor`` when one is given (a substring of the text that occurs once), else
at its only occurrence in the text; an ambiguous content is an error. The
source and the cue are then the occurrences nearest to the content. ``entity``
is a free label shared by all relations of one speaker; entity linking is
scored pairwise over the relations whose content was found (two relations
should share a predicted entity exactly when they share a gold one).
"""

from __future__ import annotations

import argparse
import functools
import json
import re
import sys
import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

REPO_ROOT = Path(__file__).resolve().parents[1]
SHARED = REPO_ROOT.parent / "shared"
DEFAULT_POLNEAR = SHARED / "data" / "attribution" / "polnear" / "dev"
DEFAULT_GOLD = REPO_ROOT / "benchmarks" / "data" / "attribution_ar.jsonl"

_WORD = re.compile(r"\w+")
_EDGE = set(" \t\r\n.,;:!?؟،؛\"'“”‘’«»()[]—–-")
_COMPLEMENTIZERS = (
    "that", "إن", "أن", "بأن", "إنه", "أنه", "إنها", "أنها", "إنهم", "أنهم", "بأنه", "بأنها",
)
_T_LINE = re.compile(r"^(T\d+)\t(\w+) ([\d ;]+)\t")
_E_LINE = re.compile(r"^(E\d+)\t(.*)")


@dataclass(frozen=True)
class Item:
    """One span of one role: its fragments and the word tokens it covers."""

    fragments: tuple[tuple[int, int], ...]
    tokens: frozenset[int]

    @property
    def hull(self) -> tuple[int, int]:
        return (self.fragments[0][0], self.fragments[-1][1])


@dataclass
class Counts:
    """Hits and totals for one role, summed over documents."""

    exact: list[int] = field(default_factory=lambda: [0, 0, 0])  # hits, n_pred, n_gold
    overlap: list[int] = field(default_factory=lambda: [0, 0, 0])
    token: list[int] = field(default_factory=lambda: [0, 0, 0, 0])  # tp_p, n_p, tp_g, n_g

    def add(self, text: str, gold: list[Item], pred: list[Item]) -> None:
        gold_hulls = [_trim(text, *g.hull) for g in gold]
        pred_hulls = [_trim(text, *p.hull) for p in pred]
        self.exact[0] += _one_to_one(pred_hulls, gold_hulls, lambda a, b: int(a == b))
        self.overlap[0] += _one_to_one(pred, gold, lambda a, b: len(a.tokens & b.tokens))
        for counts in (self.exact, self.overlap):
            counts[1] += len(pred)
            counts[2] += len(gold)
        gold_tokens = frozenset().union(*(g.tokens for g in gold)) if gold else frozenset()
        pred_tokens = frozenset().union(*(p.tokens for p in pred)) if pred else frozenset()
        self.token[0] += len(pred_tokens & gold_tokens)
        self.token[1] += len(pred_tokens)
        self.token[2] += len(gold_tokens & pred_tokens)
        self.token[3] += len(gold_tokens)

    def scores(self) -> dict[str, dict[str, float]]:
        return {
            "exact": _prf(self.exact[0], self.exact[1], self.exact[0], self.exact[2]),
            "overlap": _prf(self.overlap[0], self.overlap[1], self.overlap[0], self.overlap[2]),
            "token": _prf(*self.token),
        }


def _prf(tp_p: int, n_p: int, tp_g: int, n_g: int) -> dict[str, float]:
    precision = tp_p / n_p if n_p else 0.0
    recall = tp_g / n_g if n_g else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return {"precision": round(precision, 4), "recall": round(recall, 4), "f1": round(f1, 4)}


def _one_to_one(pred: list[Any], gold: list[Any], score: Callable[[Any, Any], int]) -> int:
    return len(one_to_one_pairs(pred, gold, score))


def one_to_one_pairs(pred: list[Any], gold: list[Any], score: Callable[[Any, Any], int]
                     ) -> dict[int, int]:
    """``{prediction index: gold index}`` paired greedily by ``score``,
    highest first (ties in prediction order), each side used once; only
    pairs scoring above 0."""
    pairs = []
    for i, p in enumerate(pred):
        for j, g in enumerate(gold):
            value = score(p, g)
            if value > 0:
                pairs.append((value, i, j))
    pairs.sort(key=lambda x: -x[0])
    used_p: set[int] = set()
    used_g: set[int] = set()
    paired: dict[int, int] = {}
    for _, i, j in pairs:
        if i not in used_p and j not in used_g:
            used_p.add(i)
            used_g.add(j)
            paired[i] = j
    return paired


def _trim(text: str, start: int, end: int) -> tuple[int, int]:
    changed = True
    while changed and start < end:
        changed = False
        while start < end and text[start] in _EDGE:
            start += 1
        while end > start and text[end - 1] in _EDGE:
            end -= 1
        word = _WORD.match(text, start)
        if word and word.end() < end and word.group().lower() in _COMPLEMENTIZERS:
            start = word.end()
            changed = True
    return (start, end)


def _item(text: str, fragments: Iterable[tuple[int, int]]) -> Item:
    frags = tuple(sorted(fragments))
    tokens: set[int] = set()
    for start, end in frags:
        t_start, t_end = _trim(text, start, end)
        tokens.update(m.start() for m in _WORD.finditer(text, t_start, t_end))
    return Item(frags, frozenset(tokens))


def _find_attributions() -> Callable[..., list[Any]]:
    if str(REPO_ROOT) not in sys.path:
        sys.path.insert(0, str(REPO_ROOT))
    from claimcheck.text.attribution import find_attributions

    return find_attributions


Predictor = Callable[[str, str], tuple[list[Item], list[Item], list[Any]]]


def _predicted(text: str, lang: str, *, tagger: Any = True
               ) -> tuple[list[Item], list[Item], list[Any]]:
    found = _find_attributions()(text, lang=lang, tagger=tagger)
    sources = [_item(text, [a.source_span]) for a in found if a.source_span]
    contents = [_item(text, [a.content_span]) for a in found]
    return sources, contents, found


def tagger_predictor(tagger: Any = None) -> Predictor:
    """A predictor from the learned tagger's linked relations alone
    (``tagger``: an ``AttributionTagger``; default: the shipped one)."""

    def predict(text: str, lang: str) -> tuple[list[Item], list[Item], list[Any]]:
        from claimcheck.text.tagger import link, shipped_tagger

        found = link(text, (tagger or shipped_tagger()).tag(text))
        sources = [_item(text, [r.source]) for r in found if r.source]
        contents = [_item(text, [r.content]) for r in found]
        return sources, contents, found

    return predict


def _predicted_full(text: str, lang: str) -> tuple[list[Item], list[Item], list[Any]]:
    """The pipeline with the 12-layer tagger reading English too: what
    ``extract_claims(..., tagger=full_tagger())`` does."""
    from claimcheck.text.tagger import full_tagger

    return _predicted(text, lang, tagger=full_tagger())


PREDICTORS: dict[str, Predictor] = {
    "rules + tagger": _predicted,
    "rules": functools.partial(_predicted, tagger=False),
    "tagger": tagger_predictor(),
    "rules + 12-layer tagger": _predicted_full,
}
"""What the benchmark can score: the shipped pipeline (rules, then tagger
relations the rules missed), the rules alone, the tagger's linked
relations alone, and the pipeline with the slower 12-layer tagger on
English (``tagger=full_tagger()``)."""


def batched_speed(split_dir: Path, tagger: Any = None) -> dict[str, Any]:
    """Characters a second of ``find_attributions`` over a split's articles
    as ``find_contradictions`` runs it on many documents: the tagger reads
    every article's English in one batched pass
    (:meth:`~claimcheck.text.tagger.AttributionTagger.prefetched`), then the
    rules run article by article with that tagger. ``tagger``: an
    ``AttributionTagger`` (default: the shipped one). Times the whole, models
    loaded, on this machine; the scores are those of the article-by-article
    run, which gives the same relations."""
    from claimcheck.text.attribution.relations import tagger_inputs
    from claimcheck.text.tagger import shipped_tagger

    find = _find_attributions()
    model = tagger or shipped_tagger()
    split_dir = Path(split_dir)
    texts = [(split_dir / "text" / f"{article}.txt").read_text(encoding="utf-8")
             for article in sorted(polnear_annotations(split_dir))]
    started = time.perf_counter()
    view = model.prefetched([part for text in texts for part in tagger_inputs(text, "en")],
                            show_progress_bar=False)
    relations = sum(len(find(text, lang="en", tagger=view)) for text in texts)
    seconds = time.perf_counter() - started
    chars = sum(map(len, texts))
    return {"documents": len(texts), "characters": chars, "relations": relations,
            "seconds": round(seconds, 2), "characters_per_s": round(chars / seconds)}


# --------------------------------------------------------------------- PolNeAR


def read_brat(ann_path: Path) -> list[dict[str, list[tuple[int, int]]]]:
    """Read one PolNeAR annotation file into relations {role: fragments}."""
    spans: dict[str, list[tuple[int, int]]] = {}
    relations: list[str] = []
    for line in ann_path.read_text(encoding="utf-8").splitlines():
        t_line = _T_LINE.match(line)
        if t_line:
            fragments = []
            for piece in t_line.group(3).split(";"):
                start, end = piece.split()
                fragments.append((int(start), int(end)))
            spans[t_line.group(1)] = fragments
            continue
        e_line = _E_LINE.match(line)
        if e_line:
            relations.append(e_line.group(2))
    result = []
    for relation in relations:
        roles: dict[str, list[tuple[int, int]]] = {}
        for argument in relation.split():
            role, _, ref = argument.partition(":")
            if ref in spans and role in ("Source", "Cue", "Content"):
                roles[role] = spans[ref]
        result.append(roles)
    return result


def polnear_annotations(split_dir: Path) -> dict[str, Path]:
    """``{article: .ann file}`` for a PolNeAR split, one annotation per article:
    the file whose annotator id sorts first (see the module docstring)."""
    chosen: dict[str, Path] = {}
    for ann in sorted((Path(split_dir) / "attributions").glob("*.ann")):
        chosen.setdefault(ann.stem.rsplit("_", 1)[0], ann)
    return chosen


def evaluate_polnear(split_dir: Path, predict: Predictor | None = None) -> dict[str, Any]:
    """Score attribution extraction against one PolNeAR split.

    Parameters
    ----------
    split_dir : Path
        A split folder with ``text/`` and ``attributions/`` (e.g. ``.../polnear/dev``).
    predict : callable, optional
        ``predict(text, lang) -> (sources, contents, found)``, the spans as
        :class:`Item` s; default: ``claimcheck``'s ``find_attributions``.

    Returns
    -------
    dict
        ``{"source": {"exact"|"overlap"|"token": {"precision", "recall", "f1"}},
        "content": {...}, "documents": int, "gold_relations": int,
        "predicted_relations": int, "characters": int, "seconds": float,
        "characters_per_s": int}``; the time is that of ``predict`` alone, on
        this machine, after a first call has loaded any model.

    Raises
    ------
    FileNotFoundError
        If ``split_dir`` has no ``attributions/`` folder.
    """
    split_dir = Path(split_dir)
    ann_dir = split_dir / "attributions"
    if not ann_dir.is_dir():
        raise FileNotFoundError(
            f"no PolNeAR annotations at {ann_dir}: pass --polnear pointing at a split folder "
            "such as ../shared/data/attribution/polnear/dev"
        )
    chosen = polnear_annotations(split_dir)
    source, content = Counts(), Counts()
    n_gold = n_pred = chars = 0
    seconds = 0.0
    for article, ann in sorted(chosen.items()):
        text = (split_dir / "text" / f"{article}.txt").read_text(encoding="utf-8")
        relations = read_brat(ann)
        gold_sources = [_item(text, r["Source"]) for r in relations if "Source" in r]
        gold_contents = [_item(text, r["Content"]) for r in relations if "Content" in r]
        started = time.perf_counter()
        pred_sources, pred_contents, found = (predict or _predicted)(text, "en")
        seconds += time.perf_counter() - started
        chars += len(text)
        source.add(text, gold_sources, pred_sources)
        content.add(text, gold_contents, pred_contents)
        n_gold += len(relations)
        n_pred += len(found)
    return {
        "source": source.scores(),
        "content": content.scores(),
        "documents": len(chosen),
        "gold_relations": n_gold,
        "predicted_relations": n_pred,
        "characters": chars,
        "seconds": round(seconds, 2),
        "characters_per_s": round(chars / seconds) if seconds else None,
    }


# ----------------------------------------------------------------- Arabic gold


def _nearest(text: str, needle: str, anchor: int) -> tuple[int, int]:
    best = -1
    position = text.find(needle)
    while position >= 0:
        if best < 0 or abs(position - anchor) < abs(best - anchor):
            best = position
        position = text.find(needle, position + 1)
    if best < 0:
        raise ValueError(f"gold span {needle!r} is not in the text: fix the gold file")
    return (best, best + len(needle))


def load_gold(path: Path) -> list[dict[str, Any]]:
    """Read the gold JSONL and resolve every substring to offsets.

    Returns
    -------
    list of dict
        ``{"id", "text", "relations": [{"source": (s, e) | None, "cue": (s, e),
        "content": (s, e), "entity": str}]}`` per article.

    Raises
    ------
    FileNotFoundError
        If the file, or an article's ``text_file``, is missing.
    ValueError
        If a span cannot be found or a content is ambiguous without ``anchor``.
    """
    path = Path(path)
    if not path.is_file():
        raise FileNotFoundError(f"no gold file at {path}: pass --gold FILE")
    articles = []
    for line_no, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip():
            continue
        record = json.loads(line)
        if "text_file" in record:
            text_path = SHARED / record["text_file"]
            if not text_path.is_file():
                raise FileNotFoundError(
                    f"{path}:{line_no} needs {text_path}; check out the shared folder next "
                    "to the repository"
                )
            text = text_path.read_text(encoding="utf-8")
        else:
            text = record["text"]
        relations = []
        for gold in record["attributions"]:
            window_start, window_end = 0, len(text)
            if gold.get("anchor"):
                window_start = text.index(gold["anchor"])
                window_end = window_start + len(gold["anchor"])
            content_at = text.find(gold["content"], window_start, window_end)
            if content_at < 0:
                raise ValueError(f"{path}:{line_no}: content {gold['content']!r} not found")
            if not gold.get("anchor") and text.find(gold["content"], content_at + 1) >= 0:
                raise ValueError(f"{path}:{line_no}: content {gold['content']!r} is ambiguous;"
                                 " add an anchor")
            content = (content_at, content_at + len(gold["content"]))
            relations.append({
                "source": _nearest(text, gold["source"], content_at) if gold["source"] else None,
                "cue": _nearest(text, gold["cue"], content_at),
                "content": content,
                "entity": gold["entity"],
            })
        articles.append({"id": record["id"], "text": text, "relations": relations})
    return articles


def evaluate_gold(path: Path, predict: Predictor | None = None) -> dict[str, Any]:
    """Score attribution extraction and entity linking on our Arabic gold set.

    Parameters
    ----------
    path : Path
        The gold JSONL (format in the module docstring).

    Returns
    -------
    dict
        As :func:`evaluate_polnear`, plus ``"entity"``: pairwise precision,
        recall and F1 of "same speaker" links between relations whose gold
        content was matched (overlap), and ``"seed"``: the same scores for the
        seed article alone.
    """
    articles = load_gold(path)
    total = _score_articles(articles, predict or _predicted)
    seed = [a for a in articles if a["id"].startswith("seed")]
    if seed:
        total["seed"] = _score_articles(seed, predict or _predicted)
    return total


def _score_articles(articles: list[dict[str, Any]], predict: Predictor) -> dict[str, Any]:
    source, content = Counts(), Counts()
    links = [0, 0, 0]  # agreeing same-entity pairs, predicted pairs, gold pairs
    links_entities = False
    n_gold = n_pred = 0
    for article in articles:
        text = article["text"]
        relations = article["relations"]
        gold_sources = [_item(text, [r["source"]]) for r in relations if r["source"]]
        gold_contents = [_item(text, [r["content"]]) for r in relations]
        pred_sources, pred_contents, found = predict(text, "ar")
        links_entities = links_entities or any(hasattr(item, "entity") for item in found)
        source.add(text, gold_sources, pred_sources)
        content.add(text, gold_contents, pred_contents)
        n_gold += len(relations)
        n_pred += len(found)
        pairs = _content_pairs(gold_contents, pred_contents)
        matched = [(relations[g]["entity"], getattr(found[p], "entity", None)) for g, p in pairs]
        for a in range(len(matched)):
            for b in range(a + 1, len(matched)):
                same_gold = matched[a][0] == matched[b][0]
                same_pred = matched[a][1] is not None and matched[a][1] == matched[b][1]
                links[0] += same_gold and same_pred
                links[1] += same_pred
                links[2] += same_gold
    return {
        "source": source.scores(),
        "content": content.scores(),
        # None when the predictor links no entities (the tagger alone).
        "entity": _prf(links[0], links[1], links[0], links[2]) if links_entities else None,
        "documents": len(articles),
        "gold_relations": n_gold,
        "predicted_relations": n_pred,
    }


def _content_pairs(gold: list[Item], pred: list[Item]) -> list[tuple[int, int]]:
    pairs = sorted(
        ((len(g.tokens & p.tokens), gi, pi) for gi, g in enumerate(gold)
         for pi, p in enumerate(pred) if g.tokens & p.tokens),
        reverse=True,
    )
    used_g: set[int] = set()
    used_p: set[int] = set()
    result = []
    for _, gi, pi in pairs:
        if gi not in used_g and pi not in used_p:
            used_g.add(gi)
            used_p.add(pi)
            result.append((gi, pi))
    return result


# ------------------------------------------------------------------------ main


def markdown_table(results: dict[str, dict[str, Any]]) -> str:
    """Format ``{name: result}`` as a markdown table of P/R/F1 per role and matching."""
    lines = [
        "| set | role | matching | precision | recall | F1 |",
        "|---|---|---|---|---|---|",
    ]
    for name, result in results.items():
        for role in ("source", "content"):
            for matching in ("exact", "overlap", "token"):
                s = result[role][matching]
                lines.append(
                    f"| {name} | {role} | {matching} | {s['precision']:.3f} | "
                    f"{s['recall']:.3f} | {s['f1']:.3f} |"
                )
        if result.get("entity"):
            s = result["entity"]
            lines.append(
                f"| {name} | entity | pairwise | {s['precision']:.3f} | {s['recall']:.3f} | "
                f"{s['f1']:.3f} |"
            )
    return "\n".join(lines)


def report_main(argv: list[str] | None, *, description: str, polnear: Path, polnear_help: str,
                compute: Callable[[Path], dict[str, Any]],
                render: Callable[[dict[str, Any]], str]) -> int:
    """The command line of a report on a PolNeAR folder
    (``benchmarks/rule_recall.py``, ``benchmarks/polnear_agreement.py``):
    ``--polnear`` (default ``polnear``) and ``--json``; prints
    ``render(compute(folder))`` and writes the result as JSON when asked."""
    parser = argparse.ArgumentParser(description=description)
    parser.add_argument("--polnear", type=Path, default=polnear, help=polnear_help)
    parser.add_argument("--json", type=Path, default=None, help="also write the result here")
    args = parser.parse_args(argv)
    result = compute(args.polnear)
    print(render(result))
    if args.json:
        args.json.write_text(json.dumps(result, indent=2) + "\n", encoding="utf-8")
    return 0


def main(argv: list[str] | None = None) -> int:
    """Command line: score PolNeAR and the Arabic gold set, print a markdown table."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--polnear", type=Path, default=DEFAULT_POLNEAR,
                        help="PolNeAR split folder (default: ../shared/.../polnear/dev)")
    parser.add_argument("--gold", type=Path, default=DEFAULT_GOLD,
                        help="Arabic gold JSONL (default: benchmarks/data/attribution_ar.jsonl)")
    parser.add_argument("--json", type=Path, default=None, help="also write the scores here")
    parser.add_argument("--skip-polnear", action="store_true", help="score the Arabic set only")
    parser.add_argument("--skip-gold", action="store_true", help="score PolNeAR only")
    parser.add_argument("--tagger", type=Path, default=None,
                        help="score the pipeline with this tagger folder instead of the "
                             "shipped one (rules first, as shipped)")
    parser.add_argument("--tagger-alone", action="store_true",
                        help="score the tagger's own linked relations, without the rules "
                             "(--tagger's, or the shipped one)")
    args = parser.parse_args(argv)
    predict = None
    if args.tagger is not None or args.tagger_alone:
        if str(REPO_ROOT) not in sys.path:
            sys.path.insert(0, str(REPO_ROOT))
        from claimcheck.text.tagger import AttributionTagger, shipped_tagger

        tagger = shipped_tagger() if args.tagger is None else AttributionTagger.load(args.tagger)
        predict = (tagger_predictor(tagger) if args.tagger_alone
                   else functools.partial(_predicted, tagger=tagger))
    # Load the models before timing (the shipped tagger too: loading it took
    # a third of the timed seconds when it was loaded inside the first article).
    for sentence, lang in (("Officials said the road would reopen.", "en"),
                           ("وقال المسؤولون إن الطريق سيفتح.", "ar")):
        (predict or _predicted)(sentence, lang)
    results: dict[str, dict[str, Any]] = {}
    if not args.skip_polnear:
        results[f"polnear-{args.polnear.name}"] = evaluate_polnear(args.polnear, predict)
    if not args.skip_gold:
        gold = evaluate_gold(args.gold, predict)
        seed = gold.pop("seed", None)
        results["arabic-gold"] = gold
        if seed is not None:
            results["arabic-seed"] = seed
    print(markdown_table(results))
    if args.json:
        args.json.write_text(json.dumps(results, indent=2, ensure_ascii=False), encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
