"""The ``int8`` task: the int8 NLI model against float32, labels kept and speed."""

from __future__ import annotations

import random
import sys
from pathlib import Path
from typing import Any

from tasks.common import DATA, best_rate, machine, read_jsonl


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
