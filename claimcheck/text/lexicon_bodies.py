"""Kinds of public body, in the languages claimcheck reads: what a source's
name says it is ("the ministry", "وزارة الداخلية", "le ministère" are all a
*ministry*), whichever body it is.

:func:`body_kinds` gives the kind a name's head noun names; :mod:`claimcheck.sources`
uses them to link a body named in full in one article ("the regional disaster
management agency", "الهيئة العامة للسكك الحديدية") to the same body named by
its kind alone in another ("The agency", "the railway authority") when that
kind names only one body in each, and to keep apart two names of different
kinds that a multilingual embedding finds close (a *ministry* is not an
*authority*).

Each kind lists its nouns in Arabic, English, French, Spanish, Turkish and
Indonesian, in the singular only: "the authorities" or "السلطات" is any
government, not one body ("Airlines" and "Airways" are the names of one).
An entry ending in ``*`` matches any word it begins (Turkish case endings:
"bakanlığı").
"""

from __future__ import annotations

import re

from claimcheck.text.normalize import folded_words

_KINDS_TEXT = {
    "ministry": """وزارة ministry ministère ministerio bakanlık* bakanlığ* kementerian""",
    "authority": """هيئة سلطة authority autorité autoridad otorite* otoritas""",
    "agency": """وكالة agency agence agencia ajans* badan""",
    "department": """مديرية إدارة دائرة department directorate administration département
        direction departamento dirección müdürlü* daire* dinas direktorat departemen""",
    "company": """شركة company firm operator corporation société compagnie entreprise
        empresa compañía şirket* perusahaan""",
    "airline": """airline airlines airways carrier havayol* maskapai""",
    "embassy": """سفارة embassy ambassade embajada büyükelçili* kedutaan""",
    "union": """نقابة union syndicat sindicato sendika* serikat""",
    "police": """شرطة police policía polis* emniyet* polisi kepolisian""",
    "army": """جيش army armée ejército ordu* tentara""",
    "government": """حكومة government gouvernement gobierno hükümet* pemerintah""",
    "court": """محكمة court tribunal mahkeme* pengadilan""",
    "council": """مجلس council conseil consejo konsey* dewan""",
    "committee": """لجنة committee comité comisión komite* komisi""",
    "bank": """بنك مصرف bank banque banco banka*""",
    "hospital": """مستشفى hospital hôpital hastane*""",
    "municipality": """بلدية municipality municipalité mairie municipio ayuntamiento
        belediye* pemkot""",
    "fire-service": """pompiers bomberos itfaiye* pemadam""",
    "party": """حزب party parti partido partai""",
    "university": """جامعة university université universidad üniversite* universitas""",
}

_ARABIC = re.compile(r"[\u0600-\u06FF]")
# Arabic prefixes stripped before lookup: conjunction, preposition, article.
_AR_PREFIXES = ("وال", "بال", "فال", "لل", "ال", "و", "ب")


def _keys(word: str) -> list[str]:
    """The forms of one folded word that the lexicon is looked up by."""
    if not _ARABIC.search(word):
        return [word]
    keys = [word]
    for prefix in _AR_PREFIXES:
        if word.startswith(prefix) and len(word) - len(prefix) >= 3:
            keys.append(word[len(prefix):])
    return keys


def _build() -> tuple[dict[str, str], list[tuple[str, str]]]:
    exact: dict[str, str] = {}
    stems: list[tuple[str, str]] = []
    for kind, text in _KINDS_TEXT.items():
        for entry in text.split():
            if entry.endswith("*"):
                stems.append((folded_words(entry[:-1])[0], kind))
            else:
                for word in folded_words(entry):
                    exact[word] = kind
    return exact, stems


_EXACT, _STEMS = _build()

#: Kinds that are also another kind: an airline is a company.
_ALSO = {"airline": "company"}


#: Words a name made of a body's kind alone may hold besides the kind word:
#: articles and the like ("the agency", "l'agence", "الوكالة").
_ARTICLES = frozenset({"the", "this", "that", "le", "la", "les", "l", "el", "los", "las",
                       "bu", "itu", "ini"})


#: Languages whose noun phrases put the head last ("the water resources
#: ministry", "Türkiye Büyükelçiliği"); elsewhere the head comes first
#: ("وزارة الداخلية", "le ministère des Transports").
_HEAD_LAST = frozenset({"en", "tr", "de", "nl"})
_OF = re.compile(r"\s(?:of|for)\s", re.IGNORECASE)
_AIR = re.compile(r"(?:ال)?طيران")


def body_kinds(name: str, lang: str | None = None) -> frozenset[str]:
    """The kind of body ``name`` is, read off its head noun ("the Interior
    Ministry" -> {"ministry"}; "شركة طيران النخلة الزرقاء" -> {"airline", "company"};
    "هيئة الطيران المدني" -> {"authority"}; "the airline" -> {"airline",
    "company"}); empty for a person's name or a name with no kind word.

    ``lang`` says where the head is: the last word in English and Turkish
    (before "of": "the Bank of England"), the first elsewhere; by default
    Arabic script reads head first and Latin script head last.

    >>> sorted(body_kinds("Yerel trafik yetkililerinin"))
    []
    >>> sorted(body_kinds("Türkiye Büyükelçiliği"))
    ['embassy']
    """
    if lang is None:
        head_last = not _ARABIC.search(name)
    else:
        head_last = lang in _HEAD_LAST
    if head_last:
        name = _OF.split(name, maxsplit=1)[0]
    words = [w for w in folded_words(name) if w not in _ARTICLES]
    if not words:
        return frozenset()
    # The head noun alone says what a name is: "Agency spokesman Daniel
    # Oketch" is a person, "رئيس هيئة الأركان" a chief, not an authority.
    kind = _kind(words[-1] if head_last else words[0])
    if kind == "company" and not head_last and len(words) > 1 and _AIR.fullmatch(words[1]):
        kind = "airline"  # "شركة طيران ...": an airline
    if kind is None:
        return frozenset()
    return frozenset({kind, _ALSO[kind]} if kind in _ALSO else {kind})


def _kind(word: str) -> str | None:
    """The kind one folded word names, if any."""
    for key in _keys(word):
        kind = _EXACT.get(key)
        if kind is None:
            kind = next((k for stem, k in _STEMS if key.startswith(stem)), None)
        if kind is not None:
            return kind
    return None


def bare_kind(name: str) -> bool:
    """Whether ``name`` says only what kind of body it is ("The agency",
    "the ministry", "الوزارة"), not which one."""
    words = [w for w in folded_words(name) if w not in _ARTICLES]
    return bool(words) and len(words) <= 2 and all(_kind(w) for w in words)
