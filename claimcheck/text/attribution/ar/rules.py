"""Arabic attribution rules: the relations of one sentence.

Verb-first "وقال X إن Y" (with listeners such as "لوكالة رويترز", times such
as "الخميس" and appositions "، وهو متحدث باسم ..." removed from the source),
subject-first "محللين يقولون إن Y", relative "X، الذي قال إن Y",
participles "..., قائلا إن Y", quotations "وقال X "Y"", and "بحسب X" /
"وفقا لـ X". A sentence may hold several relations; the content of one ends
at the clause boundary before the next one's source. "بحسب X" after (or
before) a report of someone else's words ("وقال الوزير إن ...، بحسب
الحكومة") names who passed the report on: the report is the claim, and the
"بحسب" relation is dropped. According-to phrases, relays ("نقلت وكالة عن X
قوله") and "كشف X عن Y" are read in :mod:`.relays`; the phrases all rules
read (quotations, where a content opens, a source after its verb) in
:mod:`.phrases`.
"""

from __future__ import annotations

from collections import Counter

from claimcheck.text import lexicon_ar
from claimcheck.text.attribution.ar.phrases import (
    CLOSING,
    DEMONSTRATIVES,
    GOVERNING,
    WHEN,
    Closers,
    according,
    adjunct,
    content_at,
    find_opening,
    inside_quotes,
    not_a_source,
    source_between,
    strip_conj,
    title_after_adjunct,
    verb_base,
)
from claimcheck.text.attribution.ar.relays import (
    AS_REPORTED,
    REVEALING,
    TIME_OPENERS,
    according_match,
    published,
    relay_match,
    revealed_object,
    says_as,
)
from claimcheck.text.attribution.ar.words import (
    DIRECTIONS,
    PLACE_NOUNS,
    RELAY_VERBS,
    TIME_NOUNS,
)
from claimcheck.text.attribution.nesting import (
    end_contents_at_next_source,
    without_relays_of_reports,
)
from claimcheck.text.attribution.tokens import (
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


def find_matches(s: str, toks: list[Token]) -> list[Match]:
    """The relations of the normalised Arabic sentence ``s`` (tokens ``toks``)."""
    matches = _without_nested_reports(_arabic_matches(s, toks))
    end_contents_at_next_source(s, toks, matches)
    return without_relays_of_reports(matches)


def _arabic_matches(s: str, toks: list[Token]) -> list[Match]:
    """Every relation the rules find in one sentence, in the order of their cues."""
    matches: list[Match] = []
    clause_start = 0  # the token after the last "ولكن" so far
    closers = Closers(toks)
    quoted = inside_quotes(toks, closers)
    for i, tok in enumerate(toks):
        word = tok.text
        if i in quoted:
            # A reporting word inside a quotation is part of what is quoted
            # ('إن النظام "يضيف معايير ..."'), not a report of its own.
            continue
        base, conj = verb_base(word)
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
        elif strip_conj(word) in RELAY_VERBS:
            match = relay_match(toks, i, closers)
        elif strip_conj(word) in lexicon_ar.PARTICIPLES or word in lexicon_ar.PARTICIPLES:
            match = _arabic_participle(toks, i, clause_start, matches, closers)
        elif word == "علي" and 0 < i < len(toks) - 3 and toks[i - 1].text in "،," \
                and toks[i + 1].text == "ما" and published(toks[i + 2].text):
            # "...، على ما أكدت عائلته": as the source said.
            match = according_match(toks, i)
        elif word in AS_REPORTED and 0 < i < len(toks) - 2 and toks[i - 1].text in "،," \
                and says_as(toks[i + 1].text) \
                and not any(t.text in lexicon_ar.COMPLEMENTIZERS or t.text == ":"
                            for t in toks[i + 2:i + 26]):
            # "...، كما قالت أم لولدها": as the source said, an according-to
            # ("، كما قالت في بيان إن ..." is "she also said that": the verb's).
            match = according_match(toks, i)
        elif according(word) and not (according(word) == "حسب" and i > 1
                                        and toks[i - 2].text == "كل"
                                        and toks[i - 1].text == "علي"):
            # ("كل على حسب قدرته": each as able, not according to.)
            match = according_match(toks, i)
        if match is not None:
            matches.append(match)
        if word in _BUT:
            clause_start = i + 1
    return matches


# Passive reporting verbs that open a sentence as a formula, not a report.
_IMPERSONAL = frozenset({"يذكر"})


def _cue_and_content(toks: list[Token], i: int, reach: int, closers: Closers
                     ) -> tuple[tuple[int, int], tuple[int, int], int] | None:
    """The cue at token ``i`` and the content opened within ``reach`` tokens
    after it ("إن"/"أن"/a quote), with the opening's index; None without one."""
    k = find_opening(toks, i + 1, reach, closers)
    if k < 0:
        return None
    content = content_at(toks, k, closers)
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
    if first >= n or not LETTER.search(toks[first].text) or not_a_source(toks[first].text) \
            or toks[first].text in TIME_NOUNS or toks[first].text in TIME_OPENERS:
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
                and not not_a_source(following)):
            # "مصدر في الشركة", "السلطات في إقليم الشمال", "السلطات في
            # مدينة بيشاور شمال غرب باكستان".
            k += 2
            if following in PLACE_NOUNS and k < n and not not_a_source(toks[k].text):
                # "في مدينة بيشاور شمال غرب باكستان", "في منطقة شمال سوريا"
                k = _past_directions(toks, k if toks[k].text in DIRECTIONS else k + 1)
            jumped = True
            continue
        if not_a_source(word):
            break
        if word.startswith(("ال", "لل")) and word != "ال":
            k += 1
            continue
        if word == "ال" and k + 1 < n:  # "آل سيف"
            k += 2
            continue
        if (not jumped and LETTER.search(word) and following.startswith("ال")
                and not not_a_source(following)
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
    if end == k or end >= len(toks) or not_a_source(toks[end].text):
        return k
    return end + 1


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
    if len(toks) - k < 2 or not toks[k].text[:1].isalpha() or toks[k].text in DEMONSTRATIVES \
            or toks[k].text in lexicon_ar.RELATIVES:
        return None  # a relative clause about the source, not its object
    if strip_conj(toks[k].text) in lexicon_ar.PARTICIPLES:
        return None  # "نفى ماكيب الاتهامات، قائلا إن": the participle's report follows
    if bi:
        # "أفاد سكان في أحياء شرق العاصمة بعودة التيار": the source may hold a
        # place; the object is the first word with bi- after it that is not
        # the object of a preposition ("في بيروت بانتشار ..."). A time or
        # "في بيان" ends the source.
        place, timed = k, k > end
        while k < len(toks) and k - place < 6 and LETTER.search(toks[k].text) \
                and not (_takes_bi(toks[k].text) and toks[k - 1].text not in GOVERNING) \
                and not verb_base(toks[k].text)[0]:
            if toks[k].text in lexicon_ar.TIME_WORDS or toks[k].text in _TIMES_AFTER:
                timed = True
            elif not timed:
                end = k + 1
            k += 1
        if k >= len(toks) or not _takes_bi(toks[k].text):
            return None  # "أفاد مراسلنا في دمشق": no object that takes bi-
    stop = k + 1
    while stop < len(toks) and not (strip_conj(toks[stop].text) in lexicon_ar.PARTICIPLES
                                     or verb_base(toks[stop].text)[0]):
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


def _quote_before(toks: list[Token], i: int, closers: Closers) -> tuple[int, int] | None:
    """The quotation that opens the sentence and ends just before the cue at
    ``i`` ("«...»، قال أبو رمان"), as token bounds of its inside."""
    at = i - 1
    if at > 0 and toks[at].text in "،,":
        at -= 1
    if at <= 0 or toks[at].text not in CLOSING:
        return None
    first = 0
    while (first < at and not LETTER.search(toks[first].text)
           and toks[first].text not in OPEN_QUOTES):
        first += 1
    if toks[first].text not in OPEN_QUOTES or closers.after(first, toks[first].text) != at:
        return None
    return first + 1, at


def _arabic_verb(
    toks: list[Token], i: int, base: str, conj: bool, closers: Closers
) -> Match | None:
    """The relation of the reporting verb at token ``i`` (``base`` without its
    conjunction, ``conj`` whether it had one): content after "إن" or a quotation, a
    quotation before the verb, or a verbal noun after it; the source after the verb,
    before it, or none."""
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
                   and toks[end].text not in _PRONOUN_CLAUSE and not not_a_source(toks[end].text)):
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
            if base not in REVEALING:
                return None
            revealed = revealed_object(toks, i)
            if revealed is None:
                return None
            source, appositive, content = revealed
            return Match(source, cue, content, region_start=cue[0], appositive=appositive,
                         plural=plural)
        first, end, content = found_object
        source = (toks[first].start, toks[end - 1].end)
        return Match(source, cue, content, region_start=cue[0], plural=plural)

    cue, content, k = found
    if i + 1 < k and adjunct(toks, i + 1):
        # "ثم اعترف بعد ذلك في مقابلة بأنه", "وكانت هايلي شددت أمام مجلس
        # الأمن على أن": an adjunct follows the verb; the subject is a title
        # after it ("وقال يوم الأحد وزير الخارجية ... إن"), else before the
        # verb or an earlier speaker's.
        after = title_after_adjunct(toks, i + 2, k)
        source, appositive = (None, None) if after is None else source_between(toks, after, k)
    else:
        source, appositive = source_between(toks, i + 1, k)
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
            if (word in stops or according(word) or not LETTER.search(word)
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
            if verb_base(word)[0] or word in lexicon_ar.COMPLEMENTIZERS:
                break
            start -= 1
        if start < before:
            source = (toks[start].start, toks[before - 1].end)
            region = source[0]
    return Match(source, cue, content, region_start=region, appositive=appositive,
                 plural=plural)


_QUOTE_MARKS = frozenset('"«»“”')


_AS = frozenset({"حسبما", "كما", "ما", "مثلما", "لم", "لا", "لن", "ولم", "ولا"})


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
    toks: list[Token], i: int, clause_start: int, earlier: list[Match], closers: Closers
) -> Match | None:
    """The relation of the participle at token ``i`` ("قائلا إن", "مشيرا إلى أن"): the
    subject of its clause speaks, or the speaker of the clause's own report."""
    found = _cue_and_content(toks, i, 4, closers)
    if found is None and strip_conj(toks[i].text) in lexicon_ar.MASDAR_PARTICIPLES:
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
    if start < i and (toks[start].text in WHEN or strip_conj(toks[start].text) in WHEN):
        # "وعندما سئل لافروف ...، قائلا": the clause opens with "when"; its
        # verb is no name.
        return Match(None, cue, content, region_start=cue[0])
    day = start + (start < i and toks[start].text in ("في", "وفي"))
    if day + 2 < i and strip_conj(toks[day].text) in lexicon_ar.DAY_WORDS \
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
