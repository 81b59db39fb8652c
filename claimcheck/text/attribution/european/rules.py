"""Spanish, French, Portuguese, Italian and German attribution rules: the
relations of one sentence.

Three shapes, the commonest in wire copy of these languages:

- preposed: "X dijo (el martes) que Y", "X a déclaré qu'Y", "X ha detto che
  Y", 'X dijo: "Y"'; with no X before the verb the subject is implicit
  ("Añadió que Y"), for an earlier speaker to fill, as in Arabic; in German
  also "X sagte, Y" and "Am Dienstag sagte X, Y";
- postposed: "Y, afirmó X." / "« Y », a déclaré X.";
- according to: "Según X, Y." / "Y, selon X."

The learned tagger still reads these sentences (its relations join where the
rules found none), so the rules only need to be right where they fire.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from claimcheck.text.attribution.european.words import (
    BEFORE_VERB,
    CONJUNCTIONS,
    LEXICONS,
    NEGATIONS,
    NOT_SOURCES,
    RELATIVES,
    SUBJECTS,
    SUBORDINATORS,
    Lexicon,
)
from claimcheck.text.attribution.nesting import end_contents_at_next_source, outermost
from claimcheck.text.attribution.tokens import OPEN_QUOTES, QUOTES, Match, Token, span_of

LANGUAGES = frozenset(LEXICONS)
"""The languages these rules read."""

# Tokens allowed between a preposed verb and its complementiser: "el
# martes", "a la prensa", "en un comunicado" (no punctuation, few words).
_MAX_FILLER = 6
# A preposed source longer than this is a clause, not a name.
_MAX_SOURCE = 12
# Between a subject and its verb, a stretch between commas this short is an
# aside ("rasé de près", "domenica"); a longer one is a clause of its own.
_MAX_ASIDE = 4
_CLAUSE = frozenset(",;:")
_SENTENCE_END = frozenset(".!?…")


def matcher(lang: str) -> Callable[[str, list[Token]], list[Match]]:
    """The rules of ``lang`` (one of :data:`LANGUAGES`) as a function of a
    normalised sentence and its tokens, like the English and Arabic ones."""
    lexicon = LEXICONS[lang]

    def find_matches(s: str, toks: list[Token],
                     keep: Callable[[Match], bool] | None = None) -> list[Match]:
        matches = _matches(toks, lexicon)
        if keep is not None:
            matches = [m for m in matches if keep(m)]
        end_contents_at_next_source(s, toks, matches)
        return outermost(matches)

    return find_matches


# A French verb with its subject pronoun after it: "dit-il", "affirme-t-elle".
_INVERTED = re.compile(r"-(?:t-)?(?:il|elle|ils|elles|on)$")


def _cue_end(toks: list[Token], i: int, lex: Lexicon) -> int | None:
    """The index after a reporting cue starting at token ``i``, or None."""
    low = toks[i].low
    if low in lex.auxiliaries and i + 1 < len(toks) and toks[i + 1].low in lex.participles:
        return i + 2
    if low in lex.verbs or (_INVERTED.search(low) and _INVERTED.sub("", low) in lex.verbs):
        return i + 1
    return None


_ELIDED_QUE = ("qu'", "qu’")  # French "qu'il": the complementiser inside a token


def _is_complementiser(tok: Token, lex: Lexicon) -> bool:
    return tok.low in lex.complementisers or tok.low.startswith(_ELIDED_QUE)


def _verb_start(toks: list[Token], cue: int) -> int:
    """Where the verb's group starts: before the clitics and adverbs that
    stand between a subject and its verb ("nos dijo", "siempre dijo")."""
    while cue > 0 and toks[cue - 1].low in BEFORE_VERB:
        cue -= 1
    return cue


def _matches(toks: list[Token], lex: Lexicon) -> list[Match]:
    found: list[Match] = []
    end = len(toks)
    while end > 0 and toks[end - 1].text in _SENTENCE_END:
        end -= 1
    i = 0
    while i < end:
        after = _cue_end(toks, i, lex)
        if after is None or (i > 0 and toks[i - 1].low in lex.auxiliaries):
            i += 1
            continue
        match = _preposed(toks, i, after, end, lex) or _postposed(toks, i, after, end, lex)
        if match is not None:
            found.append(match)
        i = after
    found += _according(toks, end, lex)
    return found


def _preposed(toks: list[Token], cue: int, after: int, end: int, lex: Lexicon) -> Match | None:
    """"X dijo (filler) que Y": the content after the complementiser runs to
    the sentence's end."""
    verb = _verb_start(toks, cue)
    if verb > 0 and (toks[verb - 1].low in SUBORDINATORS
                     or (verb > 1 and toks[verb - 2].low in SUBORDINATORS
                         and toks[verb - 1].low in SUBJECTS)):
        return None  # "cuando le dijeron que", "als er sagte": a subordinate clause
    if any(t.low in NEGATIONS or t.low.startswith(("n'", "n’"))
           for t in toks[max(0, verb - 2): cue]):
        return None  # "El alcalde no dijo que ...": nobody claims it
    clause = verb
    while clause > 0 and toks[clause - 1].text not in _CLAUSE:
        clause -= 1
    if clause < verb and (toks[clause].low in SUBORDINATORS
                          or toks[clause].low.startswith(("lorsqu'", "lorsqu’", "puisqu'"))
                          or (clause > 0 and toks[clause].low in RELATIVES)):
        return None  # "Quand le préfet a déclaré que", "Der Mann, der das sagte,"
    impersonal = cue > 0 and toks[cue - 1].low in ("se", "si")  # "Se dice que", "Si dice che"
    k = after
    while k < end and k - after <= _MAX_FILLER and not _is_complementiser(toks[k], lex):
        if toks[k].text in _CLAUSE or toks[k].text in QUOTES:
            break
        k += 1
    opened = k + 1 < end and ((toks[k].text == ":" and toks[k + 1].text in QUOTES)
                              or (toks[k].text == "," and lex.comma_content))
    if opened and toks[k].text == "," and toks[k + 1].text not in QUOTES \
            and _after_quotation(toks, verb):
        # '"Y", sagte X, der seit 2010 im Amt ist.': after a quotation the
        # verb's subject follows it, then a description of the subject (the
        # postposed rule); a content there would open another quotation.
        return None
    if opened:
        # 'X dijo: "Y"'; German "X sagte (am Dienstag), (dass) Y"
        first = k + 2 if _is_complementiser(toks[k + 1], lex) else k + 1
        content = span_of(toks, first, end)
        if content is None:
            return None
        return _preposed_match(toks, cue, after, k, content, impersonal, lex)
    if k >= end or not _is_complementiser(toks[k], lex):
        return None
    first = k + 1 if toks[k].low in lex.complementisers else k  # "qu'il" keeps "il"
    if toks[k].low == "qu" and first < end and toks[first].text in "'’":
        first += 1  # "qu'« il ... »": the apostrophe stood apart before a quote
    content = span_of(toks, first, end)
    if content is None:
        return None
    if toks[k].low.startswith(_ELIDED_QUE):
        # the elided complementiser is part of the token: start after it
        content = (toks[k].start + 3, content[1])
    return _preposed_match(toks, cue, after, k, content, impersonal, lex)


