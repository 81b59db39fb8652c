"""Whether a span can name who said something.

A source is a noun phrase naming a person, a group, an organisation or a
document, or a pronoun that refers back to one. A function word ("and",
"which", "لكنه"), a clause ("The governor's office has faced criticism"), a
fragment with a reporting verb in it ("said all 23"), a listener ("للجزيرة
نت") or a URL is not: a relation with such a source is dropped rather than
turned into a claim with a wrong speaker. The rules rarely produce one; the
learned tagger does on news unlike its training articles.
"""

from __future__ import annotations

import re

from claimcheck.text import lexicon_ar
from claimcheck.text.attribution.en.words import FINITE, PAST, surname
from claimcheck.text.attribution.tokens import WORD, word_set
from claimcheck.text.normalize import normalize_arabic_word

_URL = re.compile(r"https?://|www\.|\.(?:com|org|net|gov)\b|@\w", re.IGNORECASE)

# English words that cannot start a source (pronouns can; "the" can).
_EN_BAD_FIRST = word_set("""
    and or but nor so yet which whose whom that where when while if because since
    although though instead far even now then also just only not never to of in on
    at for with by from into than as said says say told added adding according
    online here there hasn't didn't doesn't isn't wasn't don't don’t
    including speaking having holding
    it's it’s that's that’s there's there’s here's here’s
    """)
_EN_CLAUSE_START = word_set("it's it’s that's that’s there's there’s here's here’s")
# Words after which no part of the span names a speaker: a preposition's
# object ("around the country", "per the McKinley report"), an adverb, the
# stray "s" of a cut possessive ("s Record on ...").
_EN_NEVER_FIRST = word_set("""
    together among amid around per across toward towards via despite during through s
    """)
# English words that cannot end a source.
_EN_BAD_LAST = word_set("""
    and or but of to in on at for with by from the a an that which who whose as than
    said says say told
    don't didn't doesn't won't can't isn't wasn't aren't weren't wouldn't couldn't
    don’t didn’t doesn’t won’t can’t isn’t wasn’t aren’t weren’t wouldn’t couldn’t
    often also repeatedly frequently again recently later then now publicly privately
    previously once still
    """)
_EN_RELATIVE = word_set("who which that whose whom")
# Words that, with a number and nothing else, count without naming.
_EN_QUANTIFIERS = word_set("all both each some many most few several the a an any no none of")
# Words that name nobody alone: a quantifier, a preposition or an adjective
# the tagger cut from a phrase ("More (offering web access)", "Over", "important"),
# a subordinator, a time ("Earlier", "Sunday": when, not who) or a sentence adverb.
_EN_NOT_ALONE = word_set("""
    more less fewer most much over under about after before during important
    without like unlike whenever wherever whether however meanwhile usually seldom
    this these what how why let last no wow
    earlier later today yesterday tomorrow tonight
    monday tuesday wednesday thursday friday saturday sunday
    """)
# Titles that name nobody alone.
_EN_TITLES = word_set("mr mrs ms dr sen rep gov gen lt col sgt")
# Subject pronouns: "the top 33 percent rate he" ends in the speaker.
_EN_SUBJECT = word_set("he she they we i")
# Articles of the Latin-script languages the tagger reads.
_ARTICLES = word_set("le la les l el los las lo il der die das den un une des ein eine")
# A lowercase word followed by one of these is a verb with its object, not
# the head of a noun phrase: "features a New York Times", "replacing it",
# "including the one", "represents more than", "recalled Mr. Obama". (A noun is followed by a
# preposition often, "officials in the region", by a determiner never.)
_EN_OBJECT_START = word_set("""
    a an the it them him its his their what whether more mr mrs ms dr
    """)
# ... except after these, which start noun phrases: "all the candidates",
# "many more voters". ("officials this week": "this" is not in the list.)
_EN_PREDETERMINERS = word_set("all both half such many much some several no any")
# Before a last "-ed" word these make it a noun ("the accused", "those
# detained"); after any other word it is the verb of a clause ("agent obtained").
_EN_DETERMINERS = word_set("the a an this that these those his her their its our my your") \
    | _EN_PREDETERMINERS
