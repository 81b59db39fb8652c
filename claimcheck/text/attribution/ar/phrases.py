"""Arabic attribution: the phrases the rules read (:mod:`.rules`, :mod:`.relays`).

Where a sentence's quotations open and close, where the content a reporting
verb introduces opens ("إن", a quotation, a colon), which words after a verb
name its source ("وقال وزير الخارجية، أيمن سوسان، في بيان إن"), and the small
word sets these tests share.
"""

from __future__ import annotations

import bisect

from claimcheck.text import lexicon_ar
from claimcheck.text.attribution.ar.words import (
    ACCORDING,
    AUDIENCES,
    BELIEF_NOUNS,
    RELAY_MARKERS,
    TIME_NOUNS,
    TIME_PREPOSITIONS,
    TRAILING,
)
from claimcheck.text.attribution.tokens import (
    CLOSE_QUOTES,
    LETTER,
    OPEN_QUOTES,
    Token,
    span_of,
)

# Words after the speaker that say what the report is about ("قال نوبل عما
# قام به"), not who speaks. (Not "بشأن": "المبعوث الخاص بشأن سوريا" is a title.)
ABOUT = frozenset({"عما", "حول"})


def verb_base(word: str) -> tuple[str, bool]:
    """The reporting verb ``word`` is, without a conjunction ("وقال" → "قال"), and
    whether it had one; ``("", False)`` when it is none."""
    if word in lexicon_ar.REPORTING_VERBS:
        return word, False
    if len(word) > 3 and word[0] in "وف" and word[1:] in lexicon_ar.REPORTING_VERBS:
        return word[1:], True
    return "", False


def strip_conj(word: str) -> str:
    """``word`` without a leading "و" or "ف" (a conjunction), when it is long enough
    to have one."""
    return word[1:] if len(word) > 3 and word[0] in "وف" else word


def according(word: str) -> str | None:
    """The according-to word ``word`` is ("بحسب", "وفقا"), with a conjunction
    stripped only when the word needs it ("وبحسب"; "وفقا" keeps its "و");
    None when it is none."""
    for form in (word, strip_conj(word)):
        if form in ACCORDING:
            return form
    return None


def find_opening(toks: list[Token], start: int, limit: int, closers: Closers) -> int:
    """Index of the complementiser, opening quote or colon that starts the
    content, or -1. A quotation opens it only near the cue (within
    ``QUOTE_REACH`` tokens); a short one after a word of the source is a
    name ("وكالة التصنيف «موديز»، في بيان، إن") when an opening follows it,
    and never the content when it is two words or fewer."""
    n = len(toks)
    k = start
    while k < min(n, start + limit):
        word = toks[k].text
        if word in OPEN_QUOTES and quoted_name(toks, k, closers):
            close = closers.after(k, word)
            after = find_opening(toks, close + 1, start + limit - close - 1, closers)
            if after >= 0:
                return after
            listener = k > start and toks[k - 1].text in {"ل", "لصحيفة", "لقناة", "لموقع"}
            clause_ends = close + 1 < n and toks[close + 1].text in "،,"
            one_word = close - k - 1 == 1
            if k > start and ((close - k - 1 <= 2 and not clause_ends) or listener
                              or (one_word and clause_ends)):
                # "نفت حركة «النهضة» في بيان ...", "العملاقة «أبل».", "لـ«العربية.نت»",
                # 'شركة النفط "أرامكو"، الجمعة،' (one quoted word and a comma: a name);
                # but 'وقال الوزير "لن نتراجع"، مضيفا' quotes him.
                return -1
            return k
        if word in OPEN_QUOTES and k - start > QUOTE_REACH:
            return -1
        if word in lexicon_ar.COMPLEMENTIZERS or word in OPEN_QUOTES or word == ":":
            return k
        if word in ".؟?!" or strip_conj(word) in lexicon_ar.PARTICIPLES or (
                verb_base(word)[0] and toks[k - 1].text != "عدم"):
            return -1
        k += 1
    return -1


def inside_quotes(toks: list[Token], closers: Closers) -> set[int]:
    """Indices of the tokens inside a quotation of five words or more
    (shorter ones name things: «درع الجبل»), a closed one only. Straight
    quotes count only when they pair up: an odd number means the sentence
    starts or ends inside a quotation, and which of them open is unknown."""
    inside: set[int] = set()
    straight = sum(t.text == '"' for t in toks) % 2 == 0
    k = 0
    while k < len(toks):
        if toks[k].text in OPEN_QUOTES and (straight or toks[k].text != '"'):
            close = closers.after(k, toks[k].text)
            if close < len(toks):
                if close - k - 1 >= 5:
                    inside.update(range(k + 1, close))
                k = close  # a straight closing quote opens nothing
        k += 1
    return inside


