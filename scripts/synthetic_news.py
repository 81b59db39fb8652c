"""Synthetic Arabic–English pairs of news sentences about counted quantities.

Arabic news writes a count in ways English never does: number words and
scale words ("ألفي جندي", "خمسة آلاف عامل", "200 ألف برميل", "3 ملايين
شخص") where English writes digits ("2,000 troops"). XNLI, the only parallel
NLI data we have, holds 68 Arabic–English training premises with a digit in
them, so a model trained on it reads a translation with the number in another
form as a contradiction and a changed number across the two languages as no
contradiction. :func:`numeric_news_pairs` fills that gap with sentences built
from frames we wrote (an event, a counted noun and its Arabic forms), each
rendered in English and in Arabic with a number drawn for it:

====================  ==================================================  =============
kind                  example                                             label
====================  ==================================================  =============
``same-number``       "about 2,000 troops will return" /                   entailment
                      "نحو ألفي جندي سيعودون"  (across or within a
                      language, the number in another form)
``changed-number``    "5,000 workers went on strike" /                    contradiction
                      "ثلاثة آلاف عامل أضربوا"
``other-quantity``    "floods killed 37 people" / "floods injured 52      neutral
                      people" (another quantity of the same event)
====================  ==================================================  =============

Arabic counted nouns follow the rules of news prose: 11–99 take the
accusative singular ("37 قتيلا"), 100 and above the genitive singular
("250 جندي", "ثلاثة آلاف جندي"). Every Arabic phrase this module writes reads
back as its value with :func:`claimcheck.reasons.find_quantities` (a test
checks it). Everything is deterministic for a given ``seed``.
"""

from __future__ import annotations

import random
from dataclasses import dataclass

from synthetic import TO_ARABIC_INDIC

KINDS = ("same-number", "changed-number", "other-quantity")
LABEL_OF = {"same-number": "entailment", "changed-number": "contradiction",
            "other-quantity": "neutral"}


@dataclass(frozen=True)
class Noun:
    """A counted noun: its English plural and the Arabic forms after 11–99
    (accusative singular) and after 100 or a scale word (genitive singular)."""

    en: str
    ar_acc: str
    ar_gen: str


_NOUNS = {
    "person": Noun("people", "شخصا", "شخص"),
    "dead": Noun("people", "قتيلا", "قتيل"),
    "injured": Noun("people", "جريحا", "جريح"),
    "soldier": Noun("soldiers", "جنديا", "جندي"),
    "worker": Noun("workers", "عاملا", "عامل"),
    "family": Noun("families", "أسرة", "أسرة"),
    "barrel": Noun("barrels", "برميلا", "برميل"),
    "house": Noun("houses", "منزلا", "منزل"),
    "migrant": Noun("migrants", "مهاجرا", "مهاجر"),
    "prisoner": Noun("prisoners", "سجينا", "سجين"),
    "tonne": Noun("tonnes", "طنا", "طن"),
    "protester": Noun("protesters", "متظاهرا", "متظاهر"),
    "case": Noun("cases", "حالة", "حالة"),
    "passenger": Noun("passengers", "راكبا", "راكب"),
    "student": Noun("students", "طالبا", "طالب"),
    "dollar": Noun("dollars", "دولارا", "دولار"),
    "vote": Noun("votes", "صوتا", "صوت"),
    "visitor": Noun("visitors", "زائرا", "زائر"),
}

