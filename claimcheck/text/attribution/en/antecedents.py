"""The noun phrase a relative pronoun source stands for.

A relation whose source is "who", "whom", "which" or "whose" alone ("...,
said Harvey, who ...", "Swanson praised evangelist Franklin Graham, who has
said ...") speaks for the noun phrase the pronoun is attached to, which is
written right before it. The speaker resolution of
:mod:`claimcheck.text.speakers` takes a pronoun's antecedent from the
earlier *speakers* of the article, which suits "he" and "she" but gives a
relative pronoun whoever spoke last (Swanson, not Graham).
:func:`relative_antecedent` finds the phrase itself; where it finds none (a
clause before "which", no noun before the pronoun) the pronoun stays a
pronoun.
"""

from __future__ import annotations

import re

from claimcheck.text.attribution.en.words import FINITE, PAST, PREPOSITIONS
from claimcheck.text.attribution.tokens import WORD, word_set
from claimcheck.text.sentences import NAME_TITLES

RELATIVE_SOURCES = word_set("who whom which whose")
# Lowercase words inside a name ("Bank of England", "Bernie Sanders of Vermont").
_NAME_JOINERS = word_set("of the de del da di al bin ibn van von la le du")
_DETERMINERS = word_set("""
    the a an this that these those his her their its our my your several many some most
    other both all two three four five six seven eight nine ten dozens hundreds thousands
    """)
# Words that end a noun phrase read backwards: a verb, a conjunction or a
# preposition is no part of it.
_NOT_IN_PHRASE = FINITE | PAST | PREPOSITIONS | word_set("""
    and or but nor than as to into over under about against across among between through
    within without toward towards who whom which whose that when where while because
    if not no also said says told say
    """)
# Prepositions of place: "who" after "across the country" is the people before them.
_PLACE_PREPOSITIONS = word_set("across in at on near around throughout inside outside")
_MAX_WORDS = 8
# Capitalised words that open a sentence, not a name ("But President Barack Obama").
_OPENERS = word_set("""
    however then now so yet also still even meanwhile finally instead today yesterday on
    monday tuesday wednesday thursday friday saturday sunday
    """)
_NOT_A_NAME = _NOT_IN_PHRASE | _OPENERS
# What may stand between the phrase and the pronoun: spaces, and at most one
# comma, dash or opening bracket.
_GAP = re.compile(r"\s*[,—–(-]?\s*\Z")


def relative_antecedent(text: str, start: int, floor: int = 0) -> tuple[int, int] | None:
    """The offsets of the noun phrase that the relative pronoun at ``start``
    stands for, looking no further back than ``floor`` (the sentence's
    start); None when no noun phrase ends right before the pronoun.

    A capitalised run is taken whole ("Senator Bernie Sanders of Vermont",
    "Mr. Leenders"); an apposition with a place or firm ("Howard Rubel, a
    senior analyst at Jefferies, who") gives the name before it; otherwise
    the lowercase phrase back to its determiner ("the president", "Trump's
    campaign"). A verb before the pronoun ("the talks were postponed, which")
    gives None: "which" then stands for a clause.

    >>> text = "Swanson praised evangelist Franklin Graham, who has said it."
    >>> span = relative_antecedent(text, text.index("who"))
    >>> text[span[0]:span[1]]
    'Franklin Graham'
    """
    words = list(WORD.finditer(text, floor, start))
    if not words or not _GAP.match(text, words[-1].end(), start):
        return None
    phrase = _capitalised_run(text, words) or _lowercase_phrase(text, words)
    if phrase is None:
        return None
    if text[start:start + 3].lower() == "who":  # who, whom, whose: people
        return _person(text, words, phrase)
    first, last = phrase
    return words[first].start(), words[last].end()


def _person(text: str, words: list[re.Match[str]],
            phrase: tuple[int, int]) -> tuple[int, int] | None:
    """The offsets of the person a "who" stands for, from ``phrase``, the
    noun phrase right before it (first and last word): past a place
    ("Democrats across the country, who", "Democrats in Ohio, who"), with the
    people of a place ("Residents of the valley, who"), or the name before an
    apposition ("Howard Rubel, a senior analyst at Jefferies, who")."""
    first, last = phrase
    before = words[first - 1].group().lower() if first > 1 else ""
    if before in _PLACE_PREPOSITIONS:
        people = _capitalised_run(text, words[:first - 1]) \
            or _lowercase_phrase(text, words[:first - 1])
        if people is None:
            return None
        first, last = people
    elif not _capitalised(words[last].group()) and before == "of" \
            and words[first - 2].group().lower().endswith("s") \
            and words[first - 2].group().lower() not in _NOT_IN_PHRASE:
        first -= 2
        if first > 0 and words[first - 1].group().lower() in _DETERMINERS:
            first -= 1
    named = _name_before_apposition(text, words, first)
    if named is not None:
        first, last = named
    return words[first].start(), words[last].end()


def _capitalised(word: str) -> bool:
    """Whether a word is written with a capital (a name's, or a sentence's first)."""
    return word[:1].isupper()


