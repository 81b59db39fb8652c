"""Whether a span can name who said something.

A source is a noun phrase naming a person, a group, an organisation or a
document, or a pronoun that refers back to one. A function word ("and",
"which", "لكنه"), a clause ("The governor's office has faced criticism"), a
fragment with a reporting verb in it ("said all 23"), a listener ("للجزيرة
نت") or a URL is not: a relation with such a source is dropped rather than
turned into a claim with a wrong speaker. The rules rarely produce one; the
learned tagger does on news unlike its training articles.

The checks are per language (``en/sources.py`` for English and the other
Latin-script languages, ``ar/sources.py``, ``fa/sources.py``); this module
refuses a URL in any language and picks the language's checks.
"""

from __future__ import annotations

import re

from claimcheck.text.attribution.ar import sources as arabic
from claimcheck.text.attribution.en import sources as latin
from claimcheck.text.attribution.fa import sources as persian

_URL = re.compile(r"https?://|www\.|\.(?:com|org|net|gov)\b|@\w", re.IGNORECASE)
_ARABIC_LETTER = re.compile(r"[\u0600-\u06FF]")

# A Turkish relative participle ending a source: "X yaptığı açıklamada" (in
# the statement X made), "X'in verdiği bilgiye göre".
_TR_PARTICIPLE = re.compile(
    r"(?:^|\s+)\w+(?:dığı|diği|duğu|düğü|tığı|tiği|tuğu|tüğü|dıkları|dikleri|dukları|dükleri|"
    r"tıkları|tikleri|tukları|tükleri)\s*$")


def _checks(text: str, lang: str):
    """The module that checks sources of ``lang``: Persian, Arabic (or any
    Arabic-script text outside Persian), else English and the other
    Latin-script languages. Each has ``plausible(text)`` and ``trim(text)``."""
    if lang == "fa":
        return persian
    if lang == "ar" or _ARABIC_LETTER.search(text):
        return arabic
    return latin


def plausible_source(text: str, lang: str) -> bool:
    """Whether ``text``, a source as written, can name a speaker in ``lang``.

    Examples
    --------
    >>> plausible_source("The Bank of Corvania", "en"), plausible_source("he", "en")
    (True, True)
    >>> plausible_source("said all 23", "en"), plausible_source("لكنه", "ar")
    (False, False)
    """
    return not _names_a_url(text) and _checks(text, lang).plausible(text)


def trim_source(text: str, lang: str) -> tuple[int, int] | None:
    """The part of ``text`` (a source as written) that names a speaker, as
    offsets into ``text``; None when no part does.

    English and other Latin-script sources are cut before a verb and
    stripped of function words (:func:`claimcheck.text.attribution.en.sources.trim`),
    Persian ones of the particles and times they end with; an Arabic source
    is kept whole or refused. A Turkish source ends before a relative
    participle.
    """
    if lang == "tr":
        participle = _TR_PARTICIPLE.search(text)
        if participle:
            # "Tur şirketi Anka Turizm yaptığı (açıklamada)": the company, not
            # the statement it made; a participle alone names nobody
            rest = text[:participle.start()].rstrip()
            return trim_source(rest, lang) if rest else None
    return None if _names_a_url(text) else _checks(text, lang).trim(text)


def _names_a_url(text: str) -> bool:
    """Whether the name a source opens with, before any apposition, holds a
    web address ("http://ap-gfkpoll.com"); "Scott Richter, the man behind
    OptInRealBig.com" names a man."""
    return bool(_URL.search(re.split(r"[,،(]", text, maxsplit=1)[0]))
