"""The Ray path gives what a local run gives (claimcheck/cluster.py)."""

from __future__ import annotations

import pytest

from claimcheck.cluster import analyse_ray, claim_from_json, claim_to_json
from claimcheck.detect import ContradictionFinder
from claimcheck.nli import NLIModel
from claimcheck.types import Claim, Document

ENGLISH = (
    "The commander of the Syrian Democratic Forces said on Monday that victory would "
    "be announced within a week. President Donald Trump told reporters that the "
    "territory had been fully retaken. A coalition spokesman said that 3,000 fighters "
    "were still inside the town."
)


def test_claims_travel_as_json_unchanged():
    claim = Claim("النصر خلال أسبوع", (10, 26), "قائد", (0, 4), "قال", "قائد", "ar", "d1", "قائد")
    assert claim_from_json(claim_to_json(claim)) == claim
    bare = Claim("x y z", (0, 5))
    assert claim_from_json(claim_to_json(bare)) == bare


def test_an_unsaved_model_cannot_be_sent_to_workers(tmp_path):
    model = NLIModel.__new__(NLIModel)  # an in-memory model: no folder to rebuild it from
    model.path = None
    finder = ContradictionFinder(nli_model=model)
    with pytest.raises(ValueError, match="never saved"):
        analyse_ray(["text"], finder=finder)


@pytest.fixture(scope="module")
def local_ray():
    # Module scope: started before the per-test network guard, which would
    # refuse the sockets Ray opens on this machine.
    import ray  # the test extra installs it (pyproject.toml): no skip when missing
    ray.init(num_cpus=2, include_dashboard=False, log_to_driver=False)
    yield ray
    ray.shutdown()


@pytest.mark.slow
def test_ray_finds_what_the_local_run_finds(local_ray, seed_text):
    docs = [Document(seed_text, "seed"), Document(ENGLISH, "en")]
    local = ContradictionFinder().analyse(docs)
    # One document and few pairs per batch: the work is really split.
    spread = analyse_ray(docs, documents_per_batch=1, pairs_per_batch=8)
    assert spread.claims == local.claims
    assert len(spread.contradictions) == len(local.contradictions) > 0
    for mine, theirs in zip(spread.contradictions, local.contradictions):
        assert (mine.claim_a, mine.claim_b) == (theirs.claim_a, theirs.claim_b)
        assert mine.score == pytest.approx(theirs.score, abs=2e-3)
        assert mine.kind == theirs.kind and mine.reasons == theirs.reasons
    speakers = {frozenset((c.claim_a.speaker, c.claim_b.speaker))
                for c in spread.contradictions}
    assert frozenset(("قائد في قوات سوريا الديمقراطية", "الرئيس الأمريكي دونالد ترامب")) \
        in speakers


def test_every_switch_of_the_finder_reaches_the_workers():
    """Workers rebuild the finder from _settings: a check turned off on the
    driver must be off on them too."""
    import dataclasses

    from claimcheck.cluster import _settings
    from claimcheck.detect import ContradictionFinder

    switches = [f.name for f in dataclasses.fields(ContradictionFinder)
                if isinstance(f.default, bool)]
    assert {"nli_needs_cue", "numbers_need_reason", "assertions_only"} <= set(switches)
    flipped = ContradictionFinder(**{name: not getattr(ContradictionFinder, name)
                                     for name in switches})
    settings = _settings(flipped)
    assert {name: settings[name] for name in switches} == {
        name: getattr(flipped, name) for name in switches}


def test_a_tagger_object_is_refused_for_ray_workers_and_a_switch_travels():
    from claimcheck.cluster import _settings
    from claimcheck.detect import ContradictionFinder
    from claimcheck.text.tagger import AttributionTagger

    tagger = object.__new__(AttributionTagger)  # never loaded: only its type matters here
    with pytest.raises(ValueError, match="tagger object cannot be sent"):
        _settings(ContradictionFinder(tagger=tagger))
    assert _settings(ContradictionFinder(tagger=False))["tagger"] is False
