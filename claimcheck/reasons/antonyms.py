"""Opposite words on a shared topic (``antonym`` reason)."""

from __future__ import annotations

import functools
import re

from claimcheck.reasons.fold import CACHE_SIZE, _Folded, _word
from claimcheck.reasons.kinds import KIND_WEIGHTS, Reason

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


@functools.lru_cache(maxsize=CACHE_SIZE)
def _hedged(folded: _Folded) -> bool:
    """Whether a text is hedged or conditional (:data:`_HEDGE_RE`)."""
    return _HEDGE_RE.search(folded.text) is not None


# A pole word in a time phrase ("since the port reopened", "after a two-week
# closure", "منذ إعادة فتحه", "بعد إغلاق دام أسبوعين") dates the claim; it is
# not what the claim asserts, so it opposes nothing.
_TIME_PHRASE_RE = re.compile(
    r"(?:^|\s)(?:since|after|before|until|till|following"
    r"|[وف]?(?:بعد|منذ|قبل|حتي|عقب|اثر|لحين))"
    # At most two words, none of them "then", "that", "ذلك" ...: "since then
    # prices rose", "بعد ذلك أغلقت السلطات الميناء" assert what follows.
    r"(?:\s+(?!(?:then|long|now|that|this|ذلك|الحين|هذا)(?:\s|$))[^\s,،.;:؛؟!?\"«»()]+){0,2}"
    r"\s*$")


def _asserted(pole: re.Pattern[str], text: str) -> re.Match[str] | None:
    """The first match of ``pole`` in ``text`` outside a time phrase
    (:data:`_TIME_PHRASE_RE`: at most two words after the preposition)."""
    for match in pole.finditer(text):
        if not _TIME_PHRASE_RE.search(text, 0, match.start()):
            return match
    return None


@functools.lru_cache(maxsize=CACHE_SIZE)
def _poles(folded: _Folded) -> tuple[tuple[re.Match[str] | None, re.Match[str] | None], ...]:
    """Each antonym pair's first match of either pole in a text, outside a
    time phrase."""
    return tuple((_asserted(pole_x, folded.text), _asserted(pole_y, folded.text))
                 for _, pole_x, _, pole_y in _ANTONYM_RES)


def _antonym(a: _Folded, b: _Folded) -> Reason | None:
    for (name_x, _, name_y, _), (ax, ay), (bx, by) in zip(_ANTONYM_RES, _poles(a), _poles(b)):
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
