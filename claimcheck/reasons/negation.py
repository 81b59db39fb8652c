"""Negation and denial cues that really negate (``negation`` reason)."""

from __future__ import annotations

import functools

from claimcheck.reasons.fold import (
    CACHE_SIZE,
    _content_word,
    _fold,
    _Folded,
    _is_arabic,
    _is_still,
    _words,
)

_NEGATORS = _words(
    """
    لا لم لن ليس ليست ليسوا لسنا لست عدم
    not no never none nobody nothing neither nor cannot without
    """
)
_DENIALS = _words(
    """
    نفي نفت ينفي تنفي ينف تنف نفوا ينفون نفيه
    denied denies deny denying refuted rejected dismissed
    """
)
# Negation and denial words are no subject: "not" shared is nothing shared.
_NOT_CONTENT = _NEGATORS | _DENIALS
# "لا يزال" means "still" (fold._is_still); "لا سيما" "especially"; "لا بد" "must".
_NOT_NEGATED_AFTER = _words("سيما بد يخفي only doubt")
# "the cause has not yet been determined", "it was not clear whether",
# "لم يتضح بعد", "غير معروف": what is not known is not said to be false, so
# such a cue gives a claim no polarity to clash with.
_NOT_KNOWN = _words("""
    determined known confirm confirmed established identified certain verified
    يتضح تتضح يتبين تتبين يعرف تعرف يعرفوا تتحدد يتحدد يحدد تحدد تحديد واضح واضحه
    واضحا معروف معروفه معروفا يتاكد تتاكد التاكد التحقق يؤكد تؤكد مؤكد مؤكده يتسن
    يستبعد تستبعد نستبعد
    """)
# "clear" and "rule" are "unknown" only as "not clear whether/who ...", "did
# not rule out": "no clear winner", "not clear of debris", "did not rule on
# the appeal" negate.
_NOT_KNOWN_CLEAR = _words("clear")
_WH = _words("whether if who what how why when where which")
_NOT_KNOWN_RULE = _words("rule ruled")
_NOT_KNOWN_SKIP = _words("""
    yet been be to immediately officially independently publicly يتم تم يكن بعد حتي الان
    رسميا
    """)
# Only a verbal negator can say "not known": "no known cases", "no confirmed
# cases" deny the cases.
_NOT_KNOWN_AFTER = _words("not never لم لا لن ليس ليست غير yet")


@functools.lru_cache(maxsize=CACHE_SIZE)
def _negations(folded: _Folded) -> tuple[str, ...]:
    """The negation cues of a text that really negate (as written)."""
    tokens = folded.tokens
    return tuple(folded.original[tokens[i].start : tokens[i].end]
                 for i in _negation_indices(folded))


def _bare(word: str) -> str:
    """A negation or denial word without the "و"/"ف" fused to it ("ولم",
    "ونفى"); any other word as it is."""
    if _is_arabic(word) and word[0] in "وف" and word[1:] in _DENIALS | _NEGATORS:
        return word[1:]
    return word


@functools.lru_cache(maxsize=CACHE_SIZE)
def _negation_indices(folded: _Folded) -> tuple[int, ...]:
    """Token positions of the negation cues of :func:`_negations`."""
    tokens = folded.tokens
    cues = []
    for i, tok in enumerate(tokens):
        w = tok.text
        nxt = tokens[i + 1].text if i + 1 < len(tokens) else ""
        bare = _bare(w)
        is_cue = (
            bare in _NEGATORS
            or bare in _DENIALS
            or w.endswith("n't")
            or (w == "yet" and nxt == "to")  # "had yet to be counted"
        )
        if bare == "غير":
            # The verb "غيّر" (changed) takes a definite or suffixed object;
            # the negating "غير" comes before an indefinite adjective
            # ("غير مقبولة": its "ة" folds to the pronoun's "ه", so the word
            # as written tells them apart). "غير أن" is "however".
            written = folded.original[tokens[i + 1].start:tokens[i + 1].end] if nxt else ""
            is_cue = (
                bool(nxt)
                and nxt not in ("ان", "انه", "انها")
                and not nxt.startswith("ال")
                and not (nxt.endswith(("ه", "ها", "هم")) and not written.endswith("ة"))
            )
        if not is_cue or nxt in _NOT_NEGATED_AFTER or _is_still(nxt):
            continue
        if _unknown_after(tokens, i):
            continue
        # "لن تغادرها إلا بعد ..." (will not leave until) asserts, not negates.
        if bare in ("لا", "لم", "لن", "ليس", "ليست") and any(
            t.text in ("الا", "سوي") for t in tokens[i + 1 : i + 8]
        ):
            continue
        cues.append(i)
    return tuple(cues)


