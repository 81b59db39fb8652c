"""Reporting relations of a text: source, cue, content and the resolved speaker.

Each sentence goes to the rules of its language (:mod:`.en`, :mod:`.ar`,
:mod:`.european`); the learned tagger may add relations they miss, and is
alone in the languages without rules (:mod:`.tagged`); relations
inside a direct quotation are dropped (:mod:`.quotes`); and the sources are
linked into speakers (:mod:`claimcheck.text.speakers`).
"""

from __future__ import annotations

import bisect
import functools
import re
from dataclasses import dataclass
from dataclasses import replace as dataclass_replace

from claimcheck.text.attribution import ar, en, european
from claimcheck.text.attribution.credits import CreditLines, datelines
from claimcheck.text.attribution.quotes import QuotedRegions
from claimcheck.text.attribution.tagged import (
    Found,
    add_tagged,
    english_runs,
    lend_sources,
    tagged_relations,
)
from claimcheck.text.attribution.tokens import (
    ARABIC_LETTER,
    LATIN_LETTER,
    LETTER,
    Match,
    tokenize,
)
from claimcheck.text.attribution.wellformed import trim_source
from claimcheck.text.language import detect_language, normalize_lang
from claimcheck.text.normalize import NormalizedText, normalize_for_matching
from claimcheck.text.sentences import split_sentences
from claimcheck.text.speakers import SpeakerMention, classify_mention, resolve_speakers
from claimcheck.text.tagger import AttributionTagger
from claimcheck.types import Sentence

# The rules of each language the rules know.
_RULES = {"ar": ar.find_matches, "en": en.find_matches,
          **{lang: european.matcher(lang) for lang in sorted(european.LANGUAGES)}}


@dataclass(frozen=True)
class Attribution:
    """One reporting relation found in a text.

    Attributes
    ----------
    source_span : (int, int) or None
        The source as written in this relation ("he", "محللين"); None when
        the subject is implicit (Arabic "وأضاف أن").
    cue_span : (int, int)
        The reporting expression.
    content_span : (int, int)
        What was said.
    speaker, speaker_span, entity
        The resolved speaker: the antecedent for pronouns and implicit
        subjects, the mention itself otherwise; and its entity key.
    lang : str
        The language of the rules (or, for the tagger's, of the sentence)
        that found it: "ar", "en", "es", "fr", ...
    """

    source_span: tuple[int, int] | None
    cue_span: tuple[int, int]
    content_span: tuple[int, int]
    speaker: str | None
    speaker_span: tuple[int, int] | None
    entity: str | None
    lang: str


def _past_dateline(norm: NormalizedText, start: int, end: int,
                   places: list[tuple[int, int]]) -> tuple[int, int] | None:
    """A source or content span (in ``norm``) without the wire dateline it
    starts in: None when it lies inside one (a dateline's place names no
    speaker), the part after it when it runs on ("June 4 (Reuters) -
    President Ali Munro" -> "President Ali Munro"), the span itself
    otherwise."""
    first, last = norm.to_input(start, end)
    for a, b in places:
        if not a <= first < b:
            continue
        if last <= b:
            return None
        k = start
        while k < end and (norm.to_input(k, k + 1)[0] < b or norm.text[k].isspace()
                           or norm.text[k] in "-—–"):
            k += 1  # past the dateline and the rest of its dash ("(CNN) --")
        return (k, end) if k < end else None
    return (start, end)


def find_attributions(
    text: str, *, lang: str | None = None, tagger: bool | AttributionTagger = True
) -> list[Attribution]:
    """Find every reporting relation in ``text`` (source, cue, content).

    This is the evaluation view of :func:`~claimcheck.text.attribution.extract_claims`:
    it keeps the source mention as written (a pronoun stays "he") next to
    the resolved speaker.

    English sentences go through the rules first; then, unless ``tagger`` is
    False, the learned tagger (:mod:`claimcheck.text.tagger`) reads the whole
    text and each of its relations whose content overlaps no rule-found
    content is added. The rules are precise and the tagger finds what they
    miss; ``benchmarks/run_benchmark.py attribution`` scores rules, tagger
    and both on PolNeAR dev.

    Parameters
    ----------
    text : str
        The article.
    lang : str or None
        "ar" or "en"; detected from the script when None.
    tagger : bool or AttributionTagger
        English only: True (default) adds the relations the shipped learned
        tagger finds and the rules miss; False uses the rules alone; an
        :class:`AttributionTagger` is used instead of the shipped one.

    Returns
    -------
    list of Attribution
        Sentence by sentence in text order; within a sentence, in the order
        the rules found them.

    Raises
    ------
    TypeError
        If ``text`` is not a ``str``.
    """
    lang = check_arguments(text, lang, tagger, "find_attributions")
    if not text.strip():
        return []
    doc_lang = lang or detect_language(text)
    sentences = split_sentences(text, doc_lang)
    return [a for found in attributions_by_sentence(text, sentences, doc_lang, tagger)
            for a in found]