def _joined(text: str, left: re.Match[str], right: re.Match[str]) -> bool:
    """Whether two words of a name stand next to each other: only spaces
    between, a hyphen, or the period of a title or an initial ("Mr.
    Leenders", "Donald J. Trump")."""
    gap = text[left.end():right.start()]
    if not gap.strip() or gap in ("-", "‑"):
        return True  # "North-Rhine Westphalia", "anti-Trump activists"
    return gap.strip() == "." and (left.group().lower() in NAME_TITLES or len(left.group()) == 1)


def _capitalised_run(text: str, words: list[re.Match[str]]) -> tuple[int, int] | None:
    """The capitalised run that ends the words (index of its first and last
    word), with a determiner before it ("the Smithsonian Institution")."""
    last = len(words) - 1
    if last < 0 or not _capitalised(words[last].group()):
        return None
    first = last
    k = last - 1
    while k >= 0 and last - k < _MAX_WORDS and _joined(text, words[k], words[k + 1]):
        word = words[k].group()
        if _capitalised(word) and word.lower() not in _NOT_A_NAME:
            first = k
        elif word.lower() not in _NAME_JOINERS:
            break
        k -= 1
    if first > 0 and words[first - 1].group().lower() == "the" \
            and _joined(text, words[first - 1], words[first]):
        first -= 1
    return first, last


def _lowercase_phrase(text: str, words: list[re.Match[str]]) -> tuple[int, int] | None:
    """The noun phrase that ends the words, back to its determiner or a
    possessive name ("the president", "several keynote speakers", "Trump's
    campaign", "the family"), or None when the last word is a verb or a
    function word."""
    last = len(words) - 1
    if last < 0:
        return None
    final = words[last].group().lower()
    if final in _NOT_IN_PHRASE or final.isdigit() \
            or (final.endswith("ed") and not final.endswith("eed") and len(final) > 4):
        return None  # "were postponed, which": a clause
    first = last
    for k in range(last - 1, max(-1, last - _MAX_WORDS), -1):
        if not _joined(text, words[k], words[k + 1]):
            break
        word = words[k].group()
        low = word.lower()
        if low in _DETERMINERS:
            first = k  # "the": the phrase opens here
            break
        if re.search(r"['’]s?\Z", word):  # "Trump's", "the board's": a possessor opens it
            first = k
            if k > 0 and words[k - 1].group().lower() in _DETERMINERS \
                    and _joined(text, words[k - 1], words[k]):
                first = k - 1
            break
        if low in _NOT_IN_PHRASE:
            break
        first = k
    return first, last


def _name_before_apposition(text: str, words: list[re.Match[str]],
                            first: int) -> tuple[int, int] | None:
    """The name before an apposition that ends in the phrase starting at word
    ``first``: "Harlan Crow, a Texas real estate developer, who" (the phrase
    is the apposition), "Howard Rubel, a senior analyst at Jefferies, who"
    (the phrase is the object of its preposition); None when there is no
    such apposition."""
    k = first
    if first > 0 and words[first - 1].group().lower() in PREPOSITIONS:
        k = first - 1  # "at (the) Jefferies": back to the apposition's start
        while k > 0 and not text[words[k - 1].end():words[k].start()].strip():
            k -= 1  # back to the start of this stretch without punctuation
    if k == 0 or words[k].group().lower() not in ("a", "an", "the") \
            or text[words[k - 1].end():words[k].start()].strip() != ",":
        return None
    before = _capitalised_run(text, words[:k])
    if before is None or words[before[0]].group().lower() == "the":
        return None
    return before


# --------------------------------------------------- a pronoun before any speaker

PERSONAL_SOURCES = word_set("he she his her him")
# Capitalised words that open a sentence without naming anyone.
_NOT_A_SUBJECT = _NOT_A_NAME | _DETERMINERS | word_set("""
    i he she it we they you his her their its our my your there here what when why how
    after before during despite although though since until unless once with from by for
    january february march april may june july august september october november december
    none nobody nothing neither either each every any anyone everyone someone few more much
    democrats republicans americans conservatives liberals progressives evangelicals
    """)
# Titles that give a name's gender away, for "she" and "he".
_TITLES_OF = {"she": word_set("mr mr. sir lord king prince"),
              "he": word_set("mrs mrs. ms ms. miss lady dame queen princess")}
_SENTENCE_OPENING = re.compile(r"[\s\"“”'‘’(\[]*")
# A name is at most this many words ("President Viktor F. Yanukovych").
_MAX_NAME_WORDS = 5
# Words of a place or an organisation, which "he" and "she" do not stand for.
_NOT_PERSON = word_set("""
    inc corp ltd co llc plc company ministry department party council committee group bank
    university agency office house police army court city county state republic union
    lake river mountain street airport hospital school church news times post
    """)
# A word before a capitalised run that makes it a place or a setting.
_BEFORE_PLACE = word_set("in near at from to into on across outside inside of by via")
# How a sentence of the article ends; a headline ends with none of these.
_SENTENCE_END = re.compile(r"[.!?\"”’')]\s*\Z")


