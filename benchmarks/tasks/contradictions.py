"""The ``contradictions`` task: our own gold articles and the seed."""

from __future__ import annotations

import json
import time
from typing import Any

from tasks.common import GOLD_CONTRADICTIONS, SEED, e2e_module, fmt, prf_at


def _claim_for(claims, doc_id: str, text: str, needle: str):
    start = text.find(needle)
    if start < 0:
        raise ValueError(f"gold substring not in {doc_id}: {needle!r}")
    end = start + len(needle)
    best = [c for c in claims if c.doc_id == doc_id and c.span[0] <= start and end <= c.span[1]]
    if not best:
        best = [c for c in claims if c.doc_id == doc_id and c.span[0] < end and start < c.span[1]]
    return best[0] if best else None


def run_contradictions(args) -> dict[str, Any]:
    """Precision/recall/F1 on our gold articles, candidate-pair savings and the seed."""
    from claimcheck import Document
    from claimcheck.detect import ContradictionFinder

    gold = json.loads(GOLD_CONTRADICTIONS.read_text(encoding="utf-8"))
    docs = [Document(d["text"], d["id"], d["lang"], d.get("title")) for d in gold["documents"]]
    texts = {d.id: d.text for d in docs}
    finder = ContradictionFinder(nli_model=args.model)
    start = time.perf_counter()
    claims = finder.claims(docs)
    pairs = finder.pairs(claims)
    scored = finder.score(pairs, docs)
    elapsed = time.perf_counter() - start
    threshold = finder.default_threshold
    by_key = {frozenset((c.claim_a, c.claim_b)): c for c in scored}
    unmatched, rows = 0, []
    gold_contra_in_candidates = 0
    n_contra = 0
    for pair in gold["pairs"]:
        a = _claim_for(claims, pair["doc_a"], texts[pair["doc_a"]], pair["claim_a"])
        b = _claim_for(claims, pair["doc_b"], texts[pair["doc_b"]], pair["claim_b"])
        is_contra = pair["label"] == "contradiction"
        n_contra += is_contra
        hit = by_key.get(frozenset((a, b))) if a and b and a != b else None
        if a is None or b is None:
            unmatched += 1
        if is_contra and hit is not None:
            gold_contra_in_candidates += 1
        rows.append({"claim_a": pair["claim_a"], "claim_b": pair["claim_b"],
                     "label": pair["label"], "score": None if hit is None else hit.score,
                     "reason": None if hit is None else hit.reason,
                     # the NLI model's contradiction probability, each direction
                     "nli_ab": None if hit is None else hit.score_ab,
                     "nli_ba": None if hit is None else hit.score_ba})
    n = len(claims)
    all_pairs = n * (n - 1) // 2
    reported = sum(c.score >= threshold for c in scored)  # what find_contradictions returns
    result = {
        "threshold": threshold, "documents": len(docs), "claims": n,
        **_scores_at(rows, threshold),
        "gold_claims_not_extracted": unmatched,
        "candidate_pairs": len(pairs), "all_pairs": all_pairs,
        "nli_calls_saved": 1 - len(pairs) / all_pairs if all_pairs else 0.0,
        "gold_contradiction_recall_of_candidates": gold_contra_in_candidates / max(1, n_contra),
        "reported_pairs": reported, "seconds": elapsed, "pairs": rows,
        # Every reported pair judged, not only the labelled ones (issue 16).
        "all_reported": e2e_module().judge_listed_pairs(
            gold, [c for c in scored if c.score >= threshold]),
    }
    result["at_other_thresholds"] = {
        str(t): _scores_at(rows, t) for t in (0.3, 0.4, 0.5, 0.6) if t != threshold
    }
    result["seed"] = run_seed(args.model)
    return result


def _scores_at(rows: list[dict], threshold: float) -> dict[str, float]:
    """:func:`prf_at` of the gold pairs (a pair that never became a candidate has
    no score and counts as not found)."""
    return prf_at([r["score"] for r in rows], [r["label"] == "contradiction" for r in rows],
                threshold)


def run_seed(model: str | None = None) -> dict[str, Any]:
    """The seed article end to end: cold (model loading) and warm timings, top results."""
    from claimcheck.detect import ContradictionFinder

    text = SEED.read_text(encoding="utf-8")
    start = time.perf_counter()
    finder = ContradictionFinder(nli_model=model)
    found = finder(text, show_progress_bar=False)
    cold = time.perf_counter() - start
    start = time.perf_counter()
    found = finder(text, show_progress_bar=False)
    warm = time.perf_counter() - start
    return {"cold_seconds": cold, "warm_seconds": warm, "results": [
        {"speaker_a": c.claim_a.speaker, "claim_a": c.claim_a.text, "speaker_b": c.claim_b.speaker,
         "claim_b": c.claim_b.text, "score": c.score, "reason": c.reason} for c in found[:5]]}


def _all_reported_line(a: dict[str, Any]) -> str:
    return (f"Precision over every reported pair, not only the labelled ones: "
            f"{fmt(a['precision_all_reported'])} ({a['right']} of {a['reported']} reported pairs "
            f"are listed contradictions; {a['hit_listed_no_contradiction']} are listed "
            f"non-contradictions and {a['unlisted']} are not listed). The file lists chosen "
            "pairs, not every contradiction, and names no sources, so this is a lower bound: "
            "an unlisted pair may be a real contradiction nobody wrote down.")


def contradictions_markdown(res: dict[str, Any]) -> str:
    s = res["seed"]
    lines = [
        "## Contradictions (our gold articles)", "",
        f"{res['documents']} articles, {res['claims']} claims, threshold {res['threshold']}: "
        f"precision {res['precision']:.3f}, recall {res['recall']:.3f}, F1 {res['f1']:.3f} "
        f"(tp {res['tp']}, fp {res['fp']}, fn {res['fn']}, tn {res['tn']}; "
        f"{res['gold_claims_not_extracted']} gold claims not extracted).", "",
        _all_reported_line(res["all_reported"]) if "all_reported" in res else "", "",
        "For comparison (not tuned on these articles): " + "; ".join(
            f"threshold {t}: P {m['precision']:.3f} R {m['recall']:.3f} F1 {m['f1']:.3f}"
            for t, m in res.get("at_other_thresholds", {}).items()) + ".", "",
        f"Candidate pairs: {res['candidate_pairs']} of {res['all_pairs']} possible "
        f"({res['nli_calls_saved']:.1%} of NLI calls saved); gold contradictions among the "
        f"candidates: {res['gold_contradiction_recall_of_candidates']:.1%}.", "",
        f"Seed article: {s['cold_seconds']:.1f}s cold (loading models), "
        f"{s['warm_seconds']:.2f}s warm.", "",
        "| # | speaker A | claim A | speaker B | claim B | p | reason |",
        "|---|---|---|---|---|---|---|"]
    for i, r in enumerate(s["results"], 1):
        lines.append(f"| {i} | {r['speaker_a']} | {r['claim_a'][:60]} | {r['speaker_b']} | "
                     f"{r['claim_b'][:60]} | {r['score']:.2f} | {r['reason'] or ''} |")
    return "\n".join(lines)
