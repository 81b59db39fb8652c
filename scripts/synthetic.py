"""Synthetic NLI pairs made by editing one sentence (Arabic and English).

News contradictions are often a single change: a number ("1,200 workers" vs
"700 workers"), a negation ("has reduced output" vs "has not reduced
output"), an opposite word ("prices rose" vs "prices fell"). The NLI corpora
have few such minimal pairs, so :func:`synthetic_pairs` makes them from
sentences the caller gives (for training: premises of the ``train`` splits
only), together with minimal pairs that are *not* contradictions, so that a
model cannot learn "nearly identical means contradiction":

=================  ==============================================  =============
edit               example                                         label
=================  ==============================================  =============
``number``         "killed 12 people" → "killed 30 people"          contradiction
``negation``       "the talks will resume" → "... will not ..."    contradiction
``antonym``        "exports rose" → "exports fell"                 contradiction
``digits``         "٢٠٠٠" ↔ "2000", "2,000" ↔ "2000"               entailment
``clause``         "A, B" → "A" (the whole entails its first part) entailment
``clause-reverse`` "A" → "A, B" (the part does not give B)         neutral
=================  ==============================================  =============

Edits that keep the meaning or drop a detail, so that a model does not learn
"any small difference is a contradiction" (a model trained without them read
"Sixteen civilians were killed" against "16 civilians were killed", or a
sentence against itself without "on Friday", as contradictions); not in the
default :data:`EDITS`, see :data:`DETAIL_EDITS`:

=================  ==============================================  =============
``number-words``   "16 civilians" ↔ "sixteen civilians" (English)   entailment
``drop-detail``    "... were killed on Friday" → "... were killed"  entailment
                   (a weekday or "yesterday"; a count before a
                   plural noun in English: "16 civilians" →
                   "civilians")
``add-detail``     the reverse: the detail is not given             neutral
``hedge``          "16 civilians" → "at least 16 civilians"         entailment
``unhedge``        the reverse: a bound does not give the value     neutral
=================  ==============================================  =============

Each edit is a small set of regular rules written for this project; a rule
that does not apply to a sentence yields nothing, so no sentence is ever
forced into an edit. Everything is deterministic for a given ``seed``.
"""

from __future__ import annotations

import random
import re
from collections import Counter
from collections.abc import Iterable, Sequence

EDITS = ("number", "negation", "antonym", "digits", "clause", "clause-reverse")
DETAIL_EDITS = ("number-words", "drop-detail", "add-detail", "hedge", "unhedge")
ALL_EDITS = EDITS + DETAIL_EDITS
LABEL_OF = {"number": "contradiction", "negation": "contradiction", "antonym": "contradiction",
            "digits": "entailment", "clause": "entailment", "clause-reverse": "neutral",
            "number-words": "entailment", "drop-detail": "entailment", "add-detail": "neutral",
            "hedge": "entailment", "unhedge": "neutral"}
# Edits whose pair is read the other way round: the edited text is the premise.
_REVERSED = frozenset({"clause-reverse", "add-detail", "unhedge"})

_AR_DIGITS = "٠١٢٣٤٥٦٧٨٩"
TO_ARABIC_INDIC = str.maketrans("0123456789", _AR_DIGITS)
_TO_EN = str.maketrans(_AR_DIGITS, "0123456789")

# A number with a hedge before it ("more than 50", "نحو 20") is a bound, not a
# value, so changing it need not contradict; such numbers are left alone.
_HEDGES = re.compile(
    r"(?<!\w)(?:more than|less than|fewer than|at least|at most|over|under|about|around|nearly|"
    r"almost|up to|some|approximately|roughly|أكثر من|اكثر من|أقل من|اقل من|نحو|حوالي|"
    r"قرابة|زهاء|ما يزيد على|ما يزيد عن|ما لا يقل عن|أزيد من|حتى)\s*$",
    re.IGNORECASE,
)
_NUMBER = re.compile(r"(?<![\w.,-])([0-9٠-٩]{1,3}(?:,[0-9]{3})+|[0-9٠-٩]+)(?![\w]|[.,][0-9٠-٩])")

