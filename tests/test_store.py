"""The persistent claim store (claimcheck/store.py): real models, small inputs."""

from __future__ import annotations

import pytest

from claimcheck import find_contradictions
from claimcheck.cli import main
from claimcheck.store import INDEX_NAME, ClaimStore
from claimcheck.types import Document
from tests.conftest import REPO

SEED = (REPO / "seeds" / "baghuz_ar.txt").read_text(encoding="utf-8")
# Ours, written for these tests.
BRIDGE_A = Document("The mayor said the old bridge was safe and would stay open all winter.",
                    "a", "en", date="2026-11-01")
BRIDGE_B = Document("City engineers said the old bridge was unsafe and would close on Monday.",
                    "b", "en", date="2026-11-02")

pytestmark = pytest.mark.slow


def _pairs(found) -> set[tuple[str, str]]:
    return {tuple(sorted((c.claim_a.text, c.claim_b.text))) for c in found}


@pytest.fixture()
def finder():
    from claimcheck.detect import _shared_finder

    return _shared_finder()


def test_the_seed_clash_is_stored_with_both_speakers(tmp_path, finder) -> None:
    with ClaimStore(tmp_path / "s", finder=finder) as store:
        counts = store.add([Document(SEED, "seed", "ar")])
        found = store.contradictions()
    assert counts["documents"] == 1 and counts["contradictions"] == len(found) > 0
    assert any("قائد" in (c.claim_a.speaker or "") and "ترامب" in (c.claim_b.speaker or "")
               or "قائد" in (c.claim_b.speaker or "") and "ترامب" in (c.claim_a.speaker or "")
               for c in found[:3])
    # The same pairs as one find_contradictions call on the article.
    assert _pairs(found) == _pairs(find_contradictions(Document(SEED, "seed", "ar")))


def test_adding_again_changes_nothing_and_another_text_under_an_id_is_refused(tmp_path,
                                                                              finder) -> None:
    store = ClaimStore(tmp_path / "s", finder=finder)
    store.add([BRIDGE_A, BRIDGE_B])
    before = store.stats()
    again = store.add([BRIDGE_A, BRIDGE_B])
    assert again["skipped"] == 2 and again["documents"] == 0 and store.stats() == before
    with pytest.raises(ValueError, match="already in the store with another text"):
        store.add([Document("Something else entirely was said.", "a", "en")])
    store.close()


def test_articles_added_one_at_a_time_are_compared_with_the_stored_ones(tmp_path,
                                                                        finder) -> None:
    one_by_one = ClaimStore(tmp_path / "one", finder=finder)
    one_by_one.add([BRIDGE_A])
    assert one_by_one.contradictions() == []
    one_by_one.add([BRIDGE_B])
    together = ClaimStore(tmp_path / "both", finder=finder)
    together.add([BRIDGE_A, BRIDGE_B])
    assert _pairs(one_by_one.contradictions()) == _pairs(together.contradictions()) != set()
    assert one_by_one.stats() == together.stats()


def test_an_interrupted_add_loses_nothing_and_does_no_work_twice(tmp_path, finder,
                                                                 monkeypatch) -> None:
    store = ClaimStore(tmp_path / "s", finder=finder)
    score = finder.score

    def interrupted(*args, **kwargs):
        # The first batch (one article) has no pair to score; the second has.
        raise KeyboardInterrupt

    monkeypatch.setattr(finder, "score", interrupted)
    with pytest.raises(KeyboardInterrupt):
        store.add([BRIDGE_A, BRIDGE_B], batch_size=1)
    assert store.stats()["documents"] == 1  # the first batch is stored whole
    monkeypatch.setattr(finder, "score", score)
    counts = store.add([BRIDGE_A, BRIDGE_B], batch_size=1)
    assert counts["skipped"] == 1 and counts["documents"] == 1
    assert store.stats()["documents"] == 2 and store.contradictions()


def test_a_lost_index_is_rebuilt_from_the_database(tmp_path, finder) -> None:
    folder = tmp_path / "s"
    with ClaimStore(folder, finder=finder) as store:
        store.add([BRIDGE_A])
        claims = store.stats()["claims"]
    (folder / INDEX_NAME).unlink()
    with ClaimStore(folder, finder=finder) as store:
        assert len(store.index) == claims
        store.add([BRIDGE_B])
        assert store.contradictions()


def test_a_store_path_that_is_a_file_is_an_error(tmp_path) -> None:
    path = tmp_path / "file"
    path.write_text("x")
    with pytest.raises(NotADirectoryError):
        ClaimStore(path)


def test_the_index_command_adds_and_lists(tmp_path, capsys) -> None:
    article = tmp_path / "seed.txt"
    article.write_text(SEED, encoding="utf-8")
    store = str(tmp_path / "s")
    assert main(["index", "add", "-q", store, str(article)]) == 0
    assert '"documents": 1' in capsys.readouterr().out
    assert main(["index", "find", "-q", store, "--json"]) == 0
    out = capsys.readouterr().out
    assert "ترامب" in out and out.count("\n") >= 1
    assert main(["index", "find", "-q", str(tmp_path / "none")]) == 2
    assert "no claim store" in capsys.readouterr().err