def tagger_inputs(text: str, lang: str | None = None) -> list[str]:
    """The stretches of ``text`` the learned tagger reads when
    :func:`extract_claims` runs on it (its runs of English sentences).

    A caller with many documents tags them all in one batched call
    (:meth:`AttributionTagger.prefetched`) and passes that tagger on.
    """
    lang = check_arguments(text, lang, True, "tagger_inputs")
    if not text.strip():
        return []
    doc_lang = lang or detect_language(text)
    sentences = split_sentences(text, doc_lang)
    tagged = [tagged_lang(sentence_lang(s.text, doc_lang)) for s in sentences]
    return [text[start:end] for start, end in english_runs(sentences, tagged)]


def check_text(text: object, caller: str) -> None:
    """Raise TypeError, naming the fix, unless ``text`` is a str."""
    if not isinstance(text, str):
        raise TypeError(
            f"{caller} expects the article as str, got {type(text).__name__}; "
            "decode bytes with .decode('utf-8') or pass Document.text"
        )


def check_arguments(text: object, lang: object, tagger: object, caller: str) -> str | None:
    """Check an entry point's arguments; return ``lang`` as a lowercase code.

    "EN" or "english" used to switch every rule off without a word; now they
    mean "en", and a value that names no language is a ValueError. ``tagger``
    must be a bool or an :class:`AttributionTagger` (None, 0 or "yes" used to
    fail later with an AttributeError).
    """
    check_text(text, caller)
    if not isinstance(tagger, (bool, AttributionTagger)):
        raise TypeError(f"{caller}: tagger must be True, False or an AttributionTagger, "
                        f"got {tagger!r}")
    return normalize_lang(lang)


_LONE_ARTICLE = re.compile(r"(?i)(?:le|la|les|l'|el|los|las|il|lo|der|die|das|the)")
_NEXT_WORDS = re.compile(r"\s+([^\W\d_][\w'’-]*(?:\s+[^\W\d_][\w'’-]*){0,2})")


# "a déclaré à l'AFP Jean Dupont", "dijo a EFE Ana Ortiz", "kata X kepada
# wartawan": a source right after one of these is who heard it.
_TO_LISTENER = re.compile(r"(?i)(?:^|\s)(?:à|au|aux|a|al|ao|à la|kepada)\s+$")
# The speaker named right after the listener: capitalised words up to a comma.
_NAME_AFTER = re.compile(r"\s+((?:[^\W\d_a-z][\w'’.-]*)(?:\s+[^\W\d_a-z][\w'’.-]*){0,3})")


_SENTENCE_GAP = re.compile(r"[.!?][\"”’')]*\s|\n")


def _continue_sources(text: str, found: list[Found]) -> None:
    """An English participle cue with no source right after another cue of
    its sentence takes that cue's source ('"This was a calm vote," Voss
    told reporters, adding that ...'), when at most six words lie between
    the two. On PolNeAR train articles 35 of 38 such sources (with a gold
    source) are right."""
    # Per sentence, the cues that have a source, by where they end.
    sourced: dict[int, list[tuple[int, NormalizedText, Match]]] = {}
    for index, norm, match, _ in found:
        if match.source is not None:
            sourced.setdefault(index, []).append((norm.to_input(*match.cue)[1], norm, match))
    for cues in sourced.values():
        cues.sort(key=lambda item: item[0])
    for index, norm, match, lang in found:
        if lang != "en" or match.source is not None or match.holderless \
                or index not in sourced:
            continue
        cue = norm.to_input(*match.cue)
        if not text[cue[0]:cue[1]].lower().endswith("ing") \
                or not text[max(0, cue[0] - 20):cue[0]].rstrip().endswith(","):
            continue
        cues = sourced[index]
        k = bisect.bisect_right(cues, cue[0], key=lambda item: item[0]) - 1
        if k < 0:
            continue
        end, before_norm, before = cues[k]
        gap = text[end:cue[0]]
        if len(gap.split()) <= 6 and not _SENTENCE_GAP.search(gap):
            match.source = norm.from_input(*before_norm.to_input(*before.source))