_EN_AUX = re.compile(
    r"\b(is|are|was|were|has|have|had|will|can|could|would|should|does|did|do|must)\b"
    r"(?! not\b|n't)", re.IGNORECASE)
_EN_NOT = re.compile(r"\b(is|are|was|were|has|have|had|will|can|could|would|should|does|did"
                     r"|do|must) not\b", re.IGNORECASE)
# Arabic: future "سوف" → "لن", existence and "كان" / "تم" negated, "لا" before
# an imperfect verb added or removed. Words that start with ي but are not
# verbs are listed so that "لا" is never put before them.
_AR_FIXED = (
    (re.compile(r"(?<!\w)سوف(?=\s)"), "لن"),
    (re.compile(r"(?<!\w)هناك(?!\w)"), "ليس هناك"),
    (re.compile(r"(?<!\w)(يوجد|توجد)(?!\w)"), r"لا \1"),
    (re.compile(r"(?<!\w)تم(?!\w)"), "لم يتم"),
    (re.compile(r"(?<!\w)تمت(?!\w)"), "لم تتم"),
    (re.compile(r"(?<!\w)(?<!قد )كان(?!\w)"), "لم يكن"),
    (re.compile(r"(?<!\w)(?<!قد )كانت(?!\w)"), "لم تكن"),
    (re.compile(r"(?<!\w)(?:لا|لن) (?=[يت]\w{2,})"), ""),
)
_AR_NOT_VERBS = frozenset(
    "يوم يوما يومي يومين يومية يونيو يوليو يناير يد يده يدي يمين يسار يهود يهودي يورو"
    " يمكن يجب ينبغي يبدو يعني تقريبا تحت تلك تلقى تماما تاريخ تونس تركيا توقعات تقرير"
    " تجاه تشرين تموز".split())
_AR_IMPERFECT = re.compile(r"(?<![\w])(?<!لا )(?<!لم )(?<!لن )([يت][\u0621-\u064a]{3,})(?!\w)")

# Opposite words, each pair written both ways; only whole words are swapped.
_ANTONYM_PAIRS = (
    "increased decreased", "rose fell", "rising falling", "rises falls", "higher lower",
    "won lost", "wins loses", "win lose", "opened closed", "accepted rejected",
    "approved rejected", "agreed refused", "started stopped", "succeeded failed",
    "larger smaller", "bigger smaller", "largest smallest", "first last", "before after",
    "always never", "allowed banned", "strong weak", "stronger weaker", "increase decrease",
    "ارتفع انخفض", "ارتفعت انخفضت", "يرتفع ينخفض", "ترتفع تنخفض", "ارتفاع انخفاض",
    "زيادة تراجع", "فاز خسر", "فازت خسرت", "يفوز يخسر", "وافق رفض", "وافقت رفضت",
    "يوافق يرفض", "نجح فشل", "نجحت فشلت", "ينجح يفشل", "أكبر أصغر", "أكثر أقل",
    "الأولى الأخيرة", "الأول الأخير", "مفتوح مغلق", "مفتوحة مغلقة", "هادئ متوتر",
    "هادئة متوترة", "بدأ توقف", "بدأت توقفت", "قوي ضعيف", "قوية ضعيفة", "دائما أبدا",
    "السماح المنع", "سمح منع", "سمحت منعت",
)
_ANTONYM_OF: dict[str, str] = {}
for _pair in _ANTONYM_PAIRS:
    _a, _b = _pair.split()
    _ANTONYM_OF.setdefault(_a, _b)
    _ANTONYM_OF.setdefault(_b, _a)
_WORD = re.compile(r"[^\W\d_]+")

_SUBORDINATORS = re.compile(
    r"^\W*(?:if|although|though|when|while|because|since|as|unless|after|before|whether"
    r"|لو|إذا|اذا|عندما|رغم|بينما|لأن|لان|حين|منذ|إن|ان|كلما|مع أن)\b", re.IGNORECASE)


