"""Visible evidence that two claims contradict each other.

The NLI model gives a probability; this module looks for things a journalist
can point at in the two texts and that make a contradiction more likely:

``count``
    the same kind of people or things counted, measured alike, with values
    within a factor of two (or none against some: "no homes" / "eight
    homes") that cannot both hold, and nothing saying one count grew into
    the other or is a part of it ("97 vs 130 (migrants)");
``numeric``
    any other quantity (same unit or noun) with values that cannot both hold
    ("2000 vs 400 (troops)", "61.4 vs <48 (percent)");
``negation``
    one claim negates or denies what the other asserts, and the two share
    content words;
``temporal``
    one claim speaks of the future or of something still going on, the other
    of something already completed;
``antonym``
    the two claims use opposite words (withdraw/stay, rose/fell) on a shared
    topic;
``reported``
    the article itself reports the clash ("يتعارض هذا التصريح مع",
    "contrary to", "denied") in the sentences around a claim.

:func:`find_reasons` returns :class:`Reason` values; :func:`combine` turns an
NLI probability and those reasons into a score. Everything is lexicon- and
rule-based, Arabic and English first, and deliberately conservative: a reason
should be right when it fires, not fire whenever it could.
"""

from __future__ import annotations

from datetime import date

from claimcheck.reasons import lexicon_world
from claimcheck.reasons.antonyms import _antonym, _hedged
from claimcheck.reasons.aspect import _aspect, _quote, other_times
from claimcheck.reasons.fold import (
    _content,
    _fold,
    _Folded,
    _is_arabic,
    _shared,
    normalize_digits,
)
from claimcheck.reasons.kinds import KIND_WEIGHTS, KINDS, MAX_BOOST, Reason, combine
from claimcheck.reasons.negation import (
    _NOT_CONTENT,
    _negated,
    _negations,
    has_negation,
    is_negated,
    negates_a_shared_word,
    prefix_negated,
    repeats_negated_phrase,
)
from claimcheck.reasons.numbers import _figure_clash, _numeric, _topics
from claimcheck.reasons.quantities import Quantity, find_quantities
from claimcheck.reasons.reported import _reported_either, reported_clash
from claimcheck.reasons.units import _NOT_WHAT_IS_COUNTED

#: The languages the rules' lexicons cover.
RULE_LANGS = frozenset({"ar", "en"})
#: The languages whose counts :func:`find_reasons` compares with those of
#: another language (:mod:`~claimcheck.reasons.lexicon_world`), though no
#: other rule reads them.
NUMBER_LANGS = RULE_LANGS | lexicon_world.LANGS

__all__ = [
    "NUMBER_LANGS",
    "RULE_LANGS",
    "KINDS",
    "KIND_WEIGHTS",
    "MAX_BOOST",
    "Quantity",
    "Reason",
    "combine",
    "find_quantities",
    "find_reasons",
    "has_negation",
    "is_negated",
    "negates_a_shared_word",
    "normalize_digits",
    "other_times",
    "prefix_negated",
    "days_apart",
    "reported_clash",
    "repeats_negated_phrase",
    "same_subject",
]


