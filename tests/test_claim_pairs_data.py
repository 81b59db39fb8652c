"""Checks that our hand-written claim-pair files are well formed and that the
training pairs share no claim with the dev pairs (which tune the calibration)."""

from __future__ import annotations

import json
from collections import Counter
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
DEV = ROOT / "benchmarks" / "data" / "claim_pairs_dev.jsonl"
TRAIN = ROOT / "scripts" / "data" / "claim_pairs_train.jsonl"
DEV_KINDS = {
    "contradiction": {"numeric", "antonym", "negation", "temporal", "denial", "other"},
    "no_contradiction": {"paraphrase", "translation", "compatible", "different_quantity",
                         "different_subject", "hedged", "unrelated_same_topic"},
}
DENIAL_CUES = {"denied", "نفى", "نفت"}


def read(path: Path) -> list[dict]:
    with path.open(encoding="utf-8") as f:
        return [json.loads(line) for line in f if line.strip()]


@pytest.fixture(scope="module")
def dev() -> list[dict]:
    return read(DEV)


def test_dev_pairs_are_well_formed(dev):
    assert len(dev) >= 150
    assert len({r["id"] for r in dev}) == len(dev)
    for r in dev:
        assert set(r) == {"id", "topic", "lang_a", "cue_a", "claim_a", "lang_b", "cue_b",
                          "claim_b", "label", "kind"}, r["id"]
        assert r["kind"] in DEV_KINDS[r["label"]], r["id"]
        assert {r["lang_a"], r["lang_b"]} <= {"ar", "en"}
        assert r["claim_a"].strip() and r["claim_b"].strip() and r["claim_a"] != r["claim_b"]
        # A denial cue flips what the speaker asserts: only denial pairs have one.
        denies = r["cue_a"] in DENIAL_CUES or r["cue_b"] in DENIAL_CUES
        assert denies == (r["kind"] == "denial"), r["id"]
    labels = Counter(r["label"] for r in dev)
    assert min(labels.values()) >= 0.35 * len(dev)
    assert Counter((r["lang_a"], r["lang_b"]) for r in dev).keys() >= {("ar", "ar"), ("en", "en")}


TRAIN_KINDS = {
    "contradiction": {"numeric", "antonym", "negation", "temporal", "other"},
    "entailment": {"paraphrase", "translation", "specific_general"},
    "neutral": {"compatible", "different_quantity", "different_subject", "hedged",
                "unrelated_same_topic", "reverse_general"},
}


def test_training_pairs_are_well_formed_and_disjoint_from_what_we_evaluate_on(dev):
    train = read(TRAIN)
    assert len(train) >= 1000
    assert len({r["id"] for r in train}) == len(train)
    for r in train:
        assert set(r) == {"id", "topic", "lang_a", "claim_a", "lang_b", "claim_b", "label",
                          "kind"}, r["id"]
        assert r["kind"] in TRAIN_KINDS[r["label"]], r["id"]
        assert {r["lang_a"], r["lang_b"]} <= {"ar", "en"}
        assert r["claim_a"].strip() and r["claim_b"].strip() and r["claim_a"] != r["claim_b"]
    claims = {r[k] for r in train for k in ("claim_a", "claim_b")}
    assert not claims & {r[k] for r in dev for k in ("claim_a", "claim_b")}
    assert not {r["topic"] for r in train} & {r["topic"] for r in dev}
    gold = json.loads((ROOT / "benchmarks" / "data" / "contradictions.json").read_text("utf-8"))
    articles = " ".join(d["text"] for d in gold["documents"])
    assert not [c for c in claims if c in articles]
