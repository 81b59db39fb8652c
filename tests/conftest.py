"""Test settings: no network, ever, and shared paths."""

from __future__ import annotations

import os
import socket
from pathlib import Path

import pytest

os.environ["HF_HUB_OFFLINE"] = "1"
os.environ["TRANSFORMERS_OFFLINE"] = "1"
os.environ["HF_DATASETS_OFFLINE"] = "1"

REPO = Path(__file__).resolve().parents[1]
SEED = REPO / "seeds" / "baghuz_ar.txt"
FIXTURES = Path(__file__).resolve().parent / "fixtures"


class _NetworkBlocked(RuntimeError):
    pass


@pytest.fixture(autouse=True)
def _no_network(monkeypatch):
    """Fail any test that opens an internet socket (AF_UNIX stays allowed)."""
    real_socket = socket.socket

    class GuardedSocket(real_socket):
        def __init__(self, family=socket.AF_INET, *args, **kwargs):
            if family in (socket.AF_INET, socket.AF_INET6):
                raise _NetworkBlocked("a test tried to open a network socket")
            super().__init__(family, *args, **kwargs)

    monkeypatch.setattr(socket, "socket", GuardedSocket)

    def refuse(*args, **kwargs):
        raise _NetworkBlocked("a test tried to connect to the network")

    monkeypatch.setattr(socket, "create_connection", refuse)
    yield


@pytest.fixture(scope="session")
def seed_text() -> str:
    return SEED.read_text(encoding="utf-8")


# Hypothesis (tests/test_properties.py): CI searches a fixed, derandomised set
# of examples so that a red run can be repeated; HYPOTHESIS_PROFILE=fuzz
# searches longer and at random. The no-network fixture above is function
# scoped on purpose (it must guard every example), hence the health check.
from hypothesis import HealthCheck, settings  # noqa: E402

settings.register_profile(
    "ci", max_examples=60, derandomize=True, deadline=None, database=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])
settings.register_profile(
    "fuzz", max_examples=2000, deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "ci"))