# A lowercase "-ed" or "-ing" word followed by one of these is a verb with its
# complement: "appeared in", "forced to defend", "cutting off", "compared to".
_EN_VERB_PARTICLES = word_set("""
    to in on at for with by from into over about off out up down near onto upon after
    before against
    """)
# Reporting verbs that are never part of a name: "said all 23" is a fragment.
_EN_SPEECH = word_set("said says told tells added adds spoke speaks")
_MAX_WORDS = 16
# Capitalised words that open a sentence, not a name ("However, a senior
# adviser ..."), beside the function words of _EN_BAD_FIRST, which
# plausible_source rejects anyway; with the months and days, which open a
# date ("Jan. 5, ...").
_EN_NOT_NAME_FIRST = frozenset("""
    however meanwhile still moreover indeed later earlier today yesterday last first
    after before
    monday tuesday wednesday thursday friday saturday sunday jan feb mar apr may jun
    jul aug sep sept oct nov dec january february march april june july august
    september october november december
""".split())

# Arabic words that are never a whole source: fused pronoun particles, the
# "name" of "طلب عدم ذكر اسمه", demonstratives.
_AR_NOT_SOURCE = lexicon_ar.PRONOUN_SUBJECTS | word_set("""
    اسمه اسمها هويته هويتها هذا هذه ذلك تلك
    مرارا تكرارا ايضا سابقا لاحقا مجددا رسميا صراحة علنا ردا قد وقد لقد فقد
    بالقول يتسن
    """)
# A day is when, not who ("يوم الثلاثاء"; lexicon_ar.DAY_WORDS, DAY_NAMES).
_AR_DAY_FIRST = lexicon_ar.DAY_WORDS | frozenset("و" + w for w in lexicon_ar.DAY_WORDS)
# "لمحبيه", "لمتابعيه", "لأنصاره": to whom the speaker spoke, one word.
_AR_LISTENER_WORD = re.compile(r"ل[ما]\w{2,}(?:ه|ها|هم|هن)")
# A preposition with its conjunction or pronoun: "فيها", "وإلى", "عليه", "خلالها".
_AR_PREPOSITION = re.compile(
    r"[وف]?(?:في|من|عن|علي|الي|مع|منذ|لدي|خلال|ب|ل)(?:ه|ها|هم|هما|هن)?")
# Words that cannot open an Arabic source: prepositions, particles, "ما".
_AR_BAD_FIRST = word_set("""
    عن من علي الي في مع منذ حول بشكل بها به لها له بخصوص حيث اذ ما وما قد وقد لقد اي
    وبحسب بحسب حسب كما ان انه انها
    كيف لماذا متي اين هل ماذا وكيف ولماذا
    """)
# An imperfect verb opening a "source" with a preposition after it
# ("ويستعد ترامب للقاء", "يختفي سامي تاركا لهما رسالة", "يطلق عليها اسم"):
# the rules took a clause for a name. Forms V, VI and X by their prefixes,
# other forms by ي and a consonant. Foreign names take these shapes too
# (يسرائيل كاتس, يتسحاق هرتسوغ, ويتكوف, يديعوت أحرونوت), so the shape alone
# refuses nothing: a clause also holds a preposition or a pronoun on one.
_AR_VERB_FIRST = re.compile(r"و?(?:يت|تت|يست|تست)\w{2,}|ي[^اوىئ]\w{2,}")
_AR_NAMES_OF_VERB_SHAPE = word_set("يحيي يحيى يزيد يعقوب يسري يسرى يمني يمنى يعرب يمان")
# Words that cannot end an Arabic source: a conjunction or preposition left
# hanging ('"ديزني" و', "الطائرات المعادية ومهاجمتها من دون"). Not "على",
# which is also the name Ali ("محمد علي").
_AR_BAD_LAST = word_set("و او ثم عن من الي في مع دون بين")


