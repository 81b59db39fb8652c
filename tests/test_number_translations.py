"""benchmarks/number_translations.py on a tiny parallel set (sentences written
for this test)."""

from __future__ import annotations

import json
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "benchmarks"))

import number_translations  # noqa: E402


def test_counts_read_alike_and_false_reasons(tmp_path: Path) -> None:
    rows = [
        {"id": "1", "lang": "en", "premise": "More than 1,200 people fled.",
         "hypothesis": "Nobody fled."},
        {"id": "1", "lang": "fr", "premise": "Plus de 1 200 personnes ont fui.",
         "hypothesis": "Personne n'a fui."},
        {"id": "2", "lang": "en", "premise": "The ship carried 46 passengers.",
         "hypothesis": "It sank on 7 July."},
        # a translation the number reader gets wrong would be a false reason
        {"id": "2", "lang": "fr", "premise": "Le navire transportait 64 passagers.",
         "hypothesis": "Il a coulé le 7 juillet."},
    ]
    path = tmp_path / "parallel.jsonl"
    path.write_text("\n".join(json.dumps(r, ensure_ascii=False) for r in rows), encoding="utf-8")
    (fr,) = number_translations.evaluate(path, ("fr",), lambda row: row["id"]).values()
    assert (fr["pairs"], fr["english_with_count"], fr["read_alike"]) == (4, 2, 1)
    assert fr["false_reasons"] == 1
    assert fr["alarms"][0]["reason"] == "numeric: 64 vs 46 (passengers)"
