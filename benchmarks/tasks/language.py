"""The ``language`` task: language identification on sentences and articles by others."""

from __future__ import annotations

import time
from collections import Counter
from typing import Any

from tasks.common import DATA, SHARED, machine, read_jsonl


def run_language(args) -> dict[str, Any]:
    """``detect_language`` on single sentences written by others: the distinct
    premises of XNLI dev (17 languages), of RTE-3 (English, French, German,
    Italian; its only split, which the choice of ``ENGLISH_MARGIN`` also read)
    and of FarsTail dev (Persian),
    and on whole articles: PolNeAR dev (English), realnews/ar (Arabic, also
    retyped with the Persian "ی" and "ک") and realnews/fa (Persian).
    Accuracy per language, what the misses were taken for, and the time."""
    from claimcheck.text.language import detect_language

    sentences: dict[str, list[str]] = {}
    for path in (DATA / "xnli" / "dev.jsonl", DATA / "rte3-3way-multi" / "train.jsonl",
                 DATA / "farstail-fa" / "dev.jsonl"):
        for row in read_jsonl(path):
            sentences.setdefault(row["lang"], []).append(row["premise"])
    articles = {"en": sorted((SHARED / "attribution" / "polnear" / "dev" / "text").glob("*.txt")),
                "ar": sorted((SHARED / "realnews" / "ar").glob("*.txt")),
                "fa": sorted((SHARED / "realnews" / "fa").glob("*.txt"))}
    out: dict[str, Any] = {"cpu": machine()["cpu_model"], "sentences": {}, "articles": {}}
    detect_language("warm up: the classifier loads on first use")
    started, count = time.perf_counter(), 0
    for lang, texts in sorted(sentences.items()):
        texts = list(dict.fromkeys(texts))
        found = Counter(detect_language(t) for t in texts)
        count += len(texts)
        out["sentences"][lang] = {"n": len(texts), "accuracy": found[lang] / len(texts),
                                  "taken_for": dict(found.most_common(4))}
    out["ms_per_sentence"] = 1000 * (time.perf_counter() - started) / count
    for lang, paths in articles.items():
        found = Counter(detect_language(p.read_text(encoding="utf-8")) for p in paths)
        out["articles"][lang] = {"n": len(paths), "accuracy": found[lang] / max(1, len(paths)),
                                 "taken_for": dict(found)}
    # The Arabic articles as typed on a Persian keyboard ("ی", "ک" for "ي", "ك").
    retyped = str.maketrans({"ي": "ی", "ك": "ک"})
    found = Counter(detect_language(p.read_text(encoding="utf-8").translate(retyped))
                    for p in articles["ar"])
    out["articles"]["ar, Persian keyboard"] = {
        "n": len(articles["ar"]), "accuracy": found["ar"] / max(1, len(articles["ar"])),
        "taken_for": dict(found)}
    return out


def language_markdown(res: dict[str, Any]) -> str:
    lines = [f"## Language identification, {res['cpu']}", "",
             "One sentence each (XNLI dev premises; RTE-3 for Italian and more English, "
             "French, German; FarsTail dev for Persian), then whole articles. Languages "
             "whose script has no classifier here (Burmese) come back 'und' or as what "
             "their Latin letters look like.", "",
             "| language | sentences | accuracy | taken for |", "|---|---|---|---|"]
    for lang, m in res["sentences"].items():
        taken = ", ".join(f"{k} {v}" for k, v in m["taken_for"].items() if k != lang)
        lines.append(f"| {lang} | {m['n']} | {m['accuracy']:.3f} | {taken or '–'} |")
    lines += ["", f"{res['ms_per_sentence']:.2f} ms a sentence.", "",
              "| articles | n | accuracy |", "|---|---|---|"]
    lines += [f"| {lang} | {m['n']} | {m['accuracy']:.3f} |" for lang, m in res["articles"].items()]
    return "\n".join(lines)
