"""Visible evidence that two claims contradict each other.

The NLI model gives a probability; this module looks for things a journalist
can point at in the two texts and that make a contradiction more likely:

``numeric``
    the same quantity (same unit or noun) with values that cannot both hold
    ("2000 vs 400 (troops)");
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

import math
import re
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Literal

from claimcheck.types import Span

KINDS = ("numeric", "negation", "temporal", "antonym", "reported")
"""The reason kinds, in the order :func:`find_reasons` reports them."""

KIND_WEIGHTS = {
    "numeric": 1.5,
    "negation": 1.0,
    "temporal": 1.0,
    "antonym": 1.0,
    "reported": 5.0,
}
"""Default log-odds bump of each kind (see :func:`combine`)."""

MAX_BOOST = 3.0
"""Cap on the total log-odds bump that :func:`combine` adds."""

Bound = Literal["exact", "approx", "min", "max"]


@dataclass(frozen=True)
class Reason:
    """One piece of visible evidence that two claims contradict each other.

    Attributes
    ----------
    kind : str
        One of :data:`KINDS`.
    detail : str
        A short text a journalist can check ("2000 vs 400 (troops)").
    weight : float
        How much this reason raises the log-odds of a contradiction in
        :func:`combine`; non-negative.
    """

    kind: str
    detail: str
    weight: float


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


# ---------------------------------------------------------------------------
# Folding: one comparable form for Arabic and English text, with offsets back
# into the original so that details quote the input as written.

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


@dataclass(frozen=True)
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
        # Accusative tanween: "قتيلا" -> "قتيل", "خرقا" -> "خرق".
        out |= stems | bases | {w[:-1] for w in stems if w.endswith("ا") and len(w) >= 4}
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


def _content(folded: _Folded, exclude: frozenset[str] = frozenset()) -> list[frozenset[str]]:
    """Key sets of the content words of a text (no stopwords, numbers, cues)."""
    seen: set[str] = set()
    out = []
    for tok in folded.tokens:
        w = tok.text
        if w in seen or not w[0].isalpha() or len(w) < 2 or w in exclude:
            continue
        seen.add(w)
        keys = _keys(w)
        if keys & _STOPWORDS or keys & exclude:
            continue
        out.append(keys)
    return out


def _shared(a: list[frozenset[str]], b: list[frozenset[str]]) -> list[str]:
    """Content words of ``a`` (one key each) that also occur in ``b``."""
    pool: set[str] = set().union(*b) if b else set()
    return [min(keys, key=len) for keys in a if keys & pool]


# ---------------------------------------------------------------------------
# Numbers.

_AR_ONES = {
    "واحد": 1, "واحده": 1,
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
           "billion": 1e9, "مليار": 1e9, "bn": 1e9, "m": 1e6, "mn": 1e6, "k": 1e3}  # fmt: skip
_PLURAL_SCALES = {"الاف": 1e3, "thousands": 1e3, "ملايين": 1e6, "millions": 1e6,
                  "مليارات": 1e9, "billions": 1e9, "hundreds": 100, "مئات": 100}  # fmt: skip
# Duals: 2 x scale when alone; the forms ending in alef are also the
# accusative singular after a number ("25 ألفا" = 25,000).
_DUALS = {"الفان": 1e3, "الفين": 1e3, "الفا": 1e3, "الفي": 1e3,
          "مليونان": 1e6, "مليونين": 1e6, "مليونا": 1e6, "مليوني": 1e6,
          "ملياران": 1e9, "مليارين": 1e9, "مليارا": 1e9, "ملياري": 1e9}  # fmt: skip
_SUFFIX_SCALES = frozenset({"bn", "m", "mn", "k"})

_BOUND_CUES: dict[str, Bound] = {
    "نحو": "approx", "حوالي": "approx", "قرابه": "approx", "زهاء": "approx",
    "تقريبا": "approx", "about": "approx", "around": "approx", "nearly": "approx",
    "roughly": "approx", "approximately": "approx", "almost": "approx", "some": "approx",
    "estimated": "approx",
    "اكثر": "min", "يزيد": "min", "يقل": "min", "over": "min", "least": "min",
    "more": "min", "exceeding": "min",
    "اقل": "max", "under": "max", "fewer": "max", "less": "max", "up": "max",
}  # fmt: skip

_UNIT_FORMS = {
    "troops": "جندي جنود جنديا عسكري عسكريين عسكريا soldier soldiers troop troops servicemen",
    "fighters": "مقاتل مقاتلين مقاتلا مقاتلي مسلح مسلحين مسلحا مسلحي fighter fighters "
    "militant militants gunmen",
    "people": "شخص اشخاص شخصا نسمه people persons person individuals",
    "civilians": "مدني مدنيين مدنيا civilian civilians",
    "dead": "قتيل قتلي قتيلا ضحيه ضحايا وفاه وفيات dead death deaths killed fatalities "
    "died victims",
    "injured": "جريح جرحي جريحا مصاب مصابين مصابا اصابه اصابات injured wounded injuries",
    "missing": "مفقود مفقودين مفقودا missing",
    "displaced": "نازح نازحين نازحا مشرد مشردين displaced homeless",
    "refugees": "لاجئ لاجئين لاجئا refugee refugees",
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
}
_UNIT_OF = {_norm(form): key for key, forms in _UNIT_FORMS.items() for form in forms.split()}

# Units that say nothing about the thing measured ("40 percent" of what?):
# these only compare when the claims also share a topic word.
_GENERIC_UNITS = frozenset(
    {"people", "percent", "dollars", "euros", "pounds", "hours", "days", "weeks", "months",
     "years", "tonnes", "km"}
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
_RATE_UNITS = frozenset({"hours", "days", "weeks", "months", "years"})
_RATE_WORDS = _words("a an per each every كل في")
_YEAR_CUES = _words("عام سنه العام year in since منذ عامي")


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
    return _quantities(_fold(text))


def _quantities(folded: _Folded) -> list[Quantity]:
    tokens = folded.tokens
    out: list[Quantity] = []
    i = 0
    while i < len(tokens):
        read = _read_number(tokens, i)
        if read is None:
            i += 1
            continue
        value, end = read
        start = i
        i = end
        before = [t.text for t in tokens[max(0, start - 3) : start]]
        around = {t.text for t in tokens[max(0, start - 1) : end + 1]}
        if around & _MONTHS:
            continue
        units = _units_near(tokens, start, end)
        first = tokens[start].text
        if first.isdigit() and len(first) == 4 and 1900 <= value <= 2100:
            after = tokens[end].text if end < len(tokens) else ""
            if not units or (before and before[-1] in _YEAR_CUES and not _unit_of(after)):
                continue  # a year: "عام 2014", "in 2019"
        bound: Bound = "exact"
        for w in before[-2:]:
            cue = _strip_clitic(w, _BOUND_CUES) if _is_arabic(w) else w
            if cue in _BOUND_CUES:
                bound = _BOUND_CUES[cue]
        out.append(
            Quantity(
                value=value,
                units=units,
                text=folded.original[tokens[start].start : tokens[end - 1].end],
                span=(tokens[start].start, tokens[end - 1].end),
                bound=bound,
            )
        )
    return out


def _is_conjunction(word: str) -> bool:
    return word in ("and", "و", "or") or (
        _is_arabic(word) and word.startswith("و") and _unit_of(word) is None and len(word) > 3
    )


def _units_near(tokens: Sequence[_Token], start: int, end: int) -> tuple[str, ...]:
    """Units of the nouns after (or, failing that, before) a number."""
    forward: list[str] = []
    if start > 0 and tokens[start - 1].text in "$€£":
        forward.append(_UNIT_OF[tokens[start - 1].text])  # "$75"
    for j in range(end, min(end + 4, len(tokens))):
        word = tokens[j].text
        if word[0].isdigit() or _read_number(tokens, j) is not None:
            break
        unit = _unit_of(word)
        if unit in _RATE_UNITS and tokens[j - 1].text in _RATE_WORDS:
            continue  # "a day", "per hour": a rate, not what is counted
        if unit:
            forward.append(unit)
        elif _is_conjunction(word):
            break
    backward: list[str] = []
    measured = False
    for j in range(start - 1, max(-1, start - 5), -1):
        word = tokens[j].text
        if word[0].isdigit():
            break
        unit = _unit_of(word)
        if unit:
            backward.append(unit)
        if _strip_clitic(word, _MEASURE_TABLE):
            measured = True
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


def _interval(q: Quantity) -> tuple[float, float]:
    if q.bound == "approx":
        return q.value * 0.85, q.value * 1.15
    if q.bound == "min":
        return q.value, math.inf
    if q.bound == "max":
        return 0.0, q.value
    return q.value, q.value


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
    "flood": "فيضان فيضانات سيول flood floods flooding",
    "election": "انتخابات انتخاب اقتراع election elections polls",
    "oil": "نفط خام oil crude brent",
    "price": "سعر اسعار price prices",
    "vaccine": "لقاح لقاحات تطعيم vaccine vaccines vaccination",
    "port": "ميناء موانئ مرفا port harbour harbor",
    "fighting": "معارك معركه قتال battle fighting fight",
    "border": "حدود border borders frontier",
}
_TOPIC_OF = {_norm(form): key for key, forms in _TOPIC_FORMS.items() for form in forms.split()}


def _topics(folded: _Folded, *, units: bool = True) -> set[str]:
    """Bilingual topic keys of a text, from the topic (and unit) lexicons."""
    out = set()
    tables = (_TOPIC_OF, _UNIT_OF) if units else (_TOPIC_OF,)
    for tok in folded.tokens:
        for table in tables:
            found = _strip_clitic(tok.text, table)
            if found:
                out.add("#" + table[found])
    return out


# ---------------------------------------------------------------------------
# Negation.

_NEGATORS = _words(
    """
    لا لم لن ليس ليست ليسوا لسنا لست عدم
    not no never none nobody nothing neither nor cannot without
    """
)
_DENIALS = _words(
    """
    نفي نفت ينفي تنفي نفوا ينفون نفيه
    denied denies deny denying refuted rejected dismissed
    """
)
# "لا يزال"/"ما زال" mean "still"; "لا سيما" "especially"; "لا بد" "must".
_NOT_NEGATED_AFTER = _words("يزال تزال يزالون زال زالت يزل تزل سيما بد يخفي only doubt")


def _negations(folded: _Folded) -> list[str]:
    """The negation cues of a text that really negate (as written)."""
    tokens = folded.tokens
    cues = []
    for i, tok in enumerate(tokens):
        w = tok.text
        nxt = tokens[i + 1].text if i + 1 < len(tokens) else ""
        bare = w[1:] if _is_arabic(w) and w[0] in "وف" and w[1:] in _DENIALS | _NEGATORS else w
        is_cue = (
            bare in _NEGATORS
            or bare in _DENIALS
            or w.endswith("n't")
            or (w == "yet" and nxt == "to")  # "had yet to be counted"
        )
        if bare == "غير":
            # The verb "غيّر" (changed) takes a definite or suffixed object;
            # the negating "غير" comes before an indefinite adjective.
            # "غير أن" is "however".
            is_cue = (
                bool(nxt)
                and nxt not in ("ان", "انه", "انها")
                and not nxt.startswith("ال")
                and not nxt.endswith(("ه", "ها", "هم"))
            )
        if not is_cue or nxt in _NOT_NEGATED_AFTER:
            continue
        # "لن تغادرها إلا بعد ..." (will not leave until) asserts, not negates.
        if bare in ("لا", "لم", "لن", "ليس", "ليست") and any(
            t.text in ("الا", "سوي") for t in tokens[i + 1 : i + 8]
        ):
            continue
        cues.append(folded.original[tok.start : tok.end])
    return cues


# ---------------------------------------------------------------------------
# Tense and aspect.

_B = r"(?<!\w)"
_E = r"(?!\w)"


def _word(pattern: str) -> str:
    """``pattern`` as whole words (the alternatives grouped)."""
    return _B + "(?:" + pattern + ")" + _E


# Nouns that start like a future verb (سيطرة، سياسة، سنوات، ستين ...).
_NOT_FUTURE = r"(?!يطر|ياس|يار|يول|ينا|يد|تين|تون|تار|تر|نوا|نوي|نت|يم|يرت)"
_FUTURE_PATTERNS = (
    # "ستعلن", "سيسحب", "سنواصل": the future prefix on an imperfect verb.
    _word(r"[وف]?س" + _NOT_FUTURE + r"[يتن]\w{2,}"),
    _word(r"سوف"),
    _word(r"(?:في|خلال) غضون \w+(?: \w+)?"),
    _word(r"خلال (?:ال)?(?:ايام|اسابيع|ساعات|اشهر) (?:ال)?مقبله"),
    _word(r"(?:ال)?مقبله?|قريبا|(?:من )?(?:ال)?متوقع|[ينت]توقع(?:ون)?|من المنتظر"),
    _word(r"will|\w+'ll|shall|going to|plans? to|expects?|expected|expecting|soon"),
    _word(r"within (?:a|an|the next|\w+) (?:\w+ )?(?:hours?|days?|weeks?|months?)"),
    _word(r"(?:in the coming|next) (?:hours|days|weeks|months|week|month)"),
)
_ONGOING_PATTERNS = (
    _word(r"[وف]?[ينت]واصل(?:ون)?|[وف]?[يت]ستمر|مستمره?|متواصله?|جار(?:يه)?"),
    _word(r"(?:لا|ما) (?:يزال|تزال|زال|زالت|يزالون)"),
    _word(r"لم \w+(?: \w+){0,4} بعد"),
    _word(r"continu(?:e|es|ed|ing)|ongoing|still|under ?way|in progress"),
    _word(r"not yet|yet to|has not (?:yet )?(?:ended|finished)|is not over"),
)
_COMPLETED_PATTERNS = (
    _word(r"[وف]?تمت? \w+"),
    _word(r"بالكامل|بالفعل|كليا|نهائيا"),
    _word(r"[وف]?(?:انتهت|انتهي|اكتملت|اكتمل|استكملت|استعادت|استعاد|حررت|تحررت|انجزت)"),
    _word(r"already|fully|completely|entirely|came to an end"),
    _word(
        r"(?:ha[sd]|have|was|were|is|are) (?:been )?(?:now )?(?:ended|finished|completed|"
        r"concluded|retaken|recaptured|liberated|over|complete|reopened|defeated)"
    ),
)
_FUTURE_RES = tuple(re.compile(p) for p in _FUTURE_PATTERNS)
_ONGOING_RES = tuple(re.compile(p) for p in _ONGOING_PATTERNS)
_COMPLETED_RES = tuple(re.compile(p) for p in _COMPLETED_PATTERNS)


def _matches(folded: _Folded, patterns: Sequence[re.Pattern[str]]) -> list[tuple[int, int]]:
    spans = [m.span() for p in patterns for m in p.finditer(folded.text)]
    return sorted(set(spans))


def _quote(folded: _Folded, spans: list[tuple[int, int]], limit: int = 60) -> str:
    start, end = spans[0][0], max(e for _, e in spans)
    whole = folded.surface(start, end)
    if len(whole) <= limit:
        return whole
    return " … ".join(folded.surface(s, e) for s, e in spans[:3])


def _aspect(folded: _Folded, negated: bool) -> tuple[str, list[tuple[int, int]]] | None:
    future = _matches(folded, _FUTURE_RES)
    if future:
        return "future", future
    ongoing = _matches(folded, _ONGOING_RES)
    if ongoing:
        return "ongoing", ongoing
    completed = _matches(folded, _COMPLETED_RES)
    if completed:
        # "has not ended" / "لم تتم" is the opposite of done.
        return ("ongoing" if negated else "completed"), completed
    return None


# ---------------------------------------------------------------------------
# Antonyms: (name of pole 1, pole 1, name of pole 2, pole 2), each a regex on
# folded text; Arabic poles are stems that may carry clitics and affixes.

_W = r"\w*"
_ANTONYMS = (
    ("rise",
     _word(_W + r"(?:ارتفع|ارتفاع|يرتفع|ترتفع|زياده|صعود|قفز)" + _W
           + r"|rose|rise|rises|rising|risen|increased?|increases|increasing|climbed|climbs"
           r"|jumped|surged"),
     "fall",
     _word(_W + r"(?:انخفض|انخفاض|ينخفض|تنخفض|تراجع|هبط|هبوط|تقلص)" + _W
           + r"|fell|falls?|falling|fallen|decreased?|decreases|decreasing|declined?"
           r"|declines|dropped|drops?|slid|plunged")),
    ("win",
     _word(r"[وف]?(?:فاز|فازت|يفوز|تفوز|الفوز|فوز|بفوز)|won|win|wins|winning"),
     "lose",
     _word(r"[وف]?(?:خسر|خسرت|يخسر|تخسر|خساره|الخساره|بخساره)|lost|lose|loses|losing")),
    ("withdraw",
     _word(_W + r"سحب" + _W + r"|[وف]?س?[يتن]غادر\w*|(?:ال)?مغادره"
           r"|withdraw|withdraws|withdrawing|withdrawn|withdrew|withdrawal"
           r"|pull(?:ed|ing|s)? out|pullout|leave|leaves|leaving"),
     "stay",
     _word(r"[وف]?س?[يتن]بق\w*|[وف]?(?:ال)?بقاء|[وف]?بقي(?:ت|وا)?|[وف]?(?:ال)?باقي\w*"
           r"|[وف]?(?:ال)?ابقاء|[وف]?ابقي\w*|stay|stays|staying|stayed|remain|remains"
           r"|remained")),
    ("open",
     _word(_W + r"(?:فتح|افتتاح|مفتوح)" + _W
           + r"|open|opened|opens|reopen|reopened|reopens|reopening"),
     "closed",
     _word(_W + r"(?:اغلاق|مغلق|اغلق|يغلق|تغلق|اقفال|مقفل)" + _W
           + r"|closed|closes|closure|shut|shutdown|shuttered")),
    ("accept",
     _word(_W + r"(?:وافق|موافق|قبول)" + _W + r"|accepted|accepts?|agreed|approved|approves?"),
     "reject",
     _word(_W + r"رفض" + _W + r"|rejected|rejects?|refused|refuses?")),
    ("start",
     _word(_W + r"(?:بدء|انطلق|استئناف|استانف|استؤنف)" + _W
           + r"|started|starts?|began|begins?|resumed|resumes?|launched"),
     "stop",
     _word(_W + r"(?:توقف|اوقف|تجميد|جمد)" + _W
           + r"|stopped|stops?|halted|halts?|suspended|suspends?|paused")),
    ("hold",
     _word(_W + r"(?:صامد|صمود|يصمد|تصمد|متماسك)" + _W + r"|holding|intact|holds"),
     "collapse",
     _word(_W + r"(?:انهيار|انهارت|ينهار|تنهار|خرق|خروقات|انتهاك)" + _W
           + r"|collapsed?|collapsing|broken|violated|violations|breached")),
    ("calm",
     _word(r"[وف]?(?:ال)?(?:هادئ\w*|هدوء)|calm|quiet"),
     "tense",
     _word(r"[وف]?(?:ال)?(?:متوتر\w*|توتر)|tense|tension|volatile")),
)  # fmt: skip
# A hedged or conditional claim ("قد تتراجع إذا ...", "could rebound if") does
# not assert the opposite of a plain statement.
_HEDGE_RE = re.compile(_word(r"اذا|لو|ربما|قد [يتن]\w+|could|might|may|if|perhaps"))
_ANTONYM_RES = tuple(
    (name_a, re.compile(pole_a), name_b, re.compile(pole_b))
    for name_a, pole_a, name_b, pole_b in _ANTONYMS
)


# ---------------------------------------------------------------------------
# A clash the article reports.

_REPORTED_RE = re.compile(
    _word(
        r"[وف]?[يت]?تعارض|[وف]?[يت]?تناقض|متناقض\w*|خلافا ل\w*|على عكس|عكس ما|"
        r"[وف]?(?:نفي|نفت|ينفي|تنفي|نفوا)|[وف]?[يت]?كذب|"
        r"disput\w+|contradict\w*|denied|denies|at odds with|contrary to|"
        r"refut\w+|inconsistent with|conflicts? with|"
        r"(?:rejected|dismissed) (?:the |those |these |such )?(?:claims?|reports?|assertions?)"
    )
)


def _reported(context: str | None, other: _Folded) -> Reason | None:
    if not context:
        return None
    folded = _fold(context)
    match = _REPORTED_RE.search(folded.text)
    if match is None:
        return None
    # Quote the cue with the few words after it ("يتعارض هذا التصريح مع").
    tail = [t for t in folded.tokens if t.start >= folded.offsets[match.start()]][:4]
    phrase = context[tail[0].start : tail[-1].end] if tail else match.group()
    # The clash must be about the other claim: the context quotes it (after
    # folding diacritics, tatweel and spacing). Word overlap is not enough: the
    # seed's clash sentence shares "القوات" and "سوريا" with half the article.
    if not other.text.strip() or other.text.strip() not in folded.text:
        return None
    return Reason("reported", f"the article says '{phrase}'", KIND_WEIGHTS["reported"])


# ---------------------------------------------------------------------------


def find_reasons(
    text_a: str,
    text_b: str,
    *,
    lang_a: str | None = None,
    lang_b: str | None = None,
    context_a: str | None = None,
    context_b: str | None = None,
) -> list[Reason]:
    """Visible evidence that two claims contradict each other.

    Parameters
    ----------
    text_a, text_b : str
        The two claims' contents (without the speaker and reporting verb).
    lang_a, lang_b : str or None
        Language codes of the claims. The rules cover Arabic and English;
        for any other language code no reason is looked for, since the
        lexicons would only match by accident.
    context_a, context_b : str or None
        The sentence(s) around each claim in its article, searched for a
        clash the article itself reports.

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
    if any(lang not in (None, "und", "ar", "en") for lang in (lang_a, lang_b)):
        return []
    a = _fold(text_a)
    b = _fold(text_b)
    reasons: list[Reason] = []
    neg_a = _negations(a)
    neg_b = _negations(b)
    negated_a = len(neg_a) % 2 == 1
    negated_b = len(neg_b) % 2 == 1
    content_a = _content(a, _NEGATORS | _DENIALS)
    content_b = _content(b, _NEGATORS | _DENIALS)
    shared = _shared(content_a, content_b)
    topics_shared = bool(shared) or bool(_topics(a) & _topics(b))
    # A shared unit word ("percent") does not make two numbers about one thing.
    not_units = [k for k in content_a if not any(key in _UNIT_OF for key in k)]
    same_thing = bool(_shared(not_units, content_b)) or bool(
        _topics(a, units=False) & _topics(b, units=False)
    )

    numeric = _numeric(a, b, same_thing)
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
        if "completed" in kinds and len(kinds) == 2:
            reasons.append(
                Reason(
                    "temporal",
                    f"{aspect_a[0]} '{_quote(a, aspect_a[1])}' vs "
                    f"{aspect_b[0]} '{_quote(b, aspect_b[1])}'",
                    KIND_WEIGHTS["temporal"],
                )
            )

    hedged = _HEDGE_RE.search(a.text) or _HEDGE_RE.search(b.text)
    if negated_a == negated_b and topics_shared and not hedged:
        antonym = _antonym(a, b)
        if antonym:
            reasons.append(antonym)

    reported = _reported_either(a, b, context_a, context_b)
    if reported:
        reasons.append(reported)
    return reasons


