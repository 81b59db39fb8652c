"""What English rules look up far from their cue in one sentence
(:class:`Marks`), found once per sentence."""

from __future__ import annotations

import bisect

from claimcheck.text.attribution.tokens import COORDINATORS, QUOTES, Token
from claimcheck.text.sentences import NAME_TITLES


class Marks:
    """What rules look up far from their cue in one sentence: where quotes
    open, where the sentence's leading quotes and conjunctions end, where a
    run of capitalised words ends. Found once, so that a long sentence costs
    linear time however many cues it holds.
    """

    def __init__(self, toks: list[Token]) -> None:
        self._toks = toks
        self._straight = [k for k, tok in enumerate(toks) if tok.text == '"']
        self._openers = [k for k, tok in enumerate(toks) if tok.text in ('"', "“")]
        self.first_quote = next(
            (k for k, tok in enumerate(toks) if tok.text in QUOTES), len(toks)
        )
        self.lead_end = next(
            (k for k, tok in enumerate(toks)
             if not (tok.text in QUOTES or tok.low in COORDINATORS)), len(toks)
        )
        self._run_ends: dict[int, int] = {}
        self._quotes = [k for k, tok in enumerate(toks) if tok.text in QUOTES]

    def quote_between(self, start: int, end: int) -> bool:
        """Whether a quotation mark lies among tokens ``start`` to ``end - 1``."""
        at = bisect.bisect_left(self._quotes, start)
        return at < len(self._quotes) and self._quotes[at] < end

    def opener_before(self, end: int, opener: str) -> int:
        """Index of the last ``opener`` before token ``end`` (a straight
        quote also opens a curly one), or 0."""
        marks = self._straight if opener == '"' else self._openers
        at = bisect.bisect_left(marks, end) - 1
        return marks[at] if at >= 0 else 0

    def name_run_end(self, start: int) -> int:
        """Where the run of capitalised words and determiners from ``start`` ends."""
        if start not in self._run_ends:
            toks, k = self._toks, start
            while k < len(toks) and (
                toks[k].text[:1].isupper() or toks[k].low in {"the", "of", "'s", "’s"}
                or _name_period(toks, k, start)
            ):
                k += 1
            self._run_ends[start] = k
        return self._run_ends[start]


def _name_period(toks: list[Token], k: int, start: int) -> bool:
    """Whether token ``k`` is the period of a title or an initial inside a
    name ("Mr. Trump", "Donald J. Trump"): right after the abbreviation,
    before a capitalised word."""
    if toks[k].text != "." or k <= start or k + 1 >= len(toks):
        return False
    before, after = toks[k - 1], toks[k + 1]
    return before.end == toks[k].start and after.text[:1].isupper() and (
        before.low in NAME_TITLES or (len(before.text) == 1 and before.text.isupper()))
