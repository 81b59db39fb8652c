"""End-to-end evaluation: every pair claimcheck reports is judged.

A contradiction detector is judged by everything it reports, not only by the
pairs someone thought to label (project issue 16). Two measures live here:

:func:`evaluate_cases`
    The gold cases of ``../shared/data/e2e/dev.json``: articles in which
    every attributed claim and every contradiction is listed. All documents
    of a case go into one pipeline call; every reported pair is right or a
    false alarm. Also scores claim extraction on the same cases (issue 17).
:func:`alarm_rate`
    Unlabelled real news in one pipeline call: attributed claims, reported
    pairs, pairs per 100 claims, wall time and the top pairs for a reader.

The scoring functions are pure: they take claims and scored pairs and load no
model, so tests hand them invented ones. :class:`PipelineDetector` is the one
place the real pipeline runs.

Scoring rules (the e2e README's)
--------------------------------
A claim *matches a side* of a listed pair when it comes from the side's
document, its span overlaps the quote's span by at least half of the shorter
of the two (:func:`overlaps`), and it *names* the side's source. A reported
pair is right when its two claims match the two sides of a listed
contradiction, in either order; every other reported pair is a false alarm
(one that matches a listed non-contradiction is also counted as a hard
negative hit, by kind). Recall is over ``required: true`` contradictions; a
``required: false`` one is right when reported and not missed when not. A
gold claim is found when an attributed claim of its document overlaps its
content by at least half of the shorter span and names its source.

How a claim names a source
--------------------------
Sources are the case's ids (``S1``...), known in a document through the
speakers and entities of its gold claims there. A predicted claim names:

1. every source with a gold claim in the same document whose speaker mention
   its ``speaker_span`` overlaps (half of the shorter, as above). A gold
   speaker is located at its occurrence nearest to the claim's content, so
   "he" is the "he" of that sentence; or, when no span matches,
2. the sources whose *distinctive* name words in that document it shares the
   most of: words of the predicted ``speaker`` and ``entity`` against the
   words of each source's gold speakers and entity, after dropping the words
   of the other sources' entities there ("البنك" in a document that also
   quotes "بنك الاستثمار" does not decide). Words are compared casefolded,
   without Arabic diacritics or tatweel, with alef/ya/ta marbuta forms
   unified and a leading article or clitic+article removed, and without
   function words and pronouns.

The evaluator has its own small normalisation on purpose: the system's own
speaker code would judge itself.
"""

from __future__ import annotations

import csv
import json
import re
import time
import unicodedata
from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, NamedTuple

from claimcheck.types import Claim, Contradiction, Document, Span

REPO = Path(__file__).resolve().parents[1]
SHARED = REPO.parent / "shared" / "data"
DEFAULT_CASES = SHARED / "e2e" / "dev.json"
POLNEAR_DEV_TEXT = SHARED / "attribution" / "polnear" / "dev" / "text"
REALNEWS = SHARED / "realnews"

#: Extra thresholds the e2e figures are also given at (the scored pairs are
#: all kept, so these cost nothing).
SWEEP = (0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9)
GROUPS = ("ar", "en", "ar-en", "other")


# ------------------------------------------------------------ spans, names

def overlaps(a: Span, b: Span) -> bool:
    """Whether two spans share at least half of the shorter one's characters."""
    shared = min(a[1], b[1]) - max(a[0], b[0])
    shorter = min(a[1] - a[0], b[1] - b[0])
    return shared > 0 and 2 * shared >= shorter


_MARKS = re.compile("[\u0610-\u061a\u064b-\u065f\u0670\u0640]")
_FOLD = str.maketrans({"أ": "ا", "إ": "ا", "آ": "ا", "ٱ": "ا", "ى": "ي", "ة": "ه"})
# Function words and pronouns in their folded forms; titles stay (they can be
# what tells two sources apart).
_STOP = frozenset("""
    the a an of in on at for and or to by from with as about
    he she they it we i you his her their its him them this that these those who
    mr mrs ms dr al el
    في من عن الي الى هو هي هم انه انها انهم
    """.split())


def name_words(name: str | None) -> frozenset[str]:
    """The words of a source name that can tell it apart (see the module notes)."""
    if not name:
        return frozenset()
    text = _MARKS.sub("", unicodedata.normalize("NFKC", name)).casefold().translate(_FOLD)
    words = set()
    for word in re.findall(r"\w+", text):
        for prefix in ("وال", "فال", "بال", "كال", "لل", "ال"):
            if word.startswith(prefix) and len(word) - len(prefix) >= 2:
                word = word[len(prefix):]
                break
        if len(word) >= 2 and word not in _STOP:
            words.add(word)
    return frozenset(words)


