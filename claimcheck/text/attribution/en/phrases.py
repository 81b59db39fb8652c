"""What a run of English tokens around a cue is: the pieces that the rules
of :mod:`.rules` test before they read a relation (a source after its cue,
an apposition, a quoted programme name, a thing given a name with "called",
a relative clause on the subject, where a quotation opens)."""

from __future__ import annotations

from claimcheck.text import lexicon_en
from claimcheck.text.attribution.en.marks import Marks
from claimcheck.text.attribution.en.words import (
    BE,
    CLOSERS,
    DETERMINERS,
    FINITE,
    HARD_STOPS,
    INVERTING_VERBS,
    LEAD_INS,
    NAMED_THINGS,
    NOT_CONTENT_LEAD,
    PAST,
    PREPOSITIONS,
    RELATIVES,
    SOURCE_OPENERS,
    STOPS,
    SUBORDINATORS,
    TIME_OPENERS,
    TIME_WORDS,
)
from claimcheck.text.attribution.tokens import (
    COORDINATORS,
    LETTER,
    OPEN_QUOTES,
    QUOTES,
    Token,
)


def names_a_thing(toks: list[Token], first: int, called: int) -> bool:
    """Whether "called" at ``called`` gives a thing its name ("a company
    called Cambridge Analytica, which ...", "a play called \"Los Hijos de
    Trump,\" or ..."): right after a noun for a thing, in a phrase opened by
    "a", "an", "another" or "one", with a name after it that a comma, a
    relative pronoun, a verb or the sentence's end closes. "An advocacy group
    called Clinton a liar", "a group called Obama's plan a power grab" and
    "another group called Trump \"unfit\"" speak: a second phrase follows."""
    n = len(toks)
    if toks[called - 1].low not in NAMED_THINGS or not any(
            toks[x].low in {"a", "an", "another", "one"} for x in range(first, called)):
        return False
    k = called + 1
    if k < n and toks[k].text in QUOTES:
        close = next((x for x in range(k + 1, min(n, k + 12)) if toks[x].text in QUOTES), -1)
        if close < 0:
            return False
        k = close + 1
    else:
        if k >= n or not toks[k].text[:1].isupper():
            return False
        while k < n and (toks[k].text[:1].isupper() or toks[k].text.isdigit() or (
                toks[k].low in {"of", "for", "the", "and", "de"}
                and k + 1 < n and toks[k + 1].text[:1].isupper())):
            if toks[k].low.endswith(("'s", "’s")):
                return False  # "called Obama's plan ...": the plan is called something
            k += 1
    if k >= n:
        return True
    after = toks[k]
    return after.text in ",.;:()—–" or after.low in {"which", "who", "that", "or", "and"} \
        or after.low in FINITE or after.low in PAST or after.low in NOT_CONTENT_LEAD \
        or after.text.islower() and after.low.endswith(("ed", "en"))  # "... cited", "written by"


def object_relative(toks: list[Token], that: int, last: int) -> bool:
    """Whether "that" at ``that`` opens a relative clause on the noun before
    it that ends at ``last``, just before a cue ("The report that the
    regulator released on Monday [said]", "The officials that resigned
    [said]"): not "said that", "so that", "given that", and nothing but a
    prepositional phrase after the clause's past verb ("Given that the
    company failed analysts said": "analysts" is the cue's own subject)."""
    before = toks[that - 1]
    noun = that > 1 and toks[that - 2].low in DETERMINERS  # "The report that"
    if not LETTER.search(before.text) or before.low in FINITE or before.low in SUBORDINATORS \
            or before.low in lexicon_en.NP_STOPS or before.low in PREPOSITIONS or not noun and (
            before.low in lexicon_en.REPORTING_VERBS or before.low in lexicon_en.STANCE_VERBS):
        return False
    verbs = [x for x in range(that + 1, last + 1) if toks[x].text.islower() and (
        toks[x].low in PAST or (toks[x].low.endswith("ed") and len(toks[x].low) > 4))]
    if not verbs:
        return False
    rest = toks[verbs[-1] + 1:last + 1]
    return not rest or rest[0].low in PREPOSITIONS or rest[0].low in TIME_OPENERS


