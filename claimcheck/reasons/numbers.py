"""Numbers and what they count, in Arabic and English, and the ``numeric``
reason: the same quantity with values that cannot both hold; plus the
bilingual topic words that tell whether two claims speak of one thing."""

from __future__ import annotations

import functools
import math
import re
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Literal

from claimcheck.reasons.fold import (
    CACHE_SIZE,
    _content,
    _fold,
    _Folded,
    _is_arabic,
    _norm,
    _shared,
    _Token,
    _word,
    _words,
)
from claimcheck.reasons.kinds import KIND_WEIGHTS, Reason
from claimcheck.types import Span

Bound = Literal["exact", "approx", "min", "max"]


@dataclass(frozen=True)
class Quantity:
    """A number found in a text, with what it counts.

    Attributes
    ----------
    value : float
        The number, normalised ("٢٬٠٠٠", "ألفا", "two thousand" -> 2000.0).
    units : tuple of str
        Canonical keys of the unit or noun it counts ("troops", "percent"),
        shared by Arabic and English; empty when none was found.
    text : str
        The number as written in the input.
    span : (int, int)
        Offsets of ``text`` in the input.
    bound : {"exact", "approx", "min", "max"}
        "approx" after "about"/"نحو", "min" after "more than"/"أكثر من",
        "max" after "up to"/"أقل من".
    """

    value: float
    units: tuple[str, ...]
    text: str
    span: Span
    bound: Bound = "exact"


_AR_ONES = {
    "واحد": 1, "واحده": 1, "واحدا": 1,
    "اثنان": 2, "اثنين": 2, "اثنتان": 2, "اثنتين": 2, "اثنا": 2, "اثني": 2, "اثنتا": 2,
    "ثلاث": 3, "ثلاثه": 3, "اربع": 4, "اربعه": 4, "خمس": 5, "خمسه": 5,
    "ست": 6, "سته": 6, "سبع": 7, "سبعه": 7, "ثمان": 8, "ثماني": 8, "ثمانيه": 8,
    "تسع": 9, "تسعه": 9, "عشر": 10, "عشره": 10,
    "عشرون": 20, "عشرين": 20, "ثلاثون": 30, "ثلاثين": 30, "اربعون": 40, "اربعين": 40,
    "خمسون": 50, "خمسين": 50, "ستون": 60, "ستين": 60, "سبعون": 70, "سبعين": 70,
    "ثمانون": 80, "ثمانين": 80, "تسعون": 90, "تسعين": 90,
}  # fmt: skip
_AR_HUNDRED_STEMS = {
    "ثلاث": 3, "اربع": 4, "خمس": 5, "ست": 6, "سبع": 7, "ثمان": 8, "ثماني": 8, "تسع": 9,
}  # fmt: skip
_AR_HUNDREDS = {"مئتان": 200, "مئتين": 200, "مئتا": 200, "مئتي": 200,
                "مائتان": 200, "مائتين": 200, "مائتا": 200, "مائتي": 200}  # fmt: skip
for _stem, _v in _AR_HUNDRED_STEMS.items():
    _AR_HUNDREDS[_stem + "مئه"] = _v * 100
    _AR_HUNDREDS[_stem + "مائه"] = _v * 100

_EN_ONES = {
    "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
    "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14,
    "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19,
    "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70,
    "eighty": 80, "ninety": 90,
}  # fmt: skip

# Multipliers. "Plural" scales (آلاف، thousands) only count after a number:
# alone they are vague ("thousands of civilians").
_SCALES = {"hundred": 100, "مئه": 100, "مائه": 100,
           "thousand": 1e3, "الف": 1e3, "million": 1e6, "مليون": 1e6,
           "billion": 1e9, "مليار": 1e9, "bn": 1e9, "m": 1e6, "mn": 1e6, "k": 1e3,
           "trillion": 1e12, "تريليون": 1e12, "ترليون": 1e12, "tn": 1e12}  # fmt: skip
_PLURAL_SCALES = {"الاف": 1e3, "thousands": 1e3, "ملايين": 1e6, "millions": 1e6,
                  "مليارات": 1e9, "billions": 1e9, "hundreds": 100, "مئات": 100,
                  "trillions": 1e12, "تريليونات": 1e12}  # fmt: skip
# Duals: 2 x scale when alone; the forms ending in alef are also the
# accusative singular after a number ("25 ألفا" = 25,000).
_DUALS = {"الفان": 1e3, "الفين": 1e3, "الفا": 1e3, "الفي": 1e3,
          "مليونان": 1e6, "مليونين": 1e6, "مليونا": 1e6, "مليوني": 1e6,
          "ملياران": 1e9, "مليارين": 1e9, "مليارا": 1e9, "ملياري": 1e9}  # fmt: skip
_SUFFIX_SCALES = frozenset({"bn", "m", "mn", "k", "tn"})

_BOUND_CUES: dict[str, Bound] = {
    "نحو": "approx", "حوالي": "approx", "قرابه": "approx", "زهاء": "approx",
    "تقريبا": "approx", "about": "approx", "around": "approx", "nearly": "approx",
    "roughly": "approx", "approximately": "approx", "almost": "approx", "some": "approx",
    "estimated": "approx",
    "اكثر": "min", "يزيد": "min", "يقل": "max", "over": "min", "least": "min",
    "more": "min", "exceeding": "min",
    "اقل": "max", "under": "max", "fewer": "max", "less": "max", "up": "max",
    "within": "max",
}  # fmt: skip

_UNIT_FORMS = {
    "troops": "جندي جنود جنديا عسكري عسكريين عسكريا soldier soldiers troop troops servicemen",
    "fighters": "مقاتل مقاتلين مقاتلا مقاتلي مسلح مسلحين مسلحا مسلحي fighter fighters "
    "militant militants gunmen",
    "people": "شخص اشخاص شخصا نسمه people persons person individuals",
    "civilians": "مدني مدنيين مدنيا civilian civilians",
    "dead": "قتيل قتلي قتيلا ضحيه ضحايا وفاه وفيات جثه جثث dead death deaths killed "
    "fatalities died victims bodies",
    "injured": "جريح جرحي جريحا مصاب مصابين مصابا اصابه اصابات injured wounded injuries",
    "missing": "مفقود مفقودين مفقودا missing",
    "displaced": "نازح نازحين نازحا مشرد مشردين displaced homeless",
    "refugees": "لاجئ لاجئين لاجئا refugee refugees",
    "migrants": "مهاجر مهاجرين مهاجرا مهاجرون migrant migrants",
    "passengers": "راكب ركاب راكبا passenger passengers",
    "workers": "عامل عمال عاملا موظف موظفين موظفا وظيفه وظائف worker workers employee "
    "employees staff jobs",
    "families": "اسره اسر عائله عائلات family families households",
    "children": "طفل اطفال طفلا child children",
    "prisoners": "اسير اسري معتقل معتقلين معتقلا سجين سجناء prisoner prisoners detainee detainees",
    "hours": "ساعه ساعات hour hours",
    "days": "يوم ايام يوما day days",
    "weeks": "اسبوع اسابيع اسبوعا week weeks",
    "months": "شهر اشهر شهور شهرا month months",
    "years": "سنه سنوات اعوام عاما years",
    "percent": "% بالمئه بالمائه المئه المائه percent pct per",
    "dollars": "$ دولار دولارا دولارات dollar dollars usd",
    "euros": "€ يورو euro euros",
    "pounds": "£ جنيه جنيها جنيهات pound pounds sterling",
    "barrels": "برميل براميل برميلا barrel barrels bpd",
    "doses": "جرعه جرعات doses dose",
    "seats": "مقعد مقاعد مقعدا seat seats",
    "votes": "صوت اصوات صوتا vote votes ballots",
    "breaches": "خرق خروقات خرقا انتهاك انتهاكات breach breaches violation violations",
    "ships": "سفينه سفن سفينه ship ships vessel vessels",
    "containers": "حاويه حاويات container containers",
    "homes": "منزل منازل منزلا بيت بيوت home homes house houses",
    "tonnes": "طن اطنان طنا tonne tonnes ton tons",
    "km": "كيلومتر كيلومترا كيلومترات km kilometre kilometres kilometer kilometers",
    "trucks": "شاحنه شاحنات truck trucks lorry lorries",
    "villages": "قريه قري villages village",
    "hectares": "هكتار هكتارات هكتارا hectare hectares",
}
_UNIT_OF = {_norm(form): key for key, forms in _UNIT_FORMS.items() for form in forms.split()}

