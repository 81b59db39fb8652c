"""English attribution rules: the relations of one sentence.

"X said (that) Y", "Y, X said (in an interview).", "Y," said X., "X, who ...,
said Y", "X told Z (that) Y", "X asked Z whether Y", "according to X, Y" /
"Y, according to X", ", saying Y", stance verbs with an object ("X criticized
Y", "X wants Y"), claim and stance nouns ("Clinton's claim that Y"),
holderless impressions ("Y is expected to"), headline speakers ("X: Y") and
documents ("In a poll by X, Y").

A relation reported inside another one's content is part of that report
("The Post reported that Klein said ...": one report, the Post's), so only
the outermost relations are kept.
"""

from __future__ import annotations

import bisect
from collections.abc import Callable

from claimcheck.text import lexicon_en
from claimcheck.text.attribution.en.marks import Marks
from claimcheck.text.attribution.en.phrases import (
    comma_quote,
    inverted_source,
    left_apposition,
    main_clause,
    names_a_speaker,
    names_a_thing,
    object_relative,
    opens_content,
    quote_start,
    quoted_title,
    skip_to_that,
    speaks_without_that,
)
from claimcheck.text.attribution.en.subjects import clause_subject, sentence_subject
from claimcheck.text.attribution.en.words import (
    BE,
    CONTENT_ENDS,
    FINITE,
    INVERTING_VERBS,
    LABEL_ENDS,
    NOT_CONTENT_LEAD,
    NOT_SPEAKERS,
    NOT_VERB_BEFORE,
    PREPOSITIONS,
    QUESTION_OPENERS,
    RELATIVES,
    SEEM,
    SPOKE,
    STOPS,
    WEAK,
    surname,
)
from claimcheck.text.attribution.nesting import end_contents_at_next_source, outermost
from claimcheck.text.attribution.tokens import (
    COORDINATORS,
    LETTER,
    OPEN_QUOTES,
    QUOTES,
    Match,
    Token,
    content_limit,
    span_of,
)


def find_matches(s: str, toks: list[Token],
                 keep: Callable[[Match], bool] | None = None) -> list[Match]:
    """The relations of the normalised English sentence ``s`` (tokens ``toks``).

    ``keep``, when given, drops the candidates it refuses before nesting is
    decided, so that a cue read inside a quotation ('only a "loud voice"')
    cannot swallow the sentence's real relation as its content.
    """
    matches = _english_matches(s, toks)
    if keep is not None:
        matches = [m for m in matches if keep(m)]
    _end_contents_at_their_aside(s, matches)
    end_contents_at_next_source(s, toks, matches)
    return outermost(matches)


# Words in -ly that are no adverb before a verb: "Kelly said", "Ally said".
_NOT_ADVERBS = frozenset({"only", "family", "ally", "kelly", "sally", "billy", "holly", "italy",
                          "july", "reilly", "daly", "early", "daily", "weekly", "monthly"})


def _end_contents_at_their_aside(s: str, matches: list[Match]) -> None:
    """A relation reported inside another's source apposition ends where the
    apposition ends: in "Crawford, who recalled taking the elevator, said
    that ...", what Crawford recalled stops before ", said", the relation of
    "said" is no longer read as nested in it, and its source is the name
    alone ("Crawford", not "Crawford, who recalled ...")."""
    holders = sorted((m for m in matches if m.appositive is not None),
                     key=lambda m: m.appositive[0])
    if not holders:
        return
    starts = [m.appositive[0] for m in holders]
    for match in matches:
        at = bisect.bisect_right(starts, match.cue[0]) - 1
        if at < 0:
            continue
        holder = holders[at]
        aside_start, aside_end = holder.appositive
        if not match.cue[0] < aside_end or match is holder:
            continue
        if match.content[0] < aside_end < match.content[1]:
            match.content = (match.content[0], aside_end)
        if holder.source is not None and holder.source[0] < aside_start <= holder.source[1]:
            name_end = len(s[:aside_start].rstrip(" ,—–-("))
            if name_end > holder.source[0]:
                holder.source = (holder.source[0], name_end)


