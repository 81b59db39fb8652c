"""``find_contradictions`` on a Ray cluster: the same stages, spread over workers.

The three costly stages run as Ray Data ``map_batches`` over a pool of
actors, each of which loads the models once; the two global steps stay on
the driver::

    documents -> [workers: extract claims] -> link sources (driver)
              -> [workers: embed claim texts] -> candidate pairs (driver)
              -> [workers: NLI, calibration, reasons] -> threshold, sort (driver)

Every stage calls the same :class:`~claimcheck.detect.ContradictionFinder`
methods as a local run, so the result is the local one: the same claims, the
same candidate pairs, the same scores up to float rounding of batches that
are cut differently (``tests/test_cluster.py`` checks it on a local Ray
instance).

Ray is an optional extra (``pip install 'claimcheck[ray]'``). Without an
address, :func:`find_contradictions_ray` starts a local instance on this
machine; to use a cluster, start Ray on it (``ray start --head`` on the head
node, ``ray start --address HEAD:6379`` on the others) and pass its address
(``address="auto"`` on a cluster node, ``"ray://HEAD:10001"`` from outside)
or call ``ray.init(...)`` yourself before. Every node needs claimcheck and
its models installed (the same install as here); nothing is downloaded.
"""

from __future__ import annotations

import dataclasses
import json
import os
from collections.abc import Iterable, Sequence
from typing import Any

import numpy as np

from claimcheck.detect import (
    ContradictionFinder,
    DocumentLike,
    _positive_int,
    _probability,
    as_documents,
    document_dates,
    fold_repeats,
    sentence_context,
)
from claimcheck.encoder import Encoder
from claimcheck.pairs import candidate_pairs, nearest_in_each_language
from claimcheck.results import Analysis
from claimcheck.types import Claim, ClaimPair, Contradiction, Document


def _ray():
    try:
        import ray
    except ImportError as error:  # pragma: no cover - the test extra installs it
        raise ImportError(
            "running claimcheck on Ray needs the optional extra: pip install 'claimcheck[ray]'"
        ) from error
    return ray


# -- rows: claims and contradictions travel between driver and workers as JSON


def claim_to_json(claim: Claim) -> str:
    return json.dumps(claim.to_dict(), ensure_ascii=False)


def claim_from_json(text: str) -> Claim:
    return _claim(json.loads(text))


def _claim(fields: dict[str, Any]) -> Claim:
    """A Claim from its ``to_dict()`` fields (JSON makes the spans lists)."""
    for key in ("span", "speaker_span"):
        if fields[key] is not None:
            fields[key] = tuple(fields[key])
    return Claim(**fields)


def _contradiction_from_json(text: str) -> Contradiction:
    fields = json.loads(text)
    fields["claim_a"] = _claim(fields["claim_a"])
    fields["claim_b"] = _claim(fields["claim_b"])
    fields["reasons"] = tuple(fields["reasons"])
    fields["repeats"] = tuple((_claim(a), _claim(b)) for a, b in fields.get("repeats", ()))
    return Contradiction(**fields)


def _document_rows(documents: Sequence[Document]) -> list[dict[str, Any]]:
    return [{"order": n, "text": d.text, "id": d.id, "lang": d.lang or "",
             "title": d.title or "", "date": d.date or ""} for n, d in enumerate(documents)]


def _document_from_row(row: dict[str, Any]) -> Document:
    return Document(text=str(row["text"]), id=str(row["id"]), lang=row["lang"] or None,
                    title=row["title"] or None, date=row["date"] or None)


# -- the workers: each holds one finder, so the models load once per worker


class _Worker:
    def __init__(self, settings: dict[str, Any], threads: int) -> None:
        import torch

        torch.set_num_threads(threads)
        settings = dict(settings)
        encoder = settings.pop("encoder")
        self.finder = ContradictionFinder(
            **settings, encoder=None if encoder is None else Encoder(**encoder))


class _Extract(_Worker):
    """Documents -> their claims (one JSON string per claim)."""

    def __call__(self, batch: dict[str, np.ndarray]) -> dict[str, list]:
        rows = [dict(zip(batch, values)) for values in zip(*batch.values())]
        docs = [_document_from_row(row) for row in rows]
        order = {d.id: int(row["order"]) for d, row in zip(docs, rows)}
        out: dict[str, list] = {"order": [], "position": [], "claim": []}
        per_doc: dict[str, int] = {}
        for claim in self.finder.extract(docs, show_progress_bar=False):
            out["order"].append(order[claim.doc_id])
            out["position"].append(per_doc.get(claim.doc_id, 0))
            per_doc[claim.doc_id] = per_doc.get(claim.doc_id, 0) + 1
            out["claim"].append(claim_to_json(claim))
        return out