def _after_quotation(toks: list[Token], verb: int) -> bool:
    """Whether the verb at ``verb`` comes right after a closed quotation and
    its comma ('"Y", sagte', '"Y," dijo', '« Y », a déclaré')."""
    return verb >= 2 and {toks[verb - 1].text, toks[verb - 2].text} <= {",", *QUOTES} \
        and "," in (toks[verb - 1].text, toks[verb - 2].text) \
        and toks[verb - 1].text != toks[verb - 2].text


def _preposed_match(toks: list[Token], cue: int, after: int, stop: int, content: tuple[int, int],
                    impersonal: bool, lex: Lexicon) -> Match:
    """The relation of a preposed verb; an impersonal one ("Se dice que")
    has no holder, so no earlier speaker takes it. Its clause starts at
    the source, so that "A dijo que X y B dijo que Y" ends X before "y B"."""
    source = None if impersonal else _subject(toks, cue, after, stop, lex)
    start = source[0] if source is not None and source[0] < toks[cue].start else toks[cue].start
    return Match(source, (toks[cue].start, toks[after - 1].end), content,
                 region_start=start, holderless=impersonal)


def _subject(toks: list[Token], cue: int, after: int, stop: int,
             lex: Lexicon) -> tuple[int, int] | None:
    """The subject of a preposed verb: before it, or in German after it
    when something else opens the sentence ("Am Dienstag sagte der
    Minister, ...", "Mit Blick auf X, sagte Anand, ..."; the words between
    the verb and ``stop``)."""
    fronted = cue > 0 and (toks[0].low in lex.verb_second_openers or toks[cue - 1].text == ",")
    if lex.verb_second_openers and fronted and after < stop and _opens_phrase(toks[after], lex):
        return _source_after(toks, after, stop, lex)
    return _source_before(toks, cue, lex)


