"""Whether an English source, or one in another Latin-script language the
tagger reads, names a speaker (:mod:`claimcheck.text.attribution.wellformed`
dispatches here): a noun phrase or a pronoun, not a function word, a clause,
a fragment with a reporting verb or a change of a figure."""

from __future__ import annotations

import re

from claimcheck.text.attribution.en.words import FINITE, PAST, surname
from claimcheck.text.attribution.tokens import WORD, word_set

# English words that cannot start a source (pronouns can; "the" can).
_BAD_FIRST = word_set("""
    and or but nor so yet which whose whom that where when while if because since
    although though instead far even now then also just only not never to of in on
    at for with by from into than as said says say told added adding according
    online here there hasn't didn't doesn't isn't wasn't don't don’t
    including speaking having holding
    it's it’s that's that’s there's there’s here's here’s
    """)
_CLAUSE_START = word_set("it's it’s that's that’s there's there’s here's here’s")
# Words after which no part of the span names a speaker: a preposition's
# object ("around the country", "per the McKinley report"), an adverb, the
# stray "s" of a cut possessive ("s Record on ...").
_NEVER_FIRST = word_set("""
    together among amid around per across toward towards via despite during through s
    """)
# English words that cannot end a source.
_BAD_LAST = word_set("""
    and or but of to in on at for with by from the a an that which who whose as than
    said says say told
    don't didn't doesn't won't can't isn't wasn't aren't weren't wouldn't couldn't
    don’t didn’t doesn’t won’t can’t isn’t wasn’t aren’t weren’t wouldn’t couldn’t
    often also repeatedly frequently again recently later then now publicly privately
    previously once still
    """)
_RELATIVE = word_set("who which that whose whom")
# Words that, with a number and nothing else, count without naming.
_QUANTIFIERS = word_set("all both each some many most few several the a an any no none of")
# Words that name nobody alone: a quantifier, a preposition or an adjective
# the tagger cut from a phrase ("More (offering web access)", "Over", "important"),
# a subordinator, a time ("Earlier", "Sunday": when, not who) or a sentence adverb.
_NOT_ALONE = word_set("""
    more less fewer most much over under about after before during important
    without like unlike whenever wherever whether however meanwhile usually seldom
    this these what how why let last no wow
    earlier later today yesterday tomorrow tonight
    monday tuesday wednesday thursday friday saturday sunday
    """)
# Titles that name nobody alone.
_TITLES = word_set("mr mrs ms dr sen rep gov gen lt col sgt")
# Subject pronouns: "the top 33 percent rate he" ends in the speaker.
_SUBJECT = word_set("he she they we i")
# Articles of the Latin-script languages the tagger reads.
_ARTICLES = word_set("le la les l el los las lo il der die das den un une des ein eine")
# A lowercase word followed by one of these is a verb with its object, not
# the head of a noun phrase: "features a New York Times", "replacing it",
# "including the one", "represents more than", "recalled Mr. Obama". (A noun is followed by a
# preposition often, "officials in the region", by a determiner never.)
_OBJECT_START = word_set("""
    a an the it them him its his their what whether more mr mrs ms dr
    """)
# ... except after these, which start noun phrases: "all the candidates",
# "many more voters". ("officials this week": "this" is not in the list.)
_PREDETERMINERS = word_set("all both half such many much some several no any")
# Before a last "-ed" word these make it a noun ("the accused", "those
# detained"); after any other word it is the verb of a clause ("agent obtained").
_DETERMINERS = word_set("the a an this that these those his her their its our my your") \
    | _PREDETERMINERS
# A lowercase "-ed" or "-ing" word followed by one of these is a verb with its
# complement: "appeared in", "forced to defend", "cutting off", "compared to".
_VERB_PARTICLES = word_set("""
    to in on at for with by from into over about off out up down near onto upon after
    before against
    """)
# Reporting verbs that are never part of a name: "said all 23" is a fragment.
_SPEECH = word_set("said says told tells added adds spoke speaks")
_MAX_WORDS = 16
# Capitalised words that open a sentence, not a name ("However, a senior
# adviser ..."), beside the function words of _BAD_FIRST, which
# plausible rejects anyway; with the months and days, which open a
# date ("Jan. 5, ...").
_NOT_NAME_FIRST = frozenset("""
    however meanwhile still moreover indeed later earlier today yesterday last first
    after before
    monday tuesday wednesday thursday friday saturday sunday jan feb mar apr may jun
    jul aug sep sept oct nov dec january february march april june july august
    september october november december
""".split())

