"""Tense and aspect: future, ongoing or completed (``temporal`` reason)."""

from __future__ import annotations

import functools
import re
from collections.abc import Sequence

from claimcheck.reasons.fold import CACHE_SIZE, STILL_AR, _fold, _Folded, _word

# Nouns that start like a future verb (سيطرة، سياسة، سنوات، ستين، سنغافورة ...).
_NOT_FUTURE = r"(?!يطر|ياس|يار|يول|ينا|يد|تين|تون|تار|تر|نوا|نوي|نت|نغ|يم|يرت)"
_FUTURE_PATTERNS = (
    # "ستعلن", "سيسحب", "سنواصل": the future prefix on an imperfect verb.
    _word(r"[وف]?س" + _NOT_FUTURE + r"[يتن]\w{2,}"),
    _word(r"سوف"),
    _word(r"(?:في|خلال) غضون \w+(?: \w+)?"),
    _word(r"خلال (?:ال)?(?:ايام|اسابيع|ساعات|اشهر) (?:ال)?مقبله"),
    _word(r"(?:ال)?مقبله?|قريبا|(?:من )?(?:ال)?متوقع|[ينت]توقع(?:ون)?|من المنتظر"),
    # "لن يتم", "ولن ننسحب": the negative future particle.
    _word(r"[وف]?لن"),
    _word(r"will|\w+'ll|won't|shall|going to|plans? to|expects?|expected|expecting|soon"),
    _word(r"within (?:a|an|the next|\w+) (?:\w+ )?(?:hours?|days?|weeks?|months?)"),
    _word(r"(?:in the coming|next) (?:hours|days|weeks|months|week|month)"),
)
_ONGOING_PATTERNS = (
    _word(r"[وف]?[ينت]واصل(?:ون)?|[وف]?[يت]ستمر|مستمره?|متواصله?|جار(?:يه)?"),
    # "ما زالوا يتحصنون", "لا تزالان", "لم يزل": still, whatever the person.
    _word(r"(?:لا|ما|لم) (?:" + STILL_AR + ")"),
    _word(r"لم \w+(?: \w+){0,4} بعد"),
    _word(r"continu(?:e|es|ed|ing)|ongoing|still|under ?way|in progress"),
    _word(r"not yet|yet to|has not (?:yet )?(?:ended|finished)|is not over"),
)
_COMPLETED_PATTERNS = (
    # "تمت استعادة", "تم تحرير": the passive of a verb of completion; "تم رصد
    # 147 حالة" (147 cases were recorded) only says that something happened.
    _word(r"[وف]?تمت? (?:ال)?(?:انتهاء|اكتمال|استكمال|اكمال|استعاده|تحرير|انجاز)"),
    # "already" / "بالفعل" (also "indeed") alone say that something happened,
    # not that a process came to its end: "Labour has already broken its
    # promise" does not clash with "Labour will continue to pursue reforms".
    _word(r"بالكامل|كليا|نهائيا"),
    _word(r"[وف]?(?:انتهت|انتهي|اكتملت|اكتمل|استكملت|استعادت|استعاد|حررت|تحررت|انجزت)"),
    # The passive of "restore" / "retake" ("أعيد التيار", "أعيد فتحها",
    # "استعيدت المدينة"); "أعيد" is any "re-" ("أعيد انتخابه", "أعيد التأكيد"),
    # so only with what is restored or where to.
    _word(r"[وف]?(?:اعيد|اعيدت) (?:ال)?(?:فتح|افتتاح|تشغيل|تيار|كهرباء|مياه|سيطره|خدم|الي)\w*"),
    _word(r"[وف]?(?:استعيد|استعيدت)"),
    _word(r"fully|completely|entirely|came to an end"),
    _word(
        r"(?:ha[sd]|have|was|were|is|are) (?:already )?(?:been )?(?:now |already )?"
        r"(?:ended|finished|completed|"
        r"concluded|retaken|recaptured|liberated|over|complete|reopened|restored|defeated)"
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


@functools.lru_cache(maxsize=CACHE_SIZE)
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


# Times relative to the article's date, by span: "last year", "هذا العام",
# "الشهر المقبل". Two claims that each name a year (or a month, or a week)
# and none in common speak of different times.
_TIMES = {
    ("year", -1): r"last year|(?:ال)?عام (?:ال)?(?:ماضي|منصرم)|(?:ال)?سنه (?:ال)?ماضيه",
    ("year", 0): r"this year|هذا (?:ال)?عام|هذه (?:ال)?سنه|(?:ال)?عام (?:ال)?(?:حالي|جاري)",
    ("year", 1): r"next year|(?:ال)?عام (?:ال)?(?:مقبل|قادم)|(?:ال)?سنه (?:ال)?(?:مقبله|قادمه)",
    ("month", -1): r"last month|(?:ال)?شهر (?:ال)?ماضي",
    ("month", 0): r"this month|هذا (?:ال)?شهر|(?:ال)?شهر (?:ال)?(?:حالي|جاري)",
    ("month", 1): r"next month|(?:ال)?شهر (?:ال)?(?:مقبل|قادم)",
    ("week", -1): r"last week|(?:ال)?اسبوع (?:ال)?ماضي",
    ("week", 0): r"this week|هذا (?:ال)?اسبوع|(?:ال)?اسبوع (?:ال)?(?:حالي|جاري)",
    ("week", 1): r"next week|(?:ال)?اسبوع (?:ال)?(?:مقبل|قادم)",
}
_TIME_RES = {key: re.compile(_word(pattern)) for key, pattern in _TIMES.items()}


@functools.lru_cache(maxsize=CACHE_SIZE)
def _times(folded: _Folded) -> frozenset[tuple[str, int]]:
    return frozenset(key for key, pattern in _TIME_RES.items() if pattern.search(folded.text))


def other_times(text_a: str, text_b: str) -> bool:
    """Whether two claims name different times of one span: "the works
    entered this year are not funny enough" and "we hope to give two prizes
    next year" speak of two years; a claim with no such time, or two that
    share one, may speak of the same time.

    >>> other_times("exports rose last year", "exports fell this year")
    True
    >>> other_times("exports rose last year", "exports fell")
    False
    """
    a, b = _times(_fold(text_a)), _times(_fold(text_b))
    spans = {span for span, _ in a} & {span for span, _ in b}
    return any(not {k for k in a if k[0] == span} & {k for k in b if k[0] == span}
               for span in spans)
