"""A persistent claim store: articles added over time, compared once.

``ClaimStore(folder)`` keeps, in one folder,

- ``claims.sqlite``: an SQLite database of the documents (id, text, a hash
  of the text, language, date, title), their attributed claims (with the
  claim's embedding) and the contradictions found;
- ``claims.usearch``: an approximate-nearest-neighbour index of the claim
  embeddings (`usearch <https://github.com/unum-cloud/usearch>`_, cosine).

:meth:`ClaimStore.add` takes new documents in batches. Each new claim is
extracted once, embedded once, and compared with its nearest stored
neighbours (the index) and the batch's other claims; the pairs are scored by
the same :class:`~claimcheck.detect.ContradictionFinder` as
:func:`~claimcheck.find_contradictions`, and the pairs at or above the
threshold are stored. A batch is one SQLite transaction: an interrupted add
loses at most the batch in flight, and running it again skips every
document already stored (same id, same text). Re-adding a stored document
changes nothing; adding a different text under a stored id is an error.

Flow: documents -> claims (stored) -> neighbours (index) -> pairs ->
contradictions (stored). Sources are linked within a batch only.
"""

from __future__ import annotations

import hashlib
import json
import sqlite3
from collections.abc import Iterable, Sequence
from datetime import datetime, timezone
from pathlib import Path

import numpy as np

from claimcheck.batches import one_blas_thread
from claimcheck.detect import fold_repeats
from claimcheck.pairs import comparable, nearest_in_each_language
from claimcheck.progress import progress
from claimcheck.text.normalize import folded_words
from claimcheck.types import Claim, ClaimPair, Contradiction, Document

DB_NAME = "claims.sqlite"
INDEX_NAME = "claims.usearch"
SCHEMA = """
CREATE TABLE IF NOT EXISTS documents (
    id TEXT PRIMARY KEY, sha256 TEXT NOT NULL, text TEXT NOT NULL, lang TEXT,
    date TEXT, title TEXT, added TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS claims (
    id INTEGER PRIMARY KEY, doc_id TEXT NOT NULL REFERENCES documents(id),
    text TEXT NOT NULL, start INTEGER NOT NULL, end INTEGER NOT NULL,
    speaker TEXT, speaker_start INTEGER, speaker_end INTEGER, cue TEXT, entity TEXT,
    source TEXT, lang TEXT, embedding BLOB NOT NULL);
CREATE INDEX IF NOT EXISTS claims_doc ON claims(doc_id);
CREATE TABLE IF NOT EXISTS contradictions (
    claim_a INTEGER NOT NULL REFERENCES claims(id), claim_b INTEGER NOT NULL
    REFERENCES claims(id), score REAL NOT NULL, score_ab REAL, score_ba REAL,
    similarity REAL, reason TEXT, reasons TEXT, kind TEXT, found TEXT NOT NULL,
    PRIMARY KEY (claim_a, claim_b));
CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT);
"""


