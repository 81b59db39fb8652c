"""Seconds per optimiser step in the shape of the training loop (batch 64,
64 tokens, bfloat16 autocast, fused AdamW), to size a run to the time a
GPU session has.  ``python3 probe.py [cuda|cpu]``"""

from __future__ import annotations

import sys
import time

import torch

from claimcheck import NLIModel


def main() -> None:
    dev = sys.argv[1] if len(sys.argv) > 1 else "cuda"
    cuda = dev.startswith("cuda")
    model = NLIModel.from_encoder()
    model.model.to(dev).train()
    params = model.trainable_parameters()
    opt = torch.optim.AdamW(params, lr=1e-6, **({"fused": True} if cuda else {}))
    ids = torch.randint(5, 1000, (64, 64), device=dev)
    mask = torch.ones_like(ids)
    y = torch.randint(0, 3, (64,), device=dev)
    n = 60 if cuda else 6
    for i in range(n):
        if i == n // 3:
            if cuda:
                torch.cuda.synchronize()
            start = time.perf_counter()
        with torch.autocast("cuda", dtype=torch.bfloat16, enabled=cuda):
            logits = model.model(input_ids=ids, attention_mask=mask).logits
        torch.nn.functional.cross_entropy(logits.float(), y).backward()
        torch.nn.utils.clip_grad_norm_(params, 1.0)
        opt.step()
        opt.zero_grad(set_to_none=True)
    if cuda:
        torch.cuda.synchronize()
    print((time.perf_counter() - start) / (n - n // 3))


if __name__ == "__main__":
    main()