# Units that say nothing about the thing measured ("40 percent" of what?):
# these only compare when the claims also share a topic word.
_GENERIC_UNITS = frozenset(
    {"people", "percent", "dollars", "euros", "pounds", "hours", "days", "weeks", "months",
     "years", "tonnes", "km", "hectares"}
)  # fmt: skip
# Unit words that count only right after the number.
_RIGHT_AFTER_ONLY = frozenset({"bodies"})
# Groups of people: a count of one of them is part of a count of "people".
_GROUPS = frozenset(
    {"troops", "fighters", "civilians", "refugees", "migrants", "passengers", "children",
     "prisoners"}
)  # fmt: skip
# A quantity with one of these units is only that (``$75 a barrel`` is dollars).
_EXCLUSIVE_UNITS = ("percent", "dollars", "euros", "pounds", "hours", "days", "weeks",
                    "months", "years")  # fmt: skip
# Words that say the nearby noun is what the number counts ("عدد القتلى إلى 45").
_MEASURE_TABLE = dict.fromkeys(_words("عدد حصيله اجمالي toll number tally total count"))

_MONTHS = _words(
    """
    يناير فبراير مارس ابريل مايو يونيو يوليو اغسطس سبتمبر اكتوبر نوفمبر ديسمبر
    كانون شباط اذار نيسان ايار حزيران تموز اب ايلول تشرين
    january february march april june july august september october november
    december jan feb mar apr jun jul aug sep sept oct nov dec
    """
)
_AS_MUCH_AS = frozenset({"many", "much", "long", "high"})
_RATE_UNITS = frozenset({"hours", "days", "weeks", "months", "years"})
_RATE_WORDS = _words("a an per each every كل في")
# Words before a time word that make it a time ("this week", "last year").
_THIS = _words("this last next that past previous coming same هذا هذه")
_YEAR_CUES = _words("عام سنه العام year in since منذ عامي")
# Words right before a number that names something instead of counting it
# ("flight 512", "الرحلة 512", "Resolution 2254", "وفقا للقرار 2254", "Article
# 5"); the Arabic ones with or without a clitic (:func:`_strip_clitic`).
_LABEL_WORDS = dict.fromkeys(_words("flight flights resolution article رحله قرار ماده رقم"))


def _strip_clitic(word: str, table: dict) -> str | None:
    """``word`` or ``word`` without a leading Arabic clitic, if in ``table``."""
    if word in table:
        return word
    if _is_arabic(word):
        for prefix in ("وال", "بال", "لل", "ال", "و", "ب", "ل", "ف"):
            if word.startswith(prefix) and word[len(prefix) :] in table:
                return word[len(prefix) :]
    return None


def _parse_digits(raw: str) -> float:
    if "," in raw:
        groups = raw.split(".")[0].split(",")
        if all(len(g) == 3 for g in groups[1:]) and len(groups[0]) <= 3:
            raw = raw.replace(",", "")
        elif raw.count(",") == 1 and "." not in raw:
            raw = raw.replace(",", ".")  # a decimal comma: "14,5"
        else:
            raw = raw.replace(",", "")
    if raw.count(".") > 1:
        raw = raw.replace(".", "")
    return float(raw)


def _unit_of(word: str) -> str | None:
    found = _strip_clitic(word, _UNIT_OF)
    return _UNIT_OF[found] if found else None


def _read_number(tokens: Sequence[_Token], i: int) -> tuple[float, int] | None:
    """The number that starts at token ``i``: its value and the next index."""
    total = 0.0
    current = 0.0
    seen = False
    j = i
    while j < len(tokens):
        tok = tokens[j]
        w = tok.text
        nxt = tokens[j + 1].text if j + 1 < len(tokens) else ""
        if w[0].isdigit():
            if seen:
                break
            current = _parse_digits(w)
            seen = True
            j += 1
            continue
        if seen and w in _SUFFIX_SCALES and tok.start == tokens[j - 1].end:
            total += current * _SCALES[w]
            current = 0.0
            j += 1
            continue
        if w in ("a", "an", "one") and not seen:
            if nxt in ("hundred", "thousand", "million", "billion", "dozen"):
                current = 1.0
                seen = True
                j += 1
                continue
            break
        if w == "and" and seen and (nxt in _EN_ONES or nxt in _SCALES):
            j += 1
            continue
        if not seen and w in ("احد", "احدي") and nxt in ("عشر", "عشره"):
            current = 11.0  # "أحد عشر" / "إحدى عشرة": "أحد" alone is "someone"
            seen = True
            j += 2
            continue
        if w == "dozen":
            current = (current or 1.0) * 12
            seen = True
            j += 1
            continue
        bare = w
        if _is_arabic(w) and seen and w.startswith("و"):
            bare = w[1:]  # "وخمسون" continues "مئة وخمسون"
        if bare in _SCALES and bare not in _SUFFIX_SCALES:
            if bare in ("hundred", "مئه", "مائه"):
                current = (current or 1.0) * 100
            else:
                total += (current or 1.0) * _SCALES[bare]
                current = 0.0
            seen = True
            j += 1
            continue
        if bare in _PLURAL_SCALES:
            if not current:
                break  # "thousands of civilians": vague
            total += current * _PLURAL_SCALES[bare]
            current = 0.0
            j += 1
            continue
        if bare in _DUALS:
            if current and bare.endswith("ا"):
                total += current * _DUALS[bare]
                current = 0.0
            elif not seen:
                total += 2 * _DUALS[bare]
            else:
                break
            seen = True
            j += 1
            continue
        word = _strip_clitic(bare, _AR_HUNDREDS)
        if word:
            if seen and current >= 100:
                break
            current += _AR_HUNDREDS[word]
            seen = True
            j += 1
            continue
        word = _strip_clitic(bare, _AR_ONES) if _is_arabic(bare) else None
        if word is None and bare in _EN_ONES:
            word = bare
        if word:
            value = _AR_ONES.get(word) or _EN_ONES[word]
            if seen and (
                tokens[j - 1].text[0].isdigit() or current % 10 and value < 10 and value != 10
            ):
                break
            current += value
            seen = True
            j += 1
            continue
        break
    if not seen:
        return None
    return total + current, j


