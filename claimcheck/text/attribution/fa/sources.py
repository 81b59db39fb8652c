"""Whether a Persian source names a speaker, and the part of one that does
(:mod:`claimcheck.text.attribution.wellformed` dispatches here). Persian has
no rules: the 12-layer tagger reads it, and these checks keep its sources to
names."""

from __future__ import annotations

import re

# Persian (read by the tagger alone): words that are no source on their own
# (the complementiser, light verbs, "there", "false", the months of the
# Iranian calendar), words that cannot open one (prepositions), and words a
# source does not end with (particles the tagger drags along: "وی هم",
# "سردار نقدی نیز", "خبرنگار الجزیره که").
# (Not "مهر": it is also the Mehr news agency, "به گزارش مهر".)
_MONTHS = frozenset(
    "فروردین اردیبهشت خرداد تیر مرداد شهریور آبان آذر دی بهمن اسفند".split())
_DAYS = frozenset(
    "شنبه یکشنبه دوشنبه سه‌شنبه چهارشنبه پنجشنبه پنج‌شنبه جمعه امروز دیروز".split())
_NOT_SOURCE = frozenset(
    "داشت کرد کرده شد شده است بود این آن آنجا اینجا کذب پیشین توئیتی خود".split())
_BAD_FIRST = frozenset("با به در از برای بر تا طی ضمن".split())
# Trailing words the tagger takes from what follows a source: particles, a
# time ("وزارت بهداشت ایران روز" from "روز دوشنبه", "برای نخستین بار"), the
# first half of a verb written apart ("پیش بینی کرد") and the reflexive
# ("مجتهد شبستری خود": "his own").
_TRAILING = frozenset("که و هم نیز در با به از را روز شب صبح بار پیش خود".split()) \
    | (_DAYS - {"امروز", "دیروز"})
# Where the source spoke, after "در" ("علیرضا معزی ... در توئیتی": in a
# tweet; "در اطلاعیه‌ای", "در مصاحبه"): the noun alone or with its
# indefinite ending.
_WHERE = re.compile(
    r"(?:توئیت|توییت|بیانیه|اطلاعیه|پیام|مصاحبه|گفتگو|گفت‌وگو|نامه|یادداشت|سخنرانی|نشست)"
    r"(?:ی|‌ای|ای)?")
_VERB_PREFIXES = ("می‌", "نمی‌", "خواهد", "نخواهد")
_WORD = re.compile(r"[^\s،,«»\"]+")


def _spoke_in(words: list[str]) -> bool:
    """Whether ``words`` end in where their source spoke ("در توئیتی")."""
    return len(words) > 1 and words[-2] == "در" and _WHERE.fullmatch(words[-1]) is not None


def plausible(text: str) -> bool:
    """Whether ``text``, a Persian source as written, can name a speaker (its words
    split at spaces: "سه‌شنبه" is one word)."""
    words = text.replace("،", " ").replace(",", " ").split()
    if not words or words[0] in _BAD_FIRST or words[-1] in _TRAILING \
            or _spoke_in(words) or words[0] in _MONTHS or words[0] in _DAYS \
            or words[0][0].isdigit():
        return False  # "پنجشنبه ۲۰ خرداد", "خرداد 1400", "۷": a date, a number
    if len(words) == 1 and (words[0] in _NOT_SOURCE or words[0].endswith(("اً", "انه"))):
        return False  # "که", "صراحتاً", "سوگمندانه"
    return not words[0].startswith(_VERB_PREFIXES)  # "می‌پردازد", "نخواهد زد": a verb


def trim(text: str) -> tuple[int, int] | None:
    """The part of a Persian source that names a speaker, as offsets into
    it: the whole when :func:`plausible`, else the source without the
    particles, times and places of speech it ends with ("وی هم" -> "وی",
    "وزارت بهداشت ایران روز" -> "وزارت بهداشت ایران") when what is left is
    plausible; None otherwise."""
    if plausible(text):
        return (0, len(text))
    words = list(_WORD.finditer(text))  # "سه‌شنبه" is one word, as in plausible
    whole = len(words)
    while words:
        if words[-1].group() in _TRAILING:
            words.pop()
        elif _spoke_in([w.group() for w in words[-2:]]):
            del words[-2:]
        else:
            break
    if not words or len(words) == whole:
        return None  # nothing to cut: the source itself is no name
    span = (words[0].start(), words[-1].end())
    return span if plausible(text[span[0]:span[1]]) else None
