"""Tests for claimcheck.batches: overlapped forward passes keep order and results;
the oneDNN cache is bounded."""

from __future__ import annotations

import os
import subprocess
import sys
import threading

import numpy as np
import pytest
import torch

from claimcheck.batches import (
    PRIMITIVE_CACHE_CAPACITY,
    default_workers,
    forward_batches,
    one_blas_thread,
    split_batches,
)


def test_results_come_back_in_input_order_from_several_workers():
    seen_threads = set()

    def forward(x: int) -> int:
        seen_threads.add(threading.current_thread().name)
        return x * x

    assert list(forward_batches(forward, iter(range(50)), workers=3)) == [x * x for x in range(50)]
    assert all(name.startswith("claimcheck-forward") for name in seen_threads)


def test_one_worker_runs_on_the_calling_thread():
    names = list(forward_batches(lambda _: threading.current_thread().name, range(3), workers=1))
    assert names == [threading.current_thread().name] * 3


def test_workers_use_one_torch_thread_and_the_callers_setting_stays():
    before = torch.get_num_threads()
    counts = list(forward_batches(lambda _: torch.get_num_threads(), range(4), workers=2))
    assert counts == [1, 1, 1, 1]
    assert torch.get_num_threads() == before


def test_a_failing_batch_raises_in_the_caller():
    def forward(x: int) -> int:
        if x == 7:
            raise RuntimeError("batch 7 failed")
        return x

    with pytest.raises(RuntimeError, match="batch 7 failed"):
        list(forward_batches(forward, range(20), workers=2))


def test_a_model_gives_the_same_numbers_with_one_worker_or_two():
    torch.manual_seed(0)
    model = torch.nn.Sequential(torch.nn.Linear(16, 32), torch.nn.GELU(), torch.nn.Linear(32, 3))
    batches = [torch.randn(8, 16) for _ in range(10)]

    def forward(x: torch.Tensor) -> np.ndarray:
        with torch.inference_mode():
            return model(x).numpy()

    one = np.concatenate(list(forward_batches(forward, batches, workers=1)))
    two = np.concatenate(list(forward_batches(forward, batches, workers=2)))
    np.testing.assert_allclose(one, two, rtol=1e-5, atol=1e-6)
    assert default_workers() >= 1


def test_few_items_are_shared_out_so_that_no_worker_idles():
    # Five tagger windows of one article, longest first: one batch of 16
    # would run on one core; the longer windows go to the smaller batch.
    assert split_batches(list("abcde"), 16, workers=2) == [list("ab"), list("cde")]
    assert split_batches(list("ab"), 16, workers=4) == [["a"], ["b"]]
    assert split_batches(["a"], 16, workers=2) == [["a"]]
    assert split_batches([], 16, workers=2) == []


def test_enough_items_are_cut_into_full_batches_in_order():
    items = list(range(70))
    batches = split_batches(items, 32, workers=2)
    assert [len(b) for b in batches] == [32, 32, 6]
    assert [x for b in batches for x in b] == items
    assert split_batches(items[:10], 4, workers=1) == [items[:4], items[4:8], items[8:10]]
    with pytest.raises(ValueError, match="batch_size"):
        split_batches(items, 0)


@pytest.mark.parametrize(("preset", "expected"),
                         [(None, str(PRIMITIVE_CACHE_CAPACITY)), ("7", "7")])
def test_the_onednn_cache_is_bounded_unless_the_user_set_it(preset, expected) -> None:
    # A fresh process: oneDNN reads the variable once, at its first primitive.
    env = {k: v for k, v in os.environ.items() if k != "ONEDNN_PRIMITIVE_CACHE_CAPACITY"}
    if preset is not None:
        env["ONEDNN_PRIMITIVE_CACHE_CAPACITY"] = preset
    code = "import os, claimcheck; print(os.environ['ONEDNN_PRIMITIVE_CACHE_CAPACITY'])"
    out = subprocess.run([sys.executable, "-c", code], env=env, capture_output=True, text=True,
                         check=True)
    assert out.stdout.strip() == expected


def test_numpy_blas_runs_on_one_thread_inside_the_block_and_as_before_after():
    from threadpoolctl import threadpool_info

    def blas_threads() -> list[int]:
        return [lib["num_threads"] for lib in threadpool_info() if lib["user_api"] == "blas"]

    before = blas_threads()
    with one_blas_thread():
        assert all(n == 1 for n in blas_threads())
        product = np.ones((64, 8)) @ np.ones((8, 64))
    assert product[0, 0] == 8.0
    assert blas_threads() == before


def test_forward_batches_reuses_its_worker_threads_across_calls():
    threads = []  # the thread objects themselves, so that none is freed and reused

    def forward(x: int) -> int:
        threads.append(threading.current_thread())
        return x

    for _ in range(3):
        assert list(forward_batches(forward, range(6), workers=2)) == list(range(6))
    assert len(set(threads)) <= 2
    assert all(t.name.startswith("claimcheck-forward") for t in threads)
