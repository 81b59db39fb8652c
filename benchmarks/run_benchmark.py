"""claimcheck's benchmark: every quality and speed number the project reports.

    python benchmarks/run_benchmark.py                 # everything
    python benchmarks/run_benchmark.py nli             # NLI dev metrics + speed
    python benchmarks/run_benchmark.py nli --data ../shared/data/nli/xnli/dev.jsonl
    python benchmarks/run_benchmark.py calibrate       # fit + save calibration.json
                                                       # (NLI dev + our claim pairs)
    python benchmarks/run_benchmark.py attribution     # PolNeAR dev + Arabic gold
    python benchmarks/run_benchmark.py contradictions  # gold articles + the seed
    python benchmarks/run_benchmark.py e2e             # e2e dev cases: every reported pair
    python benchmarks/run_benchmark.py e2e --e2e benchmarks/data/own_cases.json
                                                       # the same on our own 12 articles
    python benchmarks/run_benchmark.py alarms          # pairs per 100 claims on real news
    python benchmarks/run_benchmark.py alarms --alarm-sets polnear-dev --limit 20
    python benchmarks/run_benchmark.py finetune        # training speed, float32 vs bfloat16
    python benchmarks/run_benchmark.py alarms --alarm-sets polnear-dev --save-analysis runs/alarms
    python benchmarks/run_benchmark.py report          # that run's HTML report in Chromium
    python benchmarks/run_benchmark.py int8            # int8 NLI: labels kept, speed
    python benchmarks/run_benchmark.py encoder         # e5 encoder: float32 vs bfloat16

``--json OUT`` writes all results; a markdown report goes to stdout.
Dev splits only: the test splits are held back. ``all`` runs every task but
``calibrate`` (it writes the calibration) and ``alarms`` (the PolNeAR dev
articles alone took 23 minutes on two busy CPU cores: 15,578 candidate pairs).
"""

from __future__ import annotations

import argparse
import functools
import importlib.util
import json
import os
import platform
import random
import sys
import time
from collections import Counter
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))
os.environ.setdefault("HF_HUB_OFFLINE", "1")

SHARED = REPO.parent / "shared" / "data"
DATA = SHARED / "nli"
GOLD_CONTRADICTIONS = REPO / "benchmarks" / "data" / "contradictions.json"
CLAIM_PAIRS = REPO / "benchmarks" / "data" / "claim_pairs_dev.jsonl"
SEED = REPO / "seeds" / "baghuz_ar.txt"
THREE_WAY = ("entailment", "neutral", "contradiction")


def read_jsonl(path: Path) -> list[dict]:
    if not path.is_file():
        raise FileNotFoundError(f"no data file at {path}: pass --data with an existing JSONL file")
    with path.open(encoding="utf-8") as fh:
        return [json.loads(line) for line in fh if line.strip()]


@functools.cache
def _script_module(path: str):
    """A script of this repository (``benchmarks/attribution_eval.py``,
    ``scripts/train_nli.py``) imported by path, once per process."""
    spec = importlib.util.spec_from_file_location(Path(path).stem, REPO / path)
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses look their module up there
    spec.loader.exec_module(module)
    return module


# ------------------------------------------------------------------- NLI

def nli_file_metrics(nli, rows: list[dict], batch_size: int, probs=None) -> dict[str, Any]:
    """Metrics of one labelled file; 2-way files score entailment vs the rest.
    ``probs``: the model's predictions for ``rows`` when already computed."""
    from claimcheck.finetune import classification_metrics

    if probs is None:
        probs = nli.predict([(r["premise"], r["hypothesis"]) for r in rows],
                            batch_size=batch_size, show_progress_bar=False)
    labels = nli.labels
    pred = probs.argmax(1)
    gold_names = [r["label"] for r in rows]
    result: dict[str, Any] = {"n": len(rows)}
    if set(gold_names) <= set(labels):
        gold = [labels.index(g) for g in gold_names]
        m = classification_metrics(gold, pred.tolist(), labels)
        result.update(accuracy=m["accuracy"], macro_f1=m["macro_f1"],
                      contradiction=m["per_label"]["contradiction"],
                      confusion_matrix=m["confusion_matrix"], labels=list(labels))
        ent, con = labels.index("entailment"), labels.index("contradiction")
        pairs = [(g, p) for g, p in zip(gold, probs) if g in (ent, con)]
        if pairs:
            # Entailment vs contradiction (ANS-stance's meaningful classes):
            # the larger of the two probabilities decides.
            from sklearn.metrics import f1_score

            g2 = [g for g, _ in pairs]
            p2 = [ent if p[ent] >= p[con] else con for _, p in pairs]
            result["ent_vs_con_macro_f1"] = float(f1_score(g2, p2, average="macro"))
        shares = Counter(pred.tolist())
        result["mean_max_probability"] = float(probs.max(1).mean())  # confidence
        result["predicted_contradiction_share"] = shares[con] / len(rows)
        result["gold_contradiction_share"] = gold.count(con) / len(rows)
    else:  # 2-way entailment / not_entailment
        ent = labels.index("entailment")
        p_bin = ["entailment" if p == ent else "not_entailment" for p in pred.tolist()]
        result["accuracy_2way"] = sum(a == b for a, b in zip(p_bin, gold_names)) / len(rows)
    langs = sorted({r.get("lang", "und") for r in rows})
    if len(langs) > 1 and "accuracy" in result:
        per = {}
        for lang in langs:
            idx = [i for i, r in enumerate(rows) if r.get("lang") == lang]
            g = [labels.index(rows[i]["label"]) for i in idx]
            p = pred[idx]
            per[lang] = {
                "n": len(idx),
                "accuracy": float((p == g).mean()) if idx else 0.0,
                "predicted_contradiction_share": float((p == labels.index("contradiction")).mean()),
            }
        result["per_language"] = per
        result["mean_language_accuracy"] = sum(v["accuracy"] for v in per.values()) / len(per)
    return result


def best_rate(run, items: list, *, repeats: int = 3, warmup: int = 8) -> float:
    """Items per second of ``run(items)``: a warm-up on the first ``warmup``
    items, then the best of ``repeats`` timed runs (as timeit advises: the
    slower runs measure the machine's other load)."""
    run(items[:warmup])
    times = []
    for _ in range(repeats):
        start = time.perf_counter()
        run(items)
        times.append(time.perf_counter() - start)
    return len(items) / min(times)


