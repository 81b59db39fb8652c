"""bfloat16 weights cast once, not at every forward pass.

On a CPU that computes bfloat16 natively the models run under
``torch.autocast("cpu", dtype=torch.bfloat16)`` with their weights kept in
float32 (:func:`claimcheck.nli.resolve_precision`). Autocast casts each
Linear layer's weight to bfloat16 on every call, and its cache of casts
lasts only as long as the ``with`` block: the tagger, the encoder and the
NLI model enter a new block for every batch (one per worker thread), so the
same weights were cast again for every batch, a tenth of the tagger's time
on one article. :func:`cast_weights_once` makes a model's Linear layers keep
their bfloat16 copy between calls. Under autocast with gradients off the
result is the same tensor autocast would compute (the same cast, the same
kernel); anywhere else (float32, training, another device) the layer is an
ordinary ``torch.nn.Linear``. The copy is made again after the layer is set
to training (``model.train()``, as every training loop does before its
steps), after ``load_state_dict``, and when its weight or bias is a new
tensor or has new storage; an update in place while the model stays in
evaluation mode (``weight.add_(...)`` with no ``train()`` before it) is not
seen. Weights made under ``torch.inference_mode`` take the ordinary path.
"""

from __future__ import annotations

import torch
import torch.nn.functional as F


class CastOnceLinear(torch.nn.Linear):
    """A ``torch.nn.Linear`` that keeps a bfloat16 copy of its weight and
    bias for inference under CPU bfloat16 autocast (see the module)."""

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        weight, bias = self.weight, self.bias
        if (torch.is_grad_enabled() or x.device.type != "cpu"
                or not torch.is_autocast_enabled("cpu")
                or torch.get_autocast_dtype("cpu") != torch.bfloat16
                or weight.is_inference() or (bias is not None and bias.is_inference())):
            return super().forward(x)
        key = tuple((id(p), p.data_ptr()) if p is not None else None for p in (weight, bias))
        cast = self.__dict__.get("_bfloat16")
        if cast is None or cast[0] != key:
            cast = (key, weight.detach().to(torch.bfloat16),
                    None if bias is None else bias.detach().to(torch.bfloat16))
            self.__dict__["_bfloat16"] = cast  # not a buffer: not in state_dict
        return F.linear(x.to(torch.bfloat16), cast[1], cast[2])


    def train(self, mode: bool = True) -> CastOnceLinear:
        if mode:
            forget(self)  # its weights are about to change
        return super().train(mode)


def forget(module: torch.nn.Module, *_: object) -> None:
    """Drop a :class:`CastOnceLinear`'s bfloat16 copy (also a
    ``load_state_dict`` post-hook)."""
    module.__dict__.pop("_bfloat16", None)


def cast_weights_once(model: torch.nn.Module) -> torch.nn.Module:
    """Give every ``torch.nn.Linear`` of ``model`` (exactly that class, not
    a subclass such as a quantised layer) the behaviour of
    :class:`CastOnceLinear`, in place; returns ``model``. Its parameters,
    ``state_dict`` and training are unchanged."""
    for module in model.modules():
        if type(module) is torch.nn.Linear:
            module.__class__ = CastOnceLinear
            module.register_load_state_dict_post_hook(forget)
    return model