def _unknown_after(tokens, i: int) -> bool:
    """Whether the verbal negator at ``i`` says that something is not known:
    a word of :data:`_NOT_KNOWN` right after it, past "yet", "been", "بعد"
    ... ("has not yet been determined", "لم يتضح بعد", "لم يتم تحديد",
    "could not be independently verified"), "clear" before a wh-word ("not
    immediately clear who fired") or "rule(d) out"."""
    word = tokens[i].text
    if _bare(word) not in _NOT_KNOWN_AFTER and not word.endswith("n't"):
        return False
    for k in range(i + 1, min(i + 6, len(tokens))):
        word = tokens[k].text
        if word in _NOT_KNOWN:
            return True
        if word in _NOT_KNOWN_CLEAR:
            return k + 1 < len(tokens) and tokens[k + 1].text in _WH
        if word in _NOT_KNOWN_RULE:
            return "out" in [t.text for t in tokens[k + 1:k + 3]]
        if word not in _NOT_KNOWN_SKIP:
            return False
    return False


@functools.lru_cache(maxsize=CACHE_SIZE)
def _content_keys(folded: _Folded) -> tuple[frozenset[str] | None, ...]:
    """Per token: its key set when it is a content word, else None."""
    return tuple(_content_word(tok.text, _NOT_CONTENT) for tok in folded.tokens)


def repeats_negated_phrase(text_a: str, text_b: str, *, window: int = 5) -> bool:
    """Whether one text negates a phrase the other states word for word.

    True when two content words in a row, within ``window`` words after a
    negation cue of one text, stand in a row in the other text too: "the
    commission had received **no formal complaints**" against "it had filed
    **formal complaints**", but not "**not Brightway workers**" against
    "140 workers were on the night shift at Brightway Garments". A negation
    and a shared word alone say little about whether two claims speak of
    one thing; a repeated phrase in the negation's scope does.
    """
    a, b = _fold(text_a), _fold(text_b)
    for x, y in ((a, b), (b, a)):
        cues = _negation_indices(x)
        if not cues:
            continue
        kx, ky = _content_keys(x), _content_keys(y)
        pairs_y = [(ky[j], ky[j + 1]) for j in range(len(ky) - 1)
                   if ky[j] is not None and ky[j + 1] is not None]
        if not pairs_y:
            continue
        for i in cues:
            for k in range(i + 1, min(i + window, len(kx) - 1)):
                first, second = kx[k], kx[k + 1]
                if first is not None and second is not None and any(
                        first & u and second & v for u, v in pairs_y):
                    return True
    return False