def nli_speed(nli, rows: list[dict], n_pairs: int, batch_size: int,
              repeats: int = 3) -> dict[str, Any]:
    """Pairs/s of ``NLIModel.predict`` against a naive one-pair-per-forward
    transformers loop, same weights, same pairs, same process.

    ``predict`` runs in ``nli.precision`` (bfloat16 autocast on CPUs that have
    it natively, else float32); to keep the comparison honest both ways of
    running are timed in both precisions, and the headline speed-up is
    ``predict`` as shipped against the naive float32 loop.
    """
    import torch

    sample = random.Random(0).sample(rows, min(n_pairs, len(rows)))
    pairs = [(r["premise"], r["hypothesis"]) for r in sample]
    shipped = nli.precision  # float32 for a model on a GPU (autocast is CPU-only)

    probs = {}

    def rate(run) -> float:
        return best_rate(run, pairs, repeats=repeats)

    def batched(chunk) -> None:
        probs[nli.precision] = nli.predict(chunk, batch_size=batch_size, show_progress_bar=False)

    def naive(chunk) -> None:
        with torch.no_grad(), nli.autocast():
            for premise, hypothesis in chunk:
                enc = nli.tokenizer(premise, hypothesis, return_tensors="pt", truncation=True,
                                    max_length=nli.max_length, return_token_type_ids=False)
                torch.softmax(nli.model(**enc.to(nli.model.device)).logits, -1)

    out: dict[str, Any] = {"pairs": len(pairs), "batch_size": batch_size, "repeats": repeats,
                           "threads": torch.get_num_threads(), "precision": shipped,
                           "device": str(nli.model.device)}
    try:
        for precision in dict.fromkeys([shipped, "float32"]):
            nli.precision = precision
            out[f"batched_{precision}_pairs_per_s"] = rate(batched)
            out[f"naive_{precision}_pairs_per_s"] = rate(naive)
    finally:
        nli.precision = shipped
    out["batched_pairs_per_s"] = out[f"batched_{shipped}_pairs_per_s"]
    out["naive_pairs_per_s"] = out["naive_float32_pairs_per_s"]
    out["speedup"] = out["batched_pairs_per_s"] / out["naive_pairs_per_s"]
    out["speedup_same_precision"] = out["batched_pairs_per_s"] / out[f"naive_{shipped}_pairs_per_s"]
    if len(probs) == 2:
        out.update(_against_float32(probs["float32"], probs[shipped]))
    if nli.model.device.type == "cpu":
        out.update(_int8_probe(nli, rate, probs["float32"], batch_size))
    return out


def _int8_probe(nli, timed_rate, float32_probs, batch_size: int) -> dict[str, Any]:
    """For reference, not used by ``predict``: the same model with every
    Linear layer quantised to int8 on the fly (``torch.ao`` dynamic
    quantisation), its batched speed and how often it keeps float32's label."""
    import copy
    import warnings

    import torch

    float_model, precision = nli.model, nli.precision
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")  # torch.ao's deprecation notice
            nli.model = torch.ao.quantization.quantize_dynamic(
                copy.deepcopy(float_model), {torch.nn.Linear}, dtype=torch.qint8)
    except (AttributeError, RuntimeError) as err:  # a torch build without it
        nli.model = float_model
        return {"int8_dynamic_error": str(err)}
    found: dict[str, Any] = {}

    def run(chunk) -> None:
        found["probs"] = nli.predict(chunk, batch_size=batch_size, show_progress_bar=False)

    try:
        nli.precision = "float32"
        rate = timed_rate(run)
    finally:
        nli.model, nli.precision = float_model, precision
    out = {"int8_dynamic_batched_pairs_per_s": rate}
    out.update(_against_float32(float32_probs, found["probs"], prefix="int8_dynamic_"))
    return out


def _against_float32(float32_probs, other_probs, prefix: str = "") -> dict[str, float]:
    """Largest probability difference and share of pairs with the same label."""
    a, b = float32_probs, other_probs
    return {f"{prefix}max_abs_prob_diff_vs_float32": float(abs(a - b).max()),
            f"{prefix}argmax_agreement_vs_float32": float((a.argmax(1) == b.argmax(1)).mean())}


def synthetic_dev_metrics(nli, batch_size: int, per_kind: int = 400) -> dict[str, Any]:
    """Minimal pairs (``scripts/synthetic.py``) made from the Arabic and
    English *dev* premises, scored like a dev file, with accuracy per edit."""
    pairs, _ = _script_module("scripts/train_nli.py").synthetic_mix(
        DATA, "dev", seed=5, per_kind=per_kind)
    return _grouped_metrics(nli, pairs, [p["edit"] for p in pairs], batch_size)


def translation_dev_metrics(nli, batch_size: int, n: int = 600) -> dict[str, Any]:
    """XNLI dev sentences against their translations (entailment) and against
    unrelated sentences in another language (neutral); one side Arabic or
    English (``train_nli.translation_pairs`` on the dev split)."""
    pairs, _ = _script_module("scripts/train_nli.py").translation_pairs(DATA, "dev", seed=5, n=n)
    kind = {"entailment": "translation", "neutral": "unrelated"}
    return _grouped_metrics(nli, pairs, [kind[p["label"]] for p in pairs], batch_size)


def xnli_cross_dev_metrics(nli, batch_size: int) -> dict[str, Any]:
    """XNLI dev with the premise in Arabic and the hypothesis in English of
    the same item, and the reverse (the item's label holds across languages)."""
    by_item: dict[str, dict[str, dict]] = {}
    for r in read_jsonl(DATA / "xnli" / "dev.jsonl"):
        by_item.setdefault(r["id"], {})[r["lang"]] = r
    pairs = [{"premise": item[a]["premise"], "hypothesis": item[b]["hypothesis"],
              "label": item[a]["label"]}
             for _, item in sorted(by_item.items()) if {"ar", "en"} <= set(item)
             for a, b in (("ar", "en"), ("en", "ar"))]
    return nli_file_metrics(nli, pairs, batch_size)


def _grouped_metrics(nli, pairs: list[dict], groups: list[str],
                     batch_size: int) -> dict[str, Any]:
    """:func:`nli_file_metrics` of ``pairs`` plus, under ``per_edit``, the
    size, gold label, accuracy and predicted contradiction share of each
    group (every pair of a group has the same gold label)."""
    import numpy as np

    probs = nli.predict([(p["premise"], p["hypothesis"]) for p in pairs], batch_size=batch_size,
                        show_progress_bar=False)
    result = nli_file_metrics(nli, pairs, batch_size, probs=probs)
    pred = probs.argmax(1)
    contra = nli.label_index("contradiction")
    result["per_edit"] = {}
    for group in dict.fromkeys(sorted(groups)):
        idx = np.array([i for i, g in enumerate(groups) if g == group])
        gold = nli.label_index(pairs[idx[0]]["label"])
        result["per_edit"][group] = {
            "n": len(idx), "label": pairs[idx[0]]["label"],
            "accuracy": float((pred[idx] == gold).mean()),
            "predicted_contradiction_share": float((pred[idx] == contra).mean())}
    return result


