"""benchmarks/rule_recall.py: the gold relations the English rules miss, by cue."""

from __future__ import annotations

import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO / "benchmarks"))

import rule_recall  # noqa: E402

FIXTURE = REPO / "tests" / "fixtures" / "polnear_tiny" / "dev"


def test_cue_classes():
    assert rule_recall.cue_class("said") == ("in the word lists", "said")
    assert rule_recall.cue_class("his support for") == ("ambiguous", "support")
    assert rule_recall.cue_class("According to") == ("a rule pattern", "according to")
    assert rule_recall.cue_class(":") == ("a rule pattern", ":")
    assert rule_recall.cue_class("rips into") == ("in none", "rips into")
    assert rule_recall.cue_class("") == ("no cue", None)


def test_rule_recall_counts_every_gold_relation_by_its_cue():
    result = rule_recall.rule_recall(FIXTURE)
    classes = result["classes"]
    # d1: "said" and "warned", both in the lists and both found by the rules.
    assert sum(c["gold"] for c in classes.values()) == 2
    assert classes["in the word lists"] == {"gold": 2, "missed": 0, "top_missed": []}
    assert "All: 0 of 2 missed" in rule_recall.markdown(result)
