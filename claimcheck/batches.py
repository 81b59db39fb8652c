"""Forward passes over many batches, overlapped on the CPU's threads.

A small transformer on short texts keeps two cores only partly busy: between
and inside its matrix products the Python of each layer, the tokenizer and
the framework's dispatch run on one thread. :func:`forward_batches` runs
several batches at once instead, one torch thread each, on as many worker
threads as torch was given; the caller's thread prepares (tokenises) the
next batches meanwhile (``benchmarks/run_benchmark.py scale`` times the
whole pipeline).

Every batch is computed on its own, so a result does not depend on which
worker took it; it may differ from a single-threaded run in the last bits
of the floating point sums.
"""

from __future__ import annotations

from collections import deque
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import Future, ThreadPoolExecutor
from typing import TypeVar

In = TypeVar("In")
Out = TypeVar("Out")


def default_workers() -> int:
    """Worker threads for :func:`forward_batches`: torch's thread count
    (``torch.set_num_threads``), so a caller who gave torch one thread gets
    one worker and the old sequential loop."""
    import torch

    return max(1, torch.get_num_threads())


def _one_thread() -> None:
    import torch

    torch.set_num_threads(1)  # per worker thread; the caller's setting stays


def forward_batches(forward: Callable[[In], Out], inputs: Iterable[In], *,
                    workers: int | None = None) -> Iterator[Out]:
    """``forward(x)`` for each ``x`` of ``inputs``, yielded in input order.

    ``inputs`` is consumed on the calling thread (tokenise there: a
    tokenizer is not safe to share between threads); the ``forward`` calls
    run on ``workers`` threads (default :func:`default_workers`) with one
    torch thread each, at most two batches ahead per worker. ``forward`` must
    enter any thread-local torch state it needs itself
    (``torch.inference_mode``, ``torch.autocast``). With one worker
    everything runs on the calling thread.
    """
    workers = default_workers() if workers is None else workers
    if workers <= 1:
        for item in inputs:
            yield forward(item)
        return
    with ThreadPoolExecutor(workers, initializer=_one_thread,
                            thread_name_prefix="claimcheck-forward") as pool:
        pending: deque[Future[Out]] = deque()
        try:
            for item in inputs:
                pending.append(pool.submit(forward, item))
                if len(pending) >= 2 * workers:
                    yield pending.popleft().result()
            while pending:
                yield pending.popleft().result()
        finally:
            for future in pending:  # the caller stopped early or a batch failed
                future.cancel()


__all__ = ["default_workers", "forward_batches"]