def run_nli(args) -> dict[str, Any]:
    from claimcheck import NLIModel

    nli = NLIModel.load(args.model)
    if args.device:
        nli.model.to(args.device)
    files = [Path(p) for p in args.data] if args.data else sorted(DATA.glob("*/dev.jsonl"))
    if not files:
        raise FileNotFoundError(f"no dev.jsonl under {DATA}: pass --data FILE")
    results = {}
    for path in files:
        rows = read_jsonl(path)
        if args.limit:
            rows = random.Random(0).sample(rows, min(args.limit, len(rows)))
        name = path.parent.name if path.name == "dev.jsonl" else path.stem
        start = time.perf_counter()
        results[name] = nli_file_metrics(nli, rows, args.batch_size)
        results[name]["seconds"] = time.perf_counter() - start
        score = results[name].get("accuracy", results[name].get("accuracy_2way"))
        print(f"[nli] {name}: {score:.3f} ({len(rows)} pairs, "
              f"{results[name]['seconds']:.0f}s)", file=sys.stderr)
    built = {"synthetic-dev": synthetic_dev_metrics, "translations-dev": translation_dev_metrics,
             "xnli-cross-ar-en-dev": xnli_cross_dev_metrics}
    for name, metrics in (built.items() if not args.data else ()):
        start = time.perf_counter()
        results[name] = metrics(nli, args.batch_size)
        results[name]["seconds"] = time.perf_counter() - start
        print(f"[nli] {name}: {results[name]['accuracy']:.3f}", file=sys.stderr)
    speed_rows = read_jsonl(files[0])
    return {"model": str(nli.path), "files": results,
            "speed": nli_speed(nli, speed_rows, args.speed_pairs, args.batch_size)}


def nli_markdown(res: dict[str, Any]) -> str:
    lines = ["## NLI (dev splits)", "", f"model: `{res['model']}`", "",
             "| data | n | accuracy | macro-F1 | contra P | contra R | contra F1 | "
             "ent-vs-con F1 | pred. contra share |",
             "|---|---|---|---|---|---|---|---|---|"]
    for name, m in res["files"].items():
        if "accuracy" not in m:
            lines.append(f"| {name} (2-way) | {m['n']} | {m['accuracy_2way']:.3f} | | | | | | |")
            continue
        c = m["contradiction"]
        lines.append(
            f"| {name} | {m['n']} | {m['accuracy']:.3f} | {m['macro_f1']:.3f} | "
            f"{c['precision']:.3f} | {c['recall']:.3f} | {c['f1']:.3f} | "
            f"{m.get('ent_vs_con_macro_f1', float('nan')):.3f} | "
            f"{m['predicted_contradiction_share']:.2f} "
            f"(gold {m['gold_contradiction_share']:.2f}) |")
    confidence = [f"{name} {m['mean_max_probability']:.3f}" for name, m in res["files"].items()
                  if "mean_max_probability" in m]
    if confidence:
        lines += ["", "Mean probability of the predicted label (confidence): "
                  + ", ".join(confidence) + "."]
    for name, m in res["files"].items():
        if "per_edit" in m:
            what = ("minimal pairs made from the ar/en dev premises by `scripts/synthetic.py`"
                    if name == "synthetic-dev" else "XNLI dev sentences against their "
                    "translations and against unrelated sentences in another language")
            lines += ["", f"### {name}: {what} (accuracy per kind)", "",
                      "| kind | gold label | n | accuracy |", "|---|---|---|---|"]
            lines += [f"| {e} | {v['label']} | {v['n']} | {v['accuracy']:.3f} |"
                      for e, v in m["per_edit"].items()]
        if "per_language" in m:
            lines += ["", f"### {name} by language (mean accuracy "
                      f"{m['mean_language_accuracy']:.3f})", "",
                      "| lang | accuracy | pred. contra share |", "|---|---|---|"]
            lines += [f"| {lang} | {v['accuracy']:.3f} | {v['predicted_contradiction_share']:.2f} |"
                      for lang, v in m["per_language"].items()]
        if "confusion_matrix" in m:
            lines += ["", f"{name} confusion matrix (rows gold, columns predicted, "
                      f"order {', '.join(m['labels'])}): {m['confusion_matrix']}"]
    s = res["speed"]
    lines += ["", "### Speed", "",
              f"{s['pairs']} pairs, {s['threads']} threads, best of {s.get('repeats', 1)} timed "
              f"runs after a warm-up: batched "
              f"{s['batched_pairs_per_s']:.1f} pairs/s ({s['precision']}) vs naive float32 loop "
              f"{s['naive_pairs_per_s']:.1f} pairs/s ({s['speedup']:.1f}x); against a naive loop "
              f"in the same precision {s['speedup_same_precision']:.1f}x",
              "",
              "| precision | batched pairs/s | naive loop pairs/s |", "|---|---|---|"]
    for precision in dict.fromkeys([s["precision"], "float32"]):
        lines.append(f"| {precision} | {s[f'batched_{precision}_pairs_per_s']:.1f} | "
                     f"{s[f'naive_{precision}_pairs_per_s']:.1f} |")
    if "max_abs_prob_diff_vs_float32" in s:
        lines += ["", f"{s['precision']} against float32 on these pairs: largest probability "
                  f"difference {s['max_abs_prob_diff_vs_float32']:.4f}, same predicted label for "
                  f"{100 * s['argmax_agreement_vs_float32']:.1f}%"]
    if "int8_dynamic_batched_pairs_per_s" in s:
        lines += ["", "For reference, not used by `predict`: the same model with every Linear "
                  "layer quantised to int8 on the fly (`torch.ao` dynamic quantisation) runs "
                  f"{s['int8_dynamic_batched_pairs_per_s']:.1f} pairs/s batched, but keeps the "
                  f"float32 label for only "
                  f"{100 * s['int8_dynamic_argmax_agreement_vs_float32']:.1f}% of these pairs "
                  "(largest probability difference "
                  f"{s['int8_dynamic_max_abs_prob_diff_vs_float32']:.2f})."]
    return "\n".join(lines)


# ------------------------------------------------------------ calibration

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


def _prf(scores, gold, threshold: float) -> dict[str, float]:
    """Confusion counts and contradiction precision/recall/F1 of scores at a
    threshold (a score of None, a pair never scored, counts as not found)."""
    predicted = [s is not None and s >= threshold for s in scores]
    gold = [bool(g) for g in gold]
    tp = sum(p and g for p, g in zip(predicted, gold))
    fp, fn = sum(predicted) - tp, sum(gold) - tp
    precision = tp / (tp + fp) if tp + fp else 0.0
    recall = tp / (tp + fn) if tp + fn else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return {"tp": tp, "fp": fp, "fn": fn, "tn": len(gold) - tp - fp - fn,
            "precision": precision, "recall": recall, "f1": f1}


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
    oof = _prf(out_of_fold.astype(float), c_gold, 0.5)

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
                "calibrated_nli_at_nli_threshold": _prf(calibrated, c_gold, platt.threshold),
                "calibrated_nli_best_threshold": _prf(
                    calibrated, c_gold, best_f1_threshold(calibrated, c_gold)),
                "with_reasons_at_threshold": _prf(final, c_gold, scaler.threshold)},
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


# ------------------------------------------------------------ attribution

def _attribution_module():
    return _script_module("benchmarks/attribution_eval.py")


def _predictor_key(name: str) -> str:
    """"rules + tagger" -> "rules_tagger": the JSON key of a predictor's scores."""
    return name.replace(" + ", "_").replace(" ", "_")


