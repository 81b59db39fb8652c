"""The data types that flow through claimcheck, in pipeline order.

text -> :class:`Document` -> :class:`Sentence` -> :class:`Claim`
-> :class:`ClaimPair` -> :class:`Contradiction`.

Every module imports these; none re-defines them. All are frozen: a stage
makes new values, it never edits the ones it was given.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import Any

Span = tuple[int, int]


@dataclass(frozen=True)
class Document:
    """One input article.

    Attributes
    ----------
    text : str
        The article text, unchanged.
    id : str or None
        A caller-chosen identifier, copied onto every claim as ``doc_id``.
    lang : str or None
        ISO 639-1 code ("ar", "en", ...); detected from the script when None.
    title : str or None
        Optional headline, kept for display only.
    date : str or None
        Optional publication date (ISO 8601, "2025-03-14"), kept for display.
    """

    text: str
    id: str | None = None
    lang: str | None = None
    title: str | None = None
    date: str | None = None

    def __post_init__(self) -> None:
        if not isinstance(self.text, str):
            raise TypeError(f"Document.text must be str, got {type(self.text).__name__}")


@dataclass(frozen=True)
class Sentence:
    """A sentence of a document: its text and character offsets."""

    text: str
    span: Span


@dataclass(frozen=True)
class Claim:
    """An attributed claim: what was said, and who said it.

    Attributes
    ----------
    text : str
        The claim's content, as it stands in the input.
    span : (int, int)
        Start and end character offsets of ``text`` in the input.
    speaker : str or None
        The source as written ("مصطفى بالي", "the White House"), or None when
        the article states the claim itself.
    speaker_span : (int, int) or None
        Offsets of ``speaker`` in the input (the mention that was resolved
        for anaphora such as "he added").
    cue : str or None
        The reporting expression ("قال", "told reporters", "according to").
    entity : str or None
        A key shared by every mention of the same source in one document
        (its most complete name); None for unattributed claims.
    lang : str
        Language code of the claim's text.
    doc_id : str or None
        The ``Document.id`` the claim came from.
    source : str or None
        A key shared by every claim of one source across the documents of
        one call ("Donald Trump" for "Trump" in one article and "ترامب" in
        another), set by :func:`claimcheck.sources.link_sources`; None for
        unattributed claims and before linking.
    """

    text: str
    span: Span
    speaker: str | None = None
    speaker_span: Span | None = None
    cue: str | None = None
    entity: str | None = None
    lang: str = "und"
    doc_id: str | None = None
    source: str | None = None

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


@dataclass(frozen=True)
class ClaimPair:
    """Two claims chosen for NLI scoring, with their embedding similarity."""

    a: Claim
    b: Claim
    similarity: float


@dataclass(frozen=True)
class Contradiction:
    """A scored contradiction between two attributed claims.

    Attributes
    ----------
    claim_a, claim_b : Claim
        The two claims (each with its speaker).
    score : float
        Calibrated probability that the claims contradict each other.
    score_ab, score_ba : float
        Raw NLI contradiction probability with ``claim_a`` as premise, and
        with ``claim_b`` as premise.
    reason : str or None
        Evidence seen in the text (numeric mismatch, negation, tense,
        antonym, a clash the article reports), or None.
    similarity : float
        Cosine similarity of the two claims' embeddings.
    reasons : tuple of str
        The reason kinds behind ``reason``.
    kind : {"between-sources", "self"}
        A clash between two sources, or a source contradicting itself (both
        claims from one source of one document).
    repeats : tuple of (Claim, Claim)
        Other pairs of claims that say the same two things word for word (a
        wire story carried by several outlets, one quote in two articles),
        scored no higher: the same clash, folded into this one rather than
        reported again (:func:`claimcheck.detect.fold_repeats`).
    """

    claim_a: Claim
    claim_b: Claim
    score: float
    score_ab: float = 0.0
    score_ba: float = 0.0
    reason: str | None = None
    similarity: float = 0.0
    reasons: tuple[str, ...] = field(default=())
    kind: str = "between-sources"
    repeats: tuple[tuple[Claim, Claim], ...] = field(default=())

    def to_dict(self) -> dict[str, Any]:
        """A JSON-ready dict (claims nested as dicts)."""
        return asdict(self)
