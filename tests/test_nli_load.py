"""NLIModel.load: model folders with a bad label map or weights that do not fit
their config are clear errors naming the folder; the network is built from
public transformers and torch APIs only, with no time spent on random
weights that are overwritten at once."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
import torch

import claimcheck.nli as nli_module
from claimcheck import NLIModel
from claimcheck.nli import default_model_path

SHIPPED = default_model_path()
LABELS3 = {"0": "entailment", "1": "neutral", "2": "contradiction"}


def _folder(tmp_path: Path, **changes: object) -> Path:
    """A copy of the shipped model's folder (weights linked, not copied) whose
    config.json has ``changes`` applied (a value of None deletes the key)."""
    if not (SHIPPED / "model.safetensors").is_file():
        pytest.fail(f"the shipped NLI model is missing at {SHIPPED}")
    folder = tmp_path / "model"
    folder.mkdir()
    (folder / "model.safetensors").symlink_to(SHIPPED / "model.safetensors")
    config = json.loads((SHIPPED / "config.json").read_text(encoding="utf-8"))
    for key, value in changes.items():
        if value is None:
            config.pop(key, None)
        else:
            config[key] = value
    (folder / "config.json").write_text(json.dumps(config), encoding="utf-8")
    return folder


def _label_maps(id2label: dict[str, str]) -> dict[str, object]:
    return {"id2label": id2label, "label2id": {v: int(k) for k, v in id2label.items()}}


@pytest.mark.parametrize(("changes", "message"), [
    ({"id2label": None, "label2id": None}, "no id2label"),
    ({"id2label": {}, "label2id": {}}, "no id2label"),
    ({"id2label": ["entailment", "neutral", "contradiction"]}, "no id2label"),
    (_label_maps({"0": "entailment", "1": "neutral", "3": "contradiction"}),
     r"ids must be exactly 0..2 with no gap, got \[0, 1, 3\]"),
    ({"id2label": {"a": "entailment", "1": "neutral", "2": "contradiction"},
      "label2id": None}, "keys must be the output ids"),
    ({"id2label": {"0": "entailment", "1": "entailment", "2": "contradiction"},
      "label2id": None}, "names a label twice"),
    (_label_maps({"0": "entailment", "1": "neutral", "2": "other"}),
     "no 'contradiction' label"),
    (_label_maps({"0": "contradiction"}), "at least two labels"),
    ({"num_labels": 5}, "num_labels is 5 but id2label names 3 labels"),
    ({"label2id": {"entailment": 2, "neutral": 1, "contradiction": 0}},
     "label2id .* is not the inverse of id2label"),
])
def test_a_bad_label_map_is_a_clear_error_naming_the_folder(tmp_path, changes, message):
    folder = _folder(tmp_path, **changes)
    with pytest.raises(ValueError, match=message) as err:
        NLIModel.load(folder)
    assert str(folder / "config.json") in str(err.value)


def test_fewer_labels_than_classifier_rows_is_a_clear_error(tmp_path):
    folder = _folder(tmp_path, **_label_maps({"0": "entailment", "1": "contradiction"}))
    with pytest.raises(ValueError, match=r"classifier for 3 labels but config.json's id2label "
                                         r"names 2") as err:
        NLIModel.load(folder)
    assert str(folder) in str(err.value)


@pytest.mark.slow
def test_weights_of_the_wrong_shape_are_a_clear_error(tmp_path):
    folder = _folder(tmp_path, intermediate_size=1000)
    with pytest.raises(ValueError, match=r"model.safetensors does not match its config "
                                         r"\(.*size mismatch") as err:
        NLIModel.load(folder)
    assert str(folder) in str(err.value)


def test_the_model_is_built_with_public_apis_only():
    # transformers' no_init_weights is internal (it moved between 4.x and 5.x)
    for module in ("nli.py", "finetune.py"):
        source = (Path(nli_module.__file__).parent / module).read_text(encoding="utf-8")
        for private in ("no_init_weights", "transformers.modeling_utils",
                        "transformers.initialization"):
            assert private not in source, (module, private)


def _tiny_config():
    from transformers import BertConfig

    return BertConfig(vocab_size=40, hidden_size=16, num_hidden_layers=2,
                      num_attention_heads=2, intermediate_size=32, max_position_embeddings=24,
                      pad_token_id=1, id2label=dict(enumerate(("e", "n", "contradiction"))))


@pytest.mark.parametrize("small_copy_has_the_buffers", [True, False])
def test_the_built_classifier_equals_a_plainly_built_one(monkeypatch, small_copy_has_the_buffers):
    from transformers import BertForSequenceClassification

    config = _tiny_config()
    torch.manual_seed(0)
    plain = BertForSequenceClassification(config).eval()
    state = {k: v.clone() for k, v in plain.state_dict().items()}
    if not small_copy_has_the_buffers:  # the fallback: a plain build
        monkeypatch.setattr(nli_module, "_fill_meta_buffers", lambda model, config: False)
    built = nli_module._build_classifier(config, state).eval()
    assert not [n for n, t in [*built.named_parameters(), *built.named_buffers()] if t.is_meta]
    plain_buffers = dict(plain.named_buffers())
    for name, buf in built.named_buffers():
        assert torch.equal(buf, plain_buffers[name]), name
    ids = torch.tensor([[0, 5, 7, 2, 9, 3, 2], [0, 11, 4, 2, 6, 2, 1]])
    mask = (ids != 1).long()
    with torch.inference_mode():  # no token_type_ids: the buffer is used
        assert torch.equal(built(input_ids=ids, attention_mask=mask).logits,
                           plain(input_ids=ids, attention_mask=mask).logits)
    assert all(p.requires_grad for p in built.parameters())  # trainable, as before


def test_a_state_of_the_wrong_shape_or_with_missing_weights_is_reported():
    from transformers import BertForSequenceClassification

    config = _tiny_config()
    state = BertForSequenceClassification(config).state_dict()
    wrong = {**state, "classifier.weight": torch.zeros(2, 16)}
    with pytest.raises(nli_module._StateMismatch, match="size mismatch"):
        nli_module._build_classifier(config, wrong)
    missing = {k: v for k, v in state.items() if k != "classifier.bias"}
    with pytest.raises(nli_module._StateMismatch, match="classifier.bias"):
        nli_module._build_classifier(config, missing)


def test_the_shipped_config_passes_the_checks(tmp_path):
    folder = _folder(tmp_path)
    config = nli_module._read_config(folder, "fix")
    assert config.id2label == {0: "entailment", 1: "neutral", 2: "contradiction"}