def _occurrence_near(text: str, needle: str, near: Span) -> Span | None:
    """The occurrence of ``needle`` in ``text`` closest to ``near`` (whole words
    preferred), or None when it does not occur."""
    found = [m.span() for m in re.finditer(rf"(?<!\w){re.escape(needle)}(?!\w)", text)]
    if not found:
        found = [m.span() for m in re.finditer(re.escape(needle), text)]

    def gap(span: Span) -> int:
        return max(near[0] - span[1], span[0] - near[1], 0)

    return min(found, key=gap) if found else None


# ------------------------------------------------------------ gold cases

@dataclass(frozen=True)
class GoldClaim:
    """One listed attributed claim, located in its document."""

    doc: str
    source: str
    content: str
    span: Span
    speaker: str | None
    speaker_span: Span | None
    entity: str


@dataclass(frozen=True)
class GoldSide:
    """One side of a listed pair: a quote in a document, and whose it is."""

    doc: str
    quote: str
    span: Span
    source: str
    entity: str


@dataclass(frozen=True)
class GoldPair:
    """A listed contradiction (or, with ``contradiction`` False, a hard negative)."""

    a: GoldSide
    b: GoldSide
    kind: str
    required: bool
    contradiction: bool
    note: str = ""

    @property
    def same_source(self) -> bool:
        return self.a.source == self.b.source


@dataclass(frozen=True)
class GoldCase:
    """One e2e case: its documents, every attributed claim, every contradiction."""

    id: str
    langs: tuple[str, ...]
    documents: tuple[Document, ...]
    claims: tuple[GoldClaim, ...]
    contradictions: tuple[GoldPair, ...]
    non_contradictions: tuple[GoldPair, ...] = ()

    @property
    def group(self) -> str:
        """"ar", "en", "ar-en" (Arabic and English documents) or "other"."""
        langs = sorted(set(self.langs))
        if langs in (["ar"], ["en"]):
            return langs[0]
        return "ar-en" if langs == ["ar", "en"] else "other"

    def doc_lang(self, doc_id: str | None) -> str:
        return next((d.lang or "und" for d in self.documents if d.id == doc_id), "und")

    @classmethod
    def from_json(cls, case: dict[str, Any]) -> GoldCase:
        """A case as ``dev.json`` writes it; every string is located in its text.

        Raises
        ------
        ValueError
            A content, quote or speaker is not in its document, or a quote is
            in no listed claim of its document.
        """
        cid = case["id"]
        docs = tuple(Document(d["text"], d["id"], d.get("lang"), d.get("title"),
                              d.get("date"))
                     for d in case["documents"])
        texts = {d.id: d.text for d in docs}
        claims = []
        for c in case["claims"]:
            text = texts[c["doc"]]
            start = text.find(c["content"])
            if start < 0:
                raise ValueError(f"{cid}: claim content not in {c['doc']}: {c['content']!r}")
            span = (start, start + len(c["content"]))
            speaker_span = _occurrence_near(text, c["speaker"], span) if c.get("speaker") else None
            if c.get("speaker") and speaker_span is None:
                raise ValueError(f"{cid}: speaker not in {c['doc']}: {c['speaker']!r}")
            claims.append(GoldClaim(c["doc"], c["source"], c["content"], span,
                                    c.get("speaker"), speaker_span, c["entity"]))

        def side(s: dict[str, Any]) -> GoldSide:
            for same_entity in (True, False):
                for g in claims:
                    if g.doc != s["doc"] or (same_entity and g.entity != s["entity"]):
                        continue
                    at = g.content.find(s["quote"])
                    if at >= 0:
                        start = g.span[0] + at
                        return GoldSide(s["doc"], s["quote"], (start, start + len(s["quote"])),
                                        g.source, s["entity"])
            raise ValueError(f"{cid}: quote in no listed claim of {s['doc']}: {s['quote']!r}")

        def pair(p: dict[str, Any], contradiction: bool) -> GoldPair:
            return GoldPair(side(p["a"]), side(p["b"]), p["kind"],
                            bool(p.get("required", True)), contradiction, p.get("note", ""))

        return cls(cid, tuple(case["langs"]), docs, tuple(claims),
                   tuple(pair(p, True) for p in case["contradictions"]),
                   tuple(pair(p, False) for p in case.get("non_contradictions", ())))


def load_cases(path: str | Path = DEFAULT_CASES) -> list[GoldCase]:
    """The cases of an e2e file (default ``../shared/data/e2e/dev.json``)."""
    path = Path(path)
    if not path.is_file():
        raise FileNotFoundError(f"no e2e cases at {path}: pass --e2e with the path of dev.json")
    return [GoldCase.from_json(c) for c in json.loads(path.read_text(encoding="utf-8"))]