def find_quantities(text: str) -> list[Quantity]:
    """Numbers in ``text`` with what they count.

    Digits in any of the Arabic-Indic, Persian or Western forms, thousands
    separators ("2,000", "٢٬٠٠٠"), decimals ("14.5", "١٤٫٥"), scale words
    ("40 ألف", "1.5 million", "3bn") and number words in Arabic and English
    ("ثلاثة", "أربعمئة", "ألفا", "مئة وخمسون", "two thousand", "a dozen") are
    read. Each number gets the units of the nouns next to it, from a small
    bilingual lexicon ("جندي", "soldiers" and "troops" are all ``troops``).
    Years and calendar dates are skipped; vague amounts ("آلاف", "dozens")
    are not numbers.

    Parameters
    ----------
    text : str
        A claim or sentence.

    Returns
    -------
    list of Quantity
        In text order.

    Examples
    --------
    >>> [(q.value, q.units) for q in find_quantities("نحو ٤٠٠ جندي سيبقون")]
    [(400.0, ('troops',))]
    >>> find_quantities("two thousand soldiers")[0].value
    2000.0
    """
    return list(_quantities(_fold(text)))


@functools.lru_cache(maxsize=CACHE_SIZE)
def _quantities(folded: _Folded) -> tuple[Quantity, ...]:
    tokens = folded.tokens
    out: list[Quantity] = []
    i = 0
    while i < len(tokens):
        read = _read_number(tokens, i) or _zero(tokens, i)
        if read is None:
            i += 1
            continue
        value, end = read
        start = i
        i = end
        before = [t.text for t in tokens[max(0, start - 3) : start]]
        around = {t.text for t in tokens[max(0, start - 1) : end + 1]}
        if around & _MONTHS or _labelled(folded, start, end) or _age(folded, start, end):
            continue
        # "Two of the 10 climbers died": the 10 are the whole group, of
        # which only the two are in the state.
        whole = start >= 2 and tokens[start - 1].text == "the" and tokens[start - 2].text == "of" \
            and start >= 3 and _read_number(tokens, start - 3) is not None
        # A count of none takes the noun right after it; "no one" and
        # "nobody" what they did ("no one was killed": none dead).
        units = (_zero_units(tokens, end) if value == 0 and tokens[end - 1].text
                 not in ("one", "nobody") else _units_near(tokens, start, end, folded.original))
        if value == 0 and not units:
            continue  # "no doubt", "none said": no count of anything
        if whole:
            units = tuple(u for u in units if u not in _STATES)
        first = tokens[start].text
        if _year_like(first) and 1900 <= value <= 2100:
            after = tokens[end].text if end < len(tokens) else ""
            if not units or (before and before[-1] in _YEAR_CUES and not _unit_of(after)):
                continue  # a year: "عام 2014", "in 2019"
        bound: Bound = "exact"
        for k, w in enumerate(before[-2:], start=-len(before[-2:])):
            cue = _strip_clitic(w, _BOUND_CUES) if _is_arabic(w) else w
            if cue in ("يقل", "يزيد") and k == -1:
                continue  # "كان المركب يقل 120 مهاجرا": carried, not "less than"
            if cue in _BOUND_CUES:
                bound = _BOUND_CUES[cue]
        if len(before) == 3 and before[0] == "as" and before[2] == "as" \
                and before[1] in _AS_MUCH_AS:
            bound = "max"  # "as many as 18", "for as long as 18 years"
        if bound in ("min", "max") and any(
                w in ("no", "not", "لا", "لن") and _BOUND_CUES.get(nxt) == bound
                for w, nxt in zip(before, before[1:])):
            bound = "max" if bound == "min" else "min"  # "no more than 700"
        after = [t.text for t in tokens[end : end + 4]]
        if any(after[k : k + 2] in (["علي", "الاقل"], ["or", "more"])
               for k in range(len(after) - 1)) or after[:1] == ["plus"]:
            bound = "min"  # "30 آخرين على الأقل", "200 or more", "15-plus years"
        out.append(
            Quantity(
                value=value,
                units=units,
                text=folded.original[tokens[start].start : tokens[end - 1].end],
                span=(tokens[start].start, tokens[end - 1].end),
                bound=bound,
            )
        )
    unharmed = _unharmed(folded)
    if unharmed is not None and not any(q.value == 0 and "injured" in q.units for q in out):
        out.append(unharmed)
        out.sort(key=lambda q: q.span)
    return tuple(out)


# "all 186 people on board were unharmed", "جميع الركاب ... لم يصابوا بأذى",
# "لم يصب أحد بأذى": none of them was hurt. Without "all" or "no one" the
# unharmed may be one person of many ("the driver was unharmed").
_UNHARMED_RE = re.compile(
    r"\b(?:unharmed|unhurt|uninjured|unscathed)\b"
    r"|\b(?:not|never) (?:been )?(?:injured|hurt|harmed|wounded)\b"
    r"|(?<!\w)لم [يت]صاب(?:وا|ا)? باذي(?!\w)|(?<!\w)لم [يت]صب\w* باذي(?!\w)")
# "لم يصب أحد بأذى": with "بأذى" (harm), since "لم يصب أي من الصواريخ
# أهدافه" is "none of the missiles hit its target".
_NO_ONE_HURT_RE = re.compile(r"(?<!\w)لم [يت]صب (?:احد|اي)(?: \w+){0,2} "
                             r"(?:باذي|بجروح|باصابه)(?!\w)")
_ALL_RE = re.compile(r"\b(?:all|everyone|everybody)\b|(?<!\w)[وف]?(?:جميع|كافه)(?!\w)")
# What keeps "all ... unharmed" from meaning that none was hurt: an
# exception ("all but two", "except two", "باستثناء اثنين"), a hedge before
# "all" ("almost all", "not all"), a hope ("hoped all the hostages would
# be unharmed"), or another clause between "all" and the harm ("all the
# passengers were evacuated and the pilot was unharmed", "قال جميع الشهود
# إن السائق لم يصب بأذى").
_NOT_ALL_RE = re.compile(
    r"\b(?:except|but|save|apart|besides|other than)\b"
    r"|(?<!\w)(?:باستثناء|عدا|سوي|الا|ما عدا)(?!\w)")
_HEDGE_BEFORE = frozenset(_words("almost nearly not virtually practically most تقريبا معظم"))
_IRREALIS_RE = re.compile(
    r"\b(?:hope[sd]?|hoping|ensure[sd]?|pray\w*|wish\w*|expect\w*|would|will|could|should|"
    r"may|might|must|remain|remained)\b|(?<!\w)(?:[يتن]امل|امل|نرجو|[يت]جب|ان|انه|انهم)(?!\w)")
_NEW_CLAUSE_RE = re.compile(r"\b(?:said|says|told|and|while|whereas)\b")


def _unharmed(folded: _Folded) -> Quantity | None:
    """A count of no injured that a claim states in words: all of a named
    group of people unharmed ("all 186 people", "جميع ركاب"), or "لم يصب أحد
    بأذى" (no one was hurt), as ``0`` ``injured``; None otherwise."""
    text = folded.text
    no_one = _NO_ONE_HURT_RE.search(text)
    if no_one:
        return _zero_quantity(folded, no_one.start(), no_one.end(), ("injured",))
    harm = _UNHARMED_RE.search(text)
    if harm is None:
        return None
    clause_start = max([m.end() for m in _SENTENCE_END.finditer(text, 0, harm.start())],
                       default=0)
    everyone = _ALL_RE.search(text, clause_start, harm.start())
    if everyone is None:
        return None
    before = text[clause_start:everyone.start()].split()[-1:]
    if (before and before[0] in _HEDGE_BEFORE) or _NOT_ALL_RE.search(text, clause_start) \
            or _IRREALIS_RE.search(text, clause_start, harm.start()) \
            or _NEW_CLAUSE_RE.search(text, everyone.end(), harm.start()):
        return None
    if not _group_after(folded, everyone.end()):
        return None  # "all hostages were unharmed": not a count this rule can place
    # Only the injured are none: "all passengers were unharmed" says
    # nothing against "three passengers were taken to hospital as a
    # precaution".
    return _zero_quantity(folded, everyone.start(), harm.end(), ("injured",))


