"""NLIModel: loading, the shape of predict, clear errors, and a sanity set of
our own sentences scored as expected by the shipped model."""

from __future__ import annotations

import json

import numpy as np
import pytest

from claimcheck import NLIModel
from claimcheck.data import LABELS
from claimcheck.finetune import expectation_failures
from claimcheck.nli import default_model_path
from tests.conftest import REPO

SANITY_FILE = REPO / "benchmarks" / "data" / "nli_sanity.jsonl"


@pytest.fixture(scope="module")
def nli() -> NLIModel:
    if not (default_model_path() / "model.safetensors").is_file():
        pytest.fail(f"the shipped NLI model is missing at {default_model_path()}")
    return NLIModel.load()


# Our own sanity sentences (written for this project; train_nli.py keeps only
# checkpoints that pass them): labelled pairs, and unrelated pairs that must
# not read as contradictions.
SANITY_ROWS = [json.loads(line) for line in SANITY_FILE.read_text(encoding="utf-8").splitlines()]
SANITY = [(r["premise"], r["hypothesis"], r["label"]) for r in SANITY_ROWS
          if r.get("expect", "label") == "label"]
UNRELATED = [(r["premise"], r["hypothesis"]) for r in SANITY_ROWS
             if r.get("expect") == "not_contradiction"]


@pytest.mark.slow
def test_labels_come_from_the_config_and_rows_sum_to_one(nli):
    assert nli.labels == ("entailment", "neutral", "contradiction")
    probs = nli.predict([(p, h) for p, h, _ in SANITY], batch_size=2)
    assert probs.shape == (len(SANITY), 3) and probs.dtype == np.float32
    assert np.allclose(probs.sum(1), 1.0, atol=1e-5)
    one = nli.predict(SANITY[0][:2])
    assert one.shape == (3,)
    # bfloat16 (the default where the CPU has it natively) rounds each layer's
    # output, so a pair's row moves by about 1e-3 with its batch-mates; the
    # label does not
    assert np.abs(one - probs[0]).max() < 0.01 and one.argmax() == probs[0].argmax()


@pytest.mark.slow
def test_float32_batching_and_order_change_nothing(nli):
    shipped = nli.precision
    pairs = [(p, h) for p, h, _ in SANITY]
    try:
        nli.precision = "float32"
        together = nli.predict(pairs, batch_size=4)
        alone = np.stack([nli.predict(pair) for pair in pairs])
        reversed_ = nli.predict(pairs[::-1], batch_size=3)[::-1]
    finally:
        nli.precision = shipped
    assert np.allclose(together, alone, atol=1e-5)
    assert np.allclose(together, reversed_, atol=1e-5)


@pytest.mark.slow
def test_sanity_set_is_scored_as_expected(nli):
    assert len(SANITY) >= 7 and len(UNRELATED) >= 3
    assert expectation_failures(nli, SANITY_ROWS) == []


@pytest.mark.slow
def test_bad_pairs_are_clear_errors(nli):
    with pytest.raises(ValueError, match="empty premise"):
        nli.predict(("  ", "something"))
    with pytest.raises(ValueError, match="not a \\(premise, hypothesis\\)"):
        nli.predict([("only one",)])
    with pytest.raises(TypeError, match="pair 0: the premise is NoneType, not str"):
        nli.predict([(None, "x")])
    assert nli.predict([]).shape == (0, 3)
    with pytest.raises(ValueError, match="label 'maybe'"):
        nli.label_index("maybe")


@pytest.mark.slow
def test_text_with_a_lone_surrogate_is_scored(nli):
    # text decoded with errors="surrogateescape" holds one for each bad byte;
    # the tokenizer cannot encode it, so it is read as U+FFFD
    pair = ("He said \ud800 it rained.", "It rained.")
    probs = nli.predict(pair)
    assert probs.shape == (3,) and abs(float(probs.sum()) - 1.0) < 1e-5
    both = nli.predict([pair, ("The talks ended.", "The talks go on \udcff.")])
    assert np.allclose(both.sum(1), 1.0, atol=1e-5)
    assert np.allclose(nli.predict(("He said \ufffd it rained.", "It rained.")), probs,
                       atol=1e-6)


def test_arabic_indic_digits_read_as_the_digits_they_are(nli):
    # Our own sentences. Written "٥٨" the count was opaque to the model, and
    # 64 workers against 58 read as agreement.
    eastern = nli.predict(("كان في المصنع 64 عاملا", "كان في المصنع ٥٨ عاملا"))
    ascii_ = nli.predict(("كان في المصنع 64 عاملا", "كان في المصنع 58 عاملا"))
    assert np.allclose(eastern, ascii_, atol=1e-6)
    assert int(np.argmax(eastern)) == nli.label_index("contradiction")