def main_clause(toks: list[Token], end: int) -> bool:
    """Whether tokens before ``end`` (the comma before a source) are a
    statement of their own: a finite verb, four words or more, and no
    lead-in word or preposition first ("While ...", "At the time")."""
    words = [t for t in toks[:end] if LETTER.search(t.text)]
    return (len(words) >= 4 and words[0].low not in LEAD_INS
            and words[0].low not in NOT_CONTENT_LEAD
            and not (words[0].low.endswith("ed") and len(words[0].low) > 4)
            and any(t.low in FINITE or t.low in BE for t in words))


def quoted_title(toks: list[Token], k: int) -> bool:
    """Whether a quotation opening at token ``k`` is a name of a few
    capitalised words ('"Fox and Friends,"', '"Good Morning America."',
    '"Today" on Monday'), not speech: a comma, the sentence's end or a
    phrase about the saying comes after it."""
    n = len(toks)
    if k >= n or toks[k].text not in QUOTES:
        return False
    close = next((x for x in range(k + 1, min(n, k + 7)) if toks[x].text in QUOTES), -1)
    if close < 0:
        return False
    words = [t for t in toks[k + 1:close] if LETTER.search(t.text)]
    comma = toks[close - 1].text == "," or (close + 1 < n and toks[close + 1].text == ",")
    after = toks[close + 1] if close + 1 < n else None
    # Right after "told" or "told NBC's" (no other listener, no colon), the
    # sentence's end or a phrase about the saying closes a name too.
    listener = k - 1 if k > 0 and not toks[k - 1].low.endswith(("'s", "’s")) else k - 2
    ends = comma or listener >= 0 and toks[listener].low in lexicon_en.OBJECT_VERBS and (
        toks[close - 1].text in ".!?" or after is None or after.text in ".!?;"
        or after.low in NOT_CONTENT_LEAD)
    return (ends and 0 < len(words) <= 4 and toks[k + 1].text[:1].isupper()
            and all(t.text[:1].isupper() or t.low in {"and", "of", "the"} for t in words))


def skip_to_that(toks: list[Token], k: int) -> int:
    # "said earlier on Friday during a news conference that ...": a setting
    # (prepositional phrases, no punctuation) between the cue and "that".
    n = len(toks)
    if k >= n or toks[k].low not in PREPOSITIONS:
        return k
    for x in range(k + 1, min(n, k + 10)):
        tok = toks[x]
        if tok.low == "that":
            # "said in a documentary that showed off ...": "that" and a verb
            # open a relative clause on the noun, not what was said.
            after = toks[x + 1] if x + 1 < n else None
            if after is not None and after.text.islower() and (
                    after.low in FINITE or after.low in PAST
                    or (after.low.endswith("ed") and len(after.low) > 4)):
                return k
            return x
        if not LETTER.search(tok.text) or tok.low in FINITE or tok.low in {
            "who", "which", "whether", "if", "to", "because", "as",
        }:
            return k
    return k


def quote_start(toks: list[Token], close: int, marks: Marks) -> int:
    """Index where the quotation closed at or just before ``close`` opens.

    '"A," she said, but "B," said Kunin': the content of the second cue is
    "B", not the whole sentence before it. 0 when no quotation closes there.
    """
    end = close
    while end > 0 and toks[end].text in ",.?!":
        end -= 1
    if toks[end].text not in ('"', "”", "''"):
        return 0
    return marks.opener_before(end, CLOSERS[toks[end].text])


def speaks_without_that(toks: list[Token], first: int, last: int) -> bool:
    # "I think he is wrong", "Trump described her as ...", "The poll found ...":
    # a short source that is a person or a document may take a bare clause.
    if last - first > 5:
        return False
    return names_a_speaker(toks[last]) or toks[last].low in lexicon_en.DOCUMENT_NOUNS


