"""The ``calibrate`` task: Platt scaling, threshold and reason weights, fitted and saved."""

from __future__ import annotations

import random
from pathlib import Path
from typing import Any

from tasks.common import DATA, THREE_WAY, prf_at, read_jsonl


def score_claim_pairs(nli, rows: list[dict], batch_size: int, *, compared_only: bool = False):
    """Raw two-direction contradiction probabilities and reason kinds of
    labelled claim pairs, scored exactly as the pipeline scores candidates
    (denial cues, asserted text, both directions). Returns (raw, kinds).
    With ``compared_only``, a pair the pipeline never compares (no content
    word or topic in common: ``ContradictionFinder.related``) gets raw 0 and
    no reason, as it can never be reported."""
    import numpy as np

    from claimcheck import Claim, Document
    from claimcheck.calibration import combine_directions
    from claimcheck.detect import GATES_OFF, ContradictionFinder
    from claimcheck.types import ClaimPair

    def claim(row: dict, side: str) -> tuple[Claim, Document]:
        text, lang, doc_id = row[f"claim_{side}"], row[f"lang_{side}"], f"{row['id']}/{side}"
        return (Claim(text, (0, len(text)), speaker=side.upper(), cue=row[f"cue_{side}"],
                      lang=lang, doc_id=doc_id), Document(text, doc_id, lang))

    # every labelled pair scored both ways: no cascade, no date or subject check
    finder = ContradictionFinder(nli_model=nli, batch_size=batch_size, cascade=False,
                                 **{**GATES_OFF, "same_subject": compared_only})
    pairs, docs = [], []
    for row in rows:
        (a, doc_a), (b, doc_b) = claim(row, "a"), claim(row, "b")
        pairs.append(ClaimPair(a, b, similarity=0.0))
        docs += [doc_a, doc_b]
    found = {(c.claim_a, c.claim_b): c for c in finder.score(pairs, docs,
                                                            show_progress_bar=False)}
    scored = [found.get((p.a, p.b)) for p in pairs]
    raw = combine_directions(np.array([c.score_ab if c else 0.0 for c in scored]),
                             np.array([c.score_ba if c else 0.0 for c in scored]))
    return raw, [list(c.reasons) if c else [] for c in scored]




def _auc_by_languages(rows: list[dict], gold, scores) -> dict[str, float]:
    """ROC AUC of ``scores`` on the same-language and the cross-language pairs."""
    from sklearn.metrics import roc_auc_score

    out = {}
    for name, cross in (("same_language", False), ("cross_language", True)):
        idx = [i for i, r in enumerate(rows) if (r["lang_a"] != r["lang_b"]) == cross]
        out[name] = float(roc_auc_score([gold[i] for i in idx], [scores[i] for i in idx]))
    return out


def run_calibrate(args) -> dict[str, Any]:
    """Fit the calibration and save it beside the model, in two steps:

    1. Platt scaling of the two-direction contradiction probability on a
       stratified sample of the NLI dev splits (the probability scale);
    2. the reason weights and the default threshold on our news-style claim
       pairs (``benchmarks/data/claim_pairs_dev.jsonl``), which look like what
       the pipeline scores: attributed claims, reasons that fire often.

    Step 2 is also cross-validated (5 folds: weights and threshold fitted on
    four, scored on the fifth) so that its figures are not only in-sample.
    """
    import numpy as np

    from claimcheck import NLIModel
    from claimcheck.calibration import (
        FITTED_KINDS,
        PlattScaler,
        best_f1_threshold,
        combine_directions,
    )

    nli = NLIModel.load(args.model)
    rng = random.Random(1)
    rows = []
    for path in sorted(DATA.glob("*/dev.jsonl")):
        part = [r for r in read_jsonl(path) if r["label"] in THREE_WAY]
        rows += rng.sample(part, min(args.calibration_per_set, len(part)))
    col = nli.label_index("contradiction")
    ab = nli.predict([(r["premise"], r["hypothesis"]) for r in rows], batch_size=args.batch_size,
                     show_progress_bar=False)[:, col]
    ba = nli.predict([(r["hypothesis"], r["premise"]) for r in rows], batch_size=args.batch_size,
                     show_progress_bar=False)[:, col]
    raw = combine_directions(ab, ba)
    gold = np.array([r["label"] == "contradiction" for r in rows])
    platt = PlattScaler.fit(raw, gold, fitted_on=f"{len(rows)} NLI dev pairs "
                            f"({args.calibration_per_set} per dev set), both directions")

    claim_rows = read_jsonl(Path(args.claim_pairs))
    described = (f"{len(claim_rows)} news-style claim pairs of our own "
                 f"({Path(args.claim_pairs).name})")
    if args.news_negatives:
        # Real neighbouring claims the NLI model was not trained on, as
        # non-contradictions: the threshold and the reason weights then see
        # the base rate the pipeline meets on real news, not the 45% of the
        # claim pairs.
        news = read_jsonl(Path(args.news_negatives))
        news = random.Random(2).sample(news, min(args.news_negatives_n, len(news)))
        claim_rows = claim_rows + news
        described += (f" and {len(news)} neighbouring claims of real articles as "
                      f"non-contradictions ({Path(args.news_negatives).name})")
    c_raw, c_kinds = score_claim_pairs(nli, claim_rows, args.batch_size,
                                       compared_only=args.compared_only)
    c_gold = np.array([r["label"] == "contradiction" for r in claim_rows])
    scaler = platt.fit_reasons(c_raw, c_gold, c_kinds, fitted_on=(
        described + ", both directions, with the reasons seen in each"))
    scaler.save(nli.path)

    # Out-of-fold: weights and threshold from four folds, scored on the fifth.
    folds = np.arange(len(claim_rows)) % 5
    np.random.default_rng(0).shuffle(folds)
    out_of_fold = np.zeros(len(claim_rows), dtype=bool)
    for k in range(5):
        train, test = folds != k, folds == k
        part = platt.fit_reasons(c_raw[train], c_gold[train],
                                 [c_kinds[i] for i in np.flatnonzero(train)], fitted_on="fold")
        test_scores = part.score(c_raw[test], [c_kinds[i] for i in np.flatnonzero(test)])
        out_of_fold[test] = test_scores >= part.threshold
    oof = prf_at(out_of_fold.astype(float), c_gold, 0.5)

    from sklearn.metrics import roc_auc_score

    calibrated = np.atleast_1d(platt(c_raw))
    final = scaler.score(c_raw, c_kinds)
    fired = {k: {"pairs": sum(k in row for row in c_kinds),
                 "contradiction_share": (sum(k in row and g for row, g in zip(c_kinds, c_gold))
                                         / max(1, sum(k in row for row in c_kinds)))}
             for k in FITTED_KINDS}
    by_kind = {}
    for kind in sorted({r["kind"] for r in claim_rows}):
        idx = [i for i, r in enumerate(claim_rows) if r["kind"] == kind]
        by_kind[kind] = {"pairs": len(idx), "label": claim_rows[idx[0]]["label"],
                         "flagged": float(np.mean(final[idx] >= scaler.threshold))}
    return {
        "nli_dev": {"n": len(rows), "slope": scaler.slope, "intercept": scaler.intercept,
                    "ece_before": platt.ece_before, "ece_after": platt.ece_after,
                    "best_f1_threshold": platt.threshold},
        "claim_pairs": {
            "n": len(claim_rows), "contradictions": int(c_gold.sum()),
            "fitted_on": described,
            "roc_auc_nli": float(roc_auc_score(c_gold, c_raw)),
            "roc_auc_with_reasons": float(roc_auc_score(c_gold, final)),
            "roc_auc_nli_by_languages": _auc_by_languages(claim_rows, c_gold, c_raw),
            "reasons_fired": fired, "reason_weights": scaler.reason_weights,
            "threshold": scaler.threshold,
            "in_sample": {
                "calibrated_nli_at_nli_threshold": prf_at(calibrated, c_gold, platt.threshold),
                "calibrated_nli_best_threshold": prf_at(
                    calibrated, c_gold, best_f1_threshold(calibrated, c_gold)),
                "with_reasons_at_threshold": prf_at(final, c_gold, scaler.threshold)},
            "out_of_fold_with_reasons": oof,
            "flagged_by_kind": by_kind},
        "saved_to": str(nli.path / "calibration.json"),
    }


