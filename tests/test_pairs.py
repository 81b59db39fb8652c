"""Candidate pairs from embeddings."""

from __future__ import annotations

import numpy as np
import pytest

from claimcheck.pairs import (
    candidate_pairs,
    comparable,
    near_identical,
    nearest_in_each_language,
    restates,
    screen,
)
from claimcheck.types import Claim, ClaimPair


def _claims(texts):
    return [Claim(text=t, span=(0, len(t))) for t in texts]


def _unit(rows):
    rows = np.asarray(rows, dtype=np.float32)
    return rows / np.linalg.norm(rows, axis=1, keepdims=True)


def test_pairs_follow_nearest_neighbours_and_the_floor():
    claims = _claims(["a said so", "b said so", "c said so", "d said so"])
    emb = _unit([[1, 0, 0], [0.95, 0.05, 0], [0, 1, 0], [0, 0.9, 0.1]])
    pairs = candidate_pairs(claims, emb, top_k=1, min_similarity=0.5)
    assert [(p.a.text[0], p.b.text[0]) for p in pairs] == [("a", "b"), ("c", "d")]
    assert all(p.similarity > 0.9 for p in pairs)
    assert candidate_pairs(claims, emb, top_k=3, min_similarity=0.999) == []


def test_all_pairs_when_top_k_is_none_and_chunking_changes_nothing():
    rng = np.random.default_rng(0)
    claims = _claims([f"claim {i}" for i in range(30)])
    emb = _unit(rng.normal(size=(30, 8)))
    full = candidate_pairs(claims, emb, top_k=None, min_similarity=-1.0)
    assert len(full) == 30 * 29 // 2
    small_chunks = candidate_pairs(claims, emb, top_k=5, min_similarity=0.0, chunk_size=7)
    one_chunk = candidate_pairs(claims, emb, top_k=5, min_similarity=0.0)
    assert [(p.a, p.b) for p in small_chunks] == [(p.a, p.b) for p in one_chunk]
    assert np.allclose([p.similarity for p in small_chunks], [p.similarity for p in one_chunk],
                       atol=1e-5)


def test_identical_texts_are_never_paired_and_bad_arguments_fail():
    claims = _claims(["the same claim"] * 3)
    assert candidate_pairs(claims, _unit([[1, 0], [1, 0], [1, 0]]), top_k=2) == []
    with pytest.raises(ValueError, match="embeddings"):
        candidate_pairs(claims, _unit([[1, 0]]))
    with pytest.raises(ValueError, match="top_k"):
        candidate_pairs(claims, _unit([[1, 0]] * 3), top_k=0)


def test_the_same_words_twice_are_near_identical_and_a_negation_is_not():
    assert near_identical("We will win.", "“we  will WIN”")
    assert near_identical("قالَ إنّ الجيشَ انسحب", "قال إن الجيش انسحب")  # marks aside
    assert not near_identical("the bridge will reopen", "the bridge will not reopen")
    assert not near_identical("", "")


@pytest.mark.parametrize(("a", "b", "same"), [
    # one quote, a name filled in or a longer cut of the sentence: no clash possible
    ("أسسه في ثمانينات القرن الماضي عن تعبئة عامة ضد سجنه",
     'أسسه لولا في ثمانينات القرن الماضي عن "تعبئة عامة" ضد سجنه', True),
    ("the army retook the town", "The army retook the town on Monday.", True),
    # an added word that can turn the claim round or change a count
    ("the bridge will reopen", "the bridge will not reopen", False),
    ("الجيش انسحب من المدينة", "الجيش لم ينسحب من المدينة", False),
    ("the town was retaken", "the town was fully retaken", False),
    ("the talks succeeded on Monday", "the talks nearly succeeded on Monday", False),
    ("people were killed in the attack", "five people were killed in the attack", False),
    ("23 sirens sounded on Saturday", "all 23 sirens sounded on Saturday", False),
    # more than two words added, or words changed rather than added
    ("the army retook the town", "the army retook the town after a week of heavy fighting",
     False),
    ("the bridge will reopen", "the bridge did reopen", False),
])
def test_a_claim_restated_with_a_word_or_two_added_is_never_a_candidate(a, b, same):
    from claimcheck.text.normalize import folded_words

    assert restates(folded_words(a), folded_words(b)) is same
    assert comparable(folded_words(a), folded_words(b)) is not same