class _Embed(_Worker):
    """Claim texts -> their e5 vectors."""

    def __call__(self, batch: dict[str, np.ndarray]) -> dict[str, Any]:
        texts = [str(t) for t in batch["text"]]
        vectors = self.finder._encoder().encode(
            texts, batch_size=self.finder.batch_size, show_progress_bar=False)
        return {"text": texts, "vector": np.asarray(vectors, dtype=np.float32)}


class _Score(_Worker):
    """Candidate pairs -> every pair scored (a Contradiction as JSON)."""

    def __init__(self, settings: dict[str, Any], threads: int,
                 documents: list[dict[str, Any]]) -> None:
        super().__init__(settings, threads)
        docs = [_document_from_row(row) for row in documents]
        self.context, self.dates = sentence_context(docs), document_dates(docs)

    def __call__(self, batch: dict[str, np.ndarray]) -> dict[str, list]:
        pairs = [ClaimPair(claim_from_json(a), claim_from_json(b), float(s))
                 for a, b, s in zip(batch["a"], batch["b"], batch["similarity"])]
        index = {(p.a, p.b): int(i) for p, i in zip(pairs, batch["index"])}
        # The cascade's nearest-neighbour flags come from the driver, which
        # sees every pair (a batch alone would rank its claims differently).
        scored = self.finder.score(pairs, self.context, dates=self.dates, show_progress_bar=False,
                                   nearest=[bool(n) for n in batch["nearest"]])
        return {"index": [index[(c.claim_a, c.claim_b)] for c in scored],
                "contradiction": [json.dumps(c.to_dict(), ensure_ascii=False)
                                  for c in scored]}


# -- the driver