class SourceIndex:
    """Which of a case's sources a predicted claim names (module notes, rules 1-2)."""

    def __init__(self, case: GoldCase) -> None:
        self._claims: dict[str, list[GoldClaim]] = {}
        for g in case.claims:
            self._claims.setdefault(g.doc, []).append(g)
        self._words: dict[str, dict[str, frozenset[str]]] = {}
        for doc, claims in self._claims.items():
            sources = {g.source for g in claims}
            own = {s: frozenset().union(*(name_words(g.speaker) | name_words(g.entity)
                                          for g in claims if g.source == s))
                   for s in sources}
            entities = {s: frozenset().union(*(name_words(g.entity)
                                               for g in claims if g.source == s))
                        for s in sources}
            self._words[doc] = {s: own[s] - frozenset().union(
                *(entities[o] for o in sources if o != s)) for s in sources}
        self._cache: dict[Claim, frozenset[str]] = {}

    def names(self, claim: Claim) -> frozenset[str]:
        """The source ids ``claim`` names in its document (empty when none)."""
        if claim not in self._cache:
            self._cache[claim] = self._names(claim)
        return self._cache[claim]

    def _names(self, claim: Claim) -> frozenset[str]:
        claims = self._claims.get(claim.doc_id or "", [])
        if claim.speaker_span is not None:
            by_span = frozenset(g.source for g in claims if g.speaker_span is not None
                                and overlaps(claim.speaker_span, g.speaker_span))
            if by_span:
                return by_span
        words = name_words(claim.speaker) | name_words(claim.entity)
        shared = {s: len(words & w) for s, w in self._words.get(claim.doc_id or "", {}).items()}
        best = max(shared.values(), default=0)
        return frozenset(s for s, n in shared.items() if n == best) if best else frozenset()

    def matches(self, claim: Claim, side: GoldSide | GoldClaim) -> bool:
        """Same document, spans overlapping by half the shorter, same source."""
        return self.covers(claim, side) and side.source in self.names(claim)

    @staticmethod
    def covers(claim: Claim, side: GoldSide | GoldClaim) -> bool:
        """Same document and spans overlapping by half the shorter (source not checked)."""
        return claim.doc_id == side.doc and overlaps(claim.span, side.span)


def same_speaker(a: Claim, b: Claim) -> bool:
    """Whether the system gives both claims one source: the same name words
    for their entity (or speaker when there is no entity)."""
    wa, wb = name_words(a.entity or a.speaker), name_words(b.entity or b.speaker)
    return bool(wa) and wa == wb


# ---------------------------------------------------------------- judging

@dataclass(frozen=True)
class PairVerdict:
    """One scored pair of a case, judged.

    Attributes
    ----------
    pair : Contradiction
    hits : tuple of int
        Listed contradictions (indices) whose two sides its claims match.
    hard_negatives : tuple of int
        Listed non-contradictions whose two sides its claims match.
    wrong_source : tuple of int
        Listed contradictions whose quotes its claims cover, with a source wrong.
    same_speaker : bool
        The system gives both claims one source (:func:`same_speaker`).
    gold_same_source : bool
        Both claims name one gold source (a self-contradiction, if any).
    """

    pair: Contradiction
    hits: tuple[int, ...]
    hard_negatives: tuple[int, ...]
    wrong_source: tuple[int, ...]
    same_speaker: bool
    gold_same_source: bool

    @property
    def right(self) -> bool:
        return bool(self.hits)


@dataclass(frozen=True)
class CaseResult:
    """A case with the claims its pipeline call compared and every pair it scored."""

    case: GoldCase
    claims: tuple[Claim, ...]
    verdicts: tuple[PairVerdict, ...]
    gold_found: tuple[bool, ...]            # per gold claim: found (content + source)
    gold_content_found: tuple[bool, ...]    # per gold claim: content found, any source
    claim_correct: tuple[bool, ...]         # per predicted claim: matches a gold claim
    claim_content_correct: tuple[bool, ...]
    side_found: dict[tuple[int, str], bool] = field(default_factory=dict)
    seconds: float = 0.0

    def reported(self, threshold: float) -> list[PairVerdict]:
        return [v for v in self.verdicts if v.pair.score >= threshold]


def _pair_matches(index: SourceIndex, pair: Contradiction, gold: GoldPair,
                  match: Callable[[Claim, GoldSide], bool] | None = None) -> bool:
    match = match or index.matches
    a, b = pair.claim_a, pair.claim_b
    return (match(a, gold.a) and match(b, gold.b)) or (match(a, gold.b) and match(b, gold.a))