# Lowercase words in "-ly" that are nouns, not adverbs: a source may end in
# one ("a close ally", "the victim's family").
_EN_LY_NOUNS = word_set("""
    ally rally family assembly supply monopoly anomaly daily weekly monthly quarterly
    homily bully belly lily folly jelly reply elderly
    """)


def _adverb(word: str) -> bool:
    """Whether ``word`` (as written) is an English adverb in "-ly": "Mr
    Brown allegedly", "the president repeatedly" end before it."""
    return len(word) > 4 and word.islower() and word.endswith("ly") \
        and word not in _EN_LY_NOUNS


# A Turkish relative participle ending a source: "X yaptığı açıklamada" (in
# the statement X made), "X'in verdiği bilgiye göre".
_TR_PARTICIPLE = re.compile(
    r"(?:^|\s+)\w+(?:dığı|diği|duğu|düğü|tığı|tiği|tuğu|tüğü|dıkları|dikleri|dukları|dükleri|"
    r"tıkları|tikleri|tukları|tükleri)\s*$")


# A change of a figure ("a drop from 76 percent", "up from 40 percent"):
# the poll's earlier number, not who answered.
_EN_CHANGE = re.compile(
    r"^(?:(?:a|an|the)\s+)?(?:drop|rise|increase|decline|decrease|fall|jump|gain|"
    r"change|up|down)\s+(?:from|of)\b", re.IGNORECASE)


# Persian (read by the tagger alone): words that are no source on their own
# (the complementiser, light verbs, "there", "false", the months of the
# Iranian calendar), words that cannot open one (prepositions), and words a
# source does not end with (particles the tagger drags along: "وی هم",
# "سردار نقدی نیز", "خبرنگار الجزیره که").
# (Not "مهر": it is also the Mehr news agency, "به گزارش مهر".)
_FA_MONTHS = frozenset(
    "فروردین اردیبهشت خرداد تیر مرداد شهریور آبان آذر دی بهمن اسفند".split())
_FA_DAYS = frozenset(
    "شنبه یکشنبه دوشنبه سه‌شنبه چهارشنبه پنجشنبه پنج‌شنبه جمعه امروز دیروز".split())
_FA_NOT_SOURCE = frozenset(
    "داشت کرد کرده شد شده است بود این آن آنجا اینجا کذب پیشین توئیتی خود".split())
_FA_BAD_FIRST = frozenset("با به در از برای بر تا طی ضمن".split())
# Trailing words the tagger takes from what follows a source: particles, a
# time ("وزارت بهداشت ایران روز" from "روز دوشنبه", "برای نخستین بار"), the
# first half of a verb written apart ("پیش بینی کرد") and the reflexive
# ("مجتهد شبستری خود": "his own").
_FA_TRAILING = frozenset("که و هم نیز در با به از را روز شب صبح بار پیش خود".split()) \
    | (_FA_DAYS - {"امروز", "دیروز"})
# Where the source spoke, after "در" ("علیرضا معزی ... در توئیتی": in a tweet).
_FA_WHERE = frozenset(
    "توئیتی توییتی بیانیه‌ای پیامی مصاحبه‌ای گفتگویی گفت‌وگویی نامه‌ای یادداشتی".split())
_FA_VERB_PREFIXES = ("می‌", "نمی‌", "خواهد", "نخواهد")
_FA_WORD = re.compile(r"[^\s،,«»\"]+")


def _persian(text: str) -> bool:
    """:func:`plausible_source` for a Persian source as written (its words
    split at spaces: "سه‌شنبه" is one word)."""
    words = text.replace("،", " ").replace(",", " ").split()
    if not words or words[0] in _FA_BAD_FIRST or words[-1] in _FA_TRAILING \
            or words[-1] in _FA_WHERE or words[0] in _FA_MONTHS or words[0] in _FA_DAYS \
            or words[0][0].isdigit():
        return False  # "پنجشنبه ۲۰ خرداد", "خرداد 1400", "۷": a date, a number
    if len(words) == 1 and (words[0] in _FA_NOT_SOURCE or words[0].endswith(("اً", "انه"))):
        return False  # "که", "صراحتاً", "سوگمندانه"
    return not words[0].startswith(_FA_VERB_PREFIXES)  # "می‌پردازد", "نخواهد زد": a verb


