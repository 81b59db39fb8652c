"""Why int8 changes the NLI model's labels: weights or activations, and at
what granularity (issue 18).

    python benchmarks/int8_probe.py                 # 100 pairs of 4 dev sets
    python benchmarks/int8_probe.py --per-set 200 --json runs/int8-probe.json

Every Linear layer of the shipped NLI model is replaced by a simulated int8
one (quantise, round, dequantise, multiply in float32), one way at a time:

- ``weights``: weights to int8, one scale per output channel; activations
  left in float32;
- ``tensor``: weights as above, activations to int8 with one scale for the
  whole input tensor (what ``torch.ao`` dynamic quantisation does);
- ``tensor-7bit``: the same with 7-bit activations (the reduced range
  fbgemm's dynamic quantisation uses on x86);
- ``token``: activations with one scale per token (row).

and then ``torch.ao.quantization.quantize_dynamic`` itself, for its real
speed: on every Linear layer, and with some kinds of layer left in float32
(which layers lose the labels: the feed-forward down-projections, whose
inputs, after GELU, hold the outliers a per-tensor scale cannot serve).
Each variant's labels are compared with float32's on the same pairs
(``../shared/data/nli`` dev sets). The simulation says which quantisation
keeps the labels, not how fast a kernel for it would run.
"""

from __future__ import annotations

import argparse
import copy
import json
import os
import random
import sys
import time
import warnings
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
if str(REPO) not in sys.path:
    sys.path.append(str(REPO))
os.environ.setdefault("HF_HUB_OFFLINE", "1")

NLI_DATA = REPO.parent / "shared" / "data" / "nli"
SETS = ("xnli", "ans-stance-ar", "sick", "snli-mnli-subset")


def fake_quantize(x, dim: int | None, levels: int = 127):
    """Symmetric int quantisation of ``x`` with one scale per slice along
    ``dim`` (None: one scale for the whole tensor), back in float."""
    scale = (x.abs().amax() if dim is None else x.abs().amax(dim=dim, keepdim=True))
    scale = scale.clamp(min=1e-8) / levels
    return (x / scale).round().clamp(-levels, levels) * scale


def simulated(model, mode: str):
    """A copy of ``model`` whose Linear layers compute as ``mode`` says."""
    import torch

    class FakeInt8(torch.nn.Module):
        def __init__(self, linear: torch.nn.Linear) -> None:
            super().__init__()
            self.bias = linear.bias
            self.weight = fake_quantize(linear.weight.detach(), 1)

        def forward(self, x):
            if mode == "token":
                x = fake_quantize(x, -1)
            elif mode == "tensor":
                x = fake_quantize(x, None)
            elif mode == "tensor-7bit":
                x = fake_quantize(x, None, levels=63)
            return torch.nn.functional.linear(x, self.weight, self.bias)

    out = copy.deepcopy(model)
    for name, module in list(out.named_modules()):
        if isinstance(module, torch.nn.Linear) and "." in name:
            parent, child = name.rsplit(".", 1)
            setattr(out.get_submodule(parent), child, FakeInt8(module))
    return out


def main(argv: list[str] | None = None) -> int:
    import numpy as np
    import torch

    from claimcheck.nli import NLIModel

    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--per-set", type=int, default=100, help="pairs from each dev set")
    parser.add_argument("--json", type=Path, default=None)
    args = parser.parse_args(argv)
    pairs = []
    for name in SETS:
        rows = [json.loads(line) for line in (NLI_DATA / name / "dev.jsonl").open(encoding="utf-8")]
        random.Random(0).shuffle(rows)
        pairs += [(r["premise"], r["hypothesis"]) for r in rows[:args.per_set]]
    nli = NLIModel.load(precision="float32")
    reference = nli.predict(pairs, batch_size=32, show_progress_bar=False)
    base = nli.model
    results = {"pairs": len(pairs), "sets": list(SETS), "threads": torch.get_num_threads()}

    def compare(probs) -> dict[str, float]:
        return {"labels_kept": float((probs.argmax(1) == reference.argmax(1)).mean()),
                "max_abs_prob_diff": float(np.abs(probs - reference).max())}

    for mode in ("weights", "tensor", "tensor-7bit", "token"):
        nli.model = simulated(base, mode)
        results[mode] = compare(nli.predict(pairs, batch_size=32, show_progress_bar=False))
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # torch.ao's deprecation notice
        nli.model = torch.ao.quantization.quantize_dynamic(
            copy.deepcopy(base), {torch.nn.Linear}, dtype=torch.qint8)
    names = [n for n, m in base.named_modules() if isinstance(m, torch.nn.Linear)]
    ffn_out = {n for n in names if n.endswith(".output.dense") and ".attention." not in n}
    att_out = {n for n in names if n.endswith(".attention.output.dense")}
    inter = {n for n in names if n.endswith(".intermediate.dense")}
    partial_models = {}
    for label, kept in (("all but the feed-forward down-projections", ffn_out),
                        ("only query, key, value and the head", ffn_out | att_out | inter)):
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            partial_models[f"torch.ao int8, {label}"] = torch.ao.quantization.quantize_dynamic(
                copy.deepcopy(base), {n for n in names if n not in kept}, dtype=torch.qint8)
    timed = {}
    for label, model in (("float32", base), ("torch.ao dynamic int8", nli.model),
                         *partial_models.items()):
        nli.model = model
        nli.predict(pairs[:16], batch_size=32, show_progress_bar=False)
        start = time.perf_counter()
        probs = nli.predict(pairs, batch_size=32, show_progress_bar=False)
        timed[label] = {"pairs_per_s": len(pairs) / (time.perf_counter() - start),
                        **compare(probs)}
    results["measured"] = timed
    print(f"{len(pairs)} dev pairs ({', '.join(SETS)}); labels kept against float32:\n")
    print("| int8 simulation | labels kept | largest probability change |\n|---|---|---|")
    for mode in ("weights", "tensor", "tensor-7bit", "token"):
        r = results[mode]
        print(f"| {mode} | {r['labels_kept']:.4f} | {r['max_abs_prob_diff']:.3f} |")
    print("\n| real run | pairs/s | labels kept |\n|---|---|---|")
    for label, r in timed.items():
        print(f"| {label} | {r['pairs_per_s']:.1f} | {r['labels_kept']:.4f} |")
    if args.json:
        args.json.parent.mkdir(parents=True, exist_ok=True)
        args.json.write_text(json.dumps(results, indent=1))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