def run_attribution(args) -> dict[str, Any]:
    """PolNeAR dev and the Arabic gold set, for the shipped pipeline
    ("rules + tagger"), the rules alone, the learned tagger alone and the
    pipeline with the 12-layer tagger on English."""
    module = _attribution_module()
    result: dict[str, Any] = {}
    for predict in module.PREDICTORS.values():
        predict("Officials said the road would reopen.", "en")  # load models before timing
    for name, predict in module.PREDICTORS.items():
        key = _predictor_key(name)
        result[f"polnear_dev/{key}"] = module.evaluate_polnear(Path(args.polnear), predict)
        result[f"arabic_gold/{key}"] = module.evaluate_gold(module.DEFAULT_GOLD, predict)
    # The corpus path (find_contradictions on many documents): the tagger
    # reads every article in one batched pass, the shipped one and the
    # 12-layer one.
    from claimcheck.text.tagger import full_tagger

    result["polnear_dev/batched/rules_tagger"] = module.batched_speed(Path(args.polnear))
    result["polnear_dev/batched/rules_12-layer_tagger"] = module.batched_speed(
        Path(args.polnear), full_tagger())
    # The headline keys keep their old names: the shipped pipeline.
    result["polnear_dev"] = result["polnear_dev/rules_tagger"]
    result["arabic_gold"] = result["arabic_gold/rules_tagger"]
    return result


def attribution_markdown(res: dict[str, Any]) -> str:
    module = _attribution_module()
    tables = {}
    for name in module.PREDICTORS:
        key = _predictor_key(name)
        tables[f"PolNeAR dev, {name}"] = res[f"polnear_dev/{key}"]
        tables[f"Arabic gold, {name}"] = res[f"arabic_gold/{key}"]
    speed = "\n".join(
        f"- {name}: {res['polnear_dev/' + _predictor_key(name)]['characters_per_s']:,} characters/s"
        for name in module.PREDICTORS)
    batched = "\n".join(
        f"- {name}: {res[key]['characters_per_s']:,} characters/s"
        for name, key in (("rules + tagger", "polnear_dev/batched/rules_tagger"),
                          ("rules + 12-layer tagger",
                           "polnear_dev/batched/rules_12-layer_tagger"))
        if key in res)
    return ("## Attribution\n\nThe shipped pipeline is \"rules + tagger\"; \"rules\" and "
            "\"tagger\" score its two parts alone; \"rules + 12-layer tagger\" is the "
            "pipeline with the 12-layer tagger reading English too (`extract_claims(..., "
            "tagger=full_tagger())`: slower, more accurate).\n\n" + module.markdown_table(tables)
            + "\n\nSpeed on the PolNeAR dev articles (English, models loaded, this machine), "
            "one article at a time, as `extract_claims` runs on each:\n"
            + speed + "\n"
            + ("\nThe same articles in one call, the tagger reading them all in one batched "
               "pass as `find_contradictions` runs (`attribution_eval.batched_speed`):\n"
               + batched + "\n" if batched else ""))


# --------------------------------------------------------- contradictions

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
        "all_reported": _e2e_module().judge_listed_pairs(
            gold, [c for c in scored if c.score >= threshold]),
    }
    result["at_other_thresholds"] = {
        str(t): _scores_at(rows, t) for t in (0.3, 0.4, 0.5, 0.6) if t != threshold
    }
    result["seed"] = run_seed(args.model)
    return result


