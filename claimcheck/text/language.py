"""Language of a text: the script its letters are written in, then, within
Latin, Cyrillic and the Persian and Urdu forms of Arabic script, a character
n-gram classifier (py3langid, a naive Bayes model over 97 languages trained
by its authors; Lui and Baldwin 2012).

How well it does on sentences by other hands (XNLI dev and RTE-3, one
sentence each): ``python benchmarks/run_benchmark.py language``.
"""

from __future__ import annotations

import functools
import itertools
import re

from claimcheck.batches import one_blas_thread


def _word_set(words: str) -> frozenset[str]:
    """The whitespace-separated words of ``words``."""
    return frozenset(words.split())

_SAMPLE = 20_000

# (code, compiled character class) in the order they are tried.
_SCRIPTS: tuple[tuple[str, re.Pattern[str]], ...] = (
    ("ar", re.compile(r"[\u0600-\u06FF\u0750-\u077F\u08A0-\u08FF\uFB50-\uFDFF\uFE70-\uFEFF]")),
    ("latin", re.compile(r"[A-Za-z\u00C0-\u024F]")),
    ("ru", re.compile(r"[\u0400-\u04FF]")),
    ("el", re.compile(r"[\u0370-\u03FF]")),
    ("he", re.compile(r"[\u0590-\u05FF]")),
    ("hi", re.compile(r"[\u0900-\u097F]")),
    ("th", re.compile(r"[\u0E00-\u0E7F]")),
    ("ko", re.compile(r"[\uAC00-\uD7AF\u1100-\u11FF]")),
    ("ja", re.compile(r"[\u3040-\u30FF]")),
    ("zh", re.compile(r"[\u4E00-\u9FFF]")),
)
# A Chinese or Japanese character, or a Korean syllable, is a word or most of
# one: counted as this many letters, a sentence with an English name in it
# stays Chinese (chosen on XNLI train: Chinese 0.966 -> 0.995 of sentences
# read as Han at 3, Korean 0.991 -> 1.000, English unchanged).
_LETTERS_PER_CHARACTER = {"zh": 3, "ja": 3, "ko": 3}
_PERSIAN = re.compile(r"[پچژگکی]")
_URDU = re.compile(r"[ٹڈڑںےھ]")
_WORD = re.compile(r"[a-z\u00C0-\u024F]+")

# Languages the classifier may answer for each script. Malay is left out
# of Latin (it and Indonesian are near one language, and Indonesian news is
# the likelier input), as are the smallest languages of the model's 97
# (Volapük, Walloon, ...), which it gives to one-line English now and then.
_LATIN_LANGUAGES = frozenset(
    "af az bs ca cs cy da de en es et eu fi fr ga gl hr hu id is it lt lv mt nl no pl pt "
    "ro sk sl sq sv sw tl tr vi".split())
_CYRILLIC_LANGUAGES = frozenset("be bg kk ky mk mn ru sr uk".split())
_PERSO_ARABIC_LANGUAGES = frozenset({"fa", "ur"})
_ARABIC_ONLY = re.compile(r"[ةى]|(?<![^\W\d_])[وفبل]?[أإ]")
ARABIC_ONLY_SHARE = 0.02
# A Latin-script text is another language than English only when the
# classifier's log-probability for it beats English's by this much, and
# only if it has this many letters (below that: the function words).
# Chosen on PolNeAR train sentences (English, 30,861) against XNLI train
# and RTE-3 sentences in 7 Latin-script languages: at 8 and 20, 18 English
# sentences (name-only lines, headlines) went elsewhere and the others were
# found 93-100% of the time (``run_benchmark.py language`` has the dev sets).
ENGLISH_MARGIN = 8.0
MIN_LETTERS = 20
_LETTER = re.compile(r"[^\W\d_]")

# A few very frequent function words per Latin-script language (texts too
# short for the classifier).
_FUNCTION_WORDS: dict[str, frozenset[str]] = {
    "en": _word_set("the and of to is that in it was for on with he said are by"),
    "fr": _word_set("le la les des est une dans que pour pas qui sur du et il au"),
    "es": _word_set("el los las del una por para que con es se su como pero y"),
    "de": _word_set("der die das und ist nicht ein eine mit sich auf den dem zu von"),
    "id": _word_set("yang dan di ini itu dengan untuk tidak dari dalam akan ke"),
    "it": _word_set("il di che non per una sono della gli con le nel"),
    "pt": _word_set("os das uma não com para que por como mais ao dos"),
    "tr": _word_set("ve bir bu da de için ile olarak çok daha ama"),
}


