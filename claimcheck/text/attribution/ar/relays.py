"""Arabic attribution: reports passed on or named after their content.

"بحسب X" / "وفقا لـ X" / "وفق ما أعلن X" / "، كما أعلن X" / "، على ما أكدت X"
(an according-to phrase, before or after what it reports), "نقلت وكالة عن
X قوله إن" (a relay: X speaks, the agency passes it on), and "كشف X عن Y"
(what a source revealed or announced, after "عن").
"""

from __future__ import annotations

from claimcheck.text import lexicon_ar
from claimcheck.text.attribution.ar.phrases import (
    ABOUT,
    FA_INNA,
    NOT_NOUNS,
    Closers,
    according,
    adjunct,
    content_at,
    find_opening,
    source_between,
    strip_conj,
    verb_base,
)
from claimcheck.text.attribution.ar.words import (
    RELAY_MARKERS,
    RELAY_VERBS,
    RESUMPTIVES,
    SHOWING_VERBS,
    TIME_NOUNS,
)
from claimcheck.text.attribution.tokens import (
    LETTER,
    Match,
    Token,
    span_of,
)

# Nouns that make "عن" part of a set phrase, no preposition of a report:
# "عن طريق البحر" (by sea), "عن كثب" (closely), "عن قرب", "عن بعد".
_SET_PHRASES = frozenset({"طريق", "كثب", "قرب", "بعد", "عمد", "غير"})


def _about(toks: list[Token], k: int) -> bool:
    """Whether token ``k`` is the "عن" of a report ("نقلت عن X", "كشف عن Y"),
    not of a set phrase ("عن طريق")."""
    return toks[k].text == "عن" and not (k + 1 < len(toks) and toks[k + 1].text in _SET_PHRASES)


# Verbs of revealing and announcing whose object follows "عن" ("كشف X عن Y",
# "أعلنت X، الاثنين، عن Y").
REVEALING = frozenset({"كشف", "كشفت", "كشفوا", "يكشف", "تكشف",
                        "اعلن", "اعلنت", "اعلنوا", "يعلن", "تعلن"})


# How far after its verb "عن" may come, past the source and its apposition.
_REVEALED_REACH = 14


# Words that open a time after a verb: "مطلع الأسبوع", "أواخر الشهر".
TIME_OPENERS = frozenset({"مطلع", "اوائل", "اواخر", "منتصف", "نهايه", "نهاية", "بدايه",
                           "بداية", "الاسبوع", "الشهر", "العام"})


# Words a verb of relaying or revealing follows when it opens its clause
# ("من جهة أخرى، نقلت ...", "وقد نقلت", "كما نقلت").
_CLAUSE_OPENERS = frozenset({"قد", "وقد", "لقد", "كما", "فيما", "بينما", "حيث", "اذ"})


def _opens_clause(toks: list[Token], i: int) -> bool:
    """Whether the verb at token ``i`` opens its clause: first in the
    sentence, with a conjunction, after punctuation or after one of
    :data:`_CLAUSE_OPENERS`. After a noun the same letters are a noun
    ("عملية نقل", transport; "تطبيقات كشف الأرقام")."""
    return i == 0 or toks[i].text[0] in "وف" or not LETTER.search(toks[i - 1].text) \
        or toks[i - 1].text in _CLAUSE_OPENERS