def judge_case(case: GoldCase, claims: Sequence[Claim], scored: Sequence[Contradiction],
               seconds: float = 0.0) -> CaseResult:
    """Judge one case's pipeline output.

    Parameters
    ----------
    case : GoldCase
    claims : sequence of Claim
        The attributed claims the pipeline compared (for the extraction scores).
    scored : sequence of Contradiction
        Every pair the pipeline scored, whatever its score; which of them
        are reported is decided later, by a threshold.
    """
    index = SourceIndex(case)
    verdicts = []
    for pair in scored:
        hits = tuple(i for i, g in enumerate(case.contradictions)
                     if _pair_matches(index, pair, g))
        verdicts.append(PairVerdict(
            pair=pair, hits=hits,
            hard_negatives=tuple(i for i, g in enumerate(case.non_contradictions)
                                 if _pair_matches(index, pair, g)),
            wrong_source=() if hits else tuple(
                i for i, g in enumerate(case.contradictions)
                if _pair_matches(index, pair, g, index.covers)),
            same_speaker=same_speaker(pair.claim_a, pair.claim_b),
            gold_same_source=bool(index.names(pair.claim_a) & index.names(pair.claim_b))))
    attributed = [c for c in claims if c.speaker is not None]
    side_found = {(i, s): any(index.matches(c, getattr(g, s)) for c in attributed)
                  for i, g in enumerate(case.contradictions) for s in ("a", "b")}
    return CaseResult(
        case=case, claims=tuple(attributed), verdicts=tuple(verdicts),
        gold_found=tuple(any(index.matches(c, g) for c in attributed) for g in case.claims),
        gold_content_found=tuple(any(index.covers(c, g) for c in attributed)
                                 for g in case.claims),
        claim_correct=tuple(any(index.matches(c, g) for g in case.claims) for c in attributed),
        claim_content_correct=tuple(any(index.covers(c, g) for g in case.claims)
                                    for c in attributed),
        side_found=side_found, seconds=seconds)


# ----------------------------------------------------------------- figures

def _ratio(num: int, den: int) -> float | None:
    return num / den if den else None


def _f1(p: float | None, r: float | None) -> float | None:
    if p is None or r is None:
        return None
    return 2 * p * r / (p + r) if p + r else 0.0


def pair_scores(results: Iterable[CaseResult], threshold: float) -> dict[str, Any]:
    """Precision over every reported pair, required recall and F1."""
    reported = right = wrong_source = hard = required = found = 0
    for res in results:
        verdicts = res.reported(threshold)
        reported += len(verdicts)
        right += sum(v.right for v in verdicts)
        wrong_source += sum(bool(v.wrong_source) for v in verdicts)
        hard += sum(bool(v.hard_negatives) and not v.right for v in verdicts)
        hit = {i for v in verdicts for i in v.hits}
        req = [i for i, g in enumerate(res.case.contradictions) if g.required]
        required += len(req)
        found += sum(i in hit for i in req)
    precision, recall = _ratio(right, reported), _ratio(found, required)
    return {"reported": reported, "right": right, "false_alarms": reported - right,
            "hard_negative_hits": hard, "required": required, "required_found": found,
            "precision": precision, "recall": recall, "f1": _f1(precision, recall),
            # not the rule, for reading: pairs right but for a source
            "precision_ignoring_source": _ratio(right + wrong_source, reported)}


def claim_scores(results: Iterable[CaseResult]) -> dict[str, dict[str, Any]]:
    """Claim extraction per document language (and "all"): recall of the gold
    claims, precision of the attributed claims, with and without the source."""
    counts: dict[str, Counter] = {}
    for res in results:
        for g, found, content in zip(res.case.claims, res.gold_found, res.gold_content_found):
            for lang in (res.case.doc_lang(g.doc), "all"):
                counts.setdefault(lang, Counter()).update(
                    gold=1, found=int(found), content_found=int(content))
        for c, ok, content in zip(res.claims, res.claim_correct, res.claim_content_correct):
            for lang in (res.case.doc_lang(c.doc_id), "all"):
                counts.setdefault(lang, Counter()).update(
                    predicted=1, correct=int(ok), content_correct=int(content))
    out = {}
    for lang, n in sorted(counts.items(), key=lambda kv: (kv[0] == "all", kv[0])):
        recall, precision = _ratio(n["found"], n["gold"]), _ratio(n["correct"], n["predicted"])
        out[lang] = {"gold": n["gold"], "found": n["found"], "predicted": n["predicted"],
                     "correct": n["correct"], "recall": recall, "precision": precision,
                     "f1": _f1(precision, recall),
                     "content_recall": _ratio(n["content_found"], n["gold"]),
                     "content_precision": _ratio(n["content_correct"], n["predicted"])}
    return out


def source_linking(results: Iterable[CaseResult]) -> dict[str, Any]:
    """Pairwise scores of the one-source-across-documents links.

    In each case with two documents or more, every gold claim found (content
    and source, as in :func:`claim_scores`) is paired with every found gold
    claim of another document; a pair is linked in gold when the two have
    one source id, and by the system when their claims share
    ``Claim.source``. Precision, recall and F1 over the linked pairs.
    """
    tp = fp = fn = 0
    cases = 0
    for res in results:
        if len({d.id for d in res.case.documents}) < 2:
            continue
        cases += 1
        index = SourceIndex(res.case)
        found = []
        for g in res.case.claims:
            claim = next((c for c in res.claims if index.matches(c, g)), None)
            if claim is not None:
                found.append((g, claim))
        for x, (ga, ca) in enumerate(found):
            for gb, cb in found[x + 1:]:
                if ga.doc == gb.doc:
                    continue
                gold = ga.source == gb.source
                system = ca.source is not None and ca.source == cb.source
                tp += gold and system
                fp += system and not gold
                fn += gold and not system
    precision, recall = _ratio(tp, tp + fp), _ratio(tp, tp + fn)
    return {"cases": cases, "gold_links": tp + fn, "system_links": tp + fp, "right": tp,
            "precision": precision, "recall": recall, "f1": _f1(precision, recall)}


