"""Matching-friendly copies of text that remember where each character came from.

Rules match words against lexicons written without diacritics, tatweel,
direction marks or HTML entities. :func:`normalize_for_matching` removes or
unifies those and keeps, for every character of the copy, the offsets of the
input characters it stands for, so that spans found in the copy map back to
the input exactly.
"""

from __future__ import annotations

import bisect
import html
import re
import unicodedata
from dataclasses import dataclass

# Arabic diacritics, the superscript alef, tatweel, and invisible direction marks.
_DROP = re.compile(
    "[\u064b-\u065f\u0670\u0640\u200b-\u200f\u061c\u202a-\u202e\u2066-\u2069\ufeff]"
)
_ENTITY = re.compile(r"&(?:#\d{1,7}|#x[0-9a-fA-F]{1,6}|[A-Za-z][A-Za-z0-9]{1,31});")
_UNIFY = str.maketrans({"أ": "ا", "إ": "ا", "آ": "ا", "ٱ": "ا", "ى": "ي", "\u00a0": " "})
_NEEDS_WORK = re.compile(_DROP.pattern + r"|&|[أإآٱى\u00a0]")


@dataclass(frozen=True)
class NormalizedText:
    """A normalised copy of ``original[offset:offset + len]`` with an offset map.

    Attributes
    ----------
    text : str
        The normalised copy.
    starts, ends : tuple of int or None
        Input offsets of the characters each copy character stands for; None
        when the copy is the input unchanged apart from the fixed ``offset``.
    offset : int
        Input offset of the first character that was normalised.
    """

    text: str
    starts: tuple[int, ...] | None
    ends: tuple[int, ...] | None
    offset: int

    def to_input(self, start: int, end: int) -> tuple[int, int]:
        """Map the copy's span ``[start, end)`` (``end > start``) back to input offsets."""
        if self.starts is None or self.ends is None:
            return start + self.offset, end + self.offset
        return self.starts[start], self.ends[end - 1]

    def from_input(self, start: int, end: int) -> tuple[int, int] | None:
        """The copy's span for the input span ``[start, end)``: the inverse of
        :meth:`to_input`, or None when the span does not lie wholly inside
        the copy or an edge falls inside a character the copy merged or dropped."""
        if self.starts is None or self.ends is None:
            first, last = start - self.offset, end - self.offset
            return (first, last) if 0 <= first < last <= len(self.text) else None
        first = bisect.bisect_left(self.starts, start)
        last = bisect.bisect_right(self.ends, end) - 1
        if first >= len(self.starts) or last < first or self.starts[first] != start \
                or self.ends[last] != end:
            return None
        return (first, last + 1)


def normalize_for_matching(text: str, offset: int = 0) -> NormalizedText:
    """Return a normalised copy of ``text`` that maps back to ``offset``-based input spans.

    Parameters
    ----------
    text : str
        A piece of the input (usually one sentence).
    offset : int
        Where ``text`` starts in the whole input.

    Returns
    -------
    NormalizedText
        Diacritics, tatweel and direction marks removed; hamzated alefs and
        alef maqsura unified; HTML entities decoded.
    """
    if not _NEEDS_WORK.search(text):
        return NormalizedText(text=text, starts=None, ends=None, offset=offset)
    chars: list[str] = []
    starts: list[int] = []
    ends: list[int] = []
    i = 0
    n = len(text)
    while i < n:
        char = text[i]
        if char == "&":
            entity = _ENTITY.match(text, i)
            if entity is not None:
                decoded = html.unescape(entity.group())
                if decoded != entity.group():
                    for piece in decoded:
                        chars.append(piece.translate(_UNIFY))
                        starts.append(offset + i)
                        ends.append(offset + entity.end())
                    i = entity.end()
                    continue
        if _DROP.match(char):
            i += 1
            continue
        chars.append(char.translate(_UNIFY))
        starts.append(offset + i)
        ends.append(offset + i + 1)
        i += 1
    return NormalizedText(
        text="".join(chars), starts=tuple(starts), ends=tuple(ends), offset=offset
    )


def normalize_arabic_word(word: str) -> str:
    """Normalise one word the way the Arabic lexicons are written."""
    return _DROP.sub("", html.unescape(word)).translate(_UNIFY)


# A lone surrogate (U+D800..U+DFFF) is what decoding with errors="surrogateescape"
# leaves for an invalid byte; Python strings hold it, but it cannot be encoded as
# UTF-8, so the Rust tokenizer rejects the whole batch with an opaque TypeError.
_SURROGATE = re.compile("[\ud800-\udfff]")


# Arabic-Indic (U+0660..) and Persian (U+06F0..) digits as ASCII digits.
_DIGITS = str.maketrans("\u0660\u0661\u0662\u0663\u0664\u0665\u0666\u0667\u0668\u0669"
                        "\u06f0\u06f1\u06f2\u06f3\u06f4\u06f5\u06f6\u06f7\u06f8\u06f9",
                        "01234567890123456789")


def tokenizable(text: str) -> str:
    """``text`` as the models read it, the same length: every lone surrogate
    replaced by U+FFFD, Arabic-Indic and Persian digits by ASCII ones.

    Every entry point that hands text to the tokenizer (the tagger, the
    encoder, the NLI model, the fine-tuning data) goes through this, so such
    text behaves the same everywhere, and offsets into ``text`` stay valid
    because the length does not change. The unencodable character reads as
    an unknown symbol. The digits: e5's tokenizer keeps "٥٨" as its own
    pieces, which the NLI model barely saw in training; it read "the night
    shift had ٥٨ workers" as entailed by "... 64 workers" (0.99) and called
    the same claim with "58" a contradiction (1.00). Other control
    characters, NUL included, need no care: the tokenizer maps them to its
    unknown piece or drops them.
    """
    text = text.translate(_DIGITS)
    return _SURROGATE.sub("\ufffd", text) if _SURROGATE.search(text) else text


# Arabic diacritics and tatweel; alef forms, alef maqsura and ta marbuta unified.
_FOLD_MARKS = re.compile("[\u0610-\u061a\u064b-\u065f\u0670\u0640]")
_FOLD = str.maketrans({"أ": "ا", "إ": "ا", "آ": "ا", "ٱ": "ا", "ى": "ي", "ة": "ه"})
_WORD = re.compile(r"[^\W_]+")


def folded_words(text: str) -> tuple[str, ...]:
    """The words of ``text``, NFKC-normalised and case-folded, without Arabic
    marks or tatweel and with Arabic letter variants unified: what two copies
    of one sentence share whatever their punctuation and spacing."""
    text = unicodedata.normalize("NFKC", _FOLD_MARKS.sub("", text)).translate(_FOLD).casefold()
    return tuple(_WORD.findall(text))
