"""``find_contradictions``: from articles to ranked, attributed contradictions.

The pipeline, one call per stage::

    documents -> extract_claims -> Encoder.encode -> candidate_pairs
              -> NLIModel.predict (both directions) -> calibration -> reasons
              -> Contradiction, sorted by score

:class:`ContradictionFinder` owns the models (loaded on first use);
:func:`find_contradictions` uses one shared finder so that repeated calls do
not reload them.
"""

from __future__ import annotations

import contextlib
import functools
import numbers
import os
import re
import time
from collections import Counter
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, fields
from dataclasses import replace as dataclass_replace
from types import MappingProxyType

import numpy as np

from claimcheck.assertion import (
    asserted_text,
    asserts,
    demands,
    denied_statement,
    is_denial,
    is_poll,
    polarity_differs,
    quantified,
)
from claimcheck.calibration import PlattScaler, combine_directions
from claimcheck.decision import DecisionStage, PairEvidence, same_source
from claimcheck.encoder import Encoder
from claimcheck.nli import NLIModel, default_model_path
from claimcheck.pairs import (
    DEFAULT_MIN_SIMILARITY,
    DEFAULT_TOP_K,
    candidate_pairs,
    nearest_in_each_language,
    screen,
)
from claimcheck.reasons import (
    RULE_LANGS,
    Reason,
    _later,
    combine,
    days_apart,
    find_reasons,
    negates_a_shared_word,
    other_times,
    repeats_negated_phrase,
    reported_clash,
    same_subject,
)
from claimcheck.reasons.fold import _fold
from claimcheck.results import Analysis
from claimcheck.sources import link_sources
from claimcheck.text import extract_claims, split_sentences
from claimcheck.text.attribution.relations import tagger_inputs
from claimcheck.text.normalize import folded_words
from claimcheck.text.tagger import AttributionTagger, shipped_tagger
from claimcheck.types import Claim, ClaimPair, Contradiction, Document

#: Probability above which a pair is reported when the model's calibration
#: does not name a threshold of its own (see :attr:`PlattScaler.threshold`).
DEFAULT_THRESHOLD = 0.5

#: The cascade's second stage: the reverse NLI direction (claim B as premise)
#: is run only when the first gives a contradiction probability of at least
#: this, or a rule sees a clash. On the e2e dev cases every gold contradiction
#: the full comparison reported had at least 0.85 in its first direction or a
#: reason; 0.05 and 0.2 kept the same pairs there.
REVERSE_FLOOR = 0.2

#: Claims of two articles published more than this many days apart are not
#: compared: a week is a news cycle, and a later article that disagrees with
#: an older one mostly reports what changed (an update), not a clash. The
#: e2e dev cases' articles lie at most 5 days apart; in the Arabic real-news
#: collection (articles from 2013-2018) over a third of the pairs reported
#: without this came from articles months apart.
MAX_DAYS_APART = 7

#: The settings that turn off every check keeping a candidate pair from the
#: NLI model (:meth:`ContradictionFinder.timely` and
#: :meth:`ContradictionFinder.related`): with them, and the cascade off,
#: every candidate pair is scored both ways. The benchmarks use it to show
#: what the checks cost and save (``with finder.changed(**GATES_OFF)``).
GATES_OFF: Mapping[str, object] = MappingProxyType({
    "max_days_apart": None, "same_subject": False, "self_needs_reason": False,
    "assertions_only": False, "numbers_need_reason": False, "nli_needs_cue": False,
    "same_time": False, "negation_on_a_shared_word": False,
})

DocumentLike = str | Document
_UNSET = object()

def as_documents(documents: DocumentLike | Iterable[DocumentLike]) -> list[Document]:
    """Normalise the accepted inputs to a list of :class:`Document`.

    Strings get ids ``doc0``, ``doc1``, ... by position; Documents without an
    id get the same. An automatic id that a caller's Document already uses
    gets a suffix (``doc1-1``) instead.

    Raises
    ------
    TypeError
        For anything but a string, a Document or an iterable of them.
    ValueError
        Two Documents carry the same id.
    """
    if isinstance(documents, (str, Document)):
        documents = [documents]
    if documents is None or isinstance(documents, (bytes, dict)) or not isinstance(
        documents, Iterable
    ):
        raise TypeError(
            "documents must be a string, a Document or a list of them, "
            f"got {type(documents).__name__}"
        )
    documents = list(documents)
    for n, doc in enumerate(documents):
        if not isinstance(doc, (str, Document)):
            raise TypeError(f"document {n} is {type(doc).__name__}, not str or Document")
    given = Counter(d.id for d in documents if isinstance(d, Document) and d.id is not None)
    repeated = sorted(i for i, times in given.items() if times > 1)
    if repeated:
        raise ValueError(f"document ids must be unique: {repeated} given more than once")
    taken = set(given)
    out = []
    for n, doc in enumerate(documents):
        if isinstance(doc, Document) and doc.id is not None:
            out.append(doc)
            continue
        # An automatic id never takes one the caller chose for another document.
        auto, k = f"doc{n}", 1
        while auto in taken:
            auto, k = f"doc{n}-{k}", k + 1
        taken.add(auto)
        out.append(Document(text=doc, id=auto) if isinstance(doc, str)
                   else Document(doc.text, auto, doc.lang, doc.title, doc.date))
    return out


