"""The decision stage: features of a pair, near-identical claims, one source
speaking twice, and the saved stage."""

from __future__ import annotations

import numpy as np
import pytest

from claimcheck.decision import (
    FEATURES,
    DecisionStage,
    PairEvidence,
    same_source,
    word_overlap,
)
from claimcheck.types import Claim


def _claim(text, speaker="the minister", entity=None, doc="d1", lang="en"):
    return Claim(text=text, span=(0, len(text)), speaker=speaker, entity=entity or speaker,
                 lang=lang, doc_id=doc)


def test_word_overlap_is_jaccard_of_folded_words():
    assert word_overlap("a b c", "a b d") == pytest.approx(0.5)


def test_one_source_is_one_entity_within_one_document():
    a = _claim("Prices will fall.", entity="Finance Minister Omar Said")
    b = _claim("Prices rose.", speaker="he", entity="finance minister omar said")
    assert same_source(a, b)
    assert not same_source(a, _claim("Prices rose.", entity="Finance Minister Omar Said",
                                     doc="d2"))
    assert not same_source(a, _claim("Prices rose.", entity="the central bank"))
    assert not same_source(_claim("x", speaker=None, entity=None),
                           _claim("y", speaker=None, entity=None))


def _evidence(p_ab=0.9, p_ba=0.8, reasons=("numeric",)):
    return PairEvidence(combined=0.85, contradiction_ab=p_ab, contradiction_ba=p_ba,
                        entailment_ab=0.05, entailment_ba=0.1, reasons=reasons,
                        similarity=0.9, claim_a=_claim("64 workers were there."),
                        claim_b=_claim("58 workers were there.", entity="the union",
                                       doc="d2", lang="ar"))


def test_features_follow_their_names():
    x = dict(zip(FEATURES, _evidence().vector()))
    assert x["nli_max"] > x["nli_min"]
    assert x["reason_numeric"] == 1.0 and x["reason_negation"] == 0.0
    assert x["same_source"] == 0.0 and x["same_document"] == 0.0
    assert x["cross_language"] == 1.0 and x["entail_max"] == pytest.approx(0.1)


def test_a_stage_scores_saves_and_loads(tmp_path):
    stage = DecisionStage(features=("nli_max", "reason_numeric"), coef=(1.0, 2.0),
                          mean=(0.0, 0.0), scale=(1.0, 1.0), intercept=-3.0, threshold=0.5,
                          fitted_on="a test")
    low, high = stage.probability([_evidence(0.1, 0.1, ()), _evidence(0.99, 0.99)])
    assert 0.0 < low < 0.5 < high < 1.0
    stage.save(tmp_path)
    assert DecisionStage.load(tmp_path) == stage
    assert DecisionStage.load(tmp_path / "elsewhere") is None
    assert stage.probability([]).shape == (0,)


def test_a_broken_stage_file_is_a_clear_error(tmp_path):
    (tmp_path / "decision.json").write_text('{"features": ["nli_max"]}', encoding="utf-8")
    with pytest.raises(ValueError, match="train_decision.py"):
        DecisionStage.load(tmp_path)
    with pytest.raises(ValueError, match="unknown decision features"):
        DecisionStage(features=("nope",), coef=(1.0,), mean=(0.0,), scale=(1.0,),
                      intercept=0.0, threshold=0.5)
    assert np.isfinite(_evidence().vector()).all()
