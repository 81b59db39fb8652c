"""The seed's HTML report in a real browser: headless Chromium (Debian's
``chromium``, installed by ``.ci/run``) renders it, and the rendered DOM shows
the commander/Trump clash with both speakers, the Arabic article laid out right
to left, and the page makes no network request.

Without Chromium the test is skipped on a developer's machine and fails in CI
(``CI`` set), where it must run.
"""

from __future__ import annotations

import importlib.util
import json
import os
import shutil
import subprocess
from pathlib import Path

import pytest

from tests.conftest import REPO, SEED


def _benchmark_flags() -> tuple[str, ...]:
    """The Chromium flags of the benchmark's ``report`` task, so both run it alike."""
    spec = importlib.util.spec_from_file_location("run_benchmark",
                                                  REPO / "benchmarks" / "run_benchmark.py")
    bench = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(bench)
    return bench.CHROMIUM_FLAGS


CHROMIUM_FLAGS = _benchmark_flags()


def chromium() -> str:
    """The Chromium binary, or a skip (a failure in CI)."""
    found = shutil.which("chromium") or shutil.which("chromium-browser")
    if found:
        return found
    if os.environ.get("CI"):
        pytest.fail("chromium is not installed: .ci/run installs Debian's chromium package")
    pytest.skip("chromium is not installed (apt-get install chromium)")


def render(page: Path, tmp_path: Path, *extra: str) -> subprocess.CompletedProcess:
    """``page`` loaded in headless Chromium with ``extra`` flags."""
    command = [chromium(), *CHROMIUM_FLAGS, f"--user-data-dir={tmp_path / 'profile'}",
               *extra, page.as_uri()]
    return subprocess.run(command, capture_output=True, text=True, timeout=120, check=True)


def page_requests(net_log: Path) -> list[str]:
    """URLs of the requests a page started, from a ``--log-net-log`` file:
    every request job with an initiator (requests of the browser itself have
    none, "not an origin")."""
    log = json.loads(net_log.read_text(encoding="utf-8"))
    start = log["constants"]["logEventTypes"]["URL_REQUEST_START_JOB"]
    return [e["params"]["url"] for e in log["events"]
            if e["type"] == start and "url" in e.get("params", {})
            and e["params"].get("initiator") != "not an origin"]


@pytest.mark.slow
def test_seed_report_in_headless_chromium(tmp_path):
    from claimcheck.cli import main

    browser = chromium()
    assert browser
    page = tmp_path / "seed.html"
    assert main(["find", str(SEED), "--format", "html", "-o", str(page), "--quiet"]) == 0
    net_log = tmp_path / "net.json"
    dom = render(page, tmp_path, f"--log-net-log={net_log}", "--dump-dom").stdout

    # The rendered DOM (after the page's script ran): the clash, both speakers.
    clashes = dom.split('<li class="clash"')[1:]
    assert clashes
    assert any("قائد في قوات سوريا الديمقراطية" in c and "ترامب" in c for c in clashes[:3])
    assert 'id="shown-count">' + str(len(clashes)) in dom  # the filter script ran
    assert 'dir="rtl"' in dom and 'lang="ar"' in dom

    # The page asked for nothing: no request in Chromium's network log came
    # from it (the browser's own update and account checks, which these
    # machines refuse, carry no origin and are not the page's).
    assert page_requests(net_log) == []

    # The same check sees a page that does fetch something.
    fetching = tmp_path / "fetching.html"
    fetching.write_text('<img src="http://127.0.0.1:9/pixel.png">', encoding="utf-8")
    control_log = tmp_path / "control.json"
    render(fetching, tmp_path, f"--log-net-log={control_log}", "--dump-dom")
    assert page_requests(control_log) == ["http://127.0.0.1:9/pixel.png"]

    shot = tmp_path / "seed.png"
    render(page, tmp_path, f"--screenshot={shot}", "--window-size=1200,900")
    assert shot.stat().st_size > 10_000