@dataclass
class ContradictionFinder:
    """The models and settings behind :func:`find_contradictions`.

    Parameters
    ----------
    nli_model : path, NLIModel or None
        The NLI model (default: the shipped one).
    encoder : Encoder or None
        The claim encoder (default: multilingual-e5-small).
    threshold : float, optional
        Reported pairs have at least this calibrated probability. None (the
        default) takes the threshold saved in the model's calibration (the
        one that maximised contradiction F1 on our dev claim pairs), else
        :data:`DEFAULT_THRESHOLD`.
    top_k : int
        Nearest neighbours each claim is compared with.
    min_similarity : float
        Cosine floor for candidate pairs.
    batch_size : int
        Batch size of the encoder and the NLI model.
    attributed_only : bool
        Compare only claims with a speaker (the default: a contradiction a
        journalist reports is between sources); False also compares the
        article's own, unattributed statements.
    cascade : bool
        Spend the cross-encoder only where it can matter (the default).
        Stage 1 (:func:`~claimcheck.pairs.screen`): of the candidate pairs,
        keep each claim's nearest neighbour in each language and every pair
        in which a rule sees a clash (a negation cue only when the other
        claim repeats the negated phrase; see ``negation_alone``). Stage 2:
        NLI with claim A as premise;
        the reverse direction only when that gives at least ``reverse_floor``,
        one claim is a denial or a rule fired (a negation cue alone counts
        only on a nearest pair); a pair that gets no reverse direction is
        dropped.
        False scores every candidate pair both ways (what the benchmark
        compares the cascade with).
    reverse_floor : float
        Stage 2's floor (default :data:`REVERSE_FLOOR`, 0.2); 0 turns stage
        2 off (every pair stage 1 keeps is read both ways).
    max_days_apart : int or None
        Claims of two documents whose dates (``Document.date``) lie further
        apart than this are never compared (default :data:`MAX_DAYS_APART`,
        a week); None compares them whatever their dates. Documents without
        a date are always compared.
    same_subject : bool
        Compare two claims of one language only when they share a content
        word or a topic (:func:`claimcheck.reasons.same_subject`; the
        default); False leaves every candidate pair to the NLI model.
    self_needs_reason : bool
        Compare two claims of one source in one document
        (:func:`~claimcheck.decision.same_source`) only when a rule sees a
        clash in them (a number, future vs done, an antonym, a clash the
        article reports, a negation whose negated phrase the other claim
        repeats: what keeps a pair in the cascade's first stage; the
        default): within one article a source seldom contradicts itself,
        and two parts of one statement read by the NLI model alone were most
        of the one-source pairs it reported on real news. (Asking of a
        negation what the cascade asks removed one false alarm on the e2e
        dev cases and one reported pair on PolNeAR dev:
        ``benchmarks/run_benchmark.py e2e alarms``.) A source in two
        articles may have changed its word: such pairs are always compared.
    negation_alone : bool
        Let a negation cue and a shared word alone keep a pair that is no
        claim's nearest in the cascade's first stage (the cascade before
        this option; False, the default, asks that the other claim repeat
        the negated phrase, :func:`~claimcheck.reasons.repeats_negated_phrase`).
        With the default, PolNeAR dev's 84 articles took 0.65 cross-encoder
        calls per claim instead of 0.89 (``benchmarks/run_benchmark.py
        alarms``), and the e2e dev cases lost no gold contradiction and one
        false alarm (``... e2e``).

    assertions_only : bool
        Compare a claim whose cue does not assert it (:func:`~claimcheck.assertion.asserts`:
        "Trump touted the poll", "Sanders is calling for a ban", "Cruz
        mocked Rubio") only when a rule sees a clash in the pair (the
        default; :meth:`_clash_seen`). On 168 PolNeAR *train* articles such
        claims were in 10 of the 25 reported pairs, none of them a clash
        (``benchmarks/run_benchmark.py alarms --alarm-sets polnear-dev
        --polnear ../shared/data/attribution/polnear/train --limit 168``).
    numbers_need_reason : bool
        Compare two claims that both state a quantity ("about 45,000 people
        had fled", "more than 40,000 were displaced") only when a rule sees
        something in the pair (the default): whether two numbers measure one
        thing and disagree is the number rule's to say
        (:func:`~claimcheck.reasons.find_reasons`); the NLI model reads such
        pairs close to chance (it called "150 basis points" against "1.5
        percentage points", and "16 civilians were killed" against "at least
        16 civilians were killed", contradictions). On the e2e dev cases this
        removed 8 false alarms and 2 right pairs; on realnews/ar 2 reported
        pairs and on 840 PolNeAR train articles 4, none a clash by our
        reading (``benchmarks/run_benchmark.py e2e alarms``).
    nli_needs_cue : bool
        Compare two Arabic or English claims in which no rule sees anything
        only when one has a negation cue and the other none (a denial counts
        as one; a negative prefix too: "safe" / "unsafe") (the default):
        the NLI model alone calls related, compatible claims of one story
        contradictions ("the fire was a plot to hit the country" / "the
        fire was a conspiracy to force a new election"), and the clashes it
        alone found were almost all a statement against a negation ("no
        cholera case was recorded" / "several suspected cases were
        recorded"). On the e2e dev cases precision went from 0.654 (17 of
        26 reported pairs right) to 0.762 (16 of 21; the pair lost is listed
        as an optional clash), recall unchanged; on our own articles it
        removed 3 false alarms and nothing right; on realnews/ar 10 of 17
        reported pairs, realnews/en 4 of 12, 840 PolNeAR train articles 25
        of 55, by our reading one real clash among them (a talc maker's
        "studies show it is safe" against users' "it caused our cancers").
        Claims in other languages are left to the NLI model.
    same_time : bool
        Never compare two claims that name different times of one span
        (:func:`~claimcheck.reasons.other_times`: "this year" / "next year",
        "last week" / "this week", "العام الماضي" / "هذا العام"), unless the
        article reports their clash (the default): they speak of two times,
        and a clash needs one. On realnews/ar it removed one false alarm
        ("the works entered this year are not funny enough" / "we hope to
        give two prizes next year to a very funny book"); the e2e dev cases,
        our articles and 840 PolNeAR train articles lost nothing
        (``benchmarks/run_benchmark.py e2e alarms``).
    negation_on_a_shared_word : bool
        Compare two Arabic or English claims in which the rules see only a
        negation cue, neither a denial, only when the negation is of a word
        the other claim has in some form (the default;
        :func:`~claimcheck.reasons.negates_a_shared_word`: one of the two
        content words after the cue; "did not hold" / "held", "لم ينسحب" /
        "انسحب"): "the sirens had not sounded" / "all 23 sirens had
        sounded", but not "the Budget would not put at risk the stability
        of the economy" / "Brown has failed to tackle unfairness in the tax
        system", which share a name and a topic and which the NLI model
        calls a contradiction at 0.95. Chosen after reading the real-news
        false alarms: reported pairs on realnews/ar 6 -> 4 and realnews/en 7 -> 5,
        none a clash by our reading; on 840 PolNeAR train articles, which
        the rule was not written on, 52 -> 47, four of the five gone not a
        clash by our reading and one arguable ("work ... is ongoing"
        against "has yet to follow up"). It costs the e2e dev cases one
        right pair ("all hospitals ran on generators and medical services
        were not affected" / "the two operating rooms stopped": recall
        0.56 -> 0.54). The reach was then cut from three words to two on
        the PolNeAR train articles: 46 -> 38 reported, seven of the eight
        gone no clash by our reading (a third word is what the negated
        predicate is about: "did nothing to fix the unfair tax"), the e2e
        dev cases and ours unchanged.
    tagger : AttributionTagger, bool or None
        The learned attribution tagger that reads what the rules miss. None
        or True (the default): the shipped one,
        :func:`~claimcheck.text.tagger.shipped_tagger`, fast on English;
        ``full_tagger()`` reads English with the 12-layer tagger, more
        accurate at less than half the speed (its model card); False: the
        rules alone. Ray workers take only None or a bool.

    Attributes
    ----------
    work : collections.Counter
        Running totals over this finder's calls: ``candidates`` (pairs
        offered to :meth:`score`), ``pairs`` (scored with NLI) and
        ``nli_predictions`` (cross-encoder calls, one per pair and direction),
        ``kept_nearest`` and ``kept_by_rule`` (pairs the cascade's first
        stage keeps as a nearest neighbour, or only for a rule's reason),
        ``reverse`` (pairs read in both directions) and ``reverse_by_score``
        (of those, the pairs whose first reading reached ``reverse_floor``),
        ``apart``, ``temporary``, ``unrelated``, ``self_unreasoned``, ``unasserted``,
        ``numbers_unreasoned``, ``no_cue``, ``negation_elsewhere`` and
        ``other_times`` (candidate
        pairs never compared: their articles too far apart in time, an
        earlier claim of a state that holds for a while against a later one, no
        content word in common, one source twice with no rule seeing a
        clash, a claim its cue does not assert with no rule seeing a clash,
        two claims stating quantities, or two of one polarity, with no rule
        seeing anything, a negation of something the other claim does not
        say, two claims naming different times),
        and wall seconds spent in ``seconds_extract`` (claims),
        ``seconds_reasons`` (the rules on candidate pairs) and ``seconds_nli``.
    """

    nli_model: str | os.PathLike | NLIModel | None = None
    encoder: Encoder | None = None
    threshold: float | None = None
    top_k: int = DEFAULT_TOP_K
    min_similarity: float = DEFAULT_MIN_SIMILARITY
    batch_size: int = 32
    attributed_only: bool = True
    cascade: bool = True
    reverse_floor: float = REVERSE_FLOOR
    max_days_apart: int | None = MAX_DAYS_APART
    same_subject: bool = True
    self_needs_reason: bool = True
    negation_alone: bool = False
    assertions_only: bool = True
    numbers_need_reason: bool = True
    nli_needs_cue: bool = True
    same_time: bool = True
    negation_on_a_shared_word: bool = True
    tagger: AttributionTagger | bool | None = None

    def __post_init__(self) -> None:
        self.reverse_floor = _probability(self.reverse_floor, "reverse_floor")
        if self.max_days_apart is not None:
            if isinstance(self.max_days_apart, bool) or not isinstance(
                    self.max_days_apart, numbers.Integral) or self.max_days_apart < 0:
                raise ValueError("max_days_apart must be a non-negative integer or None, "
                                 f"got {self.max_days_apart!r}")
            self.max_days_apart = int(self.max_days_apart)
        self.work: Counter[str] = Counter()
        if self.threshold is not None:
            self.threshold = _probability(self.threshold)
        self.top_k = _positive_int(self.top_k, "top_k")
        self.batch_size = _positive_int(self.batch_size, "batch_size")
        if self.tagger is not None and not isinstance(self.tagger, (AttributionTagger, bool)):
            raise TypeError("tagger must be an AttributionTagger, a bool or None, "
                            f"got {type(self.tagger).__name__}")
        self._nli: NLIModel | None = self.nli_model if isinstance(self.nli_model, NLIModel) \
            else None
        self._calibration: PlattScaler | None = None
        self._decision: DecisionStage | None | object = _UNSET

    @contextlib.contextmanager
    def changed(self, **settings: object) -> Iterator[ContradictionFinder]:
        """Within a ``with`` block, this finder with ``settings`` changed
        (fields of the dataclass: ``cascade=False``, ``**GATES_OFF``), the
        loaded models kept; the old values come back when the block ends,
        even on an error. The values are not checked as the constructor
        checks them (a bad one fails where it is used, in Ray workers too).

        Raises
        ------
        TypeError
            If a setting names no field of the finder, or names the models
            (``nli_model``, ``encoder``: loaded once and cached; build
            another finder for another model).
        """
        unknown = sorted(set(settings) - {f.name for f in fields(self)})
        if unknown:
            raise TypeError(f"ContradictionFinder has no setting {', '.join(unknown)}")
        models = sorted(set(settings) & {"nli_model", "encoder"})
        if models:
            raise TypeError(f"changed() cannot swap {', '.join(models)}: the loaded model is "
                            "cached; build another ContradictionFinder")
        saved = {name: getattr(self, name) for name in settings}
        try:
            for name, value in settings.items():
                setattr(self, name, value)
            yield self
        finally:
            for name, value in saved.items():
                setattr(self, name, value)

    @property
    def nli(self) -> NLIModel:
        if self._nli is None:
            self._nli = NLIModel.load(self.nli_model,  # type: ignore[arg-type]
                                      tokenizer=self._encoder().tokenizer)
        return self._nli

    def _encoder(self) -> Encoder:
        if self.encoder is None:
            self.encoder = Encoder()
        return self.encoder

    @property
    def calibration(self) -> PlattScaler:
        """The calibration saved beside the NLI model (identity for an in-memory
        model that was never saved)."""
        if self._calibration is None:
            path = self.nli.path
            self._calibration = PlattScaler.load(path) if path is not None else PlattScaler()
        return self._calibration

    @property
    def default_threshold(self) -> float:
        """``threshold`` if set, else the decision stage's, else the
        calibration's, else DEFAULT_THRESHOLD."""
        if self.threshold is not None:
            return float(self.threshold)
        if self.decision is not None:
            return float(self.decision.threshold)
        saved = self.calibration.threshold
        return float(saved) if saved is not None else DEFAULT_THRESHOLD

    def extract(self, documents: Sequence[Document], *,
                show_progress_bar: bool | None = None) -> list[Claim]:
        """Each document's claims (with a speaker unless ``attributed_only`` is
        off), in document order; sources not yet linked across documents."""
        # The tagger reads every document's English in one batched pass
        # (one-line documents would otherwise pay a forward pass each).
        started = time.perf_counter()
        parts = [part for doc in documents for part in tagger_inputs(doc.text, doc.lang)]
        model = shipped_tagger() if self.tagger in (None, True) else self.tagger
        tagger = model.prefetched(parts, show_progress_bar=show_progress_bar) \
            if parts and model is not False else False
        claims = []
        for doc in documents:
            claims += extract_claims(doc.text, lang=doc.lang, doc_id=doc.id, tagger=tagger)
        if self.attributed_only:
            claims = [c for c in claims if c.speaker is not None]
        self.work.update(seconds_extract=time.perf_counter() - started)
        return claims

    def claims(self, documents: Sequence[Document], *,
               show_progress_bar: bool | None = None) -> list[Claim]:
        """The claims to compare (with a speaker unless ``attributed_only`` is
        off), in document order, their sources linked across documents."""
        return self.link(self.extract(documents, show_progress_bar=show_progress_bar))

    def link(self, claims: Sequence[Claim]) -> list[Claim]:
        """The claims with ``source`` set: one key per source across documents
        ("Trump" / "Donald Trump" / "ترامب"; :func:`~claimcheck.sources.link_sources`)."""
        claims = list(claims)
        if len({c.doc_id for c in claims}) < 2:
            return link_sources(claims)
        return link_sources(claims, embed=lambda names: self._encoder().encode(
            names, batch_size=self.batch_size, show_progress_bar=False))

    def pairs(self, claims: Sequence[Claim], *, top_k: int | None = None,
              show_progress_bar: bool | None = None) -> list[ClaimPair]:
        """Candidate pairs: near neighbours in e5 space (identical texts embedded once)."""
        if len(claims) < 2:
            return []
        unique = sorted({c.text for c in claims})
        vectors = self._encoder().encode(unique, batch_size=self.batch_size,
                                      show_progress_bar=show_progress_bar)
        row = {text: i for i, text in enumerate(unique)}
        embeddings = vectors[[row[c.text] for c in claims]]
        return candidate_pairs(claims, embeddings, top_k=top_k or self.top_k,
                               min_similarity=self.min_similarity)

    @property
    def decision(self) -> DecisionStage | None:
        """The decision stage saved beside the NLI model (``decision.json``), if any."""
        if self._decision is _UNSET:
            path = self.nli.path
            self._decision = DecisionStage.load(path) if path is not None else None
        return self._decision  # type: ignore[return-value]

    def evidence(self, pairs: Sequence[ClaimPair], documents: Sequence[Document],
                 *, show_progress_bar: bool | None = None
                 ) -> list[tuple[PairEvidence, list[Reason]]]:
        """NLI both ways, calibration and reasons for every pair the finder
        compares (:meth:`timely` and :meth:`related`; all of them when
        ``max_days_apart`` is None and ``same_subject`` off), in order.

        ``documents`` are those the claims come from: the reasons read the
        sentence each claim stands in."""
        return self._evidence(pairs, sentence_context(documents),
                              dates=document_dates(documents),
                              show_progress_bar=show_progress_bar)

    def _evidence(self, pairs: Sequence[ClaimPair], context: Callable[[Claim], str | None],
                  *, cascade: bool = False, nearest: Sequence[bool] | None = None,
                  dates: Callable[[Claim], str | None] | None = None,
                  show_progress_bar: bool | None = None
                  ) -> list[tuple[PairEvidence, list[Reason]]]:
        """:meth:`evidence`; with ``cascade``, only for the pairs the cascade
        keeps (:attr:`cascade`), in order."""
        if not pairs:
            return []
        self.work.update(candidates=len(pairs))
        started = time.perf_counter()
        if cascade and nearest is None:
            # Ranked among all candidates, as the store and Ray paths do.
            nearest = nearest_in_each_language(pairs)
        timely = [self.timely(pair, dates) for pair in pairs]
        denied = {c: is_denial(c) for p in pairs for c in (p.a, p.b)}
        seen = [self._reasons(pair, context, denied, dates) if ok else []
                for pair, ok in zip(pairs, timely)]
        related = [i for i, (pair, ok) in enumerate(zip(pairs, timely))
                   if ok and self.related(pair, seen[i], denied)]
        if len(related) < len(pairs):
            pairs, seen = [pairs[i] for i in related], [seen[i] for i in related]
            nearest = None if nearest is None else [nearest[i] for i in related]
        self.work.update(seconds_reasons=time.perf_counter() - started)
        if not pairs:
            return []
        near = [True] * len(pairs)
        if cascade:  # stage 1: nearest neighbours and pairs a rule sees a clash in
            assert nearest is not None
            kept = screen(nearest, [self._clash_seen(pair, found)
                                    for pair, found in zip(pairs, seen)])
            self.work.update(kept_nearest=sum(bool(nearest[i]) for i in kept),
                             kept_by_rule=sum(not nearest[i] for i in kept))
            near = [nearest[i] for i in kept]
            pairs, seen = [pairs[i] for i in kept], [seen[i] for i in kept]
        nli = self.nli
        started = time.perf_counter()
        column = nli.label_index("contradiction")
        entail = nli.label_index("entailment")
        n = len(pairs)
        first = nli.predict([(p.a.text, p.b.text) for p in pairs], batch_size=self.batch_size,
                            show_progress_bar=show_progress_bar)
        # Stage 2 (cascade): the reverse direction only where the first is not
        # confidently compatible, a rule sees a clash, or one claim is a denial.
        # A negation cue alone, on a pair that is no claim's nearest, does not
        # count as a clash here: in news most such pairs share a name and a
        # "not" (a seventh of all calls on 200 recombined articles), and the
        # e2e dev cases lost nothing without their reverse reading.
        back = [i for i, pair in enumerate(pairs)
                if not cascade or first[i, column] >= self.reverse_floor
                or denied[pair.a] != denied[pair.b]
                or (seen[i] and (near[i] or any(r.kind != "negation" for r in seen[i])))]
        second = nli.predict([(pairs[i].b.text, pairs[i].a.text) for i in back],
                             batch_size=self.batch_size, show_progress_bar=False) \
            if back else np.zeros((0, first.shape[1]), dtype=first.dtype)
        self.work.update(pairs=n, nli_predictions=n + len(back), reverse=len(back),
                         reverse_by_score=int(sum(first[i, column] >= self.reverse_floor
                                                  for i in back)))
        pairs, seen, first = [pairs[i] for i in back], [seen[i] for i in back], first[back]
        probs = np.concatenate([first, second])
        n = len(pairs)
        p_ab, p_ba = probs[:n, column].copy(), probs[n:, column].copy()
        e_ab, e_ba = probs[:n, entail].copy(), probs[n:, entail].copy()
        mixed = [i for i, pair in enumerate(pairs) if denied[pair.a] != denied[pair.b]]
        # One speaker denies Y, the other asserts Z: they clash when Z entails
        # Y. Y's "any" is made positive where it has one (denied_statement:
        # "some doors had been locked" is what Z must entail; "any doors had
        # been locked" reads as already negated), at one more call per pair.
        positive = {}
        for i in mixed:
            denial, other = (pairs[i].a, pairs[i].b) if denied[pairs[i].a] else (pairs[i].b,
                                                                                  pairs[i].a)
            statement = denied_statement(denial)
            if statement != denial.text:
                positive[i] = (other.text, statement)
        entailed = dict(zip(positive, nli.predict(
            list(positive.values()), batch_size=self.batch_size,
            show_progress_bar=False)[:, entail].tolist())) if positive else {}
        self.work.update(nli_predictions=len(positive),
                         seconds_nli=time.perf_counter() - started)
        for i in mixed:
            pair = pairs[i]
            # The entailment probability of (Z, Y) stands in for the
            # contradiction probability in both directions, and a
            # contradiction between the texts means agreement. (Z against
            # the denial written out, "It is not true that Y", was a second
            # reading until this was measured on XNLI dev: it ranks worse than
            # the entailment alone, benchmarks/denial_readings.py.)
            row = n + i if denied[pair.a] else i
            p_ab[i] = p_ba[i] = max(probs[row, entail], entailed.get(i, 0.0))
            e_ab[i] = e_ba[i] = probs[row, column]
        calibrated = np.atleast_1d(self.calibration(combine_directions(p_ab, p_ba)))
        out = []
        for i, pair in enumerate(pairs):
            reasons = self.calibration.weigh(seen[i])  # dev-measured weights
            out.append((PairEvidence(
                combined=float(calibrated[i]), contradiction_ab=float(p_ab[i]),
                contradiction_ba=float(p_ba[i]), entailment_ab=float(e_ab[i]),
                entailment_ba=float(e_ba[i]), reasons=tuple(r.kind for r in reasons),
                similarity=pair.similarity, claim_a=pair.a, claim_b=pair.b), reasons))
        return out

    def timely(self, pair: ClaimPair,
               dates: Callable[[Claim], str | None] | None = None) -> bool:
        """Whether a pair's articles lie at most :attr:`max_days_apart` days
        apart (``dates`` gives a claim's publication date; a missing date
        passes), and the earlier claim, when they are dated apart, does not
        say its state holds only for a while ("closed until engineers have
        examined them", "pending", "temporarily", "مؤقتا", "إلى حين").
        Counted in :attr:`work` as ``apart`` or ``temporary`` when not."""
        a, b = pair.a, pair.b
        if self.max_days_apart is None or dates is None or a.doc_id == b.doc_id:
            return True
        apart = days_apart(dates(a), dates(b))
        if apart is not None and apart > self.max_days_apart:
            self.work.update(apart=1)
            return False
        if apart:
            earlier = b if _later(dates(a), dates(b)) else a
            if _TEMPORARY.search(_fold(earlier.text).text):
                # "the four other bridges would be closed until engineers had
                # examined them", then a day later "officials reopened two of
                # them after engineers found no defects": a state said to
                # hold for a while, and what a later article says of it, are
                # an update, not a clash.
                self.work.update(temporary=1)
                return False
        return True

    def related(self, pair: ClaimPair, reasons: Sequence[Reason] = (),
                denied: Mapping[Claim, bool] | None = None) -> bool:
        """Whether a pair's claims may be about one subject
        (:func:`claimcheck.reasons.same_subject`, when :attr:`same_subject`
        is on), or the article itself reports their clash (a ``reported``
        reason among ``reasons``: "this contradicts what X said" links claims
        that need not share a word), or a ``count`` reason says they count
        one thing ("more than 50,000 people had taken part" / "the figure at
        about 8,000", a figure police put on it); and, for two claims of one source in
        one document (:attr:`self_needs_reason`) or for a claim its cue does
        not assert (:attr:`assertions_only`), whether a rule sees a clash in
        them (:meth:`_clash_seen`); for two claims that both state a quantity
        (:attr:`numbers_need_reason`), or two Arabic or English claims of one
        polarity (:attr:`nli_needs_cue`), whether a rule sees anything; for
        a pair in which the rules see only a negation, that it negates a word
        of the other claim (:attr:`negation_on_a_shared_word`); and
        that the two do not name different times (:attr:`same_time`).
        Counted in :attr:`work` as ``unrelated``, ``self_unreasoned``,
        ``unasserted``, ``numbers_unreasoned``, ``no_cue``,
        ``negation_elsewhere`` or ``other_times`` when not. ``denied``: which
        claims are denials (:func:`~claimcheck.assertion.is_denial`), when
        the caller has it."""
        a, b = pair.a, pair.b
        if self.self_needs_reason and a.doc_id == b.doc_id and same_source(a, b) \
                and not self._clash_seen(pair, reasons):
            self.work.update(self_unreasoned=1)
            return False
        if self.assertions_only and not (asserts(a) and asserts(b)) \
                and not self._clash_seen(pair, reasons):
            self.work.update(unasserted=1)
            return False
        if self.same_time and not any(r.kind == "reported" for r in reasons) \
                and other_times(a.text, b.text):
            self.work.update(other_times=1)
            return False
        if self.numbers_need_reason and not reasons and quantified(a) and quantified(b):
            self.work.update(numbers_unreasoned=1)
            return False
        if self.nli_needs_cue and not reasons and not polarity_differs(a, b):
            self.work.update(no_cue=1)
            return False
        if self.negation_on_a_shared_word and reasons \
                and all(r.kind == "negation" for r in reasons) \
                and a.lang in RULE_LANGS and b.lang in RULE_LANGS \
                and not (denied[a] if denied is not None else is_denial(a)) \
                and not (denied[b] if denied is not None else is_denial(b)) \
                and not negates_a_shared_word(a.text, b.text):
            self.work.update(negation_elsewhere=1)
            return False
        if not self.same_subject or any(r.kind in ("reported", "count") for r in reasons) \
                or same_subject(a.text, b.text, lang_a=a.lang, lang_b=b.lang):
            return True
        self.work.update(unrelated=1)
        return False

    def _clash_seen(self, pair: ClaimPair, reasons: Sequence[Reason]) -> bool:
        """Whether a rule's reason keeps a pair that is no claim's nearest
        in the cascade's first stage: any reason but a negation cue, which
        counts only when the other claim repeats the negated phrase
        (:func:`~claimcheck.reasons.negation.repeats_negated_phrase`), or
        always with :attr:`negation_alone`: a "not" and a shared word say
        little about whether two claims speak of one thing. A demand against
        a statement (:func:`~claimcheck.assertion.demands`: "must withdraw
        this reform" / "will not withdraw the reform") is no clash seen: a
        refusal answers a demand."""
        return any(r.kind != "negation" or self.negation_alone
                   or (repeats_negated_phrase(pair.a.text, pair.b.text)
                       and demands(pair.a) == demands(pair.b)) for r in reasons)

    @staticmethod
    def _reasons(pair: ClaimPair, context: Callable[[Claim], str | None],
                 denied: Mapping[Claim, bool],
                 dates: Callable[[Claim], str | None] | None = None) -> list[Reason]:
        """What the rules see in a pair (:func:`~claimcheck.reasons.find_reasons`),
        before the calibration weighs it."""
        contexts = {"context_a": context(pair.a), "context_b": context(pair.b)}
        when = {"date_a": dates(pair.a), "date_b": dates(pair.b)} if dates else {}
        reasons = find_reasons(asserted_text(pair.a), asserted_text(pair.b),
                               lang_a=pair.a.lang, lang_b=pair.b.lang, **contexts, **when)
        if denied[pair.a] or denied[pair.b]:
            # The article quotes the claims' own words, not our negated form:
            # a clash it reports is read against those (which also tells a
            # denial introducing one of the claims from a reported clash).
            clash = reported_clash(pair.a.text, pair.b.text, **contexts)
            reasons = [r for r in reasons if r.kind != "reported"] + ([clash] if clash else [])
        if is_poll(pair.a) and is_poll(pair.b):
            # Two polls' figures differ by sample and date, not by a clash.
            reasons = [r for r in reasons if r.kind not in ("count", "numeric")]
        return reasons

    def score(self, pairs: Sequence[ClaimPair],
              documents: Sequence[Document] | Callable[[Claim], str | None],
              *, nearest: Sequence[bool] | None = None,
              dates: Callable[[Claim], str | None] | None = None,
              show_progress_bar: bool | None = None) -> list[Contradiction]:
        """The pairs scored (unsorted, unthresholded): by the decision stage
        when the model has one, else calibrated NLI plus reason weights. With
        :attr:`cascade` on, only the pairs the cascade keeps come back;
        otherwise every pair it compares (:meth:`timely` and
        :meth:`related`), in order.

        ``documents``: the claims' documents, or a function giving the
        sentence a claim stands in (:func:`sentence_context`). ``nearest``:
        the cascade's nearest-neighbour flags
        (:func:`~claimcheck.pairs.nearest_in_each_language`), when ``pairs``
        is a part of the candidates (default: computed from ``pairs``).
        ``dates``: a function giving a claim's publication date
        (:func:`document_dates`; default: from ``documents`` when they are
        documents), which tells an update from a clash."""
        if callable(documents):
            context = documents
        else:
            context = sentence_context(documents)
            dates = dates if dates is not None else document_dates(documents)
        found = self._evidence(pairs, context, cascade=self.cascade, nearest=nearest,
                               dates=dates, show_progress_bar=show_progress_bar)
        if not found:
            return []
        decision = self.decision
        if decision is not None:
            scores = decision.probability([e for e, _ in found]).tolist()
        else:
            scores = [float(combine(e.combined, reasons)) for e, reasons in found]
        return [
            Contradiction(
                claim_a=e.claim_a,
                claim_b=e.claim_b,
                score=float(score),
                score_ab=e.contradiction_ab,
                score_ba=e.contradiction_ba,
                reason="; ".join(f"{r.kind}: {r.detail}" for r in reasons) or None,
                similarity=e.similarity,
                reasons=e.reasons,
                kind="self" if same_source(e.claim_a, e.claim_b) else "between-sources",
            )
            for (e, reasons), score in zip(found, scores)
        ]

    def analyse(
        self,
        documents: DocumentLike | Iterable[DocumentLike],
        *,
        threshold: float | None = None,
        top_k: int | None = None,
        show_progress_bar: bool | None = None,
    ) -> Analysis:
        """The whole run: the documents, every compared claim and the reported
        contradictions (what the JSON output and the HTML report show). The
        arguments are those of :func:`find_contradictions`."""
        threshold = self.default_threshold if threshold is None else _probability(threshold)
        top_k = None if top_k is None else _positive_int(top_k, "top_k")
        docs = [d for d in as_documents(documents) if d.text.strip()]
        claims = self.claims(docs, show_progress_bar=show_progress_bar)
        pairs = self.pairs(claims, top_k=top_k, show_progress_bar=show_progress_bar)
        scored = self.score(pairs, docs, show_progress_bar=show_progress_bar)
        found = fold_repeats(sorted((c for c in scored if c.score >= threshold),
                                    key=lambda c: (-c.score, c.claim_a.span, c.claim_b.span)))
        return Analysis(docs, claims, found, threshold, model=self._model_name())

    def _model_name(self) -> str | None:
        """The NLI model's folder, without loading the model to find it."""
        if self._nli is not None:
            return None if self._nli.path is None else str(self._nli.path)
        return str(self.nli_model if self.nli_model is not None else default_model_path())

    def __call__(
        self,
        documents: DocumentLike | Iterable[DocumentLike],
        *,
        threshold: float | None = None,
        top_k: int | None = None,
        show_progress_bar: bool | None = None,
    ) -> list[Contradiction]:
        return list(self.analyse(documents, threshold=threshold, top_k=top_k,
                                 show_progress_bar=show_progress_bar).contradictions)


