"""How relations found in one sentence fit together: where one content ends
because the next relation starts, and which relation is reported inside
another one's content. Language-agnostic; each language's rules choose the
steps they need.
"""

from __future__ import annotations

import bisect

from claimcheck.text.attribution.tokens import CLAUSE_BREAKS, COORDINATORS, Match, Token


def outermost(matches: list[Match]) -> list[Match]:
    """Drop relations reported inside another one's content.

    "The Post reported that Klein said he was writing a book" is one report,
    the Post's; Klein's words are part of what the Post reported.
    """
    # ``inner`` is nested when another content starts at or before both its
    # cue and its content, runs past its cue and ends at or after its content:
    # among the contents that start early enough, only the two that reach
    # furthest need checking (the furthest may be ``inner`` itself).
    if len(matches) < 2:
        return list(matches)
    order = sorted(range(len(matches)), key=lambda k: matches[k].content[0])
    starts = [matches[k].content[0] for k in order]
    furthest: list[tuple[int, int]] = []
    runner_up: list[int] = []
    top, top_k, second = -1, -1, -1
    for k in order:
        end = matches[k].content[1]
        if end > top:
            top, top_k, second = end, k, top
        elif end > second:
            second = end
        furthest.append((top, top_k))
        runner_up.append(second)
    kept = []
    for k, inner in enumerate(matches):
        at = bisect.bisect_right(starts, min(inner.cue[0], inner.content[0])) - 1
        if at >= 0:
            reach = furthest[at][0] if furthest[at][1] != k else runner_up[at]
            if reach >= max(inner.cue[0] + 1, inner.content[1]):
                continue
        kept.append(inner)
    return kept


def without_relays_of_reports(matches: list[Match]) -> list[Match]:
    """Drop "according to X" relations whose content holds another relation's cue.

    "وقال الوزير إن الجيش انسحب، بحسب الحكومة": the government passes on
    what the minister said. The claim is the minister's; a second one held
    by the government, "وقال الوزير إن الجيش انسحب", would repeat it with his
    name and verb inside, and start before it. (English keeps the outer
    relation instead, with :func:`outermost`, as PolNeAR annotates it.)
    """
    cues = sorted(m.cue[0] for m in matches)
    kept = []
    for match in matches:
        if match.relays:
            start, end = match.content
            inside = bisect.bisect_left(cues, end) - bisect.bisect_left(cues, start)
            if start <= match.cue[0] < end:
                inside -= 1  # its own cue
            if inside > 0:
                continue
        kept.append(match)
    return kept


def end_contents_at_next_source(s: str, toks: list[Token], matches: list[Match]) -> None:
    """Cut a content at the clause break before the next relation's source.

    "قال A إن X، ويتعارض ... مع ما قاله B، الذي قال إن Y": X ends at the
    comma after it; "A said X and B said Y" ends X before "and". Otherwise the
    next relation is nested inside the content, which is left whole. Each
    content is cut before the first relation after it (in cue order) whose
    clause starts inside it and can be cut off.
    """
    if len(matches) < 2:
        return
    breaks = [t.start for t in toks if t.text in CLAUSE_BREAKS]
    starts = [t.start for t in toks]
    ordered = sorted(matches, key=lambda m: m.cue[0])
    # A content (start, end) can be cut before a clause starting at ``region``
    # when start < region < end and either a clause break lies between start
    # and region, or the token before region is a coordinator that starts
    # after ``start``. Both say "region lies beyond a point fixed by start":
    # the first break after start, or the first token after start. So the
    # relation sought is the first one after ``current`` in cue order whose
    # region falls in an interval, found with two range-minimum trees over
    # the relations sorted by region, filled from the last relation back.
    regions = [m.region_start for m in ordered]
    by_region = sorted(range(len(ordered)), key=regions.__getitem__)
    sorted_regions = [regions[q] for q in by_region]
    rank = [0] * len(ordered)
    for position, q in enumerate(by_region):
        rank[q] = position
    after_coordinator = [_coordinator_before(toks, starts, region) for region in regions]
    any_relation = _MinTree(len(ordered))
    after_and = _MinTree(len(ordered))
    for p in range(len(ordered) - 1, -1, -1):
        current = ordered[p]
        start, end = current.content
        high = bisect.bisect_left(sorted_regions, end)
        first = any_relation.NONE
        next_break = bisect.bisect_right(breaks, start)
        if next_break < len(breaks):
            low = bisect.bisect_right(sorted_regions, breaks[next_break])
            first = any_relation.least(low, high)
        next_token = bisect.bisect_right(starts, start)
        if next_token < len(starts):
            low = bisect.bisect_right(sorted_regions, starts[next_token])
            first = min(first, after_and.least(low, high))
        if first != any_relation.NONE:
            _cut_before(s, toks, breaks, starts, current, ordered[first])
        any_relation.put(rank[p], p)
        if after_coordinator[p]:
            after_and.put(rank[p], p)


def _coordinator_before(toks: list[Token], starts: list[int], region: int) -> bool:
    position = bisect.bisect_left(starts, region)
    return 0 < position and toks[position - 1].low in COORDINATORS


class _MinTree:
    """The least value put at any position in a range, in log time."""

    NONE = 1 << 62

    def __init__(self, size: int) -> None:
        self._size = 1
        while self._size < size:
            self._size *= 2
        self._least = [self.NONE] * (2 * self._size)

    def put(self, position: int, value: int) -> None:
        k = position + self._size
        self._least[k] = min(self._least[k], value)
        k //= 2
        while k:
            self._least[k] = min(self._least[2 * k], self._least[2 * k + 1])
            k //= 2

    def least(self, low: int, high: int) -> int:
        """The least value at positions [low, high); NONE when there is none."""
        result = self.NONE
        low += self._size
        high += self._size
        while low < high:
            if low & 1:
                result = min(result, self._least[low])
                low += 1
            if high & 1:
                high -= 1
                result = min(result, self._least[high])
            low //= 2
            high //= 2
        return result


def _cut_before(
    s: str, toks: list[Token], breaks: list[int], starts: list[int],
    current: Match, following: Match,
) -> bool:
    # End ``current``'s content before ``following``'s clause; True when cut.
    start, end = current.content
    region = following.region_start
    if not start < region < end:
        return False
    index = bisect.bisect_left(breaks, region) - 1
    cut = -1
    if index >= 0 and breaks[index] > start:
        cut = breaks[index]
    else:
        # "A said X and B said Y": a coordinator right before the next source.
        position = bisect.bisect_left(starts, region)
        if 0 < position and toks[position - 1].low in COORDINATORS:
            cut = toks[position - 1].start
    if cut > start:
        while cut > start and s[cut - 1].isspace():
            cut -= 1
        current.content = (start, cut)
        return True
    return False
