"""Numbers as written, in Arabic and English (and digits in any language):
digits with their separators ("2,000", "14,5", "٢٬٠٠٠"), number words and
scales ("two thousand", "ألفا", "25 ألفا", "1.5bn"), and the words that
count none ("no", "nobody", "not a single"). :mod:`~claimcheck.reasons.quantities`
reads a text's quantities with them."""

from __future__ import annotations

import re
from collections.abc import Sequence

from claimcheck.reasons import lexicon_world
from claimcheck.reasons.fold import (
    _is_arabic,
    _norm,
    _Token,
)

_AR_ONES = {
    "واحد": 1, "واحده": 1, "واحدا": 1,
    "اثنان": 2, "اثنين": 2, "اثنتان": 2, "اثنتين": 2, "اثنا": 2, "اثني": 2, "اثنتا": 2,
    "ثلاث": 3, "ثلاثه": 3, "اربع": 4, "اربعه": 4, "خمس": 5, "خمسه": 5,
    "ست": 6, "سته": 6, "سبع": 7, "سبعه": 7, "ثمان": 8, "ثماني": 8, "ثمانيه": 8,
    "تسع": 9, "تسعه": 9, "عشر": 10, "عشره": 10,
    "عشرون": 20, "عشرين": 20, "ثلاثون": 30, "ثلاثين": 30, "اربعون": 40, "اربعين": 40,
    "خمسون": 50, "خمسين": 50, "ستون": 60, "ستين": 60, "سبعون": 70, "سبعين": 70,
    "ثمانون": 80, "ثمانين": 80, "تسعون": 90, "تسعين": 90,
}  # fmt: skip
_AR_HUNDRED_STEMS = {
    "ثلاث": 3, "اربع": 4, "خمس": 5, "ست": 6, "سبع": 7, "ثمان": 8, "ثماني": 8, "تسع": 9,
}  # fmt: skip
_AR_HUNDREDS = {"مئتان": 200, "مئتين": 200, "مئتا": 200, "مئتي": 200,
                "مائتان": 200, "مائتين": 200, "مائتا": 200, "مائتي": 200}  # fmt: skip
for _stem, _v in _AR_HUNDRED_STEMS.items():
    _AR_HUNDREDS[_stem + "مئه"] = _v * 100
    _AR_HUNDREDS[_stem + "مائه"] = _v * 100

_EN_ONES = {
    "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
    "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14,
    "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19,
    "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70,
    "eighty": 80, "ninety": 90,
}  # fmt: skip

# Multipliers. "Plural" scales (آلاف، thousands) only count after a number:
# alone they are vague ("thousands of civilians").
_SCALES = {"hundred": 100, "مئه": 100, "مائه": 100,
           "thousand": 1e3, "الف": 1e3, "million": 1e6, "مليون": 1e6,
           "billion": 1e9, "مليار": 1e9, "bn": 1e9, "m": 1e6, "mn": 1e6, "k": 1e3,
           "trillion": 1e12, "تريليون": 1e12, "ترليون": 1e12, "tn": 1e12}  # fmt: skip
_PLURAL_SCALES = {"الاف": 1e3, "thousands": 1e3, "ملايين": 1e6, "millions": 1e6,
                  "مليارات": 1e9, "billions": 1e9, "hundreds": 100, "مئات": 100,
                  "trillions": 1e12, "تريليونات": 1e12}  # fmt: skip
# Duals: 2 x scale when alone; the forms ending in alef are also the
# accusative singular after a number ("25 ألفا" = 25,000).
_DUALS = {"الفان": 1e3, "الفين": 1e3, "الفا": 1e3, "الفي": 1e3,
          "مليونان": 1e6, "مليونين": 1e6, "مليونا": 1e6, "مليوني": 1e6,
          "ملياران": 1e9, "مليارين": 1e9, "مليارا": 1e9, "ملياري": 1e9}  # fmt: skip
_SUFFIX_SCALES = frozenset({"bn", "m", "mn", "k", "tn"})
# A fraction of a scale word is a number: "half a million", "نصف مليون".
_SCALE_FRACTIONS = {"half": 0.5, "نصف": 0.5, "ربع": 0.25}


_DIGITS_RE = re.compile(r"\d[\d.,]*")


def _strip_clitic(word: str, table: dict) -> str | None:
    """``word`` or ``word`` without a leading Arabic clitic, if in ``table``."""
    if word in table:
        return word
    if _is_arabic(word):
        for prefix in ("وال", "بال", "لل", "ال", "و", "ب", "ل", "ف"):
            if word.startswith(prefix) and word[len(prefix) :] in table:
                return word[len(prefix) :]
    return None


def _parse_digits(raw: str) -> float:
    raw = _DIGITS_RE.match(raw).group().rstrip(".,")  # "5²": the 5
    if "," in raw:
        groups = raw.split(".")[0].split(",")
        if all(len(g) == 3 for g in groups[1:]) and len(groups[0]) <= 3:
            raw = raw.replace(",", "")
        elif raw.count(",") == 1 and "." not in raw:
            raw = raw.replace(",", ".")  # a decimal comma: "14,5"
        else:
            raw = raw.replace(",", "")
    if raw.count(".") > 1:
        raw = raw.replace(".", "")
    return float(raw)


