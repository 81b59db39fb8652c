"""Speed of rule-based claim extraction on long and awkward text.

    python benchmarks/extraction_speed.py                      # every shape, 10 KB to 1 MB
    python benchmarks/extraction_speed.py --sizes 10000 100000 --shapes quote_open_en
    python benchmarks/extraction_speed.py --json speed.json

Times ``extract_claims(text, tagger=False)`` (the rules alone; the tagger's
cost is measured by ``run_benchmark.py attribution``) on texts made by
repeating one unit up to each size: ordinary news, quotations (open, closed,
unbalanced) and text without punctuation, in English and Arabic. A shape
whose chars/s falls as the size grows is superlinear somewhere. Prints a
markdown table with the CPU model; ``--json OUT`` also writes the figures.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import sys
import time
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parents[1]
if str(REPO) not in sys.path:
    sys.path.append(str(REPO))
os.environ.setdefault("HF_HUB_OFFLINE", "1")

SEED = REPO / "seeds" / "baghuz_ar.txt"

# Written for this benchmark in the style of a wire story: preposed and
# postposed sources, a quotation, "according to" and a told-listener.
NEWS_EN = (
    "The city council voted on Tuesday to delay the harbour project by two years, "
    "officials said. \"We cannot build a pier nobody can pay for,\" said Marta Velez, "
    "the council's finance chair. According to the port authority, the delay will cost "
    "$4 million. Mayor Daniel Okafor told reporters that no jobs would be cut, but union "
    "leaders said they expected layoffs before the summer.\n"
    "The Gazette reported that the contractor, Brightwater Ltd., had warned of rising "
    "steel prices. Sen. Mara Holt (D-Ore.), a member of the panel, said she had not seen "
    "the report. The new terminal is expected to open in May.\n"
)

# Each shape: (language, the unit repeated up to the size, what it stresses).
SHAPES: dict[str, tuple[str, str, str]] = {
    "news_en": ("en", NEWS_EN, "English news paragraphs"),
    "news_ar": ("ar", "", "the Arabic seed article, repeated"),
    "quote_open_en": ("en", 'He said "yes ', "a quotation opened and never closed"),
    "quote_sentences_en": ("en", '"We will win," he said. ', "closed quotations"),
    "quote_sentences_ar": ("ar", "وقال الوزير: «سننتصر في النهاية». ", "closed quotations"),
    "no_punct_en": ("en", "the minister said the plan would work and voters think the "
                          "council wants more time ", "words only"),
    "no_punct_ar": ("ar", "وقال الوزير ان الخطة ستنجح وان المسؤولين يقولون ان المجلس يريد "
                          "وقتا اطول ", "words only"),
    "unbalanced_en": ("en", 'He said "yes. ', "quotation marks that never pair"),
    "unbalanced_ar": ("ar", "« قال ", "quotation marks that never pair"),
}
DEFAULT_SIZES = (10_000, 100_000, 1_000_000)


def shape_text(shape: str, size: int) -> str:
    """The text of ``shape``: its unit repeated and cut to ``size`` characters."""
    lang, unit, _ = SHAPES[shape]
    if not unit:
        unit = SEED.read_text(encoding="utf-8").strip() + "\n"
    return (unit * (size // len(unit) + 1))[:size]


def machine() -> dict[str, Any]:
    """What the figures were measured on."""
    from claimcheck.nli import cpuinfo_value

    return {"cpu_model": cpuinfo_value("model name") or platform.processor(),
            "cpus": os.cpu_count(), "python": platform.python_version(),
            "platform": platform.platform()}


def measure(shape: str, size: int) -> dict[str, Any]:
    """One timed call of ``extract_claims(tagger=False)`` on ``shape`` at ``size``."""
    from claimcheck.text.attribution import extract_claims

    text = shape_text(shape, size)
    lang = SHAPES[shape][0]
    began = time.perf_counter()
    claims = extract_claims(text, lang=lang, tagger=False)
    seconds = time.perf_counter() - began
    return {"shape": shape, "lang": lang, "chars": len(text), "seconds": round(seconds, 3),
            "chars_per_s": round(len(text) / seconds) if seconds > 0 else None,
            "claims": len(claims)}


def run(shapes: list[str], sizes: list[int], skip_over: float | None) -> list[dict[str, Any]]:
    """Every shape at every size, smallest first; with ``skip_over``, the sizes
    above one that took longer than that many seconds are recorded as skipped."""
    from claimcheck.text.attribution import extract_claims

    extract_claims("Warm-up: the mayor said the rules load now.", tagger=False)
    results = []
    for shape in shapes:
        slow = False
        for size in sorted(sizes):
            if slow:
                results.append({"shape": shape, "lang": SHAPES[shape][0], "chars": size,
                                "seconds": None, "chars_per_s": None, "claims": None,
                                "skipped": f"a smaller size took over {skip_over} s"})
                continue
            row = measure(shape, size)
            results.append(row)
            print(f"{shape} {size}: {row['seconds']} s", file=sys.stderr, flush=True)
            slow = skip_over is not None and row["seconds"] > skip_over
    return results


def markdown(results: list[dict[str, Any]], info: dict[str, Any]) -> str:
    lines = [
        "## extract_claims(tagger=False) speed",
        "",
        f"CPU: {info['cpu_model']} ({info['cpus']} logical CPUs), Python {info['python']}",
        "",
        "| shape | lang | chars | seconds | chars/s | claims |",
        "|---|---|---:|---:|---:|---:|",
    ]
    for row in results:
        if row["seconds"] is None:
            lines.append(f"| {row['shape']} | {row['lang']} | {row['chars']:,} | "
                         f"skipped ({row['skipped']}) | | |")
            continue
        speed = f"{row['chars_per_s']:,}" if row["chars_per_s"] else "-"
        lines.append(f"| {row['shape']} | {row['lang']} | {row['chars']:,} | "
                     f"{row['seconds']:.2f} | {speed} | {row['claims']:,} |")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--shapes", nargs="+", choices=list(SHAPES), default=list(SHAPES),
                        help="which shapes of text (default: all)")
    parser.add_argument("--sizes", nargs="+", type=int, default=list(DEFAULT_SIZES),
                        help="text sizes in characters (default: 10000 100000 1000000)")
    parser.add_argument("--skip-over", type=float, default=None, metavar="SECONDS",
                        help="skip the larger sizes of a shape once one size takes longer "
                             "(for timing a slow version without waiting for hours)")
    parser.add_argument("--json", type=Path, default=None, metavar="OUT",
                        help="also write the machine and the figures here")
    args = parser.parse_args(argv)
    if any(size <= 0 for size in args.sizes):
        parser.error("--sizes must be positive numbers of characters")
    info = machine()
    results = run(args.shapes, args.sizes, args.skip_over)
    print(markdown(results, info))
    if args.json is not None:
        args.json.write_text(json.dumps({"machine": info, "results": results}, indent=1,
                                        ensure_ascii=False) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
