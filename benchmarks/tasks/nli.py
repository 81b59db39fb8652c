"""The ``nli`` task: NLI dev metrics of every labelled dev file, and speed."""

from __future__ import annotations

import random
import sys
import time
from collections import Counter
from pathlib import Path
from typing import Any

from tasks.common import DATA, best_rate, read_jsonl, script_module


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
    pairs, _ = script_module("scripts/train_nli.py").synthetic_mix(
        DATA, "dev", seed=5, per_kind=per_kind)
    return _grouped_metrics(nli, pairs, [p["edit"] for p in pairs], batch_size)


def translation_dev_metrics(nli, batch_size: int, n: int = 600) -> dict[str, Any]:
    """XNLI dev sentences against their translations (entailment) and against
    unrelated sentences in another language (neutral); one side Arabic or
    English (``train_nli.translation_pairs`` on the dev split)."""
    pairs, _ = script_module("scripts/train_nli.py").translation_pairs(DATA, "dev", seed=5, n=n)
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