def _opens_phrase(tok: Token, lex: Lexicon) -> bool:
    """Whether a word can open a source: an article, a subject pronoun or
    possessive, or a capital (not "No", "Entonces")."""
    if tok.low in lex.determiners or tok.low in SUBJECTS:
        return True
    return tok.text[:1].isupper() and tok.low not in NOT_SOURCES


def _source_before(toks: list[Token], cue: int, lex: Lexicon) -> tuple[int, int] | None:
    """The subject before a preposed verb: the nearest stretch between
    clause breaks that opens like a noun phrase ("El martes, el ministro
    dijo" -> "el ministro"; "El ministro, Carlos Ruiz, dijo" -> "Carlos
    Ruiz"; "Magdy el-Nashar, rasé de près, a déclaré" -> "Magdy
    el-Nashar"; "El ministro, que visitó la zona el lunes, dijo" -> "El
    ministro"), without a leading conjunction; None when there is none or
    it is too long to be a name."""
    stop = _verb_start(toks, cue)
    # "A dijo que X y B dijo": after the first complementiser, a coordinator
    # ends the subject as a clause break does
    first_que = next((j for j, t in enumerate(toks[:stop]) if _is_complementiser(t, lex)), stop)
    while stop > 0:
        while stop > 0 and toks[stop - 1].text in _CLAUSE:
            stop -= 1
        segment = stop
        while segment > 0 and toks[segment - 1].text not in _CLAUSE \
                and toks[segment - 1].text not in QUOTES \
                and not (_is_complementiser(toks[segment - 1], lex)
                         and not (segment > 1 and toks[segment - 2].text in _CLAUSE)) \
                and not (toks[segment - 1].low in CONJUNCTIONS and first_que < segment - 1):
            segment -= 1
        start = segment
        while start < stop and toks[start].low in CONJUNCTIONS \
                and toks[start].low not in lex.determiners:  # Portuguese "o" is "the"
            start += 1
        relative = segment > 0 and _relative_clause(toks, segment, stop, lex)
        if start < stop and not relative and _opens_phrase(toks[start], lex):
            return span_of(toks, start, stop) if stop - start <= _MAX_SOURCE else None
        if segment == 0 or toks[segment - 1].text not in _CLAUSE or (
                stop - segment > _MAX_ASIDE and not relative):
            return None
        stop = segment  # an aside between commas: the subject is before it
    return None


def _relative_clause(toks: list[Token], start: int, stop: int, lex: Lexicon) -> bool:
    """Whether the stretch between commas is a relative clause on the
    subject ("que visitó la zona", "qui dirige l'usine"; German "der am
    Montag die Region besuchte", whose verb comes last, lowercase, unlike
    an apposition such as "der Innenminister")."""
    first = toks[start].low
    if first not in RELATIVES:
        return False
    return first not in lex.determiners or (stop - start > 1 and toks[stop - 1].text.islower())


def _source_after(toks: list[Token], start: int, end: int, lex: Lexicon) -> tuple[int, int] | None:
    """A postposed subject: from ``start`` to the next clause break, the
    sentence's end or a word that names the listener or the occasion
    ("la signora Kelly ai deputati" -> "la signora Kelly")."""
    stop = start
    while stop < end and toks[stop].text not in _CLAUSE and not (
            stop > start and toks[stop].low in lex.source_ends):
        stop += 1
    return span_of(toks, start, stop) if stop > start else None