def _a_half_at(tokens: Sequence[_Token], k: int) -> bool:
    """Whether tokens ``k`` and ``k + 1`` are "a half" ("two and a half")."""
    return k + 1 < len(tokens) and tokens[k].text == "a" and tokens[k + 1].text == "half"


def _read_number(tokens: Sequence[_Token], i: int) -> tuple[float, int] | None:
    """The number that starts at token ``i``: its value and the next index."""
    total = 0.0
    current = 0.0
    seen = False
    j = i
    while j < len(tokens):
        tok = tokens[j]
        w = tok.text
        nxt = tokens[j + 1].text if j + 1 < len(tokens) else ""
        if w[0].isdecimal():  # not "²", which is a digit but no number
            if seen:
                break
            current = _parse_digits(w)
            seen = True
            j += 1
            continue
        if seen and w in _SUFFIX_SCALES and tok.start == tokens[j - 1].end:
            total += current * _SCALES[w]
            current = 0.0
            j += 1
            continue
        if w == "one" and not seen and nxt == "and" and _a_half_at(tokens, j + 2):
            current = 1.0  # "one and a half million": the half is added below
            seen = True
            j += 1
            continue
        if w in _SCALE_FRACTIONS and not seen:
            k = j + 1 + (nxt in ("a", "an"))
            scale = tokens[k].text if k < len(tokens) else ""
            if scale in _SCALES and scale not in _SUFFIX_SCALES:
                current = _SCALE_FRACTIONS[w]  # "half a million", "نصف مليون"
                seen = True
                j = k
                continue
            break
        if w in ("a", "an", "one") and not seen:
            if nxt in ("hundred", "thousand", "million", "billion", "dozen"):
                current = 1.0
                seen = True
                j += 1
                continue
            break
        if w == "and" and seen and _a_half_at(tokens, j + 1):
            current += 0.5  # "two and a half million"
            j += 3
            continue
        if w == "and" and seen and (nxt in _EN_ONES or nxt in _SCALES):
            j += 1
            continue
        if not seen and w in ("احد", "احدي") and nxt in ("عشر", "عشره"):
            current = 11.0  # "أحد عشر" / "إحدى عشرة": "أحد" alone is "someone"
            seen = True
            j += 2
            continue
        if w == "dozen":
            current = (current or 1.0) * 12
            seen = True
            j += 1
            continue
        bare = w
        if _is_arabic(w) and seen and w.startswith("و"):
            bare = w[1:]  # "وخمسون" continues "مئة وخمسون"
        if bare in _SCALES and bare not in _SUFFIX_SCALES:
            if bare in ("hundred", "مئه", "مائه"):
                current = (current or 1.0) * 100
            else:
                total += (current or 1.0) * _SCALES[bare]
                current = 0.0
                if nxt == "ونصف":  # "مليون ونصف", "مليون ونصف المليون": 1.5 million
                    total += 0.5 * _SCALES[bare]
                    j += 1
                    after = tokens[j + 1].text if j + 1 < len(tokens) else ""
                    j += _strip_clitic(after, _SCALES) == bare
            seen = True
            j += 1
            continue
        if bare in _PLURAL_SCALES:
            if not current:
                break  # "thousands of civilians": vague
            total += current * _PLURAL_SCALES[bare]
            current = 0.0
            j += 1
            continue
        if bare in _DUALS:
            if current and bare.endswith("ا"):
                total += current * _DUALS[bare]
                current = 0.0
            elif not seen:
                total += 2 * _DUALS[bare]
            else:
                break
            seen = True
            j += 1
            continue
        word = _strip_clitic(bare, _AR_HUNDREDS)
        if word:
            if seen and current >= 100:
                break
            current += _AR_HUNDREDS[word]
            seen = True
            j += 1
            continue
        word = _strip_clitic(bare, _AR_ONES) if _is_arabic(bare) else None
        if word is None and bare in _EN_ONES:
            word = bare
        if word:
            value = _AR_ONES.get(word) or _EN_ONES[word]
            if seen and (
                tokens[j - 1].text[0].isdigit() or current % 10 and value < 10 and value != 10
            ):
                break
            current += value
            seen = True
            j += 1
            continue
        break
    if not seen:
        return None
    return total + current, j


# English words that count nothing, and those after "no" that make it no zero
# ("no more than 700": a bound; "no longer").
_ZERO = {("no",): 0, ("none",): 0, ("no", "one"): 0, ("nobody",): 0,
         ("not", "a", "single"): 0, ("not", "one"): 0,
         **{tuple(map(_norm, words)): 0 for words in lexicon_world.ZERO_WORDS}}
_NOT_ZERO_AFTER = frozenset("more fewer less longer later sooner matter doubt".split())


def _zero(tokens: Sequence[_Token], i: int) -> tuple[float, int] | None:
    """A count of nothing that starts at token ``i`` ("no homes", "none of
    the passengers", "not a single soldier"): 0 and the next index."""
    for words in sorted(_ZERO, key=len, reverse=True):
        end = i + len(words)
        if tuple(t.text for t in tokens[i:end]) == words and (
                end >= len(tokens) or tokens[end].text not in _NOT_ZERO_AFTER):
            return 0.0, end
    return None