def _sha(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


class ClaimStore:
    """Claims and contradictions of a growing collection of articles.

    Parameters
    ----------
    folder : str or Path
        Where the store lives (created when missing).
    finder : ContradictionFinder or None
        The models and settings that extract, embed and score (default: a
        new :class:`~claimcheck.detect.ContradictionFinder`). Its threshold
        decides which pairs are stored; ``top_k`` how many stored neighbours
        each new claim is compared with.

    Examples
    --------
    >>> store = ClaimStore("news-store")                       # doctest: +SKIP
    >>> store.add(["The mayor said the bridge is safe.",
    ...            "Engineers said the bridge is unsafe."])    # doctest: +SKIP
    >>> store.contradictions()                                 # doctest: +SKIP
    """

    def __init__(self, folder: str | Path, *, finder=None) -> None:
        self.folder = Path(folder)
        if self.folder.exists() and not self.folder.is_dir():
            raise NotADirectoryError(f"{self.folder} is a file; a claim store is a folder")
        self.folder.mkdir(parents=True, exist_ok=True)
        self._db = sqlite3.connect(self.folder / DB_NAME)
        self._db.executescript(SCHEMA)
        self._finder = finder
        self._index = None

    # ------------------------------------------------------------ models
    @property
    def finder(self):
        if self._finder is None:
            from claimcheck.detect import ContradictionFinder

            self._finder = ContradictionFinder()
        return self._finder

    @property
    def index(self):
        """The usearch index, loaded from disk and brought up to date with
        the database (an add interrupted after its commit left it behind)."""
        if self._index is None:
            from usearch.index import Index

            ndim = self._meta("ndim")
            path = self.folder / INDEX_NAME
            index = Index(ndim=int(ndim) if ndim else 384, metric="cos", dtype="f32")
            if path.is_file():
                index.load(str(path))
            # Only when the counts differ are the missing embeddings read back.
            claims = self._db.execute("SELECT COUNT(*) FROM claims").fetchone()[0]
            if claims != len(index):
                stored = {int(k) for k in index.keys} if len(index) else set()
                missing = [cid for (cid,) in self._db.execute("SELECT id FROM claims ORDER BY id")
                           if cid not in stored]
                vectors = [np.frombuffer(blob, dtype=np.float32) for (blob,) in (
                    self._db.execute("SELECT embedding FROM claims WHERE id = ?", (cid,))
                    .fetchone() for cid in missing)]
                index.add(np.array(missing, dtype=np.uint64), np.stack(vectors))
                index.save(str(path))
            self._index = index
        return self._index

    def _meta(self, key: str) -> str | None:
        row = self._db.execute("SELECT value FROM meta WHERE key = ?", (key,)).fetchone()
        return None if row is None else row[0]

    # ------------------------------------------------------------- adding
    def add(self, documents: Iterable[Document | str], *, batch_size: int = 32,
            show_progress_bar: bool | None = None) -> dict[str, int]:
        """Add documents; return counts: ``documents`` added, ``skipped``
        (already stored), ``claims``, candidate ``pairs``, ``nli_predictions``
        (cross-encoder calls: the finder's cascade scores few of the pairs,
        some in one direction) and ``contradictions`` stored.

        Raises
        ------
        ValueError
            A stored document id comes with a different text, or two given
            documents share an id.
        """
        from claimcheck.detect import as_documents

        docs = [d for d in as_documents(list(documents)) if d.text.strip()]
        counts = {"documents": 0, "skipped": 0, "claims": 0, "pairs": 0, "nli_predictions": 0,
                  "contradictions": 0}
        new = []
        for doc in docs:
            row = self._db.execute("SELECT sha256 FROM documents WHERE id = ?",
                                   (doc.id,)).fetchone()
            if row is None:
                new.append(doc)
            elif row[0] == _sha(doc.text):
                counts["skipped"] += 1
            else:
                raise ValueError(f"document {doc.id!r} is already in the store with another "
                                 "text; give the new text another id")
        batches = range(0, len(new), batch_size)
        for start in progress(batches, show_progress_bar, "adding to the claim store"):
            found = self._add_batch(new[start:start + batch_size])
            for key, value in found.items():
                counts[key] += value
        return counts

    def _add_batch(self, docs: Sequence[Document]) -> dict[str, int]:
        finder = self.finder
        claims = finder.claims(docs)
        vectors = finder._encoder().encode([c.text for c in claims], batch_size=finder.batch_size,
                                           show_progress_bar=False) if claims else np.zeros(
                                               (0, 384), dtype=np.float32)
        vectors = np.asarray(vectors, dtype=np.float32)
        index = self.index
        # Each new claim's nearest neighbours among the stored claims (the
        # index) and the batch's other claims taken together: its top_k of
        # the union above the floor, as one find_contradictions call picks.
        top_k, floor = finder.top_k, finder.min_similarity
        candidates: list[list[tuple[float, int]]] = [[] for _ in claims]  # j < 0: stored
        if len(index) and claims:
            hits = index.search(vectors, min(top_k, len(index)))
            # One query gives flat arrays, several give one row each.
            keys = np.asarray(hits.keys).reshape(len(claims), -1)
            distances = np.asarray(hits.distances).reshape(len(claims), -1)
            counts = np.broadcast_to(
                np.asarray(getattr(hits, "counts", keys.shape[1])).reshape(-1), (len(claims),))
            for row in range(len(claims)):
                for key, distance in zip(keys[row, :counts[row]], distances[row, :counts[row]]):
                    candidates[row].append((1.0 - float(distance), -1 - int(key)))
        if len(claims) > 1:
            with one_blas_thread():
                sims = vectors @ vectors.T
            np.fill_diagonal(sims, -np.inf)
            k = min(top_k, len(claims) - 1)
            for row, near in enumerate(np.argpartition(-sims, k - 1, axis=1)[:, :k]):
                candidates[row] += [(float(sims[row, j]), int(j)) for j in near]
        chosen: dict[tuple[int, int], float] = {}
        for row, found in enumerate(candidates):
            for similarity, j in sorted(found, reverse=True)[:top_k]:
                if similarity >= floor:
                    chosen[(row, j) if j < 0 else (min(row, j), max(row, j))] = similarity
        old = self._claims_by_id({-1 - j for _, j in chosen if j < 0})
        old_docs = self._documents({c.doc_id for c in old.values()})
        position = {id(c): i for i, c in enumerate(claims)}
        # Each text folded once (a claim stands in up to 2 * top_k pairs).
        words = {text: folded_words(text)
                 for text in {c.text for c in claims} | {c.text for c in old.values()}}
        todo = []
        for (i, j), similarity in sorted(chosen.items()):
            a, b = claims[i], (claims[j] if j >= 0 else old[-1 - j])
            if comparable(words[a.text], words[b.text]):
                todo.append(ClaimPair(a, b, similarity) if j >= 0 else ClaimPair(b, a, similarity))
        before = finder.work["nli_predictions"]
        # The cascade keeps each *new* claim's nearest pairs (and those a rule
        # sees a clash in); a stored claim met its own neighbours when added.
        nearest = nearest_in_each_language(todo, among=set(claims))
        scored = finder.score(todo, list(docs) + old_docs, nearest=nearest) if todo else []
        predictions = finder.work["nli_predictions"] - before
        threshold = finder.default_threshold
        now = datetime.now(timezone.utc).isoformat(timespec="seconds")
        with self._db:  # one transaction: the batch is stored whole or not at all
            for doc in docs:
                self._db.execute(
                    "INSERT INTO documents VALUES (?, ?, ?, ?, ?, ?, ?)",
                    (doc.id, _sha(doc.text), doc.text, doc.lang, doc.date, doc.title, now))
            ids = []
            for claim, vector in zip(claims, vectors):
                sp = claim.speaker_span or (None, None)
                cursor = self._db.execute(
                    "INSERT INTO claims (doc_id, text, start, end, speaker, speaker_start, "
                    "speaker_end, cue, entity, source, lang, embedding) "
                    "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                    (claim.doc_id, claim.text, claim.span[0], claim.span[1], claim.speaker,
                     sp[0], sp[1], claim.cue, claim.entity, claim.source, claim.lang,
                     vector.tobytes()))
                ids.append(cursor.lastrowid)
            old_id = {id(c): cid for cid, c in old.items()}
            stored = 0
            for c in scored:
                if c.score < threshold:
                    continue
                a = ids[position[id(c.claim_a)]] if id(c.claim_a) in position \
                    else old_id[id(c.claim_a)]
                b = ids[position[id(c.claim_b)]] if id(c.claim_b) in position \
                    else old_id[id(c.claim_b)]
                self._db.execute(
                    "INSERT OR IGNORE INTO contradictions VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                    (min(a, b), max(a, b), c.score, c.score_ab, c.score_ba, c.similarity,
                     c.reason, json.dumps(list(c.reasons)), c.kind, now))
                stored += 1
            self._db.execute("INSERT OR REPLACE INTO meta VALUES ('ndim', ?)",
                             (str(vectors.shape[1] if len(vectors) else 384),))
        if ids:
            index.add(np.array(ids, dtype=np.uint64), vectors)
            index.save(str(self.folder / INDEX_NAME))
        return {"documents": len(docs), "claims": len(claims), "pairs": len(todo),
                "nli_predictions": predictions, "contradictions": stored}

    # ------------------------------------------------------------ reading
    def _claims_by_id(self, ids: Iterable[int]) -> dict[int, Claim]:
        ids = sorted(ids)
        out = {}
        for start in range(0, len(ids), 500):
            chunk = ids[start:start + 500]
            rows = self._db.execute(
                "SELECT id, doc_id, text, start, end, speaker, speaker_start, speaker_end, cue, "
                f"entity, source, lang FROM claims WHERE id IN ({','.join('?' * len(chunk))})",
                chunk)
            for (cid, doc, text, start_, end, speaker, s0, s1, cue, entity, source,
                 lang) in rows:
                out[cid] = Claim(text, (start_, end), speaker=speaker,
                                 speaker_span=None if s0 is None else (s0, s1), cue=cue,
                                 entity=entity, lang=lang or "und", doc_id=doc, source=source)
        return out

    def _documents(self, ids: Iterable[str]) -> list[Document]:
        ids = sorted(ids)
        if not ids:
            return []
        rows = self._db.execute(
            f"SELECT text, id, lang, title, date FROM documents WHERE id IN "
            f"({','.join('?' * len(ids))})", ids)
        return [Document(*row) for row in rows]

    def __len__(self) -> int:
        """Documents stored."""
        return self._db.execute("SELECT COUNT(*) FROM documents").fetchone()[0]

    def stats(self) -> dict[str, int]:
        """Documents, claims and contradictions stored."""
        one = self._db.execute
        return {"documents": len(self),
                "claims": one("SELECT COUNT(*) FROM claims").fetchone()[0],
                "contradictions": one("SELECT COUNT(*) FROM contradictions").fetchone()[0]}

    def contradictions(self, *, since: str | None = None) -> list[Contradiction]:
        """The stored contradictions, highest score first, each clash once
        (:func:`~claimcheck.detect.fold_repeats`); ``since`` (an ISO date or
        time) keeps those found at or after it."""
        query = ("SELECT claim_a, claim_b, score, score_ab, score_ba, similarity, reason, "
                 "reasons, kind FROM contradictions")
        rows = list(self._db.execute(query + (" WHERE found >= ?" if since else ""),
                                     (since,) if since else ()))
        claims = self._claims_by_id({r[0] for r in rows} | {r[1] for r in rows})
        found = [Contradiction(claims[a], claims[b], score, score_ab=sab or 0.0,
                               score_ba=sba or 0.0, reason=reason, similarity=sim or 0.0,
                               reasons=tuple(json.loads(reasons or "[]")),
                               kind=kind or "between-sources")
                 for a, b, score, sab, sba, sim, reason, reasons, kind in rows]
        return fold_repeats(sorted(found, key=lambda c: (-c.score, c.claim_a.doc_id or "",
                                                         c.claim_a.span)))

    def close(self) -> None:
        self._db.close()

    def __enter__(self) -> ClaimStore:
        return self

    def __exit__(self, *exc) -> None:
        self.close()
