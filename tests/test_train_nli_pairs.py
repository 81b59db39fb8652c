"""scripts/train_nli.py's cross-lingual pairs, on a tiny XNLI-format fixture
of our own sentences."""

from __future__ import annotations

import importlib.util
import json
from pathlib import Path

SCRIPT = Path(__file__).resolve().parents[1] / "scripts" / "train_nli.py"

ITEMS = {  # item id -> language -> (premise, hypothesis)
    "1": {"en": ("The bridge reopened on Monday.", "The bridge is open."),
          "ar": ("أعيد فتح الجسر يوم الاثنين.", "الجسر مفتوح."),
          "fr": ("Le pont a rouvert lundi.", "Le pont est ouvert.")},
    "2": {"en": ("Wheat prices rose sharply.", "Wheat got cheaper."),
          "ar": ("ارتفعت أسعار القمح بشدة.", "أصبح القمح أرخص."),
          "fr": ("Les prix du blé ont fortement augmenté.", "Le blé est moins cher.")},
    "3": {"en": ("The museum closed for repairs.", "The museum is being repaired."),
          "ar": ("أغلق المتحف للإصلاح.", "المتحف قيد الإصلاح."),
          "fr": ("Le musée a fermé pour travaux.", "Le musée est en travaux.")},
}


def _train_nli():
    spec = importlib.util.spec_from_file_location("train_nli", SCRIPT)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_translation_pairs_pair_translations_and_unrelated_items(tmp_path):
    (tmp_path / "xnli").mkdir()
    with (tmp_path / "xnli" / "train.jsonl").open("w", encoding="utf-8") as fh:
        for item, langs in ITEMS.items():
            for lang, (premise, hypothesis) in langs.items():
                fh.write(json.dumps({"id": item, "lang": lang, "premise": premise,
                                     "hypothesis": hypothesis, "label": "neutral"}) + "\n")
    where = {text: (item, lang) for item, langs in ITEMS.items()
             for lang, pair in langs.items() for text in pair}
    pairs, counts = _train_nli().translation_pairs(tmp_path, "train", seed=3, n=8)
    assert counts["translation-entailment"] == 8
    assert counts["cross-lingual-unrelated-neutral"] == 4
    for pair in pairs:
        (item_a, lang_a), (item_b, lang_b) = where[pair["premise"]], where[pair["hypothesis"]]
        assert lang_a != lang_b and {"ar", "en"} & {lang_a, lang_b}
        if pair["label"] == "entailment":
            assert item_a == item_b  # a sentence and its translation
        else:
            assert pair["label"] == "neutral" and item_a != item_b
    again, _ = _train_nli().translation_pairs(tmp_path, "train", seed=3, n=8)
    assert again == pairs


def test_translation_pairs_stop_when_the_split_has_fewer_than_asked(tmp_path):
    (tmp_path / "xnli").mkdir()
    with (tmp_path / "xnli" / "train.jsonl").open("w", encoding="utf-8") as fh:
        for item, langs in ITEMS.items():
            for lang, (premise, hypothesis) in langs.items():
                fh.write(json.dumps({"id": item, "lang": lang, "premise": premise,
                                     "hypothesis": hypothesis, "label": "neutral"}) + "\n")
    # 3 items x 2 sides (ar/en) x 2 other languages x 2 fields: 24 draws,
    # which are 18 sentence pairs (ar-en and en-ar are the same two sentences)
    pairs, counts = _train_nli().translation_pairs(tmp_path, "train", seed=3, n=100)
    assert counts["translation-entailment"] == 24
    assert len({frozenset((p["premise"], p["hypothesis"])) for p in pairs
                if p["label"] == "entailment"}) == 18
