"""The ``finetune`` task: training speed, float32 against bfloat16 autocast."""

from __future__ import annotations

import random
import sys
import time
from typing import Any

from tasks.common import DATA, read_jsonl


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
