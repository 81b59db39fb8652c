"""Fine-tuning: the loss falls, the saved model reloads identically, runs resume."""

from __future__ import annotations

import json

import numpy as np
import pytest

from claimcheck import NLIModel, finetune
from claimcheck.data import load_pairs
from claimcheck.finetune import length_bucketed_batches
from tests.conftest import FIXTURES

TRAIN = FIXTURES / "tiny_nli.jsonl"


def _mean_loss(model: NLIModel) -> float:
    ds = load_pairs(TRAIN)
    probs = model.predict(list(zip(ds["premise"], ds["hypothesis"])))
    return float(-np.log(probs[np.arange(len(ds)), list(ds["label"])]).mean())


def test_batches_are_deterministic_and_cover_every_pair():
    lengths = [5, 50, 7, 44, 9, 12, 3, 60, 21, 8]
    a = length_bucketed_batches(lengths, 3, seed=1, epoch=0, bucket=2)
    assert a == length_bucketed_batches(lengths, 3, seed=1, epoch=0, bucket=2)
    assert a != length_bucketed_batches(lengths, 3, seed=1, epoch=1, bucket=2)
    assert sorted(i for batch in a for i in batch) == list(range(10))


@pytest.mark.slow
def test_finetune_lowers_the_loss_and_the_saved_model_reloads(tmp_path):
    base = NLIModel.from_encoder(seed=0)
    before = _mean_loss(base)
    result = finetune(TRAIN, eval=TRAIN, base=base, output_dir=tmp_path / "m", max_steps=30,
                      batch_size=4, learning_rate=3e-4, warmup_ratio=0.0, seed=0,
                      show_progress_bar=False)
    after = _mean_loss(base)
    assert result.finished and result.steps == 30
    assert after < before - 0.05, (before, after)
    assert result.losses and result.evals and result.evals[-1]["step"] == 30

    reloaded = NLIModel.load(tmp_path / "m")
    assert reloaded.labels == ("entailment", "neutral", "contradiction")
    pairs = [("The port reopened on Monday.", "The port is still closed."),
             ("قال الوزير إن الميناء أعيد فتحه.", "الميناء مفتوح الآن.")]
    # Weights are stored in fp16, so predictions agree to fp16 precision.
    saved_best = reloaded.predict(pairs)
    assert saved_best.shape == (2, 3) and np.allclose(saved_best.sum(1), 1, atol=1e-5)
    again = NLIModel.load(tmp_path / "m").predict(pairs)
    assert np.array_equal(saved_best, again)
    assert np.allclose(saved_best, base.predict(pairs), atol=2e-2)


@pytest.mark.slow
def test_an_interrupted_run_resumes_where_it_stopped(tmp_path):
    common = dict(base=NLIModel.from_encoder(seed=0), output_dir=tmp_path / "r", max_steps=4,
                  batch_size=4, seed=0, save_steps=100, show_progress_bar=False)
    first = finetune(TRAIN, time_budget_s=1e-9, **common)  # stops after one step
    assert not first.finished and first.steps == 1
    assert (tmp_path / "r" / "checkpoint" / "state.json").is_file()
    common["base"] = NLIModel.from_encoder(seed=0)
    second = finetune(TRAIN, **common)
    assert second.finished and second.steps == 4
    assert NLIModel.load(tmp_path / "r").labels[2] == "contradiction"


def test_bad_training_input_is_a_clear_error(tmp_path):
    with pytest.raises(FileNotFoundError, match="no labelled-pair file"):
        finetune(tmp_path / "missing.jsonl", base="e5-small", output_dir=tmp_path / "o")


def test_an_unusable_device_is_a_clear_error(tmp_path):
    import torch

    with pytest.raises(ValueError, match="not a torch device"):
        finetune(TRAIN, base="e5-small", output_dir=tmp_path / "o", device="gpu0")
    if not torch.cuda.is_available():
        with pytest.raises(ValueError, match="sees no CUDA GPU"):
            finetune(TRAIN, base="e5-small", output_dir=tmp_path / "o", device="cuda")
    assert not (tmp_path / "o").exists()  # nothing written before the check