def _claim_json(c: Claim) -> dict[str, Any]:
    return {"doc": c.doc_id, "speaker": c.speaker, "entity": c.entity, "source": c.source,
            "cue": c.cue, "text": c.text, "span": list(c.span)}


def _side_json(s: GoldSide) -> dict[str, Any]:
    return {"doc": s.doc, "entity": s.entity, "source": s.source, "quote": s.quote}


def false_alarms(results: Iterable[CaseResult], threshold: float) -> list[dict[str, Any]]:
    """Every reported pair that is not right, highest score first, readable."""
    rows = []
    for res in results:
        case = res.case
        for v in res.reported(threshold):
            if v.right:
                continue
            rows.append({
                "case": case.id, "group": case.group, "score": v.pair.score,
                "reason": v.pair.reason, "reasons": list(v.pair.reasons),
                "claim_a": _claim_json(v.pair.claim_a), "claim_b": _claim_json(v.pair.claim_b),
                "hard_negative": [case.non_contradictions[i].kind for i in v.hard_negatives],
                "hard_negative_note": [case.non_contradictions[i].note
                                       for i in v.hard_negatives],
                "listed_but_wrong_source": [case.contradictions[i].kind
                                            for i in v.wrong_source],
                "same_document": v.pair.claim_a.doc_id == v.pair.claim_b.doc_id,
                "system_kind": getattr(v.pair, "kind", None),
                "same_speaker": v.same_speaker, "gold_same_source": v.gold_same_source})
    return sorted(rows, key=lambda r: -r["score"])


def misses(results: Iterable[CaseResult], threshold: float) -> list[dict[str, Any]]:
    """Every required contradiction not reported, with why it may have been
    missed: a side not extracted (with its source), never a candidate pair,
    or scored below the threshold (the best score it got)."""
    rows = []
    for res in results:
        hit = {i for v in res.reported(threshold) for i in v.hits}
        for i, g in enumerate(res.case.contradictions):
            if not g.required or i in hit:
                continue
            scored = [v.pair for v in res.verdicts if i in v.hits]
            best = max(scored, key=lambda p: p.score, default=None)
            rows.append({
                "case": res.case.id, "group": res.case.group, "kind": g.kind, "note": g.note,
                "a": _side_json(g.a), "b": _side_json(g.b), "same_source": g.same_source,
                "a_extracted": res.side_found[(i, "a")], "b_extracted": res.side_found[(i, "b")],
                "best_score": None if best is None else best.score,
                "best_reason": None if best is None else best.reason,
                "best_pair": None if best is None else [best.claim_a.text, best.claim_b.text]})
    return rows


def summarise(results: Sequence[CaseResult], threshold: float,
              sweep: Iterable[float] = SWEEP) -> dict[str, Any]:
    """Every e2e figure at ``threshold``, and the headline ones at ``sweep``."""
    out: dict[str, Any] = {"threshold": threshold, "cases": len(results),
                           **pair_scores(results, threshold)}
    out["per_group"] = {g: {"cases": sum(r.case.group == g for r in results),
                            **pair_scores([r for r in results if r.case.group == g], threshold)}
                        for g in GROUPS if any(r.case.group == g for r in results)}
    kinds: dict[str, Counter] = {}
    for res in results:
        hit = {i for v in res.reported(threshold) for i in v.hits}
        for i, g in enumerate(res.case.contradictions):
            key = "required" if g.required else "optional"
            kinds.setdefault(g.kind, Counter()).update({key: 1, f"{key}_found": int(i in hit)})
    out["per_kind"] = {k: {"required": n["required"], "found": n["required_found"],
                           "recall": _ratio(n["required_found"], n["required"]),
                           "optional": n["optional"], "optional_found": n["optional_found"]}
                       for k, n in sorted(kinds.items())}
    empty = [r for r in results if not r.case.contradictions]
    out["cases_without_contradictions"] = len(empty)
    out["of_which_empty"] = sum(not r.reported(threshold) for r in empty)
    reported = [v for r in results for v in r.reported(threshold)]
    hard = Counter(r.case.non_contradictions[i].kind for r in results
                   for v in r.reported(threshold) if not v.right for i in v.hard_negatives)
    out["hard_negative_hits_by_kind"] = dict(hard.most_common())
    out["same_speaker"] = {  # the system's view of its own reported pairs
        "reported": sum(v.same_speaker for v in reported),
        "right": sum(v.same_speaker and v.right for v in reported)}
    out["gold_same_source"] = {  # the gold view: both claims name one source
        "reported": sum(v.gold_same_source for v in reported),
        "right": sum(v.gold_same_source and v.right for v in reported)}
    # Contradiction.kind ("self" / "between-sources") where the pipeline gives one
    kinds_reported = Counter(str(getattr(v.pair, "kind", None)) for v in reported)
    kinds_right = Counter(str(getattr(v.pair, "kind", None)) for v in reported if v.right)
    out["by_system_kind"] = {k: {"reported": n, "right": kinds_right[k]}
                             for k, n in sorted(kinds_reported.items())}
    for name, same in (("self_contradictions", True), ("cross_source_contradictions", False)):
        listed = [(r, i) for r in results for i, g in enumerate(r.case.contradictions)
                  if g.required and g.same_source == same]
        found = sum(any(i in v.hits for v in r.reported(threshold)) for r, i in listed)
        out[name] = {"required": len(listed), "found": found,
                     "recall": _ratio(found, len(listed))}
    out["claims"] = claim_scores(results)
    out["source_linking"] = source_linking(results)
    out["at_thresholds"] = {str(t): pair_scores(results, t) for t in sweep if t != threshold}
    out["seconds"] = sum(r.seconds for r in results)
    out["false_alarm_pairs"] = false_alarms(results, threshold)
    out["misses"] = misses(results, threshold)
    return out


