"""The subject of an English sentence or clause, for a cue that has no
source of its own: a participle after a comma ("..., saying"), a second verb
("... and added"). Past a wire dateline, lead-in phrases ("On Sunday,",
"Speaking at a rally,", "Hours later,") and a town's US state; the subject of
a subordinate clause for its own second verb ("when Trump spotted a sign and
asked")."""

from __future__ import annotations

from claimcheck.text import lexicon_en
from claimcheck.text.attribution.en.marks import Marks
from claimcheck.text.attribution.en.words import (
    BE,
    FINITE,
    HARD_STOPS,
    PAST,
    PREPOSITIONS,
)
from claimcheck.text.attribution.tokens import LETTER, QUOTES, Token

# Words besides the prepositions and _SUBORDINATE_LEADS that open a phrase
# before the subject unless a capitalised word follows ("Back in 1999, Mr.
# Trump", "Last year, ..."; not "Last Week Tonight host John Oliver").
_LEAD_IN_FIRST = frozenset("""
    back late absent despite
    throughout under amid following like unlike earlier later last outside beyond
    asked pressed known born therefore likewise perhaps meanwhile however instead still
    essentially notably similarly separately additionally ultimately finally initially
    previously recently increasingly ironically clearly publicly privately
    """.split())
# US states as a dateline or a place writes them after a town ("Salem, New
# Hampshire,", "Beaumont, Tex.,"), spaces dropped: the AP abbreviations and names.
_US_STATES = frozenset("""
    ala. alaska ariz. ark. calif. colo. conn. del. fla. ga. hawaii idaho ill. ind. iowa
    kan. ky. la. maine md. mass. mich. minn. miss. mo. mont. neb. nev. n.h. n.j. n.m.
    n.y. n.c. n.d. ohio okla. ore. pa. r.i. s.c. s.d. tenn. texas tex. utah vt. va.
    wash. w.va. wis. wyo. d.c. alabama arizona arkansas california colorado connecticut
    delaware florida georgia illinois indiana kansas kentucky louisiana maryland
    massachusetts michigan minnesota mississippi missouri montana nebraska nevada
    newhampshire newjersey newmexico newyork northcarolina northdakota oklahoma oregon
    pennsylvania rhodeisland southcarolina southdakota tennessee vermont virginia
    washington westvirginia wisconsin wyoming
    """.split())
_TIME_LAST = frozenset("""
    later ago before earlier afterward afterwards today yesterday tonight week month year
    morning afternoon evening night weekend monday tuesday wednesday thursday friday
    saturday sunday
    """.split())


_PARTICIPLE_OBJECTS = PREPOSITIONS | frozenset(
    "by about as to the a an his her their its this that these those up down out".split())
# Subordinators: a clause before the subject ("When Trump arrived, he ...").
_SUBORDINATE_LEADS = frozenset("given after while when as although though if because".split())
# Words that open a phrase of time before a subject ("Hours later, ...").
_TIME_OPENERS = frozenset("""
    a an the one two three four five several few some moments minutes hours days weeks
    months years decades
    """.split())


def _lead_in(toks: list[Token], k: int, limit: int) -> bool:
    """Whether the words from ``k`` to the next comma are a phrase before the
    sentence's subject, not the subject."""
    first = toks[k]
    after = toks[k + 1] if k + 1 < limit else None
    if first.low in PREPOSITIONS or first.low in _SUBORDINATE_LEADS:
        return True
    if first.low in _LEAD_IN_FIRST:
        # "Last year, ..." and "Outside the arena, ...", not "Last Week
        # Tonight host John Oliver" or "Under Armour": a name goes on capitalised.
        return after is None or not after.text[:1].isupper()
    if first.text[:1].isupper() and first.low.endswith(("ing", "ed")) and len(first.low) > 5 \
            and first.low not in lexicon_en.REPORTING_VERBS \
            and after is not None and after.low in _PARTICIPLE_OBJECTS:
        # "Speaking at a town hall, Trump", "Undeterred by the polls, the
        # governor"; not "Beijing hit back" or "Boeing stood by": a name
        # has its verb after it.
        return True
    comma = next((x for x in range(k, min(limit, k + 6)) if toks[x].text == ","), -1)
    # "Hours later, he", "A month later, she", "Two days ago, the mayor";
    # not "Trump on Sunday, in a series of tweets, ..."
    return comma > k and (first.low in _TIME_OPENERS or first.text.isdigit()) and (
        toks[comma - 1].low in _TIME_LAST or (
            toks[comma - 1].text.isdigit() and len(toks[comma - 1].text) == 4))


