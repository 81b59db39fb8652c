"""Arabic attribution rules: the relations of one sentence.

Verb-first "وقال X إن Y" (with listeners such as "لوكالة رويترز", times such
as "الخميس" and appositions "، وهو متحدث باسم ..." removed from the source),
subject-first "محللين يقولون إن Y", relative "X، الذي قال إن Y",
participles "..., قائلا إن Y", quotations "وقال X "Y"", and "بحسب X" /
"وفقا لـ X". A sentence may hold several relations; the content of one ends
at the clause boundary before the next one's source. "بحسب X" after (or
before) a report of someone else's words ("وقال الوزير إن ...، بحسب
الحكومة") names who passed the report on: the report is the claim, and the
"بحسب" relation is dropped.
"""

from __future__ import annotations

import bisect

from claimcheck.text import lexicon_ar
from claimcheck.text.attribution.ar.words import ACCORDING, TIME_PREPOSITIONS, TRAILING
from claimcheck.text.attribution.nesting import (
    end_contents_at_next_source,
    without_relays_of_reports,
)
from claimcheck.text.attribution.tokens import (
    CLOSE_QUOTES,
    LETTER,
    OPEN_QUOTES,
    Match,
    Token,
    span_of,
)

# Words that start a new clause with its own subject.
_BUT = frozenset({"ولكن", "لكن", "بل"})


def find_matches(s: str, toks: list[Token]) -> list[Match]:
    """The relations of the normalised Arabic sentence ``s`` (tokens ``toks``)."""
    matches = _arabic_matches(s, toks)
    end_contents_at_next_source(s, toks, matches)
    return without_relays_of_reports(matches)


def _verb_base(word: str) -> tuple[str, bool]:
    if word in lexicon_ar.REPORTING_VERBS:
        return word, False
    if len(word) > 3 and word[0] in "وف" and word[1:] in lexicon_ar.REPORTING_VERBS:
        return word[1:], True
    return "", False


def _strip_conj(word: str) -> str:
    return word[1:] if len(word) > 3 and word[0] in "وف" else word


def _arabic_matches(s: str, toks: list[Token]) -> list[Match]:
    matches: list[Match] = []
    clause_start = 0  # the token after the last "ولكن" so far
    closers = _Closers(toks)
    for i, tok in enumerate(toks):
        word = tok.text
        base, conj = _verb_base(word)
        match = None
        if base:
            match = _arabic_verb(toks, i, base, conj, closers)
        elif _strip_conj(word) in lexicon_ar.PARTICIPLES or word in lexicon_ar.PARTICIPLES:
            match = _arabic_participle(toks, i, clause_start, matches, closers)
        elif word in ACCORDING or _strip_conj(word) in ACCORDING:
            match = _arabic_according(toks, i)
        if match is not None:
            matches.append(match)
        if word in _BUT:
            clause_start = i + 1
    return matches


def _find_opening(toks: list[Token], start: int, limit: int) -> int:
    # Index of the complementiser, opening quote or colon that starts the content.
    n = len(toks)
    for k in range(start, min(n, start + limit)):
        word = toks[k].text
        if word in lexicon_ar.COMPLEMENTIZERS or word in OPEN_QUOTES or word == ":":
            return k
        if word in ".؟?!" or _verb_base(word)[0] or _strip_conj(word) in lexicon_ar.PARTICIPLES:
            return -1
    return -1


class _Closers:
    """Where the quotation opened at a token closes, looked up in log time:
    a sentence of many unclosed quotes is not read once per quote."""

    def __init__(self, toks: list[Token]) -> None:
        self._n = len(toks)
        self._at: dict[str, list[int]] = {}
        for k, tok in enumerate(toks):
            if tok.text in _CLOSING:
                self._at.setdefault(tok.text, []).append(k)
                if tok.text == "”":
                    # A straight quote may be closed by a curly one.
                    self._at.setdefault('"', []).append(k)

    def after(self, k: int, opener: str) -> int:
        """Index of the first token after ``k`` that closes ``opener``, or
        the number of tokens where none does."""
        found = self._at.get(CLOSE_QUOTES[opener], [])
        at = bisect.bisect_right(found, k)
        return found[at] if at < len(found) else self._n


_CLOSING = frozenset(CLOSE_QUOTES.values()) | {"”"}


def _arabic_content(toks: list[Token], k: int, closers: _Closers) -> tuple[int, int] | None:
    n = len(toks)
    word = toks[k].text
    if word in OPEN_QUOTES:
        return span_of(toks, k + 1, closers.after(k, word))
    if word == ":":
        return span_of(toks, k + 1, n)
    if word in {"ان", "بان", "لان"}:
        return span_of(toks, k + 1, n)
    return span_of(toks, k, n)


def _arabic_source(toks: list[Token], first: int, last: int) -> tuple[
    tuple[int, int] | None, tuple[int, int] | None
]:
    # Source words between cue and content, minus times, listeners, relatives.
    words = list(range(first, last))
    kept: list[int] = []
    appositive: list[int] = []
    in_appositive = False
    for k in words:
        word = toks[k].text
        if word in lexicon_ar.RELATIVES or word.startswith(lexicon_ar.RECIPIENT_PREFIXES):
            break
        if word in lexicon_ar.COMPLEMENTIZERS:
            break
        if word == "في":
            following = toks[k + 1].text if k + 1 < last else ""
            has_role = any(toks[x].text in lexicon_ar.ROLE_NOUNS for x in kept)
            if following in lexicon_ar.TIME_WORDS or not has_role or in_appositive:
                break
        if word in TIME_PREPOSITIONS and kept:
            break
        if word in "،,":
            if in_appositive:
                break
            in_appositive = True
            continue
        if in_appositive:
            if not appositive and word in {"وهو", "وهي", "هو", "هي", "وهم"}:
                continue
            appositive.append(k)
        else:
            kept.append(k)
    while kept and (toks[kept[-1]].text in lexicon_ar.NON_SOURCE
                    or toks[kept[-1]].text in TRAILING):
        kept.pop()
    while kept and toks[kept[0]].text in lexicon_ar.NON_SOURCE:
        kept.pop(0)
    while appositive and toks[appositive[-1]].text in lexicon_ar.NON_SOURCE:
        appositive.pop()
    source = (toks[kept[0]].start, toks[kept[-1]].end) if kept else None
    appo = (toks[appositive[0]].start, toks[appositive[-1]].end) if appositive else None
    return source, appo