def _name_at(text: str, start: int, end: int, pronoun: str,
             surnames: frozenset[str]) -> tuple[int, int] | None:
    """The capitalised run of words that starts at ``start`` (a title may
    open it, "Sir Clive Woodward", "Mr Seagrave"), or None when the first
    word names nobody, when the run names a place or an organisation, when
    a run of one word is not among ``surnames``, or when a title says it is
    not whom ``pronoun`` ("he" or "she") stands for."""
    words = list(WORD.finditer(text, start, min(end, start + 120)))
    if not words or words[0].start() != start or not _capitalised(words[0].group()):
        return None
    first = words[0].group()
    if first.lower() in _NOT_A_SUBJECT or first.isupper():
        return None  # a dateline ("CLEVELAND")
    last = 0
    while last + 1 < len(words) and last + 1 < _MAX_WORDS and _capitalised(
            words[last + 1].group()) and _joined(text, words[last], words[last + 1]):
        last += 1
    if first.lower().endswith("ly") and (last == 0 or text[words[0].end()] == ","):
        return None  # an adverb ("Apolitically", "Nearly"), not "Kelly Ross"
    while last > 0 and words[last].group().lower() in _NOT_A_SUBJECT:
        last -= 1
    run = [w.group().lower().rstrip(".") for w in words[:last + 1]]
    if any(w in _TITLES_OF[pronoun] for w in run) or any(
            w.removesuffix("'s").removesuffix("’s") in _NOT_PERSON for w in run):
        return None
    if last >= _MAX_NAME_WORDS:
        return None  # a title-case headline ("Fox News Just Uncovered A Video")
    if last == 0 and (run[0] in NAME_TITLES or first not in surnames):
        return None
    end_at = words[last].end()
    if text[end_at - 2:end_at] in ("'s", "’s"):
        end_at -= 2  # "Bill Clinton's"
    return words[0].start(), end_at


_AFTER_NAME = re.compile(r"\b([A-Z][\w'’.-]*)\s+(?=([A-Z][\w'’-]*)\b)")


def surnames(text: str) -> frozenset[str]:
    """The capitalised words ``text`` writes after another capitalised word
    that is no sentence opener ("Roddick" in "Andy Roddick"): the words that
    may stand alone for a person. A place or a team ("Wales") is rarely
    among them; "But Hamas" does not make "Hamas" one."""
    return frozenset(m.group(2) for m in _AFTER_NAME.finditer(text)
                     if m.group(1).lower() not in _NOT_A_SUBJECT)


def pronoun_gender(pronoun: str) -> str:
    """"she" for "she" and "her", "he" for the other personal sources."""
    return "she" if pronoun.lower() in ("she", "her") else "he"


def opening_subject(text: str, sentence_starts: list[int], position: int,
                    pronoun: str, names: frozenset[str] | None = None
                    ) -> tuple[int, int] | None:
    """Who "he", "she", "his" or "her" at ``position`` stands for when no
    earlier source of the article can: for "his"/"her", the nearest name
    before it in its own sentence ("a lawsuit against Victor Conte following
    his allegations"), unless a preposition makes it a place; otherwise the
    name opening its sentence or one of the two before ("Roddick broke a
    racket ... 'I'm not playing great,' he said"). ``sentence_starts`` are
    the starts of the sentences up to the pronoun's own, in order (only the
    last three are read); ``names`` is :func:`surnames` of the text, found
    here when not given. None when no such name is written."""
    if not sentence_starts:
        return None
    if names is None:
        names = surnames(text)
    gender = pronoun_gender(pronoun)
    own = sentence_starts[-1]
    if pronoun in ("his", "her"):
        words = list(WORD.finditer(text, own, position))
        for k in range(len(words) - 1, -1, -1):
            if _capitalised(words[k].group()) and (k == len(words) - 1 or not _capitalised(
                    words[k + 1].group()) or not _joined(text, words[k], words[k + 1])):
                first = k
                while first > 0 and _capitalised(words[first - 1].group()) and _joined(
                        text, words[first - 1], words[first]):
                    first -= 1
                if first > 0 and words[first - 1].group().lower() in _BEFORE_PLACE:
                    continue  # "near Lake Tahoe", "Police in New York"
                found = _name_at(text, words[first].start(), position, gender, names)
                if found is not None:
                    return found
    for k in range(len(sentence_starts) - 1, max(-1, len(sentence_starts) - 4), -1):
        start = sentence_starts[k]
        opening = _SENTENCE_OPENING.match(text, start).end()
        if opening >= position or text[start:opening].strip(" \t\r\n("):
            continue  # a sentence that opens a quotation opens with no subject
        if k + 1 < len(sentence_starts) and not _SENTENCE_END.search(
                text, start, sentence_starts[k + 1]):
            continue  # a headline
        found = _name_at(text, opening, position, gender, names)
        if found is not None:
            return found
    return None