# ---------------------------------------------------------------- running

class Detection(NamedTuple):
    """One pipeline call: the attributed claims compared, every scored pair, seconds."""

    claims: list[Claim]
    scored: list[Contradiction]
    seconds: float


Detector = Callable[[list[Document]], Detection]


class PipelineDetector:
    """claimcheck's pipeline, one :class:`~claimcheck.detect.ContradictionFinder`
    call per set of documents (what ``find_contradictions`` does, with the
    shared finder's defaults), asked with threshold 0 so that every scored pair
    comes back; the reported ones are those at or above :attr:`threshold`.

    Parameters
    ----------
    nli_model : path or None
        The NLI model (default: the shipped one).
    threshold : float or None
        Reporting threshold (default: the one saved with the model).
    """

    def __init__(self, nli_model: str | Path | None = None,
                 threshold: float | None = None) -> None:
        self.nli_model = nli_model
        self._threshold = threshold
        self._finder = None

    @property
    def finder(self):
        if self._finder is None:
            from claimcheck.detect import ContradictionFinder

            class RecordingFinder(ContradictionFinder):
                """Keeps the claims its last call compared."""

                last_claims: Sequence[Claim] = ()

                def claims(self, documents, **kwargs):
                    self.last_claims = super().claims(documents, **kwargs)
                    return self.last_claims

            self._finder = RecordingFinder(nli_model=self.nli_model)
        return self._finder

    @property
    def threshold(self) -> float:
        return self.finder.default_threshold if self._threshold is None else self._threshold

    def __call__(self, documents: list[Document]) -> Detection:
        finder = self.finder
        start = time.perf_counter()
        scored = finder(documents, threshold=0.0, show_progress_bar=False)
        return Detection(list(finder.last_claims), scored, time.perf_counter() - start)


def evaluate_cases(cases: Sequence[GoldCase], detect: Detector) -> list[CaseResult]:
    """One detector call per case (all of its documents), each judged."""
    results = []
    for case in cases:
        claims, scored, seconds = detect(list(case.documents))
        results.append(judge_case(case, claims, scored, seconds))
    return results


# ----------------------------------------------- listed pairs, not exhaustive

def judge_listed_pairs(gold: dict[str, Any], reported: Sequence[Contradiction]) -> dict[str, Any]:
    """Every reported pair against ``benchmarks/data/contradictions.json``.

    That file lists chosen pairs, not every contradiction, and names no
    sources: a reported pair is right when its claims overlap (half of the
    shorter span) the two substrings of a listed contradiction, in either
    order; every other reported pair counts against precision, so the
    precision is a lower bound.
    """
    texts = {d["id"]: d["text"] for d in gold["documents"]}

    def side(doc: str, needle: str) -> tuple[str, Span]:
        start = texts[doc].find(needle)
        if start < 0:
            raise ValueError(f"gold substring not in {doc}: {needle!r}")
        return doc, (start, start + len(needle))

    listed = [(side(p["doc_a"], p["claim_a"]), side(p["doc_b"], p["claim_b"]), p)
              for p in gold["pairs"]]

    def covers(claim: Claim, s: tuple[str, Span]) -> bool:
        return claim.doc_id == s[0] and overlaps(claim.span, s[1])

    counts = Counter()
    found: set[int] = set()
    alarms = []
    for c in reported:
        labels = [(i, p["label"]) for i, (sa, sb, p) in enumerate(listed)
                  if (covers(c.claim_a, sa) and covers(c.claim_b, sb))
                  or (covers(c.claim_a, sb) and covers(c.claim_b, sa))]
        hits = [i for i, label in labels if label == "contradiction"]
        found.update(hits)
        verdict = ("listed_contradiction" if hits else
                   "listed_no_contradiction" if labels else "unlisted")
        counts[verdict] += 1
        if not hits:
            alarms.append({"verdict": verdict, "score": c.score, "reason": c.reason,
                           "claim_a": _claim_json(c.claim_a), "claim_b": _claim_json(c.claim_b),
                           "same_speaker": same_speaker(c.claim_a, c.claim_b)})
    n_contra = sum(p["label"] == "contradiction" for p in gold["pairs"])
    precision = _ratio(counts["listed_contradiction"], len(reported))
    recall = _ratio(len(found), n_contra)
    return {"reported": len(reported), "right": counts["listed_contradiction"],
            "hit_listed_no_contradiction": counts["listed_no_contradiction"],
            "unlisted": counts["unlisted"], "precision_all_reported": precision,
            "recall_listed": recall, "f1": _f1(precision, recall),
            "false_alarm_pairs": alarms}