#: Words that say a state holds only for a while: "closed until engineers
#: have examined them", "suspended pending an inquiry", "temporarily",
#: "مغلقة إلى حين", "مؤقتا", "ريثما" (not the adjective of a thing: "three
#: temporary camps", "a temporary ban").
#: Read on the folded text (:func:`~claimcheck.reasons.fold._fold`: "إلى"
#: as "الي", marks dropped); "until" of the past ("until now", "until 2019",
#: "up until last week") is no such state.
_TEMPORARY = re.compile(
    r"(?<!up )\buntil\b(?!\s+(?:now|recently|last|then|today|\d{4})\b)"
    r"|\b(?:till|pending|temporarily|for now|for the time being)\b"
    r"|(?<!\w)(?:مؤقتا|بشكل\s+مؤقت|الي\s+حين|لحين|ريثما)(?!\w)")


def _probability(value: object, name: str = "threshold") -> float:
    """``value`` as a float in [0, 1]; a bool or a string is a TypeError, not 1.0."""
    if isinstance(value, bool) or not isinstance(value, numbers.Real):
        raise TypeError(f"{name} must be a number in [0, 1], got {value!r} "
                        f"({type(value).__name__})")
    value = float(value)
    if not 0.0 <= value <= 1.0:  # NaN fails this too
        raise ValueError(f"{name} must be a probability in [0, 1], got {value}")
    return value