# How far after its cue a quotation may open the content; "إن"/"أن" may be
# further, past a long apposition.
QUOTE_REACH = 18


def quoted_name(toks: list[Token], k: int, closers: Closers) -> bool:
    """Whether the quotation opened at ``k`` may name something rather than
    quote words: four words at most, after a word ("نفت جماعة «درع الجبل» في
    بيان", "قال لـ«الشرق الأوسط» إن", "قالت «أبل» إن")."""
    if k == 0 or not LETTER.search(toks[k - 1].text):
        return False
    close = closers.after(k, toks[k].text)
    return close < len(toks) and 0 < close - k - 1 <= 4


class Closers:
    """Where the quotation opened at a token closes, looked up in log time:
    a sentence of many unclosed quotes is not read once per quote."""

    def __init__(self, toks: list[Token]) -> None:
        self._n = len(toks)
        self._at: dict[str, list[int]] = {}
        for k, tok in enumerate(toks):
            if tok.text in CLOSING:
                self._at.setdefault(tok.text, []).append(k)
                if tok.text == "”":
                    # A straight quote may be closed by a curly one.
                    self._at.setdefault('"', []).append(k)

    def after(self, k: int, opener: str) -> int:
        """Index of the first token after ``k`` that closes ``opener``, or
        the number of tokens where none does."""
        found = self._at.get(CLOSE_QUOTES[opener], [])
        at = bisect.bisect_right(found, k)
        return found[at] if at < len(found) else self._n


CLOSING = frozenset(CLOSE_QUOTES.values()) | {"”"}


def content_at(toks: list[Token], k: int, closers: Closers) -> tuple[int, int] | None:
    """The content that opens at token ``k``: inside the quotation opened there, after
    a colon or a bare "أن"/"بأن", or from ``k`` on (a complementiser with a pronoun,
    "إنه", is part of it)."""
    n = len(toks)
    word = toks[k].text
    if word in OPEN_QUOTES:
        return span_of(toks, k + 1, closers.after(k, word))
    if word == ":":
        return span_of(toks, k + 1, n)
    if word in {"ان", "بان", "لان"}:
        return span_of(toks, k + 1, n)
    return span_of(toks, k, n)


def source_between(toks: list[Token], first: int, last: int) -> tuple[
    tuple[int, int] | None, tuple[int, int] | None
]:
    """The source and its apposition among tokens ``first`` to ``last``, between a
    verb and its content: listeners ("للجزيرة نت"), times, places of speech, relative
    clauses and a relayed report left out ("وقال وزير الخارجية، أيمن سوسان، في بيان" →
    "وزير الخارجية", "أيمن سوسان"). ``(None, None)`` when nothing there names one."""
    # Source words between cue and content, minus times, listeners, relatives.
    words = list(range(first, last))
    kept: list[int] = []
    appositive: list[int] = []
    in_appositive = False
    for k in words:
        word = toks[k].text
        if word in lexicon_ar.RELATIVES or word.startswith(lexicon_ar.RECIPIENT_PREFIXES):
            break
        if word == "ل" or (not kept and not in_appositive and word.startswith("لل")):
            # A listener: "قالوا للجزيرة نت إن", "لـ«الشرق الأوسط»".
            break
        if kept and word.startswith("لل") and ("ال" + word[2:] in lexicon_ar.ROLE_NOUNS
                                               or word[2:] in lexicon_ar.ROLE_NOUNS) \
                and toks[kept[0]].text not in lexicon_ar.ROLE_NOUNS \
                and toks[kept[0]].text not in lexicon_ar.TITLES:
            # "وقال منوشين للرئيس الأمريكي": whom a named speaker told; after
            # a title it is whose ("المستشار الإعلامي للرئيس الفلسطيني").
            break
        if kept and word in ABOUT:
            break
        if word in lexicon_ar.COMPLEMENTIZERS or according(word) or word in FA_INNA:
            break  # "... نقلا عن بيان مشترك": who passed it on, not the source
        if kept and word in WHEN:
            break  # "وأشارت امرأة بينما كانت تنتظر": when she spoke, not who
        if word == "علي" and k + 1 < last and (toks[k + 1].text in OPEN_QUOTES
                                              or toks[k + 1].text.startswith(MEDIA)):
            break  # "... على «تويتر»", "على حسابه": where, not who
        if word == "في":
            following = toks[k + 1].text if k + 1 < last else ""
            has_role = any(toks[x].text in lexicon_ar.ROLE_NOUNS for x in kept)
            if following in lexicon_ar.TIME_WORDS or not has_role or in_appositive:
                break
        if word in TIME_PREPOSITIONS and (kept or last - k <= 3):
            # "قد أعلنت منذ أيام أن": a short time phrase and then the content,
            # so the source came before the verb. ("إمام المسجد" is no time.)
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
                    or toks[kept[-1]].text in TRAILING
                    or toks[kept[-1]].text in RELAY_MARKERS):  # "وأضاف المالكي قوله"
        kept.pop()
    while kept and toks[kept[0]].text in lexicon_ar.NON_SOURCE:
        kept.pop(0)
    if kept and toks[kept[0]].text in BELIEF_NOUNS:
        return None, None  # the verb's object: the subject before the verb speaks
    while appositive and toks[appositive[-1]].text in lexicon_ar.NON_SOURCE:
        appositive.pop()
    source = (toks[kept[0]].start, toks[kept[-1]].end) if kept else None
    appo = (toks[appositive[0]].start, toks[appositive[-1]].end) if appositive else None
    return source, appo


