"""claimcheck's benchmark: every quality and speed number the project reports.

    python benchmarks/run_benchmark.py                 # everything
    python benchmarks/run_benchmark.py nli             # NLI dev metrics + speed
    python benchmarks/run_benchmark.py nli --data ../shared/data/nli/xnli/dev.jsonl
    python benchmarks/run_benchmark.py calibrate       # fit + save calibration.json
                                                       # (NLI dev + our claim pairs)
    python benchmarks/run_benchmark.py attribution     # PolNeAR dev + Arabic gold
    python benchmarks/run_benchmark.py contradictions  # gold articles + the seed
    python benchmarks/run_benchmark.py e2e             # e2e dev cases: every reported pair
    python benchmarks/run_benchmark.py e2e --e2e benchmarks/data/own_cases.json
                                                       # the same on our own 12 articles
    python benchmarks/run_benchmark.py alarms          # pairs per 100 claims on real news
    python benchmarks/run_benchmark.py alarms --alarm-sets polnear-dev --limit 20
    python benchmarks/run_benchmark.py finetune        # training speed, float32 vs bfloat16
    python benchmarks/run_benchmark.py alarms --alarm-sets polnear-dev --save-analysis runs/alarms
    python benchmarks/run_benchmark.py report          # that run's HTML report in Chromium
    python benchmarks/run_benchmark.py int8            # int8 NLI: labels kept, speed
    python benchmarks/run_benchmark.py encoder         # e5 encoder: float32 vs bfloat16

``--json OUT`` writes all results; a markdown report goes to stdout.
Dev splits only: the test splits are held back. Each task lives in its own
module of ``benchmarks/tasks/`` (``run_<task>`` measures, ``<task>_markdown``
writes the report); this file only parses the arguments and runs them.
``all`` runs every task but those of ``NOT_IN_ALL`` (``calibrate`` writes the
calibration; ``alarms`` reads six collections of real news, some minutes).
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

from tasks.alarms import ALARM_SETS, alarms_markdown, run_alarms  # noqa: E402
from tasks.attribution import attribution_markdown, run_attribution  # noqa: E402
from tasks.calibrate import calibrate_markdown, run_calibrate, score_claim_pairs  # noqa: E402,F401
from tasks.common import CLAIM_PAIRS, REPO, machine, read_jsonl  # noqa: E402,F401
from tasks.contradictions import contradictions_markdown, run_contradictions  # noqa: E402
from tasks.e2e import e2e_markdown, run_e2e  # noqa: E402
from tasks.encoder import encoder_markdown, run_encoder  # noqa: E402
from tasks.finetune import finetune_markdown, run_finetune  # noqa: E402
from tasks.int8 import int8_markdown, run_int8  # noqa: E402
from tasks.language import language_markdown, run_language  # noqa: E402
from tasks.nli import nli_markdown, run_nli  # noqa: E402
from tasks.report import CHROMIUM_FLAGS, report_markdown, run_report  # noqa: E402,F401
from tasks.store import run_scale, run_store, scale_markdown, store_markdown  # noqa: E402

TASKS = {
    "nli": (run_nli, nli_markdown),
    "calibrate": (run_calibrate, calibrate_markdown),
    "attribution": (run_attribution, attribution_markdown),
    "contradictions": (run_contradictions, contradictions_markdown),
    "e2e": (run_e2e, e2e_markdown),
    "alarms": (run_alarms, alarms_markdown),
    "finetune": (run_finetune, finetune_markdown),
    "report": (run_report, report_markdown),
    "store": (run_store, store_markdown),
    "scale": (run_scale, scale_markdown),
    "int8": (run_int8, int8_markdown),
    "encoder": (run_encoder, encoder_markdown),
    "language": (run_language, language_markdown),
}


#: ``calibrate`` writes the calibration; ``alarms`` takes minutes;
#: ``report`` needs a run saved by ``alarms --save-analysis`` and Chromium;
#: ``store`` takes minutes, ``scale`` hours (``--limit`` cuts it).
NOT_IN_ALL = ("calibrate", "alarms", "report", "store", "scale")


def _without_shared_texts(task: str, res: dict[str, Any]) -> dict[str, Any]:
    """``res`` with the lists that quote ../shared articles emptied (their
    lengths kept), so that the project never commits that data."""
    if task == "e2e":
        return {**res, "false_alarm_pairs": [], "misses": [], "texts_omitted": {
            "false_alarm_pairs": len(res["false_alarm_pairs"]), "misses": len(res["misses"])}}
    if task == "alarms":
        return {name: {**m, "top": [], "suspicious": {**m["suspicious"], "claims": []},
                       "texts_omitted": {"top": len(m["top"]),
                                         "suspicious": len(m["suspicious"]["claims"])}}
                for name, m in res.items()}
    return res


def main(argv: list[str] | None = None) -> int:
    from claimcheck.nli import INFERENCE_PRECISIONS

    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("tasks", nargs="*", choices=[*TASKS, "all"], default=["all"])
    parser.add_argument("--data", action="append", help="labelled JSONL (repeatable); "
                        "default: every dev.jsonl under ../shared/data/nli")
    parser.add_argument("--model", default=None, help="NLI model folder (default: shipped)")
    parser.add_argument("--json", type=Path, default=None, help="write all results here")
    parser.add_argument("--limit", type=int, default=None,
                        help="at most N pairs per file (nli; int8: default 200), N cases (e2e), "
                        "N articles per collection (alarms)")
    parser.add_argument("--batch-size", type=int, default=64)
    parser.add_argument("--speed-pairs", type=int, default=256)
    parser.add_argument("--finetune-steps", type=int, default=20,
                        help="timed optimiser steps per precision (finetune task)")
    parser.add_argument("--calibration-per-set", type=int, default=300)
    parser.add_argument("--claim-pairs", default=str(CLAIM_PAIRS),
                        help="labelled claim pairs for the reason weights and threshold")
    parser.add_argument("--news-negatives", default=None, metavar="FILE",
                        help="calibrate: also fit the threshold and reason weights with "
                        "these real neighbouring claims as non-contradictions (the held-out "
                        "file of scripts/mine_news_pairs.py), at a realistic base rate")
    parser.add_argument("--compared-only", action="store_true",
                        help="calibrate: fit the threshold and reason weights as if the "
                        "claim pairs the pipeline never compares (no common subject) "
                        "scored 0")
    parser.add_argument("--news-negatives-n", type=int, default=4000,
                        help="calibrate: a random N of --news-negatives")
    parser.add_argument("--polnear", default=str(REPO.parent / "shared" / "data" / "attribution"
                                                 / "polnear" / "dev"))
    parser.add_argument("--e2e", type=Path, default=REPO.parent / "shared" / "data" / "e2e"
                        / "dev.json", help="e2e cases (e2e task)")
    parser.add_argument("--realnews", type=Path,
                        default=REPO.parent / "shared" / "data" / "realnews")
    parser.add_argument("--alarm-sets", nargs="+", choices=list(ALARM_SETS),
                        default=list(ALARM_SETS), help="collections of the alarms task")
    parser.add_argument("--threshold", type=float, default=None,
                        help="reporting threshold of e2e and alarms (default: the model's)")
    parser.add_argument("--precision", default=None, choices=INFERENCE_PRECISIONS,
                        help="NLI arithmetic of e2e and alarms (default: auto)")
    parser.add_argument("--no-texts", action="store_true",
                        help="leave the claim texts of ../shared articles (e2e false alarms "
                        "and misses, the alarms' top pairs) out of the report and the JSON, "
                        "as for files committed to benchmarks/results/")
    parser.add_argument("--save-analysis", type=Path, default=None, metavar="DIR",
                        help="alarms: save each collection's run as DIR/NAME.json (it quotes "
                        "the articles: keep it out of the repository)")
    parser.add_argument("--results", type=Path, default=None, metavar="FILE",
                        help="report: a saved run (default runs/alarms/polnear-dev.json)")
    parser.add_argument("--threads", type=int, default=None, help="torch threads")
    parser.add_argument("--device", default=None,
                        help="torch device for the nli task (default cpu; e.g. cuda)")
    args = parser.parse_args(argv)
    if args.threads:
        import torch

        torch.set_num_threads(args.threads)
    tasks = [t for t in TASKS if t not in NOT_IN_ALL] if "all" in args.tasks else args.tasks
    results: dict[str, Any] = {"machine": machine()}
    for task in tasks:
        run, markdown = TASKS[task]
        results[task] = run(args)
        if args.no_texts:
            results[task] = _without_shared_texts(task, results[task])
        print(markdown(results[task]), "\n", flush=True)
    if args.json:
        args.json.parent.mkdir(parents=True, exist_ok=True)
        args.json.write_text(json.dumps(results, ensure_ascii=False, indent=1, default=str))
    return 0


if __name__ == "__main__":
    sys.exit(main())