# Events, each with two quantities of its own: (English frame, Arabic frame,
# noun, largest value). "{n}" is the number with its noun.
_EVENTS: tuple[tuple[tuple[str, str, str, int], ...], ...] = (
    (("The floods have killed {n}", "أودت الفيضانات بحياة {n}", "person", 5_000),
     ("The floods have injured {n}", "أسفرت الفيضانات عن إصابة {n}", "person", 20_000)),
    (("The death toll from the earthquake rose to {n}", "ارتفعت حصيلة الزلزال إلى {n}", "dead",
      50_000),
     ("The earthquake left {n} injured", "خلف الزلزال {n}", "injured", 90_000)),
    (("{n} are deployed along the border", "ينتشر {n} على طول الحدود", "soldier", 100_000),
     ("{n} were withdrawn from the border area", "سحب {n} من المنطقة الحدودية", "soldier",
      100_000)),
    (("The factory laid off {n}", "سرح المصنع {n}", "worker", 20_000),
     ("The factory still employs {n}", "لا يزال المصنع يشغل {n}", "worker", 50_000)),
    (("{n} were displaced from their homes", "نزحت {n} من منازلها", "family", 900_000),
     ("{n} have returned to their villages", "عادت {n} إلى قراها", "family", 900_000)),
    (("The company cut its output by {n} a day", "خفضت الشركة إنتاجها بمقدار {n} يوميا",
      "barrel", 3_000_000),
     ("The company exports {n} a day", "تصدر الشركة {n} يوميا", "barrel", 9_000_000)),
    (("The storm destroyed {n}", "دمرت العاصفة {n}", "house", 60_000),
     ("The storm damaged {n}", "ألحقت العاصفة أضرارا بـ {n}", "house", 90_000)),
    (("{n} reached the island this month", "وصل {n} إلى الجزيرة هذا الشهر", "migrant",
      200_000),
     ("{n} were sent back from the island", "أعيد {n} من الجزيرة", "migrant", 200_000)),
    (("The authorities released {n}", "أفرجت السلطات عن {n}", "prisoner", 20_000),
     ("The authorities still hold {n}", "لا تزال السلطات تحتجز {n}", "prisoner", 50_000)),
    (("{n} of aid arrived in the city", "وصل {n} من المساعدات إلى المدينة", "tonne",
      900_000),
     ("{n} of aid are waiting at the crossing", "ينتظر {n} من المساعدات عند المعبر",
      "tonne", 900_000)),
    (("{n} took part in the protest", "شارك {n} في الاحتجاج", "protester", 900_000),
     ("The police arrested {n}", "اعتقلت الشرطة {n}", "protester", 9_000)),
    (("{n} were recorded last week", "سجلت {n} الأسبوع الماضي", "case", 900_000),
     ("{n} were recorded this week", "سجلت {n} هذا الأسبوع", "case", 900_000)),
    (("{n} were on board the ferry", "كان على متن العبارة {n}", "passenger", 3_000),
     ("{n} were rescued from the ferry", "أنقذ {n} من العبارة", "passenger", 3_000)),
    (("{n} sat the exam this year", "تقدم {n} للامتحان هذا العام", "student", 2_000_000),
     ("{n} failed the exam this year", "رسب {n} في الامتحان هذا العام", "student", 900_000)),
    (("The deal is worth {n}", "تبلغ قيمة الصفقة {n}", "dollar", 9_000_000_000),
     ("The government paid {n} in compensation", "دفعت الحكومة {n} تعويضات", "dollar",
      900_000_000)),
    (("The winning candidate received {n}", "حصل المرشح الفائز على {n}", "vote", 9_000_000),
     ("The runner-up received {n}", "حصل المرشح الثاني على {n}", "vote", 9_000_000)),
    (("{n} visited the festival", "زار المهرجان {n}", "visitor", 2_000_000),
     ("{n} visited the museum this year", "زار المتحف {n} هذا العام", "visitor", 2_000_000)),
)

_EN_HEDGES = ("about", "around", "nearly", "some")
_AR_HEDGES = ("نحو", "حوالي", "قرابة", "زهاء")
# 3–10 before "آلاف" / "ملايين" / "مليارات" (the masculine counted noun takes
# the feminine number).
_AR_UNITS = {3: "ثلاثة", 4: "أربعة", 5: "خمسة", 6: "ستة", 7: "سبعة", 8: "ثمانية",
             9: "تسعة", 10: "عشرة"}
_EN_UNITS = {2: "two", 3: "three", 4: "four", 5: "five", 6: "six", 7: "seven", 8: "eight",
             9: "nine", 10: "ten"}
# (value of the scale, singular, dual, plural after 3–10, English)
_SCALES = ((1_000_000_000, "مليار", "ملياري", "مليارات", "billion"),
           (1_000_000, "مليون", "مليوني", "ملايين", "million"),
           (1_000, "ألف", "ألفي", "آلاف", "thousand"))


