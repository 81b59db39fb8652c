"""The ``claimcheck`` command: ``find``, ``finetune`` and ``bench``."""

from __future__ import annotations

import argparse
import functools
import json
import runpy
import sys
from pathlib import Path

from claimcheck.nli import PRECISIONS
from claimcheck.types import Contradiction

BENCHMARK_SCRIPT = Path(__file__).resolve().parents[1] / "benchmarks" / "run_benchmark.py"


def _shorten(text: str | None, width: int) -> str:
    text = " ".join((text or "—").split())
    return text if len(text) <= width else text[: width - 1] + "…"


def format_table(found: list[Contradiction], *, width: int = 48) -> str:
    """A plain-text table: speaker A, claim A, speaker B, claim B, probability, reason."""
    if not found:
        return "No contradictions found."
    lines = []
    for rank, c in enumerate(found, 1):
        a, b = c.claim_a, c.claim_b
        lines += [
            f"#{rank}  p={c.score:.2f}  (NLI a→b {c.score_ab:.2f}, b→a {c.score_ba:.2f})",
            f"  A [{a.doc_id}] {_shorten(a.speaker or '(the article)', 40)}: "
            f"{_shorten(a.text, width * 2)}",
            f"  B [{b.doc_id}] {_shorten(b.speaker or '(the article)', 40)}: "
            f"{_shorten(b.text, width * 2)}",
            f"  reason: {c.reason or '—'}",
            "",
        ]
    return "\n".join(lines).rstrip()


def _cmd_find(args: argparse.Namespace) -> int:
    from claimcheck.detect import find_contradictions
    from claimcheck.types import Document

    docs = []
    for path in args.files:
        p = Path(path)
        if not p.is_file():
            print(f"claimcheck find: no such file {p}", file=sys.stderr)
            return 2
        docs.append(Document(text=p.read_text(encoding="utf-8"), id=p.name))
    found = find_contradictions(docs, threshold=args.threshold, top_k=args.top_k,
                                show_progress_bar=False)
    if args.top is not None:
        found = found[: args.top]
    if args.json:
        print(json.dumps([c.to_dict() for c in found], ensure_ascii=False, indent=1))
    else:
        print(format_table(found))
    return 0


def _cmd_finetune(args: argparse.Namespace) -> int:
    from claimcheck.finetune import finetune, must_pass

    keep_if = None
    if args.must_pass:
        if not args.eval:
            raise ValueError("--must-pass is checked at each evaluation: pass --eval as well")
        keep_if = must_pass(args.must_pass, log=functools.partial(print, file=sys.stderr))
    result = finetune(
        args.train, eval=args.eval, base=args.base, output_dir=args.output,
        epochs=args.epochs, max_steps=args.max_steps, batch_size=args.batch_size,
        learning_rate=args.lr, seed=args.seed, eval_steps=args.eval_steps,
        time_budget_s=args.time_budget, show_progress_bar=True, precision=args.precision,
        keep_if=keep_if,
    )
    print(json.dumps({"output_dir": str(result.output_dir), "steps": result.steps,
                      "finished": result.finished, "precision": result.precision,
                      "evals": result.evals,
                      "losses": result.losses[-5:]}, indent=1))
    return 0


def _cmd_bench(rest: list[str]) -> int:
    if not BENCHMARK_SCRIPT.is_file():
        print(f"claimcheck bench: {BENCHMARK_SCRIPT} not found (run from a source checkout)",
              file=sys.stderr)
        return 2
    sys.argv = [str(BENCHMARK_SCRIPT), *rest]
    runpy.run_path(str(BENCHMARK_SCRIPT), run_name="__main__")
    return 0


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="claimcheck", description="Find contradictions between attributed claims in news.")
    sub = parser.add_subparsers(dest="command", required=True)

    find = sub.add_parser("find", help="find contradictions in article files")
    find.add_argument("files", nargs="+", help="UTF-8 text files, one article each")
    find.add_argument("--json", action="store_true", help="print JSON instead of a table")
    find.add_argument("--top", type=int, default=None, help="show at most N results")
    find.add_argument("--threshold", type=float, default=None,
                      help="minimum probability (default: the model's calibrated threshold)")
    find.add_argument("--top-k", type=int, default=None,
                      help="nearest neighbours compared per claim")
    find.set_defaults(func=_cmd_find)

    ft = sub.add_parser("finetune", help="fine-tune the NLI model on labelled pairs")
    ft.add_argument("--train", required=True, nargs="+", help="JSONL/CSV with premise, "
                    "hypothesis, label")
    ft.add_argument("--eval", nargs="+", default=None)
    ft.add_argument("--base", default=None, help="model folder, or e5-small (default: shipped)")
    ft.add_argument("--output", required=True)
    ft.add_argument("--epochs", type=float, default=1.0)
    ft.add_argument("--max-steps", type=int, default=None)
    ft.add_argument("--batch-size", type=int, default=32)
    ft.add_argument("--lr", type=float, default=3e-5)
    ft.add_argument("--seed", type=int, default=0)
    ft.add_argument("--eval-steps", type=int, default=None)
    ft.add_argument("--time-budget", type=float, default=None, help="seconds, then resumable")
    ft.add_argument("--precision", default="auto", choices=PRECISIONS,
                    help="forward-pass arithmetic (auto: bfloat16 where the CPU or GPU has it "
                    "natively, else float32)")
    ft.add_argument("--must-pass", default=None, metavar="FILE",
                    help="JSONL/CSV of labelled pairs every kept checkpoint must score as "
                    "expected (needs --eval)")
    ft.set_defaults(func=_cmd_finetune)

    sub.add_parser("bench", help="run benchmarks/run_benchmark.py (arguments pass through)",
                   add_help=False)
    return parser


def main(argv: list[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    if argv[:1] == ["bench"]:
        return _cmd_bench(argv[1:])
    args = build_parser().parse_args(argv)
    try:
        return args.func(args)
    except (ValueError, FileNotFoundError, TypeError) as err:
        print(f"claimcheck {args.command}: {err}", file=sys.stderr)
        return 2


if __name__ == "__main__":
    sys.exit(main())
