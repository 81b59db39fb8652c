"""Turning raw NLI contradiction probabilities into calibrated ones.

Two steps, both measured on dev data, never set by hand:

1. :meth:`PlattScaler.fit`: Platt scaling, a logistic regression
   (scikit-learn) on the logit of the raw two-direction contradiction
   probability, fitted on labelled NLI dev pairs (contradiction vs not). This
   sets the probability scale.
2. :meth:`PlattScaler.fit_reasons`: the log-odds weight of each textual reason
   kind (:func:`claimcheck.reasons.find_reasons`, applied by
   :func:`claimcheck.reasons.combine`) and the default threshold, fitted on
   labelled pairs of attributed news claims, where reasons fire far more often
   than in NLI data and the base rate is the pipeline's own.

All of it lives in the model folder as ``calibration.json`` so the model and
its calibration travel together.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Sequence
from dataclasses import asdict, dataclass, replace
from pathlib import Path

import numpy as np

from claimcheck.reasons import KIND_WEIGHTS, Reason, combine

FILENAME = "calibration.json"
FITTED_KINDS = ("numeric", "negation", "temporal", "antonym")
"""Reason kinds whose weights :meth:`PlattScaler.fit_reasons` measures (a clash the
article itself reports never occurs in NLI data, so its weight stays set; a
``count`` decides by design, so its weight stays set too: the shipped
``numeric`` weight was fitted before counts were told apart from it)."""
_EPS = 1e-6


def _logit(p: np.ndarray) -> np.ndarray:
    p = np.clip(np.asarray(p, dtype=np.float64), _EPS, 1 - _EPS)
    return np.log(p / (1 - p))


def _gold_labels(is_contradiction: Sequence[bool], reasons: Sequence | None,
                 what: str) -> np.ndarray:
    """Gold labels as 0/1, checked: both classes present, one reason list per pair."""
    y = np.asarray(is_contradiction, dtype=int)
    if len(set(y.tolist())) < 2:
        raise ValueError(f"{what} needs both contradiction and other pairs")
    if reasons is not None and len(reasons) != len(y):
        raise ValueError(f"got {len(reasons)} reason lists for {len(y)} pairs")
    return y


@dataclass(frozen=True)
class PlattScaler:
    """``p' = sigmoid(slope * logit(p) + intercept)``; identity by default."""

    slope: float = 1.0
    intercept: float = 0.0
    fitted_on: str = "identity (not fitted)"
    ece_before: float | None = None
    ece_after: float | None = None
    reason_weights: dict[str, float] | None = None
    threshold: float | None = None
    n: int | None = None
    reasons_fitted_on: str | None = None

    def __call__(self, p: np.ndarray | float) -> np.ndarray:
        z = self.slope * _logit(np.asarray(p)) + self.intercept
        return 1.0 / (1.0 + np.exp(-z))

    def weigh(self, reasons: Sequence[Reason]) -> list[Reason]:
        """``reasons`` with the weights measured on dev data in place of the
        defaults they carry (kinds too rare to measure keep theirs)."""
        measured = self.reason_weights or {}
        return [replace(r, weight=measured.get(r.kind, r.weight)) for r in reasons]

    @classmethod
    def fit(cls, raw: Sequence[float], is_contradiction: Sequence[bool], *,
            fitted_on: str, reasons: Sequence[Iterable[str]] | None = None,
            min_support: int = 10) -> PlattScaler:
        """Fit on raw probabilities and binary gold labels.

        Parameters
        ----------
        raw : sequence of float
            Raw two-direction contradiction probabilities.
        is_contradiction : sequence of bool
            Gold labels.
        fitted_on : str
            A description of the data, kept in the saved file.
        reasons : sequence of iterables of str, optional
            The reason kinds seen in each pair. With them the regression also
            fits one weight per kind in :data:`FITTED_KINDS` (clipped at 0,
            since a reason may only raise a score), and the ECE after and the
            threshold are measured on the scores with those weights applied.
        min_support : int
            A kind seen in fewer pairs than this is too rare to measure: it
            gets no fitted weight and keeps its default
            (:data:`claimcheck.reasons.KIND_WEIGHTS`).
        """
        from sklearn.linear_model import LogisticRegression

        y = _gold_labels(is_contradiction, reasons, "calibration")
        kinds = [set(r) for r in reasons] if reasons is not None else [set() for _ in y]
        x = _logit(np.asarray(raw)).reshape(-1, 1)
        fitted = [k for k in FITTED_KINDS if sum(k in row for row in kinds) >= min_support]
        if fitted:
            flags = np.array([[k in row for k in fitted] for row in kinds], dtype=float)
            x = np.hstack([x, flags])
        # Mild L2 (C=10) keeps the weight of a rarely seen kind from running off.
        reg = LogisticRegression(C=10.0).fit(x, y)
        weights = None
        if reasons is not None:
            weights = {k: round(max(0.0, float(w)), 4) for k, w in zip(fitted, reg.coef_[0, 1:])}
        scaler = cls(float(reg.coef_[0, 0]), float(reg.intercept_[0]), fitted_on,
                     reason_weights=weights, n=len(y))
        calibrated = scaler.score(raw, kinds) if reasons is not None \
            else np.atleast_1d(scaler(raw))
        return replace(scaler, ece_before=expected_calibration_error(raw, y),
                       ece_after=expected_calibration_error(calibrated, y),
                       threshold=best_f1_threshold(calibrated, y))

    def fit_reasons(self, raw: Sequence[float], is_contradiction: Sequence[bool],
                    reasons: Sequence[Iterable[str]], *, fitted_on: str,
                    min_support: int = 8, c: float = 10.0) -> PlattScaler:
        """Measure the reason weights and the threshold on claim pairs.

        :meth:`fit` sets the probability scale on NLI dev pairs, where most
        reasons seldom fire and the NLI model already reads the ones that do.
        This second step measures what each reason kind adds on top of the
        calibrated NLI probability on pairs like the ones the pipeline scores
        (attributed news claims): a logistic regression of the gold labels on
        the kinds' 0/1 flags with ``logit(self(raw))`` as a fixed offset,
        weights bounded to ``[0, MAX_BOOST]`` (a reason may only raise a score)
        and an L2 penalty ``|w|^2 / (2c)``. A free intercept absorbs the
        difference in base rate between these pairs and NLI data; it is not
        applied when scoring, so scores stay on the NLI-dev probability scale.
        The threshold is the best-F1 one on these pairs, weights applied.

        Parameters
        ----------
        raw, is_contradiction, reasons
            As in :meth:`fit`: raw two-direction probabilities, gold labels and
            the reason kinds seen in each pair.
        fitted_on : str
            A description of the pairs, kept in the saved file.
        min_support : int
            Kinds seen in fewer pairs keep the weight they had.
        c : float
            Inverse L2 strength.

        Returns
        -------
        PlattScaler
            A copy with ``reason_weights``, ``threshold`` and
            ``reasons_fitted_on`` replaced (slope and intercept unchanged).
        """
        from scipy.optimize import minimize

        from claimcheck.reasons import MAX_BOOST

        y = _gold_labels(is_contradiction, reasons, "fitting reason weights").astype(float)
        kinds = [set(r) for r in reasons]
        offset = _logit(np.atleast_1d(self(raw)))
        fitted = [k for k in FITTED_KINDS if sum(k in row for row in kinds) >= min_support]
        flags = np.array([[k in row for k in fitted] for row in kinds], dtype=float)
        flags = flags.reshape(len(y), len(fitted))

        def loss(theta: np.ndarray) -> tuple[float, np.ndarray]:
            z = offset + theta[0] + flags @ theta[1:]
            p = 1.0 / (1.0 + np.exp(-z))
            nll = float(np.sum(np.logaddexp(0.0, z) - y * z))
            grad = np.concatenate([[np.sum(p - y)], flags.T @ (p - y)])
            grad[1:] += theta[1:] / c
            return nll + float(theta[1:] @ theta[1:]) / (2 * c), grad

        bounds = [(None, None)] + [(0.0, MAX_BOOST)] * len(fitted)
        theta = minimize(loss, np.zeros(1 + len(fitted)), jac=True, method="L-BFGS-B",
                         bounds=bounds).x
        weights = dict(self.reason_weights or {})
        weights.update({k: round(float(w), 4) for k, w in zip(fitted, theta[1:])})
        scaler = replace(self, reason_weights=weights, reasons_fitted_on=fitted_on)
        scores = scaler.score(raw, kinds)
        return replace(scaler, threshold=best_f1_threshold(scores, y))

    def score(self, raw: Sequence[float], reasons: Sequence[Iterable[str]]) -> np.ndarray:
        """Calibrated probabilities raised by the measured weights of the reason
        kinds seen in each pair (the pipeline's score; see
        :func:`claimcheck.reasons.combine`)."""
        calibrated = np.atleast_1d(self(np.asarray(raw)))
        return np.array([
            combine(float(p), self.weigh([Reason(k, "", KIND_WEIGHTS[k])
                                          for k in row if k in KIND_WEIGHTS]))
            for p, row in zip(calibrated, reasons)
        ])

    def save(self, folder: str | Path) -> Path:
        path = Path(folder) / FILENAME
        path.write_text(json.dumps(asdict(self), indent=1))
        return path

    @classmethod
    def load(cls, folder: str | Path) -> PlattScaler:
        """The scaler saved beside a model, or the identity when there is none."""
        path = Path(folder) / FILENAME
        if not path.is_file():
            return cls()
        try:
            return cls(**json.loads(path.read_text()))
        except (TypeError, ValueError) as err:
            raise ValueError(f"{path} is corrupt ({err}); delete it or rerun the calibration") \
                from None


