"""The claimcheck command line."""

from __future__ import annotations

import json

import pytest

from claimcheck.cli import main
from tests.conftest import SEED


@pytest.mark.slow
def test_find_prints_a_table_with_both_speakers(capsys):
    assert main(["find", str(SEED), "--top", "3"]) == 0
    out = capsys.readouterr().out
    assert out.startswith("#1")
    blocks = ["#" + b for b in out.split("\n#") if b.strip()]
    assert len(blocks) == 3
    assert any("قائد في قوات سوريا الديمقراطية" in b and "ترامب" in b for b in blocks), out


@pytest.mark.slow
def test_find_json(capsys):
    assert main(["find", str(SEED), "--json", "--top", "1", "--threshold", "0.3"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["schema_version"] == 1 and data["threshold"] == 0.3
    rows = data["contradictions"]
    claims = {c["id"]: c for c in data["claims"]}
    assert len(rows) == 1 and claims[rows[0]["claim_a"]]["speaker"] and rows[0]["score"] >= 0.3
    assert len(data["claims"]) > 2  # every compared claim, not only the clashing ones
    assert data["documents"][0]["id"] == "baghuz_ar.txt"


@pytest.mark.slow
def test_find_csv_and_jsonl_from_standard_input(capsys, monkeypatch):
    import io

    line = json.dumps({"text": SEED.read_text(encoding="utf-8"), "id": "seed",
                       "date": "2019-03-21"})
    monkeypatch.setattr("sys.stdin", io.TextIOWrapper(io.BytesIO(line.encode("utf-8"))))
    assert main(["find", "-", "--jsonl", "--format", "csv", "--top", "2", "--quiet"]) == 0
    out = capsys.readouterr().out.splitlines()
    assert out[0].startswith("rank,score,kind,doc_a") and len(out) == 3
    assert out[1].split(",")[3] == "seed"


def test_missing_file_and_bad_threshold_are_reported(tmp_path, capsys):
    assert main(["find", str(tmp_path / "nope.txt")]) == 2
    assert "no such file" in capsys.readouterr().err
    article = tmp_path / "a.txt"
    article.write_text("The minister said the bridge will reopen.", encoding="utf-8")
    assert main(["find", str(article), "--threshold", "2"]) == 2
    assert "threshold" in capsys.readouterr().err
    with pytest.raises(SystemExit):
        main(["nonsense"])


def test_finetune_must_pass_without_eval_is_reported(tmp_path, capsys):
    from tests.conftest import FIXTURES

    code = main(["finetune", "--train", str(FIXTURES / "tiny_nli.jsonl"), "--output",
                 str(tmp_path / "m"), "--must-pass", str(FIXTURES / "tiny_nli.jsonl")])
    assert code == 2
    assert "pass --eval as well" in capsys.readouterr().err
    assert not (tmp_path / "m").exists()


def test_files_with_the_same_name_get_distinct_ids_and_a_repeated_file_is_read_once(tmp_path):
    from claimcheck.cli import read_articles

    for folder in ("a", "b"):
        (tmp_path / folder).mkdir()
        (tmp_path / folder / "article.txt").write_text(f"Text {folder}.", encoding="utf-8")
    notes = []
    docs = read_articles([str(tmp_path / "a" / "article.txt"), str(tmp_path / "b" / "article.txt"),
                          str(tmp_path / "a" / "article.txt")], warn=notes.append)
    assert [d.id for d in docs] == ["a/article.txt", "b/article.txt"]
    assert [d.text for d in docs] == ["Text a.", "Text b."]
    assert len(notes) == 1 and "more than once" in notes[0]


def test_a_folder_gives_its_text_files_recursively_and_an_empty_one_is_an_error(tmp_path):
    from claimcheck.cli import read_articles

    (tmp_path / "in" / "deep").mkdir(parents=True)
    (tmp_path / "in" / "one.txt").write_text("One.", encoding="utf-8")
    (tmp_path / "in" / "deep" / "two.md").write_text("Two.", encoding="utf-8")
    (tmp_path / "in" / "skip.json").write_text("{}", encoding="utf-8")
    docs = read_articles([str(tmp_path / "in")])
    assert [d.text for d in docs] == ["Two.", "One."]  # sorted paths: deep/two.md first
    (tmp_path / "empty").mkdir()
    with pytest.raises(ValueError, match="no .txt or .md files"):
        read_articles([str(tmp_path / "empty")])


@pytest.mark.parametrize("encoding", ["cp1256", "utf-16"])
def test_a_file_in_another_encoding_names_the_file_and_the_fix(tmp_path, capsys, encoding):
    article = tmp_path / "old.txt"
    article.write_bytes("قال الوزير إن الجسر سيفتح.".encode(encoding))
    assert main(["find", str(article), "--quiet"]) == 2
    err = capsys.readouterr().err
    assert str(article) in err and "--encoding" in err


def test_encoding_option_reads_the_file(tmp_path):
    from claimcheck.cli import read_articles

    article = tmp_path / "old.txt"
    text = "قال الوزير إن الجسر سيفتح."
    article.write_bytes(text.encode("cp1256"))
    assert read_articles([str(article)], encoding="cp1256")[0].text == text
    bom = tmp_path / "bom.txt"
    bom.write_bytes(b"\xef\xbb\xbf" + text.encode("utf-8"))
    assert read_articles([str(bom)])[0].text == text  # the byte-order mark is not text


@pytest.mark.parametrize("top", ["0", "-1", "x"])
def test_top_must_be_a_positive_integer(tmp_path, capsys, top):
    article = tmp_path / "a.txt"
    article.write_text("The minister said the bridge will reopen.", encoding="utf-8")
    with pytest.raises(SystemExit) as exit_:
        main(["find", str(article), "--top", top])
    assert exit_.value.code == 2
    assert "positive integer" in capsys.readouterr().err


@pytest.mark.slow
def test_find_prints_only_the_table_on_stdout(tmp_path):
    """What a script piping `claimcheck find` gets: the JSON and nothing else on
    stdout, and no third-party bars or warnings on stderr either."""
    import os
    import subprocess
    import sys

    from tests.conftest import SEED

    command = [sys.executable, "-m", "claimcheck.cli", "find", str(SEED), "--json", "--top", "2"]
    env = {**os.environ, "HF_HUB_OFFLINE": "1"}
    done = subprocess.run(command, capture_output=True, text=True, env=env, check=True)
    assert len(json.loads(done.stdout)["contradictions"]) == 2
    assert done.stderr.strip() == "", done.stderr


@pytest.mark.slow
def test_find_in_int8_still_finds_the_seed_clash(capsys):
    from claimcheck.detect import _shared_finder
    from claimcheck.quantize import int8_supported

    if not int8_supported():
        pytest.skip("this CPU has no VNNI: int8 is refused here")
    try:
        assert main(["find", str(SEED), "--top", "3", "--precision", "int8"]) == 0
    finally:
        _shared_finder().nli.precision = "auto"  # the finder is shared by later tests
    blocks = ["#" + b for b in capsys.readouterr().out.split("\n#") if b.strip()]
    assert any("قائد في قوات سوريا الديمقراطية" in b and "ترامب" in b for b in blocks)


def test_find_precision_errors_are_clear(capsys, monkeypatch, tmp_path):
    import claimcheck.nli as nli_module
    from claimcheck.detect import _shared_finder

    article = tmp_path / "a.txt"
    article.write_text("The minister said the bridge would reopen on Monday.", encoding="utf-8")
    assert main(["find", str(article), "--precision", "int8", "--ray"]) == 2
    assert "--precision applies to local runs" in capsys.readouterr().err
    assert main(["find", str(article), "--full-tagger", "--ray"]) == 2
    assert "--full-tagger applies to local runs" in capsys.readouterr().err
    monkeypatch.setattr(nli_module, "_cpu_flags", lambda: frozenset({"avx2"}))
    finder = _shared_finder()
    monkeypatch.setattr(finder, "_nli", nli_module.NLIModel(
        _tiny_classifier(), None, precision="float32"))
    assert main(["find", str(article), "--precision", "int8"]) == 2
    assert "VNNI" in capsys.readouterr().err


def _tiny_classifier():
    from transformers import BertConfig, BertForSequenceClassification

    return BertForSequenceClassification(BertConfig(
        vocab_size=8, hidden_size=8, num_hidden_layers=1, num_attention_heads=1,
        intermediate_size=8, id2label={0: "entailment", 1: "neutral", 2: "contradiction"}))


@pytest.mark.slow
def test_find_compares_articles_months_apart_only_when_asked(tmp_path, capsys):
    corpus = tmp_path / "corpus.jsonl"
    corpus.write_text("\n".join(json.dumps(row) for row in [
        {"id": "march", "date": "2025-03-01",
         "text": "The interior ministry said that 14 protesters had been killed on Friday."},
        {"id": "june", "date": "2025-06-01",
         "text": "Opposition leaders said that no protesters had been killed on Friday."},
    ]), encoding="utf-8")
    assert main(["find", str(corpus), "--json", "--threshold", "0.2", "--quiet"]) == 0
    assert json.loads(capsys.readouterr().out)["contradictions"] == []
    assert main(["find", str(corpus), "--json", "--threshold", "0.2", "--quiet",
                 "--max-days-apart", "none"]) == 0
    data = json.loads(capsys.readouterr().out)
    docs = {c["id"]: c["doc_id"] for c in data["claims"]}
    assert any({docs[r["claim_a"]], docs[r["claim_b"]]} == {"march", "june"}
               for r in data["contradictions"]), data["contradictions"]
    with pytest.raises(SystemExit):
        main(["find", str(corpus), "--max-days-apart", "-1"])
    assert "0 days or more" in capsys.readouterr().err
