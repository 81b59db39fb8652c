"""Progress bars for long, batched work (tqdm, shown only when useful)."""

from __future__ import annotations

import sys
from collections.abc import Iterable, Sequence
from typing import TypeVar

T = TypeVar("T")


def progress(items: Sequence[T], show: bool | None, desc: str) -> Iterable[T]:
    """Wrap ``items`` in a tqdm bar on standard error.

    ``show=None`` means "when there are more than 8 items and standard error
    is a terminal": a log file or a pipe never fills with bars nobody asked
    for; ``True`` shows one anyway.
    """
    if show is None:
        show = len(items) > 8 and _stderr_is_terminal()
    if not show:
        return items
    from tqdm.auto import tqdm

    return tqdm(items, desc=desc, unit="batch")


def _stderr_is_terminal() -> bool:
    try:
        return sys.stderr is not None and sys.stderr.isatty()
    except (AttributeError, ValueError):  # replaced or closed stream
        return False
