"""Paths, file readers and formatting shared by the benchmark tasks."""

from __future__ import annotations

import functools
import importlib.util
import json
import os
import platform
import sys
import time
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parents[2]
if str(REPO) not in sys.path:
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
def script_module(path: str):
    """A script of this repository (``benchmarks/attribution_eval.py``,
    ``scripts/train_nli.py``) imported by path, once per process."""
    spec = importlib.util.spec_from_file_location(Path(path).stem, REPO / path)
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses look their module up there
    spec.loader.exec_module(module)
    return module


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


def e2e_module():
    return script_module("benchmarks/e2e_eval.py")


def fmt(value: float | None, digits: int = 3) -> str:
    return "–" if value is None else f"{value:.{digits}f}"


def pipeline_detector(args):
    """The pipeline as find_contradictions runs it, models loaded before timing."""
    from claimcheck import Document

    module = e2e_module()
    model = args.model
    if getattr(args, "precision", None):
        from claimcheck.nli import NLIModel

        model = NLIModel.load(args.model, precision=args.precision)
    detector = module.PipelineDetector(model, args.threshold)
    detector([Document("Officials said the road would reopen. Police said it would stay "
                       "closed.", "warm-up", "en")])
    return detector


def cell(text: str, width: int = 60) -> str:
    """Text fit for a markdown table cell."""
    text = " ".join(text.split()).replace("|", "/")
    return text if len(text) <= width else text[:width - 1] + "…"

def prf_at(scores, gold, threshold: float) -> dict[str, float]:
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
