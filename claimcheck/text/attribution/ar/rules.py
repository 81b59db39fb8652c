"""Arabic attribution rules: the relations of one sentence.

Verb-first "وقال X إن Y" (with listeners such as "لوكالة رويترز", times such
as "الخميس" and appositions "، وهو متحدث باسم ..." removed from the source),
subject-first "محللين يقولون إن Y", relative "X، الذي قال إن Y",
participles "..., قائلا إن Y", quotations "وقال X "Y"", and "بحسب X" /
"وفقا لـ X". A sentence may hold several relations; the content of one ends
at the clause boundary before the next one's source. "بحسب X" after (or
before) a report of someone else's words ("وقال الوزير إن ...، بحسب
الحكومة") names who passed the report on: the report is the claim, and the
"بحسب" relation is dropped.
"""

from __future__ import annotations

import bisect
from collections import Counter

from claimcheck.text import lexicon_ar
from claimcheck.text.attribution.ar.words import (
    ACCORDING,
    AUDIENCES,
    BELIEF_NOUNS,
    DIRECTIONS,
    PLACE_NOUNS,
    RELAY_MARKERS,
    RELAY_VERBS,
    RESUMPTIVES,
    SHOWING_VERBS,
    TIME_NOUNS,
    TIME_PREPOSITIONS,
    TRAILING,
)
from claimcheck.text.attribution.nesting import (
    end_contents_at_next_source,
    without_relays_of_reports,
)
from claimcheck.text.attribution.tokens import (
    CLOSE_QUOTES,
    LETTER,
    OPEN_QUOTES,
    Match,
    Token,
    span_of,
)

# Words that start a new clause with its own subject.
_BUT = frozenset({"ولكن", "لكن", "بل"})
# Particles that deny the verb after them ("لم يعلن", "ولن يقول").
_NEGATIONS = frozenset({"لم", "ولم", "فلم", "لن", "ولن", "فلن", "لا", "ولا"})
# Words after the speaker that say what the report is about ("قال نوبل عما
# قام به"), not who speaks. (Not "بشأن": "المبعوث الخاص بشأن سوريا" is a title.)
_ABOUT = frozenset({"عما", "حول"})


def find_matches(s: str, toks: list[Token]) -> list[Match]:
    """The relations of the normalised Arabic sentence ``s`` (tokens ``toks``)."""
    matches = _without_nested_reports(_arabic_matches(s, toks))
    end_contents_at_next_source(s, toks, matches)
    return without_relays_of_reports(matches)


def _verb_base(word: str) -> tuple[str, bool]:
    if word in lexicon_ar.REPORTING_VERBS:
        return word, False
    if len(word) > 3 and word[0] in "وف" and word[1:] in lexicon_ar.REPORTING_VERBS:
        return word[1:], True
    return "", False


def _strip_conj(word: str) -> str:
    return word[1:] if len(word) > 3 and word[0] in "وف" else word


def _according(word: str) -> str | None:
    """The according-to word ``word`` is ("بحسب", "وفقا"), with a conjunction
    stripped only when the word needs it ("وبحسب"; "وفقا" keeps its "و");
    None when it is none."""
    for form in (word, _strip_conj(word)):
        if form in ACCORDING:
            return form
    return None


def _arabic_matches(s: str, toks: list[Token]) -> list[Match]:
    matches: list[Match] = []
    clause_start = 0  # the token after the last "ولكن" so far
    closers = _Closers(toks)
    quoted = _inside_quotes(toks, closers)
    for i, tok in enumerate(toks):
        word = tok.text
        if i in quoted:
            # A reporting word inside a quotation is part of what is quoted
            # ('إن النظام "يضيف معايير ..."'), not a report of its own.
            continue
        base, conj = _verb_base(word)
        if base and i > 0 and toks[i - 1].text == "عدم":
            # "طلب عدم ذكر اسمه": a verbal noun, not a report.
            base = ""
        if base and i > 0 and toks[i - 1].text in _NEGATIONS:
            # "ولم تكشف تفاصيل التقرير، ولكن يعتقد أنه ...": a report that
            # was not made reports nothing.
            base = ""
        if base in _IMPERSONAL and not any(LETTER.search(t.text) for t in toks[:i]) \
                and i + 1 < len(toks) and toks[i + 1].text in lexicon_ar.COMPLEMENTIZERS:
            # "يذكر أن ...", sentence-first: "it is worth noting", nobody's
            # report ("يذكر التقرير أن" is the report's).
            base = ""
        match = None
        if base:
            match = _arabic_verb(toks, i, base, conj, closers)
        elif _strip_conj(word) in RELAY_VERBS or word in RELAY_VERBS:
            match = _arabic_relay(toks, i, closers)
        elif _strip_conj(word) in lexicon_ar.PARTICIPLES or word in lexicon_ar.PARTICIPLES:
            match = _arabic_participle(toks, i, clause_start, matches, closers)
        elif word == "علي" and 0 < i < len(toks) - 3 and toks[i - 1].text in "،," \
                and toks[i + 1].text == "ما" and _published(toks[i + 2].text):
            # "...، على ما أكدت عائلته": as the source said.
            match = _arabic_according(toks, i)
        elif word in _AS_REPORTED and 0 < i < len(toks) - 2 and toks[i - 1].text in "،," \
                and _published(toks[i + 1].text) \
                and not any(t.text in lexicon_ar.COMPLEMENTIZERS or t.text == ":"
                            for t in toks[i + 2:i + 26]):
            # "...، كما أعلن داوننغ ستريت": as the source said, an according-to
            # ("، كما قالت في بيان إن ..." is "she also said that": the verb's).
            match = _arabic_according(toks, i)
        elif _according(word) and not (_according(word) == "حسب" and i > 1
                                        and toks[i - 2].text == "كل"
                                        and toks[i - 1].text == "علي"):
            # ("كل على حسب قدرته": each as able, not according to.)
            match = _arabic_according(toks, i)
        if match is not None:
            matches.append(match)
        if word in _BUT:
            clause_start = i + 1
    return matches