# Lowercase words in "-ly" that are nouns, not adverbs: a source may end in
# one ("a close ally", "the victim's family").
_LY_NOUNS = word_set("""
    ally rally family assembly supply monopoly anomaly daily weekly monthly quarterly
    homily bully belly lily folly jelly reply elderly
    """)


def _adverb(word: str) -> bool:
    """Whether ``word`` (as written) is an English adverb in "-ly": "Mr
    Brown allegedly", "the president repeatedly" end before it."""
    return len(word) > 4 and word.islower() and word.endswith("ly") \
        and word not in _LY_NOUNS


# A change of a figure ("a drop from 76 percent", "up from 40 percent"):
# the poll's earlier number, not who answered.
_CHANGE = re.compile(
    r"^(?:(?:a|an|the)\s+)?(?:drop|rise|increase|decline|decrease|fall|jump|gain|"
    r"change|up|down)\s+(?:from|of)\b", re.IGNORECASE)


# A verb contracted onto a pronoun that ends a source: "I'm", "they’re",
# "we've", "she'll", "who'd" ("'s" is read as a possessive, see _possessive;
# "Sa'd" is a name).
_CONTRACTION = re.compile(r"(?:^|(?<=\W))(i|you|we|they|he|she|it|who)['’](?:m|re|ve|ll|d)\Z",
                          re.IGNORECASE)


def _possessive(word: str) -> bool:
    return word.endswith(("'s", "’s")) and word.lower() not in _CLAUSE_START


def _verb_with_object(written: list[str], words: list[str]) -> bool:
    """Whether a source's words open with a lowercase verb and its object or
    complement ("features a New York Times", "replacing it with softer
    language", "forced to defend"): the tagger took a fragment of a clause."""
    if len(words) < 2 or not written[0].islower():
        return False
    if words[1] in _OBJECT_START and words[0] not in _PREDETERMINERS:
        return True
    return (words[0].endswith(("ed", "ing")) and len(words[0]) > 4
            and words[1] in _VERB_PARTICLES)


def _ends_in_pronoun(low: list[str]) -> bool:
    """Whether lowercased words end in a subject pronoun after other words
    ("the top 33 percent rate he"), not in a list of speakers ("Obama and he")."""
    return len(low) > 1 and low[-1] in _SUBJECT and low[-2] not in ("and", "or")


def _as_written(text: str) -> bool:
    """Whether an English (or other Latin-script) source is plausible as
    written, :func:`plausible` less the change-of-a-figure test."""
    matches = list(WORD.finditer(text))
    written = [m.group() for m in matches]
    words = [w.lower() for w in written]
    if not words or len(words) > _MAX_WORDS:
        return False
    if len(words) == 1 and (words[0] in _RELATIVE):
        return True  # "who": resolved to whom it refers
    if words[0] in _RELATIVE:
        return False  # "who sat for an interview": a relative clause (trim cuts it)
    if len(words) == 1 and (words[0] in _TITLES or words[0] in _NOT_ALONE):
        return False  # "Mr": a title whose name was cut off; "More", "Over"
    if any(w.isdigit() for w in words) and all(w.isdigit() or w in _QUANTIFIERS
                                               for w in words):
        return False  # "all 23" (of "said all 23 warning sirens"): a count, no name
    if words[0] in _BAD_FIRST or words[0] in _NEVER_FIRST or words[-1] in _BAD_LAST \
            or (len(words) > 1 and _adverb(written[-1])):
        return False
    if len(words) == 1 and words[0] in _ARTICLES:
        return False  # "le", "die": the tagger cut a name short
    if len(words) == 1 and words[0].endswith("ly") and text[:1].islower():
        return False  # "periodically"
    if written[0].islower() and (words[0] in FINITE or words[0] in PAST or (
            len(words) == 1 and words[0].endswith(("ed", "ing")))):
        return False  # "is", "began", "has he", "supporting": a verb, not a name
    if _verb_with_object(written, words):
        return False  # "features a New York Times", "appeared in the journal"
    if _possessive(written[-1]) or _CONTRACTION.search(written[-1]):
        return False  # "Tulsa police’s", "I'm": the possessor, the pronoun; see trim
    if _ends_in_pronoun(words):
        return False  # "the top 33 percent rate he": see trim
    in_relative = False  # a relative pronoun came earlier: its verb is no clause of ours
    for k, word in enumerate(words):
        if word in _SPEECH:
            return False
        if k > 0 and not in_relative:
            past = written[k].islower() and (word in PAST
                                             or (word.endswith("ed") and len(word) > 4))
            if (past and written[k - 1][:1].isupper()
                    and text[matches[k].start() - 1].isspace()):  # not "Republican-controlled"
                return False  # "Ivana Trump filed legal papers": a clause
            if (past and k == len(words) - 1 and words[k - 1] not in _DETERMINERS
                    and not words[k - 1].endswith("ly")):
                return False  # "The FBI agent obtained (a photo ...)": a clause ("the
                # newly elected" stays); trim cuts
            # "The governor's office has faced criticism": a clause, unless the
            # verb is inside a relative clause ("a source who was not authorised").
            if word in FINITE and not surname(written[k - 1], written[k],
                                              written[k + 1] if k + 1 < len(written) else None):
                return False
        in_relative = in_relative or word in _RELATIVE
    return True