# Irregular English verbs news negates ("did not hold" / "held"): past
# forms and participles to the base.
_IRREGULAR = {form: base for base, forms in (
    ("hold", "held"), ("break", "broke broken"), ("sink", "sank sunk"),
    ("fall", "fell fallen"), ("leave", "left"), ("win", "won"), ("lose", "lost"),
    ("take", "took taken"), ("give", "gave given"), ("go", "went gone"),
    ("come", "came"), ("see", "saw seen"), ("pay", "paid"), ("say", "said"),
    ("keep", "kept"), ("meet", "met"), ("shoot", "shot"), ("fight", "fought"),
    ("catch", "caught"), ("flee", "fled"), ("find", "found"), ("hear", "heard"),
    ("bring", "brought"), ("buy", "bought"), ("begin", "began begun"),
    ("rise", "rose risen"), ("run", "ran"), ("sell", "sold"), ("send", "sent"),
    ("spend", "spent"), ("stand", "stood"), ("tell", "told"), ("build", "built"),
    ("burn", "burnt"), ("lead", "led"), ("fly", "flew flown"), ("know", "knew known"),
    ("speak", "spoke spoken"), ("write", "wrote written"), ("steal", "stole stolen"),
    ("strike", "struck"), ("throw", "threw thrown"), ("die", "died dead"),
    ("freeze", "froze frozen"), ("drive", "drove driven"),
) for form in forms.split()}
# Arabic imperfect prefixes ("يقتل", "تصمد") and past endings ("صمدت", "انسحبوا").
_AR_IMPERFECT = ("ي", "ت", "ن", "ا")
_AR_PAST_ENDINGS = ("وا", "ت", "ن", "ا")


def _base(word: str) -> str:
    """A folded word loosely reduced to what its other forms share."""
    if _is_arabic(word):
        if len(word) > 3 and word[0] in "وف":
            word = word[1:]
        if len(word) > 3 and word.startswith(_AR_IMPERFECT):
            word = word[1:]
        for ending in _AR_PAST_ENDINGS:
            if word.endswith(ending) and len(word) - len(ending) >= 3:
                return word[:-len(ending)]
        return word
    if word in _IRREGULAR:
        return _IRREGULAR[word]
    for suffix in ("ing", "ed", "es", "s"):
        if word.endswith(suffix) and len(word) - len(suffix) >= 3:
            word = word[:-len(suffix)]
            break
    word = _IRREGULAR.get(word, word)  # "holding" -> "hold"
    if len(word) > 3 and word[-1] == word[-2] and word[-1] not in "aeiouls":
        word = word[:-1]  # "stopped" -> "stopp" -> "stop"
    return word


def _loosely_same(a: str, b: str) -> bool:
    """Whether two folded words may be forms of one word: equal once
    reduced (:func:`_base`), or one reduced form the start of the other
    (English, four letters at least: "detain" / "detention") or inside it
    (Arabic, three letters at least: "توقف" / "وقف")."""
    a, b = _base(a), _base(b)
    if a == b:
        return True
    short, long = sorted((a, b), key=len)
    if _is_arabic(short):
        return len(short) >= 3 and short in long
    return len(short) >= 4 and long.startswith(short)


def negates_a_shared_word(text_a: str, text_b: str, *, reach: int = 2) -> bool:
    """Whether one text negates a word the other has: one of the first
    ``reach`` content words after a negation cue of one text is a form of
    a word of the other (:func:`_loosely_same`: "did not hold" / "held",
    "لم يقتل" / "قتل"). "the sirens had not sounded" / "all 23 sirens had
    sounded" negate one predicate; "the Budget would not put at risk the
    stability of the economy" / "Brown has failed to tackle unfairness in
    the tax system" share a name and a topic, and the negation is of
    something the other does not say. Two words reach the predicate and
    its first complement ("did not catch fire"); a third word reaches into
    what the negated predicate is about ("did nothing to fix the unfair
    tax" / "the council tax rebate was £300 less"). On the 840 PolNeAR
    train articles (84 a call, ``benchmarks/train_alarms.py``) a reach of 3
    let 46 pairs through to be reported, 2 let 38 (seven of the eight no longer reported are no
    clash), 1 let 31 but lost e2e dev contradictions.

    >>> negates_a_shared_word("the sirens had not sounded", "all 23 sirens had sounded")
    True
    >>> negates_a_shared_word("the drills will not approach the islands",
    ...                       "the drills are aimed at hostile moves")
    False
    >>> negates_a_shared_word("الهدنة لم تصمد", "صمدت الهدنة")
    True
    """
    a, b = _fold(text_a), _fold(text_b)
    for x, y in ((a, b), (b, a)):
        cues = _negation_indices(x)
        if not cues:
            continue
        keys_y = _content_keys(y)
        other = [t.text for t, k in zip(y.tokens, keys_y) if k is not None]
        pool: set[str] = set().union(*[k for k in keys_y if k is not None])
        keys = _content_keys(x)
        for i in cues:
            after = [(t.text, k) for t, k in zip(x.tokens[i + 1:], keys[i + 1:])
                     if k is not None][:reach]
            if any(k & pool or any(_loosely_same(word, w) for w in other)
                   for word, k in after):
                return True
    return False