def revealed_object(toks: list[Token], i: int) -> tuple[
        tuple[int, int], tuple[int, int] | None, tuple[int, int]] | None:
    """Source, apposition and content of "كشف الدكتور محمد الزبير، محافظ
    البنك، عن تشكيل لجنة": the source stands between the verb and "عن"
    (times and "في بيان" left out), what was revealed after it, up to the
    next report. None when no "عن" follows within reach, when a verb or the
    end of a sentence comes first, or when nothing between names a source
    ("أعلن في العاصمة عمان عن توقيع": announced, by nobody named)."""
    n = len(toks)
    if i + 2 >= n:
        return None  # the sentence ends with its verb ("وكان الوزير قد أعلن")
    if not _opens_clause(toks, i) or adjunct(toks, i + 1) or toks[i + 1].text in TIME_OPENERS:
        # "تطبيقات كشف الأرقام": a noun; "وكان الوزير أعلن مطلع الأسبوع عن":
        # the subject came before the verb, a time after it.
        return None
    about = next((k for k in range(i + 2, min(n, i + _REVEALED_REACH)) if _about(toks, k)), -1)
    if about < 0 or n - about < 3:
        return None
    for k in range(i + 1, about):
        if toks[k].text in lexicon_ar.RELATIVES:
            break  # "حزب العمال الذي أسسه ...": the clause describes the source
        if toks[k].text in ".؟?!:" or verb_base(toks[k].text)[0]:
            return None
    last = about
    while last > i + 1 and toks[last - 1].text in NOT_NOUNS:
        last -= 1  # "كشفت سامسونج رسميا عن": how, not who
    source, appositive = source_between(toks, i + 1, last)
    if source is None:
        return None
    stop = about + 1
    while stop < n and not (strip_conj(toks[stop].text) in lexicon_ar.PARTICIPLES
                            or verb_base(toks[stop].text)[0]):
        stop += 1  # the object ends where the next report begins
    content = span_of(toks, about + 1, stop)
    return (source, appositive, content) if content is not None else None




# How far after "عن" the content of a relay may open without a verbal noun
# ("قوله") between: 'ونقلت "فرانس برس" عن مالك "..."'.
_RELAY_BARE_REACH = 8


def relay_match(toks: list[Token], i: int, closers: Closers) -> Match | None:
    """"ونقلت وكالة رويترز عن مسؤول في البيت الأبيض قوله إن ...": the one
    quoted after "عن" is the source, the verb's subject only passes the words
    on (as "نقلا عن X" does). The relay opens its clause, names its source
    within a few words of the verb, and its content opens with "إن", a
    quotation or a colon after "قوله" / "القول" / "وصفه", or right after a
    short source. None otherwise ("ونقل إلى المستشفى", "نقل الشحنات")."""
    n = len(toks)
    if not _opens_clause(toks, i):
        return None
    # "عن X", or "على لسان X" (on X's tongue).
    about = next((k for k in range(i + 1, min(n, i + 12)) if _about(toks, k)
                  or (toks[k].text == "لسان" and toks[k - 1].text == "علي")), -1)
    if about < 0 or any(toks[k].text in ".؟?!:" or verb_base(toks[k].text)[0]
                        for k in range(i + 1, about)):
        return None
    opening = find_opening(toks, about + 1, 24, closers)
    if opening < 0:
        return None
    marker = next((k for k in range(about + 1, opening) if toks[k].text in RELAY_MARKERS), -1)
    if marker < 0 and opening - about > _RELAY_BARE_REACH:
        return None
    end = marker if marker >= 0 else opening
    source, appositive = source_between(toks, about + 1, end)
    content = content_at(toks, opening, closers)
    if source is None or content is None:
        return None
    cue = (toks[i].start, toks[i].end)
    return Match(source, cue, content, region_start=cue[0], appositive=appositive)


# Conjunctions and particles that say nothing alone ("لكنه، وفقا لـ X، ...").
_PARTICLES = frozenset({"لكنه", "لكنها", "لكن", "ولكن", "ولكنه", "ولكنها", "وهو", "وهي",
                        "كما", "ثم"})


# "As" before a reporting verb after a clause: "...، كما أعلن داوننغ ستريت".
AS_REPORTED = ("كما", "مثلما")


