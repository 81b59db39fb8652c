"""Numbers and what they count, in Arabic and English: digits and number
words, the nouns that say what a number counts (units), bounds ("about",
"more than"), counts of none ("no homes", "all passengers were
unharmed") and the state of the people counted (the dead, the injured).
:mod:`claimcheck.reasons.numbers` compares what this module reads."""

from __future__ import annotations

import functools
import re
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Literal

from claimcheck.reasons import lexicon_world
from claimcheck.reasons.fold import (
    CACHE_SIZE,
    _fold,
    _Folded,
    _is_arabic,
    _norm,
    _Token,
    _words,
)
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
    fraction : bool
        A fraction of a whole read as a percentage ("a third of", "نصف"):
        a rounder figure than a percentage written in digits.
    """

    value: float
    units: tuple[str, ...]
    text: str
    span: Span
    bound: Bound = "exact"
    fraction: bool = False


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
# A fraction of a scale word is a number: "half a million", "نصف مليون".
_SCALE_FRACTIONS = {"half": 0.5, "نصف": 0.5, "ربع": 0.25}

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
for _cue, _bound in lexicon_world.BOUND_CUES.items():
    _BOUND_CUES.setdefault(_norm(_cue), _bound)  # type: ignore[arg-type]

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
# French, Spanish, Portuguese, Italian, German, Turkish and Indonesian
# (:mod:`~claimcheck.reasons.lexicon_world`); an Arabic or English form
# keeps its key.
for _key, _forms in lexicon_world.UNIT_FORMS.items():
    for _form in _forms.split():
        _UNIT_OF.setdefault(_norm(_form), _key)

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
_LABEL_WORDS = dict.fromkeys(_words("flight flights resolution article رحله قرار ماده رقم "
                                    + lexicon_world.LABEL_WORDS))


_DIGITS_RE = re.compile(r"\d[\d.,]*")


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
    raw = _DIGITS_RE.match(raw).group().rstrip(".,")  # "5²": the 5
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


def _a_half_at(tokens: Sequence[_Token], k: int) -> bool:
    """Whether tokens ``k`` and ``k + 1`` are "a half" ("two and a half")."""
    return k + 1 < len(tokens) and tokens[k].text == "a" and tokens[k + 1].text == "half"


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
        if w[0].isdecimal():  # not "²", which is a digit but no number
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
        if w == "one" and not seen and nxt == "and" and _a_half_at(tokens, j + 2):
            current = 1.0  # "one and a half million": the half is added below
            seen = True
            j += 1
            continue
        if w in _SCALE_FRACTIONS and not seen:
            k = j + 1 + (nxt in ("a", "an"))
            scale = tokens[k].text if k < len(tokens) else ""
            if scale in _SCALES and scale not in _SUFFIX_SCALES:
                current = _SCALE_FRACTIONS[w]  # "half a million", "نصف مليون"
                seen = True
                j = k
                continue
            break
        if w in ("a", "an", "one") and not seen:
            if nxt in ("hundred", "thousand", "million", "billion", "dozen"):
                current = 1.0
                seen = True
                j += 1
                continue
            break
        if w == "and" and seen and _a_half_at(tokens, j + 1):
            current += 0.5  # "two and a half million"
            j += 3
            continue
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
                if nxt == "ونصف":  # "مليون ونصف", "مليون ونصف المليون": 1.5 million
                    total += 0.5 * _SCALES[bare]
                    j += 1
                    after = tokens[j + 1].text if j + 1 < len(tokens) else ""
                    j += _strip_clitic(after, _SCALES) == bare
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
        fraction = _fraction(tokens, i)
        read = fraction or _read_number(tokens, i) or _zero(tokens, i)
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
        # "Two of the 10 climbers died", "half of the 400 passengers were
        # injured": the 10 are the whole group, of which only the two are in
        # the state.
        whole = start >= 3 and tokens[start - 1].text == "the" and tokens[start - 2].text == "of" \
            and (_read_number(tokens, start - 3) is not None
                 or bool(out) and out[-1].fraction and out[-1].span[1] == tokens[start - 3].end)
        # A count of none takes the noun right after it; "no one" and
        # "nobody" what they did ("no one was killed": none dead).
        if fraction:
            units: tuple[str, ...] = ("percent",)
        else:
            units = (_zero_units(tokens, end) if value == 0 and tokens[end - 1].text
                     not in _NO_ONE else _units_near(tokens, start, end, folded.original))
        if value == 0 and not units:
            continue  # "no doubt", "none said": no count of anything
        if whole:
            units = tuple(u for u in units if u not in _STATES)
        first = tokens[start].text
        if _year_like(first) and 1900 <= value <= 2100:
            after = tokens[end].text if end < len(tokens) else ""
            if not units or (before and before[-1] in _YEAR_CUES and not _unit_of(after)):
                continue  # a year: "عام 2014", "in 2019"
        bound: Bound = "approx" if fraction else "exact"  # "a third": roughly
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
                fraction=fraction is not None,
            )
        )
    out = _without_conversions(out, folded.original)
    unharmed = _unharmed(folded)
    if unharmed is not None and not any(q.value == 0 and "injured" in q.units for q in out):
        out.append(unharmed)
        out.sort(key=lambda q: q.span)
    return tuple(out)


_MONEY = frozenset({"dollars", "euros", "pounds"})
# What lies between an amount and its conversion: up to two words (the
# currency, "roubles") and an opening parenthesis ("14bn euros ($18.34bn"),
# or words that say the next amount is the same one ("£4bn, or $7.4bn", "50
# مليار ين، ما يعادل 456 مليون دولار"), perhaps a word of approximation
# ("(about $7.4bn"); or, between two conversions in one parenthesis, a
# separator ("; £9.6bn").
_APPROXIMATELY = r"(?:[Aa]bout|[Aa]round|roughly|nearly|some|approximately|almost|" \
    r"نحو|حوالي|قرابه|قرابة|زهاء)"
_TO_CONVERSION = re.compile(
    r"\s*(?:[^\W\d]+\s*){0,2}(?:\(|[,،]?\s*(?:or|equivalent\s+to|(?:أي\s+|وهو\s+)?ما\s+"
    r"(?:يعادل|يوازي))\s)\s*(?:" + _APPROXIMATELY + r"\s+)?(?:[A-Z]{1,2}(?=\$))?[$€£~]?\s*\Z")
_NEXT_CONVERSION = re.compile(r"\s*(?:[;,/]|or)\s*(?:[A-Z]{1,2}(?=\$))?[$€£~]?\s*\Z")
# A number with no currency the lexicon knows ("260.75bn roubles") is
# taken for an amount of money from this size up: "the 3 suspects (£40,000
# each)" converts nothing.
_CONVERTED_FROM = 100


def _without_conversions(found: list[Quantity], text: str) -> list[Quantity]:
    """``found`` without the amounts of money that convert the amount
    before them into other currencies ("debts of 14bn euros ($18.34bn;
    £9.6bn)", "260.75bn roubles (£4.8bn; $9.4bn)"): they are that amount
    again, and a reason that read them as amounts of their own would compare
    one claim's conversion with another claim's figure. A sum in the same
    currency ("$5bn ($2bn in cash)", "$5m (vs $7m a year earlier)") is a
    part or another figure, and stays."""
    kept: list[Quantity] = []
    currencies: set[str] = set()  # of the amount converted and its conversions so far
    last_end = 0
    for q in found:
        gap = text[last_end:q.span[0]]
        last_end = q.span[1]
        money = _currencies(q, text)
        if money and kept:
            chain = currencies or _currencies(kept[-1], text)
            if not money & chain and (
                    currencies and _NEXT_CONVERSION.match(gap)
                    or not currencies and _TO_CONVERSION.match(gap) and _converts(kept[-1])):
                if not currencies and "dollars" in money and "dollars" in kept[-1].units:
                    # "C$5bn ($3.7bn)": the amount read as dollars is a local
                    # dollar; its US-dollar conversion is the one to compare.
                    kept[-1] = q
                currencies = chain | money
                continue
        currencies = set()
        kept.append(q)
    return kept


# "C$5bn", "A$", "HK$", "NZ$", "S$": dollars of another country ("US$" is
# the plain dollar).
_LOCAL_DOLLAR = re.compile(r"\b([A-Z]{1,2})\$\s*\Z")


def _currencies(q: Quantity, text: str) -> set[str]:
    """The currencies of an amount, a local dollar told from the US one."""
    money = set(q.units) & _MONEY
    local = _LOCAL_DOLLAR.search(text, max(0, q.span[0] - 4), q.span[0])
    if "dollars" in money and local and local.group(1) != "US":
        return money - {"dollars"} | {local.group(1) + "$"}
    return money


def _converts(q: Quantity) -> bool:
    """Whether ``q`` may be an amount of money a conversion follows: its
    unit is a currency, or it has none and is no small count."""
    return bool(set(q.units) & _MONEY) or not q.units and q.value >= _CONVERTED_FROM


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
    r"\b(?:except|all but|save for|apart from|besides|other than)\b"
    r"|(?<!\w)(?:باستثناء|عدا|سوي|الا|ما عدا)(?!\w)")
_HEDGE_BEFORE = frozenset(_words("almost nearly not virtually practically most تقريبا معظم"))
_IRREALIS_RE = re.compile(
    r"\b(?:hope[sd]?|hoping|ensure[sd]?|pray\w*|wish\w*|expect\w*|would|will|could|should|"
    r"may|might|must|remain|remained)\b|(?<!\w)(?:[يتن]امل|امل|نرجو|[يت]جب)(?!\w)")
# "that" opens a clause only after "all": "قال المتحدث إن جميع الركاب لم
# يصابوا بأذى" is the spokesman's claim that none was hurt.
_NEW_CLAUSE_RE = re.compile(r"\b(?:said|says|told|and|while|whereas)\b"
                            r"|(?<!\w)(?:ان|انه|انهم|قال|قالت)(?!\w)")


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
    clause_end = next((m.start() for m in _SENTENCE_END.finditer(text, harm.end())), len(text))
    if (before and before[0] in _HEDGE_BEFORE) \
            or _NOT_ALL_RE.search(text, clause_start, clause_end) \
            or _IRREALIS_RE.search(text, clause_start, harm.start()) \
            or _NEW_CLAUSE_RE.search(text, everyone.end(), harm.start()):
        return None
    if not _names_people(folded, everyone.end()):
        return None  # "all hostages were unharmed": not a count this rule can place
    # Only the injured are none: "all passengers were unharmed" says
    # nothing against "three passengers were taken to hospital as a
    # precaution".
    return _zero_quantity(folded, everyone.start(), harm.end(), ("injured",))


def _names_people(folded: _Folded, at: int) -> bool:
    """Whether people of some kind are named within three words after the
    folded offset ``at`` ("all 186 people", "all the passengers", "جميع
    ركاب")."""
    start = folded.offsets[at] if at < len(folded.offsets) else len(folded.original)
    return any(_unit_of(t.text) in _PEOPLE
               for t in [t for t in folded.tokens if t.start >= start][:3])


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
         ("not", "a", "single"): 0, ("not", "one"): 0,
         **{tuple(map(_norm, words)): 0 for words in lexicon_world.ZERO_WORDS}}
