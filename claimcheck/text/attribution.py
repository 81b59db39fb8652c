"""Attributed claims: who said what, in Arabic and English.

:func:`extract_claims` is the public entry point. It splits the text into
sentences (:mod:`claimcheck.text.sentences`), finds reporting constructions in
each with the rules below, links their sources into entities
(:mod:`claimcheck.text.speakers`) and returns one :class:`~claimcheck.types.Claim`
per attributed content, plus one unattributed claim (``speaker=None``) per
sentence that states something without a source.

English rules: "X said (that) Y", "Y, X said (in an interview).", "Y," said X.,
"X, who ..., said Y", "X told Z (that) Y", "X asked Z whether Y", "according to X,
Y" / "Y, according to X", ", saying Y", stance verbs with an object ("X
criticized Y", "X wants Y"), headline speakers ("X: Y") and documents ("In a
poll by X, Y").
Arabic rules: verb-first "وقال X إن Y" (with listeners such as "لوكالة
رويترز", times such as "الخميس" and appositions "، وهو متحدث باسم ..."
removed from the source), subject-first "محللين يقولون إن Y", relative
"X، الذي قال إن Y", participles "..., قائلا إن Y", quotations "وقال X "Y"",
and "بحسب X" / "وفقا لـ X". A sentence may hold several claims; the content of
one ends at the clause boundary before the next one's source.
"""

from __future__ import annotations

import bisect
import dataclasses
import itertools
import re
from dataclasses import dataclass

from claimcheck.text import lexicon_ar, lexicon_en
from claimcheck.text.language import detect_language
from claimcheck.text.normalize import NormalizedText, normalize_for_matching
from claimcheck.text.sentences import split_sentences
from claimcheck.text.speakers import SpeakerMention, classify_mention, resolve_speakers
from claimcheck.text.tagger import AttributionTagger, TaggedRelation, link, shipped_tagger
from claimcheck.types import Claim, Sentence


def _word_set(words: str) -> frozenset[str]:
    """The whitespace-separated words of ``words``."""
    return frozenset(words.split())

# A plural possessive keeps its apostrophe ("Sanders' campaign") unless it is a
# doubled quote mark ("votes''").
_TOKEN = re.compile(
    r"(?:[A-Za-z]\.){2,}|[^\W_]+(?:['’\-][^\W_]+)*(?:(?<=[sS])['’](?!['’\w]))?|[^\w\s]"
)
_ARABIC_LETTER = re.compile(r"[\u0621-\u064a]")
_LATIN_LETTER = re.compile(r"[A-Za-z]")
_LETTER = re.compile(r"[^\W\d_]")

_QUOTES = frozenset('"“”‘’\'«»')
_OPEN_QUOTES = frozenset('"“«‘')
_CLOSE_QUOTES = {'"': '"', "“": "”", "«": "»", "‘": "’"}
_CLAUSE_BREAKS = frozenset(",،;؛")
_COORDINATORS = frozenset("and but و ولكن لكن".split())
_MAX_CONTENT_TOKENS = 300
_EN_STOPS = frozenset(",;:()—–") | _QUOTES
_EN_NOT_VERB_BEFORE = _word_set(
    "the a an his her their its these those this our my your was were been being be is are "
    "to united"
)
# Reporting verbs that also work as plain verbs; they need a clause or quote after them.
_EN_WEAK = _word_set("""
    find finds found show shows showed indicate indicates indicated believe believes
    believed think thinks thought ask asks asked question questioned continue continued
    describe describes described accuse accuses accused blame blames blamed charge
    charges charged promise promises promised promising urge urges urged report reports
    reported state states stated claim claims claimed observe observed repeat repeated
    agree agrees agreed conclude concluded concludes reveal reveals revealed recall
    recalls recalled add adds added note notes noted mention mentions mentioned counter
    countered estimate estimates estimated predict predicts predicted confirm confirms
    confirmed maintain maintains maintained write writes wrote written post posted
    caution cautioned respond responds responded reply replies replied wonder wondered
    hinted signaled signalled joke joked boast boasted lament lamented
    """)