def test_label_smoothing_out_of_range_is_a_clear_error(tmp_path):
    for bad in (-0.1, 1.0):
        with pytest.raises(ValueError, match="label_smoothing must be in"):
            finetune(TRAIN, base="e5-small", output_dir=tmp_path / "o", label_smoothing=bad)


@pytest.mark.slow
def test_label_smoothing_keeps_the_model_less_confident(tmp_path):
    def mean_max_prob(smoothing: float) -> float:
        base = NLIModel.from_encoder(seed=0)
        finetune(TRAIN, base=base, output_dir=tmp_path / f"ls{smoothing}", max_steps=30,
                 batch_size=4, learning_rate=3e-4, warmup_ratio=0.0, seed=0,
                 label_smoothing=smoothing, show_progress_bar=False)
        ds = load_pairs(TRAIN)
        return float(base.predict(list(zip(ds["premise"], ds["hypothesis"]))).max(1).mean())

    plain, smoothed = mean_max_prob(0.0), mean_max_prob(0.3)
    assert smoothed < plain - 0.01, (plain, smoothed)  # measured here: 0.436 vs 0.409


def test_a_bad_precision_is_a_clear_error(tmp_path):
    with pytest.raises(ValueError, match="precision must be one of"):
        finetune(TRAIN, base="e5-small", output_dir=tmp_path / "o", precision="float16")
    assert not (tmp_path / "o").exists()  # nothing loaded or written before the check


def test_auto_precision_follows_the_device(monkeypatch):
    import importlib

    import torch

    ft = importlib.import_module("claimcheck.finetune")  # the package re-exports the function

    cpu = torch.device("cpu")
    monkeypatch.setattr(ft, "native_bfloat16_precision", lambda: "float32")
    assert ft._training_precision("auto", cpu) == "float32"
    monkeypatch.setattr(ft, "native_bfloat16_precision", lambda: "bfloat16")
    assert ft._training_precision("auto", cpu) == "bfloat16"
    assert ft._training_precision("float32", cpu) == "float32"  # asked for: no override
    assert ft._training_precision("auto", torch.device("cuda")) == "bfloat16"


@pytest.mark.slow
def test_bfloat16_training_lowers_the_loss_too(tmp_path):
    # bfloat16 autocast also runs (emulated, slower) on CPUs without it
    base = NLIModel.from_encoder(seed=0)
    before = _mean_loss(base)
    result = finetune(TRAIN, base=base, output_dir=tmp_path / "b", max_steps=30, batch_size=4,
                      learning_rate=3e-4, warmup_ratio=0.0, seed=0, show_progress_bar=False,
                      precision="bfloat16")
    assert result.precision == "bfloat16"
    assert _mean_loss(base) < before - 0.05
    assert NLIModel.load(tmp_path / "b").labels[2] == "contradiction"


def test_keep_if_needs_eval(tmp_path):
    with pytest.raises(ValueError, match="pass eval= as well"):
        finetune(TRAIN, base="e5-small", output_dir=tmp_path / "o", keep_if=lambda m: True)


@pytest.mark.slow
def test_a_model_failing_keep_if_is_never_saved(tmp_path):
    common = dict(eval=TRAIN, max_steps=12, eval_steps=6, batch_size=4, learning_rate=3e-4,
                  warmup_ratio=0.0, seed=0, show_progress_bar=False)
    answers = iter([True, False])  # the model passes at step 6, fails at step 12
    result = finetune(TRAIN, base=NLIModel.from_encoder(seed=0), output_dir=tmp_path / "k",
                      keep_if=lambda model: next(answers), **common)
    assert [(e["step"], e["kept_if"]) for e in result.evals] == [(6, True), (12, False)]
    kept = json.loads((tmp_path / "k" / "eval.json").read_text())
    assert kept["step"] == 6  # whatever step 12's accuracy

    with pytest.warns(UserWarning, match="no evaluation passed keep_if"):
        finetune(TRAIN, base=NLIModel.from_encoder(seed=0), output_dir=tmp_path / "none",
                 keep_if=lambda model: False, **common)
    assert not (tmp_path / "none" / "model.safetensors").exists()


