"""The last arrow: a scored candidate pair -> reported as a contradiction, or not.

The NLI model and the reasons give evidence; whether a pair is *reported*
depends on how that evidence looks among realistic candidate pairs, where a
contradiction is rare (about 1 in 100) and most pairs are related, compatible
claims: the same event told twice, an update, a detail added. A probability
calibrated on NLI pairs (a third contradictions) or on our claim pairs (45%)
means something else there.

:class:`DecisionStage` is a logistic regression over a few features of a pair
(:data:`FEATURES`: both NLI directions, entailment, the reason kinds, how
alike the two texts are, whether one source speaks twice). It is fitted by
``scripts/train_decision.py`` on candidate pairs of real and realistic
articles, with the choices made by cross-validation over groups of articles,
and saved beside the NLI model as ``decision.json``. Without that file the
pipeline keeps the older score (calibrated NLI plus reason weights).
"""

from __future__ import annotations

import json
import math
from collections.abc import Sequence
from dataclasses import asdict, dataclass, field
from pathlib import Path

import numpy as np

from claimcheck.text.normalize import folded_words
from claimcheck.types import Claim

FILENAME = "decision.json"
REASON_KINDS = ("numeric", "negation", "temporal", "antonym", "reported")
FEATURES = (
    "nli_combined",      # logit of the calibrated two-direction NLI probability
    "nli_max",           # logit of the larger contradiction probability
    "nli_min",           # logit of the smaller one
    "entail_max",        # the larger entailment probability (a paraphrase looks like this)
    *(f"reason_{kind}" for kind in REASON_KINDS),
    "similarity",        # cosine of the two claims' embeddings
    "word_overlap",      # Jaccard overlap of their folded words
    "same_source",       # one source speaks twice
    "same_document",
    "cross_language",
)
_EPS = 1e-4


def _logit(p: float) -> float:
    p = min(max(float(p), _EPS), 1 - _EPS)
    return math.log(p / (1 - p))


def word_overlap(a: str, b: str) -> float:
    wa, wb = set(folded_words(a)), set(folded_words(b))
    return len(wa & wb) / len(wa | wb) if wa | wb else 0.0


def source_key(claim: Claim) -> str | None:
    """The claim's source: its ``source`` across documents when
    :func:`claimcheck.sources.link_sources` has set it, else its entity (or
    speaker) within its document, folded."""
    if claim.source is not None:
        return "\x01" + claim.source
    name = claim.entity or claim.speaker
    if not name:
        return None
    return f"{claim.doc_id}\x00{' '.join(folded_words(name))}"


def same_source(a: Claim, b: Claim) -> bool:
    """Whether the pipeline gives both claims one source (a self-contradiction
    if they clash): across documents when their ``source`` is set, within
    one document otherwise."""
    key = source_key(a)
    return key is not None and key == source_key(b)


@dataclass(frozen=True)
class PairEvidence:
    """What the pipeline knows of one candidate pair, as :data:`FEATURES` reads it."""

    combined: float
    contradiction_ab: float
    contradiction_ba: float
    entailment_ab: float
    entailment_ba: float
    reasons: tuple[str, ...]
    similarity: float
    claim_a: Claim
    claim_b: Claim

    def vector(self) -> np.ndarray:
        """The pair's features, in the order of :data:`FEATURES`."""
        a, b = self.claim_a, self.claim_b
        values = [
            _logit(self.combined),
            _logit(max(self.contradiction_ab, self.contradiction_ba)),
            _logit(min(self.contradiction_ab, self.contradiction_ba)),
            max(self.entailment_ab, self.entailment_ba),
            # A count (stop 40) is the numeric reason the stage was trained on.
            *(float(kind in self.reasons or (kind == "numeric" and "count" in self.reasons))
              for kind in REASON_KINDS),
            float(self.similarity),
            word_overlap(a.text, b.text),
            float(same_source(a, b)),
            float(a.doc_id == b.doc_id),
            float(a.lang != b.lang),
        ]
        return np.asarray(values, dtype=np.float64)


@dataclass(frozen=True)
class DecisionStage:
    """``p = sigmoid(coef · standardised features + intercept)``.

    Attributes
    ----------
    features : tuple of str
        Feature names, a subset of :data:`FEATURES`, in coefficient order.
    coef, mean, scale : tuple of float
        Coefficients and the standardisation (features are ``(x - mean) / scale``).
    intercept : float
    threshold : float
        The probability at or above which a pair is reported.
    fitted_on : str
        What the stage was fitted on, and how the choices were made.
    cv : dict
        Cross-validated figures at ``threshold`` (precision, recall, ...).
    """

    features: tuple[str, ...]
    coef: tuple[float, ...]
    mean: tuple[float, ...]
    scale: tuple[float, ...]
    intercept: float
    threshold: float
    fitted_on: str = ""
    cv: dict = field(default_factory=dict)

    def __post_init__(self) -> None:
        unknown = [f for f in self.features if f not in FEATURES]
        if unknown:
            raise ValueError(f"unknown decision features {unknown}; known: {list(FEATURES)}")
        if not len(self.features) == len(self.coef) == len(self.mean) == len(self.scale):
            raise ValueError("decision stage: features, coef, mean and scale differ in length")

    def probability(self, evidence: Sequence[PairEvidence]) -> np.ndarray:
        """Probability that each pair is a contradiction worth reporting."""
        if not evidence:
            return np.zeros(0)
        columns = [FEATURES.index(f) for f in self.features]
        x = np.stack([e.vector() for e in evidence])[:, columns]
        z = ((x - np.asarray(self.mean)) / np.asarray(self.scale)) @ np.asarray(self.coef)
        return 1.0 / (1.0 + np.exp(-(z + self.intercept)))

    def save(self, folder: str | Path) -> Path:
        path = Path(folder) / FILENAME
        path.write_text(json.dumps(asdict(self), indent=1, ensure_ascii=False) + "\n",
                        encoding="utf-8")
        return path

    @classmethod
    def load(cls, folder: str | Path) -> DecisionStage | None:
        """The stage saved in ``folder``, or None when there is none."""
        path = Path(folder) / FILENAME
        if not path.is_file():
            return None
        try:
            raw = json.loads(path.read_text(encoding="utf-8"))
            return cls(**{**raw, **{k: tuple(raw[k]) for k in ("features", "coef", "mean",
                                                                "scale")}})
        except (json.JSONDecodeError, TypeError, KeyError) as err:
            raise ValueError(f"{path} is not a decision stage ({err}): rerun "
                             "scripts/train_decision.py or delete the file") from None
