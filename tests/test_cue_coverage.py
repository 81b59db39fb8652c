"""benchmarks/cue_coverage.py: sentences with a reporting word and no attributed claim.

The articles here are ours, written for this test.
"""

from __future__ import annotations

import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO / "benchmarks"))

import cue_coverage  # noqa: E402


def test_sentences_with_a_reporting_word_and_no_claim_are_counted(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text(
        "The mayor said the bridge would reopen on Monday. "
        "The full programme will be announced on 1 February. "
        "Traffic was heavy all day.\n", encoding="utf-8")
    seen, missed, examples = cue_coverage.coverage(tmp_path, "en")
    # "said" has the mayor's claim; a programme to be announced is nobody's
    # claim; the third sentence has no reporting word and is not counted.
    assert seen == {"said": 1, "announced": 1}
    assert missed == {"announced": 1}
    assert examples["announced"] == ["The full programme will be announced on 1 February."]


def test_an_arabic_word_is_counted_under_its_hamza_spelling(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text(
        "واكد الوزير ان الخطة جاهزة. وأعلنت الشركة الخميس. \n", encoding="utf-8")
    seen, missed, examples = cue_coverage.coverage(tmp_path, "ar")
    # "واكد" (no hamza) counts as "أكد" and has the minister's claim; an
    # announcement with nothing announced is no claim.
    assert seen == {"أكد": 1, "أعلنت": 1}
    assert missed == {"أعلنت": 1}
    assert examples["أعلنت"] == ["وأعلنت الشركة الخميس."]