# Words after which a title is whom the speaker met, not the speaker
# ("خلال لقائه مع الرئيس الفرنسي").
GOVERNING = frozenset({"مع", "عن", "من", "الي", "علي", "في", "ل", "لدي", "بين"})


def title_after_adjunct(toks: list[Token], start: int, end: int) -> int | None:
    """The first role noun in [start, end), unless a preposition governs it:
    the subject after a time or place phrase."""
    for x in range(start, end):
        word = toks[x].text
        if word in lexicon_ar.ROLE_NOUNS:
            return x if toks[x - 1].text not in GOVERNING else None
    return None


def adjunct(toks: list[Token], k: int) -> bool:
    """Whether token ``k``, right after a reporting verb, opens a time or
    place phrase rather than the subject ("اعترف بعد ذلك", "شددت أمام مجلس
    الأمن"; but "قال إمام المسجد", which normalises to the same letters)."""
    word = toks[k].text
    if word in TIME_NOUNS:
        return True  # "وأعلن الشهر الماضي أنه", "وقال الأحد إن"
    if word not in TIME_PREPOSITIONS:
        return False
    return word != "امام" or (k + 1 < len(toks) and toks[k + 1].text in AUDIENCES)


def not_a_source(word: str) -> bool:
    """Whether ``word`` can never open or continue a source named after its verb: a
    particle, a demonstrative, a preposition, a time, a complementiser or no word at
    all."""
    # "الذي" begins with "ال" but is no definite noun: "أعلن حزب العمال الذي أسسه ..."
    return (word in lexicon_ar.NON_SOURCE or word in DEMONSTRATIVES or word in NOT_NOUNS
            or word in lexicon_ar.RELATIVES
            or word in lexicon_ar.TIME_WORDS
            or word in TIME_PREPOSITIONS or word in lexicon_ar.COMPLEMENTIZERS
            or not LETTER.search(word))


# "فإن" opening the clause an according-to phrase introduces ("وبحسب X فإن ...").
FA_INNA = frozenset({"فان", "فانه", "فانها"})


# Where a statement was posted: "على تويتر", "على حسابه", "على صفحته".
MEDIA = ("تويتر", "فيسبوك", "فيس", "حساب", "صفح", "موقع", "منص", "قناه", "انستغرام", "يوتيوب")


# Conjunctions of time and condition that open a clause before its subject.
WHEN = frozenset({"عندما", "بعدما", "حينما", "حين", "لما", "اذا", "كلما", "فيما", "بينما",
                   "بعد", "قبل", "منذ"})


# Prepositions and adverbs that never start a source named after its verb.
NOT_NOUNS = frozenset("""
    عن من علي الي مع ب ل ك مرارا تكرارا ايضا سابقا لاحقا مجددا رسميا صراحة علنا ردا
    قد لقد وقد حيث كذلك اذ عندما
    """.split())


# "نفى الوزير هذه الاتهامات": what is denied is named, not stated.
DEMONSTRATIVES = frozenset({"هذه", "هذا", "تلك", "ذلك", "هؤلاء", "هذين", "هاتين"})