def test_must_pass_sets_are_checked_before_training(tmp_path):
    from claimcheck.finetune import must_pass

    with pytest.raises(FileNotFoundError, match="no labelled-pair file"):
        must_pass(tmp_path / "missing.jsonl")
    with pytest.raises(ValueError, match="must-pass set is empty"):
        must_pass([])
    with pytest.raises(ValueError, match="row 1 needs premise, hypothesis and label"):
        must_pass([{"premise": "a", "hypothesis": "b", "label": "neutral"}, {"premise": "a"}])
    with pytest.raises(ValueError, match="row 0: unknown expectation 'maybe'"):
        must_pass([{"premise": "a", "hypothesis": "b", "label": "neutral", "expect": "maybe"}])
    assert callable(must_pass(TRAIN))


@pytest.fixture
def nothing_loads(monkeypatch):
    """Fail the test if finetune gets as far as loading a model."""
    def refuse(*args, **kwargs):
        raise AssertionError("a model was loaded before the arguments were checked")

    monkeypatch.setattr(NLIModel, "load", refuse)
    monkeypatch.setattr(NLIModel, "from_encoder", refuse)


@pytest.mark.parametrize(("argument", "value", "message"), [
    ("batch_size", 0, "batch_size must be a positive integer, got 0"),
    ("batch_size", -2, "batch_size must be a positive integer, got -2"),
    ("batch_size", True, "batch_size must be a positive integer, got True"),
    ("batch_size", 2.5, "batch_size must be a positive integer"),
    ("max_steps", 0, "max_steps must be a positive integer, got 0"),
    ("max_steps", -1, "max_steps must be a positive integer"),
    ("max_steps", False, "max_steps must be a positive integer"),
    ("epochs", 0, "epochs must be a positive number, got 0"),
    ("epochs", -1.0, "epochs must be a positive number"),
    ("epochs", float("inf"), "epochs must be a positive number"),
    ("learning_rate", 0.0, "learning_rate must be a positive number"),
    ("learning_rate", float("nan"), "learning_rate must be a positive number"),
    ("eval_steps", 0, "eval_steps must be a positive integer"),
    ("save_steps", 0, "save_steps must be a positive integer"),
    ("save_steps", -5, "save_steps must be a positive integer"),
    ("time_budget_s", 0, "time_budget_s must be a positive number"),
    ("time_budget_s", -1.0, "time_budget_s must be a positive number"),
    ("warmup_ratio", 1.5, "warmup_ratio must be in"),
])
def test_bad_training_arguments_are_clear_errors_before_loading(
        tmp_path, nothing_loads, argument, value, message):
    with pytest.raises(ValueError, match=message):
        finetune(TRAIN, base="e5-small", output_dir=tmp_path / "o", **{argument: value})
    assert not (tmp_path / "o").exists()


def test_an_output_dir_that_is_a_file_is_a_clear_error_before_loading(tmp_path, nothing_loads):
    a_file = tmp_path / "model.txt"
    a_file.write_text("not a folder")
    with pytest.raises(ValueError, match=r"output_dir .*model.txt is a file, not a folder"):
        finetune(TRAIN, base="e5-small", output_dir=a_file)
    with pytest.raises(ValueError, match=r"is inside .*model.txt, which is a file"):
        finetune(TRAIN, base="e5-small", output_dir=a_file / "sub" / "m")
    assert a_file.read_text() == "not a folder"


def test_numpy_integers_are_integers(tmp_path, nothing_loads):
    # a count read from a numpy array is fine; the refusal comes from loading
    with pytest.raises(AssertionError, match="a model was loaded"):
        finetune(TRAIN, base="e5-small", output_dir=tmp_path / "o",
                 batch_size=np.int64(4), max_steps=np.int32(3))
