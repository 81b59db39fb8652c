"""The ``encoder`` task: the e5 encoder in float32 and bfloat16."""

from __future__ import annotations

import random
from typing import Any

from tasks.common import DATA, best_rate, machine, read_jsonl


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