def _scores_at(rows: list[dict], threshold: float) -> dict[str, float]:
    """:func:`_prf` of the gold pairs (a pair that never became a candidate has
    no score and counts as not found)."""
    return _prf([r["score"] for r in rows], [r["label"] == "contradiction" for r in rows],
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
            f"{_fmt(a['precision_all_reported'])} ({a['right']} of {a['reported']} reported pairs "
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


# ---------------------------------------------------------- end to end

def _e2e_module():
    return _script_module("benchmarks/e2e_eval.py")


def _fmt(value: float | None, digits: int = 3) -> str:
    return "–" if value is None else f"{value:.{digits}f}"


def _detector(args):
    """The pipeline as find_contradictions runs it, models loaded before timing."""
    from claimcheck import Document

    module = _e2e_module()
    model = args.model
    if getattr(args, "precision", None):
        from claimcheck.nli import NLIModel

        model = NLIModel.load(args.model, precision=args.precision)
    detector = module.PipelineDetector(model, args.threshold)
    detector([Document("Officials said the road would reopen. Police said it would stay "
                       "closed.", "warm-up", "en")])
    return detector


def run_e2e(args) -> dict[str, Any]:
    """The e2e dev cases: each case in one pipeline call, every reported pair
    judged (``benchmarks/e2e_eval.py`` has the rules)."""
    from claimcheck.detect import GATES_OFF

    module = _e2e_module()
    cases = module.load_cases(args.e2e)[:args.limit]
    detector = _detector(args)
    finder = detector.finder
    finder.work.clear()
    results = module.evaluate_cases(cases, detector)
    out = {"data": str(args.e2e), **module.summarise(results, detector.threshold),
           "cascade": _cascade_figures(finder, results)}
    print(f"[e2e] {len(cases)} cases: P {_fmt(out['precision'])} R {_fmt(out['recall'])} "
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
        f"| {_fmt(on['nli_per_claim'], 2)} | {res['reported']} | {_fmt(res['precision'])} | "
        f"{res['required_found']}/{res['required']} | {_fmt(res['recall'])} |",
        *[f"| {label} | {m['candidate_pairs']} | {m['pairs_scored']} | "
          f"{m['nli_predictions']} | {_fmt(m['nli_per_claim'], 2)} | {m['reported']} | "
          f"{_fmt(m['precision'])} | {m['required_found']}/{m['required']} | "
          f"{_fmt(m['recall'])} |"
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
                f"{m['false_alarms']} | {m['hard_negative_hits']} | {_fmt(m['precision'])} | "
                f"{m['required_found']}/{m['required']} | {_fmt(m['recall'])} | {_fmt(m['f1'])} |")

    lines = [
        "## End to end: every reported pair counts ("
        + ("e2e dev cases" if Path(res["data"]).name == "dev.json"
           else f"cases of `{Path(res['data']).name}`") + ")", "",
        f"{res['cases']} cases (`{Path(res['data']).name}`), each one pipeline call; threshold "
        f"{res['threshold']:.2f}. A reported pair is right when both claims match the two sides "
        "of a listed contradiction (same document, spans overlapping by half the shorter, same "
        "source); every other reported pair is a false alarm. Recall is over required "
        f"contradictions. Precision **{_fmt(res['precision'])}**, recall "
        f"**{_fmt(res['recall'])}**, F1 **{_fmt(res['f1'])}**; {res['seconds']:.0f}s.", "",
        "| cases | n | reported | right | false alarms | of which hard negatives | precision | "
        "required found | recall | F1 |", "|---|---|---|---|---|---|---|---|---|---|",
        *[prf_row(g, m) for g, m in res["per_group"].items()], prf_row("all", res), "",
        "| kind | required | found | recall | optional found |", "|---|---|---|---|---|",
        *[f"| {k} | {m['required']} | {m['found']} | {_fmt(m['recall'])} | "
          f"{m['optional_found']}/{m['optional']} |" for k, m in res["per_kind"].items()], "",
        f"- Cases without any contradiction that come back empty: {res['of_which_empty']} of "
        f"{res['cases_without_contradictions']}.",
        "- Hard negatives reported, by kind: " + (", ".join(
            f"{k} {n}" for k, n in res["hard_negative_hits_by_kind"].items()) or "none") + ".",
        "- Precision if a wrong source were forgiven (not the rule, for reading): "
        f"{_fmt(res['precision_ignoring_source'])}.",
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
        *[f"| {lang} | {m['gold']} | {m['found']} | {_fmt(m['recall'])} | {m['predicted']} | "
          f"{m['correct']} | {_fmt(m['precision'])} | {_fmt(m['f1'])} | "
          f"{_fmt(m['content_recall'])} | {_fmt(m['content_precision'])} |"
          for lang, m in res["claims"].items()], "",
        *_linking_lines(res.get("source_linking")),
        *_cascade_lines(res),
        "At other thresholds (same scored pairs): " + "; ".join(
            f"{t}: {m['reported']} reported, P {_fmt(m['precision'])} R {_fmt(m['recall'])} "
            f"F1 {_fmt(m['f1'])}" for t, m in res["at_thresholds"].items()) + "."]
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
        lines.append(f"| {r['case']} | {a['speaker']} | {_cell(a['text'])} | {b['speaker']} | "
                     f"{_cell(b['text'])} | {r['score']:.2f} | {_cell(r['reason'] or '', 50)} | "
                     f"{', '.join(r['hard_negative'])} |")
    lines += ["", f"### Required contradictions missed ({len(res['misses'])})", "",
              "| case | kind | quote A | quote B | sides extracted | best score |",
              "|---|---|---|---|---|---|"]
    for m in res["misses"]:
        lines.append(f"| {m['case']} | {m['kind']} | {_cell(m['a']['quote'])} | "
                     f"{_cell(m['b']['quote'])} | {'a' if m['a_extracted'] else '-'}"
                     f"{'b' if m['b_extracted'] else '-'} | "
                     f"{'not a candidate' if m['best_score'] is None else _fmt(m['best_score'], 2)}"
                     " |")
    return "\n".join(lines)


def _linking_lines(m: dict[str, Any] | None) -> list[str]:
    """The e2e source-linking sentence (none for results saved before it)."""
    if not m:
        return []
    return [f"One source across documents ({m['cases']} cases of two documents or more; pairs "
            "of found gold claims in different documents, linked when the system gives them "
            f"one `Claim.source`): {m['gold_links']} gold links, {m['system_links']} system "
            f"links, {m['right']} right: precision {_fmt(m['precision'])}, recall "
            f"{_fmt(m['recall'])}, F1 **{_fmt(m['f1'])}**.", ""]


def _cell(text: str, width: int = 60) -> str:
    """Text fit for a markdown table cell."""
    text = " ".join(text.split()).replace("|", "/")
    return text if len(text) <= width else text[:width - 1] + "…"


ALARM_SETS = {
    "polnear-dev": lambda args, limit: _e2e_module().polnear_documents(
        Path(args.polnear) / "text", limit),
    # The same articles without their publication dates (every pair compared
    # whatever the weeks between them): what the dates change.
    "polnear-dev-undated": lambda args, limit: _e2e_module().polnear_documents(
        Path(args.polnear) / "text", limit, dated=False),
    "realnews-ar": lambda args, limit: _e2e_module().realnews_documents(
        "ar", args.realnews, limit),
    # English news outside US politics (BBC 2004-05: business, entertainment,
    # politics, sport, tech), which neither the tagger nor the rules were built on.
    "realnews-en": lambda args, limit: _e2e_module().realnews_documents(
        "en", args.realnews, limit),
    # Persian news (FarExStance): a language with no rules, read by the
    # 12-layer tagger alone and compared by the NLI model alone.
    "realnews-fa": lambda args, limit: _e2e_module().realnews_documents(
        "fa", args.realnews, limit),
    # The three collections in one call, as a mixed archive: claims of
    # different stories in different languages meet.
    "realnews-mixed": lambda args, limit: [
        d for lang in ("fa", "ar", "en")
        for d in _e2e_module().realnews_documents(lang, args.realnews, limit)],
}


def run_alarms(args) -> dict[str, Any]:
    """Reported pairs per 100 attributed claims on unlabelled real news, each
    collection in one pipeline call, and the top pairs for a reader to judge."""
    module = _e2e_module()
    detector = _detector(args)
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
              f"{_fmt(out[name]['per_100_claims'], 1)} per 100 claims, "
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


# ------------------------------------------------------------ report

CHROMIUM_FLAGS = ("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic",
                  "--no-first-run", "--disable-background-networking",
                  "--disable-component-update", "--disable-sync", "--disable-default-apps",
                  "--disable-extensions")


def run_report(args) -> dict[str, Any]:
    """The HTML report of a saved run (default: the PolNeAR dev articles saved
    by ``alarms --alarm-sets polnear-dev --save-analysis runs/alarms``):
    rendering it in Python, then loading it in headless Chromium, best of 3.
    Two Chromium figures: the whole process (browser start, load, DOM dump,
    exit) and the page's own time from navigation to its load event."""
    import re
    import shutil
    import subprocess
    import tempfile

    from claimcheck.report import render_html
    from claimcheck.results import Analysis

    path = args.results or REPO / "runs" / "alarms" / "polnear-dev.json"
    if not Path(path).is_file():
        raise FileNotFoundError(
            f"no saved run at {path}: run `python benchmarks/run_benchmark.py alarms "
            "--alarm-sets polnear-dev --save-analysis runs/alarms` first, or pass --results")
    analysis = Analysis.from_dict(json.loads(Path(path).read_text(encoding="utf-8")))
    started = time.perf_counter()
    page = render_html(analysis)
    python_s = time.perf_counter() - started
    browser = shutil.which("chromium") or shutil.which("chromium-browser")
    if browser is None:
        raise FileNotFoundError("chromium is not installed (apt-get install chromium)")
    process_s, page_ms = [], []
    with tempfile.TemporaryDirectory() as tmp:
        html_path = Path(tmp) / "report.html"
        html_path.write_text(page, encoding="utf-8")
        for run in range(3):
            started = time.perf_counter()
            dom = subprocess.run([browser, *CHROMIUM_FLAGS, f"--user-data-dir={tmp}/p{run}",
                                  "--dump-dom", html_path.as_uri()], capture_output=True,
                                 text=True, timeout=300, check=True).stdout
            process_s.append(time.perf_counter() - started)
            found = re.search(r'data-loaded-ms="(\d+)"', dom)
            page_ms.append(int(found.group(1)) if found else None)
    version = subprocess.run([browser, "--version"], capture_output=True, text=True).stdout
    return {"results": str(path), "articles": len(analysis.documents),
            "claims": len(analysis.claims), "contradictions": len(analysis.contradictions),
            "html_bytes": len(page.encode("utf-8")), "render_python_s": python_s,
            "chromium": version.strip(), "chromium_process_s": process_s,
            "page_load_ms": page_ms}


def report_markdown(res: dict[str, Any]) -> str:
    loads = [m for m in res["page_load_ms"] if m is not None]
    return (
        "## HTML report in headless Chromium\n\n"
        f"{res['articles']} articles, {res['claims']} claims, {res['contradictions']} "
        f"contradictions (`{Path(res['results']).name}`); "
        f"page {res['html_bytes'] / 1e6:.1f} MB, "
        f"written in {res['render_python_s']:.2f} s by `render_html`. {res['chromium']}, "
        f"best of 3: whole process (start, load, DOM dump, exit) "
        f"**{min(res['chromium_process_s']):.2f} s** (runs: "
        + ", ".join(f"{s:.2f}" for s in res["chromium_process_s"]) + "); the page's "
        "navigation-to-load time "
        + (f"**{min(loads) / 1000:.2f} s**" if loads else "not recorded") + ".")


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
                     f"{m['pairs_scored']} | {_fmt(m['nli_per_claim'], 2)} | {m['reported']} | "
                     f"{_fmt(m['per_100_claims'], 1)} | {m['same_document']} | "
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
            lines += [f"| {r['why']} | {_cell(r['speaker'] or '', 50)} | {_cell(r['text'], 80)} |"
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
            lines.append(f"| {i} | {a['speaker']} | {_cell(a['text'], 80)} | {b['speaker']} | "
                         f"{_cell(b['text'], 80)} | {r['score']:.2f} | "
                         f"{_cell(r['reason'] or '', 60)} |")
    return "\n".join(lines)


# ------------------------------------------------------------- fine-tuning

def run_finetune(args) -> dict[str, Any]:
    """Seconds per optimiser step of :func:`claimcheck.finetune` in each
    precision this device can run, on the same pairs from the shipped model.

    Each precision trains twice from a fresh copy of the model, ``short``
    and ``short + timed`` steps, and the difference of the two wall times
    over ``timed`` is the cost of one step without the fixed costs (loading,
    tokenising, saving). The pairs are a fixed sample of XNLI train (all
    languages; batch 32, at most 128 tokens, as ``scripts/train_nli.py``).
    """
    import tempfile

    import torch

    from claimcheck import NLIModel
    from claimcheck.finetune import finetune
    from claimcheck.nli import native_bfloat16_precision

    short, timed, batch_size = 3, args.finetune_steps, 32
    rows = read_jsonl(DATA / "xnli" / "train.jsonl")
    rows = random.Random(0).sample(rows, batch_size * (short + timed))
    native = native_bfloat16_precision()
    out: dict[str, Any] = {"pairs_per_step": batch_size, "timed_steps": timed,
                           "threads": torch.get_num_threads(), "native_precision": native,
                           "precisions": {}}
    for precision in ("float32", "bfloat16"):
        times, losses = {}, {}
        for steps in (short, short + timed):
            with tempfile.TemporaryDirectory() as tmp:
                base = NLIModel.load(args.model)
                start = time.perf_counter()
                result = finetune(rows, base=base, output_dir=tmp, max_steps=steps,
                                  batch_size=batch_size, learning_rate=2e-5, warmup_ratio=0.0,
                                  max_length=128, seed=0, save_steps=10**9, resume=False,
                                  show_progress_bar=False, precision=precision)
                times[steps] = time.perf_counter() - start
                losses[steps] = result.losses[-1][1]
        per_step = (times[short + timed] - times[short]) / timed
        out["precisions"][precision] = {"seconds_per_step": per_step,
                                        "pairs_per_s": batch_size / per_step,
                                        "mean_training_loss": losses[short + timed]}
        print(f"[finetune] {precision}: {per_step:.2f} s/step", file=sys.stderr)
    p = out["precisions"]
    out["bfloat16_speedup"] = p["float32"]["seconds_per_step"] / p["bfloat16"]["seconds_per_step"]
    return out


def finetune_markdown(res: dict[str, Any]) -> str:
    lines = ["## Fine-tuning speed", "",
             f"{res['timed_steps']} optimiser steps of {res['pairs_per_step']} XNLI train pairs "
             f"from the shipped model, {res['threads']} threads; fixed costs (loading, "
             "tokenising, saving) subtracted. `finetune(precision=\"auto\")` picks "
             f"{res['native_precision']} on this machine.", "",
             "| precision | s/step | pairs/s | training loss |", "|---|---|---|---|"]
    for name, m in res["precisions"].items():
        lines.append(f"| {name} | {m['seconds_per_step']:.2f} | {m['pairs_per_s']:.1f} | "
                     f"{m['mean_training_loss']:.3f} |")
    lines += ["", f"bfloat16 autocast is {res['bfloat16_speedup']:.2f}x float32 here."]
    return "\n".join(lines)


# ----------------------------------------------------------------- main

# ------------------------------------------------------------- the claim store

def run_store(args) -> dict[str, Any]:
    """The persistent claim store (claimcheck/store.py) on real articles: the
    84 PolNeAR dev articles added in batches of 16 to a new store, then 10
    PolNeAR train articles added to it; articles per second, NLI predictions
    per claim (cross-encoder calls, counted by the finder), the store's size
    on disk and the process's peak memory. ``--limit N`` takes the first N
    dev articles."""
    module = _e2e_module()
    detector = _detector(args)
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
                     f"{_fmt(m['nli_per_claim'], 2)} | {m['contradictions']} | "
                     f"{m['seconds']:.0f} | {_fmt(m['articles_per_s'], 2)} |")
    lines += ["", f"Store: {res['store']['documents']} documents, {res['store']['claims']} "
              f"claims, {res['store']['contradictions']} contradictions, "
              f"{res['bytes_on_disk'] / 1e6:.1f} MB on disk; peak memory of the process "
              f"{res['peak_rss_mb']:.0f} MB."]
    return "\n".join(lines)


# ------------------------------------------------------------ corpus scale

def run_scale(args) -> dict[str, Any]:
    """A corpus recombined from the real English articles of ``../shared``
    (``benchmarks/corpus.py``: PolNeAR train + dev and the FNC-1 bodies)
    added to a new claim store in batches of 64, then 100 more articles added
    to it: articles per second, NLI predictions per claim, seconds per stage,
    peak memory, the store's size and the time to add 100 articles.
    ``--limit N``: N articles (default 10,000)."""
    corpus = _script_module("benchmarks/corpus.py")
    sources = corpus.source_articles(Path(args.polnear).parent)
    n = args.limit or 10_000
    docs = corpus.recombined_corpus(n + 100, sources, seed=0)
    finder = _detector(args).finder
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
                     f"{_fmt(m['nli_per_claim'], 2)} | {m['contradictions']} | "
                     f"{m['seconds']:.0f} | {_fmt(m['articles_per_s'], 2)} | "
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
        lines += [f"| {m['articles']} | {_fmt(m['resident_mb'], 0)} | {m['peak_mb']:.0f} |"
                  for m in res["memory"]]
    return "\n".join(lines)


def run_int8(args) -> dict[str, Any]:
    """``NLIModel(precision="int8")`` against float32 on every NLI dev set:
    labels kept (per set and over all) and speed, with bfloat16 (where the
    CPU has it natively) and ``torch.ao`` dynamic quantisation of every
    Linear layer (the starting point of issue 18) beside it."""
    import copy
    import warnings

    import numpy as np
    import torch

    from claimcheck.nli import NLIModel, native_bfloat16_precision
    from claimcheck.quantize import int8_supported

    if not int8_supported():
        return {"supported": False}
    per_set = args.limit or 200
    files = [Path(f) for f in args.data] if args.data else sorted(DATA.glob("*/dev.jsonl"))
    nli = NLIModel.load(args.model, precision="float32")
    sets: dict[str, Any] = {}
    kept = total = bf16_kept = 0
    largest = 0.0
    all_pairs: list[tuple[str, str]] = []
    bf16 = native_bfloat16_precision() == "bfloat16"
    for path in files:
        rows = read_jsonl(path)
        random.Random(0).shuffle(rows)
        pairs = [(r["premise"], r["hypothesis"]) for r in rows[:per_set]]
        all_pairs += pairs
        nli.precision = "float32"
        reference = nli.predict(pairs, batch_size=32, show_progress_bar=False)
        nli.precision = "int8"
        probs = nli.predict(pairs, batch_size=32, show_progress_bar=False)
        same = int((probs.argmax(1) == reference.argmax(1)).sum())
        diff = float(np.abs(probs - reference).max())
        sets[path.parent.name] = {"pairs": len(pairs), "labels_kept": same / len(pairs),
                                  "max_abs_prob_diff": diff}
        if bf16:  # for scale: the default path on this CPU also moves labels
            nli.precision = "bfloat16"
            probs = nli.predict(pairs, batch_size=32, show_progress_bar=False)
            same_bf16 = int((probs.argmax(1) == reference.argmax(1)).sum())
            sets[path.parent.name]["bfloat16_labels_kept"] = same_bf16 / len(pairs)
            bf16_kept += same_bf16
        kept, total, largest = kept + same, total + len(pairs), max(largest, diff)
        print(f"[int8] {path.parent.name}: {same}/{len(pairs)} labels kept", file=sys.stderr)
    speed_pairs = random.Random(1).sample(all_pairs, min(args.speed_pairs, len(all_pairs)))

    def rate(precision: str, model=None) -> float:
        float_model = nli.model
        nli.precision = precision
        if model is not None:
            nli.model = model
        try:
            return best_rate(lambda chunk: nli.predict(chunk, batch_size=32,
                                                       show_progress_bar=False),
                             speed_pairs, warmup=32)
        finally:
            nli.model = float_model

    speed = {"float32": rate("float32"), "int8": rate("int8")}
    if bf16:
        speed["bfloat16"] = rate("bfloat16")
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # torch.ao's deprecation notice
        every_linear = torch.ao.quantization.quantize_dynamic(
            copy.deepcopy(nli.model), {torch.nn.Linear}, dtype=torch.qint8)
    speed["torch.ao dynamic int8, every Linear"] = rate("float32", every_linear)
    return {"supported": True, "cpu": machine()["cpu_model"], "pairs_per_set": per_set,
            "pairs": total,
            "labels_kept": kept / total, "max_abs_prob_diff": largest, "sets": sets,
            "bfloat16_labels_kept": bf16_kept / total if bf16 else None,
            "speed_pairs": len(speed_pairs), "batch_size": 32,
            "threads": torch.get_num_threads(), "pairs_per_s": speed}


def int8_markdown(res: dict[str, Any]) -> str:
    if not res.get("supported"):
        return "## int8\n\nThis CPU has no VNNI: `precision=\"int8\"` is not offered here."
    lines = [f"## int8 NLI (`precision=\"int8\"`, claimcheck/quantize.py), {res['cpu']}", "",
             f"{res['pairs']} dev pairs ({res['pairs_per_set']} from each NLI dev set): "
             f"**{100 * res['labels_kept']:.2f}%** keep float32's label; largest "
             f"probability change {res['max_abs_prob_diff']:.3f}."
             + ("" if res.get("bfloat16_labels_kept") is None else
                f" For scale, bfloat16 autocast (the default on this CPU) keeps "
                f"{100 * res['bfloat16_labels_kept']:.2f}%."), "",
             "| set | pairs | int8 labels kept | largest change | bfloat16 labels kept |",
             "|---|---|---|---|---|"]
    for name, m in res["sets"].items():
        b = m.get("bfloat16_labels_kept")
        lines.append(f"| {name} | {m['pairs']} | {100 * m['labels_kept']:.2f}% | "
                     f"{m['max_abs_prob_diff']:.3f} | {'–' if b is None else f'{100 * b:.2f}%'} |")
    lines += ["", f"Speed, {res['speed_pairs']} of those pairs, batch {res['batch_size']}, "
              f"{res['threads']} threads, best of 3:", "", "| path | pairs/s |", "|---|---|"]
    for name, value in res["pairs_per_s"].items():
        lines.append(f"| {name} | {value:.1f} |")
    return "\n".join(lines)


def run_encoder(args) -> dict[str, Any]:
    """The e5 encoder in float32 and, where the CPU has it natively, under
    bfloat16 autocast (``Encoder(precision="auto")``): texts per second and
    how far the cosines and the nearest neighbours move, on hypotheses of
    every NLI dev set (short sentences, like claims)."""
    import numpy as np
    import torch

    from claimcheck import Encoder
    from claimcheck.nli import native_bfloat16_precision

    texts: list[str] = []
    for path in sorted(DATA.glob("*/dev.jsonl")):
        rows = read_jsonl(path)
        random.Random(0).shuffle(rows)
        texts += list(dict.fromkeys(r["hypothesis"] for r in rows))[: (args.limit or 100)]
    out: dict[str, Any] = {"cpu": machine()["cpu_model"], "texts": len(texts), "batch_size": 32,
                           "threads": torch.get_num_threads(), "texts_per_s": {}}
    vectors = {}
    precisions = ["float32"] + (["bfloat16"] if native_bfloat16_precision() == "bfloat16" else [])
    for precision in precisions:
        encoder = Encoder(precision=precision)

        def embed(chunk, precision=precision, encoder=encoder) -> None:
            vectors[precision] = encoder.encode(chunk, batch_size=32, show_progress_bar=False)

        out["texts_per_s"][precision] = best_rate(embed, texts, warmup=32)
    if len(vectors) == 2:
        exact, fast = vectors["float32"], vectors["bfloat16"]
        s_exact, s_fast = exact @ exact.T, fast @ fast.T
        k = 10
        top_exact = np.argsort(-s_exact, axis=1)[:, 1 : k + 1]
        top_fast = np.argsort(-s_fast, axis=1)[:, 1 : k + 1]
        out["max_abs_cosine_diff"] = float(np.abs(s_exact - s_fast).max())
        out["top10_overlap"] = float(np.mean([len(set(a) & set(b)) / k
                                              for a, b in zip(top_exact, top_fast)]))
    return out


def encoder_markdown(res: dict[str, Any]) -> str:
    lines = [f"## Encoder (e5-small), {res['cpu']}", "",
             f"{res['texts']} hypotheses of the NLI dev sets, batch {res['batch_size']}, "
             f"{res['threads']} threads, best of 3:", "", "| precision | texts/s |", "|---|---|"]
    lines += [f"| {k} | {v:.1f} |" for k, v in res["texts_per_s"].items()]
    if "top10_overlap" in res:
        lines += ["", f"bfloat16 against float32: largest cosine change "
                  f"{res['max_abs_cosine_diff']:.4f}; each text's 10 nearest neighbours "
                  f"{100 * res['top10_overlap']:.1f}% the same."]
    return "\n".join(lines)


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


TASKS = {
    "nli": (run_nli, nli_markdown),
    "calibrate": (run_calibrate, calibrate_markdown),
    "attribution": (run_attribution, attribution_markdown),
    "contradictions": (run_contradictions, contradictions_markdown),
    "e2e": (run_e2e, e2e_markdown),
    "alarms": (run_alarms, alarms_markdown),
    "finetune": (run_finetune, finetune_markdown),
    "report": (run_report, report_markdown),
    "store": (run_store, store_markdown),
    "scale": (run_scale, scale_markdown),
    "int8": (run_int8, int8_markdown),
    "encoder": (run_encoder, encoder_markdown),
    "language": (run_language, language_markdown),
}

#: ``calibrate`` writes the calibration; ``alarms`` takes long (module notes);
#: ``report`` needs a run saved by ``alarms --save-analysis`` and Chromium;
#: ``store`` takes minutes, ``scale`` hours (``--limit`` cuts it).
NOT_IN_ALL = ("calibrate", "alarms", "report", "store", "scale")


def machine() -> dict[str, Any]:
    """What the figures were measured on: speed depends on the CPU, above all
    on whether it computes bfloat16 natively (``predict``'s default then)."""
    from claimcheck.nli import (
        _BF16_CPU_FLAGS,
        _cpu_flags,
        cpuinfo_value,
        native_bfloat16_precision,
    )

    return {"platform": platform.platform(), "processor": platform.processor(),
            "cpu_model": cpuinfo_value("model name") or "", "cpus": os.cpu_count(),
            "bfloat16_cpu_flags": sorted((_cpu_flags() or frozenset()) & _BF16_CPU_FLAGS),
            "native_bfloat16": native_bfloat16_precision() == "bfloat16"}


def _without_shared_texts(task: str, res: dict[str, Any]) -> dict[str, Any]:
    """``res`` with the lists that quote ../shared articles emptied (their
    lengths kept), so that the project never commits that data."""
    if task == "e2e":
        return {**res, "false_alarm_pairs": [], "misses": [], "texts_omitted": {
            "false_alarm_pairs": len(res["false_alarm_pairs"]), "misses": len(res["misses"])}}
    if task == "alarms":
        return {name: {**m, "top": [], "suspicious": {**m["suspicious"], "claims": []},
                       "texts_omitted": {"top": len(m["top"]),
                                         "suspicious": len(m["suspicious"]["claims"])}}
                for name, m in res.items()}
    return res


def main(argv: list[str] | None = None) -> int:
    from claimcheck.nli import INFERENCE_PRECISIONS

    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("tasks", nargs="*", choices=[*TASKS, "all"], default=["all"])
    parser.add_argument("--data", action="append", help="labelled JSONL (repeatable); "
                        "default: every dev.jsonl under ../shared/data/nli")
    parser.add_argument("--model", default=None, help="NLI model folder (default: shipped)")
    parser.add_argument("--json", type=Path, default=None, help="write all results here")
    parser.add_argument("--limit", type=int, default=None,
                        help="at most N pairs per file (nli; int8: default 200), N cases (e2e), "
                        "N articles per collection (alarms)")
    parser.add_argument("--batch-size", type=int, default=64)
    parser.add_argument("--speed-pairs", type=int, default=256)
    parser.add_argument("--finetune-steps", type=int, default=20,
                        help="timed optimiser steps per precision (finetune task)")
    parser.add_argument("--calibration-per-set", type=int, default=300)
    parser.add_argument("--claim-pairs", default=str(CLAIM_PAIRS),
                        help="labelled claim pairs for the reason weights and threshold")
    parser.add_argument("--news-negatives", default=None, metavar="FILE",
                        help="calibrate: also fit the threshold and reason weights with "
                        "these real neighbouring claims as non-contradictions (the held-out "
                        "file of scripts/mine_news_pairs.py), at a realistic base rate")
    parser.add_argument("--compared-only", action="store_true",
                        help="calibrate: fit the threshold and reason weights as if the "
                        "claim pairs the pipeline never compares (no common subject) "
                        "scored 0")
    parser.add_argument("--news-negatives-n", type=int, default=4000,
                        help="calibrate: a random N of --news-negatives")
    parser.add_argument("--polnear", default=str(REPO.parent / "shared" / "data" / "attribution"
                                                 / "polnear" / "dev"))
    parser.add_argument("--e2e", type=Path, default=REPO.parent / "shared" / "data" / "e2e"
                        / "dev.json", help="e2e cases (e2e task)")
    parser.add_argument("--realnews", type=Path,
                        default=REPO.parent / "shared" / "data" / "realnews")
    parser.add_argument("--alarm-sets", nargs="+", choices=list(ALARM_SETS),
                        default=list(ALARM_SETS), help="collections of the alarms task")
    parser.add_argument("--threshold", type=float, default=None,
                        help="reporting threshold of e2e and alarms (default: the model's)")
    parser.add_argument("--precision", default=None, choices=INFERENCE_PRECISIONS,
                        help="NLI arithmetic of e2e and alarms (default: auto)")
    parser.add_argument("--no-texts", action="store_true",
                        help="leave the claim texts of ../shared articles (e2e false alarms "
                        "and misses, the alarms' top pairs) out of the report and the JSON, "
                        "as for files committed to benchmarks/results/")
    parser.add_argument("--save-analysis", type=Path, default=None, metavar="DIR",
                        help="alarms: save each collection's run as DIR/NAME.json (it quotes "
                        "the articles: keep it out of the repository)")
    parser.add_argument("--results", type=Path, default=None, metavar="FILE",
                        help="report: a saved run (default runs/alarms/polnear-dev.json)")
    parser.add_argument("--threads", type=int, default=None, help="torch threads")
    parser.add_argument("--device", default=None,
                        help="torch device for the nli task (default cpu; e.g. cuda)")
    args = parser.parse_args(argv)
    if args.threads:
        import torch

        torch.set_num_threads(args.threads)
    tasks = [t for t in TASKS if t not in NOT_IN_ALL] if "all" in args.tasks else args.tasks
    results: dict[str, Any] = {"machine": machine()}
    for task in tasks:
        run, markdown = TASKS[task]
        results[task] = run(args)
        if args.no_texts:
            results[task] = _without_shared_texts(task, results[task])
        print(markdown(results[task]), "\n", flush=True)
    if args.json:
        args.json.parent.mkdir(parents=True, exist_ok=True)
        args.json.write_text(json.dumps(results, ensure_ascii=False, indent=1, default=str))
    return 0


if __name__ == "__main__":
    sys.exit(main())
