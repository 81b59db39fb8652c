"""Platt scaling of contradiction probabilities."""

from __future__ import annotations

import numpy as np
import pytest

from claimcheck.calibration import (
    PlattScaler,
    best_f1_threshold,
    combine_directions,
    expected_calibration_error,
)


def test_platt_scaling_lowers_the_calibration_error_and_round_trips(tmp_path):
    rng = np.random.default_rng(0)
    truth = rng.uniform(0.02, 0.98, size=4000)
    gold = rng.uniform(size=truth.size) < truth
    overconfident = 1 / (1 + np.exp(-3 * np.log(truth / (1 - truth))))
    scaler = PlattScaler.fit(overconfident, gold, fitted_on="synthetic")
    assert scaler.ece_after < scaler.ece_before / 2
    assert abs(scaler.slope - 1 / 3) < 0.05
    scaler.save(tmp_path)
    assert PlattScaler.load(tmp_path) == scaler
    assert PlattScaler.load(tmp_path / "missing") == PlattScaler()


def test_ece_and_direction_combination():
    assert expected_calibration_error([0.9, 0.9], [1, 1]) == pytest.approx(0.1)
    assert combine_directions(np.array([0.5]), np.array([0.5]))[0] == pytest.approx(0.5)
    both = combine_directions(np.array([0.9]), np.array([0.1]))[0]
    assert both == pytest.approx(0.5)
    with pytest.raises(ValueError, match="both"):
        PlattScaler.fit([0.2, 0.3], [0, 0], fitted_on="x")


def test_reason_weights_are_measured_not_set():
    # Gold log-odds: the raw logit, +2 where "numeric" fires, +0 for "negation";
    # "antonym" marks pairs that are *less* often contradictions (clipped to 0).
    rng = np.random.default_rng(1)
    n = 6000
    z = rng.normal(-0.5, 1.5, size=n)
    numeric = rng.uniform(size=n) < 0.2
    negation = rng.uniform(size=n) < 0.2
    antonym = rng.uniform(size=n) < 0.2
    truth = 1 / (1 + np.exp(-(z + 2.0 * numeric - 1.0 * antonym)))
    gold = rng.uniform(size=n) < truth
    raw = 1 / (1 + np.exp(-z))
    kinds = [[k for k, on in (("numeric", a), ("negation", b), ("antonym", c)) if on]
             for a, b, c in zip(numeric, negation, antonym)]
    scaler = PlattScaler.fit(raw, gold, fitted_on="synthetic", reasons=kinds)
    w = scaler.reason_weights
    assert w["numeric"] == pytest.approx(2.0, abs=0.35)
    assert w["negation"] < 0.3
    assert w["antonym"] == 0.0  # a reason may only raise a score
    assert "temporal" not in w  # never seen: too rare to measure, the default stays
    assert 0.05 <= scaler.threshold <= 0.95
    assert scaler.ece_after < 0.05


def test_saved_calibration_round_trips_with_weights_and_threshold(tmp_path):
    scaler = PlattScaler(1.1, 0.2, "test", reason_weights={"numeric": 1.2}, threshold=0.4)
    scaler.save(tmp_path)
    assert PlattScaler.load(tmp_path) == scaler


def test_best_f1_threshold():
    prob = [0.9, 0.8, 0.45, 0.3, 0.2, 0.1]
    gold = [1, 1, 1, 0, 0, 0]
    assert best_f1_threshold(prob, gold) == pytest.approx(0.31)
    assert best_f1_threshold([0.99, 0.01], [1, 0]) == pytest.approx(0.05)


def test_reason_weights_on_claim_pairs_keep_the_scale_and_ignore_the_base_rate():
    # Claim pairs with more contradictions than the NLI data the scale was fitted
    # on (+1.0 log-odds everywhere), where "antonym" adds 1.5 to what the
    # calibrated NLI probability says and "negation" adds nothing.
    rng = np.random.default_rng(2)
    n = 5000
    z = rng.normal(-1.0, 1.5, size=n)
    antonym = rng.uniform(size=n) < 0.25
    negation = rng.uniform(size=n) < 0.25
    temporal = np.zeros(n, dtype=bool)
    temporal[:3] = True  # too rare to measure: keeps the weight it had
    gold = rng.uniform(size=n) < 1 / (1 + np.exp(-(z + 1.0 + 1.5 * antonym)))
    kinds = [[k for k, on in (("antonym", a), ("negation", b), ("temporal", t)) if on]
             for a, b, t in zip(antonym, negation, temporal)]
    base = PlattScaler(1.0, 0.0, "nli dev", reason_weights={"temporal": 0.7})
    scaler = base.fit_reasons(1 / (1 + np.exp(-z)), gold, kinds, fitted_on="claims")
    w = scaler.reason_weights
    assert w["antonym"] == pytest.approx(1.5, abs=0.25)
    assert w["negation"] < 0.2
    assert w["temporal"] == 0.7
    assert (scaler.slope, scaler.intercept) == (1.0, 0.0)
    assert scaler.reasons_fitted_on == "claims"
    assert 0.05 <= scaler.threshold < 0.5  # the base rate moves the threshold, not the scale
    with pytest.raises(ValueError, match="both"):
        base.fit_reasons([0.2, 0.3], [1, 1], [[], []], fitted_on="x")