def _group_after(folded: _Folded, at: int) -> tuple[str, ...]:
    """The unit of a group of people named within three words after the
    folded offset ``at`` ("all 186 people", "all the passengers", "جميع
    ركاب"), if any."""
    start = folded.offsets[at] if at < len(folded.offsets) else len(folded.original)
    for token in [t for t in folded.tokens if t.start >= start][:3]:
        unit = _unit_of(token.text)
        if unit in _GROUPS or unit in ("people", "workers"):
            return (unit,)
    return ()


def _zero_quantity(folded: _Folded, start: int, end: int, units: tuple[str, ...]) -> Quantity:
    """A count of none over the folded characters ``start:end``."""
    return Quantity(value=0.0, units=units, text=folded.surface(start, end),
                    span=(folded.offsets[start], folded.offsets[end - 1] + 1), bound="exact")


def _labelled(folded: _Folded, start: int, end: int) -> bool:
    """Whether the number of tokens ``start:end`` names something: a label
    word (:data:`_LABEL_WORDS`) right before it, only spaces between, and no
    unit after it ("الرحلة 512" names a flight; "رحلة 3000 كيلومتر" is a
    3,000-kilometre journey, "after the flight, 140 passengers" counts)."""
    tokens = folded.tokens
    if start == 0 or not _strip_clitic(tokens[start - 1].text, _LABEL_WORDS):
        return False
    if folded.original[tokens[start - 1].end:tokens[start].start].strip():
        return False
    return end >= len(tokens) or _unit_of(tokens[end].text) is None


# English words that count nothing, and those after "no" that make it no zero
# ("no more than 700": a bound; "no longer").
_ZERO = {("no",): 0, ("none",): 0, ("no", "one"): 0, ("nobody",): 0,
         ("not", "a", "single"): 0, ("not", "one"): 0}
_NOT_ZERO_AFTER = frozenset("more fewer less longer later sooner matter doubt".split())


def _zero(tokens: Sequence[_Token], i: int) -> tuple[float, int] | None:
    """A count of nothing that starts at token ``i`` ("no homes", "none of
    the passengers", "not a single soldier"): 0 and the next index."""
    for words in sorted(_ZERO, key=len, reverse=True):
        end = i + len(words)
        if tuple(t.text for t in tokens[i:end]) == words and (
                end >= len(tokens) or tokens[end].text not in _NOT_ZERO_AFTER):
            return 0.0, end
    return None


def _zero_units(tokens: Sequence[_Token], end: int) -> tuple[str, ...]:
    """What a count of none counts: the noun right after it, or after one
    word more ("no homes", "not a single soldier", "no American troops",
    "none of the passengers"). A noun that names a measure ("no death
    toll") counts nothing."""
    j = end
    if tokens[end - 1].text == "none":
        while j < len(tokens) and tokens[j].text in ("of", "the", "its", "their", "our"):
            j += 1
    for k in (j, j + 1):
        if k >= len(tokens):
            break
        unit = _unit_of(tokens[k].text)
        if unit and unit not in _GENERIC_UNITS:
            after = tokens[k + 1].text if k + 1 < len(tokens) else ""
            return () if _strip_clitic(after, _MEASURE_TABLE) else (unit,)
    return ()


def _age(folded: _Folded, start: int, end: int) -> bool:
    """Whether the number of tokens ``start:end`` is someone's age: "a
    19-year-old machinist", or set off by commas right after a capitalised
    name ("Ana Duarte, 71, died")."""
    tokens, original = folded.tokens, folded.original
    if end + 1 < len(tokens) and tokens[end].text == "year" and tokens[end + 1].text == "old" \
            and original[tokens[start].end:tokens[end].start] == "-":
        return True
    if start == 0 or end - start != 1:
        return False
    name = original[tokens[start - 1].start:tokens[start - 1].end]
    return (name[:1].isupper() and original[tokens[start - 1].end:tokens[start].start] == ", "
            and original[tokens[start].end:tokens[start].end + 1] == ",")


_CURRENCY_SIGNS = ("$", "€", "£")


def _is_conjunction(word: str) -> bool:
    return word in ("and", "و", "or") or (
        _is_arabic(word) and word.startswith("و") and _unit_of(word) is None and len(word) > 3
    )


def _units_near(tokens: Sequence[_Token], start: int, end: int,
                text: str = "") -> tuple[str, ...]:
    """Units of the nouns after (or, failing that, before) a number;
    ``text``, the tokens' text, tells where a sentence ends."""
    forward: list[str] = []
    if start > 0 and tokens[start - 1].text in _CURRENCY_SIGNS:
        forward.append(_UNIT_OF[tokens[start - 1].text])  # "$75"
    for j in range(end, min(end + 4, len(tokens))):
        word = tokens[j].text
        if word[0].isdigit() or word in _CURRENCY_SIGNS or _read_number(tokens, j) is not None:
            break  # the next number's ("the two raised $350 million": two, not dollars)
        if forward and _is_arabic(word) and word.startswith("و") and len(word) > 3:
            break  # "مقتل 11 شخصا، وإصابة 30": the 11 are not the injured
        if word == "per" and (j + 1 >= len(tokens) or tokens[j + 1].text != "cent"):
            break  # "1.2 gigabits per second": a rate ("per cent" is percent)
        unit = _unit_of(word)
        if unit in _RATE_UNITS and tokens[j - 1].text in _RATE_WORDS:
            continue  # "a day", "per hour": a rate, not what is counted
        if unit in _RATE_UNITS and j > end and (
                tokens[j - 1].text in _THIS or (_is_arabic(word) and "ال" in word[:4])):
            continue  # "killed 12 people this week", "12 قتيلا هذا الأسبوع": a time, not a count
        if word in _RIGHT_AFTER_ONLY and j != end:
            continue  # "21 bodies" are dead; "three UN bodies" are not
        if unit:
            forward.append(unit)
        elif _is_conjunction(word):
            break
    if "dead" not in forward and _lives_lost(tokens, end, text):
        forward.append("dead")  # "23 people lost their lives"
    elif (set(forward) & (_WHO | {"people"}) or tokens[end - 1].text in ("one", "nobody")) \
            and not set(forward) & _STATES and _hurt_after(tokens, end, text):
        forward.append("injured")  # "Three passengers were taken to hospital with minor injuries"
    backward: list[str] = []
    measured = False
    for j in range(start - 1, max(-1, start - 5), -1):
        word = tokens[j].text
        if word[0].isdigit():
            break
        if word in _RIGHT_AFTER_ONLY:
            continue  # "aid bodies said 300 had fled": no dead
        if word in _LOSSES and forward and set(forward) <= _ARMED \
                and tokens[start - 1].text in _LOSS_LINKS:
            backward.append("dead")  # "army losses stood at 17 soldiers"
            measured = True
            continue
        unit = _unit_of(word)
        if unit:
            backward.append(unit)
        if _strip_clitic(word, _MEASURE_TABLE):
            measured = True
    if not forward and not backward and not _year_like(tokens[start].text):
        backward = _measured_far(tokens, start, text)
    # Arabic often puts the counted noun first ("عدد القتلى إلى 45",
    # "الأسابيع الثلاثة"); look back when nothing follows or a measure word says so.
    units = forward + backward if (measured or not forward) else forward
    if start > 0 and backward and _unit_of(tokens[start - 1].text):
        units = units + backward[:1]  # "killed 52 people"
    for key in _EXCLUSIVE_UNITS:
        if key in units:
            return (key,)
    specific = [u for u in units if u not in _GENERIC_UNITS]
    return tuple(dict.fromkeys(specific or units))


