"""How many sentences of real news that carry a reporting word get an
attributed claim: a recall proxy for the attribution rules on text by other
hands, in Arabic and English.

There is no attribution gold for ``../shared/data/realnews/ar`` (307 articles
of six outlets) or ``realnews/en`` (150 BBC articles). This counts, in each
article, the sentences that hold one of the common reporting words ("قال",
"أعلن", "نقلت", "وفق", "بحسب", "مشيرا" ..., with a conjunction or not; "said",
"told", "according to" ...) and whether ``extract_claims`` gives an attributed
claim (one with a speaker) overlapping that sentence. A sentence left
uncovered is not always a miss: "نقل" also means "carry", "كشف" "uncover",
"أعلن" often announces an event rather than a claim, "claimed the title"
reports nothing. Read the examples (``--examples N``) before reading the
count as recall.

    python benchmarks/cue_coverage.py                       # Arabic, counts by word
    python benchmarks/cue_coverage.py --lang en             # English
    python benchmarks/cue_coverage.py --examples 5          # and 5 uncovered sentences a word

The examples quote ../shared data: do not commit that output.
"""

from __future__ import annotations

import argparse
import re
import sys
from collections import Counter, defaultdict
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from claimcheck import extract_claims  # noqa: E402
from claimcheck.text.sentences import split_sentences  # noqa: E402

REALNEWS = REPO.parent / "shared" / "data" / "realnews"

#: The Arabic reporting words counted, as written (with hamza), without a conjunction.
AR_WORDS = """
    قال قالت أكد أكدت أضاف أضافت أوضح أوضحت أشار أشارت أعلن أعلنت نفى نفت اعتبر
    اعتبرت رأى رأت ذكر ذكرت صرح صرحت كشف كشفت لفت لفتت شدد شددت أفاد أفادت نقل نقلت
    زعم زعمت توقع توقعت استبعد استبعدت حذر حذرت مشيرا مشيرة مضيفا مضيفة مؤكدا مؤكدة
    معتبرا معتبرة موضحا موضحة لافتا لافتة متوقعا متوقعة وفق وفقا حسب بحسب نقلا
    """.split()
#: The English ones.
EN_WORDS = """
    said says told announced added stated claimed denied insisted warned reported confirmed
    noted argued explained estimated predicted acknowledged wrote tweeted
    """.split() + ["according to"]
def _spellings(word: str) -> set[str]:
    """A word as written with hamza and as often typed without ("أكد" / "اكد",
    "نفى" / "نفي")."""
    bare = word.replace("أ", "ا").replace("إ", "ا").replace("آ", "ا")
    return {word, bare, bare.replace("ى", "ي"), word.replace("ى", "ي")}


_AR_SPELLINGS = {spelling: word for word in AR_WORDS for spelling in _spellings(word)}
_CUES = {
    "ar": re.compile(r"(?<!\w)[وف]?(" + "|".join(sorted(_AR_SPELLINGS, key=len, reverse=True))
                     + r")(?!\w)"),
    "en": re.compile(r"\b(" + "|".join(sorted(EN_WORDS, key=len, reverse=True)) + r")\b",
                     re.IGNORECASE),
}


def coverage(folder: Path, lang: str = "ar") -> tuple[Counter, Counter, dict[str, list[str]]]:
    """``(sentences with the word, of them uncovered, uncovered examples)`` by
    the first reporting word of each sentence, over the ``*.txt`` of
    ``folder``."""
    seen: Counter = Counter()
    missed: Counter = Counter()
    examples: dict[str, list[str]] = defaultdict(list)
    for path in sorted(folder.glob("*.txt")):
        text = path.read_text(encoding="utf-8")
        spans = [c.span for c in extract_claims(text, lang=lang) if c.speaker]
        for sentence in split_sentences(text):
            start, end = sentence.span
            found = _CUES[lang].search(text, start, end)
            if not found:
                continue
            word = _AR_SPELLINGS.get(found.group(1), found.group(1).lower())
            seen[word] += 1
            if any(a < end and b > start for a, b in spans):
                continue
            missed[word] += 1
            examples[word].append(" ".join(text[start:end].split()))
    return seen, missed, examples


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--lang", choices=sorted(_CUES), default="ar")
    parser.add_argument("--dir", type=Path, default=None,
                        help="a folder of *.txt articles (default: realnews/<lang>)")
    parser.add_argument("--examples", type=int, default=0, metavar="N",
                        help="print N uncovered sentences for each word (../shared text)")
    args = parser.parse_args(argv)
    folder = args.dir or REALNEWS / args.lang
    seen, missed, examples = coverage(folder, args.lang)
    total, left = sum(seen.values()), sum(missed.values())
    print(f"## Reporting words without an attributed claim ({folder.name}, {args.lang})\n")
    print(f"{total} sentences hold a reporting word; {left} of them "
          f"({left / max(total, 1):.1%}) get no attributed claim. "
          f"`python benchmarks/cue_coverage.py --lang {args.lang}`\n")
    print("| word | sentences | no attributed claim |")
    print("|---|---|---|")
    for word, count in sorted(seen.items(), key=lambda kv: (-missed[kv[0]], -kv[1], kv[0])):
        print(f"| {word} | {count} | {missed[word]} |")
        for example in examples[word][:args.examples]:
            print(f"|  | {example[:200]} | |")


if __name__ == "__main__":
    main()
