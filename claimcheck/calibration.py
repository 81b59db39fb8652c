"""Turning raw NLI contradiction probabilities into calibrated ones.

Platt scaling: a one-feature logistic regression (scikit-learn) on the logit
of the raw two-direction contradiction probability, fitted on labelled dev
pairs (contradiction vs not). The two fitted numbers live in the model
folder as ``calibration.json`` so the model and its calibration travel
together.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import asdict, dataclass, replace
from pathlib import Path

import numpy as np

FILENAME = "calibration.json"
_EPS = 1e-6


def _logit(p: np.ndarray) -> np.ndarray:
    p = np.clip(np.asarray(p, dtype=np.float64), _EPS, 1 - _EPS)
    return np.log(p / (1 - p))


@dataclass(frozen=True)
class PlattScaler:
    """``p' = sigmoid(slope * logit(p) + intercept)``; identity by default."""

    slope: float = 1.0
    intercept: float = 0.0
    fitted_on: str = "identity (not fitted)"
    ece_before: float | None = None
    ece_after: float | None = None

    def __call__(self, p: np.ndarray | float) -> np.ndarray:
        z = self.slope * _logit(np.asarray(p)) + self.intercept
        return 1.0 / (1.0 + np.exp(-z))

    @classmethod
    def fit(cls, raw: Sequence[float], is_contradiction: Sequence[bool], *,
            fitted_on: str) -> PlattScaler:
        """Fit on raw probabilities and binary gold labels."""
        from sklearn.linear_model import LogisticRegression

        x = _logit(np.asarray(raw)).reshape(-1, 1)
        y = np.asarray(is_contradiction, dtype=int)
        if len(set(y.tolist())) < 2:
            raise ValueError("calibration needs both contradiction and other pairs")
        reg = LogisticRegression(C=1e4).fit(x, y)
        scaler = cls(float(reg.coef_[0, 0]), float(reg.intercept_[0]), fitted_on)
        return replace(scaler, ece_before=expected_calibration_error(raw, y),
                       ece_after=expected_calibration_error(scaler(raw), y))

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


def combine_directions(p_ab: np.ndarray, p_ba: np.ndarray) -> np.ndarray:
    """One raw contradiction probability from both NLI directions.

    Contradiction is symmetric in principle, so both directions are evidence;
    their mean in log-odds space keeps one confident direction from being
    drowned by a hesitant one less than a plain mean would.
    """
    z = (_logit(p_ab) + _logit(p_ba)) / 2
    return 1.0 / (1.0 + np.exp(-z))


__all__ = ["PlattScaler", "combine_directions", "expected_calibration_error"]