def reported_clash(
    text_a: str, text_b: str, *, context_a: str | None = None, context_b: str | None = None
) -> Reason | None:
    """The "reported" reason of :func:`find_reasons` alone: the sentence around
    one claim says it clashes with the other claim, which it quotes."""
    return _reported_either(_fold(text_a), _fold(text_b), context_a, context_b)


def _reported_either(a: _Folded, b: _Folded, context_a: str | None,
                     context_b: str | None) -> Reason | None:
    for context, other in ((context_a, b), (context_b, a)):
        reported = _reported(context, other)
        if reported:
            return reported
    return None


def _numeric(a: _Folded, b: _Folded, same_thing: bool) -> Reason | None:
    qa = [q for q in _quantities(a) if q.units]
    qb = [q for q in _quantities(b) if q.units]
    cross = _script(a) != _script(b)
    for x in qa:
        for unit in x.units:
            if unit in _GENERIC_UNITS and not same_thing:
                continue
            same_a = [q for q in qa if unit in q.units]
            same_b = [q for q in qb if unit in q.units]
            if not same_b:
                continue
            if any(_compatible(p, q) for p in same_a for q in same_b):
                continue
            p, q = same_a[0], same_b[0]
            if not _same_measure(_around(a, p), _around(b, q), cross):
                continue
            return Reason(
                "numeric",
                f"{_format_quantity(p)} vs {_format_quantity(q)} ({unit})",
                KIND_WEIGHTS["numeric"],
            )
    return None


