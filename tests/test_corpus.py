"""The scale benchmark's recombined corpus (benchmarks/corpus.py)."""

from __future__ import annotations

import importlib.util

import pytest

from tests.conftest import REPO

spec = importlib.util.spec_from_file_location("corpus", REPO / "benchmarks" / "corpus.py")
corpus = importlib.util.module_from_spec(spec)
spec.loader.exec_module(corpus)

SOURCES = [(f"s{i}", [f"Paragraph {j} of source {i}, the minister said." for j in range(8)])
           for i in range(5)]


def test_articles_are_distinct_runs_of_two_sources_and_deterministic():
    docs = corpus.recombined_corpus(200, SOURCES, seed=3)
    assert len(docs) == len({d.text for d in docs}) == 200
    assert [d.id for d in docs[:2]] == ["mix-00000", "mix-00001"]
    assert docs == corpus.recombined_corpus(200, SOURCES, seed=3)
    for doc in docs[:20]:
        parts = doc.text.split("\n\n")
        sources = [p.rsplit("source ", 1)[1].split(",")[0] for p in parts]
        assert 2 <= len(set(sources)) and sources == sorted(sources, key=sources.index)
        assert all(p in dict(SOURCES)[f"s{s}"] for p, s in zip(parts, sources))


def test_paragraphs_split_on_blank_lines_and_wide_gaps():
    assert corpus.paragraphs("One.\n\nTwo.\n  \nThree.") == ["One.", "Two.", "Three."]
    assert corpus.paragraphs("A body.   Another part.") == ["A body.", "Another part."]
    with pytest.raises(ValueError, match="two source"):
        corpus.recombined_corpus(1, SOURCES[:1])