_NOT_ZERO_AFTER = frozenset("more fewer less longer later sooner matter doubt".split())
# The last word of a count of none that counts what its people did ("no one
# was killed": none dead), not the noun after it.
_NO_ONE = frozenset({"one", "nobody"})


# Fractions of a whole, read as percentages: "a third of its capacity",
# "two thirds of the seats", "half of the workers", "ثلث طاقته", "نصف
# السكان", "ثلاثة أرباع". In English the whole follows "of" (or a
# determiner after "half"). Not fractions: ordinals ("the third day",
# "third-quarter profit"), halves of a time ("the second half of the year",
# "half an hour", "ساعة ونصف"), a cut ("cut in half", "by half"), a part of
# something measured or of a time ("a quarter of a century", "a third of the
# way", "half the battle", "ربع النهائي", "نصف قرن"), and the Arabic verb
# "نصف" (we describe) after a particle ("أن نصف").
_EN_DENOMINATORS = {"half": 2, "halves": 2, "third": 3, "thirds": 3, "quarter": 4,
                    "quarters": 4, "fifth": 5, "fifths": 5, "tenth": 10, "tenths": 10}
_EN_NUMERATORS = {"a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "nine": 9}
_EN_WHOLE_OPENERS = frozenset(_words("the its their his her our all those these this that"))
_NO_FRACTION_BEFORE = frozenset(_words("first second third last final latter other back front by"))
_NO_HALF_BEFORE = _NO_FRACTION_BEFORE | frozenset(_words("in and a an"))
_NOT_A_WHOLE = frozenset(_words("""
    battle story life lives way distance time times century centuries decade decades
    hour hours minute minutes second seconds day days week weeks month months year years
    season term game match mile miles inch percentage point points price size length
    نهائي النهائي سنوي السنوي قطر القطر قرن القرن دقيقه الدقيقه وقت الوقت مسافه المسافه
    طريق الطريق عمر العمر مده المده"""))
_AR_FRACTIONS = {"نصف": 50.0, "ثلث": 100 / 3, "ربع": 25.0, "ثلثي": 200 / 3, "ثلثا": 200 / 3}
_AR_FRACTION_PREFIXES = ("", "ب", "ل", "ف")
_AR_VERB_BEFORE = frozenset(_words("ان لن لم لا ما قد سوف كي لكي"))


def _a_whole(tokens: Sequence[_Token], k: int) -> bool:
    """Whether the words from ``k`` name a whole a fraction can be of: not a
    time, a distance, or a measure (:data:`_NOT_A_WHOLE`), nor a unit or a
    scale word ("half a million" is a number)."""
    if k >= len(tokens):
        return False
    words = [t.text for t in tokens[k:k + 3]]
    if words[0] in _SCALES or words[0] in _DUALS or _unit_of(words[0]) in _RATE_UNITS:
        return False
    return not any(w in _NOT_A_WHOLE for w in words)


def _fraction(tokens: Sequence[_Token], i: int) -> tuple[float, int] | None:
    """A fraction of a whole that starts at token ``i``, as a percentage,
    and the next index; None when there is none."""
    w = tokens[i].text
    nxt = tokens[i + 1].text if i + 1 < len(tokens) else ""
    before = tokens[i - 1].text if i > 0 else ""
    if _is_arabic(w):
        if before in _AR_VERB_BEFORE:
            return None
        for prefix in _AR_FRACTION_PREFIXES:
            bare = w[len(prefix):] if w.startswith(prefix) else None
            if bare in _AR_FRACTIONS and _is_arabic(nxt) and _a_whole(tokens, i + 1) \
                    and not _strip_clitic(nxt, _UNIT_OF):
                return _AR_FRACTIONS[bare], i + 1
        if w == "ثلاثه" and nxt == "ارباع" and _a_whole(tokens, i + 2):
            return 75.0, i + 2
        return None
    if before in _NO_FRACTION_BEFORE:
        return None
    if w == "half" and before not in _NO_HALF_BEFORE and (nxt == "of" or nxt in _EN_WHOLE_OPENERS) \
            and _a_whole(tokens, i + 1 + (nxt == "of")):
        return 50.0, i + 1
    if w in _EN_NUMERATORS and nxt in _EN_DENOMINATORS and nxt not in ("half", "halves"):
        after = tokens[i + 2].text if i + 2 < len(tokens) else ""
        plural = nxt.endswith("s")
        if after == "of" and plural == (_EN_NUMERATORS[w] > 1) and _a_whole(tokens, i + 3):
            return 100.0 * _EN_NUMERATORS[w] / _EN_DENOMINATORS[nxt], i + 2
    return None


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


# An article after the counted noun opens another noun phrase.
_ARTICLES = frozenset({"a", "an", "the"})


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
        elif _is_conjunction(word) or (forward and word in _ARTICLES):
            break  # "230 people aboard a passenger ferry": the ferry is not counted
    if "dead" not in forward and _lives_lost(tokens, start, end, text):
        forward.append("dead")  # "23 people lost their lives"
    elif (set(forward) & _PEOPLE or tokens[end - 1].text in _NO_ONE) \
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
                      r"injur(?:y|ies)|(?:were|was|been|got) (?:(?!not\b|never\b)\w+ )?hurt)\b",
                      re.IGNORECASE)