# Words that make a number a part or a change of a total ("cut 300 jobs",
# "400 soldiers will stay"): such a number does not contradict the total.
_PART_RE = re.compile(
    _word(
        r"cut|cuts|lay|laid|layoffs?|shed|remain\w*|stay\w*|additional|another|extra|more|"
        r"further|new|among|rest|other|"
        r"[وف]?(?:ال)?(?:تسريح|الغاء|خفض|اضافي\w*|اخري|اخرين|جديد\w*|بقيه)|من بينهم|"
        r"[وف]?س?[يتن]بق\w*|[وف]?بقي\w*|(?:ال)?متبقي\w*"
    )
)


def _around(folded: _Folded, q: Quantity, width: int = 6) -> _Folded:
    """The few words either side of a quantity, as their own folded text."""
    tokens = folded.tokens
    index = [i for i, t in enumerate(tokens) if q.span[0] <= t.start < q.span[1]]
    lo = max(0, index[0] - width)
    hi = min(len(tokens), index[-1] + 1 + width)
    return _fold(folded.original[tokens[lo].start : tokens[hi - 1].end])


def _same_measure(a: _Folded, b: _Folded, cross: bool) -> bool:
    """Whether two quantities' surroundings say they measure the same thing."""
    if bool(_PART_RE.search(a.text)) != bool(_PART_RE.search(b.text)):
        return False
    if cross:
        return True  # no shared words to expect; the unit has to do
    words_a = [k for k in _content(a) if not any(key in _UNIT_OF for key in k)]
    words_b = [k for k in _content(b) if not any(key in _UNIT_OF for key in k)]
    return (not words_a and not words_b) or bool(_shared(words_a, words_b))