# Words that open a clause with its own subject inside a sentence ("The crowd
# cheered when Trump spotted a sign and asked ..."). Not "after" or "who":
# on PolNeAR train a second verb after "after he clinched the nomination"
# or a closed relative clause was as often the main subject's.
_SUBORDINATORS = frozenset("when because though although while whereas".split())
_SUBJECT_PRONOUNS = frozenset("he she they we i".split())
# Forms of "be" as a clause's verb ("'s" and "being" never pass the tense test).
_BE = BE | frozenset("am isn't wasn't aren't weren't".split())
_CLAUSE_REACH = 25


def _tense(word: str) -> str | None:
    """"past" or "present" for a verb form whose ending or spelling says it."""
    if word in PAST or word.endswith("ed"):
        return "past"
    if word.endswith("s") and not word.endswith("ss"):
        return "present"
    return None


def _verb_like(tok: Token) -> bool:
    """Whether a lowercase token reads as a verb after a subject."""
    return tok.text[:1].islower() and (
        tok.low in FINITE or tok.low in PAST or tok.low in lexicon_en.AUXILIARIES
        or (len(tok.low) > 3 and _tense(tok.low) is not None))


def clause_subject(toks: list[Token], limit: int, marks: Marks, cue: str
                    ) -> tuple[int, int] | None:
    """The subject of the nearest clause a subordinator opens within
    :data:`_CLAUSE_REACH` tokens before ``limit`` (the "and" of the second
    verb ``cue``), with no comma between: the subordinator's pronoun or name
    run with a verb of the cue's tense after it ("when Trump spotted a sign
    and asked", "because he favors ... and opposes"; not "because he is
    Mexican and said", "though Clinton leads and said"). None when there is
    no such clause."""
    for x in range(limit - 1, max(-1, limit - _CLAUSE_REACH), -1):
        if toks[x].text in HARD_STOPS or toks[x].text in ",;":
            return None  # a clause closed before the second verb is not its
        if toks[x].low not in _SUBORDINATORS:
            continue
        start = x + 1
        if start >= limit:
            continue
        end = start + 1 if toks[start].low in _SUBJECT_PRONOUNS \
            else min(marks.name_run_end(start), limit)
        if end == start or end >= limit or (end == start + 1 and toks[start].low == "the"):
            continue
        verb = toks[end]
        tense = _tense(verb.low)
        if verb.text[:1].islower() and verb.low not in _BE and len(verb.low) > 3 \
                and tense is not None and tense == _tense(cue):
            return (toks[start].start, toks[end - 1].end)
    return None


def _past_wire_dateline(toks: list[Token], k: int, limit: int) -> int:
    """Where the subject starts after a wire dateline opening the sentence
    ("WASHINGTON (Reuters) – Hillary Clinton", "WASHINGTON, June 10 (UPI) --
    Sen. Bernie Sanders"); ``k`` when there is none."""
    j, end = k, min(limit, k + 4)  # a place of at most four words: "SAN JUAN"
    while j < end and toks[j].text.isupper() and len(toks[j].text) > 1 and toks[j].text.isalpha():
        j += 1
    if j == k or j == end:
        return k
    if j < limit and toks[j].text == ",":
        # ", June 10": a date after the place
        j = next((x for x in range(j + 1, min(limit, j + 5))
                  if toks[x].text in ("(", "-", "—", "–")), j)
    if j < limit and toks[j].text == "(":
        close = next((x for x in range(j, min(limit, j + 6)) if toks[x].text == ")"), -1)
        if close < 0:
            return k
        j = close + 1
    if j >= limit or toks[j].text not in ("-", "—", "–"):
        return k
    while j < limit and toks[j].text in ("-", "—", "–"):
        j += 1
    return j


