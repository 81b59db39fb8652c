"""A clash the article itself reports around a claim (``reported`` reason)."""

from __future__ import annotations

import functools
import re

from claimcheck.reasons.fold import CACHE_SIZE, _fold, _Folded, _word
from claimcheck.reasons.kinds import KIND_WEIGHTS, Reason

# Denials: a clash the article reports when they deny the other claim, the
# claim's own cue when they introduce it (:func:`_denies_a_claim`).
_DENIALS = (r"[وف]?(?:نفي|نفت|ينفي|تنفي|نفوا)|denied|denies|refut\w+|"
            r"(?:rejected|dismissed) (?:the |those |these |such )?(?:claims?|reports?|assertions?)")
_REPORTED_RE = re.compile(
    _word(
        r"[وف]?[يت]?تعارض|[وف]?[يت]?تناقض|متناقض\w*|خلافا ل\w*|على عكس|عكس ما|"
        r"[وف]?[يت]?كذب|disput\w+|contradict\w*|at odds with|contrary to|"
        r"inconsistent with|conflicts? with|" + _DENIALS
    )
)
_DENIAL_RE = re.compile(_DENIALS)
#: How a denial introduces what it denies ("denied that", "نفى الوزير أن يكون").
_INTRODUCERS = frozenset(_fold("that ان أن بان بأن إن").text.split())
_FILLERS = frozenset(_fold("any the يكون تكون يكونوا وجود").text.split())


@functools.lru_cache(maxsize=CACHE_SIZE)
def _clash_cue(context: str) -> tuple[str, str, str, int] | None:
    """The cue of a clash a context reports, quoted with the few words after
    it ("يتعارض هذا التصريح مع"), the context's folded text, and the cue as
    found in it with where it ends; None if none."""
    folded = _fold(context)
    match = _REPORTED_RE.search(folded.text)
    if match is None:
        return None
    tail = [t for t in folded.tokens if t.start >= folded.offsets[match.start()]][:4]
    phrase = context[tail[0].start : tail[-1].end] if tail else match.group()
    return phrase, folded.text, match.group(), match.end()


def _reported(context: str | None, other: _Folded, own: _Folded | None = None) -> Reason | None:
    cue = _clash_cue(context) if context else None
    if cue is None:
        return None
    phrase, folded_context, found, end = cue
    # The clash must be about the other claim: the context quotes it (after
    # folding diacritics, tatweel and spacing). Word overlap is not enough: the
    # seed's clash sentence shares "القوات" and "سوريا" with half the article.
    quoted = other.text.strip()
    if not quoted or quoted not in folded_context:
        return None
    if _DENIAL_RE.fullmatch(found) and _denies_a_claim(
            folded_context, end, (quoted, own.text.strip() if own else "")):
        return None
    return Reason("reported", f"the article says '{phrase}'", KIND_WEIGHTS["reported"])


def _denies_a_claim(folded_context: str, end: int, claims: tuple[str, ...]) -> bool:
    """Whether the denial ending at ``end`` of the folded context has one of
    ``claims`` (folded) as its complement: "Lind said the alarms worked and
    denied that any fire doors had been blocked" is the second
    claim's own cue (weighed as a denial elsewhere), not a clash between the
    two that the article reports."""
    for claim in claims:
        start = folded_context.find(claim, end) if claim else -1
        if start < 0:
            continue
        between = [w for w in folded_context[end:start].split() if w not in _FILLERS]
        if not between or between[-1] in _INTRODUCERS:
            return True
    return False


def reported_clash(
    text_a: str, text_b: str, *, context_a: str | None = None, context_b: str | None = None
) -> Reason | None:
    """The "reported" reason of :func:`find_reasons` alone: the sentence around
    one claim says it clashes with the other claim, which it quotes."""
    return _reported_either(_fold(text_a), _fold(text_b), context_a, context_b)


def _reported_either(a: _Folded, b: _Folded, context_a: str | None,
                     context_b: str | None) -> Reason | None:
    for context, other, own in ((context_a, b, a), (context_b, a, b)):
        reported = _reported(context, other, own)
        if reported:
            return reported
    return None