# "lost their lives", "gave their lives", "claimed 23 lives": the dead.
_LIVES_LOST = re.compile(r"(?<!nearly )(?<!almost )(?<!could )(?<!would )(?<!might )(?<!may )"
                         r"(?<!to )(?<!will )\b(?:lost|gave|lose|give|losing|giving)\s+"
                         r"(?:their|his|her)\s+lives\b(?!\s+to\b)", re.IGNORECASE)
# "feared they would lose their lives", "at risk of losing their lives".
_LIVES_AT_RISK = re.compile(r"\b(?:fear\w*|risk\w*|danger|threat\w*|nearly|almost)\b",
                            re.IGNORECASE)
_TAKING = frozenset({"claimed", "cost", "costing", "claiming", "took", "taking"})
# A side's "losses" in fighters or troops are its dead ("losses" of money
# or matches are not: only a count of armed men takes this reading).
_LOSSES = frozenset({"losses"})
_LOSS_LINKS = frozenset({"at", "of", "to", "reached", "were", "was", "totalled", "totaled"})
_ARMED = frozenset({"troops", "fighters"})


# "were taken to hospital with minor injuries", "treated for injuries": the
# people a number counts were hurt. The clause ends at a conjunction or a
# comma ("5 were killed and 12 injured": the 5 are not the injured).
_HURT_RE = re.compile(r"\b(?:(?:with|treated for|suffered|suffering|sustained) (?:\w+ ){0,2}"
                      r"injur(?:y|ies)|(?:were|was|been|got) (?:\w+ )?hurt)\b", re.IGNORECASE)
_DIED_RE = re.compile(r"\b(?:died|dead|killed|succumbed)\b", re.IGNORECASE)
_CLAUSE_END = re.compile(r"[,;:]|\b(?:and|but|while|whereas|after|before)\b", re.IGNORECASE)


def _hurt_after(tokens: Sequence[_Token], end: int, text: str, reach: int = 10) -> bool:
    """Whether the clause right after a number (up to ``reach`` words, no
    other number, conjunction or sentence end in between) says its people
    were hurt: "Three passengers were taken to hospital with minor
    injuries"."""
    tail = _tail(tokens, end, text, reach)
    cut = _CLAUSE_END.search(tail)
    clause = tail[:cut.start()] if cut else tail
    return bool(_HURT_RE.search(clause)) and not _DIED_RE.search(tail)


def _tail(tokens: Sequence[_Token], end: int, text: str, reach: int) -> str:
    """The text after a number's last token ``end - 1``, up to ``reach``
    words, the next number or the end of the sentence."""
    if end >= len(tokens) or not text:
        return ""
    stop = min(end + reach, len(tokens))
    for j in range(end, stop):
        if tokens[j].text[0].isdigit():
            stop = j
            break
    if stop <= end:
        return ""
    tail = text[tokens[end - 1].end:tokens[stop - 1].end]
    cut = _SENTENCE_END.search(tail)
    return tail[:cut.start()] if cut else tail


def _lives_lost(tokens: Sequence[_Token], end: int, text: str, reach: int = 7) -> bool:
    """Whether the clause right after a number (up to ``reach`` words, no
    other number or sentence end in between) says its people lost their
    lives: "Twenty-three of our soldiers gave their lives", "the crash
    claimed 23 lives"."""
    if end >= len(tokens) or not text:
        return False
    if tokens[end].text == "lives" and end >= 2 and tokens[end - 2].text in _TAKING:
        return True  # "claimed 23 lives"
    start = end - 1
    while start > 0 and _read_number(tokens, start - 1) is not None:
        start -= 1
    if start > 0 and tokens[start - 1].text in ("of", "among"):
        return False  # "Two of the 10 climbers lost their lives": the 10 are the whole
    tail = _tail(tokens, end, text, reach)
    found = _LIVES_LOST.search(tail)
    return bool(found) and not _LIVES_AT_RISK.search(tail[:found.start()])


def _measured_far(tokens: Sequence[_Token], start: int, text: str = "",
                  reach: int = 8) -> list[str]:
    """The unit a measure word names further back than :func:`_units_near`
    looks, for a number that has no noun of its own: "the death toll from
    this week's floods to 19" counts the dead. The unit is that of the word
    right before the measure word ("death toll") or right after it, past
    "of" ("the number of people killed", "عدد القتلى"). Another number on
    the way (not a year) or the end of a sentence ends the search: the
    measure word is not this number's."""
    for j in range(start - 1, max(-1, start - 1 - reach), -1):
        word = tokens[j].text
        if _SENTENCE_END.search(text[tokens[j].end:tokens[j + 1].start]):
            return []
        if _year_like(word):
            continue
        if word[0].isdigit() or _read_number(tokens, j) is not None:
            return []
        if not _strip_clitic(word, _MEASURE_TABLE):
            continue
        after = j + 1
        if after < start and tokens[after].text in ("of", "من"):
            after += 1
        for k in (j - 1, after):
            if 0 <= k < start:
                unit = _unit_of(tokens[k].text)
                if unit:
                    return [unit]
        return []
    return []


_SENTENCE_END = re.compile(r"[.;!?؛؟]")


def _year_like(word: str) -> bool:
    """Whether a token is written like a year ("2022")."""
    return word.isdigit() and len(word) == 4 and 1900 <= int(word) <= 2100


def _interval(q: Quantity) -> tuple[float, float]:
    if q.bound == "approx":
        return q.value * 0.85, q.value * 1.15
    if q.bound == "min":
        return q.value, math.inf
    if q.bound == "max":
        return 0.0, q.value
    return q.value, q.value


# Capitalised words that name nobody: sentence openers, months and days.
_NOT_NAMES = frozenset("""
    i a an the this that these those it its he she they we his her their our my
    in on at of for by to from with after before since as but and or if when while
    mr mrs ms dr
    monday tuesday wednesday thursday friday saturday sunday
    """.split()) | _MONTHS


def _names(folded: _Folded) -> frozenset[str]:
    """The capitalised words of an English text (the names it mentions,
    folded; not acronyms), empty for Arabic, which has no capitals. The
    first word counts only when it is plainly a name: followed by a comma
    ("Assem, the co-pilot") or by another capitalised word ("Marco Rubio's")."""
    tokens, original = folded.tokens, folded.original

    def capital(k: int) -> bool:
        tok = tokens[k]
        word = original[tok.start:tok.end]
        # Proper-cased only: acronyms ("PAC", "GOP") name kinds as often as bodies.
        return word[:1].isupper() and not word.isupper() and tok.text not in _NOT_NAMES

    names = {tokens[k].text.removesuffix("'s") for k in range(1, len(tokens)) if capital(k)}
    if tokens and capital(0) and (original[tokens[0].end:tokens[0].end + 1] == ","
                                  or (len(tokens) > 1 and capital(1))):
        names.add(tokens[0].text.removesuffix("'s"))
    return frozenset(names)


