"""Counts read alike in a text and its translation (real sentences, translated
by other hands).

Run from the repository root::

    python benchmarks/number_translations.py                # markdown to stdout
    python benchmarks/number_translations.py --json out.json

A sentence and its translation say the same thing, so the number reasons
must see no clash between them. This reads the parallel sentences of two
sets in ``../shared/data/nli`` (premises and hypotheses alike, each compared
with its English version): XNLI dev (French, Spanish, German, Turkish, and
Arabic, each against English; 831 pairs of each kind) and the multilingual
RTE-3 (French, German, Italian against English; news sentences with many
figures). For each language it counts

- the English sentences with a count the number reader gives a unit
  (``find_quantities``), and among them those whose translation is read to
  hold a count of the same value and unit (the lexicon's coverage);
- the pairs given a ``count`` or ``numeric`` reason by
  :func:`claimcheck.reasons.find_reasons`: every one is a false alarm.

Nothing here was used to write the lexicons (``claimcheck/reasons/
lexicon_world.py``); the sets are read, never copied.
"""

from __future__ import annotations

import argparse
import collections
import json
import sys
from pathlib import Path
from typing import Any

REPO_ROOT = Path(__file__).resolve().parents[1]
if str(REPO_ROOT) not in sys.path:
    sys.path.insert(0, str(REPO_ROOT))

from claimcheck.reasons import find_quantities, find_reasons  # noqa: E402
from claimcheck.reasons.lexicon_world import english_numbers  # noqa: E402

NLI = REPO_ROOT.parent / "shared" / "data" / "nli"
SETS = {
    "XNLI dev": (NLI / "xnli" / "dev.jsonl", ("fr", "es", "de", "tr", "ar"),
                 lambda row: row["id"]),
    "RTE-3 (multilingual)": (NLI / "rte3-3way-multi" / "train.jsonl", ("fr", "de", "it"),
                             lambda row: row["id"].rsplit("-", 1)[-1]),
}


def _counts(text: str, lang: str) -> set[tuple[float, str]]:
    """(value, unit) of every count in ``text`` that has a unit."""
    return {(q.value, unit) for q in find_quantities(english_numbers(text, lang))
            for unit in q.units}


def evaluate(path: Path, langs: tuple[str, ...], key: Any) -> dict[str, Any]:
    """The figures of one parallel set, per language against English."""
    by_id: dict[str, dict[str, dict]] = collections.defaultdict(dict)
    for line in path.read_text(encoding="utf-8").splitlines():
        row = json.loads(line)
        by_id[key(row)][row["lang"]] = row
    out: dict[str, Any] = {}
    for lang in langs:
        pairs = with_count = read_alike = 0
        alarms: list[dict[str, str]] = []
        for rows in by_id.values():
            if lang not in rows or "en" not in rows:
                continue
            for field in ("premise", "hypothesis"):
                english, other = rows["en"][field], rows[lang][field]
                pairs += 1
                counts_en = _counts(english, "en")
                if counts_en:
                    with_count += 1
                    read_alike += bool(counts_en & _counts(other, lang))
                reasons = [r for r in find_reasons(other, english, lang_a=lang, lang_b="en")
                           if r.kind in ("count", "numeric")]
                if reasons:
                    alarms.append({"text": other, "english": english,
                                   "reason": f"{reasons[0].kind}: {reasons[0].detail}"})
        out[lang] = {"pairs": pairs, "english_with_count": with_count,
                     "read_alike": read_alike, "false_reasons": len(alarms),
                     "alarms": alarms}
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--json", type=Path, help="write the figures here as well")
    parser.add_argument("--no-texts", action="store_true",
                        help="leave out the sentences of false reasons (for committed files)")
    args = parser.parse_args()
    results = {name: evaluate(path, langs, key) for name, (path, langs, key) in SETS.items()}
    lines = [
        "## Counts in a sentence and its translation",
        "",
        "Parallel sentences of `../shared/data/nli` (premise and hypothesis each against its "
        "English version); `python benchmarks/number_translations.py`. A count or numeric "
        "reason between a sentence and its translation is a false alarm.",
        "",
        "| set | language | pairs | English with a count | translation read alike "
        "| share | false count/numeric reasons |",
        "|---|---|---|---|---|---|---|",
    ]
    for name, per_lang in results.items():
        for lang, r in per_lang.items():
            share = r["read_alike"] / r["english_with_count"] if r["english_with_count"] else 0
            lines.append(f"| {name} | {lang} | {r['pairs']} | {r['english_with_count']} | "
                         f"{r['read_alike']} | {share:.2f} | {r['false_reasons']} |")
    if not args.no_texts:
        for name, per_lang in results.items():
            for lang, r in per_lang.items():
                for alarm in r["alarms"]:
                    lines.append(f"\n- {name} {lang}: {alarm['reason']}\n  - {alarm['text']}\n"
                                 f"  - {alarm['english']}")
    print("\n".join(lines))
    if args.json:
        if args.no_texts:
            for per_lang in results.values():
                for r in per_lang.values():
                    r["alarms"] = [a["reason"] for a in r["alarms"]]
        args.json.write_text(json.dumps(results, ensure_ascii=False, indent=1) + "\n",
                             encoding="utf-8")


if __name__ == "__main__":
    main()
