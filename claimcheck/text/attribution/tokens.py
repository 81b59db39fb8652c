"""Tokens and candidate relations shared by the English and Arabic rules.

The rules read a sentence as a list of :class:`Token` (offsets in the
normalised sentence) and describe what they find as a :class:`Match`: source,
cue and content spans that later steps trim, drop or resolve.
"""

from __future__ import annotations

import re
from dataclasses import dataclass


def word_set(words: str) -> frozenset[str]:
    """The whitespace-separated words of ``words``."""
    return frozenset(words.split())


# A plural possessive keeps its apostrophe ("Sanders' campaign") unless it is a
# doubled quote mark ("votes''").
TOKEN = re.compile(
    r"(?:[A-Za-z]\.){2,}|[^\W_]+(?:['’\-][^\W_]+)*(?:(?<=[sS])['’](?!['’\w]))?|[^\w\s]"
)
ARABIC_LETTER = re.compile(r"[\u0621-\u064a]")
LATIN_LETTER = re.compile(r"[A-Za-z]")
LETTER = re.compile(r"[^\W\d_]")
# A word with its inner apostrophes ("don't", "Trump’s"), no punctuation.
WORD = re.compile(r"[^\W_]+(?:['’][^\W_]+)*")

QUOTES = frozenset('"“”‘’\'«»')
OPEN_QUOTES = frozenset('"“«‘')
CLOSE_QUOTES = {'"': '"', "“": "”", "«": "»", "‘": "’"}
CLAUSE_BREAKS = frozenset(",،;؛")
COORDINATORS = frozenset("and but و ولكن لكن y e et ed und".split())
# A claim longer than this is a run-on text without punctuation, not one claim.
MAX_CONTENT_TOKENS = 300
# Punctuation trimmed from the edges of a content.
_LEADING = frozenset(",;:.—–-")
_TRAILING = frozenset(",;:.—–-،؛")


@dataclass(frozen=True)
class Token:
    """One word or mark of a normalised sentence."""

    start: int
    end: int
    text: str
    low: str


@dataclass
class Match:
    """A relation a rule found, before speakers are resolved.

    Offsets are in the normalised sentence; the fields stay mutable while
    later steps (clause cuts) refine them.
    """

    source: tuple[int, int] | None
    cue: tuple[int, int]
    content: tuple[int, int]
    region_start: int
    appositive: tuple[int, int] | None = None
    plural: bool = False
    # True when nobody holds the content ("is expected to", "Asked whether"):
    # the speaker is then not looked up among earlier mentions.
    holderless: bool = False
    # True for "according to X" ("بحسب X"): X passes the content on, and when
    # the content is itself a report, X passes that report on (see nesting).
    relays: bool = False


def tokenize(text: str) -> list[Token]:
    """The tokens of one normalised sentence, in order."""
    return [Token(m.start(), m.end(), m.group(), m.group().lower()) for m in TOKEN.finditer(text)]


def span_of(toks: list[Token], start: int, end: int) -> tuple[int, int] | None:
    """Offsets of tokens [start, end) without edge punctuation (quotes are
    kept), at most :data:`MAX_CONTENT_TOKENS` long; None when no letter is left.

    Only the tokens from ``start`` to :func:`content_limit` are read, so a
    caller may stop looking for ``end`` there.
    """
    while start < end and toks[start].text in _LEADING:
        start += 1
    end = min(end, start + MAX_CONTENT_TOKENS)
    while end > start and toks[end - 1].text in _TRAILING:
        end -= 1
    if end <= start:
        return None
    if not any(LETTER.search(toks[x].text) for x in range(start, end)):
        return None
    return (toks[start].start, toks[end - 1].end)


def content_limit(toks: list[Token], start: int) -> int:
    """The token index past which :func:`span_of` from ``start`` reads nothing."""
    while start < len(toks) and toks[start].text in _LEADING:
        start += 1
    return min(len(toks), start + MAX_CONTENT_TOKENS)