def _find_opening(toks: list[Token], start: int, limit: int, closers: _Closers) -> int:
    """Index of the complementiser, opening quote or colon that starts the
    content, or -1. A quotation opens it only near the cue (within
    ``_QUOTE_REACH`` tokens); a short one after a word of the source is a
    name ("وكالة التصنيف «موديز»، في بيان، إن") when an opening follows it,
    and never the content when it is two words or fewer."""
    n = len(toks)
    k = start
    while k < min(n, start + limit):
        word = toks[k].text
        if word in OPEN_QUOTES and _quoted_name(toks, k, closers):
            close = closers.after(k, word)
            after = _find_opening(toks, close + 1, start + limit - close - 1, closers)
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
        if word in OPEN_QUOTES and k - start > _QUOTE_REACH:
            return -1
        if word in lexicon_ar.COMPLEMENTIZERS or word in OPEN_QUOTES or word == ":":
            return k
        if word in ".؟?!" or _strip_conj(word) in lexicon_ar.PARTICIPLES or (
                _verb_base(word)[0] and toks[k - 1].text != "عدم"):
            return -1
        k += 1
    return -1


# Passive reporting verbs that open a sentence as a formula, not a report.
_IMPERSONAL = frozenset({"يذكر"})


def _inside_quotes(toks: list[Token], closers: _Closers) -> set[int]:
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
_QUOTE_REACH = 18


def _quoted_name(toks: list[Token], k: int, closers: _Closers) -> bool:
    """Whether the quotation opened at ``k`` may name something rather than
    quote words: four words at most, after a word ("نفت جماعة «درع الجبل» في
    بيان", "قال لـ«الشرق الأوسط» إن", "قالت «أبل» إن")."""
    if k == 0 or not LETTER.search(toks[k - 1].text):
        return False
    close = closers.after(k, toks[k].text)
    return close < len(toks) and 0 < close - k - 1 <= 4


class _Closers:
    """Where the quotation opened at a token closes, looked up in log time:
    a sentence of many unclosed quotes is not read once per quote."""

    def __init__(self, toks: list[Token]) -> None:
        self._n = len(toks)
        self._at: dict[str, list[int]] = {}
        for k, tok in enumerate(toks):
            if tok.text in _CLOSING:
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


_CLOSING = frozenset(CLOSE_QUOTES.values()) | {"”"}


def _arabic_content(toks: list[Token], k: int, closers: _Closers) -> tuple[int, int] | None:
    n = len(toks)
    word = toks[k].text
    if word in OPEN_QUOTES:
        return span_of(toks, k + 1, closers.after(k, word))
    if word == ":":
        return span_of(toks, k + 1, n)
    if word in {"ان", "بان", "لان"}:
        return span_of(toks, k + 1, n)
    return span_of(toks, k, n)


