"""Folding: one comparable form for Arabic and English text, with offsets back
into the original so that details quote the input as written; and content
words, for "do the two claims talk about the same thing"."""

from __future__ import annotations

import functools
import re
from collections.abc import Sequence
from dataclasses import dataclass

_DIGIT_TABLE = {ord(c): str(i) for i, c in enumerate("٠١٢٣٤٥٦٧٨٩")}
_DIGIT_TABLE.update({ord(c): str(i) for i, c in enumerate("۰۱۲۳۴۵۶۷۸۹")})
_DIGIT_TABLE.update({ord("٫"): ".", ord("٬"): ","})

_LETTER_TABLE = {
    ord("أ"): "ا",
    ord("إ"): "ا",
    ord("آ"): "ا",
    ord("ٱ"): "ا",
    ord("ة"): "ه",
    ord("ى"): "ي",
    ord("’"): "'",
    ord("‘"): "'",
    ord("İ"): "I",  # Turkish: lowercased it would carry a combining dot
}

_DROPPED = re.compile("[\u0610-\u061a\u064b-\u065f\u0670\u06d6-\u06ed\u0640]")


def normalize_digits(text: str) -> str:
    """Write Arabic-Indic and Persian digits and separators as ASCII.

    Parameters
    ----------
    text : str
        Any text.

    Returns
    -------
    str
        ``text`` with ``٠-٩`` and ``۰-۹`` as ``0-9``, the Arabic decimal
        separator ``٫`` as ``.`` and the thousands separator ``٬`` as ``,``;
        same length as ``text``.

    Examples
    --------
    >>> normalize_digits("١٤٫٥ و٢٬٠٠٠")
    '14.5 و2,000'
    """
    return text.translate(_DIGIT_TABLE)


@dataclass(frozen=True)
class _Token:
    text: str  # folded
    start: int  # offsets in the original text
    end: int


#: Texts whose folded form and per-text analyses each cache keeps: a claim is
#: compared with up to ``top_k`` (10) neighbours both ways, so its text comes
#: back about 20 times within a batch.
CACHE_SIZE = 16384


# eq=False: hashed by identity, which is cheap, so the per-text analyses
# below can be cached on the object; _fold's cache gives one object per text.
@dataclass(frozen=True, eq=False)
class _Folded:
    original: str
    text: str
    offsets: tuple[int, ...]  # original index of each folded character
    tokens: tuple[_Token, ...]

    def surface(self, start: int, end: int) -> str:
        """The original text behind folded characters ``start:end``."""
        if start >= end:
            return ""
        return self.original[self.offsets[start] : self.offsets[end - 1] + 1]


_TOKEN_RE = re.compile(r"\d+(?:[.,]\d+)*|[^\W\d_]+(?:'[^\W\d_]+)?|[%$€£]")


@functools.lru_cache(maxsize=CACHE_SIZE)
def _fold(text: str) -> _Folded:
    chars: list[str] = []
    offsets: list[int] = []
    for i, ch in enumerate(normalize_digits(text)):
        if _DROPPED.match(ch):
            continue
        for out in ch.translate(_LETTER_TABLE).lower():
            chars.append(out)
            offsets.append(i)
    folded = "".join(chars)
    tokens = tuple(
        _Token(m.group(), offsets[m.start()], offsets[m.end() - 1] + 1)
        for m in _TOKEN_RE.finditer(folded)
    )
    return _Folded(text, folded, tuple(offsets), tokens)


def _is_arabic(word: str) -> bool:
    return any("\u0600" <= ch <= "\u06ff" for ch in word)


def _norm(word: str) -> str:
    """A lexicon entry in folded form (so lexicons may be written as in print)."""
    return _fold(word).text


def _words(forms: str) -> frozenset[str]:
    return frozenset(_norm(w) for w in forms.split())


# ---------------------------------------------------------------------------
# Content words, for "do the two claims talk about the same thing".

_STOPWORDS = _words(
    """
    في من الى علي عن ان انه انها انهم مع هذا هذه ذلك تلك التي الذي الذين ما
    قد كان كانت يكون تكون كانوا هو هي هم نحن انا او ثم حتي كل بعض بين عند بعد
    قبل منذ خلال حول ايضا قال قالت يقول تقول قالوا اضاف اضافت اكد اكدت اعلن
    اعلنت وفقا لما له لها لهم عليها فيها منها به بها الان اليوم امس الذي هناك
    مضيفا قائلا مؤكدا موضحا اوضح اوضحت صرح صرحت ذكر ذكرت افاد افادت تصريح
    لوكاله رويترز اي غير لدي نحو حوالي
    the a an of to in on at for and or but is are was were be been being has
    have had do does did will would shall should can could may might must that
    this these those it its he she they them we our their his her i you said
    says say told tell according with by from as about than then there here
    which who whom what when where while also into over after before up out
    more most very just now so if not no yet reporters statement added
    """
)