def arabic_count(value: int, noun: Noun, rng: random.Random) -> str:
    """``value`` of ``noun`` as Arabic news writes it, one form drawn at random
    among those that fit ("ألفي جندي", "2000 جندي", "٢٠٠٠ جندي" for 2,000)."""
    forms = []
    for scale, one, two, plural, _ in _SCALES:
        if value % scale == 0 and value >= scale:
            k = value // scale
            if k == 1:
                forms.append(f"{one} {noun.ar_gen}")
            elif k == 2:
                forms.append(f"{two} {noun.ar_gen}")
            elif k <= 10:
                forms += [f"{k} {plural} {noun.ar_gen}", f"{_AR_UNITS[k]} {plural} {noun.ar_gen}"]
            else:
                forms.append(f"{k} {one} {noun.ar_gen}")
            break
        if scale >= 1_000_000 and value % (scale // 2) == 0 and value > scale:
            forms.append(f"{value / scale:g} {one} {noun.ar_gen}")  # "1.5 مليون"
            break
    # digits alone between 1900 and 2100 read as a year
    if value < 1_000_000 and (not 1900 <= value <= 2100 or not forms):
        digits = str(value)
        counted = noun.ar_acc if value < 100 else noun.ar_gen
        forms += [f"{digits} {counted}", f"{digits.translate(TO_ARABIC_INDIC)} {counted}"]
    return rng.choice(forms)


def english_count(value: int, noun: Noun, rng: random.Random) -> str:
    """``value`` of ``noun`` as English news writes it ("2,000 troops",
    "1.5 million barrels", "two thousand troops")."""
    forms = [f"{value:,} {noun.en}"]
    if 1_000 <= value < 10_000 and not 1900 <= value <= 2100:
        forms.append(f"{value} {noun.en}")
    for scale, *_, word in _SCALES:
        if value >= scale and value % (scale // 2) == 0 and scale >= 1_000_000:
            forms.append(f"{value / scale:g} {word} {noun.en}")
            break
        if value >= scale and value % scale == 0 and value // scale in _EN_UNITS:
            forms.append(f"{_EN_UNITS[value // scale]} {word} {noun.en}")
            break
    return rng.choice(forms)


def _draw_value(rng: random.Random, largest: int) -> int:
    """A count as news reports them: mostly round, from 11 up to ``largest``."""
    while True:
        shape = rng.random()
        if shape < 0.3:
            value = rng.randint(11, 99)
        elif shape < 0.45:
            value = rng.randint(1, 9) * 100 + rng.choice((0, 0, 50, rng.randint(1, 99)))
        elif shape < 0.75:
            value = rng.choice((1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 12, 15, 20, 25, 40, 60, 100, 200,
                                250, 300, 500, 700)) * 1_000
        else:
            value = rng.choice((1, 1.5, 2, 2.5, 3, 4, 5, 7, 10, 12, 20)) * 1_000_000
            value = int(value) * (1_000 if rng.random() < 0.2 else 1)
        if 11 <= value <= largest:
            return int(value)


def _different_value(rng: random.Random, value: int, largest: int) -> int:
    """A count that clearly differs from ``value`` (by at least 30%)."""
    while True:
        other = _draw_value(rng, max(largest, value * 4))
        if abs(other - value) >= 0.3 * max(value, other):
            return other


def _render(frame: tuple[str, str, str, int], value: int, lang: str, rng: random.Random,
            hedge: int | None = None) -> str:
    en, ar, noun_key, _ = frame
    noun = _NOUNS[noun_key]
    if lang == "en":
        count = english_count(value, noun, rng)
        if hedge is not None:
            count = f"{_EN_HEDGES[hedge]} {count}"
        text = en.format(n=count)
        return text[0].upper() + text[1:]
    count = arabic_count(value, noun, rng)
    if hedge is not None:
        count = f"{_AR_HEDGES[hedge]} {count}"
    return ar.format(n=count)


def numeric_news_pairs(n_per_kind: int, *, seed: int = 0,
                       cross_lingual: float = 0.6) -> list[dict]:
    """Up to ``n_per_kind`` labelled pairs of each kind in :data:`KINDS`.

    Parameters
    ----------
    n_per_kind : int
        Draws of each kind. Every draw gives a pair, except a ``same-number``
        draw within one language whose number has a single written form
        there ("40 families"): it is skipped, as the pair would be two
        identical sentences.
    seed : int
        Seeds every random choice; the same arguments give the same pairs.
    cross_lingual : float
        Share of pairs with one Arabic and one English side; the rest are
        both Arabic or both English (half each).

    Returns
    -------
    list of dict
        ``premise``, ``hypothesis``, ``label`` and ``edit`` (the kind), the
        kinds interleaved.
    """
    if n_per_kind < 0:
        raise ValueError(f"n_per_kind must be at least 0, got {n_per_kind}")
    if not 0.0 <= cross_lingual <= 1.0:
        raise ValueError(f"cross_lingual must be within [0, 1], got {cross_lingual}")
    rng = random.Random(seed)
    pairs: list[dict] = []
    for _ in range(n_per_kind):
        for kind in KINDS:
            event = rng.choice(_EVENTS)
            first = rng.choice(event)
            if rng.random() < cross_lingual:
                langs = ["ar", "en"]
                rng.shuffle(langs)
            else:
                langs = [rng.choice(("ar", "en"))] * 2
            value = _draw_value(rng, first[3])
            if kind == "same-number":
                hedge = rng.randrange(4) if rng.random() < 0.3 else None
                a = _render(first, value, langs[0], rng, hedge)
                b = _render(first, value, langs[1], rng, hedge)
                for _ in range(5):  # within a language, make the forms differ
                    if a != b:
                        break
                    b = _render(first, value, langs[1], rng, hedge)
                if a == b:
                    continue
            elif kind == "changed-number":
                a = _render(first, value, langs[0], rng)
                b = _render(first, _different_value(rng, value, first[3]), langs[1], rng)
            else:
                second = event[1] if first is event[0] else event[0]
                a = _render(first, value, langs[0], rng)
                b = _render(second, _draw_value(rng, second[3]), langs[1], rng)
            pairs.append({"premise": a, "hypothesis": b, "label": LABEL_OF[kind], "edit": kind})
    return pairs


__all__ = ["KINDS", "LABEL_OF", "Noun", "arabic_count", "english_count", "numeric_news_pairs"]
