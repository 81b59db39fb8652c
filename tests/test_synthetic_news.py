"""Synthetic Arabic–English news pairs about counted quantities."""

import random
from collections import Counter

import pytest
from synthetic_news import (
    KINDS,
    LABEL_OF,
    Noun,
    arabic_count,
    english_count,
    numeric_news_pairs,
)

from claimcheck.reasons import find_quantities

SOLDIER = Noun("soldiers", "جنديا", "جندي")


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        (37, {"37 جنديا", "٣٧ جنديا"}),
        (250, {"250 جندي", "٢٥٠ جندي"}),
        (1_000, {"ألف جندي", "1000 جندي", "١٠٠٠ جندي"}),
        (2_000, {"ألفي جندي"}),  # "2000" alone would read as a year
        (5_000, {"5 آلاف جندي", "خمسة آلاف جندي", "5000 جندي", "٥٠٠٠ جندي"}),
        (200_000, {"200 ألف جندي", "200000 جندي", "٢٠٠٠٠٠ جندي"}),
        (2_000_000, {"مليوني جندي"}),
        (1_500_000, {"1.5 مليون جندي"}),
        (3_000_000, {"3 ملايين جندي", "ثلاثة ملايين جندي"}),
    ],
)
def test_arabic_count_writes_the_forms_news_uses(value, expected):
    seen = {arabic_count(value, SOLDIER, random.Random(seed)) for seed in range(40)}
    assert seen == expected


def test_english_count_forms():
    seen = {english_count(5_000, SOLDIER, random.Random(seed)) for seed in range(40)}
    assert seen == {"5,000 soldiers", "5000 soldiers", "five thousand soldiers"}
    seen = {english_count(1_500_000, SOLDIER, random.Random(seed)) for seed in range(40)}
    assert seen == {"1,500,000 soldiers", "1.5 million soldiers"}


def test_every_generated_count_reads_back_as_its_value():
    # The same reader the contradiction reasons use must agree with the
    # generator on every pair: otherwise a "same-number" pair would teach
    # the model something the rest of claimcheck disagrees with.
    pairs = numeric_news_pairs(150, seed=3)
    for pair in pairs:
        a = [q.value for q in find_quantities(pair["premise"])]
        b = [q.value for q in find_quantities(pair["hypothesis"])]
        assert len(a) == 1 and len(b) == 1, pair
        if pair["edit"] == "same-number":
            assert a == b, pair
        elif pair["edit"] == "changed-number":
            assert abs(a[0] - b[0]) >= 0.3 * max(a[0], b[0]), pair


def test_numeric_news_pairs_labels_languages_and_determinism():
    pairs = numeric_news_pairs(200, seed=1)
    assert pairs == numeric_news_pairs(200, seed=1)
    assert pairs != numeric_news_pairs(200, seed=2)
    kinds = Counter(p["edit"] for p in pairs)
    assert set(kinds) == set(KINDS)
    assert kinds["changed-number"] == kinds["other-quantity"] == 200
    assert 100 < kinds["same-number"] <= 200  # some one-form draws are skipped
    assert all(p["label"] == LABEL_OF[p["edit"]] for p in pairs)
    assert all(p["premise"] != p["hypothesis"] for p in pairs)

    def arabic(text: str) -> bool:
        return any("\u0600" <= c <= "\u06ff" for c in text)

    cross = sum(arabic(p["premise"]) != arabic(p["hypothesis"]) for p in pairs)
    assert 0.45 < cross / len(pairs) < 0.8  # about 60% asked, fewer same-number skips there
    only_en = numeric_news_pairs(30, seed=1, cross_lingual=0.0)
    assert not any(arabic(p["premise"]) != arabic(p["hypothesis"]) for p in only_en)


def test_numeric_news_pairs_rejects_bad_arguments():
    with pytest.raises(ValueError, match="n_per_kind"):
        numeric_news_pairs(-1)
    with pytest.raises(ValueError, match="cross_lingual"):
        numeric_news_pairs(10, cross_lingual=1.5)