# -------------------------------------------------------------- real news

def polnear_documents(folder: str | Path = POLNEAR_DEV_TEXT,
                      limit: int | None = None, *, dated: bool = True) -> list[Document]:
    """The PolNeAR articles of a split's ``text/`` folder (English), by name,
    with the title and publication date of PolNeAR's ``metadata.tsv`` (two
    folders up) when ``dated`` and the file is there, as an archive would
    give them."""
    paths = sorted(Path(folder).glob("*.txt"))
    if not paths:
        raise FileNotFoundError(f"no .txt articles in {folder}: pass the PolNeAR split's text/")
    meta = polnear_metadata(Path(folder).resolve().parents[1] / "metadata.tsv") if dated else {}
    return [Document(p.read_text(encoding="utf-8"), p.stem, "en",
                     *meta.get(p.stem, (None, None))) for p in paths[:limit]]


def polnear_metadata(path: Path) -> dict[str, tuple[str | None, str | None]]:
    """Article name -> (title, publication date) from PolNeAR's metadata.tsv;
    empty when the file is missing."""
    if not path.is_file():
        return {}
    rows = csv.DictReader(path.read_text(encoding="utf-8").splitlines(), delimiter="\t")
    return {r["filename"]: (r.get("title") or None, r.get("publication_date") or None)
            for r in rows}


def realnews_documents(lang: str = "ar", root: str | Path = REALNEWS,
                       limit: int | None = None) -> list[Document]:
    """The articles of ``realnews/<lang>/`` listed in its manifest, by id."""
    root = Path(root)
    manifest = root / "manifest.jsonl"
    if not manifest.is_file():
        raise FileNotFoundError(f"no manifest at {manifest}: pass the realnews folder")
    rows = [json.loads(line) for line in manifest.read_text(encoding="utf-8").splitlines()
            if line.strip()]
    rows = sorted((r for r in rows if r["lang"] == lang), key=lambda r: r["id"])[:limit]
    return [Document((root / lang / f"{r['id']}.txt").read_text(encoding="utf-8"), r["id"],
                     r["lang"], r.get("title"), r.get("date")) for r in rows]


# What a reader would flag in a list of speakers, written apart from the
# pipeline's own filter (claimcheck/text/attribution/wellformed.py) so that
# this list can show what that filter lets through.
_SUSPECT_FIRST_EN = frozenset("""
    and or but which whose whom where when while if because since although instead far
    even now then also just only not never to of in on at for with by from into as than
    online here there said says told according
    """.split())
_VERBS_EN = frozenset("began went made took came gave got left ran won lost spent sent held "
                      "kept stood met brought thought felt saw knew wrote put set led paid "
                      "is are was were has have had will would can could".split())
_SUSPECT_AR = frozenset("""
    لكنه لكنها ولكنه ولكنها انه انها وانه وانها اسمه اسمها هذا هذه ذلك تلك هو هي
    """.split())
_MEDIA_AR = ("برنامج", "لبرنامج", "صحيفة", "صحيفه", "لصحيفة", "قناة", "قناه", "لقناة", "موقع",
             "وكالة", "وكاله", "اذاعة", "إذاعة")
_URL = re.compile(r"https?://|www\.|\.com\b", re.IGNORECASE)
# A lowercase "-ed"/"-ing" word and what it governs: "appeared in the ...",
# "replacing it with ...", "recalled Mr. ...": a verb fragment, not a name.
_VERB_FRAGMENT_EN = re.compile(
    r"^[a-z]{3,}(?:ed|ing)\s+(?:a|an|the|it|them|him|his|her|their|to|in|on|at|for|with|by|"
    r"from|into|off|out|up|mr|mrs|ms|dr)\b", re.IGNORECASE)
_RELATIVE_AR = ("الذي", "التي", "الذين", "اللذين", "اللتين")