def _named_apart(a: _Folded, b: _Folded) -> bool:
    """Whether two English claims each name someone or something and share
    no name: their numbers belong to different subjects ("Assem, the
    co-pilot, had logged 2,766 hours" / "Shoukair, the pilot, had logged
    6,300"; "Rubio's super PAC spent $2.5 million" / "Jeb Bush's spent $1.2
    million")."""
    names_a, names_b = _names(a), _names(b)
    return bool(names_a) and bool(names_b) and not names_a & names_b


def _orders_apart(a: Quantity, b: Quantity) -> bool:
    """Whether two values lie an order of magnitude or more apart. Two
    reports of one quantity seldom do; with a unit that does not say what is
    measured (dollars, percent, people) such values measure different things
    ("a 25 percent tax rate" and "2 percent growth")."""
    low, high = sorted((abs(a.value), abs(b.value)))
    return high >= 10 * low if low else high > 0


def _at_most(part: Quantity, whole: Quantity) -> bool:
    """Whether ``part`` may be a part of ``whole``: it may be no more."""
    return _interval(part)[0] <= _interval(whole)[1] + 1e-9


def _compatible(a: Quantity, b: Quantity) -> bool:
    lo_a, hi_a = _interval(a)
    lo_b, hi_b = _interval(b)
    return lo_a <= hi_b + 1e-9 and lo_b <= hi_a + 1e-9


def _format_quantity(q: Quantity) -> str:
    number = f"{q.value:g}" if q.value < 1e6 else f"{q.value:,.0f}"
    if q.value == int(q.value) and q.value < 1e15:
        number = str(int(q.value))
    prefix = {"exact": "", "approx": "~", "min": ">", "max": "<"}[q.bound]
    return prefix + number


# ---------------------------------------------------------------------------
# Topic words that match across Arabic and English.

_TOPIC_FORMS = {
    "troops": "قوات القوات forces troops",
    "ceasefire": "هدنه اطلاق ceasefire truce",
    "factory": "مصنع مصانع factory factories plant",
    "flood": "فيضان فيضانات سيول flood floods flooding floodwaters",
    "election": "انتخابات انتخاب اقتراع election elections polls",
    "oil": "نفط خام oil crude brent",
    "price": "سعر اسعار price prices",
    "vaccine": "لقاح لقاحات تطعيم vaccine vaccines vaccination",
    "port": "ميناء موانئ مرفا port harbour harbor",
    "fighting": "معارك معركه قتال battle fighting fight",
    "border": "حدود border borders frontier",
    "fire": "حريق حرائق نيران fire fires blaze wildfire wildfires",
}
_TOPIC_OF = {_norm(form): key for key, forms in _TOPIC_FORMS.items() for form in forms.split()}


@functools.lru_cache(maxsize=CACHE_SIZE)
def _topics(folded: _Folded, *, units: bool = True) -> frozenset[str]:
    """Bilingual topic keys of a text, from the topic (and unit) lexicons."""
    out = set()
    tables = (_TOPIC_OF, _UNIT_OF) if units else (_TOPIC_OF,)
    for tok in folded.tokens:
        for table in tables:
            found = _strip_clitic(tok.text, table)
            if found:
                out.add("#" + table[found])
    return frozenset(out)


def _numeric(a: _Folded, b: _Folded, same_thing: bool,
             later: Literal["a", "b"] | None = None) -> Reason | None:
    """The ``count`` or ``numeric`` reason of two folded claims, or None. ``same_thing``:
    the claims share a content word or topic; ``later``: which claim's
    article is dated after the other's, if known."""
    qa = [q for q in _quantities(a) if q.units]
    qb = [q for q in _quantities(b) if q.units]
    if not qa or not qb or _named_apart(a, b):
        return None  # "Assem, the co-pilot, had logged 2,766 hours" / "Shoukair, the pilot"
    for x in qa:
        for unit in x.units:
            if unit in _GENERIC_UNITS and not same_thing:
                continue
            same_a = [q for q in qa if unit in q.units]
            same_b = [q for q in qb if unit in q.units]
            if not same_b or any(_compatible(p, q) for p in same_a for q in same_b):
                continue
            p, q = same_a[0], same_b[0]
            if _TOLLS.intersection(p.units, q.units) and _grown(a, b, p, q, later):
                continue
            found = _clash(a, b, p, q, unit, same_thing,
                           single=len(same_a) == len(same_b) == 1,
                           same_units=not _units_disagree(p, q))
            if found:
                return found
    # "130 migrants" against "about a hundred people": the migrants are among
    # the people, so they cannot be more (a state, "40 injured", is no group:
    # "30 people were arrested" are not all the people there).
    for kinds_of, people_of, (m, n) in ((qa, qb, (a, b)), (qb, qa, (b, a))):
        people = [q for q in people_of if q.units == ("people",)]
        for x in kinds_of if people else ():
            for unit in [u for u in x.units if u in _GROUPS]:
                kinds = [q for q in kinds_of if unit in q.units]
                if any(_at_most(p, q) for p in kinds for q in people) \
                        or not _close(kinds[0], people[0]):
                    continue  # "11 people died" of "400 passengers": not the total
                found = _clash(m, n, kinds[0], people[0], unit, same_thing,
                               single=len(kinds) == len(people) == 1, swapped=m is b,
                               subset=True)
                if found:
                    return found
    return None


# "..., while police put the figure at about 8,000": a claim that is only a
# source's figure for what the other claim of its sentence counts.
_FIGURE_RE = re.compile(r"(?:the|its|their|his|her)\s+(?:[^\W\d]+\s+){0,2}?"
                        r"(?:figure|number|estimate|turnout|crowd)\s+at\s")
# Two figures of one crowd differ by much (organisers against police), but
# a count 20 times another is of something else.
_FIGURES_APART = 20


def _figure_clash(a: _Folded, b: _Folded, context_a: str | None,
                  context_b: str | None) -> Reason | None:
    """The ``count`` reason of a claim that puts a figure on something
    ("the figure at about 8,000", from "police put the figure at ...") and
    the other claim of its own sentence, whose count it answers ("more than
    50,000 people had taken part"): the article sets the two side by side
    as two sources' figures for one count, so values that cannot both hold
    clash, whatever the figure counts. None otherwise."""
    for figure, other, context, swapped in ((a, b, context_a, False), (b, a, context_b, True)):
        if not context or not _FIGURE_RE.match(figure.text):
            continue
        if other.text.strip() not in _fold(context).text:
            continue  # not the other claim of its sentence
        bare = [q for q in _quantities(figure) if not q.units]
        counts = [q for q in _quantities(other)
                  if q.units and not set(q.units) & set(_EXCLUSIVE_UNITS)]
        if len(bare) != 1 or len(counts) != 1 or _compatible(bare[0], counts[0]):
            continue
        if set(counts[0].units) & _STATES or not set(counts[0].units) & (_WHO | {"people"}):
            continue  # "4 officers were injured, while organisers put the turnout at ..."
        low, high = sorted((bare[0].value, counts[0].value))
        if high > _FIGURES_APART * max(low, 1):
            continue  # "3 people were arrested" / "the turnout at 100,000"
        first, second = (counts[0], bare[0]) if swapped else (bare[0], counts[0])
        return Reason("count", f"{_format_quantity(first)} vs {_format_quantity(second)} "
                      f"({counts[0].units[0]})", KIND_WEIGHTS["count"])
    return None