def _is_arabic(text: str) -> bool:
    letters = [c for c in text if c.isalpha()]
    return bool(letters) and sum("\u0600" <= c <= "\u06ff" for c in letters) > len(letters) / 2


def change_number(sentence: str, rng: random.Random) -> str | None:
    """The sentence with one unhedged number replaced by a clearly different one."""
    found = [m for m in _NUMBER.finditer(sentence)
             if not _HEDGES.search(sentence[: m.start()])]
    if not found:
        return None
    m = rng.choice(found)
    raw = m.group(1)
    arabic_digits = raw[0] in _AR_DIGITS
    value = int(raw.translate(_TO_EN).replace(",", ""))
    if 1900 <= value <= 2100 and "," not in raw:  # a year: move it by a few years
        new = value + rng.choice((-3, -2, -1, 1, 2, 3))
    else:
        new = max(0, round(value * rng.choice((0.25, 0.5, 2, 3, 4)))) + (value < 4) * 4
        if new == value:
            new = value + 7
    text = f"{new:,}" if "," in raw else str(new)
    if arabic_digits:
        text = text.translate(TO_ARABIC_INDIC)
    return sentence[: m.start()] + text + sentence[m.end():]


def convert_digits(sentence: str) -> str | None:
    """The same numbers in another form: Arabic-Indic ↔ Western digits for
    Arabic text, thousands separators added or dropped for other text."""
    if not _NUMBER.search(sentence):
        return None
    if _is_arabic(sentence):
        if any(c in _AR_DIGITS for c in sentence):
            return sentence.translate(_TO_EN)
        return sentence.translate(TO_ARABIC_INDIC)

    def regroup(m: re.Match) -> str:
        raw = m.group(1)
        if "," in raw:
            return raw.replace(",", "")
        value = int(raw.translate(_TO_EN))
        return f"{value:,}" if value >= 10_000 else raw

    out = _NUMBER.sub(regroup, sentence)
    return out if out != sentence else None


def negate(sentence: str, rng: random.Random) -> str | None:
    """The sentence with its main statement negated, or a negation removed."""
    if _is_arabic(sentence):
        options = []
        for pattern, repl in _AR_FIXED:
            m = pattern.search(sentence)
            if m:
                options.append(sentence[: m.start()] + m.expand(repl) + sentence[m.end():])
        for m in _AR_IMPERFECT.finditer(sentence):
            if m.group(1) not in _AR_NOT_VERBS:
                options.append(sentence[: m.start()] + "لا " + sentence[m.start():])
                break
        return rng.choice(options) if options else None
    m = _EN_NOT.search(sentence)
    if m:
        return sentence[: m.start()] + m.group(1) + sentence[m.end():]
    m = _EN_AUX.search(sentence)
    if m:
        return sentence[: m.end()] + " not" + sentence[m.end():]
    return None


def swap_antonym(sentence: str, rng: random.Random) -> str | None:
    """The sentence with one word replaced by its opposite."""
    found = [m for m in _WORD.finditer(sentence) if m.group().lower() in _ANTONYM_OF]
    if not found:
        return None
    m = rng.choice(found)
    word = m.group()
    swap = _ANTONYM_OF[word.lower()]
    if word[:1].isupper():
        swap = swap[:1].upper() + swap[1:]
    return sentence[: m.start()] + swap + sentence[m.end():]


def first_clause(sentence: str) -> str | None:
    """The part before the first comma when it reads as a statement of its own
    (at least five words, not a subordinate clause)."""
    for sep in (", ", "، "):
        head, found, _ = sentence.partition(sep)
        if found and len(head.split()) >= 5 and not _SUBORDINATORS.match(head):
            return head.rstrip() + ("." if not _is_arabic(head) else "")
    return None


_EN_NUMBER_WORDS = dict(enumerate(
    "zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen "
    "fifteen sixteen seventeen eighteen nineteen twenty".split()))
_EN_NUMBER_WORDS.update({10 * k: w for k, w in zip(
    range(3, 10), "thirty forty fifty sixty seventy eighty ninety".split())})
