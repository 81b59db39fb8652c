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
ordinary ``torch.nn.Linear``. The copy is made again when the weight
changes (a new tensor, or an update in place, which bumps its version), so a
model fine-tuned after it was used is read right.
"""

from __future__ import annotations

import torch
import torch.nn.functional as F


class CastOnceLinear(torch.nn.Linear):
    """A ``torch.nn.Linear`` that keeps a bfloat16 copy of its weight and
    bias for inference under CPU bfloat16 autocast (see the module)."""

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        if (torch.is_grad_enabled() or x.device.type != "cpu"
                or not torch.is_autocast_enabled("cpu")
                or torch.get_autocast_dtype("cpu") != torch.bfloat16):
            return super().forward(x)
        weight = self.weight
        cast = self.__dict__.get("_bfloat16")
        if cast is None or cast[0] is not weight or cast[1] != weight._version:
            bias = None if self.bias is None else self.bias.detach().to(torch.bfloat16)
            cast = (weight, weight._version, weight.detach().to(torch.bfloat16), bias)
            self.__dict__["_bfloat16"] = cast  # not a buffer: never saved
        return F.linear(x.to(torch.bfloat16), cast[2], cast[3])


def cast_weights_once(model: torch.nn.Module) -> torch.nn.Module:
    """Give every ``torch.nn.Linear`` of ``model`` (exactly that class, not
    a subclass such as a quantised layer) the behaviour of
    :class:`CastOnceLinear`, in place; returns ``model``. Its parameters,
    ``state_dict`` and training are unchanged."""
    for module in model.modules():
        if type(module) is torch.nn.Linear:
            module.__class__ = CastOnceLinear
    return model
