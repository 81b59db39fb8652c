"""The ``report`` task: a saved ``alarms`` run rendered as HTML in headless Chromium."""

from __future__ import annotations

import json
import time
from pathlib import Path
from typing import Any

from tasks.common import REPO

CHROMIUM_FLAGS = ("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic",
                  "--no-first-run", "--disable-background-networking",
                  "--disable-component-update", "--disable-sync", "--disable-default-apps",
                  "--disable-extensions")


def run_report(args) -> dict[str, Any]:
    """The HTML report of a saved run (default: the PolNeAR dev articles saved
    by ``alarms --alarm-sets polnear-dev --save-analysis runs/alarms``):
    rendering it in Python, then loading it in headless Chromium, best of 3.
    Two Chromium figures: the whole process (browser start, load, DOM dump,
    exit) and the page's own time from navigation to its load event."""
    import re
    import shutil
    import subprocess
    import tempfile

    from claimcheck.report import render_html
    from claimcheck.results import Analysis

    path = args.results or REPO / "runs" / "alarms" / "polnear-dev.json"
    if not Path(path).is_file():
        raise FileNotFoundError(
            f"no saved run at {path}: run `python benchmarks/run_benchmark.py alarms "
            "--alarm-sets polnear-dev --save-analysis runs/alarms` first, or pass --results")
    analysis = Analysis.from_dict(json.loads(Path(path).read_text(encoding="utf-8")))
    started = time.perf_counter()
    page = render_html(analysis)
    python_s = time.perf_counter() - started
    browser = shutil.which("chromium") or shutil.which("chromium-browser")
    if browser is None:
        raise FileNotFoundError("chromium is not installed (apt-get install chromium)")
    process_s, page_ms = [], []
    with tempfile.TemporaryDirectory() as tmp:
        html_path = Path(tmp) / "report.html"
        html_path.write_text(page, encoding="utf-8")
        for run in range(3):
            started = time.perf_counter()
            dom = subprocess.run([browser, *CHROMIUM_FLAGS, f"--user-data-dir={tmp}/p{run}",
                                  "--dump-dom", html_path.as_uri()], capture_output=True,
                                 text=True, timeout=300, check=True).stdout
            process_s.append(time.perf_counter() - started)
            found = re.search(r'data-loaded-ms="(\d+)"', dom)
            page_ms.append(int(found.group(1)) if found else None)
    version = subprocess.run([browser, "--version"], capture_output=True, text=True).stdout
    return {"results": str(path), "articles": len(analysis.documents),
            "claims": len(analysis.claims), "contradictions": len(analysis.contradictions),
            "html_bytes": len(page.encode("utf-8")), "render_python_s": python_s,
            "chromium": version.strip(), "chromium_process_s": process_s,
            "page_load_ms": page_ms}


def report_markdown(res: dict[str, Any]) -> str:
    loads = [m for m in res["page_load_ms"] if m is not None]
    return (
        "## HTML report in headless Chromium\n\n"
        f"{res['articles']} articles, {res['claims']} claims, {res['contradictions']} "
        f"contradictions (`{Path(res['results']).name}`); "
        f"page {res['html_bytes'] / 1e6:.1f} MB, "
        f"written in {res['render_python_s']:.2f} s by `render_html`. {res['chromium']}, "
        f"best of 3: whole process (start, load, DOM dump, exit) "
        f"**{min(res['chromium_process_s']):.2f} s** (runs: "
        + ", ".join(f"{s:.2f}" for s in res["chromium_process_s"]) + "); the page's "
        "navigation-to-load time "
        + (f"**{min(loads) / 1000:.2f} s**" if loads else "not recorded") + ".")
