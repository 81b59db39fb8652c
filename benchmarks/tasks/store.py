"""The ``store`` and ``scale`` tasks: the persistent claim store on real articles."""

from __future__ import annotations

import os
import sys
import time
from pathlib import Path
from typing import Any

from tasks.common import e2e_module, fmt, pipeline_detector, script_module


def run_store(args) -> dict[str, Any]:
    """The persistent claim store (claimcheck/store.py) on real articles: the
    84 PolNeAR dev articles added in batches of 16 to a new store, then 10
    PolNeAR train articles added to it; articles per second, NLI predictions
    per claim (cross-encoder calls, counted by the finder), the store's size
    on disk and the process's peak memory. ``--limit N`` takes the first N
    dev articles."""
    module = e2e_module()
    detector = pipeline_detector(args)
    finder = detector.finder
    first = module.polnear_documents(Path(args.polnear) / "text", args.limit)
    train = Path(args.polnear).parent / "train" / "text"
    more = module.polnear_documents(train, 10)
    return _store_steps(finder, (("initial", first), ("then", more)), batch_size=16,
                        tag="store")


def _resident_mb() -> float | None:
    """The process's resident memory now, in MB (Linux ``/proc``; else None)."""
    try:
        with open("/proc/self/statm") as f:
            return int(f.read().split()[1]) * os.sysconf("SC_PAGE_SIZE") / 2**20
    except (OSError, ValueError, IndexError):
        return None


def _peak_mb() -> float:
    import resource

    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def _store_steps(finder, steps, *, batch_size: int, tag: str,
                 chunk: int | None = None) -> dict[str, Any]:
    """Each ``(name, documents)`` step added in turn to one new claim store:
    counts, seconds, articles/s, NLI predictions per claim and seconds per
    stage each; then the store's totals, its size on disk and peak memory.
    With ``chunk``, a step's documents go to ``store.add`` ``chunk`` at a
    time (a multiple of ``batch_size``: the same batches) and ``memory``
    lists, after each, the articles stored, the resident memory and the
    peak so far (MB)."""
    import tempfile

    from claimcheck.store import ClaimStore

    out: dict[str, Any] = {"memory": []}
    with tempfile.TemporaryDirectory() as tmp:
        store = ClaimStore(Path(tmp) / "store", finder=finder)
        for name, docs in steps:
            finder.work.clear()
            start = time.perf_counter()
            step = chunk or len(docs) or 1
            counts: dict[str, int] = {}
            for first in range(0, len(docs), step):
                part = store.add(docs[first:first + step], batch_size=batch_size,
                                 show_progress_bar=tag == "scale")
                counts = {k: counts.get(k, 0) + v for k, v in part.items()}
                out["memory"].append({"articles": len(store), "resident_mb": _resident_mb(),
                                      "peak_mb": _peak_mb()})
            seconds = time.perf_counter() - start
            out[name] = {**counts, "seconds": seconds,
                         "articles_per_s": counts["documents"] / seconds if seconds else None,
                         "nli_per_claim": counts["nli_predictions"] / counts["claims"]
                         if counts["claims"] else None,
                         "stage_seconds": {k[len("seconds_"):]: v for k, v in finder.work.items()
                                           if k.startswith("seconds_")}}
            print(f"[{tag}] {name}: {counts['documents']} articles in {seconds:.0f}s",
                  file=sys.stderr)
        out["store"] = store.stats()
        store.close()
        out["bytes_on_disk"] = sum(f.stat().st_size for f in (Path(tmp) / "store").iterdir())
    out["peak_rss_mb"] = _peak_mb()
    return out