def _arabic_source(toks: list[Token], first: int, last: int) -> tuple[
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
        if kept and word in _ABOUT:
            break
        if word in lexicon_ar.COMPLEMENTIZERS or _according(word) or word in _FA_INNA:
            break  # "... نقلا عن بيان مشترك": who passed it on, not the source
        if kept and word in _WHEN:
            break  # "وأشارت امرأة بينما كانت تنتظر": when she spoke, not who
        if word == "علي" and k + 1 < last and (toks[k + 1].text in OPEN_QUOTES
                                              or toks[k + 1].text.startswith(_MEDIA)):
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
_GOVERNING = frozenset({"مع", "عن", "من", "الي", "علي", "في", "ل", "لدي", "بين"})


def _title_after_adjunct(toks: list[Token], start: int, end: int) -> int | None:
    """The first role noun in [start, end), unless a preposition governs it:
    the subject after a time or place phrase."""
    for x in range(start, end):
        word = toks[x].text
        if word in lexicon_ar.ROLE_NOUNS:
            return x if toks[x - 1].text not in _GOVERNING else None
    return None


def _adjunct(toks: list[Token], k: int) -> bool:
    """Whether token ``k``, right after a reporting verb, opens a time or
    place phrase rather than the subject ("اعترف بعد ذلك", "شددت أمام مجلس
    الأمن"; but "قال إمام المسجد", which normalises to the same letters)."""
    word = toks[k].text
    if word in TIME_NOUNS:
        return True  # "وأعلن الشهر الماضي أنه", "وقال الأحد إن"
    if word not in TIME_PREPOSITIONS:
        return False
    return word != "امام" or (k + 1 < len(toks) and toks[k + 1].text in AUDIENCES)


def _cue_and_content(toks: list[Token], i: int, reach: int, closers: _Closers
                     ) -> tuple[tuple[int, int], tuple[int, int], int] | None:
    """The cue at token ``i`` and the content opened within ``reach`` tokens
    after it ("إن"/"أن"/a quote), with the opening's index; None without one."""
    k = _find_opening(toks, i + 1, reach, closers)
    if k < 0:
        return None
    content = _arabic_content(toks, k, closers)
    if content is None:
        return None
    return (toks[i].start, toks[i].end), content, k


def _source_phrase_end(toks: list[Token], first: int) -> int:
    """Where a source named right after its verb ends, when no "أن" marks
    it: "أعلن خفر السواحل | السبت انتشال ...", "نفت شركة «سماء» للاتصالات
    | في بيان دفع ...". The phrase is a noun and the words that complete
    it: definite words, a quoted name, and, after a title or as the second
    word, one indefinite word followed by a definite one ("شركة طيران
    السنابل", "وزير الكهرباء فيصل الأنصاري")."""
    n = len(toks)
    if first >= n or not LETTER.search(toks[first].text) or _not_a_source(toks[first].text) \
            or toks[first].text in TIME_NOUNS or toks[first].text in _TIME_OPENERS:
        return first  # "وأعلن الأسبوع الماضي عن ...", "مطلع الأسبوع": a time, no subject
    titled = toks[first].text in lexicon_ar.ROLE_NOUNS or toks[first].text in lexicon_ar.TITLES
    k = first + 1
    jumped = False  # one indefinite word at most: a name, not the object
    while k < n:
        word = toks[k].text
        if word == "«":
            close = next((x for x in range(k + 1, min(n, k + 6)) if toks[x].text == "»"), -1)
            if close < 0:
                break
            k = close + 1
            continue
        following = toks[k + 1].text if k + 1 < n else ""
        if (word == "في" and following not in lexicon_ar.TIME_WORDS
                and not _not_a_source(following)):
            # "مصدر في الشركة", "السلطات في إقليم الشمال", "السلطات في
            # مدينة بيشاور شمال غرب باكستان".
            k += 2
            if following in PLACE_NOUNS and k < n and not _not_a_source(toks[k].text):
                # "في مدينة بيشاور شمال غرب باكستان", "في منطقة شمال سوريا"
                k = _past_directions(toks, k if toks[k].text in DIRECTIONS else k + 1)
            jumped = True
            continue
        if _not_a_source(word):
            break
        if word.startswith(("ال", "لل")) and word != "ال":
            k += 1
            continue
        if word == "ال" and k + 1 < n:  # "آل سيف"
            k += 2
            continue
        if (not jumped and LETTER.search(word) and following.startswith("ال")
                and not _not_a_source(following)
                and (titled or k == first + 1)):
            jumped = True
            k += 2
            continue
        break
    return k


def _past_directions(toks: list[Token], k: int) -> int:
    """Where a place's name ends when directions place it further ("بيشاور
    | شمال غرب باكستان"): past one or two direction words and the name
    after them; ``k`` itself when no direction follows."""
    end = k
    while end < len(toks) and end - k < 2 and toks[end].text in DIRECTIONS:
        end += 1
    if end == k or end >= len(toks) or _not_a_source(toks[end].text):
        return k
    return end + 1


def _not_a_source(word: str) -> bool:
    # "الذي" begins with "ال" but is no definite noun: "أعلن حزب العمال الذي أسسه ..."
    return (word in lexicon_ar.NON_SOURCE or word in _DEMONSTRATIVES or word in _NOT_NOUNS
            or word in lexicon_ar.RELATIVES
            or word in lexicon_ar.TIME_WORDS
            or word in TIME_PREPOSITIONS or word in lexicon_ar.COMPLEMENTIZERS
            or not LETTER.search(word))


def _verbal_noun_object(toks: list[Token], i: int, *, bi: bool = False
                        ) -> tuple[int, int, tuple[int, int]] | None:
    """Source phrase [first, end) and content of "أعلن X Y" where Y is a
    verbal noun phrase, not a clause; None when nothing follows the source.
    With ``bi`` the object must open with the preposition bi- ("أفاد سكان
    بعودة التيار")."""
    first = i + 1
    end = _source_phrase_end(toks, first)
    if end == first:
        return None
    k = end
    # Times, "في بيان" and commas between the source and its object.
    while k < len(toks) and (toks[k].text in lexicon_ar.NON_SOURCE or toks[k].text in "،,"
                             or toks[k].text in lexicon_ar.TIME_WORDS):
        k += 1
    if k + 2 < len(toks) and toks[k].text == "عن":
        k += 1  # "أعلنت الشرطة عن مقتل ...": the verb's preposition, not what was announced
    if len(toks) - k < 2 or not toks[k].text[:1].isalpha() or toks[k].text in _DEMONSTRATIVES \
            or toks[k].text in lexicon_ar.RELATIVES:
        return None  # a relative clause about the source, not its object
    if _strip_conj(toks[k].text) in lexicon_ar.PARTICIPLES:
        return None  # "نفى ماكيب الاتهامات، قائلا إن": the participle's report follows
    if bi:
        # "أفاد سكان في أحياء شرق العاصمة بعودة التيار": the source may hold a
        # place; the object is the first word with bi- after it that is not
        # the object of a preposition ("في بيروت بانتشار ..."). A time or
        # "في بيان" ends the source.
        place, timed = k, k > end
        while k < len(toks) and k - place < 6 and LETTER.search(toks[k].text) \
                and not (_takes_bi(toks[k].text) and toks[k - 1].text not in _GOVERNING) \
                and not _verb_base(toks[k].text)[0]:
            if toks[k].text in lexicon_ar.TIME_WORDS or toks[k].text in _TIMES_AFTER:
                timed = True
            elif not timed:
                end = k + 1
            k += 1
        if k >= len(toks) or not _takes_bi(toks[k].text):
            return None  # "أفاد مراسلنا في دمشق": no object that takes bi-
    stop = k + 1
    while stop < len(toks) and not (_strip_conj(toks[stop].text) in lexicon_ar.PARTICIPLES
                                     or _verb_base(toks[stop].text)[0]):
        stop += 1  # the object ends where the next report begins
    content = span_of(toks, k, stop)
    return (first, end, content) if content is not None else None


_OPENS_CLAUSE = frozenset({"،", ",", "بينما", "فيما", "ثم", "كذلك"})
# Words that open with bi- but are no object of "أفاد" ("بين", "بعد", "بسبب").
_NOT_BI_OBJECTS = frozenset({
    "بين", "بعد", "بعدما", "بسبب", "بحسب", "بدون", "بدوره", "بدورها", "بينما", "بالقرب",
    "بشكل", "بصورة", "بصوره", "بنسبة", "بنسبه", "بشان", "بالنسبة", "بالنسبه", "بالفعل",
    "بالتزامن"})
# Words that open a time between a source and its object ("بعد ظهر اليوم").
_TIMES_AFTER = frozenset({"بعد", "قبل", "منذ", "خلال", "ظهر", "صباح", "مساء", "فجر"})


def _takes_bi(word: str) -> bool:
    """Whether ``word`` is a noun with the preposition bi- ("بعودة", "بمقتل")."""
    return word.startswith("ب") and len(word) > 3 and word not in _NOT_BI_OBJECTS \
        and word not in lexicon_ar.COMPLEMENTIZERS


def _quote_before(toks: list[Token], i: int, closers: _Closers) -> tuple[int, int] | None:
    """The quotation that opens the sentence and ends just before the cue at
    ``i`` ("«...»، قال أبو رمان"), as token bounds of its inside."""
    at = i - 1
    if at > 0 and toks[at].text in "،,":
        at -= 1
    if at <= 0 or toks[at].text not in _CLOSING:
        return None
    first = 0
    while (first < at and not LETTER.search(toks[first].text)
           and toks[first].text not in OPEN_QUOTES):
        first += 1
    if toks[first].text not in OPEN_QUOTES or closers.after(first, toks[first].text) != at:
        return None
    return first + 1, at


def _arabic_verb(
    toks: list[Token], i: int, base: str, conj: bool, closers: _Closers
) -> Match | None:
    plural = base.endswith(("وا", "ون"))
    cue = (toks[i].start, toks[i].end)
    found = _cue_and_content(toks, i, 24, closers)
    if found is None:
        quoted = _quote_before(toks, i, closers)
        if quoted is not None:
            # "«هذا أسوأ موسم»، قال أبو رمان وهو يقلب ...".
            content = span_of(toks, *quoted)
            end = i + 1
            while (end < len(toks) and end - i <= 6 and LETTER.search(toks[end].text)
                   and toks[end].text not in _PRONOUN_CLAUSE and not _not_a_source(toks[end].text)):
                end += 1
            source = (toks[i + 1].start, toks[end - 1].end) if end > i + 1 else None
            if content is None:
                return None
            return Match(source, cue, content, region_start=content[0], plural=plural)
        # "وأفاد سكان بعودة التيار", "بينما أفاد سكان ...": the verb opens its
        # clause, so the phrase after it is the source; in "روسيا أفادت الحلف
        # بتفاصيل ..." it is the one informed.
        bi = base in lexicon_ar.BI_MASDAR_VERBS and (
            conj or i == 0 or toks[i - 1].text in _OPENS_CLAUSE)
        if i > 0 and toks[i - 1].text in _AS:
            # "حسبما أعلنت الشركة": the according-to rule reads it; "لم يعلن
            # عن حصيلة": nothing was announced.
            return None
        found_object = _verbal_noun_object(toks, i, bi=bi) \
            if bi or base in lexicon_ar.MASDAR_VERBS else None
        if found_object is None:
            if base not in _REVEALING:
                return None
            revealed = _revealed_object(toks, i)
            if revealed is None:
                return None
            source, appositive, content = revealed
            return Match(source, cue, content, region_start=cue[0], appositive=appositive,
                         plural=plural)
        first, end, content = found_object
        source = (toks[first].start, toks[end - 1].end)
        return Match(source, cue, content, region_start=cue[0], plural=plural)

    cue, content, k = found
    if i + 1 < k and _adjunct(toks, i + 1):
        # "ثم اعترف بعد ذلك في مقابلة بأنه", "وكانت هايلي شددت أمام مجلس
        # الأمن على أن": an adjunct follows the verb; the subject is a title
        # after it ("وقال يوم الأحد وزير الخارجية ... إن"), else before the
        # verb or an earlier speaker's.
        after = _title_after_adjunct(toks, i + 2, k)
        source, appositive = (None, None) if after is None else _arabic_source(toks, after, k)
    else:
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
            if (word in stops or _according(word) or not LETTER.search(word)
                    or word.endswith("قاله")):
                break
            start -= 1
        if start < end:
            source = (toks[start].start, toks[end - 1].end)
            region = source[0]
    elif source is None and not conj and i > 0:
        # Subject-first: "ولكن محللين يقولون إن ...", "وكان ستة من ثمانية
        # اقتصاديين ... قد توقعوا أن"; "لكنه توقع أن" has an earlier subject.
        before = i - 1 if toks[i - 1].text == "قد" else i
        reach = 6 if before == i else 10
        start = before
        if before > 0 and toks[before - 1].text in lexicon_ar.PRONOUN_SUBJECTS:
            return Match(None, cue, content, region_start=cue[0], plural=plural)
        while start > 0 and before - start < reach:
            word = toks[start - 1].text
            if word in _QUOTE_MARKS:  # 'وكانت شبكة "فيسبوك" قد أعلنت'
                start -= 1
                continue
            if not LETTER.search(word) or word in lexicon_ar.NP_STOPS:
                break
            if _verb_base(word)[0] or word in lexicon_ar.COMPLEMENTIZERS:
                break
            start -= 1
        if start < before:
            source = (toks[start].start, toks[before - 1].end)
            region = source[0]
    return Match(source, cue, content, region_start=region, appositive=appositive,
                 plural=plural)


# Verbs of revealing and announcing whose object follows "عن" ("كشف X عن Y",
# "أعلنت X، الاثنين، عن Y").
_REVEALING = frozenset({"كشف", "كشفت", "كشفوا", "يكشف", "تكشف",
                        "اعلن", "اعلنت", "اعلنوا", "يعلن", "تعلن"})
# How far after its verb "عن" may come, past the source and its apposition.
_REVEALED_REACH = 14
# Words that open a time after a verb: "مطلع الأسبوع", "أواخر الشهر".
_TIME_OPENERS = frozenset({"مطلع", "اوائل", "اواخر", "منتصف", "نهايه", "نهاية", "بدايه",
                           "بداية", "الاسبوع", "الشهر", "العام"})


def _revealed_object(toks: list[Token], i: int) -> tuple[
        tuple[int, int], tuple[int, int] | None, tuple[int, int]] | None:
    """Source, apposition and content of "كشف الدكتور محمد الزبير، محافظ
    البنك، عن تشكيل لجنة": the source stands between the verb and "عن"
    (times and "في بيان" left out), what was revealed after it, up to the
    next report. None when no "عن" follows within reach, when a verb or the
    end of a sentence comes first, or when nothing between names a source
    ("أعلن في العاصمة عمان عن توقيع": announced, by nobody named)."""
    n = len(toks)
    word = toks[i].text
    opens = i == 0 or word[0] in "وف" or not LETTER.search(toks[i - 1].text) \
        or toks[i - 1].text in _CLAUSE_OPENERS
    if not opens or _adjunct(toks, i + 1) or toks[i + 1].text in _TIME_OPENERS:
        # "تطبيقات كشف الأرقام": a noun; "وكان الوزير أعلن مطلع الأسبوع عن":
        # the subject came before the verb, a time after it.
        return None
    about = next((k for k in range(i + 2, min(n, i + _REVEALED_REACH)) if toks[k].text == "عن"),
                 -1)
    if about < 0 or n - about < 3:
        return None
    for k in range(i + 1, about):
        if toks[k].text in lexicon_ar.RELATIVES:
            break  # "حزب العمال الذي أسسه ...": the clause describes the source
        if toks[k].text in ".؟?!:" or _verb_base(toks[k].text)[0]:
            return None
    last = about
    while last > i + 1 and toks[last - 1].text in _NOT_NOUNS:
        last -= 1  # "كشفت سامسونج رسميا عن": how, not who
    source, appositive = _arabic_source(toks, i + 1, last)
    if source is None:
        return None
    stop = about + 1
    while stop < n and not (_strip_conj(toks[stop].text) in lexicon_ar.PARTICIPLES
                            or _verb_base(toks[stop].text)[0]):
        stop += 1  # the object ends where the next report begins
    content = span_of(toks, about + 1, stop)
    return (source, appositive, content) if content is not None else None


# Words a relay's verb follows when it opens its clause ("من جهة أخرى،
# نقلت ...", "وقد نقلت", "كما نقلت"); after a noun "نقل" is one too ("عملية
# نقل", transport).
_CLAUSE_OPENERS = frozenset({"قد", "وقد", "لقد", "كما", "فيما", "بينما", "حيث", "اذ"})
# How far after "عن" the content of a relay may open without a verbal noun
# ("قوله") between: 'ونقلت "فرانس برس" عن مالك "..."'.
_RELAY_BARE_REACH = 8


def _arabic_relay(toks: list[Token], i: int, closers: _Closers) -> Match | None:
    """"ونقلت وكالة رويترز عن مسؤول في البيت الأبيض قوله إن ...": the one
    quoted after "عن" is the source, the verb's subject only passes the words
    on (as "نقلا عن X" does). The relay opens its clause, names its source
    within a few words of the verb, and its content opens with "إن", a
    quotation or a colon after "قوله" / "القول" / "وصفه", or right after a
    short source. None otherwise ("ونقل إلى المستشفى", "نقل الشحنات")."""
    n = len(toks)
    word = toks[i].text
    opens = i == 0 or word[0] in "وف" or not LETTER.search(toks[i - 1].text) \
        or toks[i - 1].text in _CLAUSE_OPENERS
    if not opens:
        return None
    # "عن X", or "على لسان X" (on X's tongue).
    about = next((k for k in range(i + 1, min(n, i + 12)) if toks[k].text == "عن"
                  or (toks[k].text == "لسان" and toks[k - 1].text == "علي")), -1)
    if about < 0 or any(toks[k].text in ".؟?!:" or _verb_base(toks[k].text)[0]
                        for k in range(i + 1, about)):
        return None
    opening = _find_opening(toks, about + 1, 24, closers)
    if opening < 0:
        return None
    marker = next((k for k in range(about + 1, opening) if toks[k].text in RELAY_MARKERS), -1)
    if marker < 0 and opening - about > _RELAY_BARE_REACH:
        return None
    end = marker if marker >= 0 else opening
    source, appositive = _arabic_source(toks, about + 1, end)
    content = _arabic_content(toks, opening, closers)
    if source is None or content is None:
        return None
    cue = (toks[i].start, toks[i].end)
    return Match(source, cue, content, region_start=cue[0], appositive=appositive)


_QUOTE_MARKS = frozenset('"«»“”')
# "فإن" opening the clause an according-to phrase introduces ("وبحسب X فإن ...").
_FA_INNA = frozenset({"فان", "فانه", "فانها"})
# Where a statement was posted: "على تويتر", "على حسابه", "على صفحته".
_MEDIA = ("تويتر", "فيسبوك", "فيس", "حساب", "صفح", "موقع", "منص", "قناه", "انستغرام", "يوتيوب")
# Conjunctions and particles that say nothing alone ("لكنه، وفقا لـ X، ...").
_PARTICLES = frozenset({"لكنه", "لكنها", "لكن", "ولكن", "ولكنه", "ولكنها", "وهو", "وهي",
                        "كما", "ثم"})
# Conjunctions of time and condition that open a clause before its subject.
_WHEN = frozenset({"عندما", "بعدما", "حينما", "حين", "لما", "اذا", "كلما", "فيما", "بينما",
                   "بعد", "قبل", "منذ"})
_AS = frozenset({"حسبما", "كما", "ما", "مثلما", "لم", "لا", "لن", "ولم", "ولا"})
# "As" before a reporting verb after a clause: "...، كما أعلن داوننغ ستريت".
_AS_REPORTED = ("كما", "مثلما")
# Prepositions and adverbs that never start a source named after its verb.
_NOT_NOUNS = frozenset("""
    عن من علي الي مع ب ل ك مرارا تكرارا ايضا سابقا لاحقا مجددا رسميا صراحة علنا ردا
    قد لقد وقد حيث كذلك اذ عندما
    """.split())

# "نفى الوزير هذه الاتهامات": what is denied is named, not stated.
_DEMONSTRATIVES = frozenset({"هذه", "هذا", "تلك", "ذلك", "هؤلاء", "هذين", "هاتين"})

# Words after a speaker named behind its quotation that start a new clause.
_PRONOUN_CLAUSE = frozenset({"وهو", "وهي", "وهم", "بينما", "فيما", "ثم"})


def _without_nested_reports(matches: list[Match]) -> list[Match]:
    """Drop a report that opens another one's content: in "وقال المصري إن
    التحقيقات الأولية تشير إلى أن ...", what the investigations indicate is
    part of what al-Masri said, not a second source's claim."""
    starts = Counter(m.content[0] for m in matches)
    return [m for m in matches
            if not (m.source is not None and m.region_start < m.cue[0]
                    and starts[m.region_start] > (m.content[0] == m.region_start))]


# Particles a verb follows ("ولم تتمالك", "وقد أكد", "ولن يقبل").
_VERB_PARTICLES = frozenset({"لم", "لن", "لا", "ما", "قد", "لقد"})


def _arabic_participle(
    toks: list[Token], i: int, clause_start: int, earlier: list[Match], closers: _Closers
) -> Match | None:
    found = _cue_and_content(toks, i, 4, closers)
    if found is None and _strip_conj(toks[i].text) in lexicon_ar.MASDAR_PARTICIPLES:
        # "متوقعا عودة التيار بحلول الأربعاء": a verbal noun as the object.
        content = span_of(toks, i + 1, len(toks))
        if content is not None and len(toks) - i > 2:
            found = ((toks[i].start, toks[i].end), content, i + 1)
    if found is None:
        return None
    cue, content, _ = found
    # The subject of the clause the participle hangs on: after "ولكن"/"لكن" or
    # at the sentence start (``clause_start``), a run of definite words ("البيت الأبيض").
    start = clause_start
    while start < i and not LETTER.search(toks[start].text):
        start += 1
    # ``earlier`` is in cue order, so its last relation is the latest.
    if start < i and earlier and earlier[-1].cue[0] >= toks[start].start:
        # The clause already has a reporting verb: the participle shares its subject.
        return Match(None, cue, content, region_start=cue[0])
    end = start
    if start < i and (toks[start].text in _WHEN or _strip_conj(toks[start].text) in _WHEN):
        # "وعندما سئل لافروف ...، قائلا": the clause opens with "when"; its
        # verb is no name.
        return Match(None, cue, content, region_start=cue[0])
    day = start + (start < i and toks[start].text in ("في", "وفي"))
    if day + 2 < i and _strip_conj(toks[day].text) in lexicon_ar.DAY_WORDS \
            and toks[day + 1].text in lexicon_ar.DAY_NAMES:
        # "وفي يوم الثلاثاء (الماضي)، ردّ فيسبوك قائلا": past the fronted day,
        # the verb after it if the subject does not come first, to the subject
        start = day + 2
        while start < i and start - day < 4 and toks[start].text.startswith("ال"):
            start += 1  # "الماضي", "المقبل"
        start += start < i and toks[start].text in ("،", ",")
        start += start < i and not toks[start].text.startswith("ال")
        end = start + 1
    elif start < i and not toks[start].text.startswith("ال") and toks[start].text[0] in "وف":
        # "ونفى وزير الداخلية ...، مؤكدا أن": skip the verb, keep the noun and
        # the definite words that complete it; "ولم تتمالك الفنانة نفسها ...
        # قائلة": a particle and its verb.
        start += 1 + (start + 2 < i and toks[start].text[1:] in _VERB_PARTICLES)
        end = start + 1
    while end < i and toks[end].text.startswith("ال") and end - start < 4:
        end += 1
    if start < i and end > start and end <= i:
        source = (toks[start].start, toks[end - 1].end)
        return Match(source, cue, content, region_start=source[0])
    return Match(None, cue, content, region_start=cue[0])


def _arabic_according(toks: list[Token], i: int) -> Match | None:
    n = len(toks)
    k = i + 1
    word = _according(toks[i].text) or toks[i].text
    if word in {"وفقا", "طبقا"} and k < n and toks[k].text in {"ل", "لـ"}:
        k += 1
    if word == "نقلا" and k < n and toks[k].text == "عن":
        k += 1
    relayed = False
    if word in ("حسبما", *_AS_REPORTED) and k < n and _published(toks[k].text):
        k += 1
        relayed = True
    elif word != "نقلا" and k + 1 < n and toks[k].text in ("ما", "لما") \
            and _published(toks[k + 1].text):
        # "وفق ما أعلن الصليب الأحمر", "بحسب ما أظهرت صور", "وفقا لما ذكرته
        # الوكالة": the verb's subject is the source.
        k += 2
        relayed = True
    if relayed:
        while k < n and toks[k].text in RESUMPTIVES:
            k += 1  # "وفق ما أفاد به", "وفق ما أعلنت عنه السلطات"
        if k < n and toks[k].text in ("في", "علي") and _strip_object(toks[k - 1].text) in (
                "جاء", "ورد"):
            k += 1  # "وفق ما جاء في الصفحة الرسمية"
        # "بحسب ما نقلت وكالة شينخو السبت عن نائب رئيس الوزراء": the one the
        # agency quotes is the source.
        for x in range(k, min(n, k + 14)):
            if toks[x].text in "،,.;؛":
                break
            if toks[x].text == "عن":
                k = x + 1
                break
        while k < n and (toks[k].text in TIME_NOUNS or toks[k].text in lexicon_ar.DAY_NAMES):
            k += 1  # "بحسب ما أعلن الخميس مدير المنتخب"
    start = k
    # The source ends at punctuation, or before a relative clause about it
    # ("وفق المعارضة التي أشارت إلى أن ...") or a complementizer; after a
    # verb ("وفق ما أعلن X") also before a time, a place of speech or a
    # listener ("الثلاثاء", "على صفحته", "في تصريح لمراسلة ...").
    while (k < n and toks[k].text not in "،,.;؛" and k - start < 10
           and toks[k].text not in lexicon_ar.RELATIVES
           and toks[k].text not in lexicon_ar.COMPLEMENTIZERS
           and toks[k].text not in _FA_INNA
           and not (relayed and k > start and _ends_relayed_source(toks[k].text))):
        k += 1
    if k == start:
        return None
    source: tuple[int, int] | None = (toks[start].start, toks[k - 1].end)
    if toks[start].text.startswith("ل") and word in {"وفقا", "طبقا"}:
        source = (toks[start].start + 1, source[1])
    if _own_words(toks[start].text):
        # "وفق تقديره": by the estimate of the one who speaks; "حسبما جاء في
        # حسابها على تويتر", "بحسب ما ورد في موقعه الرسمي": in its owner's
        # words, whoever "its" is.
        source = None
    cue = (toks[i].start, toks[i].end)
    words_before = _count_words(toks, 0, i, 2)
    after = k + (k < n and toks[k].text in "،,")
    if not words_before:
        # "وبحسب X، ..." opens the sentence: the rest is the content.
        after = k + 1
        if after < n and toks[after].text in _FA_INNA:
            after += toks[after].text == "فان"
        content = span_of(toks, after, n)
    elif after < n and (toks[after].text in _FA_INNA or toks[after].text in {"ان", "بان"}):
        # "لكن الآن، وبحسب X، فإن ...", "وأخبره، حسب X، أن ...": the clause
        # after the source is what it reports, whatever comes before.
        after += toks[after].text in {"فان", "ان", "بان"}
        content = span_of(toks, after, n)
    elif words_before == 1 and n - after > 2 and toks[0].text in _PARTICLES:
        # "لكنه، وفقا لكلوب، يركز ...": "but he" is no claim; what follows is.
        content = span_of(toks, after, n)
    elif (i > 0 and toks[i - 1].text in "،," and after > k and _count_words(toks, 0, i, 3) < 3
          and _count_words(toks, after, n, 3) == 3 and not _reported_before(toks, i)
          and toks[after].text not in _OWN_CLAUSE):
        # "وتعتزم المكسيك، حسب وزير الاقتصاد، فرض تعريفات ...": the phrase
        # stands between commas inside the clause it reports, after its
        # first two words ("وتعتزم المكسيك", no claim alone); the clause is
        # the whole sentence. After a longer start the start is the claim,
        # and what follows the phrase mostly describes the source ("بحسب
        # هادي دميان، منظم مسيرة العام الماضي") or answers it ("الأمر الذي
        # نفاه الجيش").
        content = span_of(toks, 0, n)
    else:
        content = span_of(toks, 0, i)
    if content is None:
        return None
    region = cue[0] if source is None else min(source[0], cue[0])
    return Match(source, cue, content, region_start=region, relays=True)


def _strip_object(word: str) -> str:
    """A verb without the object pronoun "ه" / "ها" ("ذكرته" → "ذكرت",
    "نشرها" → "نشر")."""
    for suffix in ("ها", "ه"):
        if word.endswith(suffix) and len(word) - len(suffix) >= 3:
            return word[: -len(suffix)]
    return word


def _published(word: str) -> bool:
    """Whether ``word`` is a verb of saying, showing or publishing, as after
    "وفق ما" ("أعلن", "ذكرته", "أظهرت", "أورد", "جاء")."""
    for form in (word, _strip_object(word)):
        if form in lexicon_ar.REPORTING_VERBS or form in SHOWING_VERBS:
            return True
    return False


# Words that end a source named after "وفق ما <verb>": a time, where it was
# said, to whom ("الثلاثاء", "في تصريح", "على صفحته", "لمراسلة").
_AFTER_RELAYED_SOURCE = frozenset({"في", "علي", "خلال", "عبر", "اثناء", "لدي", "امام",
                                   "حينها", "انذاك", "وقتها", "حينذاك"})


def _ends_relayed_source(word: str) -> bool:
    return (word in _AFTER_RELAYED_SOURCE or word in _ABOUT or word == ":" or word in TIME_NOUNS
            or word in lexicon_ar.DAY_NAMES or word.startswith(lexicon_ar.RECIPIENT_PREFIXES))


# Nouns of one's own words or view, with a pronoun suffix after "بحسب" or
# "وفق": "وفق تقديره", "بحسب قوله", "حسب روايتها" name no new source.
_OWN_WORDS = frozenset({"تقدير", "تعبير", "قول", "راي", "وصف", "زعم", "روايت", "كلام",
                        "اعتقاد", "حديث", "تقديرات", "تصريحات", "معلومات",
                        "حساب", "موقع", "صفحت", "بيان", "تغريدت", "تغريدات", "قنات"})


def _own_words(word: str) -> bool:
    # "وفقا لتعبيرها": after "وفقا" the noun takes "ل".
    bare = word[1:] if word.startswith("ل") and word[1:2] != "ل" else word
    for form in {word, bare}:
        for suffix in ("ه", "ها", "هم", "هما"):
            if form.endswith(suffix) and form[: -len(suffix)] in _OWN_WORDS:
                return True
    return False


# Words that open a clause of the article's after an according-to phrase,
# or a description of its source: "، لكن الجيش نفى ذلك", "، الأمر الذي نفاه
# الجيش", "، التي ...", "، وهي الجهة ...", "، ومقره في لندن". (Not any word
# in "و": "وقف الدعم", "وضع رسوم" are the clause's own object.)
_OWN_CLAUSE = frozenset({
    "لكن", "لكنه", "لكنها", "ولكن", "ولكنه", "ولكنها", "بينما", "فيما", "الذي", "التي",
    "الذين", "الامر", "الأمر", "حيث", "اذ", "إذ", "ثم", "وهو", "وهي", "وهم", "وهما",
    "ومقره", "ومقرها", "وكان", "وكانت", "وقد", "واضاف", "وأضاف", "واضافت", "وأضافت",
})


def _reported_before(toks: list[Token], i: int) -> bool:
    """Whether a complementiser comes before token ``i`` ("وقال الوزير إن
    ...، بحسب X، ..."): another report's clause, which the rules read
    apart."""
    return any(t.text in lexicon_ar.COMPLEMENTIZERS for t in toks[:i])


def _count_words(toks: list[Token], start: int, stop: int, most: int) -> int:
    """How many words tokens ``start`` to ``stop`` hold, counted up to
    ``most`` (the rules ask 0, 1 or more, or fewer than 3; counting them all
    would make a sentence of many according-to phrases quadratic)."""
    seen = 0
    for x in range(start, stop):
        if LETTER.search(toks[x].text):
            seen += 1
            if seen == most:
                break
    return seen
