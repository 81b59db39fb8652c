"""Fit the decision stage (claimcheck.decision) on realistic candidate pairs.

    python scripts/train_decision.py            # collect, choose, fit, save to runs/decision
    python scripts/train_decision.py --refit    # reuse the collected features

Not shipped: on the first run (100 PolNeAR train articles, the 25 e2e dev
cases; 15,642 candidate pairs, 35 of them listed contradictions) the best
out-of-fold F1 on the e2e pairs was 0.14 (precision 0.12, 6 of the 35
candidate contradictions at threshold 0.93), against precision 0.10 with 21
right for the shipped score (``run_benchmark.py e2e``). The features cannot
tell a contradiction from a related, compatible claim when the NLI model
cannot. Later runs also print the shipped score's figures on the same pairs.

Data, every pair the pipeline would score (candidate pairs, not hand-picked):
- the cases of ``../shared/data/e2e/dev.json`` (articles by other hands with
  every contradiction listed): a pair is positive when it matches a listed
  contradiction by the benchmark's rules (benchmarks/e2e_eval.py), negative
  otherwise; pairs matching a ``required: false`` one are left out;
- PolNeAR *train* articles (real English news), in calls of ``--polnear-batch``
  articles: every candidate pair is taken as negative (neighbouring claims
  of real articles are almost all compatible; the few real clashes among
  them make the stage slightly more cautious, not less).

Choices (regularisation, feature set, threshold) are made on out-of-fold
predictions of a grouped cross-validation (a group is one e2e case or one
PolNeAR call), never on a held-out set; the threshold is the one with the
best out-of-fold F1 over the e2e pairs. The stage is then refitted on all of
it and saved as ``decision.json`` beside the NLI model. Features go to
``runs/decision/features.jsonl`` so that ``--refit`` needs no model.
"""

from __future__ import annotations

import argparse
import json
import math
import sys
import time
from pathlib import Path

import numpy as np

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))
sys.path.insert(0, str(REPO / "benchmarks"))

import e2e_eval  # noqa: E402

from claimcheck.decision import FEATURES, DecisionStage, PairEvidence  # noqa: E402
from claimcheck.reasons import combine  # noqa: E402
from claimcheck.types import Contradiction  # noqa: E402

POLNEAR_TRAIN = REPO.parent / "shared" / "data" / "attribution" / "polnear" / "train" / "text"
NLI_ONLY = ("nli_combined", "nli_max", "nli_min")


def collect(args) -> list[dict]:
    """One row per scored candidate pair: group, label, features, texts."""
    from claimcheck.detect import ContradictionFinder

    finder = ContradictionFinder(nli_model=args.model, threshold=0.0)
    rows: list[dict] = []

    def scored(documents):
        claims = finder.claims(documents)
        pairs = finder.pairs(claims, show_progress_bar=False)
        return claims, finder.evidence(pairs, documents, show_progress_bar=False)

    started = time.time()
    for case in e2e_eval.load_cases(args.e2e):
        claims, evidence = scored(list(case.documents))
        fake = [Contradiction(e.claim_a, e.claim_b, e.combined) for e, _ in evidence]
        judged = e2e_eval.judge_case(case, claims, fake)
        for (e, reasons), verdict in zip(evidence, judged.verdicts):
            hits = [case.contradictions[i] for i in verdict.hits]
            if hits and not any(g.required for g in hits):
                continue  # defensible either way: not a training signal
            rows.append(_row(f"e2e:{case.id}", int(bool(hits)), e, case.group,
                             combine(e.combined, reasons)))
        print(f"{case.id}: {len(evidence)} pairs, {sum(v.right for v in judged.verdicts)} "
              f"listed contradictions ({time.time() - started:.0f} s)", file=sys.stderr)
    docs = e2e_eval.polnear_documents(POLNEAR_TRAIN, limit=args.polnear)
    for start in range(0, len(docs), args.polnear_batch):
        batch = docs[start: start + args.polnear_batch]
        _, evidence = scored(batch)
        rows += [_row(f"polnear:{start}", 0, e, "polnear", combine(e.combined, reasons))
                 for e, reasons in evidence]
        print(f"polnear {start}: {len(evidence)} pairs ({time.time() - started:.0f} s)",
              file=sys.stderr)
    return rows


def _row(group: str, label: int, e: PairEvidence, kind: str, shipped: float) -> dict:
    return {"group": group, "label": label, "set": kind, "x": e.vector().round(6).tolist(),
            "shipped": round(shipped, 6), "a": e.claim_a.text, "b": e.claim_b.text}


