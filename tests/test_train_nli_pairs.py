"""scripts/train_nli.py's cross-lingual pairs, on a tiny XNLI-format fixture
of our own sentences."""

from __future__ import annotations

import functools
import importlib.util
import json
from pathlib import Path

import pytest

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


@functools.cache
def _train_nli():
    spec = importlib.util.spec_from_file_location("train_nli", SCRIPT)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.fixture
def xnli_dir(tmp_path: Path) -> Path:
    """A data folder whose ``xnli/train.jsonl`` holds :data:`ITEMS`."""
    (tmp_path / "xnli").mkdir()
    with (tmp_path / "xnli" / "train.jsonl").open("w", encoding="utf-8") as fh:
        for item, langs in ITEMS.items():
            for lang, (premise, hypothesis) in langs.items():
                fh.write(json.dumps({"id": item, "lang": lang, "premise": premise,
                                     "hypothesis": hypothesis, "label": "neutral"}) + "\n")
    return tmp_path


def test_translation_pairs_pair_translations_and_unrelated_items(xnli_dir):
    where = {text: (item, lang) for item, langs in ITEMS.items()
             for lang, pair in langs.items() for text in pair}
    pairs, counts = _train_nli().translation_pairs(xnli_dir, "train", seed=3, n=8)
    assert counts["translation-entailment"] == 8
    assert counts["cross-lingual-unrelated-neutral"] == 4
    for pair in pairs:
        (item_a, lang_a), (item_b, lang_b) = where[pair["premise"]], where[pair["hypothesis"]]
        assert lang_a != lang_b and {"ar", "en"} & {lang_a, lang_b}
        if pair["label"] == "entailment":
            assert item_a == item_b  # a sentence and its translation
        else:
            assert pair["label"] == "neutral" and item_a != item_b
    again, _ = _train_nli().translation_pairs(xnli_dir, "train", seed=3, n=8)
    assert again == pairs


def test_translation_pairs_stop_when_the_split_has_fewer_than_asked(xnli_dir):
    # 3 items x 2 sides (ar/en) x 2 other languages x 2 fields: 24 draws,
    # which are 18 sentence pairs (ar-en and en-ar are the same two sentences)
    pairs, counts = _train_nli().translation_pairs(xnli_dir, "train", seed=3, n=100)
    assert counts["translation-entailment"] == 24
    assert len({frozenset((p["premise"], p["hypothesis"])) for p in pairs
                if p["label"] == "entailment"}) == 18


def test_cross_lingual_pairs_keep_the_item_and_its_label(tmp_path):
    labels = {"1": "entailment", "2": "contradiction", "3": "neutral"}
    (tmp_path / "xnli").mkdir()
    with (tmp_path / "xnli" / "train.jsonl").open("w", encoding="utf-8") as fh:
        for item, langs in ITEMS.items():
            for lang, (premise, hypothesis) in langs.items():
                fh.write(json.dumps({"id": item, "lang": lang, "premise": premise,
                                     "hypothesis": hypothesis, "label": labels[item]}) + "\n")
    premise_of = {p: (item, lang) for item, langs in ITEMS.items()
                  for lang, (p, _) in langs.items()}
    hypothesis_of = {h: (item, lang) for item, langs in ITEMS.items()
                     for lang, (_, h) in langs.items()}
    pairs, counts = _train_nli().cross_lingual_pairs(tmp_path, "train", seed=5, n=10)
    assert counts["xnli-cross-lingual"] == len(pairs) == 10
    for pair in pairs:
        (item_p, lang_p), (item_h, lang_h) = premise_of[pair["premise"]], \
            hypothesis_of[pair["hypothesis"]]
        assert item_p == item_h and pair["label"] == labels[item_p]
        assert lang_p != lang_h and {"ar", "en"} & {lang_p, lang_h}
    # 3 items x 4 ordered language pairs with ar or en (ar-en, en-ar, ar-fr,
    # fr-ar, en-fr, fr-en: 6): 18 distinct pairs in all, then it stops
    every, _ = _train_nli().cross_lingual_pairs(tmp_path, "train", seed=5, n=100)
    assert len(every) == len({(p["premise"], p["hypothesis"]) for p in every}) == 18
    assert _train_nli().cross_lingual_pairs(tmp_path, "train", seed=5, n=10)[0] == pairs


def test_claim_pairs_become_nli_rows_in_both_directions(tmp_path):
    pairs = [
        {"id": "x1", "claim_a": "the museum reopened on Monday", "claim_b": "the museum is still "
         "closed", "label": "contradiction", "kind": "antonym"},
        {"id": "x2", "claim_a": "three guards were injured", "claim_b": "some guards were hurt",
         "label": "entailment", "kind": "specific_general"},
        {"id": "x3", "claim_a": "some guards were hurt", "claim_b": "three guards were injured",
         "label": "neutral", "kind": "reverse_general"},
    ]
    path = tmp_path / "pairs.jsonl"
    path.write_text("\n".join(json.dumps(p) for p in pairs), encoding="utf-8")
    train_nli = _train_nli()
    rows = train_nli.claim_pair_rows(path)
    assert [r["label"] for r in rows] == ["contradiction", "contradiction", "entailment",
                                          "neutral", "neutral", "entailment"]
    assert rows[1] == {"premise": "the museum is still closed",
                       "hypothesis": "the museum reopened on Monday", "label": "contradiction"}
    # the specific claim entails the general one, in whichever order they were written
    assert rows[3]["premise"] == rows[4]["premise"] == "some guards were hurt"
    path.write_text(json.dumps({**pairs[0], "kind": "sarcasm"}), encoding="utf-8")
    with pytest.raises(ValueError, match="unknown kind"):
        train_nli.claim_pair_rows(path)
    path.write_text(json.dumps({**pairs[0], "label": "neutral"}), encoding="utf-8")
    with pytest.raises(ValueError, match="with label"):
        train_nli.claim_pair_rows(path)


def test_news_pair_rows_sample_and_check_their_labels(tmp_path):
    rows = [{"claim_a": f"Claim {i}.", "claim_b": f"Other claim {i}.", "label": "neutral",
             "kind": "neighbours", "source": "polnear-train-neighbours"} for i in range(10)]
    path = tmp_path / "news.jsonl"
    path.write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
    news_pair_rows = _train_nli().news_pair_rows
    assert len(news_pair_rows(path, None, seed=1)) == 10
    sample = news_pair_rows(path, 4, seed=1)
    assert len(sample) == 4 and sample == news_pair_rows(path, 4, seed=1)  # deterministic
    assert set(sample[0]) == {"premise", "hypothesis", "label"}
    assert sample[0]["premise"].startswith("Claim ")  # claim_a reads as the premise
    path.write_text(json.dumps({**rows[0], "label": "unrelated"}) + "\n", encoding="utf-8")
    with pytest.raises(ValueError, match="unknown labels"):
        news_pair_rows(path, None, seed=1)
