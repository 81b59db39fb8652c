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

Memory: on the CPU torch's matrix products are oneDNN primitives, built once
per operand shape and kept in a cache that holds 1,024 of them by default.
Padded batches come in hundreds of shapes, so over a long run (a corpus fed
to a claim store) that cache fills with compiled kernels the process never
gives back. Importing this module sets ``ONEDNN_PRIMITIVE_CACHE_CAPACITY`` to
:data:`PRIMITIVE_CACHE_CAPACITY` unless the environment already sets it;
oneDNN reads it when it builds its first primitive, so it has no effect in a
process that ran a torch model on the CPU before importing claimcheck.
``benchmarks/run_benchmark.py scale`` reports the peak memory with it.
"""

from __future__ import annotations

import contextlib
import os
import threading
from collections import deque
from collections.abc import Callable, Iterable, Iterator, Sequence
from concurrent.futures import Future, ThreadPoolExecutor, wait
from typing import TypeVar

In = TypeVar("In")
T = TypeVar("T")
Out = TypeVar("Out")

PRIMITIVE_CACHE_CAPACITY = 32
"""oneDNN primitives kept (a batch's shapes, in the three models); oneDNN's
default is 1,024."""
os.environ.setdefault("ONEDNN_PRIMITIVE_CACHE_CAPACITY", str(PRIMITIVE_CACHE_CAPACITY))


def default_workers() -> int:
    """Worker threads for :func:`forward_batches`: torch's thread count
    (``torch.set_num_threads``), so a caller who gave torch one thread gets
    one worker and the old sequential loop."""
    import torch

    return max(1, torch.get_num_threads())


def split_batches(order: Sequence[T], batch_size: int, *,
                  workers: int | None = None) -> list[Sequence[T]]:
    """``order`` cut into batches of at most ``batch_size`` items, in order.

    Fewer than ``workers`` (default :func:`default_workers`) batches of
    ``batch_size`` would leave a worker of :func:`forward_batches` idle: one
    article's five tagger windows made one batch and ran on one core of two.
    Then the items are shared out in ``workers`` batches (as even as the
    count allows, the earlier batches the smaller: callers sort their items
    longest first; one item each when there are fewer items than workers).
    Otherwise the cut is the usual one, full batches and a last, shorter one.
    The cut depends on the worker count (torch's thread count), so bfloat16
    results may differ in the last bits between machines with different
    thread counts, as padding does; on one machine they are repeatable.
    """
    if batch_size < 1:
        raise ValueError(f"batch_size must be positive, got {batch_size}")
    n = len(order)
    workers = default_workers() if workers is None else max(1, workers)
    count = -(-n // batch_size)
    if count >= workers or n <= 1:
        return [order[i: i + batch_size] for i in range(0, n, batch_size)]
    count = min(workers, n)
    bounds = [k * n // count for k in range(count + 1)]
    return [order[bounds[k]: bounds[k + 1]] for k in range(count)]


@contextlib.contextmanager
def one_blas_thread() -> Iterator[None]:
    """numpy's BLAS (OpenBLAS in numpy's wheels) on the calling thread alone
    within the block. After each call OpenBLAS's own worker threads spin for
    a while before they sleep, and on a small machine they take the cores
    the next forward pass needs: py3langid's one matrix product per
    document, between the tagger's batches, cost English extraction a quarter
    of its speed on a 2-core machine (``benchmarks/attribution_eval.py``
    before and after; the README has the figures). The products claimcheck
    asks of numpy are small; one thread loses nothing on them."""
    from threadpoolctl import threadpool_limits

    with threadpool_limits(limits=1, user_api="blas"):
        yield


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
    if workers <= 1 or threading.current_thread().name.startswith(_PREFIX):
        # One worker, or a forward pass that itself runs batches: on this thread.
        for item in inputs:
            yield forward(item)
        return
    pool = _pool(workers)
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
        wait(pending)  # and the batches already running finish before we return


_PREFIX = "claimcheck-forward"
_POOLS: dict[tuple[int, int], ThreadPoolExecutor] = {}
_POOLS_LOCK = threading.Lock()


def _after_fork() -> None:
    global _POOLS_LOCK
    _POOLS_LOCK = threading.Lock()  # a fork while another thread held it would deadlock


if hasattr(os, "register_at_fork"):
    os.register_at_fork(after_in_child=_after_fork)


def _pool(workers: int) -> ThreadPoolExecutor:
    """The worker threads of :func:`forward_batches`, started once per
    process and worker count instead of once per call (they idle between
    calls and are never shut down; a new worker count starts a new pool).
    Keyed by process id too, since a forked child has none of its parent's
    threads."""
    key = (os.getpid(), workers)
    with _POOLS_LOCK:
        pool = _POOLS.get(key)
        if pool is None:
            pool = _POOLS[key] = ThreadPoolExecutor(workers, initializer=_one_thread,
                                                    thread_name_prefix=_PREFIX)
        return pool


__all__ = ["PRIMITIVE_CACHE_CAPACITY", "default_workers", "forward_batches", "one_blas_thread",
           "split_batches"]