def choose(rows: list[dict], folds: int, seed: int, model: Path) -> dict:
    """Grouped cross-validation over regularisation and feature sets; the
    threshold with the best out-of-fold F1 on the e2e pairs."""
    from sklearn.linear_model import LogisticRegression
    from sklearn.model_selection import GroupKFold

    x = np.asarray([r["x"] for r in rows])
    y = np.asarray([r["label"] for r in rows])
    groups = np.asarray([r["group"] for r in rows])
    e2e = np.asarray([r["group"].startswith("e2e:") for r in rows])
    feature_sets = {"all": FEATURES,
                    "nli+reasons": tuple(f for f in FEATURES if f.startswith(("nli", "reason")))}
    best = None
    report = []
    splitter = GroupKFold(n_splits=folds)
    for set_name, names in feature_sets.items():
        cols = [FEATURES.index(f) for f in names]
        for c in (0.01, 0.1, 1.0, 10.0):
            oof = np.zeros(len(y))
            for train, test in splitter.split(x, y, groups):
                mean, scale = _standardise(x[train][:, cols])
                model = LogisticRegression(C=c, max_iter=2000, class_weight="balanced")
                model.fit((x[train][:, cols] - mean) / scale, y[train])
                oof[test] = model.predict_proba((x[test][:, cols] - mean) / scale)[:, 1]
            threshold, figures = _best_threshold(oof[e2e], y[e2e])
            figures["polnear_reported_share"] = float(np.mean(oof[~e2e] >= threshold)) \
                if (~e2e).any() else None
            report.append({"features": set_name, "C": c, "threshold": threshold, **figures})
            print(json.dumps(report[-1]), file=sys.stderr)
            if best is None or figures["f1"] > best["f1"]:
                best = report[-1]
    if all("shipped" in r for r in rows):  # the score the stage would replace
        shipped = np.asarray([r["shipped"] for r in rows])
        threshold = shipped_threshold(model)
        figures = _figures(shipped[e2e] >= threshold, y[e2e])
        figures["polnear_reported_share"] = float(np.mean(shipped[~e2e] >= threshold)) \
            if (~e2e).any() else None
        print(json.dumps({"shipped_score": threshold, **figures}), file=sys.stderr)
    return {"best": best, "grid": report, "feature_sets": feature_sets}


def shipped_threshold(model: Path) -> float:
    """The threshold the pipeline reports at with ``model`` and no decision stage."""
    from claimcheck.calibration import PlattScaler
    from claimcheck.detect import DEFAULT_THRESHOLD

    saved = PlattScaler.load(model).threshold
    return float(saved) if saved is not None else DEFAULT_THRESHOLD


def _figures(reported: np.ndarray, gold: np.ndarray) -> dict:
    tp = int((reported & (gold == 1)).sum())
    p = tp / reported.sum() if reported.sum() else 0.0
    r = tp / max(1, int(gold.sum()))
    return {"f1": 2 * p * r / (p + r) if p + r else 0.0, "precision": p,
            "recall_of_candidates": r, "reported": int(reported.sum()), "right": tp}


def _standardise(x: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    mean = x.mean(0)
    scale = x.std(0)
    return mean, np.where(scale > 1e-9, scale, 1.0)


def _best_threshold(prob: np.ndarray, gold: np.ndarray) -> tuple[float, dict]:
    best_t, best = 0.5, {"f1": -1.0}
    for t in np.round(np.arange(0.05, 1.0, 0.01), 2):
        figures = _figures(prob >= t, gold)
        if figures["f1"] > best["f1"]:
            best_t, best = float(t), figures
    return best_t, best


def fit(rows: list[dict], chosen: dict, feature_sets: dict) -> DecisionStage:
    from sklearn.linear_model import LogisticRegression

    names = tuple(feature_sets[chosen["features"]])
    cols = [FEATURES.index(f) for f in names]
    x = np.asarray([r["x"] for r in rows])[:, cols]
    y = np.asarray([r["label"] for r in rows])
    mean, scale = _standardise(x)
    model = LogisticRegression(C=chosen["C"], max_iter=2000, class_weight="balanced")
    model.fit((x - mean) / scale, y)
    sets = sorted({r["set"] for r in rows})
    return DecisionStage(
        features=names, coef=tuple(round(float(v), 6) for v in model.coef_[0]),
        mean=tuple(round(float(v), 6) for v in mean), scale=tuple(round(float(v), 6)
                                                                  for v in scale),
        intercept=round(float(model.intercept_[0]), 6), threshold=chosen["threshold"],
        fitted_on=(f"{len(rows)} candidate pairs ({int(y.sum())} contradictions) of "
                   f"{len({r['group'] for r in rows})} groups: {', '.join(sets)}; "
                   "C, features and threshold chosen by grouped cross-validation "
                   "(out-of-fold F1 on the e2e dev pairs)"),
        cv={k: v for k, v in chosen.items() if isinstance(v, (int, float, str))},
    )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--model", type=Path, default=REPO / "models" / "nli-e5-small")
    parser.add_argument("--output", type=Path, default=REPO / "runs" / "decision",
                        help="folder for decision.json; the pipeline uses a stage only when "
                        "decision.json lies beside the NLI model, so copy it there to ship it")
    parser.add_argument("--e2e", type=Path, default=e2e_eval.DEFAULT_CASES)
    parser.add_argument("--polnear", type=int, default=120,
                        help="PolNeAR train articles used as negatives")
    parser.add_argument("--polnear-batch", type=int, default=20)
    parser.add_argument("--features", type=Path, default=REPO / "runs" / "decision" /
                        "features.jsonl")
    parser.add_argument("--refit", action="store_true", help="reuse --features")
    parser.add_argument("--folds", type=int, default=5)
    parser.add_argument("--seed", type=int, default=0)
    args = parser.parse_args(argv)

    if args.refit:
        rows = [json.loads(line) for line in args.features.read_text().splitlines()]
    else:
        rows = collect(args)
        args.features.parent.mkdir(parents=True, exist_ok=True)
        args.features.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n"
                                         for r in rows), encoding="utf-8")
    if not any(r["label"] for r in rows):
        raise SystemExit("no positive pairs collected: check --e2e")
    result = choose(rows, args.folds, args.seed, args.model)
    stage = fit(rows, result["best"], result["feature_sets"])
    args.output.mkdir(parents=True, exist_ok=True)
    path = stage.save(args.output)
    print(json.dumps({"saved": str(path), "chosen": result["best"],
                      "coef": dict(zip(stage.features, stage.coef))}, indent=1))
    if not math.isfinite(stage.intercept):
        return 1
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
