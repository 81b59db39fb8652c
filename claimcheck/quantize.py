"""int8 inference for the NLI cross-encoder on CPUs without native bfloat16.

``torch.ao`` dynamic quantisation of every Linear layer keeps the float32
label of only about 80% of NLI pairs (``benchmarks/int8_probe.py``). Two
things lose them, both in the activations, not the weights:

1. one int8 scale for a whole input matrix: a few tokens (the separators)
   carry activations tens of times larger than the rest, so every other
   token is rounded to a handful of levels;
2. the 7-bit activation range (``reduce_range``) that fbgemm needs on x86
   CPUs without VNNI, where 8-bit products can overflow a 16-bit sum.

:class:`RowBucketedInt8Linear` quantises the activations of rows (tokens)
whose largest magnitudes lie within a factor of 2 of each other together, one
fbgemm call per such bucket, so each token gets a
scale close to its own; weights are int8 with one scale per output channel.
:func:`quantize_int8` applies it to every Linear layer of the encoder except
the feed-forward down-projections (inputs after GELU, with the largest
outliers), which stay float32, and the classification head.

Figures (``python benchmarks/run_benchmark.py int8``,
``benchmarks/results/int8.md``): labels kept against float32 on the NLI dev
sets, and speed against float32 and bfloat16 on the machine that ran it.

Full 8-bit activations are used only where the CPU has VNNI (AVX512-VNNI or
AVX-VNNI), where fbgemm's int8 products cannot overflow; elsewhere
:func:`int8_supported` says no and :class:`~claimcheck.NLIModel` refuses
``precision="int8"`` (7-bit activations lose too many labels).
"""

from __future__ import annotations

import copy
import math
import warnings

import torch

#: CPU feature flags of 8-bit multiply-accumulate without 16-bit saturation.
_VNNI_FLAGS = frozenset({"avx512_vnni", "avx_vnni"})

#: Rows whose largest magnitudes differ by more than this factor are
#: quantised with separate scales.
BUCKET_RATIO = 2.0


def int8_supported() -> bool:
    """True where this CPU and torch build run :func:`quantize_int8`'s model
    with full 8-bit activations: an x86 CPU with VNNI and torch's fbgemm
    (``x86``) quantised engine."""
    from claimcheck.nli import _cpu_flags

    flags = _cpu_flags()
    engines = torch.backends.quantized.supported_engines
    return (flags is not None and bool(flags & _VNNI_FLAGS)
            and ("x86" in engines or "fbgemm" in engines))


def _is_down_projection(name: str) -> bool:
    """A BERT feed-forward output layer (``layer.N.output.dense``)."""
    return name.endswith(".output.dense") and ".attention." not in name


class RowBucketedInt8Linear(torch.nn.Module):
    """A Linear layer computed in int8 with per-channel weights and
    per-bucket activation scales (see the module docstring).

    Parameters
    ----------
    linear : torch.nn.Linear
        The float layer (copied, not changed).
    ratio : float
        Rows whose largest magnitudes lie within this factor of each
        other share one activation scale.
    """

    def __init__(self, linear: torch.nn.Linear, ratio: float = BUCKET_RATIO) -> None:
        super().__init__()
        if ratio <= 1:
            raise ValueError(f"ratio must be above 1, got {ratio}")
        weight = linear.weight.detach().float()
        scales = (weight.abs().amax(dim=1).clamp(min=1e-8) / 127).double()
        zeros = torch.zeros(weight.shape[0], dtype=torch.int64)
        with warnings.catch_warnings():
            # torch 2.13 marks quantised tensors deprecated (pytorch#184982);
            # the lock pins a torch that has them
            warnings.filterwarnings("ignore", message=".*quantized tensor creation")
            qweight = torch.quantize_per_channel(weight, scales, zeros, 0, torch.qint8)
        bias = None if linear.bias is None else linear.bias.detach().float()
        self._packed = torch.ops.quantized.linear_prepack(qweight, bias)
        self.in_features = linear.in_features
        self.out_features = linear.out_features
        self.log_ratio = math.log(ratio)

    def _int8(self, x: torch.Tensor) -> torch.Tensor:
        # reduce_range=False: full 8-bit activations (VNNI: no overflow)
        return torch.ops.quantized.linear_dynamic(x, self._packed, False)

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        shape = x.shape
        rows = x.reshape(-1, shape[-1]).float().contiguous()
        if rows.shape[0] == 0:
            return rows.new_zeros(*shape[:-1], self.out_features)
        peak = rows.abs().amax(dim=1).clamp(min=1e-6)
        bucket = torch.floor(torch.log(peak) / self.log_ratio).to(torch.int64)
        low, high = int(bucket.min()), int(bucket.max())
        if low == high:
            out = self._int8(rows)
        else:
            out = rows.new_empty(rows.shape[0], self.out_features)
            for k in range(low, high + 1):
                idx = (bucket == k).nonzero().squeeze(1)
                if idx.numel():
                    out.index_copy_(0, idx, self._int8(rows.index_select(0, idx)))
        return out.reshape(*shape[:-1], self.out_features)

    def extra_repr(self) -> str:
        return (f"in_features={self.in_features}, out_features={self.out_features}, "
                f"ratio={math.exp(self.log_ratio):g}")


def quantize_int8(model: torch.nn.Module, *, ratio: float = BUCKET_RATIO) -> torch.nn.Module:
    """A copy of a BERT classifier with the encoder's Linear layers in int8.

    Query, key, value, attention output and feed-forward up-projection
    layers become :class:`RowBucketedInt8Linear`; the feed-forward
    down-projections, the pooler and the classifier stay float32. ``model``
    itself is not changed.

    Raises
    ------
    RuntimeError
        The CPU or torch build cannot run it (:func:`int8_supported`).
    """
    if not int8_supported():
        raise RuntimeError(
            "int8 inference needs an x86 CPU with VNNI (avx512_vnni or avx_vnni) and "
            "torch's fbgemm engine; use precision='float32' (or 'auto') here")
    out = copy.deepcopy(model).float().eval()
    names = [name for name, module in out.named_modules()
             if isinstance(module, torch.nn.Linear) and ".encoder." in f".{name}"]
    for name in names:
        if _is_down_projection(name):
            continue
        parent, child = name.rsplit(".", 1)
        holder = out.get_submodule(parent)
        setattr(holder, child, RowBucketedInt8Linear(getattr(holder, child), ratio))
    return out