def find_reasons(
    text_a: str,
    text_b: str,
    *,
    lang_a: str | None = None,
    lang_b: str | None = None,
    context_a: str | None = None,
    context_b: str | None = None,
    date_a: str | None = None,
    date_b: str | None = None,
) -> list[Reason]:
    """Visible evidence that two claims contradict each other.

    Parameters
    ----------
    text_a, text_b : str
        The two claims' contents (without the speaker and reporting verb).
    lang_a, lang_b : str or None
        Language codes of the claims. The rules cover Arabic and English.
        A claim in another language of :data:`NUMBER_LANGS` (French,
        Spanish, Portuguese, Italian, German, Turkish, Indonesian) has its
        counts compared with those of a claim in another language
        (``count`` and ``numeric`` only, by unit: "42 راكبا" / "46 yolcu");
        otherwise no reason is looked for, since the lexicons would only
        match by accident.
    context_a, context_b : str or None
        The sentence(s) around each claim in its article, searched for a
        clash the article itself reports, and for a figure a source puts on
        the count of the other claim of its sentence ("..., while police
        put the figure at about 8,000").
    date_a, date_b : str or None
        Publication dates of the claims' articles (ISO 8601). A claim that
        something is done, dated after one that it will be done or is still
        going on, may report what the other announced: that is an update,
        not a clash, so no ``temporal`` reason is given then. Likewise a
        toll of the dead or injured that is higher in the later article has
        grown, and gives no ``count`` or ``numeric`` reason.

    Returns
    -------
    list of Reason
        At most one reason per kind, in the order of :data:`KINDS`; empty when
        nothing was found.

    Examples
    --------
    >>> [r.detail for r in find_reasons("400 جندي", "2000 soldiers")]
    ['400 vs 2000 (troops)']
    """
    later = "a" if _later(date_a, date_b) else "b" if _later(date_b, date_a) else None
    if any(lang not in (None, "und", *RULE_LANGS) for lang in (lang_a, lang_b)):
        if lang_a == lang_b or not {lang_a, lang_b} <= NUMBER_LANGS:
            return []  # within one such language the units alone say too little
        # Across two languages no word is shared: the units have to do, as
        # between Arabic and English.
        counts = _numeric(_fold(lexicon_world.english_numbers(text_a, lang_a or "")),
                          _fold(lexicon_world.english_numbers(text_b, lang_b or "")),
                          False, later, cross=True)
        return [counts] if counts else []
    a = _fold(text_a)
    b = _fold(text_b)
    reasons: list[Reason] = []
    neg_a = _negations(a)
    neg_b = _negations(b)
    # A claim with a cue is negated (is_negated): in news two cues in one
    # claim are mostly two clauses that each say no ("غير كاف ولن تقبل");
    # only "did not deny" cancels out.
    negated_a = _negated(a)
    negated_b = _negated(b)
    content_a = _content(a, _NOT_CONTENT)
    content_b = _content(b, _NOT_CONTENT)
    shared = _shared(content_a, content_b)
    topics_shared = _one_subject(a, b, shared)
    # A shared unit word ("percent"), measure ("rate", "نسبة"), scale
    # ("billion": a part of the number) or a word that only places a number
    # against another ("well above") does not make two numbers about one thing.
    not_units = [k for k in content_a if not k & _NOT_WHAT_IS_COUNTED]
    same_thing = bool(_shared(not_units, content_b)) or bool(
        _topics(a, units=False) & _topics(b, units=False)
    )

    numeric = _numeric(a, b, same_thing, later) or _figure_clash(a, b, context_a, context_b)
    if numeric:
        reasons.append(numeric)

    if negated_a != negated_b and (
        len(shared) >= 2 or (shared and len(shared) / min(len(content_a), len(content_b)) >= 0.5)
    ):
        cue, side = (neg_a[0], "A") if negated_a else (neg_b[0], "B")
        words = "، ".join(shared[:3]) if any(map(_is_arabic, shared)) else ", ".join(shared[:3])
        reasons.append(
            Reason(
                "negation",
                f"{side} negates with '{cue}' what the other asserts (shared: {words})",
                KIND_WEIGHTS["negation"],
            )
        )

    aspect_a = _aspect(a, negated_a)
    aspect_b = _aspect(b, negated_b)
    if aspect_a and aspect_b:
        kinds = {aspect_a[0], aspect_b[0]}
        if "completed" in kinds and len(kinds) == 2 and not _later(
                date_a if aspect_a[0] == "completed" else date_b,
                date_b if aspect_a[0] == "completed" else date_a):
            reasons.append(
                Reason(
                    "temporal",
                    f"{aspect_a[0]} '{_quote(a, aspect_a[1])}' vs "
                    f"{aspect_b[0]} '{_quote(b, aspect_b[1])}'",
                    KIND_WEIGHTS["temporal"],
                )
            )

    hedged = _hedged(a) or _hedged(b)
    if negated_a == negated_b and topics_shared and not hedged:
        antonym = _antonym(a, b)
        if antonym:
            reasons.append(antonym)

    reported = _reported_either(a, b, context_a, context_b)
    if reported:
        reasons.append(reported)
    return reasons


#: Languages written without spaces between words, where a "content word"
#: would be a whole clause: :func:`same_subject` cannot tell there.
_UNSPACED = frozenset({"zh", "ja", "th", "lo", "km", "my", "bo"})


def same_subject(text_a: str, text_b: str, *, lang_a: str | None = None,
                 lang_b: str | None = None) -> bool:
    """Whether two claims may be about the same thing, as far as their words
    can tell: False only for two claims of one language that share no
    content word and no topic (:func:`find_quantities`' topic lexicon:
    "killed" and "dead" are one topic).

    Two claims contradict only when they speak of the same event, quantity
    or state; in one language, such claims name something in common (a
    place, a person, the thing counted). An NLI model trained on captions of
    one photo calls unrelated claims contradictions ("the singer performs in
    Riyadh on Tuesday" vs "the team flies to Brussels"); this check keeps
    such pairs from it. Claims in different languages, in a language
    written without spaces, or a claim with no content word at all ("about
    8,000") always pass: the words cannot tell.

    Examples
    --------
    >>> same_subject("the bridge was rated for 120 people", "28 people were on it",
    ...              lang_a="en", lang_b="en")
    True
    >>> same_subject("the sprinkler system worked as designed",
    ...              "any exit doors had been locked", lang_a="en", lang_b="en")
    False
    """
    if lang_a is None or lang_a != lang_b or lang_a == "und" or lang_a in _UNSPACED:
        return True
    a, b = _fold(text_a), _fold(text_b)
    content_a, content_b = _content(a, _NOT_CONTENT), _content(b, _NOT_CONTENT)
    if not content_a or not content_b:
        return True
    return _one_subject(a, b, _shared(content_a, content_b))


def _one_subject(a: _Folded, b: _Folded, shared: list[str]) -> bool:
    """Whether two folded claims with these shared content words talk about
    one thing: a shared word, or a shared topic ("killed" / "dead"). The
    rules' test (antonyms need it) and :func:`same_subject`'s."""
    return bool(shared) or bool(_topics(a) & _topics(b))


def days_apart(first: str | None, second: str | None) -> int | None:
    """Days between two ISO 8601 dates (or timestamps), None when either is
    missing or unreadable.

    >>> days_apart("2018-03-08", "2018-02-27T10:00")
    9
    """
    a, b = _day(first), _day(second)
    return None if a is None or b is None else abs((a - b).days)


def _day(value: str | None) -> date | None:
    """The calendar day of an ISO 8601 date or timestamp; None if unreadable."""
    if not value:
        return None
    try:
        return date.fromisoformat(value.strip()[:10])
    except ValueError:
        return None


def _later(first: str | None, second: str | None) -> bool:
    """Whether the day of ``first`` is known to come after that of ``second``."""
    a, b = _day(first), _day(second)
    return a is not None and b is not None and a > b
