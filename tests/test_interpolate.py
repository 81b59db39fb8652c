"""scripts/interpolate_nli.py: weight interpolation between two NLI models."""

from __future__ import annotations

import importlib.util
from pathlib import Path

import pytest
import torch

from claimcheck import NLIModel

SCRIPT = Path(__file__).resolve().parents[1] / "scripts" / "interpolate_nli.py"


def _script():
    spec = importlib.util.spec_from_file_location("interpolate_nli", SCRIPT)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.mark.slow
def test_interpolation_mixes_every_weight_and_rejects_bad_input():
    interpolate = _script().interpolate
    a, b, out = NLIModel.load(), NLIModel.load(), NLIModel.load()
    with torch.no_grad():
        b.model.classifier.weight.add_(1.0)
    wa = a.model.classifier.weight.detach().clone()
    interpolate(a, b, 0.25, into=out)
    assert torch.allclose(out.model.classifier.weight, wa + 0.25, atol=1e-5)
    # the shared layers were equal in a and b, so they are unchanged
    key = "bert.encoder.layer.0.attention.self.query.weight"
    assert torch.equal(out.model.state_dict()[key], a.model.state_dict()[key])
    interpolate(a, b, 0.0, into=out)
    assert torch.equal(out.model.classifier.weight, wa)
    with pytest.raises(ValueError, match="alpha"):
        interpolate(a, b, 1.5, into=out)