def _name_before_apposition(text: str) -> tuple[int, int] | None:
    """The words before the first comma of ``text`` when they are a name:
    every word capitalised, the first no lead-in ("However, ...")."""
    comma = text.find(",")
    head = list(WORD.finditer(text, 0, comma)) if comma > 0 else []
    if not head or not all(m.group()[:1].isupper() for m in head) \
            or head[0].group().lower() in _NOT_NAME_FIRST:
        return None
    span = (head[0].start(), head[-1].end())
    return span if plausible(text[span[0]:span[1]]) else None


def _cut(text: str, words: list[re.Match[str]]) -> tuple[int, int] | None:
    """:func:`trim` for a source in a Latin-script language that is
    not plausible as written: its words cut before a verb and stripped of
    function words."""
    low = [m.group().lower() for m in words]
    if low and low[0] in _NEVER_FIRST:
        return None
    contraction = _CONTRACTION.search(words[-1].group()) if words else None
    if contraction:
        # "I'm (telling you)", "and they’re (hopeful)", "who'd (endorsed)": the
        # pronoun, cut as any source would be
        end = words[-1].start() + contraction.start() + len(contraction.group(1))
        return trim(text[:end])
    if words and _possessive(words[-1].group()) and len(words[-1].group()) > 2:
        # "Tulsa police’s (earlier claim)", "he’s (said)": the possessor, or
        # the subject before a contracted "has"
        cut = (0, words[-1].end() - 2)
        return cut if plausible(text[:cut[1]]) else None
    if _ends_in_pronoun(low):
        # "the top 33 percent rate he proposed": the tagger took in the
        # words before the speaker, who is the pronoun
        return (words[-1].start(), words[-1].end())
    end = len(words)
    for k in range(1, len(words)):
        word = low[k]
        if word in _RELATIVE and k + 1 < len(words):
            end = k
            break
        if ((word in FINITE and not surname(words[k - 1].group(), words[k].group(),
                                            words[k + 1].group() if k + 1 < len(words) else None))
                or (word in PAST and words[k].group().islower()) or word in _SPEECH
                or (word.endswith(("ed", "ing")) and word == words[k].group() and len(word) > 4)):
            end = k  # "Ivana Trump filed" too: a lowercase "-ed" word
            break
    start = 0
    while start < end and low[start] in _BAD_FIRST:
        start += 1
    while end > start and (low[end - 1] in _BAD_LAST or _adverb(words[end - 1].group())):
        end -= 1
    if start >= end or end - start > _MAX_WORDS:
        return None
    if low[0] in _CLAUSE_START:
        return None  # "It's worth": a clause, not a name
    span = (words[start].start(), words[end - 1].end())
    return span if plausible(text[span[0]:span[1]]) else None


def plausible(text: str) -> bool:
    """Whether ``text``, a source as written in English or another
    Latin-script language, can name a speaker (a URL is refused before).

    Examples
    --------
    >>> plausible("The Bank of Corvania"), plausible("he"), plausible("said all 23")
    (True, True, False)
    """
    return not _CHANGE.match(text.strip()) and _as_written(text)


def trim(text: str) -> tuple[int, int] | None:
    """The part of ``text`` that names a speaker, as offsets into it; None
    when no part does. A source that is not plausible as written is cut
    before a verb ("Brafman had basically" -> "Brafman", "Morton Blackwell,
    the icon who founded" -> "Morton Blackwell, the icon") and stripped of
    leading and trailing function words ("which he" -> "he"); a relative or
    personal pronoun alone ("who", "he") stays, to be resolved to whom it
    refers. A source of more than 16 words that no cut makes plausible is
    the name before its first comma, when that is one ("Larry Cohen, a
    senior adviser to ... and past president of ..." -> "Larry Cohen")."""
    if plausible(text):
        return (0, len(text))
    if _CHANGE.match(text.strip()):
        return None
    words = list(WORD.finditer(text))
    cut = _cut(text, words)
    if cut is None and len(words) > _MAX_WORDS:
        return _name_before_apposition(text)
    return cut