def _postposed(toks: list[Token], cue: int, after: int, end: int, lex: Lexicon) -> Match | None:
    """"Y, afirmó X." / "« Y », a déclaré X." / '"Y," dijo X.': a comma
    (before or after a closing quote) before the verb, a subject after it to
    the next comma or the sentence's end."""
    before = cue - 1
    inside = before >= 2 and toks[before].text in QUOTES and toks[before - 1].text == ","
    if before < 1 or (toks[before].text not in (",", "—", "–") and not inside):
        return None
    if inside:
        before += 1  # the content keeps its closing quote
    # "a-t-elle ajouté": the subject is in the verb, an earlier speaker
    inverted = bool(_INVERTED.search(toks[cue].low))
    subject = after if inverted else _past_listener(toks, after, end, lex)
    if not inverted and (subject >= end or not _opens_phrase(toks[subject], lex)):
        return None
    stop = next((k for k in range(after, end) if toks[k].text in _CLAUSE), end)
    # A quotation that opens the sentence (or an earlier one) and closes
    # before the verb is the whole content: what follows the subject's comma
    # describes the subject ("« Y », a déclaré X, secrétaire général du
    # syndicat.") or is a clause of the article's ("..., mientras la policía
    # ..."), no part of what X said. Not a quoted word inside the content
    # ("La « réforme », a dit X, ne passera pas").
    closed = toks[before - 1].text in QUOTES \
        and (toks[0].text in QUOTES
             or not any(t.text in OPEN_QUOTES for t in toks[:before - 1]))
    if stop < end and not closed and span_of(toks, stop + 1, end) is not None:
        return None  # "La presa, dijo el ministro, no se ha roto": the rest is content too
    content = span_of(toks, 0, before)
    if content is None:
        return None
    source = None if inverted else _source_after(toks, subject, end, lex)
    return Match(source, (toks[cue].start, toks[after - 1].end), content,
                 region_start=toks[0].start)


def _past_listener(toks: list[Token], after: int, end: int, lex: Lexicon) -> int:
    """Where a postposed subject starts after its verb: past a listener
    between the two, a preposition (or one elided onto the listener,
    "all'ANSA") and at most two more words, when an agency's initials are
    followed by a name or an article ("a déclaré à l'AFP Jean Dupont",
    "dijo a la AFP Juan Pérez") or a lowercase article opens the subject
    ("dijo a la prensa el ministro", "a déclaré au Monde le ministre", "dijo
    a la agencia EFE el ministro"); else ``after`` (in "à Radio France le
    ministre" ... "France" is no subject: the listener has two words)."""
    if after >= end:
        return after
    if toks[after].low in lex.source_ends:
        k = after + 1
    elif _ELIDED_PREPOSITION.match(toks[after].low):
        k = after  # "all'ANSA": the preposition is in the listener's token
    else:
        return after
    while k < end and toks[k].low in lex.determiners:
        k += 1
    for j in range(k + 1, min(k + 3, end)):
        if toks[j].text in _CLAUSE:
            break
        if toks[j].text.islower():
            # an article opens the subject; any other lowercase word (a
            # preposition: "a los periodistas en la capital el ministro")
            # opens a phrase the rule does not read
            return j if toks[j].low in lex.determiners else after
        word = _ELISION.sub("", toks[j - 1].text)
        if j == k + 1 and word.isupper() and len(word) > 1 and _opens_phrase(toks[j], lex):
            return j  # "l'AFP Jean Dupont"
    return after


_ELISION = re.compile(r"^[a-zA-Z]+['’]")
# Italian and French prepositions fused with an elided article: "all'ANSA",
# "dall'", "nell'", "sull'", "à l'" is two tokens.
_ELIDED_PREPOSITION = re.compile(r"^(?:all|dall|nell|sull|dell)['’]\w")


def _according(toks: list[Token], end: int, lex: Lexicon) -> list[Match]:
    """"Según X, Y." at the sentence's start, "Y, según X." at its end."""
    out = []
    for words in lex.according:
        width = len(words)
        for i in range(end - width + 1):
            if tuple(t.low for t in toks[i: i + width]) != words:
                continue
            cue = (toks[i].start, toks[i + width - 1].end)
            if i == 0:
                comma = next((k for k in range(width, end) if toks[k].text == ","), None)
                if comma is None or comma == width or comma - width > _MAX_SOURCE \
                        or comma + 1 >= end or toks[comma + 1].low in RELATIVES:
                    continue  # "Selon X, qui est ...": X's description, not the content
                source, content = span_of(toks, width, comma), span_of(toks, comma + 1, end)
            elif toks[i - 1].text == "," and end - (i + width) <= _MAX_SOURCE \
                    and not any(t.text in _CLAUSE for t in toks[i + width: end]):
                source = _source_after(toks, i + width, end, lex)
                content = span_of(toks, 0, i - 1)
            else:
                continue
            # "segundo"/"secondo" are also "second": a source must follow
            if source is not None and content is not None and i + width < end \
                    and _opens_phrase(toks[i + width], lex):
                out.append(Match(source, cue, content, region_start=toks[0].start,
                                 relays=True))
    return out