def _english_matches(s: str, toks: list[Token]) -> list[Match]:
    matches: list[Match] = []
    n = len(toks)
    marks = Marks(toks)
    headline = _english_headline(toks)
    if headline is not None:
        matches.append(headline)
    document = _english_document(toks)
    i = 0
    while i < n:
        low = toks[i].low
        match = None
        if low in _AMBIGUOUS_CUES:
            i += 1
            continue
        if low == "according" and i + 1 < n and toks[i + 1].low == "to":
            match = _english_according(toks, i)
        elif low == "asked" and (i == 0 or toks[i - 1].low in {"when", "was", "were", "if"}):
            match = _english_asked(toks, i)
        elif low in lexicon_en.CLAIM_NOUNS or low in lexicon_en.STANCE_NOUNS:
            match = _english_noun(toks, i)
        if match is not None:
            matches.append(match)
            i += 1
            continue
        if low in SEEM and (low != "expected" or (i > 0 and toks[i - 1].low in BE)):
            match = _english_seem(toks, i)
        elif low in lexicon_en.PARTICLE_VERBS and not (
            i + 1 < n and toks[i + 1].low in lexicon_en.PARTICLE_VERBS[low]
        ):
            match = None
        elif low in lexicon_en.REPORTING_VERBS or low in lexicon_en.STANCE_VERBS \
                or _puts_a_figure(toks, i):
            match = _english_verb(s, toks, i, marks)
        if match is not None:
            matches.append(match)
        i += 1
    # "In a letter, Trump said ...": the document is the setting, Trump the source.
    # A stance ("most residents favoured ...") inside the document's finding stays its content.
    cues = {(t.start, t.end): t.low for t in toks}
    if document is not None and not any(
        m.cue[0] - document.content[0] < 60 for m in matches
        if m is not headline and cues.get(m.cue, "") in lexicon_en.REPORTING_VERBS
    ):
        matches.append(document)
        matches.sort(key=lambda m: m.cue[0])
    return matches


# Reporting verbs that cannot be nouns ("said", not "question" or "report"):
# where the subject of "appear" / "seem" starts after a report holding it.
_REPORTED_BY = frozenset("""
    said says told tells added argued argues noted notes stated wrote writes claimed claims
    insisted insists warned warns explained explains suggested suggests acknowledged
    believe believes believed think thinks thought fear fears feared
    """.split())


def _cue_just_before(toks: list[Token], comma: int) -> bool:
    """Whether the clause before ``comma`` is a postposed report that opens
    after an earlier comma: a source of at most eight words, a verb of
    speech and at most three words of time or setting ("..., the railway
    authority said on Tuesday,"), or the verb with its source after it
    ("..., said the mayor,"). Not a relative clause ("the deal, which
    critics said was too generous,")."""
    for x in range(comma - 1, max(-1, comma - 7), -1):
        if toks[x].text in STOPS:
            return False
        if toks[x].low not in INVERTING_VERBS:
            continue
        k = x - 1
        while k >= 0 and toks[k].text not in STOPS and x - k <= 8:
            k -= 1
        if k < 0 or toks[k].text != "," or any(
                toks[y].low in RELATIVES or toks[y].low in _NOT_A_REPORT_OPENER
                for y in range(k + 1, x)):
            return False
        after = comma - x - 1
        if k < x - 1:  # the source before the verb
            return after == 0 or (after <= 3 and toks[x + 1].low in _SETTING_OPENERS)
        return 0 < after <= 5  # "said the mayor"
    return False


# Words that open a relative or adverbial clause, not a report: "..., as
# critics said was likely,", "..., where officials said ...".
_NOT_A_REPORT_OPENER = frozenset("as where what when whose".split())
# Words that open the time or setting between a postposed cue and its comma.
_SETTING_OPENERS = frozenset("on in at late early last this yesterday today tonight".split())


# Cue words that are mostly nouns or report nothing in news ("his support
# for", "the attacks on", "the Clean Power Plan", "prices continue to
# rise"): on the 840 PolNeAR train articles most of their relations match
# no gold relation (support 58 of 74, attacks 29 of 44, ...).
_AMBIGUOUS_CUES = frozenset("support attacks attack voice plan continue opposition email "
                            "feels decline".split())


# "police put the figure at about 8,000", "the ministry puts the death toll
# at 45": a source's estimate of a count.
_PUT = frozenset({"put", "puts", "putting"})
_FIGURES = frozenset("""
    figure figures number numbers toll tally total count turnout crowd cost costs
    damage losses size estimate
    """.split())
