"""What a claim's speaker asserts, read off its cue and content: a denial
("denied that Y" asserts "not Y"), a poll's figures, a cue or content that
asserts nothing ("touted", "hopes | to ..."), and the text the rules read.
The finder (:mod:`claimcheck.detect`) asks these of each claim before it
compares two."""

from __future__ import annotations

import re

from claimcheck.reasons import RULE_LANGS, find_quantities, has_negation, prefix_negated
from claimcheck.text import lexicon_en
from claimcheck.text.normalize import folded_words
from claimcheck.types import Claim

# Reporting verbs by which a speaker denies the content ("X denied that Y",
# "ونفى X أن Y"): the speaker asserts "not Y".
_DENIAL_CUES = frozenset("""
    deny denies denied denying
    نفى نفت ينفي تنفي نفوا ينفون نفي أنكر أنكرت ينكر تنكر أنكروا نافيا نافية منكرا
    استبعد استبعدت يستبعد تستبعد استبعدوا مستبعدا مستبعدة
    """.split())
# "ruled out that ...": a denial only with its particle ("the court ruled" is not).
_DENIAL_WITH_OUT = frozenset("rule rules ruled ruling".split())
_NEGATED = {"ar": "ليس صحيحا أن {}", "en": "It is not true that {}"}


def is_denial(claim: Claim) -> bool:
    """Whether the claim's cue is a denial ("denied", "ونفى", "ruled out",
    "استبعد", "مستبعدا"): its speaker asserts the opposite of its content.
    Only Arabic and English are known."""
    words = (claim.cue or "").split()
    if claim.lang not in _NEGATED or not words:
        return False
    verb = words[0]
    if verb[:1] in ("و", "ف") and verb[1:] in _DENIAL_CUES:
        verb = verb[1:]
    if verb.lower() in _DENIAL_WITH_OUT:
        return words[1:2] == ["out"]
    return verb.lower() in _DENIAL_CUES


_POLL_WORDS = frozenset("""
    poll polls pollster pollsters survey surveys
    استطلاع استطلاعات
    """.split())
_AR_CLITICS = ("وال", "بال", "لل", "ال", "و", "ب", "ل")


# A race's standing in shares, one candidate named against another
# ("Clinton leads Trump by 43 percent to 38 percent", "Trump is leading
# Clinton 47.1 percent to 41.7 percent", "يتقدم ترامب على كلينتون بنسبة 45%
# مقابل 41%"): a poll's figures, whoever reports them.
_AR_SHARE = r"[\d٠-٩]+(?:[.,٫][\d٠-٩]+)?\s*(?:%|٪|في المئة|في المائة|بالمئة|بالمائة)"
_AR_SHARES = _AR_SHARE + r"\s*(?:في )?مقابل\s*" + _AR_SHARE
_STANDING = re.compile(
    r"\b(?P<verb>[Ll]eads?|[Ll]eading|[Ll]ed|[Tt]rails?|[Tt]railing|"
    r"(?:is|are|was|were|remains?|stays?)\s+ahead\s+of)\s+(?:the\s+|incumbent\s+)?"
    r"[A-Z][\w'’.-]*(?:\s+[A-Z][\w'’.-]*){0,2},?\s+(?:[a-z]+\s+){0,4}?"
    r"(?:by\s+\d+(?:\.\d+)?\s+(?:percentage\s+)?points?,?\s+)?(?:by\s+)?"
    r"(?P<first>\d+(?:\.\d+)?)\s*(?:percent|per cent|%|points?)?\s*(?:to|-|–|vs\.?)\s*"
    r"(?P<second>\d+(?:\.\d+)?)\s*(?:percent|per cent|%)?"
    # Arabic: a rival after "على" before the shares, or after "ل" after them
    r"|(?<!\w)[وف]?(?:يتقدم|تتقدم)(?!\w)[^.؛]{0,40}?(?<!\w)على(?!\w)[^.؛]{0,40}?"
    + _AR_SHARES +
    r"|(?<!\w)[وف]?(?:يتقدم|تتقدم)(?!\w)[^.؛]{0,40}?" + _AR_SHARES + r"\s*(?<!\w)لـ?\S")
# A standing with its verb left out: a name, then its share "to" the rival's,
# both in percent ("Republicans back Trump, 82 percent to 6 percent"; a
# range has one "percent": "10 to 15 percent").
_SHARES = re.compile(
    r"\b[A-Z][\w'’.-]*,?\s+(?P<first>\d+(?:\.\d+)?)\s*(?:percent|per cent|%)\s+to\s+"
    r"(?P<second>\d+(?:\.\d+)?)\s*(?:percent|per cent|%)")
# ... but a count of votes is a result, not a poll's sample.
_RESULT = re.compile(r"\b(?:counted|polls\s+closed|precincts\s+reporting)\b"
                     r"|(?<!\w)(?:فرز|النتائج|نتائج)(?!\w)")


