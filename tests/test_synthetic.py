"""Synthetic minimal pairs: each edit on sentences we wrote."""

import random

import pytest
from synthetic import (
    DETAIL_EDITS,
    EDITS,
    LABEL_OF,
    change_number,
    convert_digits,
    drop_detail,
    first_clause,
    hedge,
    negate,
    number_words,
    swap_antonym,
    synthetic_pairs,
)


def rng() -> random.Random:
    return random.Random(0)


def test_change_number_changes_one_unhedged_number_and_keeps_its_script():
    out = change_number("The flood destroyed 40 homes.", rng())
    assert out is not None and "40" not in out and out.startswith("The flood destroyed ")
    arabic = change_number("دمر الفيضان ٤٠ منزلا", rng())
    assert arabic is not None and "٤٠" not in arabic
    assert any(c in "٠١٢٣٤٥٦٧٨٩" for c in arabic) and not any(c.isascii() and c.isdigit()
                                                          for c in arabic)
    # a bound is not a value, and a model name is not a quantity
    assert change_number("More than 40 homes were destroyed.", rng()) is None
    assert change_number("دمر الفيضان أكثر من 40 منزلا", rng()) is None
    assert change_number("COVID-19 reached the town.", rng()) is None


def test_change_number_moves_a_year_by_a_few_years():
    out = change_number("The bridge opened in 1998.", rng())
    year = int(out.split()[-1].rstrip("."))
    assert year != 1998 and abs(year - 1998) <= 3


def test_negate_english_adds_or_removes_not():
    assert negate("The talks will resume on Monday.", rng()) == \
        "The talks will not resume on Monday."
    assert negate("The minister has not resigned.", rng()) == "The minister has resigned."
    assert negate("Rain fell all day.", rng()) is None  # no auxiliary to negate


def test_negate_arabic_rules():
    assert negate("سوف تستأنف المحادثات يوم الاثنين", rng()) in {
        "لن تستأنف المحادثات يوم الاثنين", "سوف لا تستأنف المحادثات يوم الاثنين"}
    assert negate("الوزير لا يعمل اليوم", rng()) == "الوزير يعمل اليوم"
    # "يوم" (day) starts like a verb but is not one: nothing to negate here
    assert negate("يوم الاثنين عطلة رسمية", rng()) is None


def test_swap_antonym_keeps_case_and_swaps_both_ways():
    assert swap_antonym("Exports rose in May.", rng()) == "Exports fell in May."
    assert swap_antonym("Won by a mile.", rng()) == "Lost by a mile."
    assert swap_antonym("ارتفعت الصادرات في مايو", rng()) == "انخفضت الصادرات في مايو"
    assert swap_antonym("The sky is blue.", rng()) is None


def test_convert_digits_keeps_the_value():
    assert convert_digits("قتل 12 شخصا") == "قتل ١٢ شخصا"
    assert convert_digits("قتل ١٢ شخصا") == "قتل 12 شخصا"
    assert convert_digits("They counted 25,000 votes.") == "They counted 25000 votes."
    assert convert_digits("They counted 25000 votes.") == "They counted 25,000 votes."
    assert convert_digits("No numbers here.") is None


def test_first_clause_only_when_it_stands_alone():
    assert first_clause("The council approved the budget on Monday, ending a long dispute.") \
        == "The council approved the budget on Monday."
    assert first_clause("If the council approves the budget soon, the strike ends.") is None
    assert first_clause("Short one, then more words follow here.") is None