def names_a_speaker(tok: Token) -> bool:
    # "she plans", "Trump wants"; not "Trump's plans", "the plans".
    if tok.low in {"he", "she", "they", "we", "i", "you", "who"}:
        return True
    return tok.text[:1].isupper() and not tok.low.endswith(("'s", "’s"))


def inverted_source(toks: list[Token], start: int, cue: str = "said") -> tuple[int, int] | None:
    # "said Ana Ortiz, the operator's finance chief, who ...": up to a quote, a
    # participle ("..., adding") or the end of the sentence.
    n = len(toks)
    head = toks[start]
    if not (head.text[:1].isupper() or head.low in SOURCE_OPENERS
            or cue in INVERTING_VERBS and lowercase_title(toks, start)):
        return None
    end = start
    while end < n and end - start < 40:
        tok = toks[end]
        if tok.text in OPEN_QUOTES or tok.text in ";:—–" or tok.text == "”":
            break
        if tok.text == "," and end + 1 < n and (
            toks[end + 1].low.endswith("ing") or toks[end + 1].low in NOT_CONTENT_LEAD
            or toks[end + 1].text in QUOTES or toks[end + 1].low in COORDINATORS
        ):
            break
        if tok.low in NOT_CONTENT_LEAD and tok.low not in {"of", "for", "at", "with"}:
            break
        if tok.low in {"who", "whose", "which"} and end > start:
            # "said Ana Ortiz, who ran in 2012": the relative clause describes her.
            break
        end += 1
    while end > start and toks[end - 1].text in ".,?!":
        end -= 1
    if end == start:
        return None
    if head.low in {"he", "she", "they", "we", "i", "you", "it"} and end - start > 1:
        # "..., said he" is a source; "..., said he had left" is a clause.
        return None
    words = {toks[x].low for x in range(start, end)}
    if words & FINITE:
        # "— said Ali's death is painful": a clause, not a name.
        return None
    return (toks[start].start, toks[end - 1].end)


def lowercase_title(toks: list[Token], start: int) -> bool:
    """Whether a source after its cue opens with lowercase words of a title
    before a name ('..., said professor Paul Beck', 'said master of
    ceremonies Asab Al-Tabchi') or is a short plural group that ends the
    sentence ('..., said analysts.'): not a clause ('said prices rose')."""
    n = len(toks)

    def plain(tok: Token) -> bool:
        low = tok.low
        return tok.text.isalpha() and tok.text.islower() and low not in FINITE \
            and low not in PAST and low not in NOT_CONTENT_LEAD and low not in TIME_WORDS \
            and low not in lexicon_en.NP_STOPS and not low.endswith(("ing", "ly", "ed"))

    k = start
    while k < n and k - start < 4 and (plain(toks[k]) or (k > start and toks[k].low == "of")):
        k += 1
    if k == start:
        return False
    if k < n and toks[k].text[:1].isupper() and toks[k].text[:1].isalpha():
        return True
    return k - start <= 3 and toks[k - 1].low.endswith("s") and (
        k == n or toks[k].text in ".!?" and k + 1 >= n)