_THEIR = frozenset({"the", "its", "their", "his", "her"})
_ABOUT = frozenset("about around some nearly almost roughly approximately just only more less "
                   "fewer than over under at least up to as many".split())
_NUMBER_WORDS = frozenset("""
    one two three four five six seven eight nine ten eleven twelve fifteen twenty thirty forty
    fifty sixty seventy eighty ninety hundred hundreds thousand thousands million millions
    dozen dozens
    """.split())


def _puts_a_figure(toks: list[Token], i: int) -> bool:
    """Whether token ``i`` is "put" followed by "the ... <figure word> at"
    (at most four words between "put" and "at")."""
    if toks[i].low not in _PUT or i + 2 >= len(toks) or toks[i + 1].low not in _THEIR:
        return False
    for k in range(i + 2, min(i + 6, len(toks) - 1)):
        if toks[k].low == "at":
            if not any(toks[x].low in _FIGURES for x in range(i + 2, k)):
                return False
            # A number follows ("at about 8,000", "at 45"); not "at ease",
            # "at the centre of", "at a record low".
            n = k + 1
            while n < len(toks) and toks[n].low in _ABOUT:
                n += 1
            return n < len(toks) and (toks[n].text[:1].isdigit() or toks[n].text[:1] in "$€£"
                                      or toks[n].low in _NUMBER_WORDS)
        if toks[k].text in STOPS:
            return False
    return False


def _english_headline(toks: list[Token]) -> Match | None:
    # "Sanders: Endorsements prove ...", "Q: And the wall?": a short capitalised
    # speaker, a colon, then what they said.
    colon = next((x for x in range(min(len(toks), 6)) if toks[x].text == ":"), -1)
    if colon <= 0 or toks[0].low in NOT_SPEAKERS or toks[colon - 1].low in LABEL_ENDS:
        return None
    if not all(toks[x].text[:1].isupper() or toks[x].text in ".'’-" for x in range(colon)):
        return None
    content = span_of(toks, colon + 1, len(toks))
    if content is None:
        return None
    source = (toks[0].start, toks[colon - 1].end)
    cue = (toks[colon].start, toks[colon].end)
    return Match(source, cue, content, region_start=source[0])


def _english_document(toks: list[Token]) -> Match | None:
    # "In a Des Moines Register poll last month, Cruz led by 10 points."
    n = len(toks)
    if n < 4 or toks[0].low != "in":
        return None
    comma = next((x for x in range(1, min(n, 14)) if toks[x].text == ","), -1)
    if comma < 2 or not any(
        toks[x].low in lexicon_en.DOCUMENT_NOUNS for x in range(1, comma)
    ):
        return None
    content = span_of(toks, comma + 1, n)
    if content is None:
        return None
    source = (toks[1].start, toks[comma - 1].end)
    cue = (toks[0].start, toks[0].end)
    return Match(source, cue, content, region_start=cue[0])


def _english_according(toks: list[Token], i: int) -> Match | None:
    n = len(toks)
    k = i + 2
    while k < n and toks[k].text not in ",;." and k - i < 16:
        k += 1
    if k == i + 2:
        return None
    source = (toks[i + 2].start, toks[k - 1].end)
    cue = (toks[i].start, toks[i + 1].end)
    before = i
    while before > 0 and toks[before - 1].text == ",":
        before -= 1
    if all(toks[x].text in QUOTES or toks[x].text == "," or toks[x].low in _DISCOURSE
           for x in range(i)) or (before > 0 and toks[before - 1].low == "that"):
        # "According to X, ...", "But, according to the poll, 46 percent ...",
        # "Smith said that, according to the survey, prices rose": what X
        # says follows the phrase.
        content = span_of(toks, k + 1, n)
    else:
        content = span_of(toks, 0, i)
    if content is None:
        return None
    return Match(source, cue, content, region_start=min(source[0], cue[0]))


# Words that only link a sentence to the one before: "But according to X, ...".
_DISCOURSE = frozenset("but and yet so still however also now meanwhile moreover furthermore "
                       "indeed instead then in addition besides".split())