def test_synthetic_pairs_labels_directions_and_determinism():
    sentences = [
        "The council approved the budget on Monday, ending a long dispute.",
        "The flood destroyed 40 homes in the valley.",
        "Exports rose sharply in May.",
        "سوف تستأنف المحادثات يوم الاثنين",
    ]
    pairs = synthetic_pairs(sentences, seed=3, per_sentence=6)
    assert pairs == synthetic_pairs(sentences, seed=3, per_sentence=6)
    assert {p["label"] for p in pairs} == {"entailment", "neutral", "contradiction"}
    for p in pairs:
        assert p["label"] == LABEL_OF[p["edit"]]
        assert p["premise"] != p["hypothesis"]
        if p["edit"] == "clause":
            assert p["premise"].startswith(p["hypothesis"].rstrip("."))
        if p["edit"] == "clause-reverse":
            assert p["hypothesis"].startswith(p["premise"].rstrip("."))
    one_each = synthetic_pairs(sentences, seed=3)
    assert len(one_each) == len(sentences)


def test_synthetic_pairs_cross_lingual_with_translations():
    english = "The flood destroyed 40 homes in the valley."
    arabic = "دمر الفيضان 40 منزلا في الوادي"
    pairs = synthetic_pairs([english], seed=1, kinds=["number"],
                            translations={english: arabic})
    assert len(pairs) == 1 and pairs[0]["label"] == "contradiction"
    assert arabic in (pairs[0]["premise"], pairs[0]["hypothesis"])


def test_synthetic_pairs_rejects_unknown_edits():
    with pytest.raises(ValueError, match="unknown edit"):
        synthetic_pairs(["Some sentence here."], kinds=["paraphrase"])


def test_number_words_writes_one_english_count_the_other_way():
    assert number_words("16 civilians were killed.", rng()) == "Sixteen civilians were killed."
    assert number_words("Police said three people were held.", rng()) == \
        "Police said 3 people were held."
    # Not a count of something, not Arabic, not "one" (also a pronoun).
    assert number_words("The vote was 16-4.", rng()) is None
    assert number_words("قتل 16 مدنيا", rng()) is None
    assert number_words("One of the men was released.", rng()) is None


def test_drop_detail_removes_a_day_or_a_count_and_the_rest_stays():
    assert drop_detail("Talks resumed in Geneva on Monday night.", rng()) == \
        "Talks resumed in Geneva."
    assert drop_detail("استؤنفت المحادثات يوم الاثنين في جنيف", rng()) == \
        "استؤنفت المحادثات في جنيف"
    assert drop_detail("16 civilians were killed in the strike.", rng()) == \
        "Civilians were killed in the strike."
    # A bound is kept whole; nothing to drop gives nothing.
    assert drop_detail("At least 16 civilians were killed.", rng()) is None
    assert drop_detail("The talks collapsed.", rng()) is None


def test_hedge_makes_a_count_a_lower_bound_but_not_a_year():
    assert hedge("16 civilians were killed.", rng()) == "At least 16 civilians were killed."
    assert hedge("قتل 16 مدنيا", rng()) == "قتل ما لا يقل عن 16 مدنيا"
    assert hedge("The plant opened in 1998.", rng()) is None
    assert hedge("About 16 civilians were killed.", rng()) is None


def test_detail_edits_are_not_in_the_default_mix_and_read_the_right_way_round():
    sentence = "16 civilians were killed on Friday in the strike."
    assert not set(DETAIL_EDITS) & set(EDITS)
    assert all(p["edit"] in EDITS for p in synthetic_pairs([sentence], seed=0, per_sentence=6))
    pairs = {p["edit"]: p for p in synthetic_pairs([sentence], seed=0, per_sentence=5,
                                                   kinds=DETAIL_EDITS)}
    assert set(pairs) == set(DETAIL_EDITS)
    for kind, pair in pairs.items():
        assert pair["label"] == LABEL_OF[kind]
        # entailment: the longer, more specific text is the premise
        longer = pair["premise"] if LABEL_OF[kind] == "entailment" else pair["hypothesis"]
        assert longer in (sentence, "Sixteen civilians were killed on Friday in the strike.") \
            or kind in ("hedge", "unhedge")
    assert pairs["hedge"]["hypothesis"].startswith("At least 16")
    assert pairs["unhedge"]["premise"].startswith("At least 16")