# Finite verbs and auxiliaries: a span that holds one is a clause, not a name.
_EN_FINITE = _word_set(
    "is are was were has have had will would can could should may might must does did "
    "do isn't aren't wasn't weren't hasn't haven't won't wouldn't can't couldn't doesn't didn't "
    "isn’t aren’t wasn’t weren’t hasn’t haven’t won’t wouldn’t can’t couldn’t doesn’t didn’t"
)
# Irregular past tenses that end a subject noun phrase.
_EN_PAST = _word_set(
    "began went made took came gave got left ran won lost spent sent held kept stood met "
    "brought thought felt saw knew told said wrote put set led paid sought"
)
# "seems to", "is expected to": an impression without a holder.
_EN_SEEM = _word_set("seem seems seemed appear appears appeared expected")
_EN_BE = _word_set("is are was were be been being 's")
_EN_PREPOSITIONS = _word_set("in on at during after before for with from by since of")
# Tokens that close a content just before its source: '"...," she said', '"...?" he asked'.
_EN_CONTENT_ENDS = frozenset(",”\"’'?!—–")
_EN_HARD_STOPS = frozenset(";:—–()") | _QUOTES
# Words that start a phrase about the saying, not what was said: "said in Ohio", "said when".
_EN_NOT_CONTENT_LEAD = _word_set(
    "in on at during after before for with from by since of when while as through via "
    "according without amid despite"
)
# Line openers that look like "Speaker:" but are page furniture.
_EN_NOT_SPEAKERS = _word_set(
    "related update updated note photo photos video watch read listen source sources editor "
    "correction advertisement share follow click sign posted by subscribe tags "
    "q a twitter facebook instagram email e-mail contributing contact"
)
_EN_QUESTION_OPENERS = _word_set("if whether to why what how who when where about")
# Lower-case words that may open a source placed after its cue: "said the official".
_EN_SOURCE_OPENERS = _word_set(
    "the a an one another his her their its our two three several some many both he she "
    "they we i former"
)
_AR_TIME_PREPOSITIONS = _word_set("خلال يوم امام عبر اثناء بعد قبل منذ")
_AR_SETTINGS = _word_set(
    "بيان تصريح تصريحات مؤتمر حديث مقابله مقابلة تغريده تغريدة كلمه كلمة رساله رسالة"
)
_AR_ACCORDING = _word_set("بحسب حسب حسبما وفقا طبقا نقلا")
_AR_TRAILING = _word_set("الي عن من ب علي")


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
        "ar" or "en", the rules that found it.
    """

    source_span: tuple[int, int] | None
    cue_span: tuple[int, int]
    content_span: tuple[int, int]
    speaker: str | None
    speaker_span: tuple[int, int] | None
    entity: str | None
    lang: str


@dataclass(frozen=True)
class _Token:
    start: int
    end: int
    text: str
    low: str


@dataclass
class _Match:
    # Offsets here are in the normalised sentence; mutable while rules refine them.
    source: tuple[int, int] | None
    cue: tuple[int, int]
    content: tuple[int, int]
    region_start: int
    appositive: tuple[int, int] | None = None
    plural: bool = False
    # True when nobody holds the content ("is expected to", "Asked whether"):
    # the speaker is then not looked up among earlier mentions.
    holderless: bool = False


def extract_claims(
    text: str, *, lang: str | None = None, doc_id: str | None = None,
    tagger: bool | AttributionTagger = True,
) -> list[Claim]:
    """Find the claims of a news text and who made them.

    Parameters
    ----------
    text : str
        The article, unchanged; every span indexes into it.
    lang : str or None
        "ar" or "en"; detected from the script when None. Sentences in the
        other script still get that script's rules.
    doc_id : str or None
        Copied onto every claim.
    tagger : bool or AttributionTagger
        English only: True (default) adds the relations the shipped learned
        tagger finds and the rules miss (see :func:`find_attributions`);
        False uses the rules alone; an :class:`AttributionTagger` is used
        instead of the shipped one.

    Returns
    -------
    list of Claim
        In text order. Attributed claims carry ``speaker``, ``speaker_span``,
        ``cue`` and ``entity``; sentences the article states itself carry
        ``speaker=None``. Page furniture, questions and headline-like lines
        (short, without final punctuation, in a text that has punctuation)
        give no claim.

    Raises
    ------
    TypeError
        If ``text`` is not a ``str``.

    Examples
    --------
    >>> claims = extract_claims("The mayor said the bridge would reopen on Monday.")
    >>> claims[0].speaker, claims[0].text
    ('The mayor', 'the bridge would reopen on Monday')
    """
    _check_text(text, "extract_claims")
    if not text.strip():
        return []
    doc_lang = lang or detect_language(text)
    sentences = split_sentences(text, doc_lang)
    attributions = _attributions_by_sentence(text, sentences, doc_lang, tagger)
    has_punctuation = any(s.text.rstrip("\"'”’»)] ")[-1:] in ".!?؟…" for s in sentences)
    claims: list[Claim] = []
    reported = [a.content_span for found in attributions for a in found]
    quoted = _quoted_regions(text)
    for sentence, found in zip(sentences, attributions):
        if not found and any(
            start <= sentence.span[0] and sentence.span[1] <= end for start, end in reported
        ):
            # The quotation after "He said:" is already his claim.
            continue
        sentence_lang = _sentence_lang(sentence.text, doc_lang)
        if not found and sentence_lang == "en":
            speaking = _quote_goes_on(text, sentence, quoted, claims)
            if speaking is not None:
                claims.append(
                    dataclasses.replace(
                        speaking, text=sentence.text, span=sentence.span, lang=sentence_lang
                    )
                )
                continue
        if found:
            lead = _unattributed_lead(text, sentence, found)
            if lead is not None:
                claims.append(
                    Claim(text=text[lead[0]:lead[1]], span=lead, lang=sentence_lang, doc_id=doc_id)
                )
            for item in found:
                start, end = item.content_span
                claims.append(
                    Claim(
                        text=text[start:end],
                        span=item.content_span,
                        speaker=item.speaker,
                        speaker_span=item.speaker_span,
                        cue=text[item.cue_span[0]:item.cue_span[1]],
                        entity=item.entity,
                        lang=sentence_lang,
                        doc_id=doc_id,
                    )
                )
        elif _states_something(text, sentence, has_punctuation):
            claims.append(
                Claim(text=sentence.text, span=sentence.span, lang=sentence_lang, doc_id=doc_id)
            )
    return claims


def find_attributions(
    text: str, *, lang: str | None = None, tagger: bool | AttributionTagger = True
) -> list[Attribution]:
    """Find every reporting relation in ``text`` (source, cue, content).

    This is the evaluation view of :func:`extract_claims`: it keeps the
    source mention as written (a pronoun stays "he") next to the resolved
    speaker.

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
        As for :func:`extract_claims`.
    tagger : bool or AttributionTagger
        As for :func:`extract_claims`.

    Returns
    -------
    list of Attribution
        In text order.

    Raises
    ------
    TypeError
        If ``text`` is not a ``str``.
    """
    _check_text(text, "find_attributions")
    if not text.strip():
        return []
    doc_lang = lang or detect_language(text)
    sentences = split_sentences(text, doc_lang)
    return [a for found in _attributions_by_sentence(text, sentences, doc_lang, tagger)
            for a in found]


def _check_text(text: object, caller: str) -> None:
    if not isinstance(text, str):
        raise TypeError(
            f"{caller} expects the article as str, got {type(text).__name__}; "
            "decode bytes with .decode('utf-8') or pass Document.text"
        )


def _sentence_lang(sentence: str, doc_lang: str) -> str:
    arabic = len(_ARABIC_LETTER.findall(sentence))
    latin = len(_LATIN_LETTER.findall(sentence))
    if arabic > latin:
        return "ar"
    if latin > arabic and doc_lang == "ar":
        return "en"
    return doc_lang


def _attributions_by_sentence(
    text: str, sentences: list[Sentence], doc_lang: str,
    tagger: bool | AttributionTagger = False,
) -> list[list[Attribution]]:
    found: list[tuple[int, NormalizedText, _Match, str]] = []
    for index, sentence in enumerate(sentences):
        rules_lang = _sentence_lang(sentence.text, doc_lang)
        if rules_lang not in ("ar", "en"):
            continue
        span = sentence.span
        if (
            rules_lang == "en" and sentence.text.rstrip().endswith(":")
            and index + 1 < len(sentences)
        ):
            # "He said:" closing a line: what he said is the next sentence.
            span = (span[0], sentences[index + 1].span[1])
        norm = normalize_for_matching(text[span[0]:span[1]], span[0])
        tokens = [
            _Token(m.start(), m.end(), m.group(), m.group().lower())
            for m in _TOKEN.finditer(norm.text)
        ]
        if rules_lang == "ar":
            matches = _arabic_matches(norm.text, tokens)
        else:
            matches = _english_matches(norm.text, tokens)
        _end_contents_at_next_source(norm.text, tokens, matches)
        if rules_lang == "en":
            matches = _outermost(matches)
        for match in matches:
            if match.content[1] > match.content[0] and _LETTER.search(
                norm.text[match.content[0]:match.content[1]]
            ):
                found.append((index, norm, match, rules_lang))
    if tagger is not False:
        found = _add_tagged(text, sentences, doc_lang, found, tagger)

    # A reporting verb inside a direct quotation is part of what the quoted
    # speaker said ('"I think we will win," she said'), not a relation of the article.
    quoted = _quoted_regions(text)
    if quoted:
        starts = [q[0] for q in quoted]
        kept = []
        for item in found:
            _, norm, match, rules_lang = item
            cue_at = norm.to_input(*match.cue)[0]
            at = bisect.bisect_right(starts, cue_at) - 1
            if rules_lang == "en" and at >= 0 and cue_at < quoted[at][1]:
                continue
            kept.append(item)
        found = kept

    mentions = []
    for _, norm, match, rules_lang in found:
        span = norm.to_input(*match.source) if match.source else None
        mention_text = text[span[0]:span[1]] if span else ""
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
    resolved_held = resolve_speakers([mentions[k] for k in held])
    resolved: list[object] = [None] * len(found)
    for k, speaker in zip(held, resolved_held):
        resolved[k] = speaker

    result: list[list[Attribution]] = [[] for _ in sentences]
    for (index, norm, match, rules_lang), mention, speaker in zip(found, mentions, resolved):
        result[index].append(
            Attribution(
                source_span=mention.span,
                cue_span=norm.to_input(*match.cue),
                content_span=norm.to_input(*match.content),
                speaker=getattr(speaker, "text", None),
                speaker_span=getattr(speaker, "span", None),
                entity=getattr(speaker, "entity", None),
                lang=rules_lang,
            )
        )
    return result


def _add_tagged(
    text: str, sentences: list[Sentence], doc_lang: str,
    found: list[tuple[int, NormalizedText, _Match, str]],
    tagger: bool | AttributionTagger,
) -> list[tuple[int, NormalizedText, _Match, str]]:
    """``found`` plus the tagger's English relations whose content overlaps
    no content found by the rules and whose cue is not a rule's cue, each
    filed under the sentence where its content starts."""
    english = [_sentence_lang(s.text, doc_lang) == "en" for s in sentences]
    if not any(english):
        return found
    model = shipped_tagger() if tagger is True else tagger
    taken = [norm.to_input(*match.content) for _, norm, match, _ in found]
    cues = [norm.to_input(*match.cue) for _, norm, match, _ in found]
    starts = [s.span[0] for s in sentences]
    whole = NormalizedText(text=text, starts=None, ends=None, offset=0)
    added = []
    for relation in _tagged_relations(text, sentences, english, model):
        # Inside the English run it came from, so its sentence is English.
        index = bisect.bisect_right(starts, relation.content[0]) - 1
        if any(relation.content[0] < end and start < relation.content[1] for start, end in taken):
            continue
        if any(relation.cue[0] < end and start < relation.cue[1] for start, end in cues):
            continue  # that cue already reports what the rules found
        content = _without_complementiser(text, relation.content)
        match = _Match(relation.source, relation.cue, content,
                       region_start=relation.content[0], holderless=relation.source is None)
        added.append((index, whole, match, "en"))
    if not added:
        return found
    return sorted(found + added, key=lambda item: (item[0], item[1].to_input(*item[2].content)))


def _tagged_relations(
    text: str, sentences: list[Sentence], english: list[bool], model: AttributionTagger
) -> list[TaggedRelation]:
    """The tagger's relations in each run of consecutive English sentences
    (an Arabic article with one English line costs one short window)."""
    relations: list[TaggedRelation] = []
    for is_english, run in itertools.groupby(range(len(sentences)), key=english.__getitem__):
        if not is_english:
            continue
        indices = list(run)
        start, end = sentences[indices[0]].span[0], sentences[indices[-1]].span[1]
        part = text[start:end]
        for r in link(part, model.tag(part)):
            relations.append(TaggedRelation(
                (r.source[0] + start, r.source[1] + start) if r.source else None,
                (r.cue[0] + start, r.cue[1] + start),
                (r.content[0] + start, r.content[1] + start),
            ))
    return relations


def _without_complementiser(text: str, span: tuple[int, int]) -> tuple[int, int]:
    """``span`` without a leading "that" (the rules' convention for contents)."""
    word = re.match(r"that\s+", text[span[0]:span[1]], re.IGNORECASE)
    if word and word.end() < span[1] - span[0]:
        return (span[0] + word.end(), span[1])
    return span


def _quoted_regions(text: str) -> list[tuple[int, int]]:
    """Spans of ``text`` inside double quotation marks, in order.

    Curly quotes pair up; straight ``"`` and doubled ``''`` toggle. A quote
    still open at the end of a paragraph is closed there, since news style
    reopens a quotation that runs on into the next paragraph.
    """
    regions: list[tuple[int, int]] = []
    open_at = -1
    closer = ""
    i = 0
    n = len(text)
    while i < n:
        char = text[i]
        width = 2 if text.startswith("''", i) else 1
        mark = "''" if width == 2 else char
        if char == "\n":
            if open_at >= 0:
                regions.append((open_at, i))
                open_at = -1
        elif open_at < 0 and mark in ('"', "“", "''"):
            open_at = i + width
            closer = "”" if mark == "“" else mark
        elif open_at >= 0 and (
            mark == closer or (closer == "”" and mark == '"')
            # A mistyped closer: “...,“ said Smith.
            or (mark == "“" and i > 0 and not text[i - 1].isspace())
        ):
            regions.append((open_at, i))
            open_at = -1
        i += width if mark == "''" else 1
    if open_at >= 0:
        regions.append((open_at, n))
    return regions


def _quote_goes_on(
    text: str, sentence: Sentence, quoted: list[tuple[int, int]], claims: list[Claim]
) -> Claim | None:
    """The claim whose quotation ``sentence`` continues, or None.

    '"We will win," she said. "Nobody doubts it."': the second sentence is
    hers too. The sentence must be quoted to its end, and the last attributed
    claim of the same paragraph must itself be a quotation.
    """
    start, end = sentence.span
    body_end = end
    while body_end > start and text[body_end - 1] in " .?!…\"'”’»":
        body_end -= 1
    region = next(
        (q for q in quoted if q[0] - 1 <= start < q[1] or (start < q[0] <= start + 1)),
        None,
    )
    if region is None or region[1] < body_end or body_end <= start:
        return None
    previous = next((c for c in reversed(claims) if c.speaker is not None), None)
    if previous is None or previous is not claims[-1]:
        return None
    if "\n" in text[previous.span[1]:start]:
        return None
    c_start, c_end = previous.span
    if not any(q[0] - 1 <= c_start < q[1] or c_start <= q[0] < c_end for q in quoted):
        return None
    return previous


def _unattributed_lead(
    text: str, sentence: Sentence, found: list[Attribution]
) -> tuple[int, int] | None:
    # "وتمثل استعادة الباغوز ...، ولكن محللين يقولون إن ...": the part before the
    # first relation, up to a clause break, is the article's own statement.
    first = min(
        min(span[0] for span in (a.source_span, a.cue_span, a.content_span) if span)
        for a in found
    )
    start = sentence.span[0]
    cut = max(text.rfind(mark, start, first) for mark in ",،;؛")
    if cut <= start:
        return None
    lead = text[start:cut].rstrip()
    if len(lead.split()) < 5:
        return None
    return (start, start + len(lead))


def _states_something(text: str, sentence: Sentence, has_punctuation: bool) -> bool:
    body = sentence.text
    if not _LETTER.search(body):
        return False
    if body.rstrip("\"'”’»)] ")[-1:] in "?؟":
        return False
    lowered = normalize_for_matching(body).text.lower().strip(" :.")
    furniture = lexicon_en.FURNITURE + lexicon_ar.FURNITURE
    if any(lowered.startswith(item) for item in furniture) and len(lowered.split()) <= 6:
        return False
    # A short line without final punctuation is a headline, a link or a caption.
    ending = body.rstrip("\"'”’»)] ")[-1:]
    return not (has_punctuation and ending not in ".!…" and len(body.split()) <= 15)


# --------------------------------------------------------------------- English


def _english_matches(s: str, toks: list[_Token]) -> list[_Match]:
    matches: list[_Match] = []
    n = len(toks)
    headline = _english_headline(toks)
    if headline is not None:
        matches.append(headline)
    document = _english_document(toks)
    i = 0
    while i < n:
        low = toks[i].low
        match = None
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
        if low in _EN_SEEM and (low != "expected" or (i > 0 and toks[i - 1].low in _EN_BE)):
            match = _english_seem(toks, i)
        elif low in lexicon_en.PARTICLE_VERBS and not (
            i + 1 < n and toks[i + 1].low in lexicon_en.PARTICLE_VERBS[low]
        ):
            match = None
        elif low in lexicon_en.REPORTING_VERBS or low in lexicon_en.STANCE_VERBS:
            match = _english_verb(s, toks, i)
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


def _english_headline(toks: list[_Token]) -> _Match | None:
    # "Sanders: Endorsements prove ...", "Q: And the wall?": a short capitalised
    # speaker, a colon, then what they said.
    colon = next((x for x in range(min(len(toks), 6)) if toks[x].text == ":"), -1)
    if colon <= 0 or toks[0].low in _EN_NOT_SPEAKERS:
        return None
    if not all(toks[x].text[:1].isupper() or toks[x].text in ".'’-" for x in range(colon)):
        return None
    content = _span_of(toks, colon + 1, len(toks))
    if content is None:
        return None
    source = (toks[0].start, toks[colon - 1].end)
    cue = (toks[colon].start, toks[colon].end)
    return _Match(source, cue, content, region_start=source[0])


def _english_document(toks: list[_Token]) -> _Match | None:
    # "In a Des Moines Register poll last month, Cruz led by 10 points."
    n = len(toks)
    if n < 4 or toks[0].low != "in":
        return None
    comma = next((x for x in range(1, min(n, 14)) if toks[x].text == ","), -1)
    if comma < 2 or not any(
        toks[x].low in lexicon_en.DOCUMENT_NOUNS for x in range(1, comma)
    ):
        return None
    content = _span_of(toks, comma + 1, n)
    if content is None:
        return None
    source = (toks[1].start, toks[comma - 1].end)
    cue = (toks[0].start, toks[0].end)
    return _Match(source, cue, content, region_start=cue[0])


def _english_according(toks: list[_Token], i: int) -> _Match | None:
    n = len(toks)
    k = i + 2
    while k < n and toks[k].text not in ",;." and k - i < 16:
        k += 1
    if k == i + 2:
        return None
    source = (toks[i + 2].start, toks[k - 1].end)
    cue = (toks[i].start, toks[i + 1].end)
    if all(toks[x].text in _QUOTES for x in range(i)):
        content = _span_of(toks, k + 1, n)
    else:
        content = _span_of(toks, 0, i)
    if content is None:
        return None
    return _Match(source, cue, content, region_start=min(source[0], cue[0]))


def _english_asked(toks: list[_Token], i: int) -> _Match | None:
    # "Asked whether he would run, Smith said ...", "when asked what she
    # thought": the question is the content; its asker is not named, or is
    # named after "by".
    n = len(toks)
    k = _skip_after_cue(toks, i + 1)
    source = None
    if k < n and toks[k].low == "by":
        start = k + 1
        k = start
        while k < n and toks[k].low not in _EN_QUESTION_OPENERS and toks[k].text not in ",;:"\
                and k - start < 8:
            k += 1
        if k > start:
            source = (toks[start].start, toks[k - 1].end)
    stop = k
    while stop < n and stop - k < 6 and toks[stop].low not in _EN_QUESTION_OPENERS:
        if toks[stop].text in ",;:.":
            return None
        stop += 1
    if stop >= n or toks[stop].low not in _EN_QUESTION_OPENERS:
        return None
    end = stop + 1
    while end < n and toks[end].text not in ",;:?" and toks[end].text not in _OPEN_QUOTES:
        end += 1
    content = _span_of(toks, stop, end)
    if content is None:
        return None
    cue = (toks[i].start, toks[i].end)
    return _Match(source, cue, content, region_start=cue[0], holderless=source is None)


def _english_noun(toks: list[_Token], i: int) -> _Match | None:
    # "Clinton's claim that she never sent ...", "his support for the ban",
    # "the notion that ...": a noun that names what someone holds.
    n = len(toks)
    low = toks[i].low
    k = i + 1
    if low in lexicon_en.CLAIM_NOUNS:
        if not (k < n and toks[k].low == "that") or k + 1 >= n:
            return None
        # "the claims that were made": "that" is a relative pronoun there.
        if toks[k + 1].low in _EN_FINITE or toks[k + 1].low.endswith("ed"):
            return None
        k += 1
    else:
        if not (k < n and toks[k].low in {"for", "of", "on", "against", "to"}):
            return None
        k += 1
    end = k
    while end < n and toks[end].text not in ",;:.?!—–()" and not (
        toks[end].text in _QUOTES and end > k and toks[end].text not in _OPEN_QUOTES
    ):
        end += 1
    content = _span_of(toks, k, end)
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
    return _Match(source, cue, content, region_start=source[0] if source else cue[0],
                  holderless=source is None)


def _english_seem(toks: list[_Token], i: int) -> _Match | None:
    # "Trump seemed to soften his stance", "The bill is expected to pass": an
    # impression or expectation nobody in the text is said to hold. The
    # content is the subject with what it seems to do.
    n = len(toks)
    if toks[i].low == "expected" and not (i > 0 and toks[i - 1].low in _EN_BE):
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
    while start >= 0 and i - start < 14 and toks[start].text not in _EN_STOPS \
            and toks[start].low not in lexicon_en.NP_STOPS:
        start -= 1
    if start == end_subject:
        return None
    end = k
    while end < n and toks[end].text not in ";:—–()" and not (
        toks[end].text == "," and end + 1 < n and toks[end + 1].low in _COORDINATORS
    ):
        end += 1
    content = _span_of(toks, start + 1, end)
    if content is None:
        return None
    cue = (toks[i].start, toks[i].end)
    return _Match(None, cue, content, region_start=content[0], holderless=True)


def _skip_after_cue(toks: list[_Token], k: int) -> int:
    n = len(toks)
    moved = True
    while moved and k < n:
        moved = False
        for phrase in lexicon_en.AFTER_CUE:
            words = phrase.split()
            if k + len(words) <= n and all(toks[k + j].low == w for j, w in enumerate(words)):
                k += len(words)
                moved = True
                break
    return k


def _english_verb(s: str, toks: list[_Token], i: int) -> _Match | None:
    n = len(toks)
    low = toks[i].low
    j = i - 1
    while j >= 0 and toks[j].low in lexicon_en.AUXILIARIES:
        j -= 1
    if j >= 0 and toks[j].low in _EN_NOT_VERB_BEFORE:
        return None
    if j >= 0 and toks[j].low in {"did", "does", "do", "not", "n't"}:
        return None
    if low in lexicon_en.NOUN_LIKE_VERBS and not (j >= 0 and _names_a_speaker(toks[j])):
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
        while stop < n and stop - k < 7 and toks[stop].low not in _EN_QUESTION_OPENERS:
            stop += 1
        if stop < n and toks[stop].low in _EN_QUESTION_OPENERS and stop > k:
            k = stop
            asks = True
    elif low in lexicon_en.OBJECT_VERBS:
        stop = k
        while stop < n and stop - k < 7 and not _opens_content(toks[stop]):
            stop += 1
        if stop < n and _opens_content(toks[stop]):
            k = stop
        elif k < n:
            k = k + 2 if toks[k].low in {"the", "a", "an"} else k + 1
            # "told The Huffington Post.": the whole name is the listener.
            while k < n and toks[k].text[:1].isupper() and toks[k - 1].text[:1].isupper():
                k += 1
        k = _skip_after_cue(toks, k)
    while k < n and toks[k].text in ",:":
        k += 1
    k = _skip_to_that(toks, k)
    right_start = k
    while k < n and toks[k].low == "that":
        k += 1
    right = _span_of(toks, k, n)
    opens_clause = asks or right_start < n and (
        toks[right_start].low == "that" or toks[right_start].text in _QUOTES
        or toks[right_start - 1].text == ":"
    )
    # "said, adding ...", "said in Ohio on Monday": what follows is not what was said.
    right_is_content = right is not None and (
        opens_clause
        or (toks[right_start - 1].text != ","
            and toks[right_start].low not in _EN_NOT_CONTENT_LEAD
            and not toks[right_start].low.endswith(("ing", "ly"))
            )
    )

    # ", saying that ...": the source is the subject of the main clause.
    if low.endswith("ing") and j >= 0 and toks[j].text == ",":
        if right is None:
            return None
        # Without a clear subject the relation stands with an implicit source.
        subject = _sentence_subject(toks, j)
        return _Match(subject, cue, right, region_start=cue[0])

    # '"...," said Smith.' -- the source follows the cue.
    # "Reid, who represents Nevada, said he ..." is an apposition, not an inversion.
    apposed = (
        right_is_content and j >= 0 and toks[j].text == ","
        and _left_apposition(toks, j) is not None
    )
    if j >= 0 and toks[j].text in _EN_CONTENT_ENDS and right_start < n and not apposed:
        source = _inverted_source(toks, right_start)
        content = _span_of(toks, _quote_start(toks, j), j)
        if source is not None and content is not None:
            return _Match(source, cue, content, region_start=source[0])

    # "X said ..." / "..., X said." -- the source precedes the cue.
    if j >= 0 and toks[j].low in {"and", "but"} and right is not None:
        # "Merrill says X and said Y": the subject of the first verb speaks again.
        if low not in _EN_WEAK or opens_clause:
            return _Match(_sentence_subject(toks, j), cue, right, region_start=cue[0])
        return None
    dash_appositive = None
    if j > 0 and toks[j].text in "—–":
        # "Many speakers — including pastors — said ...": skip the aside.
        dash = next(
            (x for x in range(j - 1, max(-1, j - 30), -1) if toks[x].text == toks[j].text), -1
        )
        if dash > 0:
            dash_appositive = (toks[dash + 1].start, toks[j - 1].end) if dash + 1 < j else None
            j = dash - 1
    m = j
    while m >= 0 and toks[m].low not in lexicon_en.NP_STOPS and (
        toks[m].text not in _EN_STOPS or toks[m].text in "()"
    ):
        # Parentheses stay inside the source: "Rep. Gwen Moore (D-Wis.) said".
        if j - m >= 14:
            return None
        m -= 1
    first = m + 1
    appositive = None
    if first > j >= 0 and (toks[j].text == "," or _comma_quote(toks, j)):
        # "Flynn, a top Trump surrogate, said" / "Smith, who ran in 2012, said".
        found = _left_apposition(toks, j)
        if found is None:
            return None
        first, comma = found
        m = first - 1
        appositive = (toks[comma + 1].start, toks[j - 1].end)
        j -= 1
    if first > j:
        return None
    while first <= j and toks[first].low in _EN_PREPOSITIONS:
        # "In a statement, Trump said": drop the leading phrase.
        nxt = first + 1
        while nxt <= j and not toks[nxt].text[:1].isupper():
            nxt += 1
        first = nxt
    if first > j:
        return None
    source = (toks[first].start, toks[j].end)
    if appositive is None:
        appositive = dash_appositive

    # '"...," Clinton said in an interview.' -- the content precedes the source.
    before = None
    if m > 0 and toks[m].text in _EN_CONTENT_ENDS and (
        toks[m].text != "," or (low not in _EN_WEAK and low not in lexicon_en.STANCE_VERBS)
    ):
        before = _span_of(toks, 0, m)
    if before is not None and right is not None and toks[m].text == ",":
        # "In the end, Rosenthal said, voters ...": a short lead-in is not the
        # content when a longer clause follows the cue.
        lead = toks[right_start]
        if (
            toks[right_start - 1].text == ","
            and lead.low not in _EN_NOT_CONTENT_LEAD
            and not lead.low.endswith(("ing", "ly"))
            and lead.low not in _COORDINATORS
            and not any(toks[x].text in _QUOTES for x in range(m))
            and m < n - right_start
        ):
            before = None
            right_is_content = True
    if before is not None and toks[m].text in _QUOTES:
        opener = _quote_start(toks, m)
        if right_is_content and opener > 0 and _LETTER.search(toks[opener - 1].text):
            # 'on "CBS This Morning," Sanders said he ...': a quoted title, not speech.
            before = None
        else:
            before = _span_of(toks, opener, m)
    if before is not None and (
        not right_is_content or (toks[m].text in _QUOTES and not opens_clause)
    ):
        # '"...," Cruz told reporters outside a restaurant': the quotation
        # before the source is the content; what follows the cue is the setting.
        return _Match(source, cue, before, region_start=source[0], appositive=appositive)
    if right is not None:
        if low in _EN_WEAK and not (opens_clause or _speaks_without_that(toks, first, j)):
            return None
        return _Match(source, cue, right, region_start=source[0], appositive=appositive)
    # Nothing after the cue: the content precedes the source.
    content = _span_of(toks, 0, max(m, 0))
    if content is None:
        return None
    return _Match(source, cue, content, region_start=source[0], appositive=appositive)


def _skip_to_that(toks: list[_Token], k: int) -> int:
    # "said earlier on Friday during a news conference that ...": a setting
    # (prepositional phrases, no punctuation) between the cue and "that".
    n = len(toks)
    if k >= n or toks[k].low not in _EN_PREPOSITIONS:
        return k
    for x in range(k + 1, min(n, k + 10)):
        tok = toks[x]
        if tok.low == "that":
            return x
        if not _LETTER.search(tok.text) or tok.low in _EN_FINITE or tok.low in {
            "who", "which", "whether", "if", "to", "because", "as",
        }:
            return k
    return k


def _quote_start(toks: list[_Token], close: int) -> int:
    """Index where the quotation closed at or just before ``close`` opens.

    '"A," she said, but "B," said Kunin': the content of the second cue is
    "B", not the whole sentence before it. 0 when no quotation closes there.
    """
    end = close
    while end > 0 and toks[end].text in ",.?!":
        end -= 1
    if toks[end].text not in ('"', "”", "''"):
        return 0
    want = _EN_CLOSERS[toks[end].text]
    for x in range(end - 1, -1, -1):
        if toks[x].text == want or (want == "“" and toks[x].text == '"'):
            return x
    return 0


def _speaks_without_that(toks: list[_Token], first: int, last: int) -> bool:
    # "I think he is wrong", "Trump described her as ...", "The poll found ...":
    # a short source that is a person or a document may take a bare clause.
    if last - first > 5:
        return False
    return _names_a_speaker(toks[last]) or toks[last].low in lexicon_en.DOCUMENT_NOUNS


def _names_a_speaker(tok: _Token) -> bool:
    # "she plans", "Trump wants"; not "Trump's plans", "the plans".
    if tok.low in {"he", "she", "they", "we", "i", "you", "who"}:
        return True
    return tok.text[:1].isupper() and not tok.low.endswith(("'s", "’s"))


def _inverted_source(toks: list[_Token], start: int) -> tuple[int, int] | None:
    # "said Ana Ortiz, the operator's finance chief, who ...": up to a quote, a
    # participle ("..., adding") or the end of the sentence.
    n = len(toks)
    head = toks[start]
    if not (head.text[:1].isupper() or head.low in _EN_SOURCE_OPENERS):
        return None
    end = start
    while end < n and end - start < 40:
        tok = toks[end]
        if tok.text in _OPEN_QUOTES or tok.text in ";:—–" or tok.text == "”":
            break
        if tok.text == "," and end + 1 < n and (
            toks[end + 1].low.endswith("ing") or toks[end + 1].low in _EN_NOT_CONTENT_LEAD
            or toks[end + 1].text in _QUOTES or toks[end + 1].low in _COORDINATORS
        ):
            break
        if tok.low in _EN_NOT_CONTENT_LEAD and tok.low not in {"of", "for", "at", "with"}:
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
    if words & _EN_FINITE:
        # "— said Ali's death is painful": a clause, not a name.
        return None
    return (toks[start].start, toks[end - 1].end)


def _left_apposition(toks: list[_Token], comma_before_cue: int) -> tuple[int, int] | None:
    """Find "NAME , APPOSITION ," ending at ``comma_before_cue``.

    Returns the index of the name's first token and of the comma that opens
    the apposition, or None. A leading phrase ("In Ohio, ...") is skipped.
    """
    j = comma_before_cue
    start = j - 1
    if _comma_quote(toks, j):
        # 'Reid, who called it a “sham,” said': the comma is inside the quote.
        opener = _opener_of(toks, j)
        if opener is None:
            return None
        start = opener
    while start > 0 and j - start < 40:
        before = toks[start - 1].text
        if before in _QUOTES and start > 1 and toks[start - 2].text in ",.?!":
            break  # the end of a quotation: '"...," Ruiz, an aide, said'
        if before in _EN_CLOSERS:
            # A short bracketed or quoted piece stays inside the apposition:
            # "Moore (D-Wis.), a member, said", "Reid, who calls it a “sham,” said".
            opener = _opener_of(toks, start - 1)
            if opener is None:
                break
            start = opener
            continue
        if before in _EN_HARD_STOPS:
            break
        start -= 1
    while start < j and (toks[start].low in lexicon_en.NP_STOPS or toks[start].text in _QUOTES):
        start += 1
    for comma in range(start, j):
        if toks[comma].text != ",":
            continue
        name = range(start, comma)
        aside = range(comma + 1, j)
        if (
            0 < len(name) <= 8
            and toks[start].low not in _EN_PREPOSITIONS
            and toks[start].low not in lexicon_en.NP_STOPS
            and comma + 1 < j
            and toks[comma + 1].low not in _COORDINATORS
            and not any(toks[x].low in _EN_FINITE for x in name)
            and (
                any(toks[x].text[:1].isupper() or toks[x].low in lexicon_en.PRONOUNS
                    for x in name)
                # "a spokeswoman, Anna White, said": the name is the apposition.
                or (len(name) <= 4 and len(aside) <= 4
                    and all(toks[x].text[:1].isupper() for x in aside))
            )
        ):
            return start, comma
        start = comma + 1
    return None


_EN_CLOSERS = {")": "(", "”": "“", '"': '"', "''": "''"}


def _comma_quote(toks: list[_Token], k: int) -> bool:
    return k > 1 and toks[k].text in _EN_CLOSERS and toks[k - 1].text == ","


def _opener_of(toks: list[_Token], close: int) -> int | None:
    # The index of the mark that opens the short piece closed at ``close``.
    want = _EN_CLOSERS[toks[close].text]
    for k in range(close - 1, max(-1, close - 13), -1):
        if toks[k].text == want:
            return k
    return None


def _opens_content(tok: _Token) -> bool:
    return tok.low == "that" or tok.text in _EN_STOPS


def _sentence_subject(toks: list[_Token], limit: int) -> tuple[int, int] | None:
    # The leading run of capitalised words and determiners, e.g. "The White House".
    k = 0
    while k < limit and (toks[k].text in _QUOTES or toks[k].low in _COORDINATORS):
        k += 1
    if k < limit and (toks[k].low in _EN_PREPOSITIONS or toks[k].low in {"given", "after"}):
        # "On Sunday, Mr. Trump ..., saying": the subject follows the lead-in.
        comma = next((x for x in range(k, min(limit, k + 12)) if toks[x].text == ","), -1)
        if comma < 0:
            return None
        k = comma + 1
    start = k
    while k < limit and (
        toks[k].text[:1].isupper() or toks[k].low in {"the", "of", "'s", "’s"}
    ):
        k += 1
    if k == start + 1 and toks[start].low in {"the", "a", "an", "many", "some", "several"} \
            or k == start and toks[start].low in {"many", "some", "several", "most", "both"}:
        # "The former candidate continued, saying": a described subject runs
        # on to its verb.
        while k < limit and k - start < 8 and _LETTER.search(toks[k].text) and not (
            toks[k].low in _EN_FINITE or toks[k].low in lexicon_en.NP_STOPS
            or toks[k].low in lexicon_en.AUXILIARIES or toks[k].low in _EN_PREPOSITIONS
            or toks[k].low in lexicon_en.REPORTING_VERBS or toks[k].low.endswith("ed")
            or toks[k].low in _EN_PAST
        ):
            k += 1
        if k - start < 2 or k - start >= 8:
            return None
    if k == start or (k == start + 1 and toks[start].low == "the"):
        return None
    return (toks[start].start, toks[k - 1].end)


def _span_of(toks: list[_Token], start: int, end: int) -> tuple[int, int] | None:
    # Tokens [start, end) without edge punctuation (quotes are kept when balanced).
    while start < end and toks[start].text in ",;:.—–-" :
        start += 1
    while end > start and toks[end - 1].text in ",;:.—–-،؛":
        end -= 1
    # A claim longer than this is a run-on text without punctuation, not one claim.
    end = min(end, start + _MAX_CONTENT_TOKENS)
    while end > start and toks[end - 1].text in ",;:.—–-،؛":
        end -= 1
    if end <= start:
        return None
    if not any(_LETTER.search(toks[x].text) for x in range(start, end)):
        return None
    return (toks[start].start, toks[end - 1].end)


# ---------------------------------------------------------------------- Arabic


def _verb_base(word: str) -> tuple[str, bool]:
    if word in lexicon_ar.REPORTING_VERBS:
        return word, False
    if len(word) > 3 and word[0] in "وف" and word[1:] in lexicon_ar.REPORTING_VERBS:
        return word[1:], True
    return "", False


def _strip_conj(word: str) -> str:
    return word[1:] if len(word) > 3 and word[0] in "وف" else word


def _arabic_matches(s: str, toks: list[_Token]) -> list[_Match]:
    matches: list[_Match] = []
    for i, tok in enumerate(toks):
        word = tok.text
        base, conj = _verb_base(word)
        match = None
        if base:
            match = _arabic_verb(toks, i, base, conj, matches)
        elif _strip_conj(word) in lexicon_ar.PARTICIPLES or word in lexicon_ar.PARTICIPLES:
            match = _arabic_participle(toks, i, matches)
        elif word in _AR_ACCORDING or _strip_conj(word) in _AR_ACCORDING:
            match = _arabic_according(toks, i)
        if match is not None:
            matches.append(match)
    return matches


def _find_opening(toks: list[_Token], start: int, limit: int) -> int:
    # Index of the complementiser, opening quote or colon that starts the content.
    n = len(toks)
    for k in range(start, min(n, start + limit)):
        word = toks[k].text
        if word in lexicon_ar.COMPLEMENTIZERS or word in _OPEN_QUOTES or word == ":":
            return k
        if word in ".؟?!" or _verb_base(word)[0] or _strip_conj(word) in lexicon_ar.PARTICIPLES:
            return -1
    return -1


def _arabic_content(toks: list[_Token], k: int) -> tuple[int, int] | None:
    n = len(toks)
    word = toks[k].text
    if word in _OPEN_QUOTES:
        close = _CLOSE_QUOTES[word]
        end = k + 1
        while end < n and toks[end].text != close and not (close == '"' and toks[end].text == "”"):
            end += 1
        return _span_of(toks, k + 1, end)
    if word == ":":
        return _span_of(toks, k + 1, n)
    if word in {"ان", "بان", "لان"}:
        return _span_of(toks, k + 1, n)
    return _span_of(toks, k, n)


def _arabic_source(toks: list[_Token], first: int, last: int) -> tuple[
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
        if word in _AR_TIME_PREPOSITIONS and kept:
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
                    or toks[kept[-1]].text in _AR_TRAILING):
        kept.pop()
    while kept and toks[kept[0]].text in lexicon_ar.NON_SOURCE:
        kept.pop(0)
    while appositive and toks[appositive[-1]].text in lexicon_ar.NON_SOURCE:
        appositive.pop()
    source = (toks[kept[0]].start, toks[kept[-1]].end) if kept else None
    appo = (toks[appositive[0]].start, toks[appositive[-1]].end) if appositive else None
    return source, appo


def _arabic_verb(
    toks: list[_Token], i: int, base: str, conj: bool, earlier: list[_Match]
) -> _Match | None:
    k = _find_opening(toks, i + 1, 16)
    if k < 0:
        return None
    content = _arabic_content(toks, k)
    if content is None:
        return None
    cue = (toks[i].start, toks[i].end)
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
            if word in stops or not _LETTER.search(word) or word.endswith("قاله"):
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
            if not _LETTER.search(word) or word in lexicon_ar.NP_STOPS:
                break
            if _verb_base(word)[0] or word in lexicon_ar.COMPLEMENTIZERS:
                break
            start -= 1
        if start < i:
            source = (toks[start].start, toks[i - 1].end)
            region = source[0]
    return _Match(source, cue, content, region_start=region, appositive=appositive,
                  plural=plural)


def _arabic_participle(toks: list[_Token], i: int, earlier: list[_Match]) -> _Match | None:
    k = _find_opening(toks, i + 1, 4)
    if k < 0:
        return None
    content = _arabic_content(toks, k)
    if content is None:
        return None
    cue = (toks[i].start, toks[i].end)
    # The subject of the clause the participle hangs on: after "ولكن"/"لكن" or
    # at the sentence start, a run of definite words ("البيت الأبيض").
    start = 0
    for b in range(i - 1, -1, -1):
        if toks[b].text in {"ولكن", "لكن", "بل"}:
            start = b + 1
            break
    while start < i and not _LETTER.search(toks[start].text):
        start += 1
    if any(m.cue[0] >= toks[start].start for m in earlier if start < i):
        # The clause already has a reporting verb: the participle shares its subject.
        return _Match(None, cue, content, region_start=cue[0])
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
        return _Match(source, cue, content, region_start=source[0])
    return _Match(None, cue, content, region_start=cue[0])


def _arabic_according(toks: list[_Token], i: int) -> _Match | None:
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
    if any(_LETTER.search(toks[x].text) for x in range(i)):
        content = _span_of(toks, 0, i)
    else:
        after = k + 1
        if after < n and toks[after].text in {"فان", "فانه", "فانها"}:
            after += toks[after].text == "فان"
        content = _span_of(toks, after, n)
    if content is None:
        return None
    return _Match(source, cue, content, region_start=min(source[0], cue[0]))


# -------------------------------------------------------------- both languages


def _outermost(matches: list[_Match]) -> list[_Match]:
    """Drop relations reported inside another one's content.

    "The Post reported that Klein said he was writing a book" is one report,
    the Post's; Klein's words are part of what the Post reported.
    """
    return [
        inner for inner in matches
        if not any(
            outer is not inner and outer.content[0] <= inner.cue[0] < outer.content[1]
            and outer.content[0] <= inner.content[0] and inner.content[1] <= outer.content[1]
            for outer in matches
        )
    ]


def _end_contents_at_next_source(s: str, toks: list[_Token], matches: list[_Match]) -> None:
    """Cut a content at the clause break before the next relation's source.

    "قال A إن X، ويتعارض ... مع ما قاله B، الذي قال إن Y": X ends at the
    comma after it; "A said X and B said Y" ends X before "and". Otherwise the
    next relation is nested inside the content, which is left whole. Contents
    are also capped at a few hundred tokens so that text without punctuation
    stays linear.
    """
    if len(matches) < 2:
        return
    breaks = [t.start for t in toks if t.text in _CLAUSE_BREAKS]
    starts = [t.start for t in toks]
    ordered = sorted(matches, key=lambda m: m.cue[0])
    for position_in_order, current in enumerate(ordered):
        for following in ordered[position_in_order + 1:]:
            if _cut_before(s, toks, breaks, starts, current, following):
                break


def _cut_before(
    s: str, toks: list[_Token], breaks: list[int], starts: list[int],
    current: _Match, following: _Match,
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
        if 0 < position and toks[position - 1].low in _COORDINATORS:
            cut = toks[position - 1].start
    if cut > start:
        while cut > start and s[cut - 1].isspace():
            cut -= 1
        current.content = (start, cut)
        return True
    return False