def _trim_source(norm: NormalizedText, match: Match, lang: str,
                 places: list[tuple[int, int]]) -> None:
    """Cut ``match``'s source in place: out of a wire dateline, and to the
    part that can name a speaker ("and", "said all 23", "للجزيرة نت" name
    none; "Brafman had basically" -> "Brafman"), or to None, for an earlier
    speaker to fill."""
    if match.source is None:
        return
    if places:
        match.source = _past_dateline(norm, *match.source, places)
        if match.source is None:
            return
    start, end = match.source
    end = _past_lone_article(norm.text, start, end, match)
    heard = _past_listener(norm.text, start, end, lang)
    kept = None if heard is None else trim_source(norm.text[heard[0]:heard[1]], lang)
    match.source = None if kept is None else (heard[0] + kept[0], heard[0] + kept[1])


def _past_listener(text: str, start: int, end: int, lang: str) -> tuple[int, int] | None:
    """A source the tagger took from a listener ("a déclaré à l'AFP Jean
    Dupont, ..." gives "l'AFP"), in languages other than English and Arabic: the name
    that follows it, when one does; None otherwise. Other sources as they are."""
    if lang in ("ar", "en") or not _TO_LISTENER.search(text[:start]):
        return start, end
    name = _NAME_AFTER.match(text, end)
    return (name.start(1), name.end(1)) if name else None


def _past_lone_article(text: str, start: int, end: int, match: Match) -> int:
    """Where a source that is only an article ends once its noun is taken
    in: the tagger reads "selon le syndicat" as the source "le"."""
    if not _LONE_ARTICLE.fullmatch(text[start:end].strip()):
        return end
    words = _NEXT_WORDS.match(text, end)
    if words is None:
        return end
    stop = min(x for x in (match.cue[0], match.content[0], words.end(1)) if x > end)
    return min(words.end(1), stop)


def tagged_lang(lang: str) -> bool:
    """Whether the learned tagger reads sentences in ``lang``: every language
    but Arabic, which has its rules. In English and in the European languages
    with rules (:mod:`.european`) its relations join where the rules found
    none; elsewhere ("tr", "id", ...) it alone finds them, the multilingual
    encoder under it carrying over what it learned on English news."""
    return lang != "ar"


# Languages written in Arabic script other than Arabic: their sentences
# keep their document's language, and the tagger, not the Arabic rules,
# reads them.
_OTHER_ARABIC_SCRIPT = frozenset({"fa", "ur", "ps", "ckb", "sd", "ug"})
_ARABIC_SCRIPT = _OTHER_ARABIC_SCRIPT | {"ar"}


def sentence_lang(sentence: str, doc_lang: str) -> str:
    """The rules for ``sentence``: its script's language where the letters
    say so clearly, the document's otherwise. An Arabic-script sentence is
    Arabic unless its document is in another Arabic-script language
    (Persian, Urdu, ...); a Latin-script one in an Arabic-script document
    is English."""
    arabic = len(ARABIC_LETTER.findall(sentence))
    latin = len(LATIN_LETTER.findall(sentence))
    if arabic > latin:
        return doc_lang if doc_lang in _OTHER_ARABIC_SCRIPT else "ar"
    if latin > arabic and doc_lang in _ARABIC_SCRIPT:
        return "en"
    return doc_lang