def sentence_subject(toks: list[Token], limit: int, marks: Marks) -> tuple[int, int] | None:
    # The leading run of capitalised words and determiners, e.g. "The White House".
    k = min(marks.lead_end, limit)
    if k > 0 and toks[0].text in QUOTES and marks.quote_between(k, limit):
        return None  # '"The vote was calm," Voss said, adding': a quotation has no subject
    k = _past_wire_dateline(toks, k, limit)
    for _ in range(3):  # "The day before, at a rally in Beaumont, Tex., Mr. Trump"
        if k >= limit or not _lead_in(toks, k, limit):
            break
        # "On Sunday, Mr. Trump ..., saying": the subject follows the lead-in.
        comma = next((x for x in range(k, min(limit, k + 12)) if toks[x].text == ","), -1)
        if comma < 0:
            return None
        k = comma + 1
        if toks[comma - 1].text[:1].isupper():
            # "in Salem, New Hampshire, Trump", "in Beaumont, Tex., Mr. Trump": a place's state
            end = next((x for x in range(k, min(limit, k + 5)) if toks[x].text == ","), -1)
            if end > k and "".join(t.text for t in toks[k:end]).lower() in _US_STATES:
                k = end + 1
    start = k
    k = max(start, min(marks.name_run_end(start), limit))
    if (k > start and toks[k - 1].low.endswith(("'s", "’s"))
            or k > start + 1 and toks[start].low in {"the", "a", "an"}) \
            and k + 1 < limit and toks[k].text[:1].islower() \
            and LETTER.search(toks[k].text) and _verb_like(toks[k + 1]):
        # "Clinton's lawyers looked ... and found", "the Ohio governor kept
        # ..., hoping": one noun after the name, when a verb follows it (not
        # "The White House hit back").
        k += 1
    elif toks[start].low in _QUANTIFIERS:
        # "Both parents stiffened ..., saying", "All three senators": the
        # quantifier, a number, and one noun (the noun's verb may be in the
        # present, "Most analysts expect a cut", which the run below would
        # take in).
        k = start + 1
        if k < limit and (toks[k].text[:1].isdigit() or toks[k].low in _NUMBERS):
            k += 1
        # up to two words before the plural noun ("Both former presidents",
        # "Most health experts")
        first = k
        for k in range(first, min(first + 3, limit)):
            if not _noun_like(toks[k]):
                return None
            if _plural(toks[k]):
                # "Most news outlets", "Both bus drivers": a second plural
                # after the first is the head (a verb after a plural takes
                # no s)
                if k + 1 < limit and _noun_like(toks[k + 1]) and _plural(toks[k + 1]):
                    k += 1
                break
        else:
            return None
        k += 1
    elif k == start + 1 and toks[start].low in _DESCRIBED_OPENERS \
            or k == start and toks[start].low in _DESCRIBED_OPENERS - {"the", "a", "an"}:
        # "The former candidate continued, saying": a described subject runs
        # on to its verb.
        while k < limit and k - start < 8 and LETTER.search(toks[k].text) and not (
            toks[k].low in FINITE or toks[k].low in lexicon_en.NP_STOPS
            or toks[k].low in lexicon_en.AUXILIARIES or toks[k].low in PREPOSITIONS
            or toks[k].low in lexicon_en.REPORTING_VERBS or toks[k].low.endswith("ed")
            or toks[k].low in PAST
        ):
            k += 1
        if k - start < 2 or k - start >= 8:
            return None
    if k == start or (k == start + 1 and toks[start].low == "the"):
        return None
    return (toks[start].start, toks[k - 1].end)


def _noun_like(word: Token) -> bool:
    """A word that may stand in a noun phrase after "Most", "Both" ...: a
    lowercase word that is no verb form, auxiliary, preposition or stop, or
    a capitalised one ("Most Republican senators")."""
    return word.text.isalpha() and (word.text[0].isupper() or word.text.islower()) \
        and word.low not in FINITE and word.low not in lexicon_en.AUXILIARIES \
        and word.low not in PREPOSITIONS and word.low not in lexicon_en.NP_STOPS


def _plural(word: Token) -> bool:
    """Whether a word reads as a plural noun ("parents", "men")."""
    return word.low.endswith("s") and not word.low.endswith("ss") \
        or word.low in _IRREGULAR_PLURALS


# Words that open a described subject ("The former candidate", "Many
# voters"): capitalised at the start of a sentence, they make a run of
# their own that is no subject.
_DESCRIBED_OPENERS = frozenset({"the", "a", "an", "many", "some", "several"})
# Quantifiers before a number and a noun ("Both parents", "All three senators").
_QUANTIFIERS = frozenset({"most", "both", "all", "few"})
_NUMBERS = frozenset("two three four five six seven eight nine ten dozen".split())
_IRREGULAR_PLURALS = frozenset("men women people children police staff".split())
