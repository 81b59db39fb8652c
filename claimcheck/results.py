"""One run's results as data: the documents, every claim, the contradictions.

:class:`Analysis` is what :meth:`ContradictionFinder.analyse` returns and what
the outputs read: the JSON schema below (``claimcheck find --format json``),
JSON lines and CSV of the contradictions, and the HTML report
(:mod:`claimcheck.report`), which can be rebuilt from the JSON alone
(``claimcheck report results.json -o report.html``).

JSON schema, version 1 (``schema_version``; a change that removes or renames a
field raises it)::

    {"schema_version": 1, "claimcheck_version": "0.1.0",
     "created": "2026-12-04T23:40:00+00:00",            # UTC, ISO 8601
     "model": "models/nli-e5-small", "threshold": 0.41,
     "documents": [{"id", "lang", "title", "date", "text"}],
     "sources": [{"id": "S1", "name": "...", "mentions": [[doc_id, entity], ...]}],
     "claims": [{"id": "c1", "doc_id", "text", "span": [start, end], "speaker",
                 "speaker_span", "cue", "entity", "lang", "source": "S1" | null,
                 "source_name": "Donald Trump" | null}],
     "contradictions": [{"rank": 1, "claim_a": "c1", "claim_b": "c7", "score",
                         "score_ab", "score_ba", "similarity", "kind",
                         "reasons": [...], "reason",
                         "repeats": [["c4", "c9"], ...]}]}

Spans are character offsets into the document's ``text``. A source is one
entity across documents: the claims whose ``Claim.source`` is one key
(:func:`claimcheck.sources.link_sources`: "Trump" in one article, "Donald
Trump" or "ترامب" in another), or, for claims never linked, whose folded
names are equal; ``source_name`` is that key. ``repeats`` lists the other
pairs of claims that say the same clash word for word
(:func:`claimcheck.detect.fold_repeats`); files written before it existed
read as having none.
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import datetime, timezone
from typing import Any

from claimcheck.text.normalize import folded_words
from claimcheck.types import Claim, Contradiction, Document

SCHEMA_VERSION = 1


def source_name(claim: Claim) -> str | None:
    """The name a claim's source goes by (its linked ``source``, else its
    entity, else its speaker)."""
    return claim.source or claim.entity or claim.speaker


def _source_key(name: str) -> str:
    return " ".join(folded_words(name)) or name


@dataclass(frozen=True)
class Source:
    """One source across documents: an id, a display name and its mentions."""

    id: str
    name: str
    mentions: tuple[tuple[str | None, str], ...]


def link_sources(claims: Sequence[Claim]) -> tuple[list[Source], list[str | None]]:
    """The sources of ``claims`` (in order of first appearance) and each claim's
    source id (None for a claim without a speaker)."""
    ids: dict[str, str] = {}
    names: dict[str, str] = {}
    mentions: dict[str, list[tuple[str | None, str]]] = {}
    of_claim: list[str | None] = []
    for claim in claims:
        name = source_name(claim)
        if not name:
            of_claim.append(None)
            continue
        key = _source_key(name)
        if key not in ids:
            ids[key] = f"S{len(ids) + 1}"
            names[key] = name
            mentions[key] = []
        if len(name) > len(names[key]):
            names[key] = name
        mention = (claim.doc_id, name)
        if mention not in mentions[key]:
            mentions[key].append(mention)
        of_claim.append(ids[key])
    sources = [Source(ids[k], names[k], tuple(mentions[k])) for k in ids]
    return sources, of_claim


@dataclass(frozen=True)
class Analysis:
    """Everything one run found.

    Attributes
    ----------
    documents : tuple of Document
    claims : tuple of Claim
        Every claim that was compared (attributed ones unless the finder says
        otherwise), in document order.
    contradictions : tuple of Contradiction
        The reported ones, highest score first.
    threshold : float
        The reporting threshold used.
    model : str or None
        The NLI model folder.
    created : str
        When the run ended (UTC, ISO 8601).
    """

    documents: tuple[Document, ...]
    claims: tuple[Claim, ...]
    contradictions: tuple[Contradiction, ...]
    threshold: float
    model: str | None = None
    created: str = field(default_factory=lambda: datetime.now(timezone.utc)
                         .isoformat(timespec="seconds"))

    def __post_init__(self) -> None:
        for name in ("documents", "claims", "contradictions"):
            object.__setattr__(self, name, tuple(getattr(self, name)))

    def all_claims(self) -> list[Claim]:
        """``claims``, then any claim of a contradiction that is not among them."""
        out = list(self.claims)
        known = set(out)
        for c in self.contradictions:
            for claim in (c.claim_a, c.claim_b, *(x for pair in c.repeats for x in pair)):
                if claim not in known:
                    known.add(claim)
                    out.append(claim)
        return out

    def claim_sources(self) -> tuple[list[Claim], list[Source], list[str | None]]:
        """:meth:`all_claims` (claim id ``c{n}`` is the n-th, in the JSON and
        in the report alike), the sources linked across them, and each
        claim's source id."""
        every = self.all_claims()
        sources, source_of = link_sources(every)
        return every, sources, source_of

    def to_dict(self) -> dict[str, Any]:
        """The JSON schema of the module docstring."""
        from claimcheck import __version__

        every, sources, source_of = self.claim_sources()
        index = {claim: i for i, claim in enumerate(every)}
        claims = [{"id": f"c{i + 1}", **claim.to_dict(), "source": source_of[i],
                   "source_name": claim.source} for i, claim in enumerate(every)]
        contradictions = []
        for rank, c in enumerate(self.contradictions, 1):
            contradictions.append({
                "rank": rank, "claim_a": f"c{index[c.claim_a] + 1}",
                "claim_b": f"c{index[c.claim_b] + 1}", "score": c.score,
                "score_ab": c.score_ab, "score_ba": c.score_ba, "similarity": c.similarity,
                "kind": c.kind, "reasons": list(c.reasons), "reason": c.reason,
                "repeats": [[f"c{index[a] + 1}", f"c{index[b] + 1}"] for a, b in c.repeats]})
        return {
            "schema_version": SCHEMA_VERSION,
            "claimcheck_version": __version__,
            "created": self.created,
            "model": self.model,
            "threshold": self.threshold,
            "documents": [{"id": d.id, "lang": d.lang, "title": d.title, "date": d.date,
                           "text": d.text} for d in self.documents],
            "sources": [{"id": s.id, "name": s.name, "mentions": [list(m) for m in s.mentions]}
                        for s in sources],
            "claims": claims,
            "contradictions": contradictions,
        }

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Analysis:
        """An analysis back from :meth:`to_dict`'s JSON (schema version 1)."""
        if not isinstance(data, dict) or "schema_version" not in data:
            raise ValueError("not a claimcheck results file (no schema_version): write one "
                             "with `claimcheck find ... --format json`")
        if data["schema_version"] != SCHEMA_VERSION:
            raise ValueError(f"results schema version {data['schema_version']} is not "
                             f"supported (this claimcheck reads version {SCHEMA_VERSION})")
        try:
            documents = [Document(d["text"], d["id"], d.get("lang"), d.get("title"),
                                  d.get("date")) for d in data["documents"]]
            claims: dict[str, Claim] = {}
            for c in data["claims"]:
                claims[c["id"]] = Claim(
                    c["text"], tuple(c["span"]), speaker=c.get("speaker"),
                    speaker_span=tuple(c["speaker_span"]) if c.get("speaker_span") else None,
                    cue=c.get("cue"), entity=c.get("entity"), lang=c.get("lang", "und"),
                    doc_id=c.get("doc_id"), source=c.get("source_name"))
            found = [Contradiction(
                claims[c["claim_a"]], claims[c["claim_b"]], float(c["score"]),
                score_ab=float(c.get("score_ab", 0.0)), score_ba=float(c.get("score_ba", 0.0)),
                reason=c.get("reason"), similarity=float(c.get("similarity", 0.0)),
                reasons=tuple(c.get("reasons", ())), kind=c.get("kind", "between-sources"),
                repeats=tuple((claims[a], claims[b]) for a, b in c.get("repeats", ())))
                for c in data["contradictions"]]
        except (KeyError, TypeError) as err:
            raise ValueError(f"results file is missing a field or has a wrong type: {err}") \
                from None
        return cls(documents, tuple(claims.values()), found, float(data["threshold"]),
                   data.get("model"), data.get("created") or "")


