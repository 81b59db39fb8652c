"""Credit lines and datelines: who wrote a wire story and where, not what
anyone said.

"(Reporting by Hiba Mourad; Editing by Tom Ellery)" and Reuters Arabic's
"(إعداد محمد اليماني للنشرة العربية - تحرير علا شوقي)" close many agency
articles, and "Lerer reported from Los Angeles." many American ones. Their
"Reporting" and "إعداد" read like cues to the learned tagger and their names
like sources; no relation may start inside one, and no claim is made of one.
"""

from __future__ import annotations

import bisect
import re

_CREDIT = re.compile(
    r"\(\s*(?:(?:additional|further)\s+)?(?:reporting|writing|editing|compiled|"
    r"produced|graphics|research|translated|photos?)\s+by\b[^()]*\)"
    r"|\(\s*(?:إعداد|اعداد|تغطية صحفية|شارك في التغطية|تحرير|ترجمة)\s[^()]*\)",
    re.IGNORECASE,
)
# A byline sentence: "Lerer reported from Los Angeles.", "Samantha Lachman
# contributed reporting from Charleston.", "Alex Isenstadt contributed to this
# story." (capitalised names; case matters here).
_BYLINE = re.compile(
    r"(?:^|(?<=[.!?]\s))[ \t]*(?:[A-Z][\w.'’-]*\s+){1,4}"
    r"(?:reported|contributed(?:\s+reporting)?)\s+"
    r"(?:from\s+[A-Z][\w'’.-]*(?:[ ,]+[A-Z][\w'’.-]*){0,3}"
    r"|to\s+this\s+(?:report|story|article))\s*(?:[.;]|$)",
    re.MULTILINE,
)


class CreditLines:
    """The credit lines of one text, asked about in log time."""

    def __init__(self, text: str) -> None:
        self.spans = sorted(m.span() for pattern in (_CREDIT, _BYLINE)
                            for m in pattern.finditer(text))
        self._starts = [start for start, _ in self.spans]

    def __bool__(self) -> bool:
        return bool(self.spans)

    def holds(self, position: int) -> bool:
        """Whether ``position`` lies inside a credit line."""
        at = bisect.bisect_right(self._starts, position) - 1
        return at >= 0 and position < self.spans[at][1]

    def covers(self, start: int, end: int) -> bool:
        """Whether the letters of [start, end) all lie inside one credit line."""
        at = bisect.bisect_right(self._starts, start) - 1
        return at >= 0 and end <= self.spans[at][1]


# "KOLAWE, Sarenga, April 8 (Reuters) -", "MIRPARA (AP) —", "BERLIN (dpa)
# -", "UPDATE 2-KABUL (Reuters) -", "WASHINGTON/LONDON (Reuters) -": a place
# in capitals, maybe a region and a date, the agency, a dash; "Geneva, June
# 4 (Reuters) -": a place not in capitals needs the date ("The World Health
# Organization (WHO) -", "Rep. Gwen Moore (D-Wis.) -" open no dateline);
# "KABUL, June 4 -": a place in capitals and a date without the agency;
# "القدس (رويترز) -": an Arabic place and a known agency ("حركة المقاومة
# الإسلامية (حماس) -" is no dateline).
_CAPS = r"[A-Z][A-Z'’.\-]+(?:[ \t]+[A-Z][A-Z'’.\-]+)*"
_PLACE = r"[A-Z][A-Za-z'’.\-]+(?:[ \t]+[A-Z][A-Za-z'’.\-]+){0,3}"
_MONTH = r"(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*\.?"
_DATE = _MONTH + r"[ \t]*\d{1,2}(?:,[ \t]*\d{4})?"
_AGENCIES_AR = (r"رويترز|[أا] ف ب|فرانس برس|[أا] ب|د ب [أا]|الأناضول|الاناضول|واس|سانا|وفا|قنا|"
                r"كونا|بترا|وام|شينخوا|سبوتنيك|[أا]سوشيتد برس")
_DATELINE = re.compile(
    r"^[ \t]*(?:"
    r"(?:UPDATE[ \t]*\d+[ \t]*-[ \t]*)?" + _CAPS + r"(?:/" + _CAPS + r")*"
    r"(?:,[^\n()]{0,60}?)?[ \t]*\([A-Za-z][A-Za-z .&-]{1,30}\)"
    r"|" + _PLACE + r"(?:,[ \t]*[A-Z][A-Za-z.]+){0,2},[ \t]*" + _DATE
    + r"[ \t]*\([A-Z][A-Za-z &]{1,30}\)"
    r"|" + _CAPS + r"(?:,[ \t]*[A-Z][A-Za-z.]+){0,2},[ \t]*" + _DATE
    + r"|[\u0621-\u064A]+(?:[ \t]+[\u0621-\u064A]+){0,2}[ \t]*\((?:" + _AGENCIES_AR + r")\)"
    r")[ \t]*[-—–]{1,2}",
    re.MULTILINE,
)


def datelines(text: str) -> list[tuple[int, int]]:
    """Spans of the wire datelines opening the paragraphs of ``text``: their
    place names are never a source (the tagger took "ORLEN" of "ORLEN, July
    10 (Reuters) - The Bank of Corvania ... signalled" for the speaker)."""
    return [m.span() for m in _DATELINE.finditer(text)]
