"""Interpolate the weights of two NLI models of the same architecture.

``weights = (1 - alpha) * A + alpha * B``, parameter by parameter (the
frozen word embeddings are the same in both). Used to keep most of what a
continued training run (B) learned while giving back little of what its
starting point (A) could do, as in WiSE-FT (Wortsman et al., 2022, "Robust
fine-tuning of zero-shot models"). ``--alphas`` evaluates several on the
dev-split sample that ``train_nli.py`` selects models on and on minimal pairs
made from dev premises, and saves the one with the most minimal pairs right
among those that lose at most ``--tolerance`` dev-sample accuracy against A::

    python scripts/interpolate_nli.py runs/nli-stage2 runs/nli-stage3 \
        --output runs/nli-interpolated --alphas 0.3 0.5 0.7 --with-translations

With ``--with-translations`` XNLI dev sentences against their translations
and against unrelated sentences in other languages are scored too, and alpha
is chosen by the mean of the two accuracies.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))


def interpolate(a, b, alpha: float, into) -> None:
    """Set the weights of NLI model ``into`` to ``(1 - alpha) * a + alpha * b``
    (``into`` may be a third loaded copy; ``a`` and ``b`` are left as they are)."""
    import torch

    if not 0.0 <= alpha <= 1.0:
        raise ValueError(f"alpha must be in [0, 1], got {alpha}")
    if not a.labels == b.labels == into.labels:
        raise ValueError(f"the models' labels differ: {a.labels} vs {b.labels}")
    sa, sb = a.model.state_dict(), b.model.state_dict()
    if sa.keys() != sb.keys() or any(sa[k].shape != sb[k].shape for k in sa):
        raise ValueError("the two models do not have the same architecture")
    with torch.no_grad():
        into.model.load_state_dict({
            k: (sa[k].float() * (1 - alpha) + sb[k].float() * alpha).to(sa[k].dtype)
            if sa[k].is_floating_point() else sa[k] for k in sa})


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("a", type=Path, help="the starting model (alpha 0)")
    parser.add_argument("b", type=Path, help="the continued model (alpha 1)")
    parser.add_argument("--output", type=Path, required=True)
    parser.add_argument("--alphas", type=float, nargs="+", default=[0.5])
    parser.add_argument("--data", type=Path, default=REPO.parent / "shared" / "data" / "nli")
    parser.add_argument("--dev-seed", type=int, default=21,
                        help="seed of train_nli.py's dev sample (that of the continued run)")
    parser.add_argument("--tolerance", type=float, default=0.005,
                        help="largest dev-sample accuracy loss against model A accepted")
    parser.add_argument("--with-translations", action="store_true",
                        help="also score XNLI dev translation / unrelated cross-lingual pairs "
                        "and choose alpha by the mean of both accuracies")
    parser.add_argument("--claim-pairs", type=Path, default=None, metavar="FILE",
                        help="labelled news claim pairs: choose alpha by their ROC AUC")
    parser.add_argument("--threads", type=int, default=2)
    args = parser.parse_args()

    import torch

    sys.path.insert(0, str(REPO / "scripts"))
    from train_nli import dev_sample, synthetic_mix, translation_pairs

    from claimcheck import NLIModel
    from claimcheck.finetune import evaluate

    torch.set_num_threads(args.threads)
    a, b, model = NLIModel.load(args.a), NLIModel.load(args.b), NLIModel.load(args.a)
    dev = dev_sample(args.data, args.dev_seed)
    minimal, _ = synthetic_mix(args.data, "dev", seed=5, per_kind=400)
    minimal = [{k: p[k] for k in ("premise", "hypothesis", "label")} for p in minimal]
    translations = (translation_pairs(args.data, "dev", seed=5, n=600)[0]
                    if args.with_translations else None)
    if args.claim_pairs:
        from sklearn.metrics import roc_auc_score

        sys.path.insert(0, str(REPO / "benchmarks"))
        import run_benchmark as bench

        claim_rows = bench.read_jsonl(args.claim_pairs)
        claim_gold = [r["label"] == "contradiction" for r in claim_rows]
    results = []
    for alpha in sorted(set(args.alphas) | {0.0, 1.0}):
        interpolate(a, b, alpha, into=model)
        row = {"alpha": alpha, "dev_sample": evaluate(model, dev)["accuracy"],
               "minimal_pairs": evaluate(model, minimal)["accuracy"]}
        row["target"] = row["minimal_pairs"]
        if translations:
            row["translations"] = evaluate(model, translations)["accuracy"]
            row["target"] = (row["minimal_pairs"] + row["translations"]) / 2
        if args.claim_pairs:
            raw, _ = bench.score_claim_pairs(model, claim_rows, batch_size=64)
            row["claim_pairs_auc"] = float(roc_auc_score(claim_gold, raw))
            row["target"] = row["claim_pairs_auc"]
        results.append(row)
        print(json.dumps(row), flush=True)
    # The most minimal pairs right (with --with-translations: the mean of that
    # and the translation pairs' accuracy; with --claim-pairs: their AUC) among
    # the alphas that keep the dev-sample accuracy of the starting model
    # (alpha 0) within --tolerance.
    floor = results[0]["dev_sample"] - args.tolerance
    best = max((r for r in results if r["dev_sample"] >= floor),
               key=lambda r: (r["target"], -r["alpha"]))
    interpolate(a, b, best["alpha"], into=model)
    model.save(args.output)
    (args.output / "interpolation.json").write_text(json.dumps(
        {"a": str(args.a), "b": str(args.b), "dev_seed": args.dev_seed, "results": results,
         "chosen": best}, indent=1))
    print(f"saved alpha {best['alpha']} to {args.output}")


if __name__ == "__main__":
    main()