_EN_NUMBER_VALUES = {w: n for n, w in _EN_NUMBER_WORDS.items()}
_EN_NUMBER_WORD = re.compile(r"\b(" + "|".join(sorted(_EN_NUMBER_VALUES, key=len, reverse=True))
                             + r")\b(?=\s+[a-z])", re.IGNORECASE)
_SMALL_NUMBER = re.compile(r"(?<![\w.,$£€-])([0-9]{1,2})(?![\w%]|[.,][0-9])(?=\s+[a-z])")


def number_words(sentence: str, rng: random.Random) -> str | None:
    """One English count written the other way: "16 civilians" ↔ "sixteen
    civilians" (numbers up to twenty and the tens; capitalised at the start)."""
    if _is_arabic(sentence):
        return None
    options = []
    for m in _SMALL_NUMBER.finditer(sentence):
        word = _EN_NUMBER_WORDS.get(int(m.group(1)))
        if word and int(m.group(1)) > 1:
            options.append((m, word.capitalize() if m.start() == 0 else word))
    for m in _EN_NUMBER_WORD.finditer(sentence):
        if m.group(1).lower() not in ("zero", "one"):
            options.append((m, str(_EN_NUMBER_VALUES[m.group(1).lower()])))
    if not options:
        return None
    m, text = rng.choice(options)
    return sentence[: m.start()] + text + sentence[m.end():]


_DAYS_EN = "Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday"
_DAYS_AR = "الاثنين|الإثنين|الثلاثاء|الأربعاء|الاربعاء|الخميس|الجمعة|السبت|الأحد|الاحد"
_DETAILS = (
    re.compile(rf",?\s+(?:on|last|this|early|late)\s+(?:{_DAYS_EN})"
               r"(?:\s+(?:morning|afternoon|evening|night))?(?=[\s,.;]|$)"),
    re.compile(r",?\s+(?:yesterday|last night|earlier this week)(?=[\s,.;]|$)"),
    re.compile(rf"\s+(?:يوم|مساء|صباح|فجر|ليل|ليلة)?\s*(?:{_DAYS_AR})(?:\s+الماضي)?(?=[\s،.]|$)"),
    re.compile(r"\s+(?:أمس|مساء أمس|صباح أمس)(?=[\s،.]|$)"),
)
# A count before an English plural noun: "16 civilians were killed".
_EN_COUNT = re.compile(r"(?:(?<=^)|(?<=\s))(?:[0-9]{1,3}(?:,[0-9]{3})*|" + "|".join(
    w for n, w in _EN_NUMBER_WORDS.items() if n > 1) + r")\s+(?=[a-z]+s\b)", re.IGNORECASE)


def drop_detail(sentence: str, rng: random.Random) -> str | None:
    """The sentence without one detail that the rest does not need: a day
    ("on Friday", "يوم الجمعة", "yesterday", "أمس") or, in English, the count
    of a plural noun ("16 civilians" → "civilians"). The whole entails it."""
    options = [m for pattern in _DETAILS for m in pattern.finditer(sentence)]
    if not _is_arabic(sentence):
        options += [m for m in _EN_COUNT.finditer(sentence)
                    if not _HEDGES.search(sentence[: m.start()])]
    if not options:
        return None
    m = rng.choice(options)
    out = sentence[: m.start()] + ("" if m.group().startswith((",", " ", "\t")) or m.start() == 0
                                   else " ") + sentence[m.end():]
    out = re.sub(r"\s{2,}", " ", out).strip()
    if m.start() == 0 and out[:1].islower():
        out = out[:1].upper() + out[1:]
    return out if len(out.split()) >= 3 else None


def hedge(sentence: str, rng: random.Random) -> str | None:
    """One unhedged count made a lower bound: "16 civilians" → "at least 16
    civilians", "16 مدنيا" → "ما لا يقل عن 16 مدنيا". The value entails the
    bound; the bound does not give the value (``unhedge``)."""
    found = [m for m in _NUMBER.finditer(sentence)
             if not _HEDGES.search(sentence[: m.start()])
             and not 1900 <= int(m.group(1).translate(_TO_EN).replace(",", "")) <= 2100]
    if not found:
        return None
    m = rng.choice(found)
    bound = "ما لا يقل عن " if _is_arabic(sentence) else "at least "
    if m.start() == 0 and not _is_arabic(sentence):
        bound = "At least "
    return sentence[: m.start()] + bound + sentence[m.start():]