def detect_language(text: str) -> str:
    """Guess the language of ``text``: its script, then a classifier.

    The script with the most letters decides first. Arabic script gives
    ``"ar"`` unless letters only Persian and Urdu use are frequent, and then
    the classifier picks between those two, unless letters Persian all but
    never writes ("ة", "ى", a word-opening "أ" or "إ") make up
    :data:`ARABIC_ONLY_SHARE` of the letters: Arabic typed on a Persian
    keyboard. Latin script gives what the
    character n-gram classifier picks among about 40 Latin-script languages,
    but English unless that language's score beats English's clearly
    (:data:`ENGLISH_MARGIN`); a text of fewer than :data:`MIN_LETTERS`
    letters is English unless function words of another language clearly
    outnumber English ones. Cyrillic goes the same way among Cyrillic
    languages, with Russian in English's place; other scripts map to their
    main language. Text with no
    letters gives ``"und"``.

    Parameters
    ----------
    text : str
        Any text; only its first 20,000 characters are looked at.

    Returns
    -------
    str
        An ISO 639-1 code, or ``"und"`` when undetermined.

    Raises
    ------
    TypeError
        If ``text`` is not a ``str``.

    Examples
    --------
    >>> detect_language("قال المتحدث إن المحادثات ستستمر")
    'ar'
    >>> detect_language("The spokesman said talks would continue.")
    'en'
    """
    if not isinstance(text, str):
        raise TypeError(
            f"detect_language expects str, got {type(text).__name__}; decode bytes first"
        )
    sample = text[:_SAMPLE]
    counts = {code: len(pattern.findall(sample)) * _LETTERS_PER_CHARACTER.get(code, 1)
              for code, pattern in _SCRIPTS}
    best = max(counts, key=lambda code: counts[code])
    if counts[best] == 0:
        return "und"
    if best == "ar":
        return _arabic_script_language(sample, counts["ar"])
    if best == "latin":
        if _short(sample):
            return _latin_language(sample)
        return _classified(sample, _LATIN_LANGUAGES, prefer="en", margin=ENGLISH_MARGIN)
    if best == "ru":
        if _short(sample):
            return "ru"  # "Путин сказал": too short to tell Cyrillic languages apart
        return _classified(sample, _CYRILLIC_LANGUAGES, prefer="ru", margin=ENGLISH_MARGIN)
    return best


def _short(sample: str) -> bool:
    """Fewer than :data:`MIN_LETTERS` letters (counted no further)."""
    return sum(1 for _ in itertools.islice(_LETTER.finditer(sample), MIN_LETTERS)) < MIN_LETTERS


@functools.cache
def _identifier():
    """py3langid's model, loaded on first use (a fifth of a second)."""
    from py3langid.langid import MODEL_FILE, LanguageIdentifier

    return LanguageIdentifier.from_pickled_model(MODEL_FILE)


def _classified(sample: str, languages: frozenset[str], *, prefer: str | None = None,
                margin: float = 0.0) -> str:
    """The classifier's best language among ``languages``; ``prefer`` unless
    the best one's log-probability beats it by ``margin``."""
    with one_blas_thread():  # its matrix product must not leave OpenBLAS threads spinning
        ranked = _identifier().rank(sample)
    scores = {lang: float(score) for lang, score in ranked if lang in languages}
    best = max(scores, key=scores.__getitem__)
    if prefer is not None and best != prefer and scores[best] - scores[prefer] < margin:
        return prefer
    return best


def _arabic_script_language(sample: str, n_letters: int) -> str:
    # Persian and Urdu share most letters with Arabic; a few are theirs alone.
    urdu = len(_URDU.findall(sample))
    persian = len(_PERSIAN.findall(sample))
    if (urdu > 0.02 * n_letters and urdu >= persian / 2) or persian > 0.02 * n_letters:
        # Arabic typed on a Persian keyboard has the Persian "ی" and "ک" for
        # "ي" and "ك", and a name may bring a "پ" or "گ"; its "ة" and "ى",
        # and "أ" or "إ" opening a word ("أن", "إن", "وأضاف"), which Persian
        # all but never writes ("تأکید", "رأی" have it inside), stay: 3.0% of
        # the letters or more in each of the 307 realnews/ar articles, under
        # 0.1% in each of the 50 realnews/fa ones.
        if len(_ARABIC_ONLY.findall(sample)) >= max(2, ARABIC_ONLY_SHARE * n_letters):
            return "ar"
        return _classified(sample, _PERSO_ARABIC_LANGUAGES)
    return "ar"


def _latin_language(sample: str) -> str:
    words = _WORD.findall(sample.lower())
    if not words:
        return "en"
    scores = {lang: sum(w in vocab for w in words) for lang, vocab in _FUNCTION_WORDS.items()}
    best = max(scores, key=lambda lang: scores[lang])
    # English stays the answer unless another language clearly wins.
    if best != "en" and scores[best] >= 3 and scores[best] > 2 * scores["en"]:
        return best
    return "en"


# Names a caller may write instead of a code, for the languages with rules or
# function words here.
_NAMES = {
    "arabic": "ar", "english": "en", "french": "fr", "spanish": "es", "german": "de",
    "indonesian": "id", "italian": "it", "portuguese": "pt", "turkish": "tr",
    "persian": "fa", "farsi": "fa", "urdu": "ur", "russian": "ru", "greek": "el",
    "hebrew": "he", "hindi": "hi", "thai": "th", "korean": "ko", "japanese": "ja",
    "chinese": "zh",
}
_CODE = re.compile(r"[a-z]{2,3}")


def normalize_lang(lang: object) -> str | None:
    """A caller's language as the lowercase ISO 639 code the rules are keyed by.

    ``"EN"``, ``"en-US"``, ``"en_GB"`` and ``"English"`` all give ``"en"``;
    None stays None (detect it). Anything else is an error rather than a code
    that silently matches no rules.

    Raises
    ------
    TypeError
        ``lang`` is not a str or None.
    ValueError
        ``lang`` is not a language code or a known language name.
    """
    if lang is None:
        return None
    if not isinstance(lang, str):
        raise TypeError(f"lang must be a language code such as 'ar' or 'en', or None, "
                        f"got {type(lang).__name__}")
    name = lang.strip().lower()
    name = _NAMES.get(name, name)
    code = re.split(r"[-_]", name, maxsplit=1)[0]
    if not _CODE.fullmatch(code):
        raise ValueError(f"lang must be an ISO 639 code such as 'ar' or 'en' (or None to "
                         f"detect it), got {lang!r}")
    return code
