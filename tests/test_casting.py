"""claimcheck.casting: bfloat16 weights cast once, the same results as autocast."""

from __future__ import annotations

import torch

from claimcheck.casting import CastOnceLinear, cast_weights_once


def _pair() -> tuple[torch.nn.Module, torch.nn.Module]:
    torch.manual_seed(0)
    plain = torch.nn.Sequential(torch.nn.Linear(16, 32), torch.nn.GELU(), torch.nn.Linear(32, 4))
    cast = cast_weights_once(torch.nn.Sequential(*[torch.nn.Linear(16, 32), torch.nn.GELU(),
                                                   torch.nn.Linear(32, 4)]))
    cast.load_state_dict(plain.state_dict())
    return plain, cast


def _run(model: torch.nn.Module, x: torch.Tensor) -> torch.Tensor:
    with torch.inference_mode(), torch.autocast("cpu", dtype=torch.bfloat16):
        return model(x).float()


def test_same_result_as_autocast_and_same_state():
    plain, cast = _pair()
    assert all(type(m) is CastOnceLinear for m in cast if isinstance(m, torch.nn.Linear))
    assert list(cast.state_dict()) == list(plain.state_dict())
    x = torch.randn(5, 16)
    assert torch.equal(_run(plain, x), _run(cast, x))
    assert torch.equal(_run(plain, x), _run(cast, x))  # the second call reads the kept copy
    # outside autocast a float32 layer, as before
    with torch.inference_mode():
        assert torch.equal(plain(x), cast(x))


def test_training_and_a_loaded_state_are_seen():
    plain, cast = _pair()
    x = torch.randn(3, 16)
    before = _run(cast, x)
    cast.train()  # a training loop's first call
    with torch.no_grad():
        for p, q in zip(plain.parameters(), cast.parameters()):
            p.add_(0.5)
            q.add_(0.5)
    cast.eval()
    after = _run(cast, x)
    assert not torch.equal(before, after)
    assert torch.equal(after, _run(plain, x))
    # a state loaded into the model after it was used
    with torch.no_grad():
        for p in plain.parameters():
            p.mul_(0.5)
    cast.load_state_dict(plain.state_dict())
    assert torch.equal(_run(cast, x), _run(plain, x))


def test_training_takes_gradients_as_before():
    plain, cast = _pair()
    x = torch.randn(4, 16)
    with torch.autocast("cpu", dtype=torch.bfloat16):
        cast(x).float().sum().backward()
    assert all(p.grad is not None for p in cast.parameters())


def test_a_new_bias_is_seen_and_inference_tensors_work():
    plain, cast = _pair()
    x = torch.randn(3, 16)
    _run(cast, x)
    new = torch.nn.Parameter(plain[0].bias.detach() + 1.0)
    plain[0].bias = new
    cast[0].bias = torch.nn.Parameter(new.detach().clone())
    assert torch.equal(_run(cast, x), _run(plain, x))
    # a model built under inference_mode (its tensors keep no version)
    with torch.inference_mode():
        made = cast_weights_once(torch.nn.Linear(16, 4))
    with torch.inference_mode(), torch.autocast("cpu", dtype=torch.bfloat16):
        assert made(x).shape == (3, 4)
