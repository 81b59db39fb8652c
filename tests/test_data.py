"""Reading labelled pairs: formats, label names and clear errors."""

from __future__ import annotations

import pytest

from claimcheck.data import LABELS, label_id, load_pairs
from tests.conftest import FIXTURES


def test_jsonl_and_csv_load_with_integer_labels():
    ds = load_pairs(FIXTURES / "tiny_nli.jsonl")
    assert len(ds) == 12 and set(ds.column_names) == {"premise", "hypothesis", "label"}
    assert ds[1]["label"] == LABELS.index("contradiction")
    csv = load_pairs(FIXTURES / "tiny_nli.csv")
    assert list(csv["label"]) == [0, 2, 1]
    assert csv[2]["premise"] == "The shop, on Main Street, closes at nine."


def test_datasets_and_lists_are_accepted():
    import datasets

    rows = [{"premise": "a b", "hypothesis": "c d", "label": "Neutral"}]
    assert load_pairs(rows)[0]["label"] == 1
    ds = datasets.Dataset.from_list(rows)
    assert load_pairs(ds)[0]["label"] == 1


def test_unknown_label_names_the_row_and_the_choices():
    rows = [{"premise": "a", "hypothesis": "b", "label": "entailment"},
            {"premise": "a", "hypothesis": "b", "label": "maybe"}]
    with pytest.raises(ValueError, match=r"row 2.*'maybe'.*entailment"):
        load_pairs(rows)
    with pytest.raises(ValueError):
        label_id(7)


def test_missing_file_empty_text_and_missing_column(tmp_path):
    with pytest.raises(FileNotFoundError, match="no labelled-pair file"):
        load_pairs(tmp_path / "nope.jsonl")
    with pytest.raises(ValueError, match="empty or non-text premise"):
        load_pairs([{"premise": "  ", "hypothesis": "b", "label": 0}])
    with pytest.raises(ValueError, match="lacks column"):
        load_pairs([{"premise": "a", "label": 0}])
    with pytest.raises(ValueError, match="no labelled pairs"):
        load_pairs(None)
    empty = tmp_path / "empty.jsonl"
    empty.write_text("\n")
    with pytest.raises(ValueError, match="no labelled pairs found"):
        load_pairs(empty)
