"""Quantities in Arabic and English claims: each number with what it counts
(its unit), its bound ("about", "more than", "أكثر من"), fractions of a whole
read as percentages ("a third of"), counts of none ("no homes", "all
passengers were unharmed") and the state of the people counted (the dead,
the injured). The numbers themselves are read by
:mod:`~claimcheck.reasons.number_words`, the nouns they count are in
:mod:`~claimcheck.reasons.units`, conversions of money are dropped by
:mod:`~claimcheck.reasons.money`; :mod:`claimcheck.reasons.numbers` compares
what this module reads."""

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
from claimcheck.reasons.money import _without_conversions
from claimcheck.reasons.number_words import _DUALS, _SCALES, _read_number, _strip_clitic, _zero
from claimcheck.reasons.units import (
    _EXCLUSIVE_UNITS,
    _GENERIC_UNITS,
    _MEASURE_TABLE,
    _PEOPLE,
    _RIGHT_AFTER_ONLY,
    _STATES,
    _UNIT_OF,
    _unit_of,
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
