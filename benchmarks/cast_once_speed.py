"""Speed with and without the Linear layers' bfloat16 copies kept between
calls (``claimcheck/casting.py``), in one process, the two alternating.

Run from the repository root::

    python benchmarks/cast_once_speed.py                  # markdown to stdout
    python benchmarks/cast_once_speed.py --rounds 6 --json out.json

Three workloads, each timed ``--rounds`` times per setting, settings
alternating within a round so that a slower minute of a shared machine hits
both; the medians are reported, with every round:

- English attribution one article at a time (``find_attributions`` with the
  shipped tagger) over 84 PolNeAR *train* articles (every tenth by name):
  the path of issue 17's speed target;
- the NLI model's ``predict`` on 256 XNLI dev pairs;
- the encoder on the 256 premises.

Without native bfloat16 the models run in float32 and the two settings are
the same code. The outputs of the two settings are compared too (they must
be equal to the bit).
"""

from __future__ import annotations

import argparse
import json
import statistics
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))
sys.path.insert(0, str(HERE))

SHARED = HERE.parent.parent / "shared" / "data"
POLNEAR_TRAIN = SHARED / "attribution" / "polnear" / "train" / "text"
XNLI_DEV = SHARED / "nli" / "xnli" / "dev.jsonl"


def _set(models: list[Any], cast: bool) -> None:
    """Every Linear layer of ``models`` cast once (True) or a plain one."""
    import torch

    from claimcheck.casting import CastOnceLinear

    for model in models:
        for module in model.modules():
            if type(module) in (torch.nn.Linear, CastOnceLinear):
                module.__class__ = CastOnceLinear if cast else torch.nn.Linear


def _time(work: Callable[[], Any]) -> tuple[float, Any]:
    started = time.perf_counter()
    out = work()
    return time.perf_counter() - started, out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--rounds", type=int, default=4)
    parser.add_argument("--json", type=Path)
    args = parser.parse_args()

    import numpy as np
    from run_benchmark import machine

    from claimcheck.encoder import Encoder
    from claimcheck.nli import NLIModel
    from claimcheck.text.attribution import find_attributions
    from claimcheck.text.tagger import shipped_tagger

    texts = [p.read_text(encoding="utf-8") for p in sorted(POLNEAR_TRAIN.glob("*.txt"))[::10][:84]]
    chars = sum(map(len, texts))
    rows = [json.loads(line) for line in XNLI_DEV.read_text(encoding="utf-8").splitlines()[:256]]
    pairs = [(r["premise"], r["hypothesis"]) for r in rows]
    premises = [r["premise"] for r in rows]
    tagger, nli, encoder = shipped_tagger(), NLIModel.load(), Encoder()
    models = [tagger.model, nli.model, encoder.model]

    workloads: dict[str, tuple[Callable[[], Any], int, str]] = {
        "English attribution, one article at a time": (
            lambda: [find_attributions(t, lang="en", tagger=tagger) for t in texts],
            chars, "characters/s"),
        "NLI predict, 256 XNLI pairs": (
            lambda: nli.predict(pairs, show_progress_bar=False), len(pairs), "pairs/s"),
        "encoder, 256 XNLI premises": (
            lambda: encoder.encode(premises, show_progress_bar=False), len(premises), "texts/s"),
    }
    rates: dict[str, dict[bool, list[float]]] = {k: {False: [], True: []} for k in workloads}
    outputs: dict[str, dict[bool, Any]] = {k: {} for k in workloads}
    for work, _, _ in workloads.values():  # warm-up, models loaded
        _set(models, True)
        work()
    for _ in range(args.rounds):
        for name, (work, size, _) in workloads.items():
            for cast in (False, True):
                _set(models, cast)
                seconds, out = _time(work)
                rates[name][cast].append(size / seconds)
                outputs[name][cast] = out
    _set(models, True)

    def same(a: Any, b: Any) -> bool:
        if isinstance(a, np.ndarray):
            return bool(np.array_equal(a, b))
        return a == b

    info = machine()
    result = {"machine": info, "rounds": args.rounds, "precision": nli.precision,
              "workloads": {}}
    lines = ["## bfloat16 weights cast once: speed, same process, alternating", "",
             f"CPU: {info['cpu_model']} ({info['cpus']} logical CPUs), native bfloat16: "
             f"{info['native_bfloat16']}; {args.rounds} rounds; "
             "`python benchmarks/cast_once_speed.py`.", "",
             "| workload | unit | autocast, cast every batch (median) | cast once (median) | "
             "gain | outputs equal |", "|---|---|---|---|---|---|"]
    for name, (_, _, unit) in workloads.items():
        before, after = (statistics.median(rates[name][c]) for c in (False, True))
        equal = same(outputs[name][False], outputs[name][True])
        result["workloads"][name] = {"unit": unit, "autocast": rates[name][False],
                                     "cast_once": rates[name][True], "outputs_equal": equal}
        lines.append(f"| {name} | {unit} | {before:,.0f} | {after:,.0f} | "
                     f"{after / before - 1:+.1%} | {equal} |")
    print("\n".join(lines))
    if args.json:
        args.json.write_text(json.dumps(result, indent=1) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
