"""The ``alarms`` task: reported pairs per 100 claims on unlabelled real news."""

from __future__ import annotations

import functools
import json
import sys
from pathlib import Path
from typing import Any

from tasks.common import cell, e2e_module, fmt, pipeline_detector

ALARM_SETS = {
    "polnear-dev": lambda args, limit: e2e_module().polnear_documents(
        Path(args.polnear) / "text", limit),
    # The same articles without their publication dates (every pair compared
    # whatever the weeks between them): what the dates change.
    "polnear-dev-undated": lambda args, limit: e2e_module().polnear_documents(
        Path(args.polnear) / "text", limit, dated=False),
    "realnews-ar": lambda args, limit: e2e_module().realnews_documents(
        "ar", args.realnews, limit),
    # English news outside US politics (BBC 2004-05: business, entertainment,
    # politics, sport, tech), which neither the tagger nor the rules were built on.
    "realnews-en": lambda args, limit: e2e_module().realnews_documents(
        "en", args.realnews, limit),
    # Persian news (FarExStance): a language with no rules, read by the
    # 12-layer tagger alone and compared by the NLI model alone.
    "realnews-fa": lambda args, limit: e2e_module().realnews_documents(
        "fa", args.realnews, limit),
    # The three collections in one call, as a mixed archive: claims of
    # different stories in different languages meet.
    "realnews-mixed": lambda args, limit: [
        d for lang in ("fa", "ar", "en")
        for d in e2e_module().realnews_documents(lang, args.realnews, limit)],
}


def run_alarms(args) -> dict[str, Any]:
    """Reported pairs per 100 attributed claims on unlabelled real news, each
    collection in one pipeline call, and the top pairs for a reader to judge."""
    module = e2e_module()
    detector = pipeline_detector(args)
    out = {}
    for name in args.alarm_sets:
        docs = ALARM_SETS[name](args, args.limit)
        keep = None
        if args.save_analysis:
            keep = functools.partial(_save_analysis, args.save_analysis / f"{name}.json", docs,
                                     detector)
        detector.finder.work.clear()
        out[name] = module.alarm_rate(docs, detector, detector.threshold, keep=keep)
        work = detector.finder.work
        out[name].update(candidate_pairs=work["candidates"],
                         nli_predictions=work["nli_predictions"],
                         nli_per_claim=work["nli_predictions"] / max(1, out[name]["claims"]))
        print(f"[alarms] {name}: {out[name]['reported']} reported, "
              f"{fmt(out[name]['per_100_claims'], 1)} per 100 claims, "
              f"{out[name]['seconds']:.0f}s", file=sys.stderr)
    return out


def _save_analysis(path: Path, docs, detector, claims, reported) -> None:
    """One collection's run as the JSON of ``claimcheck find --format json``
    (it quotes the articles: keep it under runs/, never commit it)."""
    from claimcheck.results import Analysis

    analysis = Analysis(docs, claims, reported, detector.threshold,
                        model=detector.finder._model_name())
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(analysis.to_dict(), ensure_ascii=False), encoding="utf-8")
    print(f"[alarms] the run is saved as {path}", file=sys.stderr)


def alarms_markdown(res: dict[str, Any]) -> str:
    lines = ["## Alarm rate on real news (unlabelled)", "",
             "Each collection in one pipeline call. Claims are the attributed claims the "
             "pipeline compares.", "",
             "| collection | articles | claims | candidate pairs | scored (cascade) | NLI per "
             "claim | reported | per 100 claims | within one article | one speaker both sides | "
             "no reason | seconds |",
             "|---|---|---|---|---|---|---|---|---|---|---|---|"]
    for name, m in res.items():
        lines.append(f"| {name} | {m['articles']} | {m['claims']} | {m['candidate_pairs']} | "
                     f"{m['pairs_scored']} | {fmt(m['nli_per_claim'], 2)} | {m['reported']} | "
                     f"{fmt(m['per_100_claims'], 1)} | {m['same_document']} | "
                     f"{m['same_speaker']} | {m['no_reason']} | {m['seconds']:.0f} |")
    lines += ["", "Attributed claims a reader would flag (`suspicious_claim` in "
              "`benchmarks/e2e_eval.py`, written apart from the pipeline's own filter):", "",
              "| collection | attributed claims | flagged | why |", "|---|---|---|---|"]
    for name, m in res.items():
        why = "; ".join(f"{k} {v}" for k, v in m["suspicious"]["by_why"].items()) or "–"
        lines.append(f"| {name} | {m['claims']} | {m['suspicious']['count']} | {why} |")
    for name, m in res.items():
        if "texts_omitted" not in m and m["suspicious"]["claims"]:
            lines += ["", f"### {name}: every flagged claim", "",
                      "| why | speaker | claim |", "|---|---|---|"]
            lines += [f"| {r['why']} | {cell(r['speaker'] or '', 50)} | {cell(r['text'], 80)} |"
                      for r in m["suspicious"]["claims"]]
    for name, m in res.items():
        if "texts_omitted" in m:
            lines += ["", f"{name}: the top {m['texts_omitted']['top']} reported pairs are not "
                      "quoted here: their texts are ../shared data (`--no-texts`); rerun "
                      "without it to read them."]
            continue
        lines += ["", f"### {name}: top {len(m['top'])} reported pairs (threshold "
                  f"{m['threshold']:.2f})", "",
                  "| # | speaker A | claim A | speaker B | claim B | p | reason |",
                  "|---|---|---|---|---|---|---|"]
        for i, r in enumerate(m["top"], 1):
            a, b = r["claim_a"], r["claim_b"]
            lines.append(f"| {i} | {a['speaker']} | {cell(a['text'], 80)} | {b['speaker']} | "
                         f"{cell(b['text'], 80)} | {r['score']:.2f} | "
                         f"{cell(r['reason'] or '', 60)} |")
    return "\n".join(lines)