def left_apposition(toks: list[Token], comma_before_cue: int) -> tuple[int, int] | None:
    """Find "NAME , APPOSITION ," ending at ``comma_before_cue``.

    Returns the index of the name's first token and of the comma that opens
    the apposition, or None. A leading phrase ("In Ohio, ...") is skipped.
    """
    j = comma_before_cue
    start = j - 1
    if comma_quote(toks, j):
        # 'Reid, who called it a “sham,” said': the comma is inside the quote.
        opener = opener_of(toks, j)
        if opener is None:
            return None
        start = opener
    while start > 0 and j - start < 40:
        before = toks[start - 1].text
        if before in QUOTES and start > 1 and toks[start - 2].text in ",.?!":
            break  # the end of a quotation: '"...," Ruiz, an aide, said'
        if before in CLOSERS:
            # A short bracketed or quoted piece stays inside the apposition:
            # "Moore (D-Wis.), a member, said", "Reid, who calls it a “sham,” said".
            opener = opener_of(toks, start - 1)
            if opener is None:
                break
            start = opener
            continue
        if before in HARD_STOPS and not _inside_a_word(toks, start - 1):
            break
        start -= 1
    while start < j and (toks[start].low in lexicon_en.NP_STOPS or toks[start].text in QUOTES):
        start += 1
    for comma in range(start, j):
        if toks[comma].text != ",":
            continue
        name = range(start, comma)
        aside = range(comma + 1, j)
        if (
            0 < len(name) <= 8
            and toks[start].low not in PREPOSITIONS
            and toks[start].low not in lexicon_en.NP_STOPS
            and comma + 1 < j
            and toks[comma + 1].low not in COORDINATORS
            and not any(toks[x].low in FINITE for x in name)
            and not _clause_aside(toks, aside)
            and not (len(name) == 1 and _sentence_adverb(toks[start].low))
            and (
                any(toks[x].text[:1].isupper() or toks[x].low in lexicon_en.PRONOUNS
                    for x in name)
                # "a spokeswoman, Anna White, said": the name is the apposition.
                or (len(name) <= 4 and len(aside) <= 4
                    and all(toks[x].text[:1].isupper() for x in aside))
                # "But a tribal elder ..., who asked not to be named, told":
                # a described person, whom a relative clause follows.
                or (toks[start].low in _DESCRIPTION_OPENERS and toks[comma + 1].low == "who")
            )
        ):
            return start, comma
        start = comma + 1
    return None


def _inside_a_word(toks: list[Token], k: int) -> bool:
    """Whether the mark at ``k`` joins two words with no space around it, as
    the dot of "OptInRealBig.com" does: no end of a sentence."""
    return 0 < k < len(toks) - 1 and toks[k - 1].end == toks[k].start \
        and toks[k].end == toks[k + 1].start


def _clause_aside(toks: list[Token], aside: range) -> bool:
    """Whether what stands between the commas is a clause of its own, a
    finite verb with no relative pronoun before it ("Currently, an entire
    project can take three months, says Mr Dean": no apposition), not a
    description ("a lawyer who was there", "who has served since 1987")."""
    for x in aside:
        if toks[x].low in _RELATIVES:
            return False
        if toks[x].low in FINITE and toks[x].text == toks[x].low:
            return True  # lowercase only: "Theresa May", "Will Smith" are names
    return False


_RELATIVES = RELATIVES | {"whose"}


def _sentence_adverb(low: str) -> bool:
    """Whether a word alone before a comma is an adverb that opens the
    sentence ("Currently,", "However,"), not a name ("Kelly,", "Connolly,":
    not every word in -ly is an adverb)."""
    return low in _OPENING_ADVERBS


_OPENING_ADVERBS = frozenset("""
    however meanwhile now today still yet instead also so then here there indeed moreover
    nevertheless nonetheless besides again overall earlier later elsewhere otherwise thus
    hence currently recently previously finally additionally initially ultimately
    unfortunately fortunately importantly similarly eventually apparently clearly obviously
    notably specifically generally typically usually originally reportedly allegedly
    surprisingly interestingly ironically traditionally historically separately frankly
    honestly basically essentially certainly definitely probably possibly perhaps
    """.split())


# Words that open a description of one person: "a tribal elder", "one resident".
_DESCRIPTION_OPENERS = frozenset({"a", "an", "the", "one", "another"})


def comma_quote(toks: list[Token], k: int) -> bool:
    return k > 1 and toks[k].text in CLOSERS and toks[k - 1].text == ","


def opener_of(toks: list[Token], close: int) -> int | None:
    # The index of the mark that opens the short piece closed at ``close``.
    want = CLOSERS[toks[close].text]
    for k in range(close - 1, max(-1, close - 13), -1):
        if toks[k].text == want:
            return k
    return None


def opens_content(tok: Token) -> bool:
    return tok.low == "that" or tok.text in STOPS
