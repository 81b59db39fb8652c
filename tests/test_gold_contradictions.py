"""Checks that benchmarks/data/contradictions.json is well formed."""

from __future__ import annotations

import json
from collections import Counter
from pathlib import Path

import pytest

GOLD = Path(__file__).resolve().parent.parent / "benchmarks" / "data" / "contradictions.json"
LABELS = {"contradiction", "no_contradiction"}


@pytest.fixture(scope="module")
def gold() -> dict:
    with GOLD.open(encoding="utf-8") as f:
        return json.load(f)


@pytest.fixture(scope="module")
def texts(gold) -> dict[str, str]:
    return {doc["id"]: doc["text"] for doc in gold["documents"]}


def test_top_level_keys(gold):
    assert {"description", "documents", "pairs"} <= set(gold)
    assert "claim_a" in gold["description"]


def test_documents(gold):
    ids = [doc["id"] for doc in gold["documents"]]
    assert len(ids) == len(set(ids)), "document ids must be unique"
    assert len(ids) >= 8
    for doc in gold["documents"]:
        assert set(doc) == {"id", "lang", "title", "text"}
        assert doc["lang"] in {"ar", "en"}
        assert doc["title"].strip() and doc["text"].strip()
    assert {doc["lang"] for doc in gold["documents"]} == {"ar", "en"}


def test_pairs_point_at_verbatim_unique_substrings(gold, texts):
    for pair in gold["pairs"]:
        assert set(pair) == {"doc_a", "claim_a", "doc_b", "claim_b", "label", "note"}
        assert pair["label"] in LABELS
        assert pair["note"].strip()
        for doc, claim in ((pair["doc_a"], pair["claim_a"]), (pair["doc_b"], pair["claim_b"])):
            assert doc in texts, f"unknown document {doc!r}"
            assert claim.strip() == claim and claim
            assert texts[doc].count(claim) == 1, f"{claim!r} must occur once in {doc}"


def test_pairs_are_unique_and_not_self(gold):
    keys = [
        frozenset({(p["doc_a"], p["claim_a"]), (p["doc_b"], p["claim_b"])}) for p in gold["pairs"]
    ]
    assert all(len(k) == 2 for k in keys), "a claim paired with itself"
    assert len(keys) == len(set(keys)), "duplicate pair"


def test_label_counts(gold):
    counts = Counter(pair["label"] for pair in gold["pairs"])
    assert counts["contradiction"] >= 25
    assert counts["no_contradiction"] >= 25


def test_cross_language_document_pairs(gold):
    lang = {doc["id"]: doc["lang"] for doc in gold["documents"]}
    cross = {
        frozenset({p["doc_a"], p["doc_b"]})
        for p in gold["pairs"]
        if lang[p["doc_a"]] != lang[p["doc_b"]]
    }
    assert len(cross) >= 2
    labels = {p["label"] for p in gold["pairs"] if lang[p["doc_a"]] != lang[p["doc_b"]]}
    assert labels == LABELS
