"""How many sentences of real Arabic news that carry a reporting word get an
attributed claim: a recall proxy for the Arabic rules on text by other hands.

There is no attribution gold for ``../shared/data/realnews/ar`` (307 articles
of six outlets). This counts, in each article, the sentences that hold one of
the common reporting words ("قال", "أعلن", "نقلت", "وفق", "بحسب", "مشيرا" ...,
with a conjunction or not) and whether ``extract_claims`` gives an attributed
claim (one with a speaker) overlapping that sentence. A sentence left
uncovered is not always a miss: "نقل" also means "carry", "كشف" "uncover",
"أعلن" often announces an event rather than a claim. Read the examples
(``--examples N``) before reading the count as recall.

    python benchmarks/ar_cue_coverage.py                 # counts by word
    python benchmarks/ar_cue_coverage.py --examples 5    # and 5 uncovered sentences a word

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

DEFAULT_DIR = REPO.parent / "shared" / "data" / "realnews" / "ar"

#: The reporting words counted, as written (with hamza), without a conjunction.
CUE_WORDS = """
    قال قالت أكد أكدت أضاف أضافت أوضح أوضحت أشار أشارت أعلن أعلنت نفى نفت اعتبر
    اعتبرت رأى رأت ذكر ذكرت صرح صرحت كشف كشفت لفت لفتت شدد شددت أفاد أفادت نقل نقلت
    زعم زعمت توقع توقعت استبعد استبعدت حذر حذرت مشيرا مشيرة مضيفا مضيفة مؤكدا مؤكدة
    معتبرا معتبرة موضحا موضحة لافتا لافتة متوقعا متوقعة وفق وفقا حسب بحسب نقلا
    """.split()
_CUE = re.compile(r"(?<!\w)[وف]?(" + "|".join(sorted(CUE_WORDS, key=len, reverse=True))
                  + r")(?!\w)")


def coverage(folder: Path) -> tuple[Counter, Counter, dict[str, list[str]]]:
    """``(sentences with the word, of them uncovered, uncovered examples)`` by
    the first reporting word of each sentence, over the ``*.txt`` of
    ``folder``."""
    seen: Counter = Counter()
    missed: Counter = Counter()
    examples: dict[str, list[str]] = defaultdict(list)
    for path in sorted(folder.glob("*.txt")):
        text = path.read_text(encoding="utf-8")
        spans = [c.span for c in extract_claims(text, lang="ar") if c.speaker]
        for sentence in split_sentences(text):
            start, end = sentence.span
            found = _CUE.search(text, start, end)
            if not found:
                continue
            word = found.group(1)
            seen[word] += 1
            if any(a < end and b > start for a, b in spans):
                continue
            missed[word] += 1
            examples[word].append(" ".join(text[start:end].split()))
    return seen, missed, examples


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--dir", type=Path, default=DEFAULT_DIR)
    parser.add_argument("--examples", type=int, default=0, metavar="N",
                        help="print N uncovered sentences for each word (../shared text)")
    args = parser.parse_args(argv)
    seen, missed, examples = coverage(args.dir)
    total, left = sum(seen.values()), sum(missed.values())
    print(f"## Arabic reporting words without an attributed claim ({args.dir.name})\n")
    print(f"{total} sentences hold a reporting word; {left} of them "
          f"({left / max(total, 1):.1%}) get no attributed claim. "
          "`python benchmarks/ar_cue_coverage.py`\n")
    print("| word | sentences | no attributed claim |")
    print("|---|---|---|")
    for word, count in sorted(seen.items(), key=lambda kv: (-missed[kv[0]], -kv[1], kv[0])):
        print(f"| {word} | {count} | {missed[word]} |")
        for example in examples[word][:args.examples]:
            print(f"|  | {example[:200]} | |")


if __name__ == "__main__":
    main()