def _english_asked(toks: list[Token], i: int) -> Match | None:
    # "Asked whether he would run, Smith said ...", "when asked what she
    # thought": the question is the content; its asker is not named, or is
    # named after "by".
    n = len(toks)
    k = _skip_after_cue(toks, i + 1)
    source = None
    if k < n and toks[k].low == "by":
        start = k + 1
        k = start
        while k < n and toks[k].low not in QUESTION_OPENERS and toks[k].text not in ",;:"\
                and k - start < 8:
            k += 1
        if k > start:
            source = (toks[start].start, toks[k - 1].end)
    stop = k
    while stop < n and stop - k < 6 and toks[stop].low not in QUESTION_OPENERS:
        if toks[stop].text in ",;:.":
            return None
        stop += 1
    if stop >= n or toks[stop].low not in QUESTION_OPENERS:
        return None
    end, limit = stop + 1, content_limit(toks, stop)
    while end < limit and toks[end].text not in ",;:?" and toks[end].text not in OPEN_QUOTES:
        end += 1
    content = span_of(toks, stop, end)
    if content is None:
        return None
    cue = (toks[i].start, toks[i].end)
    return Match(source, cue, content, region_start=cue[0], holderless=source is None)


def _english_noun(toks: list[Token], i: int) -> Match | None:
    # "Clinton's claim that she never sent ...", "his support for the ban",
    # "the notion that ...": a noun that names what someone holds.
    n = len(toks)
    low = toks[i].low
    k = i + 1
    if low in lexicon_en.CLAIM_NOUNS:
        if not (k < n and toks[k].low == "that") or k + 1 >= n:
            return None
        # "the claims that were made": "that" is a relative pronoun there.
        if toks[k + 1].low in FINITE or toks[k + 1].low.endswith("ed"):
            return None
        k += 1
    else:
        if not (k < n and toks[k].low in {"for", "of", "on", "against", "to"}):
            return None
        k += 1
    end, limit = k, content_limit(toks, k)
    while end < limit and toks[end].text not in ",;:.?!—–()" and not (
        toks[end].text in QUOTES and end > k and toks[end].text not in OPEN_QUOTES
    ):
        end += 1
    content = span_of(toks, k, end)
    if content is None:
        return None
    source = None
    b = i - 1
    while b >= 0 and toks[b].low in {"own", "latest", "earlier", "repeated", "strong",
                                      "public", "new", "early", "initial", "continued"}:
        b -= 1
    if b >= 0 and toks[b].low in {"his", "her", "their", "its", "our", "my", "your"}:
        source = (toks[b].start, toks[b].end)
    elif b >= 0 and toks[b].low.endswith(("'s", "’s", "s'", "s’")):
        # "Clinton's claim", "the governor's claim".
        first = b
        while first > 0 and b - first < 5 and toks[first].low not in {"the", "a", "an"} and (
            toks[first - 1].text[:1].isupper() or toks[first - 1].low in {"the", "a", "an"}
        ):
            first -= 1
        source = (toks[first].start, toks[b].end)
    elif low in lexicon_en.STANCE_NOUNS:
        # "the support for ..." without a holder is too vague to report.
        return None
    cue = (toks[i].start, toks[i].end)
    return Match(source, cue, content, region_start=source[0] if source else cue[0],
                 holderless=source is None)


def _english_seem(toks: list[Token], i: int) -> Match | None:
    # "Trump seemed to soften his stance", "The bill is expected to pass": an
    # impression or expectation nobody in the text is said to hold. The
    # content is the subject with what it seems to do.
    n = len(toks)
    if toks[i].low == "expected" and not (i > 0 and toks[i - 1].low in BE):
        return None
    k = i + 1
    while k < n and toks[k].low in lexicon_en.AUXILIARIES:
        k += 1
    if not (k < n and toks[k].low in {"to", "that", "likely", "poised", "set", "ready"}):
        return None
    start = i - 1 - (toks[i].low == "expected")
    while start >= 0 and toks[start].low in lexicon_en.AUXILIARIES:
        start -= 1
    end_subject = start
    while start >= 0 and i - start < 14 and toks[start].text not in STOPS \
            and toks[start].low not in lexicon_en.NP_STOPS \
            and toks[start].low not in _REPORTED_BY and toks[start].low != "that":
        # ("A spokeswoman said | the two incidents appear to be unrelated":
        # the subject of "appear" starts after the report that holds it.)
        start -= 1
    if start == end_subject:
        return None
    end, limit = k, content_limit(toks, start + 1)
    while end < limit and toks[end].text not in ";:—–()" and not (
        toks[end].text == "," and end + 1 < n and toks[end + 1].low in COORDINATORS
    ):
        end += 1
    content = span_of(toks, start + 1, end)
    if content is None:
        return None
    cue = (toks[i].start, toks[i].end)
    return Match(None, cue, content, region_start=content[0], holderless=True)