def test_the_cascade_keeps_each_claims_nearest_pair_in_each_language_and_any_with_evidence():
    a, b, c = (Claim(t, (0, 1), lang="en", doc_id=t) for t in ("a", "b", "c"))
    ar = Claim("ع", (0, 1), lang="ar", doc_id="ar")
    pairs = [ClaimPair(a, b, 0.95), ClaimPair(a, c, 0.90), ClaimPair(b, c, 0.85),
             ClaimPair(a, ar, 0.82)]
    # a's nearest in English is b and c's is a; a's (and ar's) nearest in the
    # other script is the only cross pair, however far. b-c is nobody's nearest.
    assert nearest_in_each_language(pairs) == [True, True, False, True]
    assert screen(nearest_in_each_language(pairs), [False] * 4) == [0, 1, 3]
    # A rule that sees a clash keeps a pair whatever its rank.
    assert screen(nearest_in_each_language(pairs), [False, False, True, False]) == [0, 1, 2, 3]
    assert nearest_in_each_language([]) == [] and screen([], []) == []
    with pytest.raises(ValueError, match="evidence"):
        screen([True], [])


def test_a_claim_of_one_or_two_words_without_a_number_is_never_paired():
    claims = _claims(["No", "about 8,000", "more than 50,000 people took part", "people would"])
    emb = _unit([[1, 0.01, 0], [1, 0.02, 0], [1, 0.03, 0], [1, 0.04, 0]])
    pairs = candidate_pairs(claims, emb, top_k=3, min_similarity=0.5)
    assert [(p.a.text, p.b.text) for p in pairs] == [
        ("about 8,000", "more than 50,000 people took part")]


def test_nearest_can_be_counted_for_some_claims_only():
    new, old1, old2 = (Claim(t, (0, 1), lang="en", doc_id=t) for t in ("n", "o1", "o2"))
    pairs = [ClaimPair(new, old1, 0.9), ClaimPair(new, old2, 0.85)]
    # For the stored claims each pair is their only (so nearest) one; only
    # the new claim's nearest counts.
    assert nearest_in_each_language(pairs) == [True, True]
    assert nearest_in_each_language(pairs, among={new}) == [True, False]


def test_a_negation_cue_keeps_a_pair_nobody_is_nearest_to_only_when_the_phrase_repeats():
    from claimcheck.detect import ContradictionFinder
    from claimcheck.reasons import Reason, find_reasons

    finder = ContradictionFinder()  # no model is loaded for this
    said = Claim("observers said they had filed formal complaints with the commission", (0, 1),
                 lang="en")
    denied = Claim("the commission had received no formal complaints", (0, 1), lang="en")
    other = Claim("observers from the commission were not allowed into the count", (0, 1),
                  lang="en")
    for a, b, kept in ((denied, said, True), (other, said, False)):
        reasons = find_reasons(a.text, b.text, lang_a="en", lang_b="en")
        assert [r.kind for r in reasons] == ["negation"]
        assert finder._clash_seen(ClaimPair(a, b, 0.8), reasons) is kept
    # The cascade before: any negation reason kept the pair.
    finder.negation_alone = True
    assert finder._clash_seen(ClaimPair(other, said, 0.8), [Reason("negation", "", 0.4)])
    # Any other kind of reason keeps it whatever the words.
    finder.negation_alone = False
    assert finder._clash_seen(ClaimPair(other, said, 0.8), [Reason("numeric", "", 2.4)])
