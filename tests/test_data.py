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


ROWS_CSV = "premise,hypothesis,label\nالسوق مغلق اليوم.,السوق مفتوح.,contradiction\n"


def test_a_csv_or_jsonl_with_a_utf8_byte_order_mark_loads(tmp_path):
    # spreadsheet programs write "CSV UTF-8" with a BOM before the first header
    csv_file = tmp_path / "bom.csv"
    csv_file.write_bytes(b"\xef\xbb\xbf" + ROWS_CSV.encode("utf-8"))
    ds = load_pairs(csv_file)
    assert ds[0]["premise"] == "السوق مغلق اليوم." and ds[0]["label"] == 2
    jsonl = tmp_path / "bom.jsonl"
    jsonl.write_bytes(b"\xef\xbb\xbf" + b'{"premise": "a", "hypothesis": "b", "label": 1}\n')
    assert load_pairs(jsonl)[0]["label"] == 1


@pytest.mark.parametrize("encoding", ["cp1256", "latin-1"])
def test_a_file_that_is_not_utf8_names_the_file_the_byte_and_the_fix(tmp_path, encoding):
    text = ROWS_CSV if encoding == "cp1256" else "premise,hypothesis,label\nCafé,Thé,neutral\n"
    path = tmp_path / f"{encoding}.csv"
    path.write_bytes(text.encode(encoding))
    with pytest.raises(ValueError, match=r"bad.*not UTF-8 text \(byte 0x[0-9a-f]{2} at offset "
                                         r"\d+, line 2\).*re-save it as UTF-8.*iconv") as err:
        load_pairs(path.rename(tmp_path / "bad.csv"))
    assert "bad.csv" in str(err.value)


def test_utf16_with_a_byte_order_mark_is_read(tmp_path):
    # what "Unicode text" in a spreadsheet writes; the mark says how to read it
    for codec in ("utf-16", "utf-16-be", "utf-32"):
        path = tmp_path / f"{codec}.csv"
        bom = {"utf-16-be": b"\xfe\xff"}.get(codec, b"")
        path.write_bytes(bom + ROWS_CSV.encode(codec))
        ds = load_pairs(path)
        assert ds[0]["hypothesis"] == "السوق مفتوح." and ds[0]["label"] == 2, codec


def test_a_directory_is_named_as_one(tmp_path):
    (tmp_path / "pairs.csv").mkdir()
    with pytest.raises(ValueError, match="is a directory, not a labelled-pair file"):
        load_pairs(tmp_path / "pairs.csv")
    with pytest.raises(ValueError, match="is a directory"):
        load_pairs(tmp_path)


def test_lone_surrogates_become_the_replacement_character(tmp_path):
    # a JSON "\ud800" escape decodes to a lone surrogate, which neither Arrow
    # nor the tokenizer can take: it is read as U+FFFD, as NLIModel.predict does
    path = tmp_path / "s.jsonl"
    path.write_text('{"premise": "He said \\ud800 it rained.", "hypothesis": "It rained.", '
                    '"label": "entailment"}\n', encoding="utf-8")
    ds = load_pairs(path)
    assert ds[0]["premise"] == "He said \ufffd it rained."
    rows = [{"premise": "a", "hypothesis": "b \udcff", "label": 0}]
    assert load_pairs(rows)[0]["hypothesis"] == "b \ufffd"


def test_jsonl_lines_split_only_at_line_ends(tmp_path):
    # JSON allows a raw U+2028 inside a string; it is not a line break there
    path = tmp_path / "ls.jsonl"
    path.write_text('{"premise": "a\u2028b", "hypothesis": "c", "label": 0}\r\n'
                    '{"premise": "d", "hypothesis": "e", "label": 1}\r\n', encoding="utf-8")
    ds = load_pairs(path)
    assert list(ds["premise"]) == ["a\u2028b", "d"]