def suspicious_claim(claim: Claim) -> str | None:
    """Why ``claim`` looks wrongly attributed, or None: a speaker that is a
    function word, a pronoun particle, a listener, a URL, an adverb or verb,
    a fragment with a reporting verb, a verb with its object ("appeared in
    the ..."), a possessive, a pronoun with a contracted verb ("I'm"), one
    ending in a relative pronoun ("حزب العمال الذي") or a run of over 12
    words without an apposition; a content that is a URL or only a name (two
    words or fewer, or a programme, newspaper or channel)."""
    speaker, text = claim.speaker or "", claim.text
    words = re.findall(r"[^\W_]+", speaker)
    if not words:
        return None
    arabic = bool(re.search(r"[\u0600-\u06FF]", speaker))
    first = words[0].lower()
    if _URL.search(speaker):
        return "speaker is a URL"
    if len(words) > 12 and not re.search(r"[,،]", speaker):
        return "speaker over 12 words, no apposition"
    if arabic:
        bare = re.sub(r"[\u064B-\u0652\u0640]", "", first).replace("أ", "ا").replace("إ", "ا")
        if len(words) == 1 and bare in _SUSPECT_AR:
            return "speaker is a particle or pronoun"
        if bare.startswith(("لل", "لـ")) or bare in {"ل"}:
            return "speaker is a listener"
        if speaker.rstrip().endswith(_RELATIVE_AR):
            return "speaker ends in a relative pronoun"
    else:
        if first in _SUSPECT_FIRST_EN:
            return "speaker starts with a function word"
        if len(words) == 1 and speaker[:1].islower() and (
                first.endswith(("ly", "ed", "ing")) or first in _VERBS_EN):
            return "speaker is an adverb or a verb"
        if any(w.lower() in {"said", "says", "told"} for w in words):
            return "speaker holds a reporting verb"
        if speaker[:1].islower() and _VERB_FRAGMENT_EN.match(speaker):
            return "speaker is a verb fragment"
        if re.search(r"['’]s$", speaker.strip()) and first not in {"he", "she", "it", "who"}:
            return "speaker is a possessive"
        if re.search(r"\b(?:i|you|we|they|he|she|it|who)['’](?:m|re|ve|ll|d)$",
                     speaker.strip(), re.IGNORECASE):
            return "speaker holds a contracted verb"
    content = re.findall(r"[^\W_]+", text)
    if _URL.search(text) and len(content) <= 6:
        return "content is a URL"
    if len(content) <= 2:
        return "content of two words or fewer"
    if arabic and text.lstrip("«\"' ").startswith(_MEDIA_AR) and len(content) <= 6:
        return "content is the name of a programme or outlet"
    return None


def suspicious_claims(claims: Sequence[Claim]) -> dict[str, Any]:
    """Every attributed claim :func:`suspicious_claim` flags, counted by why."""
    rows = [(why, c) for c in claims if c.speaker and (why := suspicious_claim(c))]
    return {"count": len(rows), "by_why": dict(Counter(why for why, _ in rows).most_common()),
            "claims": [{"why": why, **_claim_json(c)} for why, c in rows]}


def alarm_rate(documents: list[Document], detect: Detector, threshold: float,
               top: int = 30, keep=None) -> dict[str, Any]:
    """What the pipeline raises on unlabelled articles, in one call.

    Returns the articles, attributed claims (what the pipeline compares),
    pairs scored (those the cascade kept), reported pairs, reported per 100 claims, the
    share of reported pairs within one article and with one speaker on both
    sides, the reason kinds, wall time, and the ``top`` reported pairs.
    ``keep(claims, reported)``, when given, receives the claims and the
    reported pairs.
    """
    claims, scored, seconds = detect(documents)
    reported = sorted((c for c in scored if c.score >= threshold),
                      key=lambda c: (-c.score, c.claim_a.span, c.claim_b.span))
    n = len(reported)
    if keep is not None:  # the whole result, for a report (see run_benchmark.py report)
        keep(claims, reported)
    return {
        "articles": len(documents), "claims": len(claims), "pairs_scored": len(scored),
        "reported": n, "per_100_claims": 100 * n / len(claims) if claims else None,
        "same_document": sum(c.claim_a.doc_id == c.claim_b.doc_id for c in reported),
        "same_speaker": sum(same_speaker(c.claim_a, c.claim_b) for c in reported),
        "reason_kinds": dict(Counter(k for c in reported for k in set(c.reasons)).most_common()),
        "no_reason": sum(not c.reasons for c in reported),
        "threshold": threshold, "seconds": seconds,
        "suspicious": suspicious_claims(claims),
        "top": [{"score": c.score, "reason": c.reason, "kind": getattr(c, "kind", None),
                 "claim_a": _claim_json(c.claim_a), "claim_b": _claim_json(c.claim_b)}
                for c in reported[:top]]}