def _positive_int(value: object, name: str) -> int:
    """``value`` as an int of at least 1; True is not 1 here."""
    if isinstance(value, bool) or not isinstance(value, numbers.Integral):
        raise TypeError(f"{name} must be a positive integer, got {value!r} "
                        f"({type(value).__name__})")
    if value < 1:
        raise ValueError(f"{name} must be a positive integer, got {value}")
    return int(value)


def sentence_context(documents: Sequence[Document]) -> Callable[[Claim], str | None]:
    """A function giving the sentence a claim stands in (the article's own words
    around it, where a reported clash is written), None for a claim of none of
    these documents."""
    sentences = {d.id: split_sentences(d.text, d.lang) for d in documents}

    def context(claim: Claim) -> str | None:
        for s in sentences.get(claim.doc_id, []):
            if s.span[0] <= claim.span[0] < s.span[1]:
                return s.text
        return None

    return context


def document_dates(documents: Sequence[Document]) -> Callable[[Claim], str | None]:
    """A function giving the publication date of a claim's document
    (``Document.date``), None where it has none or is not among these."""
    dates = {d.id: d.date for d in documents}

    def date(claim: Claim) -> str | None:
        return dates.get(claim.doc_id)

    return date


def fold_repeats(found: Sequence[Contradiction]) -> list[Contradiction]:
    """Each clash once: a contradiction whose two claims say, word for word
    (:func:`~claimcheck.pairs.near_identical`: case, punctuation and Arabic
    marks aside), what an earlier one's two claims say is folded into that
    one's ``repeats`` instead of being reported again. Wire copies carry the
    same quotes into several articles; on ``realnews/ar`` 4 of 35 reported
    pairs were such repeats (``benchmarks/run_benchmark.py alarms``).

    ``found`` is ranked, highest score first; the order is kept.
    """
    out: list[Contradiction] = []
    first: dict[tuple[tuple[str, ...], ...], int] = {}
    for c in found:
        key = tuple(sorted((tuple(folded_words(c.claim_a.text)),
                            tuple(folded_words(c.claim_b.text)))))
        if key in first:
            k = first[key]
            out[k] = dataclass_replace(
                out[k], repeats=(*out[k].repeats, (c.claim_a, c.claim_b), *c.repeats))
        else:
            first[key] = len(out)
            out.append(c)
    return out