def _rule_relations(text: str, sentences: list[Sentence], langs: list[str],
                    quoted: QuotedRegions) -> tuple[list[Found], list[Found]]:
    """The relations the rules find, sentence by sentence.

    Outside Arabic, a candidate whose cue is inside a direct quotation, or
    an English cue in a sense that reports nothing, is refused before the
    rules decide which relations nest in which: kept until then, it could
    take the sentence's real relation into its content ("Bradshaw said he
    was not advocating violence, only a 'loud voice'" read "voice" as the
    cue of everything before it, and the relation of "said" was lost).
    Returns the relations and the English candidates refused for a sense
    that reports nothing, which still keep the learned tagger off their
    words (:func:`.tagged.add_tagged`): without that, the tagger's "The
    governor's office | has faced criticism over | the region's flood
    warning system" came in and met a residents' claim on e2e dev. A
    quoted cue keeps nothing off: on realnews/en that let a false
    "Mr Brown allegedly" speaker back.
    """
    found: list[Found] = []
    refused: list[Found] = []
    for index, sentence in enumerate(sentences):
        rules_lang = langs[index]
        if rules_lang not in _RULES:
            continue
        span = sentence.span
        if (
            rules_lang == "en" and sentence.text.rstrip().endswith(":")
            and index + 1 < len(sentences)
        ):
            # "He said:" closing a line: what he said is the next sentence.
            span = (span[0], sentences[index + 1].span[1])
        norm = normalize_for_matching(text[span[0]:span[1]], span[0])
        rules = _RULES[rules_lang]
        if rules_lang != "ar":  # Arabic quotes hold no cue the rules read

            def keep(match: Match, index: int = index, norm: NormalizedText = norm,
                     lang: str = rules_lang) -> bool:
                if quoted and quoted.holds(norm.to_input(*match.cue)[0]):
                    return False
                if lang != "en" or en.reports(norm.text, match):
                    return True
                refused.append((index, norm, match, lang))
                return False

            rules = functools.partial(rules, keep=keep)
        for match in rules(norm.text, tokenize(norm.text)):
            if match.content[1] > match.content[0] and LETTER.search(
                norm.text[match.content[0]:match.content[1]]
            ):
                found.append((index, norm, match, rules_lang))
    return found, refused


def _name_unresolved(text: str, starts: list[int], mentions: list[SpeakerMention],
                     resolved: list[object]) -> tuple[dict[tuple[int, int], str], set[int]]:
    """Put a name for each English "he", "she", "his" or "her" that no earlier
    source resolves (the article's first speaker is a pronoun: "Marion Jones
    has filed a lawsuit against Victor Conte following his allegations that
    ..."), when the text writes one (:func:`en.opening_subject`); ``starts``
    are the starts of the text's sentences. Return the spans of the names
    put in, each with the gender of its pronoun ("he" or "she"), and the
    indices of the pronouns (any) left unresolved and unnamed, for the
    caller to resolve again."""
    names: frozenset[str] | None = None
    put_in: dict[tuple[int, int], str] = {}
    left: set[int] = set()
    for k, (mention, speaker) in enumerate(zip(mentions, resolved)):
        pronoun = mention.text.lower()
        if mention.kind != "pronoun" or (getattr(speaker, "text", None) or "").lower() != pronoun:
            continue
        left.add(k)
        if mention.lang != "en" or mention.span is None or pronoun not in en.PERSONAL_SOURCES:
            continue
        own = bisect.bisect_right(starts, mention.span[0])
        if names is None:
            names = en.surnames(text)
        named = en.opening_subject(text, starts[max(0, own - 3):own], mention.span[0],
                                   pronoun, names)
        if named is None:
            continue
        left.discard(k)
        name = text[named[0]:named[1]]
        mentions[k] = dataclass_replace(mention, text=name, span=named,
                                        kind=classify_mention(name, "en"))
        put_in[named] = en.pronoun_gender(pronoun)
    return put_in, left


