"""The ``count`` and ``numeric`` reasons: two quantities
(:mod:`claimcheck.reasons.quantities`) of one thing with values that
cannot both hold; plus the bilingual topic words that tell whether two
claims speak of one thing."""

from __future__ import annotations

import functools
import math
import re
from typing import Literal

from claimcheck.reasons.fold import (
    CACHE_SIZE,
    _content,
    _fold,
    _Folded,
    _is_arabic,
    _norm,
    _shared,
    _word,
    _words,
)
from claimcheck.reasons.kinds import KIND_WEIGHTS, Reason
from claimcheck.reasons.number_words import _DUALS, _PLURAL_SCALES, _SCALES, _strip_clitic
from claimcheck.reasons.quantities import _MONTHS, Quantity, _quantities, _year_like
from claimcheck.reasons.units import (
    _EXCLUSIVE_UNITS,
    _GENERIC_UNITS,
    _GROUPS,
    _PEOPLE,
    _STATES,
    _UNIT_OF,
    _WHO,
)


def _interval(q: Quantity) -> tuple[float, float]:
    if q.bound == "approx" and q.fraction:
        return q.value * 0.75, q.value * 1.25  # "about a quarter" may be 30 percent
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
    number = f"{q.value:.2f}".rstrip("0").rstrip(".") if q.value < 1e6 else f"{q.value:,.0f}"
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
    "capacity": "استيعابيه capacity",
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
             later: Literal["a", "b"] | None = None, *,
             cross: bool | None = None) -> Reason | None:
    """The ``count`` or ``numeric`` reason of two folded claims, or None. ``same_thing``:
    the claims share a content word or topic; ``later``: which claim's
    article is dated after the other's, if known; ``cross``: the claims are
    in two languages, so no shared word is to be expected (default: they
    are in two scripts)."""
    if cross is None:
        cross = _script(a) != _script(b)
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
            found = _clash(a, b, p, q, unit, same_thing, cross,
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
                found = _clash(m, n, kinds[0], people[0], unit, same_thing, cross,
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
        if set(counts[0].units) & _STATES or not set(counts[0].units) & _PEOPLE:
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
# ("yesterday" / "today", "in 2021" / "in 2022", "this week" / "on Sunday"),
# which still give a numeric reason. Two claims on two weekdays give none
# (:func:`_other_days`).
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


# Weekdays, each language's named alike ("الاثنين" and "monday" are one day).
# "Yesterday" and "today" are not: one claim's yesterday may be the other's
# Monday.
_WEEKDAYS = {
    **{day: day for day in "monday tuesday wednesday thursday friday saturday sunday".split()},
    "الاثنين": "monday", "الثلاثاء": "tuesday", "الاربعاء": "wednesday", "الخميس": "thursday",
    "الجمعه": "friday", "السبت": "saturday", "الاحد": "sunday",
}
# Words that make the day after them the start or end of a period ("since
# Sunday", "منذ السبت", "until Friday"): such a period may hold the other
# claim's day.
_PERIOD_WORDS = frozenset(_words("since until till through منذ حتي"))


def _weekdays(folded: _Folded) -> frozenset[str] | None:
    """The weekdays a folded claim names, as English names; None when one of
    them bounds a period ("since Sunday", "منذ يوم السبت")."""
    days = set()
    tokens = folded.tokens
    for i, tok in enumerate(tokens):
        word = _strip_clitic(tok.text, _WEEKDAYS) if _is_arabic(tok.text) else tok.text
        if word not in _WEEKDAYS:
            continue
        before = [t.text for t in tokens[max(0, i - 3):i]]
        if any(_strip_clitic(w, _PERIOD_WORDS) for w in before):
            return None
        days.add(_WEEKDAYS[word])
    return frozenset(days)


def _other_days(a: _Folded, b: _Folded) -> bool:
    """Whether two folded claims each name a weekday ("Saturday", "السبت"),
    and no weekday in common, and neither bounds a period with it."""
    days_a, days_b = _weekdays(a), _weekdays(b)
    return bool(days_a and days_b and not days_a & days_b)


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
           cross: bool, *, single: bool, same_units: bool = True, swapped: bool = False,
           subset: bool = False) -> Reason | None:
    """The ``count`` or ``numeric`` reason for quantities ``p`` of ``a`` and
    ``q`` of ``b``, whose values cannot both hold, unless something says
    they measure different things. ``cross``: the claims are in two
    languages (see :func:`_numeric`). ``single``: each claim counts this unit
    once; ``same_units``: the two quantities name the same people (not
    "soldiers killed" against "soldiers wounded", :func:`_units_disagree`); ``subset``: ``p`` counts
    a group among the people ``q`` counts."""
    if _difference(a, p) or _difference(b, q):
        return None  # "£300 less than what the Tories offered": a gap, not an amount
    if _other_days(a, b):
        # "قتل 11 مدنيا السبت" / "قتل 16 مدنيا الجمعة": the figures of two
        # days are two figures, not two reports of one.
        return None
    if unit in _GENERIC_UNITS and _orders_apart(p, q):
        return None  # "$75,000 to the convention" vs "raising $64 million"
    around_a, around_b = _around(a, p), _around(b, q)
    if _part(around_a, a, p) != _part(around_b, b, q):
        return None  # "400 soldiers will stay" is a part of "2,000 troops"
    specific = unit not in _GENERIC_UNITS
    # The words next to the two numbers say they measure one thing, or one
    # claim is nothing but the count ("130 مهاجرا").
    measured = _same_measure(around_a, around_b, cross) or (
        single and specific and (_bare(a) or _bare(b))) or _none_of_the_group(p, q)
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
        if other.fraction:
            continue  # "more than half of the 400 passengers": the 400's words too
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


def _none_of_the_group(p: Quantity, q: Quantity) -> bool:
    """Whether one of two quantities counts none of a group the other
    counts some of, its words naming that group: "all passengers were
    unharmed" (0 injured) against "three passengers were injured"."""
    for zero, other in ((p, q), (q, p)):
        if zero.value == 0 and other.value > 0 and zero.units == ("injured",):
            groups = set(other.units) & _WHO
            if groups and any(_UNIT_OF.get(t.text) in groups for t in _fold(zero.text).tokens):
                return True
    return False


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