def analyse_ray(
    documents: DocumentLike | Iterable[DocumentLike],
    *,
    threshold: float | None = None,
    top_k: int | None = None,
    finder: ContradictionFinder | None = None,
    address: str | None = None,
    workers: int | None = None,
    cpus_per_worker: int = 1,
    documents_per_batch: int = 16,
    pairs_per_batch: int = 256,
) -> Analysis:
    """:meth:`ContradictionFinder.analyse` with the costly stages on Ray.

    Parameters
    ----------
    documents, threshold, top_k
        As for :func:`~claimcheck.find_contradictions`.
    finder : ContradictionFinder, optional
        The settings to run with (its model *paths*, threshold, top_k, ...;
        each worker builds its own finder from them, so an in-memory
        NLIModel or Encoder cannot be sent). Default: the shipped models.
    address : str, optional
        The Ray cluster to use (``"auto"``, ``"ray://HEAD:10001"``). When Ray
        is not yet initialised and no address is given, a local instance is
        started on this machine.
    workers : int, optional
        Actors per stage (default: the cluster's CPUs / ``cpus_per_worker``).
    cpus_per_worker : int
        CPUs each actor reserves, and its torch threads.
    documents_per_batch, pairs_per_batch : int
        Rows handed to an actor at once in the extraction and scoring stages.

    Returns
    -------
    Analysis
        As :meth:`ContradictionFinder.analyse`.
    """
    ray = _ray()
    finder = finder or ContradictionFinder()
    settings = _settings(finder)
    cpus_per_worker = _positive_int(cpus_per_worker, "cpus_per_worker")
    documents_per_batch = _positive_int(documents_per_batch, "documents_per_batch")
    pairs_per_batch = _positive_int(pairs_per_batch, "pairs_per_batch")
    threshold = finder.default_threshold if threshold is None else _probability(threshold)
    top_k = finder.top_k if top_k is None else _positive_int(top_k, "top_k")
    docs = [d for d in as_documents(documents) if d.text.strip()]

    if not ray.is_initialized():
        if address:  # a cluster is joined as it is
            ray.init(address=address)
        else:  # a local instance starts quiet
            ray.init(log_to_driver=False, include_dashboard=False)
    if workers is None:
        cpus = int(ray.cluster_resources().get("CPU", 1))
        workers = max(1, cpus // cpus_per_worker)
    workers = _positive_int(workers, "workers")
    stage = {"settings": settings, "threads": cpus_per_worker}
    pool = {"concurrency": workers, "num_cpus": cpus_per_worker}

    # 1. claims, per document on the workers; sources linked on the driver
    # (one union over every document's speakers).
    rows = _document_rows(docs)
    extracted = ray.data.from_items(rows).map_batches(
        _Extract, fn_constructor_kwargs=stage, batch_size=documents_per_batch,
        **pool).take_all() if rows else []
    extracted.sort(key=lambda r: (r["order"], r["position"]))
    claims = finder.link([claim_from_json(r["claim"]) for r in extracted])
    if len(claims) < 2:
        return Analysis(docs, claims, [], threshold, model=finder._model_name())

    # 2. one vector per distinct claim text; candidate pairs on the driver.
    unique = sorted({c.text for c in claims})
    embedded = ray.data.from_items([{"text": t} for t in unique]).map_batches(
        _Embed, fn_constructor_kwargs=stage, batch_size=max(finder.batch_size, 64),
        **pool).take_all()
    vector = {r["text"]: np.asarray(r["vector"], dtype=np.float32) for r in embedded}
    embeddings = np.stack([vector[c.text] for c in claims])
    pairs = candidate_pairs(claims, embeddings, top_k=top_k,
                            min_similarity=finder.min_similarity)

    # 3. every pair scored on the workers; thresholded and sorted here.
    found: list[Contradiction] = []
    if pairs:
        scored = ray.data.from_items([
            {"index": i, "a": claim_to_json(p.a), "b": claim_to_json(p.b),
             "similarity": p.similarity, "nearest": near}
            for i, (p, near) in enumerate(zip(pairs, nearest_in_each_language(pairs)))
        ]).map_batches(
            _Score, fn_constructor_kwargs={**stage, "documents": rows},
            batch_size=pairs_per_batch, **pool).take_all()
        scored.sort(key=lambda r: r["index"])
        found = fold_repeats(sorted(
            (c for c in map(_contradiction_from_json, (r["contradiction"] for r in scored))
             if c.score >= threshold),
            key=lambda c: (-c.score, c.claim_a.span, c.claim_b.span)))
    return Analysis(docs, claims, found, threshold, model=finder._model_name())


def find_contradictions_ray(
    documents: DocumentLike | Iterable[DocumentLike],
    *,
    threshold: float | None = None,
    top_k: int | None = None,
    **options: Any,
) -> list[Contradiction]:
    """:func:`~claimcheck.find_contradictions` on Ray (options: :func:`analyse_ray`).

    Examples
    --------
    >>> from claimcheck.cluster import find_contradictions_ray   # doctest: +SKIP
    >>> found = find_contradictions_ray(articles, address="auto")  # doctest: +SKIP
    """
    return list(analyse_ray(documents, threshold=threshold, top_k=top_k,
                            **options).contradictions)


def _settings(finder: ContradictionFinder) -> dict[str, Any]:
    """The finder's settings as plain values each worker can rebuild it from."""
    if finder._nli is not None and finder._nli.path is None:
        raise ValueError("an NLI model that was never saved cannot be sent to Ray workers: "
                         "save it and pass its folder")
    encoder = finder.encoder
    if encoder is not None and type(encoder) is not Encoder:
        raise ValueError("a custom encoder cannot be sent to Ray workers")
    if finder.tagger is not None and not isinstance(finder.tagger, bool):
        raise ValueError("a tagger object cannot be sent to Ray workers: they use the "
                         "shipped tagger (tagger=None) or the rules alone (tagger=False)")
    nli = finder._nli.path if finder._nli is not None else finder.nli_model
    # Every other field of the finder is a plain setting: all of them travel,
    # so a check added to the finder is on (or off) on the workers too.
    return {
        "encoder": None if encoder is None else {
            "cache_dir": encoder.cache_dir, "max_length": encoder.max_length},
        "nli_model": None if nli is None else os.fspath(nli),
        **{f.name: getattr(finder, f.name) for f in dataclasses.fields(finder)
           if f.name not in ("encoder", "nli_model")},
    }


__all__ = ["analyse_ray", "claim_from_json", "claim_to_json", "find_contradictions_ray"]