def attributions_by_sentence(
    text: str, sentences: list[Sentence], doc_lang: str,
    tagger: bool | AttributionTagger = False,
    quoted: QuotedRegions | None = None,
) -> list[list[Attribution]]:
    """The relations of each sentence of ``text`` (one list per sentence).

    ``quoted`` is ``QuotedRegions.of(text)`` when the caller has it already.
    """
    langs = [sentence_lang(s.text, doc_lang) for s in sentences]
    if quoted is None:
        quoted = QuotedRegions.of(text)
    found, refused = _rule_relations(text, sentences, langs, quoted)
    # Sentences where the rules found a relation are read too: skipping them
    # saved a tenth of the time and lost content recall on PolNeAR train
    # articles (overlap F1 0.818 against 0.826).
    tagged = [] if tagger is False else tagged_relations(
        text, sentences, [tagged_lang(lang) for lang in langs], tagger, langs)
    found = add_tagged(text, sentences, found, tagged, langs, refused=refused)

    # A reporting verb inside a direct quotation is part of what the quoted
    # speaker said ('"I think we will win," she said'), not a relation of the article.
    if quoted:
        found = [
            item for item in found
            if not (item[3] != "ar" and quoted.holds(item[1].to_input(*item[2].cue)[0]))
        ]

    # "The quarter saw both sides ...", "Siemens showed off ...": English
    # verbs in a sense that reports nothing, whoever read them as cues.
    found = [item for item in found if item[3] != "en" or en.reports(item[1].text, item[2])]

    credits = CreditLines(text)
    if credits:
        # "(Reporting by X; Editing by Y)" reports nothing.
        found = [item for item in found
                 if not credits.holds(item[1].to_input(*item[2].cue)[0])]
    places = datelines(text)
    for _, norm, match, rules_lang in found:
        if places:
            # "AL-RIMAL, Sept. 3 (AP) — Three passengers were ..., the
            # airport said": the dateline is no part of what was said.
            match.content = _past_dateline(norm, *match.content, places) or match.content
        _trim_source(norm, match, rules_lang, places)
    _continue_sources(text, found)
    # A rule relation left with no source takes the tagger's for its content
    # when the tagger writes one before the cue in the same sentence; on the
    # 840 PolNeAR train articles (the tagger's training articles, where its
    # own scores are within 0.003 of dev's) source overlap F1 0.753 -> 0.758,
    # content unchanged (benchmarks/attribution_eval.py --polnear .../train).
    for _, norm, match, rules_lang in lend_sources(found, tagged):
        _trim_source(norm, match, rules_lang, places)

    starts = [s.span[0] for s in sentences]
    mentions, written = [], []
    for _, norm, match, rules_lang in found:
        span = norm.to_input(*match.source) if match.source else None
        written.append(span)
        mention_text = text[span[0]:span[1]] if span else ""
        if span and rules_lang == "en" and mention_text.lower() in en.RELATIVE_SOURCES:
            # "..., said Harvey, who": the speaker is the phrase before the
            # pronoun, not whoever spoke last (the source stays as written)
            own = bisect.bisect_right(starts, span[0])  # the pronoun's own sentence
            floor = starts[own - 1] if own else 0
            named = en.relative_antecedent(text, span[0], floor)
            if named is not None:
                span, mention_text = named, text[named[0]:named[1]]
        appositive = ""
        if match.appositive:
            a_start, a_end = norm.to_input(*match.appositive)
            appositive = text[a_start:a_end]
        mentions.append(
            SpeakerMention(
                text=mention_text,
                span=span,
                position=norm.to_input(*match.cue)[0],
                lang=rules_lang,
                appositive=appositive,
                plural=match.plural,
                kind=classify_mention(mention_text, rules_lang),
            )
        )
    held = [k for k, item in enumerate(found) if not item[2].holderless]
    held_mentions = [mentions[k] for k in held]
    resolved_held = resolve_speakers(held_mentions)
    put_in, left = _name_unresolved(text, starts, held_mentions, resolved_held)
    if put_in:
        # Resolved again with the names put in; a pronoun left unresolved
        # and unnamed takes one of them only if it was put in for a pronoun
        # of its gender (a name put in for "he" is no antecedent for "she").
        again = resolve_speakers(held_mentions)
        resolved_held = [
            first if k in left and put_in.get(getattr(second, "span", None))
            != en.pronoun_gender(held_mentions[k].text) else second
            for k, (first, second) in enumerate(zip(resolved_held, again))]
    resolved: list[object] = [None] * len(found)
    for k, speaker in zip(held, resolved_held):
        resolved[k] = speaker

    result: list[list[Attribution]] = [[] for _ in sentences]
    for (index, norm, match, rules_lang), source, speaker in zip(found, written, resolved):
        result[index].append(
            Attribution(
                source_span=source,
                cue_span=norm.to_input(*match.cue),
                content_span=norm.to_input(*match.content),
                speaker=getattr(speaker, "text", None),
                speaker_span=getattr(speaker, "span", None),
                entity=getattr(speaker, "entity", None),
                lang=rules_lang,
            )
        )
    return result