CSV_COLUMNS = ("rank", "score", "kind", "doc_a", "speaker_a", "claim_a", "start_a", "end_a",
               "doc_b", "speaker_b", "claim_b", "start_b", "end_b", "reasons", "reason",
               "repeats")


def contradiction_rows(found: Sequence[Contradiction]) -> list[dict[str, Any]]:
    """One flat row per contradiction (the CSV and JSON lines outputs); ``repeats``
    counts the same clash carried by other pairs of claims."""
    rows = []
    for rank, c in enumerate(found, 1):
        a, b = c.claim_a, c.claim_b
        rows.append({"rank": rank, "score": round(c.score, 4), "kind": c.kind,
                     "doc_a": a.doc_id, "speaker_a": a.speaker, "claim_a": a.text,
                     "start_a": a.span[0], "end_a": a.span[1],
                     "doc_b": b.doc_id, "speaker_b": b.speaker, "claim_b": b.text,
                     "start_b": b.span[0], "end_b": b.span[1],
                     "reasons": ";".join(c.reasons), "reason": c.reason,
                     "repeats": len(c.repeats)})
    return rows


def to_csv(found: Sequence[Contradiction]) -> str:
    """The contradictions as CSV (header :data:`CSV_COLUMNS`)."""
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=CSV_COLUMNS, lineterminator="\n")
    writer.writeheader()
    writer.writerows(contradiction_rows(found))
    return out.getvalue()


def to_jsonl(found: Sequence[Contradiction]) -> str:
    """The contradictions as JSON lines, one flat row each."""
    return "".join(json.dumps(row, ensure_ascii=False) + "\n"
                   for row in contradiction_rows(found))


__all__ = ["CSV_COLUMNS", "SCHEMA_VERSION", "Analysis", "Source", "contradiction_rows",
           "link_sources", "source_name", "to_csv", "to_jsonl"]