def _untokenized_nli() -> NLIModel:
    """A tiny random model with no tokenizer: enough for predict's checks,
    which all run before anything is tokenised."""
    from transformers import BertConfig, BertForSequenceClassification

    config = BertConfig(vocab_size=8, hidden_size=8, num_hidden_layers=1, num_attention_heads=1,
                        intermediate_size=8, id2label=dict(enumerate(LABELS)))
    return NLIModel(BertForSequenceClassification(config), None, precision="float32")


@pytest.mark.parametrize(("pairs", "error", "message"), [
    ([(None, "x")], TypeError, "pair 0: the premise is NoneType, not str"),
    ([("a", "b"), ("a", 3)], TypeError, "pair 1: the hypothesis is int, not str"),
    ((b"a", "b"), TypeError, "pair 0: the premise is bytes, not str"),
    (("a", None), TypeError, "pair 0: the hypothesis is NoneType, not str"),
    ("a premise", TypeError, "pairs must be a .* tuple or a sequence of them, got str"),
    (None, TypeError, "got NoneType"),
    ([("only one",)], ValueError, "pair 0 is not a \\(premise, hypothesis\\)"),
    ([("a", "b"), "c"], ValueError, "pair 1 is not a \\(premise, hypothesis\\)"),
    ([("a", " ")], ValueError, "pair 0 has an empty hypothesis"),
])
def test_what_is_wrong_with_a_pair_is_said(pairs, error, message):
    with pytest.raises(error, match=message):
        _untokenized_nli().predict(pairs)


def test_missing_or_corrupt_model_folders(tmp_path):
    with pytest.raises(FileNotFoundError, match="no NLI model folder"):
        NLIModel.load(tmp_path / "nowhere")
    folder = tmp_path / "m"
    folder.mkdir()
    with pytest.raises(FileNotFoundError, match="has no config.json"):
        NLIModel.load(folder)
    (folder / "config.json").write_text("{not json")
    (folder / "model.safetensors").write_bytes(b"junk")
    with pytest.raises(ValueError, match="config.json"):
        NLIModel.load(folder)
    shipped = json.loads((default_model_path() / "config.json").read_text()) \
        if (default_model_path() / "config.json").is_file() else {
            "model_type": "bert", "id2label": {"0": "entailment", "1": "neutral",
                                               "2": "contradiction"}}
    (folder / "config.json").write_text(json.dumps(shipped))
    with pytest.raises(ValueError, match="corrupt"):
        NLIModel.load(folder)


@pytest.mark.slow
def test_precisions_agree_and_bad_precision_is_a_clear_error(nli):
    pairs = [(p, h) for p, h, _ in SANITY] + UNRELATED
    shipped = nli.precision
    assert shipped in ("float32", "bfloat16")  # "auto" resolves to what this CPU has
    try:
        nli.precision = "float32"
        exact = nli.predict(pairs)
        nli.precision = "bfloat16"
        fast = nli.predict(pairs)
    finally:
        nli.precision = shipped
    assert np.abs(exact - fast).max() < 0.03
    assert (exact.argmax(1) == fast.argmax(1)).all()
    with pytest.raises(ValueError, match="precision"):
        nli.precision = "int4"


def test_bfloat16_only_where_the_cpu_has_it(monkeypatch):
    # oneDNN says yes on AVX-512 CPUs that only emulate bfloat16 (slower than
    # float32 there): the CPU's own flags decide.
    import claimcheck.nli as nli_module

    monkeypatch.setattr(nli_module, "_cpu_flags", lambda: frozenset({"avx2", "avx512f"}))
    assert nli_module.native_bfloat16_precision() == "float32"
    monkeypatch.setattr(nli_module, "_cpu_flags", lambda: frozenset({"avx512f", "avx512_bf16"}))
    assert nli_module.native_bfloat16_precision() == "bfloat16"
    monkeypatch.setattr(nli_module, "_cpu_flags", lambda: None)  # unreadable: play safe
    assert nli_module.native_bfloat16_precision() == "float32"


@pytest.mark.slow
def test_expectation_failures_name_the_pair_and_its_probabilities(nli):
    wrong = {**SANITY_ROWS[0], "label": "entailment"}  # a contradiction, expected otherwise
    failures = expectation_failures(nli, [SANITY_ROWS[1], wrong])
    assert [f["premise"] for f in failures] == [wrong["premise"]]
    assert set(failures[0]["probabilities"]) == set(nli.labels)
    assert failures[0]["probabilities"]["contradiction"] > 0.5
    with pytest.raises(ValueError, match="unknown expectation 'maybe'"):
        expectation_failures(nli, [{**SANITY_ROWS[0], "expect": "maybe"}])
