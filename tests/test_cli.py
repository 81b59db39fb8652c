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
    rows = json.loads(capsys.readouterr().out)
    assert len(rows) == 1 and rows[0]["claim_a"]["speaker"] and rows[0]["score"] >= 0.3


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
