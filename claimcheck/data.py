"""Labelled NLI pairs: reading JSONL / CSV files or a ``datasets.Dataset`` into
one validated ``datasets.Dataset`` with ``premise``, ``hypothesis`` and an
integer ``label`` column.
"""

from __future__ import annotations

import csv
import json
import os
from collections.abc import Iterable, Mapping, Sequence
from pathlib import Path
from typing import Any

#: The label order of every NLI model claimcheck trains.
LABELS: tuple[str, str, str] = ("entailment", "neutral", "contradiction")

PairSource = "str | os.PathLike | datasets.Dataset | Sequence[Mapping]"


def label_id(label: Any, labels: Sequence[str] = LABELS) -> int:
    """Map a label name (any case) or an integer index to its index in ``labels``."""
    if isinstance(label, bool):
        raise ValueError(f"unknown label {label!r}: expected one of {list(labels)}")
    if isinstance(label, int):
        if 0 <= label < len(labels):
            return label
    elif isinstance(label, str):
        name = label.strip().lower()
        if name in labels:
            return labels.index(name)
        if name.isdigit() and int(name) < len(labels):
            return int(name)
    raise ValueError(
        f"unknown label {label!r}: expected one of {list(labels)} or 0..{len(labels) - 1}"
    )


def _read_rows(path: Path) -> list[dict[str, Any]]:
    if not path.is_file():
        raise FileNotFoundError(f"no labelled-pair file at {path}: pass a JSONL or CSV path")
    suffix = path.suffix.lower()
    if suffix in {".jsonl", ".json", ".ndjson"}:
        rows = []
        with path.open(encoding="utf-8") as fh:
            for n, line in enumerate(fh, 1):
                if not line.strip():
                    continue
                try:
                    rows.append(json.loads(line))
                except json.JSONDecodeError as err:
                    raise ValueError(f"{path}:{n}: not valid JSON ({err.msg})") from None
        return rows
    if suffix in {".csv", ".tsv"}:
        with path.open(encoding="utf-8", newline="") as fh:
            return list(csv.DictReader(fh, delimiter="\t" if suffix == ".tsv" else ","))
    raise ValueError(f"{path}: unsupported file type {suffix!r}; use .jsonl or .csv")


def load_pairs(source: Any, *, labels: Sequence[str] = LABELS, name: str = "data"):
    """Read labelled pairs into a ``datasets.Dataset``.

    Parameters
    ----------
    source : path, list of paths, ``datasets.Dataset`` or list of dicts
        JSONL or CSV files with ``premise``, ``hypothesis`` and ``label``
        columns; labels are names from ``labels`` or their integer index.
    labels : sequence of str
        Label names in model output order.
    name : str
        How to call the source in error messages.

    Returns
    -------
    datasets.Dataset
        Columns ``premise`` (str), ``hypothesis`` (str), ``label`` (int).

    Raises
    ------
    FileNotFoundError
        A path does not exist.
    ValueError
        Missing columns, empty texts or unknown labels (the row is named).
    """
    import datasets

    if source is None:
        raise ValueError(f"{name}: no labelled pairs given (a JSONL/CSV path or a Dataset)")
    if isinstance(source, datasets.Dataset):
        rows: Iterable[Mapping] = source
        origin = f"{name} (Dataset)"
    elif isinstance(source, (str, os.PathLike)):
        rows = _read_rows(Path(source))
        origin = str(source)
    elif isinstance(source, Sequence) and source and all(
        isinstance(s, (str, os.PathLike)) for s in source
    ):
        rows = [row for path in source for row in _read_rows(Path(path))]
        origin = ", ".join(map(str, source))
    elif isinstance(source, Sequence):
        rows = source
        origin = f"{name} (list)"
    else:
        raise TypeError(f"{name}: expected a path, a datasets.Dataset or a list of dicts, "
                        f"got {type(source).__name__}")

    premises, hypotheses, label_ids = [], [], []
    for n, row in enumerate(rows, 1):
        if not isinstance(row, Mapping):
            raise ValueError(f"{origin}: row {n} is not a mapping")
        missing = [c for c in ("premise", "hypothesis", "label") if c not in row]
        if missing:
            raise ValueError(f"{origin}: row {n} lacks column(s) {missing}; "
                             "need premise, hypothesis and label")
        premise, hypothesis = row["premise"], row["hypothesis"]
        for column, value in (("premise", premise), ("hypothesis", hypothesis)):
            if not isinstance(value, str) or not value.strip():
                raise ValueError(f"{origin}: row {n} has an empty or non-text {column}")
        try:
            label_ids.append(label_id(row["label"], labels))
        except ValueError as err:
            raise ValueError(f"{origin}: row {n}: {err}") from None
        premises.append(premise)
        hypotheses.append(hypothesis)
    if not premises:
        raise ValueError(f"{origin}: no labelled pairs found")
    return datasets.Dataset.from_dict(
        {"premise": premises, "hypothesis": hypotheses, "label": label_ids}
    )