def _skip_after_cue(toks: list[Token], k: int) -> int:
    # "said on Monday in a statement that": settings between a cue and what was said.
    n = len(toks)
    while k < n:
        for words in _AFTER_CUE.get(toks[k].low, ()):
            if k + len(words) <= n and all(toks[k + j].low == w for j, w in enumerate(words)):
                k += len(words)
                break
        else:
            return k
    return k


def _phrases_by_first_word(phrases: tuple[str, ...]) -> dict[str, tuple[tuple[str, ...], ...]]:
    # Only phrases that start with the word at hand can match there; their
    # order (the first that matches wins) is kept.
    found: dict[str, list[tuple[str, ...]]] = {}
    for phrase in phrases:
        words = tuple(phrase.split())
        found.setdefault(words[0], []).append(words)
    return {first: tuple(group) for first, group in found.items()}


_AFTER_CUE = _phrases_by_first_word(lexicon_en.AFTER_CUE)


def _english_verb(s: str, toks: list[Token], i: int, marks: Marks) -> Match | None:
    n = len(toks)
    low = toks[i].low
    j = i - 1
    while j >= 0 and toks[j].low in lexicon_en.AUXILIARIES and not (
            j > 0 and surname(toks[j - 1].text, toks[j].text, toks[j + 1].text)):
        j -= 1  # "has said", "would later tell"; not "George Will wrote"
    if j >= 0 and toks[j].low in NOT_VERB_BEFORE:
        return None
    negator = j
    while negator >= 0 and toks[negator].low.endswith("ly") \
            and toks[negator].low not in _NOT_ADVERBS:
        negator -= 1  # "did not explicitly say"
    if negator >= 0 and toks[negator].low in {"did", "does", "do", "not", "n't"}:
        return None
    if low in lexicon_en.NOUN_LIKE_VERBS and not (j >= 0 and names_a_speaker(toks[j])):
        return None
    cue = (toks[i].start, toks[i].end)

    k = _skip_after_cue(toks, i + 1)
    if low in lexicon_en.PARTICLE_VERBS and k == i + 1 and k < n:
        # "pointed out that ...": the particle belongs to the cue.
        cue = (toks[i].start, toks[i + 1].end)
        k = _skip_after_cue(toks, i + 2)
    asks = False
    if low in lexicon_en.QUESTION_VERBS:
        # "asked the network whether ...", "urged voters to ...": the content
        # starts at the first question word or infinitive after the listener.
        stop = k
        while stop < n and stop - k < 7 and toks[stop].low not in QUESTION_OPENERS:
            stop += 1
        if stop < n and toks[stop].low in QUESTION_OPENERS and stop > k:
            k = stop
            asks = True
    elif low in lexicon_en.OBJECT_VERBS:
        stop = k
        while stop < n and stop - k < 7 and not opens_content(toks[stop]):
            stop += 1
        if stop < n and opens_content(toks[stop]):
            k = stop
        elif k < n:
            k = k + 2 if toks[k].low in {"the", "a", "an"} else k + 1
            # "told The Huffington Post.": the whole name is the listener.
            while k < n and toks[k].text[:1].isupper() and toks[k - 1].text[:1].isupper():
                k += 1
        k = _skip_after_cue(toks, k)
    while k < n and toks[k].text in ",:":
        k += 1
    k = skip_to_that(toks, k)
    right_start = k
    while k < n and toks[k].low == "that":
        k += 1
    right = span_of(toks, k, n)
    opens_clause = asks or right_start < n and (
        toks[right_start].low == "that" or toks[right_start].text in QUOTES
        or toks[right_start - 1].text == ":"
    )
    # "said, adding ...", "said in Ohio on Monday": what follows is not what was said.
    right_is_content = right is not None and (
        opens_clause
        or (toks[right_start - 1].text != ","
            and toks[right_start].low not in NOT_CONTENT_LEAD
            and not toks[right_start].low.endswith(("ing", "ly"))
            )
    )

    # ", saying that ...": the source is the subject of the main clause.
    if low.endswith("ing") and j >= 0 and toks[j].text == ",":
        if right is None:
            return None
        # Without a clear subject the relation stands with an implicit source.
        # "Services were suspended, the authority said, adding that ...": the
        # participle goes with the cue just before its comma, whose source
        # it takes later (relations._continue_sources), not with the subject
        # of what that cue reported.
        subject = None if _cue_just_before(toks, j) else sentence_subject(toks, j, marks)
        return Match(subject, cue, right, region_start=cue[0])

    # '"...," said Smith.' -- the source follows the cue.
    # "Reid, who represents Nevada, said he ..." is an apposition, not an inversion.
    apposed = (
        right_is_content and j >= 0 and toks[j].text == ","
        and left_apposition(toks, j) is not None
    )
    if j >= 0 and toks[j].text in CONTENT_ENDS and right_start < n and not apposed:
        source = inverted_source(toks, right_start, low)
        content = span_of(toks, quote_start(toks, j, marks), j)
        if source is not None and content is not None:
            return Match(source, cue, content, region_start=source[0])

    # "X said ..." / "..., X said." -- the source precedes the cue.
    if j >= 0 and toks[j].low in {"and", "but"} and right is not None:
        # "Merrill says X and said Y": the subject of the first verb speaks again.
        if low not in WEAK or opens_clause:
            subject = clause_subject(toks, j, marks, low) or sentence_subject(toks, j, marks)
            return Match(subject, cue, right, region_start=cue[0])
        return None
    dash_appositive = None
    if j > 0 and toks[j].text in ("—", "–", "-"):  # "-": a dash typed as a spaced hyphen
        # "Many speakers — including pastors — said ...": skip the aside.
        dash = next(
            (x for x in range(j - 1, max(-1, j - 30), -1) if toks[x].text == toks[j].text), -1
        )
        if dash > 0:
            dash_appositive = (toks[dash + 1].start, toks[j - 1].end) if dash + 1 < j else None
            j = dash - 1
    m = j
    while m >= 0 and toks[m].low not in lexicon_en.NP_STOPS and (
        toks[m].text not in STOPS or toks[m].text in "()"
    ):
        # Parentheses stay inside the source: "Rep. Gwen Moore (D-Wis.) said".
        if j - m >= 14:
            return None
        m -= 1
    if m > 0 and toks[m].low == "that" and object_relative(toks, m, j):
        # "The report that the regulator released said ...": the relative
        # clause belongs to the subject; walk on to the noun it describes.
        m -= 1
        while m >= 0 and toks[m].low not in lexicon_en.NP_STOPS and toks[m].text not in STOPS:
            if j - m >= 14:
                return None
            m -= 1
    first = m + 1
    appositive = None
    if first > j >= 0 and (toks[j].text == "," or comma_quote(toks, j)):
        # "Flynn, a top Trump surrogate, said" / "Smith, who ran in 2012, said".
        found = left_apposition(toks, j)
        if found is None:
            return None
        first, comma = found
        m = first - 1
        appositive = (toks[comma + 1].start, toks[j - 1].end)
        j -= 1
    if first > j:
        return None
    while first <= j and toks[first].low in PREPOSITIONS:
        # "In a statement, Trump said": drop the leading phrase.
        nxt = first + 1
        while nxt <= j and not toks[nxt].text[:1].isupper():
            nxt += 1
        first = nxt
    if first > j:
        return None
    if toks[first].low in {"do", "does", "did"} or (
            low == "note" and toks[first].low in NOT_SPEAKERS) or (
            low == "called" and names_a_thing(toks, first, i)):
        # "Do you support Ted Cruz?" asks; "Editor's Note: ..." labels;
        # "a group called Black Votes Matter" names.
        return None
    source = (toks[first].start, toks[j].end)
    if appositive is None:
        appositive = dash_appositive

    # '"...," Clinton said in an interview.' -- the content precedes the source.
    before = None
    if m > 0 and toks[m].text in CONTENT_ENDS and (
        toks[m].text != "," or (low not in WEAK and low not in lexicon_en.STANCE_VERBS)
    ):
        before = span_of(toks, 0, m)
    if before is not None and right is not None and toks[m].text == ",":
        # "In the end, Rosenthal said, voters ...": a short lead-in is not the
        # content when a longer clause follows the cue.
        lead = toks[right_start]
        if (
            toks[right_start - 1].text == ","
            and lead.low not in NOT_CONTENT_LEAD
            and not lead.low.endswith(("ing", "ly"))
            and lead.low not in COORDINATORS
            and marks.first_quote >= m
            and m < n - right_start
        ):
            before = None
            right_is_content = True
    if before is not None and low in lexicon_en.OBJECT_VERBS and (
            quoted_title(toks, right_start)
            or (not opens_clause and main_clause(toks, m) and toks[first].low not in RELATIVES)):
        # "This is not about me, Obama told his advisers as he ...", '"...,"
        # Fiorina told "Fox and Friends," reminding ...': after "told" come
        # the listener and the setting; what was said came first.
        opens_clause = right_is_content = False
    if before is not None and toks[m].text in QUOTES:
        opener = quote_start(toks, m, marks)
        if right_is_content and opener > 0 and LETTER.search(toks[opener - 1].text):
            # 'on "CBS This Morning," Sanders said he ...': a quoted title, not speech.
            before = None
        else:
            before = span_of(toks, opener, m)
    # "After the vote, the senator said he would explain.": a source that
    # holds a verb of speech is a clause, and what precedes it no content.
    speaks = any(toks[x].low in SPOKE for x in range(first, j + 1))
    if before is not None and (
        not right_is_content or (toks[m].text in QUOTES and not opens_clause)
    ):
        # '"...," Cruz told reporters outside a restaurant': the quotation
        # before the source is the content; what follows the cue is the setting.
        if speaks:
            return None
        return Match(source, cue, before, region_start=source[0], appositive=appositive)
    if right is not None:
        if low in WEAK and not (opens_clause or speaks_without_that(toks, first, j)):
            return None
        if m > 2 and toks[m].text == "," and toks[right_start - 1].text == "," \
                and toks[right_start].low in COORDINATORS and toks[0].low not in PREPOSITIONS:
            # "The bill will pass, Democrats predicted, but Republicans
            # disagreed.": the next clause is no part of the prediction.
            before = span_of(toks, 0, m)
            if before is None:
                return None
            return Match(source, cue, before, region_start=source[0], appositive=appositive)
        return Match(source, cue, right, region_start=source[0], appositive=appositive)
    # Nothing after the cue: the content precedes the source. Not after a
    # word that ends a noun phrase ("said that talks would continue.",
    # "Prices rose and analysts warned."), unless it is the "as" or "so" of
    # "..., as Trump said." / "..., or so the White House says."; and not
    # when the source holds a verb of speech (above).
    if speaks:
        return None
    if m >= 0 and toks[m].low in {"and", "or"} and (
            low in INVERTING_VERBS or low in {"show", "shows", "showed"}):
        # "..., the local search and rescue agency said.", '"...," Dovere and
        # Debenedetti wrote.': the source runs back over "and" to the comma
        # that ends what was said.
        comma = m - 1
        while comma >= 0 and m - comma <= 8 and toks[comma].text != "," \
                and toks[comma].low not in lexicon_en.NP_STOPS and toks[comma].low not in FINITE:
            comma -= 1
        if comma <= 0 or toks[comma].text != "," or comma == m - 1:
            return None
        opener = comma + 1
        while opener < j and toks[opener].text in QUOTES:
            opener += 1
        source, m = (toks[opener].start, toks[j].end), comma
    elif m >= 0 and toks[m].low in lexicon_en.NP_STOPS:
        comma = -1  # any other "and", "that", "because" ...: nothing before was said
        if low in INVERTING_VERBS and toks[m].low == "as":
            comma = m - 1
        elif low in INVERTING_VERBS and toks[m].low == "so" and m > 0 and toks[m - 1].low == "or":
            comma = m - 2
        if comma <= 0 or toks[comma].text != ",":
            return None
        m = comma
    content = span_of(toks, 0, max(m, 0))
    if content is None:
        return None
    return Match(source, cue, content, region_start=source[0], appositive=appositive)
