"""benchmarks/attribution_eval.py: the batched (corpus path) speed measure."""

from __future__ import annotations

import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO / "benchmarks"))

import attribution_eval  # noqa: E402

FIXTURE = REPO / "tests" / "fixtures" / "polnear_tiny" / "dev"


def test_batched_speed_finds_what_the_article_by_article_run_finds():
    result = attribution_eval.batched_speed(FIXTURE)
    one_by_one = attribution_eval.evaluate_polnear(FIXTURE)
    assert result["documents"] == one_by_one["documents"] == 1
    assert result["characters"] == one_by_one["characters"]
    assert result["relations"] == one_by_one["predicted_relations"] > 0
    assert result["characters_per_s"] > 0