def _standing(text: str) -> bool:
    """Whether ``text`` gives a race's standing (:data:`_STANDING`,
    :data:`_SHARES`), the leader's share the larger ("leads ... 10 to 15
    percent" is a range)."""
    for found in _STANDING.finditer(text):
        if found.group("verb") is None:
            return True  # Arabic: "... 45% مقابل 41% لمنافسه"
        first, second = float(found.group("first")), float(found.group("second"))
        trailing = found.group("verb").lower().startswith("trail")
        if (first < second) if trailing else (first > second):
            return True
    return any(float(found.group("first")) > float(found.group("second"))
               for found in _SHARES.finditer(text))


def is_poll(claim: Claim) -> bool:
    """Whether a claim's source is an opinion poll or survey ("A Monmouth
    poll", "the latest Reuters/Ipsos survey", "استطلاع للرأي"), or its content
    gives a race's standing in shares ("Trump is leading Clinton 47.1 percent
    to 41.7 percent"): its figures are a sample's, and two polls' figures
    differ by sample and date, which is no contradiction between them.

    >>> from claimcheck.types import Claim
    >>> is_poll(Claim(text="Clinton leads 46 to 42", span=(0, 22), speaker="A Monmouth poll"))
    True
    >>> is_poll(Claim(text="...", span=(0, 3), speaker="وأظهر الاستطلاع"))
    True
    >>> is_poll(Claim(text="Trump is leading Clinton 47.1 percent to 41.7 percent",
    ...               span=(0, 53), speaker="the tracker"))
    True
    """
    if _standing(claim.text) and not _RESULT.search(claim.text):
        return True
    words = set(folded_words(" ".join(filter(None, (claim.speaker, claim.entity)))))
    return any(w in _POLL_WORDS or any(w.startswith(c) and w[len(c):] in _POLL_WORDS
                                       for c in _AR_CLITICS) for w in words)


_NOT_THE_VERB = lexicon_en.AUXILIARIES | frozenset(
    "is are was were be been being am do does did not n't".split())


# An English content that is an infinitive ("to give up control", "to
# cripple BitTorrent's ability"): what someone wants, plans, urges or
# refuses, not a statement; "to have shot down a helicopter", "to be the
# only candidate" state something.
_INFINITIVE_EN = re.compile(
    r"not\s+to\s+[a-z]|to\s+(?!(?:have|be|been|having|being|the|a|an|his|her|its|their|our|my|your|this|that"
    r"|these|those|date|day|some|all|one|two|me|him|them|us|it)\b)[a-z]")

# Someone and an infinitive after a verb that asks something of someone
# ("warned | Mr Brown not to be tempted", "urged | them to leave"): what the
# speaker asks, not a statement. With "said", "Damage to the bridge was
# severe" is a statement, so only after lexicon_en.REQUEST_VERBS.
_URGED_EN = re.compile(
    r"(?:him|her|them|us|me|(?:[A-Z][\w'’.-]*\s+){0,3}[A-Z][\w'’.-]*)\s+(?:not\s+)?to\s+"
    r"(?!(?:date|this|that|the|a|an|its|his|her|their)\b)[a-z]")


# A content whose main verb is under a modal of obligation ("The government
# must withdraw this reform", "يجب أن تنسحب الحكومة"):
# what the speaker demands, not what they say is so. The modal must come
# within the first words, before any comma, and not before "be"/"have"
# ("there must have been a mistake", "he must not have known" infer).
# "should", "has to", "need to" are left out: in news they forecast or state
# as often as they demand ("the new wells should add water", "the dispute
# has to do with water rights", "tenants who need to move were told").
# Arabic: the modal may follow the complementizer ("إنه يجب على ...").
_DEMAND_EN = re.compile(
    r"^[\"“”'‘]?(?:[^\s,;:]+\s+){0,5}?(?:must|ought\s+to)\s+"
    r"(?!(?:(?:not|never|also|now|still|surely|immediately)\s+)*(?:have|be|been)\b)"
    r"(?:(?:not|never|also|now|immediately)\s+)*[a-z]", re.IGNORECASE)
_DEMAND_AR = re.compile(r"^[\"“”«]?\s*(?:[إأا]ن(?:ه|ها)?\s+)?"
                        r"(?:[وف]?(?:يجب|ينبغي|لا\s*بد|لابد|يتعين|يتوجب))(?![\w])")


# A cue that says the speaker did not say it ("did not explicitly say",
# "has not commented", "لم يقل"): the content is not the speaker's claim.
_NEGATED_CUE = re.compile(
    r"(?i)\b(?:not(?!\s+only\b)|never|cannot)\b|n['’]t\b|(?<![\w])(?:لم|لن)\s")


def demands(claim: Claim) -> bool:
    """Whether a claim's content is a demand: its main verb is under a modal
    of obligation ("The government must withdraw this reform", "يجب أن ...").
    A refusal ("will not withdraw") answers a demand; it does not contradict it.

    >>> from claimcheck.types import Claim
    >>> demands(Claim(text="The government must withdraw this reform", span=(0, 40), lang="en"))
    True
    >>> demands(Claim(text="the wells, which must add water by spring", span=(0, 41), lang="en"))
    False
    >>> demands(Claim(text="there must have been a mistake", span=(0, 30), lang="en"))
    False
    """
    if claim.lang == "en":
        return _DEMAND_EN.match(claim.text) is not None
    if claim.lang == "ar":
        return _DEMAND_AR.match(claim.text) is not None
    return False