def calibrate_markdown(res: dict[str, Any]) -> str:
    from claimcheck.reasons import KIND_WEIGHTS

    d, c = res["nli_dev"], res["claim_pairs"]

    def weight(kind: str) -> str:
        if kind in c["reason_weights"]:
            return f"{c['reason_weights'][kind]:.2f} (fitted)"
        return f"{KIND_WEIGHTS[kind]:.2f} (default: too rare to fit)"

    def prf(m: dict[str, float]) -> str:
        return f"P {m['precision']:.3f} R {m['recall']:.3f} F1 {m['f1']:.3f}"

    rows = "\n".join(
        f"| {k} | {f['pairs']} | {f['contradiction_share']:.2f} | {weight(k)} |"
        for k, f in c["reasons_fired"].items())
    kinds = "\n".join(f"| {k} | {v['label']} | {v['pairs']} | {v['flagged']:.2f} |"
                      for k, v in c["flagged_by_kind"].items())
    s = c["in_sample"]
    return (
        "## Calibration\n\n"
        f"1. Platt scaling on {d['n']} NLI dev pairs: slope {d['slope']:.3f}, intercept "
        f"{d['intercept']:.3f}; expected calibration error {d['ece_before']:.3f} before, "
        f"{d['ece_after']:.3f} after.\n"
        f"2. Reason weights and threshold on {c['fitted_on']} "
        f"({c['contradictions']} contradictions among {c['n']}). "
        f"Default threshold: {c['threshold']:.2f} "
        f"(best F1 on NLI dev pairs would be {d['best_f1_threshold']:.2f}). "
        f"Saved to `{res['saved_to']}`. ROC AUC of contradiction vs not on these pairs: "
        f"{c['roc_auc_nli']:.3f} (NLI alone), {c['roc_auc_with_reasons']:.3f} (with the "
        "reasons); NLI alone on same-language pairs "
        f"{c['roc_auc_nli_by_languages']['same_language']:.3f}, on Arabic–English pairs "
        f"{c['roc_auc_nli_by_languages']['cross_language']:.3f}.\n\n"
        "| reason | claim pairs where it fires | of which contradiction | log-odds weight |\n"
        "|---|---|---|---|\n" + rows + "\n\n"
        "Contradiction P/R/F1 on the claim pairs:\n\n"
        f"- calibrated NLI alone at the NLI-dev threshold {d['best_f1_threshold']:.2f}: "
        f"{prf(s['calibrated_nli_at_nli_threshold'])}\n"
        f"- calibrated NLI alone at its best threshold on these pairs (in-sample): "
        f"{prf(s['calibrated_nli_best_threshold'])}\n"
        f"- with the fitted reason weights at {c['threshold']:.2f} (in-sample): "
        f"{prf(s['with_reasons_at_threshold'])}\n"
        f"- the same, 5-fold cross-validated (weights and threshold fitted without the pair "
        f"scored): {prf(c['out_of_fold_with_reasons'])}\n\n"
        "| kind of pair | label | pairs | share reported (score ≥ threshold, in-sample) |\n"
        "|---|---|---|---|\n" + kinds)
