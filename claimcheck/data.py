"""Labelled NLI pairs: reading JSONL / CSV files or a ``datasets.Dataset`` into
one validated ``datasets.Dataset`` with ``premise``, ``hypothesis`` and an
integer ``label`` column.
"""

from __future__ import annotations

import codecs
import csv
import io
import json
import os
from collections.abc import Iterable, Mapping, Sequence
from pathlib import Path
from typing import Any

from claimcheck.text.normalize import tokenizable

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


#: Byte-order marks that say a file is UTF-16/32 (what "Unicode text" in a
#: spreadsheet writes), longest first: a UTF-32-LE mark starts like UTF-16-LE's.
_BOM_CODECS = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)


def _read_text(path: Path) -> str:
    """The text of a file: UTF-8 with or without a byte-order mark (which
    spreadsheets write), or UTF-16/32 with one."""
    data = path.read_bytes()
    codec = next((name for bom, name in _BOM_CODECS if data.startswith(bom)), "utf-8-sig")
    try:
        return data.decode(codec)
    except UnicodeDecodeError as err:
        line = data.count(b"\n", 0, err.start) + 1
        raise ValueError(
            f"{path} is not {codec.removesuffix('-sig').upper()} text (byte "
            f"0x{data[err.start]:02x} at offset {err.start}, line {line}): re-save it as "
            "UTF-8 (a spreadsheet's \"CSV UTF-8\" format, or `iconv -f CP1256 -t UTF-8 "
            f"{path.name} > utf8-{path.name}` with the file's own encoding after -f: CP1256 "
            "for Arabic Windows text, LATIN1 for Western European)"
        ) from None


def _read_rows(path: Path) -> list[dict[str, Any]]:
    if path.is_dir():
        raise ValueError(f"{path} is a directory, not a labelled-pair file: pass the "
                         ".jsonl or .csv file(s) inside it")
    if not path.is_file():
        raise FileNotFoundError(f"no labelled-pair file at {path}: pass a JSONL or CSV path")
    suffix = path.suffix.lower()
    if suffix in {".jsonl", ".json", ".ndjson"}:
        rows = []
        # io.StringIO splits lines as a text file does (\n, \r\n, \r), not at
        # U+2028 and the other breaks of str.splitlines, which JSON allows raw
        for n, line in enumerate(io.StringIO(_read_text(path), newline=None), 1):
            if not line.strip():
                continue
            try:
                rows.append(json.loads(line))
            except json.JSONDecodeError as err:
                raise ValueError(f"{path}:{n}: not valid JSON ({err.msg})") from None
        return rows
    if suffix in {".csv", ".tsv"}:
        text = io.StringIO(_read_text(path), newline="")
        return list(csv.DictReader(text, delimiter="\t" if suffix == ".tsv" else ","))
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
        The texts as :meth:`claimcheck.NLIModel.predict` reads them
        (:func:`~claimcheck.text.normalize.tokenizable`: lone surrogates
        replaced by U+FFFD, Arabic-Indic and Persian digits by ASCII ones).

    Raises
    ------
    FileNotFoundError
        A path does not exist.
    ValueError
        Missing columns, empty texts or unknown labels (the row is named); a
        path that is a directory, of an unknown type or not UTF-8 text
        (UTF-8 with a byte-order mark, and UTF-16/32 with one, are read).
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
        # a lone surrogate (from a JSON "\\ud800" escape or a Python string)
        # cannot be stored or tokenised: it becomes U+FFFD, as in NLIModel.predict
        premises.append(tokenizable(premise))
        hypotheses.append(tokenizable(hypothesis))
    if not premises:
        raise ValueError(f"{origin}: no labelled pairs found")
    return datasets.Dataset.from_dict(
        {"premise": premises, "hypothesis": hypotheses, "label": label_ids}
    )
