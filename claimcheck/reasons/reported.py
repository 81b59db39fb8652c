"""A clash the article itself reports around a claim (``reported`` reason)."""

from __future__ import annotations

import functools
import re

from claimcheck.reasons.fold import CACHE_SIZE, _fold, _Folded, _word
from claimcheck.reasons.kinds import KIND_WEIGHTS, Reason

_REPORTED_RE = re.compile(
    _word(
        r"[وف]?[يت]?تعارض|[وف]?[يت]?تناقض|متناقض\w*|خلافا ل\w*|على عكس|عكس ما|"
        r"[وف]?(?:نفي|نفت|ينفي|تنفي|نفوا)|[وف]?[يت]?كذب|"
        r"disput\w+|contradict\w*|denied|denies|at odds with|contrary to|"
        r"refut\w+|inconsistent with|conflicts? with|"
        r"(?:rejected|dismissed) (?:the |those |these |such )?(?:claims?|reports?|assertions?)"
    )
)


@functools.lru_cache(maxsize=CACHE_SIZE)
def _clash_cue(context: str) -> tuple[str, str] | None:
    """The cue of a clash a context reports, quoted with the few words after
    it ("يتعارض هذا التصريح مع"), and the context's folded text; None if none."""
    folded = _fold(context)
    match = _REPORTED_RE.search(folded.text)
    if match is None:
        return None
    tail = [t for t in folded.tokens if t.start >= folded.offsets[match.start()]][:4]
    phrase = context[tail[0].start : tail[-1].end] if tail else match.group()
    return phrase, folded.text


def _reported(context: str | None, other: _Folded) -> Reason | None:
    cue = _clash_cue(context) if context else None
    if cue is None:
        return None
    phrase, folded_context = cue
    # The clash must be about the other claim: the context quotes it (after
    # folding diacritics, tatweel and spacing). Word overlap is not enough: the
    # seed's clash sentence shares "القوات" and "سوريا" with half the article.
    quoted = other.text.strip()
    if not quoted or quoted not in folded_context:
        return None
    return Reason("reported", f"the article says '{phrase}'", KIND_WEIGHTS["reported"])


def reported_clash(
    text_a: str, text_b: str, *, context_a: str | None = None, context_b: str | None = None
) -> Reason | None:
    """The "reported" reason of :func:`find_reasons` alone: the sentence around
    one claim says it clashes with the other claim, which it quotes."""
    return _reported_either(_fold(text_a), _fold(text_b), context_a, context_b)


def _reported_either(a: _Folded, b: _Folded, context_a: str | None,
                     context_b: str | None) -> Reason | None:
    for context, other in ((context_a, b), (context_b, a)):
        reported = _reported(context, other)
        if reported:
            return reported
    return None
