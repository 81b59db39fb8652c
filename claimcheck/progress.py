"""Progress bars for long, batched work (tqdm, shown only when useful)."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import TypeVar

T = TypeVar("T")


def progress(items: Sequence[T], show: bool | None, desc: str) -> Iterable[T]:
    """Wrap ``items`` in a tqdm bar; ``show=None`` means "when there are more
    than 8 items"."""
    if show is None:
        show = len(items) > 8
    if not show:
        return items
    from tqdm.auto import tqdm

    return tqdm(items, desc=desc, unit="batch")
