"""int8 NLI inference (claimcheck/quantize.py): per-bucket activation scales
keep outlier tokens from flattening the rest, the layers that lose labels stay
float32, and a CPU that cannot run it gets a clear error."""

from __future__ import annotations

import numpy as np
import pytest

from claimcheck import quantize
from claimcheck.nli import NLIModel

needs_vnni = pytest.mark.skipif(not quantize.int8_supported(),
                                reason="this CPU has no VNNI: int8 is refused here")


@needs_vnni
def test_outlier_tokens_do_not_flatten_the_others():
    import torch

    torch.manual_seed(0)
    linear = torch.nn.Linear(64, 32)
    x = torch.randn(2, 10, 64)
    x[0, 0] *= 60  # a separator-like token, sixty times larger than the rest
    exact = linear(x)
    ours = quantize.RowBucketedInt8Linear(linear)(x)
    assert ours.shape == exact.shape
    normal = torch.ones(2, 10, dtype=torch.bool)
    normal[0, 0] = False
    err_ours = (ours - exact)[normal].abs().max() / exact[normal].abs().max()
    # one scale for the whole input (torch.ao dynamic int8) for comparison
    linear.qconfig = torch.ao.quantization.default_dynamic_qconfig
    whole = torch.ao.nn.quantized.dynamic.Linear.from_float(linear)(x)
    err_whole = (whole - exact)[normal].abs().max() / exact[normal].abs().max()
    assert err_ours < 0.02
    assert err_ours < err_whole / 5


@needs_vnni
def test_which_layers_become_int8():
    import torch
    from transformers import BertConfig, BertForSequenceClassification

    config = BertConfig(vocab_size=16, hidden_size=8, num_hidden_layers=2, num_attention_heads=2,
                        intermediate_size=16, num_labels=3)
    model = BertForSequenceClassification(config).eval()
    q = quantize.quantize_int8(model)
    kinds = {name: type(m).__name__ for name, m in q.named_modules()
             if type(m).__name__ in ("Linear", "RowBucketedInt8Linear")}
    for name, kind in kinds.items():
        float_layer = (name.endswith(".output.dense") and ".attention." not in name) \
            or not name.startswith("bert.encoder.")
        assert kind == ("Linear" if float_layer else "RowBucketedInt8Linear"), name
    assert sum(k == "RowBucketedInt8Linear" for k in kinds.values()) == 2 * 5
    assert all(isinstance(m, torch.nn.Linear) for m in model.modules()
               if "Linear" in type(m).__name__)  # the original is untouched
    ids = torch.tensor([[1, 5, 7, 2, 0]])
    with torch.inference_mode():
        a = torch.softmax(model(input_ids=ids).logits, -1)
        b = torch.softmax(q(input_ids=ids).logits, -1)
    assert (a - b).abs().max() < 0.05


def test_a_cpu_without_vnni_is_told_so(monkeypatch):
    import claimcheck.nli as nli_module

    monkeypatch.setattr(nli_module, "_cpu_flags", lambda: frozenset({"avx2", "avx512f"}))
    assert not quantize.int8_supported()
    from transformers import BertConfig, BertForSequenceClassification

    config = BertConfig(vocab_size=8, hidden_size=8, num_hidden_layers=1, num_attention_heads=1,
                        intermediate_size=8, num_labels=3)
    model = BertForSequenceClassification(config)
    with pytest.raises(ValueError, match="VNNI"):
        NLIModel(model, None, precision="int8")
    with pytest.raises(RuntimeError, match="VNNI"):
        quantize.quantize_int8(model)


@pytest.mark.slow
@needs_vnni
def test_int8_keeps_the_shipped_models_labels():
    from tests.test_nli import SANITY, UNRELATED

    nli = NLIModel.load(precision="float32")
    pairs = [(p, h) for p, h, _ in SANITY] + UNRELATED
    exact = nli.predict(pairs)
    nli.precision = "int8"
    fast = nli.predict(pairs)
    assert nli.precision == "int8"
    assert (exact.argmax(1) == fast.argmax(1)).mean() >= 0.95
    assert np.abs(exact - fast).max() < 0.2
    # the quantised copy follows the model: a new model is quantised again
    first = nli._network()
    assert nli._network() is first
    nli.model = NLIModel.load(precision="float32").model
    assert nli._network() is not first
