"""A large English news corpus for the ``scale`` benchmark, recombined from
the real articles in ``../shared``.

    from corpus import recombined_corpus, source_articles
    docs = recombined_corpus(10_000, source_articles())

The real English articles available are the 924 PolNeAR articles (train and
dev) and the FNC-1 article bodies (the premises of
``nli/fnc1-train-en/train.jsonl``, each body once). A corpus of 10,000 is
made by recombination: each article is a run of consecutive paragraphs from
one source article followed by a run from another, so that reported speech
keeps the sentences around it (a "he said" after its name) and the claims
are real journalists' sentences. No two articles are alike: each is one
combination of (source, first paragraph, length) twice, drawn once. The
corpus is deterministic for a seed. Derived from ``../shared`` text: it is
built in memory by the benchmark and never written into the project.
"""

from __future__ import annotations

import json
import random
import re
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
SHARED = REPO.parent / "shared" / "data"
POLNEAR = SHARED / "attribution" / "polnear"
FNC_BODIES = SHARED / "nli" / "fnc1-train-en" / "train.jsonl"

_PARAGRAPH = re.compile(r"\n\s*\n|\n(?=\S)|\s{3,}")


def paragraphs(text: str) -> list[str]:
    """The text's paragraphs: blank-line (or line) separated, else split at
    runs of three or more spaces (how some FNC-1 bodies join theirs)."""
    return [p.strip() for p in _PARAGRAPH.split(text) if len(p.strip()) > 1]


def source_articles(polnear: Path = POLNEAR, fnc_bodies: Path | None = FNC_BODIES
                    ) -> list[tuple[str, list[str]]]:
    """``(name, paragraphs)`` of every real English article: PolNeAR train
    and dev, then each distinct FNC-1 body (when the file is there)."""
    out = []
    for split in ("train", "dev"):
        for path in sorted((polnear / split / "text").glob("*.txt")):
            out.append((f"polnear/{split}/{path.stem}", paragraphs(path.read_text("utf-8"))))
    if fnc_bodies is not None and fnc_bodies.is_file():
        seen = set()
        for line in fnc_bodies.read_text(encoding="utf-8").splitlines():
            body = json.loads(line)["premise"] if line.strip() else ""
            if body and body not in seen:
                seen.add(body)
                out.append((f"fnc1/{len(seen)}", paragraphs(body)))
    return [(name, paras) for name, paras in out if paras]


def recombined_corpus(n: int, sources: list[tuple[str, list[str]]], *, seed: int = 0,
                      run: tuple[int, int] = (2, 6), prefix: str = "mix") -> list:
    """``n`` distinct articles, each two runs of ``run[0]``–``run[1]``
    consecutive paragraphs from two different source articles.

    Returns
    -------
    list of claimcheck.Document
        Ids ``{prefix}-00000`` ...; language "en".
    """
    from claimcheck.types import Document

    if len(sources) < 2:
        raise ValueError("need at least two source articles")
    rng = random.Random(seed)
    seen: set[tuple] = set()
    docs = []
    for _ in range(100 * n + 100):
        if len(docs) == n:
            break
        a, b = rng.sample(range(len(sources)), 2)
        parts, key = [], []
        for k in (a, b):
            paras = sources[k][1]
            length = min(len(paras), rng.randint(*run))
            start = rng.randrange(len(paras) - length + 1)
            parts += paras[start:start + length]
            key.append((k, start, length))
        if tuple(key) in seen:
            continue
        seen.add(tuple(key))
        docs.append(Document("\n\n".join(parts), f"{prefix}-{len(docs):05d}", "en"))
    if len(docs) < n:
        raise ValueError(f"only {len(docs)} distinct articles from these sources, not {n}")
    return docs
