"""Platt scaling of contradiction probabilities."""

from __future__ import annotations

import numpy as np
import pytest

from claimcheck.calibration import PlattScaler, combine_directions, expected_calibration_error


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