def edit(sentence: str, kind: str, rng: random.Random) -> str | None:
    """Apply one edit kind (see :data:`EDITS`) to a sentence; None if it does not apply."""
    if kind == "number":
        out = change_number(sentence, rng)
    elif kind == "negation":
        out = negate(sentence, rng)
    elif kind == "antonym":
        out = swap_antonym(sentence, rng)
    elif kind == "digits":
        out = convert_digits(sentence)
    elif kind in ("clause", "clause-reverse"):
        out = first_clause(sentence)
    elif kind == "number-words":
        out = number_words(sentence, rng)
    elif kind in ("drop-detail", "add-detail"):
        out = drop_detail(sentence, rng)
    elif kind in ("hedge", "unhedge"):
        out = hedge(sentence, rng)
    else:
        raise ValueError(f"unknown edit {kind!r}: expected one of {list(ALL_EDITS)}")
    return out if out and out.strip() != sentence.strip() else None


def synthetic_pairs(sentences: Iterable[str], *, seed: int = 0,
                    kinds: Sequence[str] = EDITS, per_sentence: int = 1,
                    translations: dict[str, str] | None = None) -> list[dict]:
    """Labelled minimal pairs made from ``sentences``.

    Parameters
    ----------
    sentences : iterable of str
        Source sentences (premises), any of Arabic or English.
    seed : int
        Seeds every random choice; the same input and seed give the same pairs.
    kinds : sequence of str
        The edits to try (:data:`EDITS`, the default, or any of
        :data:`ALL_EDITS`), in random order per sentence.
    per_sentence : int
        At most this many pairs per sentence (each from a different edit).
    translations : dict, optional
        Sentence → its translation. For a contradiction edit the pair is then
        made across languages (the translation against the edited sentence),
        as claimcheck compares Arabic with English articles.

    Returns
    -------
    list of dict
        ``premise``, ``hypothesis``, ``label`` and ``edit`` per pair. For
        contradictions the two sides are put in random order (it is
        symmetric); for ``clause`` the whole sentence is the premise, for
        ``clause-reverse``, ``add-detail`` and ``unhedge`` the hypothesis.
    """
    unknown = [k for k in kinds if k not in ALL_EDITS]
    if unknown:
        raise ValueError(f"unknown edit(s) {unknown}: expected some of {list(ALL_EDITS)}")
    rng = random.Random(seed)
    pairs = []
    made_of: Counter = Counter()
    for sentence in sentences:
        if not isinstance(sentence, str) or not sentence.strip():
            continue
        # The edits that apply, the least used so far first (ties in random
        # order): negation applies to most sentences, numbers to few, and
        # this keeps the kinds as even as the sentences allow.
        order = list(kinds)
        rng.shuffle(order)
        order.sort(key=made_of.__getitem__)
        made = 0
        for kind in order:
            if made >= per_sentence:
                break
            edited = edit(sentence, kind, rng)
            if edited is None:
                continue
            made_of[kind] += 1
            label = LABEL_OF[kind]
            premise, hypothesis = sentence, edited
            if kind in _REVERSED:
                premise, hypothesis = edited, sentence
            elif label == "contradiction":
                if translations and sentence in translations:
                    premise = translations[sentence]
                if rng.random() < 0.5:
                    premise, hypothesis = hypothesis, premise
            pairs.append({"premise": premise, "hypothesis": hypothesis, "label": label,
                          "edit": kind})
            made += 1
    return pairs


__all__ = ["ALL_EDITS", "DETAIL_EDITS", "EDITS", "LABEL_OF", "change_number", "convert_digits",
           "drop_detail", "edit", "first_clause", "hedge", "negate", "number_words",
           "swap_antonym", "synthetic_pairs"]