def according_match(toks: list[Token], i: int) -> Match | None:
    """The relation of the according-to word at token ``i`` ("بحسب", "وفقا", "نقلا",
    "حسبما", "، كما"/"، على ما" before a verb): its source after it, its content the
    clause it stands in or opens."""
    n = len(toks)
    k = i + 1
    word = according(toks[i].text) or toks[i].text
    if word in {"وفقا", "طبقا"} and k < n and toks[k].text in {"ل", "لـ"}:
        k += 1
    if word == "نقلا" and k < n and toks[k].text == "عن":
        k += 1
    relayed = False
    verb = -1
    if word in ("حسبما", *AS_REPORTED) and k < n and published(toks[k].text):
        verb, k = k, k + 1
        relayed = True
    elif word != "نقلا" and k + 1 < n and toks[k].text in ("ما", "لما") \
            and published(toks[k + 1].text):
        # "وفق ما أعلن الصليب الأحمر", "بحسب ما أظهرت صور", "وفقا لما ذكرته
        # الوكالة": the verb's subject is the source.
        verb, k = k + 1, k + 2
        relayed = True
    if relayed:
        while k < n and toks[k].text in RESUMPTIVES:
            k += 1  # "وفق ما أفاد به", "وفق ما أعلنت عنه السلطات"
        if k < n and toks[k].text in ("في", "علي") and _strip_object(toks[k - 1].text) in (
                "جاء", "ورد"):
            k += 1  # "وفق ما جاء في الصفحة الرسمية"
        # "بحسب ما نقلت وكالة شينخو السبت عن نائب رئيس الوزراء": the one the
        # agency quotes is the source (after a verb of relaying only: "بحسب ما
        # ذكر المرصد الذي تحدث عن سقوط قتلى" names the observatory).
        if _strip_object(toks[verb].text) in RELAY_VERBS:
            for x in range(k, min(n, k + 14)):
                if toks[x].text in "،,.;؛" or toks[x].text in lexicon_ar.RELATIVES \
                        or verb_base(toks[x].text)[0]:
                    break
                if _about(toks, x):
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
           and toks[k].text not in FA_INNA
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
        if after < n and toks[after].text in FA_INNA:
            after += toks[after].text == "فان"
        content = span_of(toks, after, n)
    elif after < n and (toks[after].text in FA_INNA or toks[after].text in {"ان", "بان"}):
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


def says_as(word: str) -> bool:
    """Whether ``word`` is a verb of saying that "، كما" turns into "as X
    said" ("، كما قال الوزير", "كما تقول جولي"); verbs that take an object
    ("، كما أكدت الوزارة ضرورة ...", "كما نشرت صورا") mean "X also did"."""
    return strip_conj(word) in _SAYING


# Verbs of saying that take no object after "، كما" (normalised).
_SAYING = frozenset("""
    قال قالت قالوا يقول تقول يقولون ذكر ذكرت ذكروا يذكر تذكر افاد افادت افادوا يفيد تفيد
    اوضح اوضحت صرح صرحت اورد اوردت روي روت
    """.split())


def published(word: str) -> bool:
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
    """Whether ``word`` ends a source named after "وفق ما <verb>"
    (:data:`_AFTER_RELAYED_SOURCE`, a time, a listener)."""
    return (word in _AFTER_RELAYED_SOURCE or word in ABOUT or word == ":" or word in TIME_NOUNS
            or word in lexicon_ar.DAY_NAMES or word.startswith(lexicon_ar.RECIPIENT_PREFIXES))


# Nouns of one's own words or view, with a pronoun suffix after "بحسب" or
# "وفق": "وفق تقديره", "بحسب قوله", "حسب روايتها" name no new source.
_OWN_WORDS = frozenset({"تقدير", "تعبير", "قول", "راي", "وصف", "زعم", "روايت", "كلام",
                        "اعتقاد", "حديث", "تقديرات", "تصريحات", "معلومات",
                        "حساب", "موقع", "صفحت", "بيان", "تغريدت", "تغريدات", "قنات"})


def _own_words(word: str) -> bool:
    """Whether ``word`` is a noun of the speaker's own words or channel with a pronoun
    suffix ("تقديره", "حسابها"): no new source."""
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