def _trim_persian(text: str) -> tuple[int, int] | None:
    """A Persian source without the particles, times and places of speech it
    ends with ("وی هم" -> "وی", "وزارت بهداشت ایران روز" -> "وزارت بهداشت
    ایران"), when what is left is plausible."""
    words = list(_FA_WORD.finditer(text))  # "سه‌شنبه" is one word, as in _persian
    whole = len(words)
    while words and (words[-1].group() in _FA_TRAILING or words[-1].group() in _FA_WHERE):
        words.pop()
    if not words or len(words) == whole:
        return None  # nothing to cut: the source itself is no name
    span = (words[0].start(), words[-1].end())
    return span if _persian(text[span[0]:span[1]]) else None


def plausible_source(text: str, lang: str) -> bool:
    """Whether ``text``, a source as written, can name a speaker in ``lang``.

    Examples
    --------
    >>> plausible_source("The Bank of Corvania", "en"), plausible_source("he", "en")
    (True, True)
    >>> plausible_source("said all 23", "en"), plausible_source("لكنه", "ar")
    (False, False)
    """
    if _URL.search(text):
        return False
    if lang == "fa":
        return _persian(text)
    if lang == "ar" or re.search(r"[\u0600-\u06FF]", text):
        return _arabic(text)
    return not _EN_CHANGE.match(text.strip()) and _english(text)


def trim_source(text: str, lang: str) -> tuple[int, int] | None:
    """The part of ``text`` (a source as written) that names a speaker, as
    offsets into ``text``; None when no part does.

    English sources are cut before a verb ("Brafman had basically" ->
    "Brafman", "Morton Blackwell, the icon who founded" -> "Morton
    Blackwell, the icon") and stripped of leading and trailing function
    words ("which he" -> "he"); a relative or personal pronoun alone
    ("who", "he") stays, to be resolved to whom it refers. A source of more
    than 16 words that no cut makes plausible is the name before its first
    comma, when that is one ("Larry Cohen, a senior adviser to ... and past
    president of ..." -> "Larry Cohen").
    """
    if lang == "tr":
        participle = _TR_PARTICIPLE.search(text)
        if participle:
            # "Tur şirketi Anka Turizm yaptığı (açıklamada)": the company, not
            # the statement it made; a participle alone names nobody
            rest = text[:participle.start()].rstrip()
            return trim_source(rest, lang) if rest else None
    if plausible_source(text, lang):
        return (0, len(text))
    if _URL.search(text):
        return None
    if lang == "fa":
        return _trim_persian(text)
    if lang == "ar" or re.search(r"[\u0600-\u06FF]", text) or _EN_CHANGE.match(text.strip()):
        return None
    words = list(WORD.finditer(text))
    cut = _cut_latin(text, words, lang)
    if cut is None and len(words) > _MAX_WORDS:
        return _name_before_apposition(text, lang)
    return cut


def _name_before_apposition(text: str, lang: str) -> tuple[int, int] | None:
    """The words before the first comma of ``text`` when they are a name:
    every word capitalised, the first no lead-in ("However, ...")."""
    comma = text.find(",")
    head = list(WORD.finditer(text, 0, comma)) if comma > 0 else []
    if not head or not all(m.group()[:1].isupper() for m in head) \
            or head[0].group().lower() in _EN_NOT_NAME_FIRST:
        return None
    span = (head[0].start(), head[-1].end())
    return span if plausible_source(text[span[0]:span[1]], lang) else None