# What befell people, and who they are: two counts that name different ones
# ("soldiers killed" / "soldiers wounded", "civilians killed" / "militants
# killed") count different people, whatever else they share.
_STATES = frozenset({"dead", "injured", "missing", "displaced"})
_WHO = _GROUPS | {"workers"}


def _units_disagree(p: Quantity, q: Quantity) -> bool:
    """Whether two quantities name different states or groups of people, or
    one names a group the other does not ("killed 30 people" against "20
    soldiers died": the soldiers may be among the 30, unless they are more:
    "nobody was killed" / "16 civilians were killed")."""
    if bool(set(p.units) & _WHO) != bool(set(q.units) & _WHO):
        group, total = (p, q) if set(p.units) & _WHO else (q, p)
        return _at_most(group, total)
    return any(set(p.units) & family and set(q.units) & family
               and not set(p.units) & set(q.units) & family for family in (_STATES, _WHO))


# What keeps two close counts from being two reports of one count, though
# they may still give a numeric reason: a plan, a target or a capacity
# against what happened ("plans to deploy 5,000" / "3,000 have been
# deployed", "designed to carry 300"); a rate ("about 300 a day"); a range
# ("between 20 and 30"); or two claims anchored to different times
# ("yesterday" / "today", "in 2021" / "in 2022", "on Monday" / "on Tuesday").
_PLANNED_RE = re.compile(_word(
    r"plan|plans|planned|planning|aim|aims|aimed|aiming|target|targets|targeted|designed|"
    r"built|licensed|capacity|expect|expects|expected|would|will|"
    r"could|can|able|[تي]عتزم|[تي]خطط|المقرر|[تي]تسع|سعه|طاقه\w*|مرخص\w*|"
    r"[وف]?س[تين]\w+"))
_RATE_RE = re.compile(_word(
    r"daily|(?:every|each|a|per) (?:day|week|month)|يوميا|اسبوعيا|شهريا|كل (?:يوم|اسبوع|شهر)"))
_RANGE_BEFORE = dict.fromkeys(_words("between بين"))
_TIME_WORDS = dict.fromkeys([*_words(
    """yesterday today tonight monday tuesday wednesday thursday friday saturday sunday
    امس اليوم الاحد الاثنين الثلاثاء الاربعاء الخميس الجمعه السبت"""), *_MONTHS])


@functools.lru_cache(maxsize=CACHE_SIZE)
def _times(folded: _Folded) -> frozenset[str]:
    """The day, month and year words of a claim ("yesterday", "Monday",
    "March", "2022"), folded."""
    out = set()
    for i, tok in enumerate(folded.tokens):
        word = _strip_clitic(tok.text, _TIME_WORDS) if _is_arabic(tok.text) \
            else tok.text
        if word in _TIME_WORDS or _year_like(tok.text):
            out.add(word)
        elif tok.text in ("last", "this", "next") and i + 1 < len(folded.tokens) \
                and folded.tokens[i + 1].text in ("week", "month", "year"):
            out.add(f"{tok.text} {folded.tokens[i + 1].text}")
    return frozenset(out)


def _one_count(a: _Folded, b: _Folded, p: Quantity, q: Quantity,
               around_a: _Folded, around_b: _Folded) -> bool:
    """Whether nothing says that two close counts of the same people or
    things are other than two reports of one count (the notes above)."""
    if _PLANNED_RE.search(around_a.text) or _PLANNED_RE.search(around_b.text):
        return False
    if _RATE_RE.search(a.text) or _RATE_RE.search(b.text):
        return False
    for folded, quantity in ((a, p), (b, q)):
        first, _ = _token_range(folded, quantity)
        if any(_strip_clitic(t.text, _RANGE_BEFORE)
               for t in folded.tokens[max(0, first - 3):first]):
            return False  # "between 20 and 30": either end
    times_a, times_b = _times(a), _times(b)
    if times_a and times_b and not times_a & times_b:
        return False
    # A count of people or things in no state (not the dead, the injured,
    # the missing, the displaced), neither none nor a bare count, is one
    # count only where both claims say how many were there ("130 migrants
    # aboard", "5,000 troops deployed", "their number is 64"): "300 homes
    # destroyed" / "500 damaged", "5 soldiers killed" / "8 wounded" (no state
    # word in Arabic) count two things.
    if set(p.units) & _STATES or 0 in (p.value, q.value) or _bare(a) or _bare(b):
        return True
    return bool(_PRESENT_RE.search(a.text) and _PRESENT_RE.search(b.text))


_PRESENT_RE = re.compile(_word(
    r"aboard|on board|carrying|carried|carries|inside|employs|employed|there were|"
    r"deployed|stationed|[يت]نتشر\w*|[وف]?(?:ال)?منتشر\w*|"
    r"toll|number|total|tally|count|"
    r"علي متن|[يت]قل|[يت]حمل|كان[تا]? [يت]حمل|[يت]ضم|كان[تا]? [يت]ضم|[وف]?(?:ال)?عدد\w*|"
    r"[وف]?(?:ال)?حصيله|[وف]?اجمالي"))


def _clash(a: _Folded, b: _Folded, p: Quantity, q: Quantity, unit: str, same_thing: bool,
           *, single: bool, same_units: bool = True, swapped: bool = False,
           subset: bool = False) -> Reason | None:
    """The ``count`` or ``numeric`` reason for quantities ``p`` of ``a`` and
    ``q`` of ``b``, whose values cannot both hold, unless something says
    they measure different things. ``single``: each claim counts this unit
    once; ``same_units``: the two quantities name the same people (not
    "soldiers killed" against "soldiers wounded", :func:`_units_disagree`); ``subset``: ``p`` counts
    a group among the people ``q`` counts."""
    if _difference(a, p) or _difference(b, q):
        return None  # "£300 less than what the Tories offered": a gap, not an amount
    if unit in _GENERIC_UNITS and _orders_apart(p, q):
        return None  # "$75,000 to the convention" vs "raising $64 million"
    around_a, around_b = _around(a, p), _around(b, q)
    if _part(around_a, a, p) != _part(around_b, b, q):
        return None  # "400 soldiers will stay" is a part of "2,000 troops"
    specific = unit not in _GENERIC_UNITS
    # The words next to the two numbers say they measure one thing, or one
    # claim is nothing but the count ("130 مهاجرا").
    measured = _same_measure(around_a, around_b, _script(a) != _script(b)) or (
        single and specific and (_bare(a) or _bare(b)))
    # One count of one kind of people or things in each of two claims on one
    # thing, the counts close, as two reports of one count are ("5 soldiers
    # lost" and "10,000 soldiers took part" count two things): numeric only.
    loose = single and specific and _close(p, q) and same_thing and not subset
    if not (measured or loose):
        return None
    first, second = (q, p) if swapped else (p, q)
    # Close counts of one kind of people or things, measured alike, are two
    # reports of one count; a unit that does not say what is measured
    # (percent, dollars), counts far apart, or other words around them may
    # still measure two things.
    kind = "count" if (measured and same_units and specific and _close(p, q)
                       and _one_count(a, b, p, q, around_a, around_b)) else "numeric"
    return Reason(kind, f"{_format_quantity(first)} vs {_format_quantity(second)} ({unit})",
                  KIND_WEIGHTS[kind])


