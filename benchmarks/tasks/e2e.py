"""The ``e2e`` task: the e2e cases, every reported pair judged."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any

from tasks.common import cell, e2e_module, fmt, pipeline_detector


def run_e2e(args) -> dict[str, Any]:
    """The e2e dev cases: each case in one pipeline call, every reported pair
    judged (``benchmarks/e2e_eval.py`` has the rules)."""
    from claimcheck.detect import GATES_OFF

    module = e2e_module()
    cases = module.load_cases(args.e2e)[:args.limit]
    detector = pipeline_detector(args)
    finder = detector.finder
    finder.work.clear()
    results = module.evaluate_cases(cases, detector)
    out = {"data": str(args.e2e), **module.summarise(results, detector.threshold),
           "cascade": _cascade_figures(finder, results)}
    print(f"[e2e] {len(cases)} cases: P {fmt(out['precision'])} R {fmt(out['recall'])} "
          f"({out['reported']} reported, {out['seconds']:.0f}s)", file=sys.stderr)
    # The same cases with every candidate pair scored both ways, and with the
    # cascade's first stage only (every pair it keeps read both ways): what
    # each stage costs in recall and saves in cross-encoder calls.
    # "without_gates" also compares the pairs the finder never compares
    # (articles over max_days_apart apart, no common subject, one source
    # twice or a cue that asserts nothing with no rule seeing a clash, two
    # claims stating quantities or of one polarity with no rule seeing anything).
    for name, settings in (("without_cascade", {"cascade": False}),
                           ("first_stage_only", {"reverse_floor": 0.0}),
                           ("without_gates", {"cascade": False, **GATES_OFF})):
        finder.work.clear()
        with finder.changed(**settings):
            run = module.evaluate_cases(cases, detector)
        got = module.summarise(run, detector.threshold)
        out[name] = {**{k: got[k] for k in ("precision", "recall", "f1", "reported", "right",
                                            "required_found", "required", "seconds")},
                     **_cascade_figures(finder, run)}
    return out


def _cascade_figures(finder, results) -> dict[str, Any]:
    """Cross-encoder work of an e2e run: candidate pairs, pairs scored and NLI
    predictions, each per attributed claim compared."""
    claims = sum(len(r.claims) for r in results)
    work = finder.work
    return {"claims": claims, "candidate_pairs": work["candidates"],
            "pairs_scored": work["pairs"], "nli_predictions": work["nli_predictions"],
            "never_compared": {"apart": work["apart"], "temporary": work["temporary"],
                               "unrelated": work["unrelated"],
                               "self_unreasoned": work["self_unreasoned"],
                               "unasserted": work["unasserted"],
                               "numbers_unreasoned": work["numbers_unreasoned"],
                               "no_cue": work["no_cue"],
                               "other_times": work["other_times"]},
            "nli_per_claim": work["nli_predictions"] / claims if claims else None}


def _cascade_lines(res: dict[str, Any]) -> list[str]:
    """The cascade against scoring every candidate pair, for the e2e table."""
    on, off = res.get("cascade"), res.get("without_cascade")
    if not on or not off:
        return []
    return [
        "The cascade (`ContradictionFinder.cascade`, on above) against scoring every "
        "candidate pair both ways, same cases and claims:", "",
        "| | candidate pairs | pairs scored | NLI predictions | NLI per claim | reported | "
        "precision | required found | recall |", "|---|---|---|---|---|---|---|---|---|",
        f"| cascade | {on['candidate_pairs']} | {on['pairs_scored']} | {on['nli_predictions']} "
        f"| {fmt(on['nli_per_claim'], 2)} | {res['reported']} | {fmt(res['precision'])} | "
        f"{res['required_found']}/{res['required']} | {fmt(res['recall'])} |",
        *[f"| {label} | {m['candidate_pairs']} | {m['pairs_scored']} | "
          f"{m['nli_predictions']} | {fmt(m['nli_per_claim'], 2)} | {m['reported']} | "
          f"{fmt(m['precision'])} | {m['required_found']}/{m['required']} | "
          f"{fmt(m['recall'])} |"
          for label, m in (("first stage only (kept pairs both ways)",
                            res.get("first_stage_only")),
                           ("every compared candidate, both ways", off),
                           ("every candidate, both ways, no date, subject, one-source, "
                            "assertion, number, polarity or time check",
                            res.get("without_gates")))
          if m],
        "", "Candidate pairs never compared (`ContradictionFinder.timely` and `.related`): "
        f"articles over a week apart {on.get('never_compared', {}).get('apart', 0)}, "
        "an earlier claim of a state that holds for a while (\"closed until ...\") against "
        f"a later one {on.get('never_compared', {}).get('temporary', 0)}, "
        f"no content word or topic in common {on.get('never_compared', {}).get('unrelated', 0)}, "
        "one source twice with no rule seeing a clash "
        f"{on.get('never_compared', {}).get('self_unreasoned', 0)}, a claim its cue does "
        "not assert with no rule seeing a clash "
        f"{on.get('never_compared', {}).get('unasserted', 0)}, two claims stating quantities "
        "with no rule seeing anything "
        f"{on.get('never_compared', {}).get('numbers_unreasoned', 0)}, two claims of one "
        "polarity (a negation cue in neither or in both) with no rule seeing anything "
        f"{on.get('never_compared', {}).get('no_cue', 0)}, two claims naming different "
        "times (\"this year\" / \"next year\") "
        f"{on.get('never_compared', {}).get('other_times', 0)}.",
        ""]


def e2e_markdown(res: dict[str, Any]) -> str:
    def prf_row(name: str, m: dict[str, Any]) -> str:
        return (f"| {name} | {m.get('cases', res['cases'])} | {m['reported']} | {m['right']} | "
                f"{m['false_alarms']} | {m['hard_negative_hits']} | {fmt(m['precision'])} | "
                f"{m['required_found']}/{m['required']} | {fmt(m['recall'])} | {fmt(m['f1'])} |")

    lines = [
        "## End to end: every reported pair counts ("
        + ("e2e dev cases" if Path(res["data"]).name == "dev.json"
           else f"cases of `{Path(res['data']).name}`") + ")", "",
        f"{res['cases']} cases (`{Path(res['data']).name}`), each one pipeline call; threshold "
        f"{res['threshold']:.2f}. A reported pair is right when both claims match the two sides "
        "of a listed contradiction (same document, spans overlapping by half the shorter, same "
        "source); every other reported pair is a false alarm. Recall is over required "
        f"contradictions. Precision **{fmt(res['precision'])}**, recall "
        f"**{fmt(res['recall'])}**, F1 **{fmt(res['f1'])}**; {res['seconds']:.0f}s.", "",
        "| cases | n | reported | right | false alarms | of which hard negatives | precision | "
        "required found | recall | F1 |", "|---|---|---|---|---|---|---|---|---|---|",
        *[prf_row(g, m) for g, m in res["per_group"].items()], prf_row("all", res), "",
        "| kind | required | found | recall | optional found |", "|---|---|---|---|---|",
        *[f"| {k} | {m['required']} | {m['found']} | {fmt(m['recall'])} | "
          f"{m['optional_found']}/{m['optional']} |" for k, m in res["per_kind"].items()], "",
        f"- Cases without any contradiction that come back empty: {res['of_which_empty']} of "
        f"{res['cases_without_contradictions']}.",
        "- Hard negatives reported, by kind: " + (", ".join(
            f"{k} {n}" for k, n in res["hard_negative_hits_by_kind"].items()) or "none") + ".",
        "- Precision if a wrong source were forgiven (not the rule, for reading): "
        f"{fmt(res['precision_ignoring_source'])}.",
        f"- Self-contradictions (both sides one source) found: "
        f"{res['self_contradictions']['found']}/{res['self_contradictions']['required']}; "
        f"between sources: {res['cross_source_contradictions']['found']}/"
        f"{res['cross_source_contradictions']['required']}. Reported pairs whose two claims "
        f"the system gives one speaker: {res['same_speaker']['reported']} "
        f"({res['same_speaker']['right']} right); whose claims name one gold source: "
        f"{res['gold_same_source']['reported']} ({res['gold_same_source']['right']} right). "
        "By the pipeline's own kind: " + (", ".join(
            f"{k} {m['reported']} ({m['right']} right)"
            for k, m in res.get("by_system_kind", {}).items()) or "none") + ".", "",
        "Claim extraction on the same cases (a gold claim is found when an attributed claim "
        "of its document overlaps its content by half the shorter span and names its source):",
        "", "| language | gold claims | found | recall | attributed claims | right | precision "
        "| F1 | recall, content only | precision, content only |",
        "|---|---|---|---|---|---|---|---|---|---|",
        *[f"| {lang} | {m['gold']} | {m['found']} | {fmt(m['recall'])} | {m['predicted']} | "
          f"{m['correct']} | {fmt(m['precision'])} | {fmt(m['f1'])} | "
          f"{fmt(m['content_recall'])} | {fmt(m['content_precision'])} |"
          for lang, m in res["claims"].items()], "",
        *_linking_lines(res.get("source_linking")),
        *_cascade_lines(res),
        "At other thresholds (same scored pairs): " + "; ".join(
            f"{t}: {m['reported']} reported, P {fmt(m['precision'])} R {fmt(m['recall'])} "
            f"F1 {fmt(m['f1'])}" for t, m in res["at_thresholds"].items()) + "."]
    omitted = res.get("texts_omitted")
    if omitted:
        lines += ["", f"The {omitted['false_alarm_pairs']} false alarms and "
                  f"{omitted['misses']} missed contradictions are not quoted here: their texts "
                  "are ../shared data (`--no-texts`); rerun without it to read them."]
        return "\n".join(lines)
    lines += [
        "", f"### Highest-scored false alarms (all {len(res['false_alarm_pairs'])} in the JSON)",
        "", "| case | speaker A | claim A | speaker B | claim B | p | reason | hard negative |",
        "|---|---|---|---|---|---|---|---|"]
    for r in res["false_alarm_pairs"][:15]:
        a, b = r["claim_a"], r["claim_b"]
        lines.append(f"| {r['case']} | {a['speaker']} | {cell(a['text'])} | {b['speaker']} | "
                     f"{cell(b['text'])} | {r['score']:.2f} | {cell(r['reason'] or '', 50)} | "
                     f"{', '.join(r['hard_negative'])} |")
    lines += ["", f"### Required contradictions missed ({len(res['misses'])})", "",
              "| case | kind | quote A | quote B | sides extracted | best score |",
              "|---|---|---|---|---|---|"]
    for m in res["misses"]:
        lines.append(f"| {m['case']} | {m['kind']} | {cell(m['a']['quote'])} | "
                     f"{cell(m['b']['quote'])} | {'a' if m['a_extracted'] else '-'}"
                     f"{'b' if m['b_extracted'] else '-'} | "
                     f"{'not a candidate' if m['best_score'] is None else fmt(m['best_score'], 2)}"
                     " |")
    return "\n".join(lines)


def _linking_lines(m: dict[str, Any] | None) -> list[str]:
    """The e2e source-linking sentence (none for results saved before it)."""
    if not m:
        return []
    return [f"One source across documents ({m['cases']} cases of two documents or more; pairs "
            "of found gold claims in different documents, linked when the system gives them "
            f"one `Claim.source`): {m['gold_links']} gold links, {m['system_links']} system "
            f"links, {m['right']} right: precision {fmt(m['precision'])}, recall "
            f"{fmt(m['recall'])}, F1 **{fmt(m['f1'])}**.", ""]