def is_negated(text: str) -> bool:
    """Whether an Arabic or English text is negated: it has a negation cue
    ("not", "never", "no", لا، لم، لن، ليس، نفى ...), those the ``negation``
    reason reads, other than a negator that cancels the denial right after
    it ("did not deny", "لم ينف"). Two cues of two clauses still say no:
    "this is not enough and Israel will not accept it".

    >>> is_negated("the engine did not catch fire"), is_negated("رأينا النيران")
    (True, False)
    >>> is_negated("the army did not deny the strike")
    False
    """
    return _negated(_fold(text))


@functools.lru_cache(maxsize=CACHE_SIZE)
def _negated(folded: _Folded) -> bool:
    """:func:`is_negated` on a folded text."""
    tokens = folded.tokens
    cues = _negation_indices(folded)
    denials = {i for i in cues if _bare(tokens[i].text) in _DENIALS}
    cancelled: set[int] = set()
    for i in cues:
        if i in cancelled or i in denials:
            continue
        denial = next((j for j in cues if i < j <= i + 2 and j in denials), None)
        if denial is not None:
            cancelled.update((i, denial))
    return any(i not in cancelled for i in cues)


def has_negation(text: str) -> bool:
    """Whether an Arabic or English text has a negation cue at all
    (:func:`is_negated` without its one exception: a "not" that cancels a
    denial, "did not deny", still counts here).

    >>> has_negation("no one was hurt and no building was damaged")
    True
    """
    return bool(_negations(_fold(text)))


# English negative prefixes: "unsafe", "illegal", "irregular", "non-binding"
# (the tokens split at the hyphen, so only the joined spelling counts).
_NEGATIVE_PREFIXES = ("non", "un", "il", "ir")
# "in-", "im-" and "dis-" negate adjectives ("inaccurate", "impossible",
# "incorrect", "independent") but open many other words ("information",
# "import", "income", "inside", "display"): with them the bare word must end
# like an adjective.
_LATINATE_PREFIXES = ("dis", "in", "im")
_ADJECTIVE_ENDINGS = ("able", "ible", "al", "ent", "ant", "ate", "ive", "ect", "ete", "ure",
                      "ful", "ous", "est")


def prefix_negated(text_a: str, text_b: str) -> bool:
    """Whether one text has a word the other has with a negative prefix
    ("the bridge was safe" / "the bridge was unsafe"; "legal" / "illegal";
    "accurate" / "inaccurate"): a negation written into the word, which
    :func:`_negations` does not count. The bare word needs four letters or
    more; after "in-", "im-" or "dis-" it must end like an adjective.

    >>> prefix_negated("the old bridge was safe", "the old bridge was unsafe")
    True
    >>> prefix_negated("the port was closed", "imports through the port fell")
    False
    """
    words_a = {t.text for t in _fold(text_a).tokens}
    words_b = {t.text for t in _fold(text_b).tokens}
    for these, those in ((words_a, words_b), (words_b, words_a)):
        for word in these:
            for prefix in _NEGATIVE_PREFIXES + _LATINATE_PREFIXES:
                rest = word[len(prefix):]
                if not word.startswith(prefix) or len(rest) < 4 or rest not in those \
                        or (prefix == "un" and rest == "less"):
                    continue
                if prefix in _NEGATIVE_PREFIXES or rest.endswith(_ADJECTIVE_ENDINGS):
                    return True
    return False