def _cut_latin(text: str, words: list[re.Match[str]], lang: str) -> tuple[int, int] | None:
    """:func:`trim_source` for a source in a Latin-script language that is
    not plausible as written: its words cut before a verb and stripped of
    function words."""
    low = [m.group().lower() for m in words]
    if low and low[0] in _EN_NEVER_FIRST:
        return None
    contraction = _CONTRACTION.search(words[-1].group()) if words else None
    if contraction:
        # "I'm (telling you)", "and they’re (hopeful)", "who'd (endorsed)": the
        # pronoun, cut as any source would be
        end = words[-1].start() + contraction.start() + len(contraction.group(1))
        return trim_source(text[:end], lang)
    if words and _possessive(words[-1].group()) and len(words[-1].group()) > 2:
        # "Tulsa police’s (earlier claim)", "he’s (said)": the possessor, or
        # the subject before a contracted "has"
        cut = (0, words[-1].end() - 2)
        return cut if plausible_source(text[:cut[1]], lang) else None
    if _ends_in_pronoun(low):
        # "the top 33 percent rate he proposed": the tagger took in the
        # words before the speaker, who is the pronoun
        return (words[-1].start(), words[-1].end())
    end = len(words)
    for k in range(1, len(words)):
        word = low[k]
        if word in _EN_RELATIVE and k + 1 < len(words):
            end = k
            break
        if ((word in FINITE and not surname(words[k - 1].group(), words[k].group(),
                                            words[k + 1].group() if k + 1 < len(words) else None))
                or (word in PAST and words[k].group().islower()) or word in _EN_SPEECH
                or (word.endswith(("ed", "ing")) and word == words[k].group() and len(word) > 4)):
            end = k  # "Ivana Trump filed" too: a lowercase "-ed" word
            break
    start = 0
    while start < end and low[start] in _EN_BAD_FIRST:
        start += 1
    while end > start and (low[end - 1] in _EN_BAD_LAST or _adverb(words[end - 1].group())):
        end -= 1
    if start >= end or end - start > _MAX_WORDS:
        return None
    if low[0] in _EN_CLAUSE_START:
        return None  # "It's worth": a clause, not a name
    span = (words[start].start(), words[end - 1].end())
    return span if plausible_source(text[span[0]:span[1]], lang) else None


# A verb contracted onto a pronoun that ends a source: "I'm", "they’re",
# "we've", "she'll", "who'd" ("'s" is read as a possessive, see _possessive;
# "Sa'd" is a name).
_CONTRACTION = re.compile(r"(?:^|(?<=\W))(i|you|we|they|he|she|it|who)['’](?:m|re|ve|ll|d)\Z",
                          re.IGNORECASE)


def _possessive(word: str) -> bool:
    return word.endswith(("'s", "’s")) and word.lower() not in _EN_CLAUSE_START


def _verb_with_object(written: list[str], words: list[str]) -> bool:
    """Whether a source's words open with a lowercase verb and its object or
    complement ("features a New York Times", "replacing it with softer
    language", "forced to defend"): the tagger took a fragment of a clause."""
    if len(words) < 2 or not written[0].islower():
        return False
    if words[1] in _EN_OBJECT_START and words[0] not in _EN_PREDETERMINERS:
        return True
    return (words[0].endswith(("ed", "ing")) and len(words[0]) > 4
            and words[1] in _EN_VERB_PARTICLES)


def _ends_in_pronoun(low: list[str]) -> bool:
    """Whether lowercased words end in a subject pronoun after other words
    ("the top 33 percent rate he"), not in a list of speakers ("Obama and he")."""
    return len(low) > 1 and low[-1] in _EN_SUBJECT and low[-2] not in ("and", "or")