_DIED_RE = re.compile(r"\b(?:died|dead|killed|succumbed)\b", re.IGNORECASE)
_CLAUSE_END = re.compile(r"[,;:]|\b(?:and|but|while|whereas|after|before)\b", re.IGNORECASE)


def _hurt_after(tokens: Sequence[_Token], end: int, text: str, reach: int = 10) -> bool:
    """Whether the clause right after a number (up to ``reach`` words, no
    other number, conjunction or sentence end in between) says its people
    were hurt: "Three passengers were taken to hospital with minor
    injuries"."""
    tail = _tail(tokens, end, text, reach)
    return bool(_HURT_RE.search(_clause(tail))) and not _DIED_RE.search(tail)


def _clause(tail: str) -> str:
    """A :func:`_tail` up to the end of its clause (:data:`_CLAUSE_END`)."""
    cut = _CLAUSE_END.search(tail)
    return tail[:cut.start()] if cut else tail


def _tail(tokens: Sequence[_Token], end: int, text: str, reach: int) -> str:
    """The text after a number's last token ``end - 1``, up to ``reach``
    words, the next number or the end of the sentence."""
    if end >= len(tokens) or not text:
        return ""
    stop = min(end + reach, len(tokens))
    for j in range(end, stop):
        if tokens[j].text[0].isdigit() or _read_number(tokens, j) is not None:
            stop = j  # the next number's words ("... and two lost their lives")
            break
    if stop <= end:
        return ""
    tail = text[tokens[end - 1].end:tokens[stop - 1].end]
    cut = _SENTENCE_END.search(tail)
    return tail[:cut.start()] if cut else tail


def _lives_lost(tokens: Sequence[_Token], start: int, end: int, text: str,
                reach: int = 7) -> bool:
    """Whether the clause right after the number of tokens ``start:end`` (up
    to ``reach`` words, no other number or sentence end in between) says its
    people lost their lives: "Twenty-three of our soldiers gave their
    lives", "the crash claimed 23 lives"."""
    if end >= len(tokens) or not text:
        return False
    if tokens[end].text == "lives" and end >= 2 and tokens[end - 2].text in _TAKING:
        return True  # "claimed 23 lives"
    if start > 0 and tokens[start - 1].text in ("of", "among"):
        return False  # "two of 10 climbers lost their lives": the 10 are the whole
    tail = _clause(_tail(tokens, end, text, reach))
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
    return word.isdecimal() and len(word) == 4 and 1900 <= int(word) <= 2100



# The states people counted are in, and who they are; people of any kind.
_STATES = frozenset({"dead", "injured", "missing", "displaced"})
_WHO = _GROUPS | {"workers"}
_PEOPLE = _WHO | {"people"}