@functools.cache
def _shared_finder() -> ContradictionFinder:
    # One finder per process so repeated calls reuse the loaded models.
    return ContradictionFinder()


def find_contradictions(
    documents: DocumentLike | Iterable[DocumentLike],
    *,
    threshold: float | None = None,
    top_k: int | None = None,
    show_progress_bar: bool | None = None,
) -> list[Contradiction]:
    """Find contradictions between the attributed claims of articles.

    Parameters
    ----------
    documents : str, Document, or a list of them
        The articles (Arabic, English, or any language e5 covers). Pairs are
        looked for within and across documents and languages.
    threshold : float, optional
        Report pairs whose calibrated probability is at least this
        (default: the threshold saved with the model's calibration, which
        maximised contradiction F1 on our dev claim pairs; :data:`DEFAULT_THRESHOLD`
        when there is none).
    top_k : int, optional
        Nearest neighbours each claim is compared with (default 10).
    show_progress_bar : bool, optional
        Progress bars on the encoder and NLI batches.

    Returns
    -------
    list of Contradiction
        Sorted by score, highest first; empty when there is nothing to compare.

    Examples
    --------
    >>> import claimcheck
    >>> found = claimcheck.find_contradictions(open("seeds/baghuz.txt").read())  # doctest: +SKIP
    >>> found[0].claim_a.speaker, found[0].claim_b.speaker  # doctest: +SKIP
    ('قائد في قوات سوريا الديمقراطية', 'الرئيس الأمريكي دونالد ترامب')
    """
    return _shared_finder()(documents, threshold=threshold, top_k=top_k,
                            show_progress_bar=show_progress_bar)