def asserts(claim: Claim) -> bool:
    """Whether a claim's cue asserts its content, as far as we can tell: False
    for an English cue whose verb takes an act, a person or an attitude
    rather than a statement ("touted", "is calling for", "wants", "mocked";
    :data:`~claimcheck.text.lexicon_en.NON_ASSERTIVE_VERBS`), for a demand
    (:func:`demands`, in Arabic and English), for a negated cue ("did not
    explicitly say", the learned tagger's) and for an
    English content that is an infinitive ("hopes | to cripple its
    ability", "not to ..."), or, after a verb that asks something of someone,
    a name or pronoun and an infinitive ("warned | Mr Brown not to be
    tempted"); True otherwise (every other cue and language)."""
    if demands(claim) or _NEGATED_CUE.search(claim.cue or ""):
        return False
    if claim.lang != "en":
        return True
    if _INFINITIVE_EN.match(claim.text):
        return False
    verb = next((w for w in (claim.cue or "").lower().split() if w not in _NOT_THE_VERB), None)
    if verb is None:
        return True
    if verb in lexicon_en.REQUEST_VERBS and _URGED_EN.match(claim.text):
        return False
    return verb not in lexicon_en.NON_ASSERTIVE_VERBS


# Words a denial licenses in what it denies ("denied that any doors were
# locked", "نفى دفع أي فدية"), and what the statement denied says without
# the denial: "some doors were locked", "دفع فدية". Arabic "أي"/"أية" (with a
# clitic: "بأي") drop; "ever", "at all", "إطلاقا" drop.
_POSITIVE_EN = {"any": "some", "anyone": "someone", "anybody": "somebody",
                "anything": "something", "ever": ""}
_NPI_EN = re.compile(r"\b(?:any(?:one|body|thing)?|ever)\b|\s*\bat all\b", re.IGNORECASE)
_NPI_AR = re.compile(r"(?<![\w])([وفبل]?)(?:أي|أية|أيّ|أيّة|اي|اية)\s+"
                     r"|\s*(?<![\w])(?:إطلاقا|اطلاقا|مطلقا|قط)(?![\w])")


def denied_statement(claim: Claim) -> str:
    """What a denial's content states without the denial: the words only a
    negation licenses made positive ("any exit doors had been locked" ->
    "some exit doors had been locked", "دفع أي فدية" -> "دفع فدية"). Another
    claim that entails this clashes with the denial; "any ..." itself reads
    as already negated to an NLI model, so its entailment says little.

    >>> from claimcheck.types import Claim
    >>> denied_statement(Claim(text="any exit doors had been locked", span=(0, 30), lang="en"))
    'some exit doors had been locked'
    >>> denied_statement(Claim(text="دفع أي فدية للخاطفين", span=(0, 20), lang="ar"))
    'دفع فدية للخاطفين'
    """
    if claim.lang == "ar":
        return " ".join(_NPI_AR.sub(lambda m: m.group(1) or " ", claim.text).split())

    def positive(m: re.Match) -> str:
        word = m.group(0)
        if word.strip().lower() == "at all":
            return ""
        out = _POSITIVE_EN[word.lower()]
        return out.capitalize() if word[:1].isupper() else out

    return " ".join(_NPI_EN.sub(positive, claim.text).split())


def quantified(claim: Claim) -> bool:
    """Whether a claim states a quantity (:func:`~claimcheck.reasons.find_quantities`)."""
    return bool(find_quantities(claim.text))


def polarity_differs(a: Claim, b: Claim) -> bool:
    """Whether one claim says no and the other does not (a negation cue in
    one only, :func:`~claimcheck.reasons.has_negation`; a denial counts as
    one: :func:`asserted_text`), or one has a word the other has with a
    negative prefix ("safe" / "unsafe"); True for claims outside Arabic and
    English, whose negations the rules do not know."""
    if a.lang not in RULE_LANGS or b.lang not in RULE_LANGS:
        return True
    return (has_negation(asserted_text(a)) != has_negation(asserted_text(b))
            or prefix_negated(a.text, b.text))


def asserted_text(claim: Claim) -> str:
    """The text a claim's speaker asserts, as the reasons see it.

    Usually the claim's content. For a denial (:func:`is_denial`: "Saadi
    denied that any troops had been withdrawn", "ونفى السعدي أن تكون ...")
    the speaker asserts the opposite of the content, so the content is wrapped
    in a negation of its language ("It is not true that ...", "ليس صحيحا أن
    ..."); otherwise a denial and a plain statement of the same fact would
    look like agreement to the negation rule. (The NLI model handles denials
    differently: see :meth:`~claimcheck.detect.ContradictionFinder.score`.)
    """
    return _NEGATED[claim.lang].format(claim.text) if is_denial(claim) else claim.text