# Words in "ت" that are no past-tense verb: names (Hikmat, Rifaat, Talaat,
# Medhat, Ismat, Nashat, Raafat, Shawkat, Bahjat), Beirut, Kuwait, "fixed",
# "silent", "in time" (a word with the article keeps its "ت" anyway).
_NOT_VERBS_IN_T = frozenset(_fold(w).text for w in """
    حكمت رفعت طلعت مدحت عصمت نشأت رأفت شوكت بهجت عزمت بيروت كويت ثابت صامت بوقت
    """.split())
_AR_PREFIXES = ("وبال", "وال", "بال", "فال", "كال", "لل", "ال")
_AR_SUFFIXES = ("هما", "ها", "هم", "ه")


def _keys(word: str) -> frozenset[str]:
    """Light normalisation variants of one folded token."""
    out = {word}
    if _is_arabic(word):
        stems = {word}
        for prefix in _AR_PREFIXES:
            if word.startswith(prefix) and len(word) - len(prefix) >= 2:
                stems.add(word[len(prefix) :])
                break
        if word[0] in "وفبل" and len(word) >= 4:
            rest = word[1:]
            stems.add(rest)
            if rest.startswith("ال") and len(rest) >= 4:
                stems.add(rest[2:])
        bases = set()
        for stem in stems:
            for suffix in _AR_SUFFIXES:
                if stem.endswith(suffix) and len(stem) - len(suffix) >= 3:
                    base = stem[: -len(suffix)]
                    bases.add(base)
                    if base.endswith("ت"):
                        bases.add(base[:-1] + "ه")  # "معركته" -> "معركه"
                    break
        # Accusative tanween: "قتيلا" -> "قتيل", "خرقا" -> "خرق"; the past
        # tense's "she/you" ending: "دفعت" -> "دفع", "قتلت" -> "قتل" (not
        # after the article, "الزيت", nor the plural "ات").
        verb_t = not (stems & _NOT_VERBS_IN_T)
        out |= stems | bases | {w[:-1] for w in stems if len(w) >= 4 and (
            w.endswith("ا") or (w.endswith("ت") and verb_t and not w.startswith("ال")
                                and not w.endswith("ات")))}
    else:
        if word.endswith("'s"):
            word = word[:-2]
            out.add(word)
        if word.endswith("s") and len(word) > 3:
            out.add(word[:-1])
        if word.endswith("es") and len(word) > 4:
            out.add(word[:-2])
        if word.endswith("ed") and len(word) > 4:
            out.add(word[:-2])
            out.add(word[:-1])
        if word.endswith("ing") and len(word) > 5:
            out.add(word[:-3])
    return frozenset(out)


def _content_word(word: str, exclude: frozenset[str] = frozenset()) -> frozenset[str] | None:
    """The key set of a folded token that is a content word (no stopword,
    number, single letter or word of ``exclude``), else None."""
    if not word[0].isalpha() or len(word) < 2 or word in exclude:
        return None
    keys = _keys(word)
    return None if keys & _STOPWORDS or keys & exclude else keys


@functools.lru_cache(maxsize=CACHE_SIZE)
def _content(folded: _Folded,
             exclude: frozenset[str] = frozenset()) -> tuple[frozenset[str], ...]:
    """Key sets of the content words of a text (no stopwords, numbers, cues)."""
    seen: set[str] = set()
    out = []
    for tok in folded.tokens:
        if tok.text in seen:
            continue
        seen.add(tok.text)
        keys = _content_word(tok.text, exclude)
        if keys is not None:
            out.append(keys)
    return tuple(out)


def _shared(a: Sequence[frozenset[str]], b: Sequence[frozenset[str]]) -> list[str]:
    """Content words of ``a`` (one key each: the shortest, the first in
    alphabetical order among those, so that a reason's text is the same in
    every process whatever the order of a set) that also occur in ``b``."""
    pool: set[str] = set().union(*b) if b else set()
    return [min(keys, key=lambda key: (len(key), key)) for keys in a if keys & pool]


_B = r"(?<!\w)"
_E = r"(?!\w)"


def _word(pattern: str) -> str:
    """``pattern`` as whole words (the alternatives grouped)."""
    return _B + "(?:" + pattern + ")" + _E


# "Still" in Arabic is a negated "زال" (to cease), in any person: "لا يزال",
# "ما زالوا", "لم يزل", "لم أزل", "لا تزالان", "لا تزالين", "ما زلنا", "لا
# أزال" (and the common spelling "لا يزالوا"). The negation rule must not
# read it as a "not", the aspect rule reads it as ongoing.
STILL_AR = r"[يتن]زال(?:ون|وا|ان|ين)?|ازال|زال(?:ت|وا|تا)?|زل(?:ت|نا|تم|تما|تن)?|[اينت]زل"
_STILL_AR = re.compile(STILL_AR)


def _is_still(word: str) -> bool:
    """Whether a folded word is a form of "زال" that follows a negator to say "still"."""
    return bool(_STILL_AR.fullmatch(word))