def expected_calibration_error(prob: Sequence[float], gold: Sequence[int], bins: int = 10) -> float:
    """ECE with equal-width bins: the mean |accuracy - confidence| weighted by bin size."""
    prob = np.asarray(prob, dtype=np.float64)
    gold = np.asarray(gold, dtype=np.float64)
    edges = np.linspace(0, 1, bins + 1)
    total = 0.0
    for lo, hi in zip(edges[:-1], edges[1:]):
        inside = (prob >= lo) & ((prob < hi) if hi < 1 else (prob <= hi))
        if inside.any():
            total += inside.sum() * abs(gold[inside].mean() - prob[inside].mean())
    return float(total / max(1, len(prob)))


def best_f1_threshold(prob: Sequence[float], gold: Sequence[int]) -> float:
    """The threshold in 0.05, 0.06, ..., 0.95 that maximises contradiction F1
    (the lowest of equally good ones)."""
    prob = np.asarray(prob, dtype=np.float64)
    gold = np.asarray(gold, dtype=bool)
    best, best_f1 = 0.5, -1.0
    for t in np.round(np.arange(0.05, 0.951, 0.01), 2):
        pred = prob >= t
        tp = float((pred & gold).sum())
        f1 = 2 * tp / max(1.0, float(pred.sum() + gold.sum()))
        if f1 > best_f1 + 1e-12:
            best, best_f1 = float(t), f1
    return best


def combine_directions(p_ab: np.ndarray, p_ba: np.ndarray) -> np.ndarray:
    """One raw contradiction probability from both NLI directions.

    Contradiction is symmetric in principle, so both directions are evidence;
    their mean in log-odds space keeps one confident direction from being
    drowned by a hesitant one less than a plain mean would.
    """
    z = (_logit(p_ab) + _logit(p_ba)) / 2
    return 1.0 / (1.0 + np.exp(-z))


__all__ = ["FITTED_KINDS", "PlattScaler", "best_f1_threshold", "combine_directions",
           "expected_calibration_error"]
