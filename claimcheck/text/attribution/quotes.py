"""Where a text is inside double quotation marks.

A reporting verb inside a quotation belongs to what the quoted speaker said,
and a quoted sentence after a quoted claim may continue it; both questions
are answered here, each in logarithmic time, so that a text of many short
quotations stays linear.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass

# The only marks that open, close or end a quotation.
_MARKS = re.compile(r"\n|''|[\"“”«»]")
# The closing mark of each paired opener (guillemets typed the other way
# round, »...«, pair too).
_CLOSERS = {"“": "”", "«": "»", "»": "«"}


def _reopens(text: str, at: int) -> bool:
    """Whether the straight quote at ``at`` opens a new quotation inside an
    open one: it follows the end of a sentence and a space and comes before a
    word ('...against you. "We would'), as a run-on quotation reopens in each
    paragraph."""
    k = at
    while k > 0 and text[k - 1] in " \t":
        k -= 1  # back over the space, without copying the text before it
    return 0 < k < at and text[k - 1] in ".?!" and at + 1 < len(text) and text[at + 1].isalnum()


@dataclass(frozen=True)
class QuotedRegions:
    """Spans of a text inside double quotation marks, in order.

    Curly quotes and guillemets (« », as Arabic and French news quote) pair
    up; straight ``"`` and doubled ``''`` toggle, but for a straight quote
    inside an open quotation that comes after the end of a sentence and a
    space and before a word: it reopens the quotation (its paragraph break
    lost) rather than closing it. A quote still open at the end of a
    paragraph is closed there, since news style reopens a quotation that
    runs on into the next paragraph. Regions do not overlap, so their starts
    and their ends both increase.
    """

    spans: tuple[tuple[int, int], ...]
    starts: tuple[int, ...]
    ends: tuple[int, ...]

    @classmethod
    def of(cls, text: str) -> QuotedRegions:
        """The quoted regions of ``text``."""
        spans: list[tuple[int, int]] = []
        open_at = -1
        closer = ""
        for found in _MARKS.finditer(text):
            at, mark = found.start(), found.group()
            if mark == "\n":
                if open_at >= 0:
                    spans.append((open_at, at))
                    open_at = -1
            elif open_at < 0 and mark != "”":
                open_at = found.end()
                closer = _CLOSERS.get(mark, mark)
            elif open_at >= 0 and mark == '"' == closer and _reopens(text, at):
                # 'against you. "We would ...': a quotation that runs on into
                # a paragraph of its own, the break lost. A straight quote
                # after a space and before a word opens; it does not close.
                spans.append((open_at, at))
                open_at = found.end()
            elif open_at >= 0 and (
                mark == closer or (closer == "”" and mark == '"')
                # a straight opener closed by a curly one: '"We will win,” he said'
                or (closer == '"' and mark == "”")
                # A mistyped closer: “...,“ said Smith.
                or (mark == "“" and at > 0 and not text[at - 1].isspace())
            ):
                spans.append((open_at, at))
                open_at = -1
        if open_at >= 0:
            spans.append((open_at, len(text)))
        return cls(tuple(spans), tuple(s for s, _ in spans), tuple(e for _, e in spans))

    def __bool__(self) -> bool:
        return bool(self.spans)

    def holds(self, position: int) -> bool:
        """Whether the character at ``position`` is inside a quotation."""
        at = bisect.bisect_right(self.starts, position) - 1
        return at >= 0 and position < self.ends[at]

    def at(self, position: int) -> tuple[int, int] | None:
        """The first region that holds ``position`` or opens just after it
        (its opening mark is at ``position``), or None."""
        # Ends increase, so the first region ending after ``position`` is the
        # only candidate; a later one starts later still.
        k = bisect.bisect_right(self.ends, position)
        if k < len(self.spans) and self.starts[k] <= position + 1:
            return self.spans[k]
        return None

    def touches(self, start: int, end: int) -> bool:
        """Whether a region holds ``start``, opens just after it, or opens
        inside ``[start, end)``."""
        if self.at(start) is not None:
            return True
        k = bisect.bisect_left(self.starts, start)
        return k < len(self.spans) and self.starts[k] < end