def _script(folded: _Folded) -> str:
    return "ar" if any(_is_arabic(t.text) for t in folded.tokens) else "latin"


def _antonym(a: _Folded, b: _Folded) -> Reason | None:
    for name_x, pole_x, name_y, pole_y in _ANTONYM_RES:
        ax, ay = pole_x.search(a.text), pole_y.search(a.text)
        bx, by = pole_x.search(b.text), pole_y.search(b.text)
        if ax and not ay and by and not bx:
            first, second, names = ax, by, (name_x, name_y)
        elif ay and not ax and bx and not by:
            first, second, names = ay, bx, (name_y, name_x)
        else:
            continue
        return Reason(
            "antonym",
            f"{names[0]} '{a.surface(*first.span())}' vs {names[1]} '{b.surface(*second.span())}'",
            KIND_WEIGHTS["antonym"],
        )
    return None


def combine(nli_probability: float, reasons: Sequence[Reason], *, cap: float = MAX_BOOST) -> float:
    """Raise an NLI contradiction probability by the reasons seen in the text.

    The probability is moved in log-odds space::

        textual = min(cap, sum over the textual kinds k of max(weight of kind k))
        boost = textual + max(weight of the "reported" reasons)
        score = sigmoid(logit(p) + boost)

    Only the strongest reason of each kind counts, so two numeric mismatches
    weigh what one does; weights below zero count as zero. The default weights
    are :data:`KIND_WEIGHTS`: numeric 1.5, negation 1.0, temporal 1.0 and
    antonym 1.0, read off the two claims and capped together at
    :data:`MAX_BOOST` (3.0), so they lift 0.5 to at most about 0.95; and
    reported 5.0, outside the cap. A reported clash is the article's own
    statement that these two claims conflict (it fires only when the clash
    sentence quotes the other claim), the journalist's judgement rather than a
    cue, so it may overrule a confident "neutral" from the NLI model: it lifts
    0.03 to about 0.82. :class:`~claimcheck.detect.ContradictionFinder`
    replaces these defaults by the weights measured on our dev claim pairs
    when the NLI model's ``calibration.json`` has them (a logistic regression
    of the gold labels on one 0/1 feature per kind, with the calibrated NLI
    logit as offset; see
    :meth:`claimcheck.calibration.PlattScaler.fit_reasons`), so a kind the NLI
    model already accounts for adds little. ``p`` is clipped to
    ``[1e-6, 1 - 1e-6]`` before the logit. The score never goes below the
    NLI probability, and with no reasons it is that probability unchanged.

    Parameters
    ----------
    nli_probability : float
        Contradiction probability from the NLI model, in [0, 1].
    reasons : sequence of Reason
        From :func:`find_reasons`.
    cap : float, default MAX_BOOST
        Largest total log-odds bump.

    Returns
    -------
    float
        The raised probability, in [nli_probability, 1].

    Examples
    --------
    >>> round(combine(0.5, [Reason("temporal", "", 1.0)]), 3)
    0.731
    """
    if not 0.0 <= nli_probability <= 1.0:
        raise ValueError(f"nli_probability must be in [0, 1], got {nli_probability}")
    strongest: dict[str, float] = {}
    for reason in reasons:
        strongest[reason.kind] = max(strongest.get(reason.kind, 0.0), reason.weight, 0.0)
    reported = strongest.pop("reported", 0.0)
    boost = min(max(cap, 0.0), sum(strongest.values())) + reported
    if boost == 0.0:
        return nli_probability
    p = min(max(nli_probability, 1e-6), 1 - 1e-6)
    raised = 1.0 / (1.0 + math.exp(-(math.log(p / (1 - p)) + boost)))
    return max(nli_probability, raised)
