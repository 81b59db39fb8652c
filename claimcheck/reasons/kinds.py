"""The reason kinds, their default weights, :class:`Reason` and
:func:`combine` (an NLI probability raised by the reasons seen)."""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass

KINDS = ("count", "numeric", "negation", "temporal", "antonym", "reported")
"""The reason kinds, in the order :func:`find_reasons` reports them."""

KIND_WEIGHTS = {
    "count": 8.0,
    "numeric": 1.5,
    "negation": 1.0,
    "temporal": 1.0,
    "antonym": 1.0,
    "reported": 5.0,
}
"""Default log-odds bump of each kind (see :func:`combine`)."""

MAX_BOOST = 3.0
"""Cap on the total log-odds bump that :func:`combine` adds."""

OUTSIDE_CAP = ("count", "reported")
"""The kinds whose weight :func:`combine` adds outside :data:`MAX_BOOST`."""


@dataclass(frozen=True)
class Reason:
    """One piece of visible evidence that two claims contradict each other.

    Attributes
    ----------
    kind : str
        One of :data:`KINDS`.
    detail : str
        A short text a journalist can check ("2000 vs 400 (troops)").
    weight : float
        How much this reason raises the log-odds of a contradiction in
        :func:`combine`; non-negative.
    """

    kind: str
    detail: str
    weight: float


def combine(nli_probability: float, reasons: Sequence[Reason], *, cap: float = MAX_BOOST) -> float:
    """Raise an NLI contradiction probability by the reasons seen in the text.

    The probability is moved in log-odds space::

        textual = min(cap, sum over the textual kinds k of max(weight of kind k))
        boost = textual + max(weight of "count") + max(weight of "reported")
        score = sigmoid(logit(p) + boost)

    Only the strongest reason of each kind counts, so two numeric mismatches
    weigh what one does; weights below zero count as zero. The default weights
    are :data:`KIND_WEIGHTS`: numeric 1.5, negation 1.0, temporal 1.0 and
    antonym 1.0, read off the two claims and capped together at
    :data:`MAX_BOOST` (3.0), so they lift 0.5 to at most about 0.95; and
    reported 5.0, outside the cap. A reported clash is the article's own
    statement that these two claims conflict (it fires only when the clash
    sentence quotes the other claim), the journalist's judgement rather than a
    cue, so it may overrule a confident "neutral" from the NLI model: it lifts
    0.03 to about 0.82. A count (``count`` 8.0, outside the cap too) is
    the same kind of people or things counted on one event by two reports
    with values close to each other that cannot both hold ("97 vs 130
    (migrants)"): the NLI model reads past numbers (it scores such pairs as
    it scores the same claims with one number put in for the other), so the
    rule decides, unless the model is sure the two agree: it lifts 0.01 to
    about 0.97, and 0.001 to about 0.75.
    :class:`~claimcheck.detect.ContradictionFinder`
    replaces these defaults by the weights measured on our dev claim pairs
    when the NLI model's ``calibration.json`` has them (a logistic regression
    of the gold labels on one 0/1 feature per kind, with the calibrated NLI
    logit as offset; see
    :meth:`claimcheck.calibration.PlattScaler.fit_reasons`), so a kind the NLI
    model already accounts for adds little. ``p`` is clipped to
    ``[1e-6, 1 - 1e-6]`` before the logit. The score never goes below the
    NLI probability, and with no reasons it is that probability unchanged.

    Parameters
    ----------
    nli_probability : float
        Contradiction probability from the NLI model, in [0, 1].
    reasons : sequence of Reason
        From :func:`find_reasons`.
    cap : float, default MAX_BOOST
        Largest total log-odds bump.

    Returns
    -------
    float
        The raised probability, in [nli_probability, 1].

    Examples
    --------
    >>> round(combine(0.5, [Reason("temporal", "", 1.0)]), 3)
    0.731
    """
    if not 0.0 <= nli_probability <= 1.0:
        raise ValueError(f"nli_probability must be in [0, 1], got {nli_probability}")
    strongest: dict[str, float] = {}
    for reason in reasons:
        strongest[reason.kind] = max(strongest.get(reason.kind, 0.0), reason.weight, 0.0)
    outside = sum(strongest.pop(kind, 0.0) for kind in OUTSIDE_CAP)
    boost = min(max(cap, 0.0), sum(strongest.values())) + outside
    if boost == 0.0:
        return nli_probability
    p = min(max(nli_probability, 1e-6), 1 - 1e-6)
    raised = 1.0 / (1.0 + math.exp(-(math.log(p / (1 - p)) + boost)))
    return max(nli_probability, raised)