def store_markdown(res: dict[str, Any]) -> str:
    lines = ["## The claim store (claimcheck/store.py)", "",
             "A new store; PolNeAR dev articles added in batches of 16, then PolNeAR train "
             "articles added to it. NLI predictions per claim: cross-encoder calls (the "
             "cascade's), counted by the finder.", "",
             "| step | articles | claims | candidate pairs | NLI per claim | contradictions "
             "stored | seconds | articles/s |", "|---|---|---|---|---|---|---|---|"]
    for name in ("initial", "then"):
        m = res[name]
        lines.append(f"| {name} | {m['documents']} | {m['claims']} | {m['pairs']} | "
                     f"{fmt(m['nli_per_claim'], 2)} | {m['contradictions']} | "
                     f"{m['seconds']:.0f} | {fmt(m['articles_per_s'], 2)} |")
    lines += ["", f"Store: {res['store']['documents']} documents, {res['store']['claims']} "
              f"claims, {res['store']['contradictions']} contradictions, "
              f"{res['bytes_on_disk'] / 1e6:.1f} MB on disk; peak memory of the process "
              f"{res['peak_rss_mb']:.0f} MB."]
    return "\n".join(lines)


def run_scale(args) -> dict[str, Any]:
    """A corpus recombined from the real English articles of ``../shared``
    (``benchmarks/corpus.py``: PolNeAR train + dev and the FNC-1 bodies)
    added to a new claim store in batches of 64, then 100 more articles added
    to it: articles per second, NLI predictions per claim, seconds per stage,
    peak memory, the store's size and the time to add 100 articles.
    ``--limit N``: N articles (default 10,000)."""
    corpus = script_module("benchmarks/corpus.py")
    sources = corpus.source_articles(Path(args.polnear).parent)
    n = args.limit or 10_000
    docs = corpus.recombined_corpus(n + 100, sources, seed=0)
    finder = pipeline_detector(args).finder
    return {"sources": len(sources), "articles": n,
            "onednn_primitive_cache": os.environ.get("ONEDNN_PRIMITIVE_CACHE_CAPACITY"),
            "characters": sum(len(d.text) for d in docs[:n]),
            **_store_steps(finder, (("corpus", docs[:n]), ("add_100", docs[n:])),
                           batch_size=64, tag="scale", chunk=1024)}


def scale_markdown(res: dict[str, Any]) -> str:
    lines = ["## Corpus scale (claim store)", "",
             f"{res['articles']:,} articles ({res['characters'] / 1e6:.1f} M characters) "
             f"recombined from {res['sources']:,} real English articles "
             "(`benchmarks/corpus.py`), added to a new store in batches of 64; then 100 "
             "more. NLI predictions: cross-encoder calls, counted by the finder.", "",
             "| step | articles | claims | candidate pairs | NLI per claim | contradictions | "
             "seconds | articles/s | extract s | reasons s | NLI s |",
             "|---|---|---|---|---|---|---|---|---|---|---|"]
    for name in ("corpus", "add_100"):
        m = res[name]
        st = m["stage_seconds"]
        lines.append(f"| {name} | {m['documents']} | {m['claims']} | {m['pairs']} | "
                     f"{fmt(m['nli_per_claim'], 2)} | {m['contradictions']} | "
                     f"{m['seconds']:.0f} | {fmt(m['articles_per_s'], 2)} | "
                     f"{st.get('extract', 0):.0f} | {st.get('reasons', 0):.0f} | "
                     f"{st.get('nli', 0):.0f} |")
    lines += ["", f"Store: {res['store']['documents']} documents, {res['store']['claims']} "
              f"claims, {res['store']['contradictions']} contradictions, "
              f"{res['bytes_on_disk'] / 1e6:.1f} MB on disk; peak memory of the process "
              f"{res['peak_rss_mb']:.0f} MB (oneDNN primitive cache: "
              f"{res.get('onednn_primitive_cache') or 'default'}). The recall the cascade costs "
              "is measured on the e2e dev cases (`e2e` task)."]
    if res.get("memory"):
        lines += ["", "Memory as the store grows (MB: resident after each 1,024 articles; peak "
                  "of the process so far):", "", "| articles stored | resident | peak |",
                  "|---|---|---|"]
        lines += [f"| {m['articles']} | {fmt(m['resident_mb'], 0)} | {m['peak_mb']:.0f} |"
                  for m in res["memory"]]
    return "\n".join(lines)