def _cue_and_content(toks: list[Token], i: int, reach: int, closers: _Closers
                     ) -> tuple[tuple[int, int], tuple[int, int], int] | None:
    """The cue at token ``i`` and the content opened within ``reach`` tokens
    after it ("إن"/"أن"/a quote), with the opening's index; None without one."""
    k = _find_opening(toks, i + 1, reach)
    if k < 0:
        return None
    content = _arabic_content(toks, k, closers)
    if content is None:
        return None
    return (toks[i].start, toks[i].end), content, k


def _arabic_verb(
    toks: list[Token], i: int, base: str, conj: bool, closers: _Closers
) -> Match | None:
    found = _cue_and_content(toks, i, 16, closers)
    if found is None:
        return None
    cue, content, k = found
    plural = base.endswith(("وا", "ون"))
    source, appositive = _arabic_source(toks, i + 1, k)
    region = cue[0]
    if source is None and i > 0 and toks[i - 1].text in lexicon_ar.RELATIVES:
        # "ما قاله الرئيس دونالد ترامب، الذي قال إن ...": the antecedent speaks.
        end = i - 1
        if end > 0 and toks[end - 1].text in "،,":
            end -= 1
        start = end
        stops = {"قاله", "قالته", "ما", "مع", "عن", "ان", "الذي", "التي"}
        while start > 0 and end - start < 6:
            word = toks[start - 1].text
            if word in stops or not LETTER.search(word) or word.endswith("قاله"):
                break
            start -= 1
        if start < end:
            source = (toks[start].start, toks[end - 1].end)
            region = source[0]
    elif source is None and not conj and i > 0:
        # Subject-first: "ولكن محللين يقولون إن ...".
        start = i
        while start > 0 and i - start < 6:
            word = toks[start - 1].text
            if not LETTER.search(word) or word in lexicon_ar.NP_STOPS:
                break
            if _verb_base(word)[0] or word in lexicon_ar.COMPLEMENTIZERS:
                break
            start -= 1
        if start < i:
            source = (toks[start].start, toks[i - 1].end)
            region = source[0]
    return Match(source, cue, content, region_start=region, appositive=appositive,
                 plural=plural)


def _arabic_participle(
    toks: list[Token], i: int, clause_start: int, earlier: list[Match], closers: _Closers
) -> Match | None:
    found = _cue_and_content(toks, i, 4, closers)
    if found is None:
        return None
    cue, content, _ = found
    # The subject of the clause the participle hangs on: after "ولكن"/"لكن" or
    # at the sentence start (``clause_start``), a run of definite words ("البيت الأبيض").
    start = clause_start
    while start < i and not LETTER.search(toks[start].text):
        start += 1
    # ``earlier`` is in cue order, so its last relation is the latest.
    if start < i and earlier and earlier[-1].cue[0] >= toks[start].start:
        # The clause already has a reporting verb: the participle shares its subject.
        return Match(None, cue, content, region_start=cue[0])
    end = start
    if start < i and not toks[start].text.startswith("ال") and toks[start].text[0] in "وف":
        # "ونفى وزير الداخلية ...، مؤكدا أن": skip the verb, keep the noun and
        # the definite words that complete it.
        start += 1
        end = start + 1
    while end < i and toks[end].text.startswith("ال") and end - start < 4:
        end += 1
    if start < i and end > start and end <= i:
        source = (toks[start].start, toks[end - 1].end)
        return Match(source, cue, content, region_start=source[0])
    return Match(None, cue, content, region_start=cue[0])


def _arabic_according(toks: list[Token], i: int) -> Match | None:
    n = len(toks)
    k = i + 1
    word = _strip_conj(toks[i].text)
    if word in {"وفقا", "طبقا"} and k < n and toks[k].text in {"ل", "لـ"}:
        k += 1
    if word == "نقلا" and k < n and toks[k].text == "عن":
        k += 1
    if word == "حسبما" and k < n and _verb_base(toks[k].text)[0]:
        k += 1
    start = k
    while k < n and toks[k].text not in "،,.;؛" and k - start < 10:
        k += 1
    if k == start:
        return None
    source = (toks[start].start, toks[k - 1].end)
    if source[1] - source[0] > 0 and toks[start].text.startswith("ل") and word in {"وفقا", "طبقا"}:
        source = (toks[start].start + 1, source[1])
    cue = (toks[i].start, toks[i].end)
    if any(LETTER.search(toks[x].text) for x in range(i)):
        content = span_of(toks, 0, i)
    else:
        after = k + 1
        if after < n and toks[after].text in {"فان", "فانه", "فانها"}:
            after += toks[after].text == "فان"
        content = span_of(toks, after, n)
    if content is None:
        return None
    return Match(source, cue, content, region_start=min(source[0], cue[0]), relays=True)


