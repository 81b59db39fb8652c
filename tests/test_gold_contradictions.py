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


# benchmarks/data/own_cases.json: the same articles in the e2e format, with
# every attributed claim and every contradiction listed (issue 16).
OWN_CASES = GOLD.with_name("own_cases.json")


def _e2e_eval():
    import importlib.util
    import sys
    if "e2e_eval" in sys.modules:  # tests/test_e2e_eval.py loaded it already
        return sys.modules["e2e_eval"]
    path = GOLD.parent.parent / "e2e_eval.py"
    spec = importlib.util.spec_from_file_location("e2e_eval", path)
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses look their module up there
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="module")
def own_cases() -> list:
    # load_cases raises if a content, speaker or quote is not in its document.
    return _e2e_eval().load_cases(OWN_CASES)


def test_own_cases_hold_every_article_once(gold, own_cases):
    docs = [d.id for case in own_cases for d in case.documents]
    assert sorted(docs) == sorted(doc["id"] for doc in gold["documents"])
    texts = {doc["id"]: doc["text"] for doc in gold["documents"]}
    assert all(d.text == texts[d.id] for case in own_cases for d in case.documents)


def test_own_cases_list_every_labelled_pair(gold, own_cases):
    """Each contradiction of contradictions.json is a required contradiction of
    own_cases.json, each non-contradiction a hard negative: the exhaustive
    file says no less than the labelled one."""
    def covers(side, doc, quote):
        claim = next(g for g in case.claims if g.doc == side.doc
                     and g.span[0] <= side.span[0] and side.span[1] <= g.span[1])
        return side.doc == doc and quote in claim.content

    for pair in gold["pairs"]:
        case = next(c for c in own_cases if pair["doc_a"] in {d.id for d in c.documents})
        listed = [p for p in (case.contradictions if pair["label"] == "contradiction"
                              else case.non_contradictions)
                  if p.required or pair["label"] != "contradiction"]
        assert any(
            (covers(p.a, pair["doc_a"], pair["claim_a"]) and covers(p.b, pair["doc_b"],
                                                                    pair["claim_b"]))
            or (covers(p.a, pair["doc_b"], pair["claim_b"]) and covers(p.b, pair["doc_a"],
                                                                       pair["claim_a"]))
            for p in listed), pair["note"]


def test_own_cases_claims_and_sources(own_cases):
    for case in own_cases:
        for p in case.contradictions + case.non_contradictions:
            for side in (p.a, p.b):
                # Each side names the entity of the one claim it quotes.
                holders = [g for g in case.claims if g.doc == side.doc
                           and g.span[0] <= side.span[0] and side.span[1] <= g.span[1]]
                assert [g.entity for g in holders] == [side.entity], side.quote
        spans = [(g.doc, g.span) for g in case.claims]
        assert len(spans) == len(set(spans)), f"{case.id}: a claim listed twice"
    assert sum(len(c.claims) for c in own_cases) >= 70