def _english(text: str) -> bool:
    matches = list(WORD.finditer(text))
    written = [m.group() for m in matches]
    words = [w.lower() for w in written]
    if not words or len(words) > _MAX_WORDS:
        return False
    if len(words) == 1 and (words[0] in _EN_RELATIVE):
        return True  # "who": resolved to whom it refers
    if words[0] in _EN_RELATIVE:
        return False  # "who sat for an interview": a relative clause (trim_source cuts it)
    if len(words) == 1 and (words[0] in _EN_TITLES or words[0] in _EN_NOT_ALONE):
        return False  # "Mr": a title whose name was cut off; "More", "Over"
    if any(w.isdigit() for w in words) and all(w.isdigit() or w in _EN_QUANTIFIERS
                                               for w in words):
        return False  # "all 23" (of "said all 23 warning sirens"): a count, no name
    if words[0] in _EN_BAD_FIRST or words[0] in _EN_NEVER_FIRST or words[-1] in _EN_BAD_LAST \
            or (len(words) > 1 and _adverb(written[-1])):
        return False
    if len(words) == 1 and words[0] in _ARTICLES:
        return False  # "le", "die": the tagger cut a name short
    if len(words) == 1 and words[0].endswith("ly") and text[:1].islower():
        return False  # "periodically"
    if written[0].islower() and (words[0] in FINITE or words[0] in PAST or (
            len(words) == 1 and words[0].endswith(("ed", "ing")))):
        return False  # "is", "began", "has he", "supporting": a verb, not a name
    if _verb_with_object(written, words):
        return False  # "features a New York Times", "appeared in the journal"
    if _possessive(written[-1]) or _CONTRACTION.search(written[-1]):
        return False  # "Tulsa police’s", "I'm": the possessor, the pronoun; see trim_source
    if _ends_in_pronoun(words):
        return False  # "the top 33 percent rate he": see trim_source
    in_relative = False  # a relative pronoun came earlier: its verb is no clause of ours
    for k, word in enumerate(words):
        if word in _EN_SPEECH:
            return False
        if k > 0 and not in_relative:
            past = written[k].islower() and (word in PAST
                                             or (word.endswith("ed") and len(word) > 4))
            if (past and written[k - 1][:1].isupper()
                    and text[matches[k].start() - 1].isspace()):  # not "Republican-controlled"
                return False  # "Ivana Trump filed legal papers": a clause
            if (past and k == len(words) - 1 and words[k - 1] not in _EN_DETERMINERS
                    and not words[k - 1].endswith("ly")):
                return False  # "The FBI agent obtained (a photo ...)": a clause ("the
                # newly elected" stays); trim_source cuts
            # "The governor's office has faced criticism": a clause, unless the
            # verb is inside a relative clause ("a source who was not authorised").
            if word in FINITE and not surname(written[k - 1], written[k],
                                              written[k + 1] if k + 1 < len(written) else None):
                return False
        in_relative = in_relative or word in _EN_RELATIVE
    return True


def _arabic(text: str) -> bool:
    written = WORD.findall(text)
    words = [normalize_arabic_word(w) for w in written]
    if not words:
        return False
    if len(words) == 1 and (words[0] in _AR_NOT_SOURCE or _AR_LISTENER_WORD.fullmatch(words[0])):
        return False  # "لكنه", "فقد قال", "وتابع بالقول", "أعلن لمحبيه", "لم يتسن"
    if any(ch.isdigit() for ch in words[0]):
        return False  # "تقدر بـ72 مليار": a number is nobody
    if words[0] in _AR_DAY_FIRST and (len(words) == 1 or words[1] in lexicon_ar.DAY_NAMES):
        return False  # "يوم الثلاثاء": a time
    if words[0] in _AR_BAD_FIRST or (_AR_PREPOSITION.fullmatch(words[0]) and not (
            written[0] == "والي" and len(words) > 1)):
        # "والي الولاية" is the province's governor; "وإلى" folds to the
        # same letters, so the word as written decides.
        return False
    if words[-1] in _AR_BAD_LAST:
        return False
    if _AR_VERB_FIRST.fullmatch(words[0]) and words[0] not in _AR_NAMES_OF_VERB_SHAPE \
            and any(_AR_PREPOSITION.fullmatch(w) or w.startswith("لل") for w in words[1:]):
        return False  # "ويستعد ترامب للقاء", "يطلق عليها اسم": a verb and its clause
    # A listener ("للجزيرة نت", "لرويترز") is who heard it, not who said it.
    return not words[0].startswith(lexicon_ar.RECIPIENT_PREFIXES + ("لل",))
