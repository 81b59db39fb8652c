"""Claims of a news text: one per attributed content, one per sentence the
article states itself.

Built on the relations of :mod:`.relations`; decides which sentences carry a
claim of their own (not furniture, questions or headlines), which quoted
sentences continue the previous speaker's quotation, and which part of a
sentence before its first relation is the article's own statement.
"""

from __future__ import annotations

import bisect
import dataclasses
import re

from claimcheck.text import lexicon_ar, lexicon_en
from claimcheck.text.attribution import european
from claimcheck.text.attribution.credits import CreditLines
from claimcheck.text.attribution.quotes import QuotedRegions
from claimcheck.text.attribution.relations import (
    Attribution,
    attributions_by_sentence,
    check_arguments,
    sentence_lang,
)
from claimcheck.text.attribution.tokens import LETTER
from claimcheck.text.language import detect_language
from claimcheck.text.normalize import normalize_for_matching
from claimcheck.text.sentences import split_sentences
from claimcheck.text.tagger import AttributionTagger
from claimcheck.types import Claim, Sentence


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
        tagger finds and the rules miss (see
        :func:`~claimcheck.text.attribution.find_attributions`); False uses
        the rules alone; an :class:`AttributionTagger` is used instead of
        the shipped one.

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
        If ``text`` is not a ``str``, or ``tagger`` not a bool or a tagger.
    ValueError
        If ``lang`` names no language ("EN", "english" and "en-US" are "en").

    Examples
    --------
    >>> claims = extract_claims("The mayor said the bridge would reopen on Monday.")
    >>> claims[0].speaker, claims[0].text
    ('The mayor', 'the bridge would reopen on Monday')
    """
    lang = check_arguments(text, lang, tagger, "extract_claims")
    if not text.strip():
        return []
    doc_lang = lang or detect_language(text)
    sentences = split_sentences(text, doc_lang)
    quoted = QuotedRegions.of(text)
    attributions = attributions_by_sentence(text, sentences, doc_lang, tagger, quoted)
    has_punctuation = any(s.text.rstrip("\"'”’»)] ")[-1:] in ".!?؟…" for s in sentences)
    claims: list[Claim] = []
    relations = [a for found in attributions for a in found]
    reported = _Covers([a.content_span for a in relations])
    newlines = [mark.start() for mark in re.finditer("\n", text)]
    credits = CreditLines(text)
    for sentence, found in zip(sentences, attributions):
        if not found and (reported.covers(*sentence.span)
                          or _ends_report(text, sentence, relations)):
            # The quotation after "He said:" is already his claim; so is the
            # last sentence of a quotation its source and cue close.
            continue
        claim_lang = sentence_lang(sentence.text, doc_lang)
        if not found and claim_lang in ("en", "ar"):
            # A quoted sentence that goes on with the quotation of the claim
            # before it (English and Arabic: the two languages whose rules
            # find such claims).
            speaking = _quote_goes_on(text, sentence, quoted, claims, newlines)
            if speaking is not None:
                claims.append(
                    dataclasses.replace(
                        speaking, text=sentence.text, span=sentence.span, lang=claim_lang
                    )
                )
                continue
        if found:
            lead = _unattributed_lead(text, sentence, found, claim_lang)
            if lead is not None:
                speaking = _interrupted_by(text, lead, found, quoted)
                claims.append(
                    Claim(text=text[lead[0]:lead[1]], span=lead, lang=claim_lang, doc_id=doc_id)
                    if speaking is None else _claim_of(text, speaking, lead, claim_lang, doc_id))
            claims += [_claim_of(text, item, item.content_span, claim_lang, doc_id)
                       for item in found if not _says_nothing(text, item, claim_lang)]
        elif _states_something(text, sentence, has_punctuation) and not credits.covers(
                *sentence.span):
            claims.append(
                Claim(text=sentence.text, span=sentence.span, lang=claim_lang, doc_id=doc_id)
            )
    # Relations come in the order their rules found them; a content placed
    # before its cue ("Y, X said") may start before the previous claim.
    claims.sort(key=lambda claim: claim.span[0])
    return _quotes_begun_before(text, claims, quoted, newlines)


def _claim_of(text: str, item: Attribution, span: tuple[int, int], lang: str,
              doc_id: str | None) -> Claim:
    """The claim of ``text[span]`` made by the speaker of ``item``."""
    return Claim(text=text[span[0]:span[1]], span=span, speaker=item.speaker,
                 speaker_span=item.speaker_span, cue=text[item.cue_span[0]:item.cue_span[1]],
                 entity=item.entity, lang=lang, doc_id=doc_id)


#: A content that only asks not to be named: "(who asked not) to be named
#: for his safety", "(who requested) anonymity to discuss ...".
_ANONYMITY = re.compile(r"(?:not\s+)?to\s+be\s+(?:named|identified)\b|anonymity\b",
                        re.IGNORECASE)

#: A cue that says its source would not speak, and a content that says
#: about what: "declined to comment on whether a ransom had been paid",
#: "refused to say where the money came from".
_DECLINED = re.compile(r"(?:declin|refus)(?:ed|es|e|ing)", re.IGNORECASE)
_NO_COMMENT = re.compile(r"(?:to\s+)?(?:comment|say|elaborate|speculate|discuss|confirm|"
                         r"give\s+details|provide\s+details)\b", re.IGNORECASE)

#: What comes right before an English cue its source did not perform:
#: "did not say", "could not independently verify", "has never claimed".
#: ("not only brushed off" still reports.)
_NEGATED_CUE = re.compile(r"(?:\b(?:not|never|cannot)|n['’]t)\s+(?:(?!only\b)[a-z]+ly\s+)?$",
                          re.IGNORECASE)


def _says_nothing(text: str, item: Attribution, lang: str) -> bool:
    """Whether a relation gives no claim though it was found: its content is
    only a link ("Dana Rubinstein reports: http://politi.co/...") or a request
    not to be named ("who asked not to be named", "requested anonymity"), its
    source declined to speak ("declined to comment on whether ..."), or an
    English cue its source did not perform ("could not independently verify
    the accounts")."""
    start, end = item.content_span
    return bool(
        _ONLY_A_URL.fullmatch(text[start:end])
        or _ANONYMITY.match(text, start, end)
        or (_DECLINED.match(text, *item.cue_span)
            and (_NO_COMMENT.match(text, start, end) or _NO_COMMENT.search(text, *item.cue_span)))
        or (lang == "en" and _negated_cue(text, item.cue_span)))


def _negated_cue(text: str, cue: tuple[int, int]) -> bool:
    """Whether an English cue (the tagger's may hold the negation itself:
    "could not independently verify") is one its source did not perform."""
    return bool(_NEGATED_CUE.search(text, max(0, cue[0] - 40), cue[0])
                or _NEGATED_CUE.search(text[cue[0]:cue[1]].rsplit(" ", 1)[0] + " "))


#: A content that is nothing but a web address (quotes and brackets aside).
_ONLY_A_URL = re.compile(r"[\s\"'“”‘’«»()<>\[\]]*(?:https?://|www\.)\S+?[\s\"'“”‘’«»()<>\[\].,;]*")


class _Covers:
    """Answers "does one of these spans contain [start, end)?" in log time."""

    def __init__(self, spans: list[tuple[int, int]]) -> None:
        ordered = sorted(spans)
        self._starts = [start for start, _ in ordered]
        # The furthest end among the spans that start at or before each one.
        self._reach = []
        furthest = -1
        for _, end in ordered:
            furthest = max(furthest, end)
            self._reach.append(furthest)

    def covers(self, start: int, end: int) -> bool:
        at = bisect.bisect_right(self._starts, start) - 1
        return at >= 0 and self._reach[at] >= end


def _ends_report(text: str, sentence: Sentence, relations: list[Attribution]) -> bool:
    """Whether ``sentence`` is the end of a relation's content that began in
    an earlier sentence, followed by that relation's cue and source and
    nothing else but a description of the source: '« Le port est paralysé.
    Aucun navire n'a été déchargé », a déclaré X, secrétaire général du
    syndicat.' The second sentence is already part of X's claim, which takes
    in both. A clause after the source ("..., alors que la police évoquait
    300 grévistes") keeps the sentence a claim of its own."""
    start, end = sentence.span
    for a in relations:
        if not (a.content_span[0] < start < a.content_span[1] <= a.cue_span[0]
                and a.cue_span[1] <= end):
            continue
        said = max(a.cue_span[1], a.source_span[1] if a.source_span else 0)
        if not any(word.group(1).lower() in _CLAUSE_OPENERS
                   for word in _CLAUSE_AFTER.finditer(text, said, end)):
            return True
    return False


#: The first word after a comma: a clause may open there ("..., X said, while ...").
_CLAUSE_AFTER = re.compile(r"[,;:–—]\s*(\w+)")
_CLAUSE_OPENERS = european.CLAUSE_OPENERS | frozenset(
    "while whereas but and as after before although though adding".split())


def _body_end(text: str, start: int, end: int) -> int:
    """Where the words of ``text[start:end]`` end, before its closing
    punctuation and quotation marks."""
    while end > start and text[end - 1] in " .?!…\"'”’»":
        end -= 1
    return end


def _paragraph_breaks(newlines: list[int], after: int, before: int) -> bool:
    """Whether a newline (an offset of ``newlines``, ascending) lies at or
    after ``after`` and before ``before``."""
    k = bisect.bisect_left(newlines, after)
    return k < len(newlines) and newlines[k] < before


def _quote_goes_on(
    text: str, sentence: Sentence, quoted: QuotedRegions, claims: list[Claim],
    newlines: list[int],
) -> Claim | None:
    """The claim whose quotation ``sentence`` continues, or None.

    '"We will win," she said. "Nobody doubts it."': the second sentence is
    hers too. The sentence must be quoted to its end, and the last claim,
    attributed and in the same paragraph (no offset of ``newlines`` between),
    must itself be a quotation.
    """
    start, end = sentence.span
    body_end = _body_end(text, start, end)
    region = quoted.at(start)
    if region is None or region[1] < body_end or body_end <= start:
        return None
    if not claims or claims[-1].speaker is None:
        return None
    previous = claims[-1]
    if _paragraph_breaks(newlines, previous.span[1], start):
        return None
    if not quoted.touches(*previous.span):
        return None
    return previous


#: The languages whose rules give a quotation's speaker to the sentence with
#: the cue only: English and the European languages of
#: :mod:`~claimcheck.text.attribution.european`.
_OPENED_QUOTES_LANGS = frozenset({"en", *european.LANGUAGES})


def _quotes_begun_before(text: str, claims: list[Claim], quoted: QuotedRegions,
                         newlines: list[int]) -> list[Claim]:
    """Give the sentences a quotation opens the speaker who closes it:
    '"We will stand up. We need real change," Sanders told a crowd.': the first
    sentence is his as well as the second, though only the second holds the
    report. A sentence without a speaker, in English or a language of
    :data:`_OPENED_QUOTES_LANGS`, gets the speaker of the next claim in the
    same paragraph when both lie in one quotation, which the sentence opens
    or continues, and that claim's content runs to the quotation's end."""
    out = list(claims)
    # Where the report a claim belongs to ends: its own content, or for a
    # sentence given a later speaker here, that speaker's content.
    reach = [claim.span[1] for claim in out]
    for k in range(len(out) - 2, -1, -1):
        claim = out[k]
        if claim.speaker is not None or claim.lang not in _OPENED_QUOTES_LANGS:
            continue
        region = quoted.at(claim.span[0])
        following = out[k + 1]
        if region is None or following.speaker is None or quoted.at(following.span[0]) != region:
            continue
        if region[1] < _body_end(text, *claim.span) \
                or _paragraph_breaks(newlines, claim.span[1], following.span[0]):
            continue
        if text[reach[k + 1]:region[1]].strip(" ,.?!…'’"):
            continue  # the quotation goes on past the report: not what it reports
        out[k] = dataclasses.replace(
            following, text=claim.text, span=claim.span, lang=claim.lang)
        reach[k] = reach[k + 1]
    return out


def _unattributed_lead(
    text: str, sentence: Sentence, found: list[Attribution], lang: str | None = None
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
    if lang not in ("en", "ar") and any(_in_apposition(text, cut, item) for item in found):
        # "La portavoz de la empresa, Marta Gil, explicó que ...": the words
        # before the comma name the source the tagger cut to its name. (In
        # English and Arabic the rules keep such a title in the source, and
        # "X, Brafman noted" is a content before its source.)
        return None
    return (start, start + len(lead))


def _in_apposition(text: str, comma: int, item: Attribution) -> bool:
    """Whether ``item``'s source stands between two commas, the first at
    ``comma``, with its cue right after the second ("..., Óscar Puente,
    aseguró"): the words before ``comma`` are a title in apposition to it."""
    source, cue = item.source_span, item.cue_span
    if source is None or cue is None or source[0] < comma or cue[0] < source[1]:
        return False
    between = text[source[1]:cue[0]]
    return not text[comma:source[0]].strip(" ,،") and "," in between \
        and not between.strip(" ,،")


def _interrupted_by(text: str, lead: tuple[int, int], found: list[Attribution],
                    quoted: QuotedRegions) -> Attribution | None:
    """The relation whose source and cue come right after the quotation
    ``lead`` is part of, or None: '"The water is still rising," Oketch said,
    "and we expect it to crest on Thursday."' The rules give "said" what
    follows it; the quotation before it is Oketch's too, not the article's."""
    region = quoted.at(lead[0])
    if region is None or region[1] < lead[1]:
        return None
    for item in found:
        if item.speaker is None or item.source_span is None:
            continue
        between = text[region[1]:item.source_span[0]]
        if item.source_span[0] >= region[1] and not between.strip(" ,\"'”’»") \
                and item.cue_span[0] > item.source_span[0]:
            return item
    return None


def _states_something(text: str, sentence: Sentence, has_punctuation: bool) -> bool:
    body = sentence.text
    if not LETTER.search(body):
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