# Counts that only grow as an event goes on (the dead, the injured), and
# the words that say a count has grown ("the toll rose to 31", "bringing
# the death toll to 19", "ارتفع عدد القتلى إلى 31").
_TOLLS = frozenset({"dead", "injured"})
_RISE_RE = re.compile(_word(
    r"rise|rises|rose|risen|rising|climb\w*|jump\w*|bringing|brings|brought|"
    r"increas\w*|[وفل]?(?:[اي]رتفع\w*|ترتفع\w*|ليرتفع\w*)|[وفل]?(?:ب|ل)?ارتفاع"))


def _grown(a: _Folded, b: _Folded, p: Quantity, q: Quantity,
           later: Literal["a", "b"] | None) -> bool:
    """Whether the larger of two tolls reads as the smaller one grown: its
    article is dated later, or a word before it says it rose ("21 bodies" on
    Saturday, "bringing the toll to 31" on Sunday: an update, not a clash),
    and not before the smaller ("the toll rose to 45" / "... rose to 60" are
    two figures of one moment). A later toll that is smaller still clashes:
    the dead do not come back."""
    if p.value == q.value:
        return False
    (larger, folded, side), (smaller, other) = (
        ((p, a, "a"), (q, b)) if p.value > q.value else ((q, b, "b"), (p, a)))
    if later is not None:
        return later == side
    return _risen(folded, larger) and not _risen(other, smaller)


def _risen(folded: _Folded, q: Quantity) -> bool:
    """Whether a word between the previous number and ``q`` says it rose."""
    before = [o for o in _quantities(folded) if o.span[1] <= q.span[0]]
    start = before[-1].span[1] if before else 0
    return bool(_RISE_RE.search(_fold(folded.original[start:q.span[0]]).text))


def _close(a: Quantity, b: Quantity) -> bool:
    """Whether two values lie within a factor of two of each other, or one
    of them counts none ("no homes" against "eight homes")."""
    low, high = sorted((abs(a.value), abs(b.value)))
    return high <= 2 * low or (low == 0 and a.bound == b.bound == "exact")


def _bare(folded: _Folded) -> bool:
    """Whether a claim says nothing but a count ("130 مهاجرا", "about 8,000")."""
    return not [k for k in _content(folded) if not any(key in _NOT_THE_MEASURE for key in k)]


# Words that make a number a part or a change of a total ("cut 300 jobs",
# "400 soldiers will stay", "2,000 troops will return to their barracks",
# "قرض آخر بقيمة 150 مليون دولار": another loan):
# such a number does not contradict the total. "بقي" (remained) is not the
# start of "بقيمة" (worth), which comes before most Arabic sums of money.
_PART_RE = re.compile(
    _word(
        r"cut|cuts|lay|laid|layoffs?|shed|remain\w*|stay\w*|additional|another|extra|"
        r"(?<!no )(?<!not )more|further|new|among|rest|other|return\w*|withdraw\w*|"
        r"[وف]?(?:ال)?(?:تسريح|الغاء|خفض|اضافي\w*|اخر|اخري|اخرين|اخرون|جديد\w*|بقيه)|"
        r"من بينهم|[وف]?س?[يتن]بق\w*|[وف]?بقي(?!م)\w*|(?:ال)?متبقي\w*|"
        r"[وف]?س?[يتن]عود\w*|[وف]?(?:ال)?عوده|[وف]?عاد(?:وا|ت)?|"
        r"[وف]?س?[يتن]نسحب\w*|[وف]?(?:ال)?انسحاب|[وف]?انسحب\w*|[وف]?س?[يتن]?سحب\w*"
    )
)


# A comparative right after a number (its unit words between): the number is
# a difference ("£300 less than", "five more soldiers than"), not an amount.
_DIFFERENCE = re.compile(
    r"^\W*(?:\w+\W+){0,2}?(?:less|fewer|lower|higher|smaller|larger|bigger|greater|"
    r"cheaper|more)\s+than\b")


def _difference(folded: _Folded, q: Quantity) -> bool:
    return bool(_DIFFERENCE.match(folded.original[q.span[1]:q.span[1] + 60].lower()))


def _token_range(folded: _Folded, q: Quantity) -> tuple[int, int]:
    """The first and last token positions of quantity ``q`` in ``folded``."""
    index = [i for i, t in enumerate(folded.tokens) if q.span[0] <= t.start < q.span[1]]
    return index[0], index[-1]


def _around(folded: _Folded, q: Quantity, width: int = 6) -> _Folded:
    """The few words either side of a quantity, as their own folded text,
    up to the neighbouring numbers: "مقتل 11 شخصا، وإصابة 30 آخرين" gives
    the 11 the words before the 30, not "آخرين" (others), which is the 30's."""
    tokens = folded.tokens
    first, last = _token_range(folded, q)
    lo = max(0, first - width)
    hi = min(len(tokens), last + 1 + width)
    for other in _quantities(folded):
        if other.span[1] <= q.span[0]:
            lo = max(lo, 1 + max(i for i, t in enumerate(tokens) if t.start < other.span[1]))
        elif other.span[0] >= q.span[1]:
            hi = min(hi, min(i for i, t in enumerate(tokens) if t.start >= other.span[0]))
    return _fold(folded.original[tokens[lo].start : tokens[hi - 1].end])


# Rescue words right before or after a number: those rescued are a part of
# those aboard or missing ("إنقاذ 41 مهاجرا", "41 migrants were rescued", "41
# survivors"); rescue teams that only tell the toll ("قالت فرق الإنقاذ إن
# عدد القتلى بلغ 12") do not count.
_RESCUED_BEFORE = _words("rescued saved انقاذ وانقاذ بانقاذ انقذت وانقذت انقذ وانقذ انقذوا")
_RESCUED_AFTER = _words("rescued saved survived")
_SURVIVORS = _words("survivors ناجين ناجيا ناجون")


def _rescued(folded: _Folded, q: Quantity) -> bool:
    """Whether a rescue word governs quantity ``q``: a verb one of the two
    words before it or of the four after it, or "survivors" right after it."""
    tokens = folded.tokens
    first, last = _token_range(folded, q)
    before = {t.text for t in tokens[max(0, first - 2):first]}
    after = [t.text for t in tokens[last + 1:last + 5]]
    return bool(before & _RESCUED_BEFORE or set(after) & _RESCUED_AFTER
                or after[:1] and after[0] in _SURVIVORS)


def _part(around: _Folded, whole: _Folded, q: Quantity) -> bool:
    """Whether quantity ``q`` (with ``around``, the words next to it) is a
    part or a change of a total."""
    return bool(_PART_RE.search(around.text)) or _rescued(whole, q)


def _same_measure(a: _Folded, b: _Folded, cross: bool) -> bool:
    """Whether two quantities' surroundings say they measure the same thing
    (a part against a total, :func:`_part`, is checked before)."""
    if cross:
        return True  # no shared words to expect; the unit has to do
    words_a = [k for k in _content(a) if not any(key in _NOT_THE_MEASURE for key in k)]
    words_b = [k for k in _content(b) if not any(key in _NOT_THE_MEASURE for key in k)]
    return (not words_a and not words_b) or bool(_shared(words_a, words_b))


# A unit or a scale word says nothing of what is measured: "$350 million
# raised" and "$28 million spent" share only "million".
_NOT_THE_MEASURE = frozenset(_UNIT_OF) | frozenset(_SCALES) | frozenset(_PLURAL_SCALES) \
    | frozenset(_DUALS)


@functools.lru_cache(maxsize=CACHE_SIZE)
def _script(folded: _Folded) -> str:
    return "ar" if any(_is_arabic(t.text) for t in folded.tokens) else "latin"
