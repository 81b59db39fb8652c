"""benchmarks/polnear_agreement.py: annotators scored against each other as
the benchmark scores the system."""

from __future__ import annotations

import shutil
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO / "benchmarks"))

import polnear_agreement  # noqa: E402

FIXTURE = REPO / "tests" / "fixtures" / "polnear_tiny" / "dev"
# A second annotator of d1 who found the minister's relation only, with the
# source "minister" (overlapping) and no second relation.
SECOND = """T1\tSource 4 12\tminister
T2\tCue 13 17\tsaid
T3\tContent 18 45\tprices would fall next year
E1\tContent:T3 Cue:T2 Source:T1
"""


@pytest.fixture
def two_annotators(tmp_path: Path) -> Path:
    root = tmp_path / "polnear"
    split = root / "dev"
    shutil.copytree(FIXTURE, split)
    (split / "attributions" / "d1_ann2.ann").write_text(SECOND, encoding="utf-8")
    (split / "attributions" / "d1_ann3.ann").write_text(
        (FIXTURE / "attributions" / "d1_ann1.ann").read_text(encoding="utf-8"),
        encoding="utf-8")
    (root / "train" / "attributions").mkdir(parents=True)
    return root


def test_only_articles_with_several_annotators_count(two_annotators: Path, tmp_path: Path):
    found = polnear_agreement.shared_articles(two_annotators)
    assert [(split, text.name, len(anns)) for split, text, anns in found] == [("dev", "d1.txt", 3)]
    with pytest.raises(FileNotFoundError, match="two annotations"):
        polnear_agreement.shared_articles(REPO / "tests" / "fixtures" / "polnear_tiny")


def test_annotator_pairs_are_scored_with_the_benchmark_metric(two_annotators: Path):
    result = polnear_agreement.agreement(two_annotators, draws=20)
    people = result["lines"]["annotator vs annotator"]
    # Three annotators, six ordered pairs (gold, prediction): ann1 / ann2 (1
    # hit, 1 predicted, 2 gold) and back (1, 2, 1), ann1 / ann3 (identical:
    # 2, 2, 2) and back, ann2 / ann3 (1, 2, 1) and back (1, 1, 2).
    assert result["articles"] == 1 and result["annotations"] == 3
    assert people["pairs"] == 6
    hits, total = 1 + 1 + 2 + 2 + 1 + 1, 1 + 2 + 2 + 2 + 2 + 1
    for role in ("source", "content"):
        assert people[role]["precision"] == pytest.approx(hits / total, abs=1e-4)
        assert people[role]["recall"] == people[role]["precision"]
        low, high = people[role]["f1_95"]
        assert low <= people[role]["f1"] <= high
    rules = result["lines"]["claimcheck rules alone vs annotator"]
    assert rules["pairs"] == 3 and rules["content"]["recall"] > 0
    assert "annotator vs annotator" in polnear_agreement.markdown(result)

