"""Whether an Arabic source names a speaker
(:mod:`claimcheck.text.attribution.wellformed` dispatches here): not a
particle or a fused pronoun, a time, a number, a listener or a verb with its
clause."""

from __future__ import annotations

import re

from claimcheck.text import lexicon_ar
from claimcheck.text.attribution.tokens import WORD, word_set
from claimcheck.text.normalize import normalize_arabic_word

# Arabic words that are never a whole source: fused pronoun particles, the
# "name" of "طلب عدم ذكر اسمه", demonstratives.
_NOT_SOURCE = lexicon_ar.PRONOUN_SUBJECTS | word_set("""
    اسمه اسمها هويته هويتها هذا هذه ذلك تلك
    مرارا تكرارا ايضا سابقا لاحقا مجددا رسميا صراحة علنا ردا قد وقد لقد فقد
    بالقول يتسن
    """)
# A day is when, not who ("يوم الثلاثاء"; lexicon_ar.DAY_WORDS, DAY_NAMES).
_DAY_FIRST = lexicon_ar.DAY_WORDS | frozenset("و" + w for w in lexicon_ar.DAY_WORDS)
# "لمحبيه", "لمتابعيه", "لأنصاره": to whom the speaker spoke, one word.
_LISTENER_WORD = re.compile(r"ل[ما]\w{2,}(?:ه|ها|هم|هن)")
# A preposition with its conjunction or pronoun: "فيها", "وإلى", "عليه", "خلالها".
_PREPOSITION = re.compile(
    r"[وف]?(?:في|من|عن|علي|الي|مع|منذ|لدي|خلال|ب|ل)(?:ه|ها|هم|هما|هن)?")
# Words that cannot open an Arabic source: prepositions, particles, "ما".
_BAD_FIRST = word_set("""
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
_VERB_FIRST = re.compile(r"و?(?:يت|تت|يست|تست)\w{2,}|ي[^اوىئ]\w{2,}")
_NAMES_OF_VERB_SHAPE = word_set("يحيي يحيى يزيد يعقوب يسري يسرى يمني يمنى يعرب يمان")
# Words that cannot end an Arabic source: a conjunction or preposition left
# hanging ('"ديزني" و', "الطائرات المعادية ومهاجمتها من دون"). Not "على",
# which is also the name Ali ("محمد علي").
_BAD_LAST = word_set("و او ثم عن من الي في مع دون بين")


def plausible(text: str) -> bool:
    """Whether ``text``, an Arabic source as written, can name a speaker.

    Examples
    --------
    >>> plausible("وزير الداخلية"), plausible("لكنه"), plausible("للجزيرة نت")
    (True, False, False)
    """
    written = WORD.findall(text)
    words = [normalize_arabic_word(w) for w in written]
    if not words:
        return False
    if len(words) == 1 and (words[0] in _NOT_SOURCE or _LISTENER_WORD.fullmatch(words[0])):
        return False  # "لكنه", "فقد قال", "وتابع بالقول", "أعلن لمحبيه", "لم يتسن"
    if any(ch.isdigit() for ch in words[0]):
        return False  # "تقدر بـ72 مليار": a number is nobody
    if words[0] in _DAY_FIRST and (len(words) == 1 or words[1] in lexicon_ar.DAY_NAMES):
        return False  # "يوم الثلاثاء": a time
    if words[0] in _BAD_FIRST or (_PREPOSITION.fullmatch(words[0]) and not (
            written[0] == "والي" and len(words) > 1)):
        # "والي الولاية" is the province's governor; "وإلى" folds to the
        # same letters, so the word as written decides.
        return False
    if words[-1] in _BAD_LAST:
        return False
    if _VERB_FIRST.fullmatch(words[0]) and words[0] not in _NAMES_OF_VERB_SHAPE \
            and any(_PREPOSITION.fullmatch(w) or w.startswith("لل") for w in words[1:]):
        return False  # "ويستعد ترامب للقاء", "يطلق عليها اسم": a verb and its clause
    # A listener ("للجزيرة نت", "لرويترز") is who heard it, not who said it.
    return not words[0].startswith(lexicon_ar.RECIPIENT_PREFIXES + ("لل",))


def trim(text: str) -> tuple[int, int] | None:
    """An Arabic source is kept whole (offsets into it) when
    :func:`plausible`, else refused: no cut makes a name of it."""
    return (0, len(text)) if plausible(text) else None
