"""The ``claimcheck`` command: ``find``, ``report``, ``finetune`` and ``bench``."""

from __future__ import annotations

import argparse
import functools
import json
import runpy
import sys
from collections import Counter
from pathlib import Path
from typing import NamedTuple

from claimcheck.nli import INFERENCE_PRECISIONS, PRECISIONS
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
            f"#{rank}  p={c.score:.2f}  (NLI a→b {c.score_ab:.2f}, b→a {c.score_ba:.2f})"
            + ("  [the source contradicts itself]" if c.kind == "self" else ""),
            f"  A [{a.doc_id}] {_shorten(a.speaker or '(the article)', 40)}: "
            f"{_shorten(a.text, width * 2)}",
            f"  B [{b.doc_id}] {_shorten(b.speaker or '(the article)', 40)}: "
            f"{_shorten(b.text, width * 2)}",
            f"  reason: {c.reason or '—'}",
        ]
        if c.repeats:
            docs = sorted({str(x.doc_id) for pair in c.repeats for x in pair})
            lines.append(f"  the same clash, word for word, {len(c.repeats)} more "
                         f"time{'s' if len(c.repeats) > 1 else ''}: {', '.join(docs)}")
        lines.append("")
    return "\n".join(lines).rstrip()


class InputError(ValueError):
    """An input path the command cannot read (missing, not text, wrong encoding)."""


ARTICLE_SUFFIXES = (".txt", ".md")


def _article_paths(args: list[str]) -> list[Path]:
    """Files to read, in the order given; a directory gives its ``*.txt`` and
    ``*.md`` files, recursively, in sorted order; ``-`` is standard input."""
    paths: list[Path] = []
    for arg in args:
        p = Path(arg)
        if arg == "-":
            paths.append(p)
        elif p.is_dir():
            found = sorted(f for f in p.rglob("*")
                           if f.is_file() and f.suffix.lower() in ARTICLE_SUFFIXES)
            if not found:
                raise InputError(f"directory {p} holds no .txt or .md files")
            paths += found
        elif p.is_file():
            paths.append(p)
        elif p.exists():
            raise InputError(f"{p} is not a regular file")
        else:
            raise InputError(f"no such file {p}")
    return paths


def _read_article(path: Path, encoding: str) -> str:
    """The text of one article, with a decoding error that names the file and the fix."""
    try:
        data = sys.stdin.buffer.read() if str(path) == "-" else path.read_bytes()
    except OSError as err:
        raise InputError(f"cannot read {path}: {err.strerror or err}") from None
    try:
        text = data.decode(encoding)
    except LookupError:
        raise InputError(f"unknown encoding {encoding!r} (try utf-8, cp1256, latin-1, "
                         "utf-16)") from None
    except UnicodeDecodeError as err:
        name = "standard input" if str(path) == "-" else str(path)
        raise InputError(
            f"{name} is not {encoding} text (byte {data[err.start]:#04x} at offset "
            f"{err.start}): pass its encoding with --encoding (for example cp1256 for "
            "Windows Arabic, latin-1, utf-16), or convert it to UTF-8 first") from None
    return text.removeprefix("\ufeff")  # a byte-order mark is not part of the article


def document_ids(paths: list[Path]) -> list[str]:
    """A distinct id per path: its name, or as many trailing folders as it takes
    to tell it from the others ("a/article.txt", "b/article.txt")."""
    parts = [Path(p).resolve().parts if str(p) != "-" else ("-",) for p in paths]
    depth = [1] * len(parts)
    # Paths that share a suffix at one depth share it at every shorter one, so
    # they lengthen together: counting suffixes per round keeps a folder of
    # thousands of files linear instead of comparing every pair.
    while True:
        counts = Counter(own[-d:] for own, d in zip(parts, depth))
        tied = [n for n, (own, d) in enumerate(zip(parts, depth))
                if counts[own[-d:]] > 1 and d < len(own)]
        if not tied:
            break
        for n in tied:
            depth[n] += 1
    return ["/".join(own[-d:]) if own != ("-",) else "stdin" for own, d in zip(parts, depth)]


JSONL_FIELDS = {"text": "text", "id": "id", "lang": "lang", "date": "date", "title": "title"}
"""The default field of each :class:`Document` attribute in a JSONL corpus."""


def _jsonl_documents(path: Path, text: str, file_id: str, fields: dict[str, str]) -> list:
    """The documents of a JSONL corpus, one JSON object a line."""
    from claimcheck.types import Document

    name = "standard input" if str(path) == "-" else str(path)
    docs = []
    for number, line in enumerate(text.splitlines(), 1):
        if not line.strip():
            continue
        try:
            row = json.loads(line)
        except json.JSONDecodeError as err:
            raise InputError(f"{name}, line {number}: not JSON ({err.msg})") from None
        if not isinstance(row, dict):
            raise InputError(f"{name}, line {number}: expected a JSON object, got "
                             f"{type(row).__name__}")
        body = row.get(fields["text"])
        if not isinstance(body, str):
            raise InputError(
                f"{name}, line {number}: no text in field {fields['text']!r} (fields: "
                f"{', '.join(sorted(row)) or 'none'}); name the field with --text-field")

        meta = {key: None if row.get(fields[key]) is None else str(row[fields[key]])
                for key in ("id", "lang", "title", "date")}
        docs.append(Document(body, meta["id"] or f"{file_id}:{number}", meta["lang"],
                             meta["title"], meta["date"]))
    return docs


def read_articles(args: list[str], *, encoding: str = "utf-8",
                  warn=lambda message: None, jsonl: bool = False,
                  fields: dict[str, str] | None = None) -> list:
    """Documents for the ``find`` command's arguments (see :func:`_article_paths`).

    A ``.jsonl`` file (and standard input when ``jsonl`` is set) is a corpus:
    one JSON object a line, its text, id, language, date and title read from
    ``fields`` (default :data:`JSONL_FIELDS`); a line without an id gets
    ``FILE:LINE``. Any other file is one article. The same file named twice is
    read once (``warn`` says so): comparing an article with a copy of itself
    reports its own claims as clashes.
    """
    from claimcheck.types import Document

    fields = {**JSONL_FIELDS, **(fields or {})}
    paths, seen = [], set()
    for p in _article_paths(args):
        key = "-" if str(p) == "-" else p.resolve()
        if key in seen:
            warn(f"{p} is given more than once; it is read once")
            continue
        seen.add(key)
        paths.append(p)
    docs = []
    for p, doc_id in zip(paths, document_ids(paths)):
        text = _read_article(p, encoding)
        if p.suffix.lower() == ".jsonl" or (jsonl and str(p) == "-"):
            docs += _jsonl_documents(p, text, doc_id, fields)
        else:
            docs.append(Document(text=text, id=doc_id))
    from claimcheck.detect import as_documents

    try:
        return as_documents(docs)  # the pipeline's own check: ids must be unique
    except ValueError as err:
        raise InputError(f"{err} (check --id-field)") from None


FORMATS = ("table", "json", "jsonl", "csv", "html")


def formatted(analysis, fmt: str) -> str:
    """An analysis in one of :data:`FORMATS` (json: the schema of
    :mod:`claimcheck.results`; jsonl and csv: one row per contradiction)."""
    from claimcheck import results

    if fmt == "table":
        return format_table(list(analysis.contradictions)) + "\n"
    if fmt == "json":
        return json.dumps(analysis.to_dict(), ensure_ascii=False, indent=1) + "\n"
    if fmt == "jsonl":
        return results.to_jsonl(analysis.contradictions)
    if fmt == "csv":
        return results.to_csv(analysis.contradictions)
    if fmt == "html":
        from claimcheck.report import render_html

        return render_html(analysis)
    raise ValueError(f"unknown format {fmt!r}: choose one of {', '.join(FORMATS)}")


def _write(text: str, output: str | None, log) -> None:
    """``text`` to standard output, or to the file ``output``."""
    if output is None or output == "-":
        sys.stdout.write(text)
        return
    try:
        Path(output).write_text(text, encoding="utf-8")
    except OSError as err:
        raise InputError(f"cannot write {output}: {err.strerror or err}") from None
    log(f"wrote {output}")


def _cmd_find(args: argparse.Namespace) -> int:
    from dataclasses import replace

    from claimcheck.detect import _shared_finder

    fields = {key: getattr(args, f"{key}_field") for key in JSONL_FIELDS}
    docs = read_articles(args.files, encoding=args.encoding, warn=args.log,
                         jsonl=args.jsonl, fields=fields)
    if args.ray is not None and args.precision is not None:
        raise InputError("--precision applies to local runs; Ray workers pick their own")
    if args.ray is not None and args.full_tagger:
        raise InputError("--full-tagger applies to local runs; Ray workers use the shipped tagger")
    if args.ray is not None:
        from claimcheck.cluster import analyse_ray
        from claimcheck.detect import ContradictionFinder

        finder = None if args.max_days_apart is None else ContradictionFinder(
            max_days_apart=args.max_days_apart.days)
        analysis = analyse_ray(docs, threshold=args.threshold, top_k=args.top_k,
                               address=None if args.ray == "local" else args.ray,
                               finder=finder)
    else:
        finder = _shared_finder()
        if args.max_days_apart is not None:
            finder = replace(finder, max_days_apart=args.max_days_apart.days)
        if args.full_tagger:
            from claimcheck.text.tagger import full_tagger

            finder = replace(finder, tagger=full_tagger())
        if args.precision is not None:
            try:
                finder.nli.precision = args.precision
            except ValueError as err:
                raise InputError(str(err)) from None
        analysis = finder.analyse(docs, threshold=args.threshold, top_k=args.top_k,
                                  show_progress_bar=args.progress)
    if args.top is not None:
        analysis = replace(analysis, contradictions=analysis.contradictions[: args.top])
    fmt = "json" if args.json else args.format
    if args.html:
        _write(formatted(analysis, "html"), args.html, args.log)
    _write(formatted(analysis, fmt), args.output, args.log)
    return 0


def _cmd_report(args: argparse.Namespace) -> int:
    from claimcheck.results import Analysis

    path = Path(args.results)
    if str(path) != "-" and not path.is_file():
        raise InputError(f"no such file {path}")
    text = _read_article(path, "utf-8")
    try:
        data = json.loads(text)
    except json.JSONDecodeError as err:
        raise InputError(f"{path} is not JSON ({err.msg}, line {err.lineno})") from None
    _write(formatted(Analysis.from_dict(data), args.format), args.output, args.log)
    return 0


def _cmd_index_add(args: argparse.Namespace) -> int:
    from claimcheck.detect import _shared_finder
    from claimcheck.store import ClaimStore

    fields = {key: getattr(args, f"{key}_field") for key in JSONL_FIELDS}
    docs = read_articles(args.files, encoding=args.encoding, warn=args.log,
                         jsonl=args.jsonl, fields=fields)
    with ClaimStore(args.store, finder=_shared_finder()) as store:
        counts = store.add(docs, batch_size=args.batch, show_progress_bar=args.progress)
        args.log(f"{counts['documents']} documents added ({counts['skipped']} already stored), "
                 f"{counts['claims']} claims, {counts['pairs']} candidate pairs, "
                 f"{counts['nli_predictions']} NLI predictions, "
                 f"{counts['contradictions']} contradictions stored; the store now holds "
                 + ", ".join(f"{v} {k}" for k, v in store.stats().items()))
    print(json.dumps(counts))
    return 0


def _cmd_index_find(args: argparse.Namespace) -> int:
    from claimcheck import results
    from claimcheck.store import DB_NAME, ClaimStore

    if not (Path(args.store) / DB_NAME).is_file():
        raise InputError(f"no claim store at {args.store} (create one with "
                         "`claimcheck index add STORE FILES`)")
    with ClaimStore(args.store) as store:
        found = store.contradictions(since=args.since)
    if args.top is not None:
        found = found[: args.top]
    fmt = "jsonl" if args.json else args.format
    text = {"table": lambda: format_table(found) + "\n", "jsonl": lambda: results.to_jsonl(found),
            "csv": lambda: results.to_csv(found)}[fmt]()
    _write(text, args.output, args.log)
    return 0


def _cmd_finetune(args: argparse.Namespace) -> int:
    from claimcheck.finetune import finetune, must_pass

    keep_if = None
    if args.must_pass:
        if not args.eval:
            raise ValueError("--must-pass is checked at each evaluation: pass --eval as well")
        keep_if = must_pass(args.must_pass, log=args.log)
    result = finetune(
        args.train, eval=args.eval, base=args.base, output_dir=args.output,
        epochs=args.epochs, max_steps=args.max_steps, batch_size=args.batch_size,
        learning_rate=args.lr, seed=args.seed, eval_steps=args.eval_steps,
        time_budget_s=args.time_budget, show_progress_bar=args.progress,
        precision=args.precision,
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

    common = argparse.ArgumentParser(add_help=False)
    noise = common.add_mutually_exclusive_group()
    noise.add_argument("-q", "--quiet", action="store_true",
                       help="no progress bars or notes on standard error")
    noise.add_argument("-v", "--verbose", action="store_true",
                       help="progress bars even off a terminal, and the warnings of the "
                       "libraries underneath (transformers, datasets, torch)")

    find = sub.add_parser("find", parents=[common],
                          help="find contradictions in articles (files, folders or -)")
    find.add_argument("files", nargs="+", metavar="PATH",
                      help="article files (one article each), folders (their *.txt and *.md "
                      "files, recursively) or - for standard input")
    find.add_argument("--encoding", default="utf-8",
                      help="text encoding of the files (default utf-8; e.g. cp1256, latin-1)")
    find.add_argument("--format", choices=FORMATS, default="table",
                      help="what to print: a table (default), JSON (documents, claims, "
                      "sources and contradictions; schema in claimcheck/results.py), JSON "
                      "lines or CSV (one row per contradiction), or the HTML report")
    find.add_argument("--json", action="store_true", help="the same as --format json")
    find.add_argument("-o", "--output", default=None, metavar="FILE",
                      help="write the output to FILE instead of standard output")
    find.add_argument("--html", default=None, metavar="FILE",
                      help="also write the HTML report to FILE")
    find.add_argument("--jsonl", action="store_true",
                      help="read standard input as a JSONL corpus (.jsonl files always are)")
    for key, default in JSONL_FIELDS.items():
        find.add_argument(f"--{key}-field", default=default, metavar="NAME",
                          help=f"JSONL corpora: the field with each document's {key} "
                          f"(default {default!r})")
    find.add_argument("--top", type=_positive_int, default=None, metavar="N",
                      help="show at most N results")
    find.add_argument("--threshold", type=float, default=None,
                      help="minimum probability (default: the model's calibrated threshold)")
    find.add_argument("--top-k", type=_positive_int, default=None, metavar="K",
                      help="nearest neighbours compared per claim")
    find.add_argument("--max-days-apart", type=_days, default=None, metavar="DAYS",
                      help="compare the claims of two dated articles only when they were "
                      "published at most DAYS apart (default 7: a later article mostly reports "
                      "an update); 'none' compares them whatever their dates")
    find.add_argument("--full-tagger", action="store_true",
                      help="read English with the 12-layer attribution tagger instead of the "
                      "6-layer one: about as many speakers found, 0.6 of the speed "
                      "(models/attribution-tagger-en/README.md)")
    find.add_argument("--precision", default=None, choices=INFERENCE_PRECISIONS,
                      help="NLI arithmetic (default auto: bfloat16 where the CPU has it "
                      "natively, else float32; int8 needs VNNI, see claimcheck/quantize.py)")
    find.add_argument("--ray", nargs="?", const="local", default=None, metavar="ADDRESS",
                      help="run the costly stages on Ray (pip install 'claimcheck[ray]'): a "
                           "local instance, or the cluster at ADDRESS ('auto', "
                           "'ray://HEAD:10001'); see claimcheck/cluster.py")
    find.set_defaults(func=_cmd_find)

    index = sub.add_parser("index", help="a persistent claim store: add articles over "
                           "time, list the contradictions found (claimcheck/store.py)")
    index_sub = index.add_subparsers(dest="index_command", required=True)
    add = index_sub.add_parser("add", parents=[common],
                               help="add articles (files, folders, JSONL corpora or -)")
    add.add_argument("store", metavar="STORE", help="the store's folder (created if missing)")
    add.add_argument("files", nargs="+", metavar="PATH")
    add.add_argument("--encoding", default="utf-8")
    add.add_argument("--jsonl", action="store_true",
                     help="read standard input as a JSONL corpus")
    for key, default in JSONL_FIELDS.items():
        add.add_argument(f"--{key}-field", default=default, metavar="NAME")
    add.add_argument("--batch", type=_positive_int, default=32, metavar="N",
                     help="documents per transaction (default 32): an interrupted add loses "
                     "at most one batch, and running it again skips what is stored")
    add.set_defaults(func=_cmd_index_add)
    listing = index_sub.add_parser("find", parents=[common],
                                   help="list the stored contradictions, highest score first")
    listing.add_argument("store", metavar="STORE")
    listing.add_argument("--since", default=None, metavar="DATE",
                         help="only those found at or after DATE (ISO, e.g. 2026-12-01)")
    listing.add_argument("--format", choices=("table", "jsonl", "csv"), default="table")
    listing.add_argument("--json", action="store_true", help="the same as --format jsonl")
    listing.add_argument("--top", type=_positive_int, default=None, metavar="N")
    listing.add_argument("-o", "--output", default=None, metavar="FILE")
    listing.set_defaults(func=_cmd_index_find)

    ft = sub.add_parser("finetune", parents=[common],
                        help="fine-tune the NLI model on labelled pairs")
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

    report = sub.add_parser("report", parents=[common],
                            help="turn saved JSON results (find --format json) into a report")
    report.add_argument("results", metavar="RESULTS.json",
                        help="the output of `claimcheck find --format json`, or - for "
                        "standard input")
    report.add_argument("-o", "--output", default=None, metavar="FILE",
                        help="write to FILE instead of standard output")
    report.add_argument("--format", choices=FORMATS, default="html",
                        help="what to write (default html)")
    report.set_defaults(func=_cmd_report)

    sub.add_parser("bench", help="run benchmarks/run_benchmark.py (arguments pass through)",
                   add_help=False)
    return parser


class _Days(NamedTuple):
    days: int | None


def _days(value: str) -> _Days:
    """A number of days (0 or more), or 'none' for no limit."""
    if value.strip().lower() == "none":
        return _Days(None)
    try:
        number = int(value)
    except ValueError:
        raise argparse.ArgumentTypeError(
            f"expected a number of days or 'none', got {value!r}") from None
    if number < 0:
        raise argparse.ArgumentTypeError(f"expected 0 days or more, got {number}")
    return _Days(number)


def _positive_int(value: str) -> int:
    try:
        number = int(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"expected a positive integer, got {value!r}") from None
    if number < 1:
        raise argparse.ArgumentTypeError(f"expected a positive integer, got {number}")
    return number


def _quiet_libraries() -> None:
    """Silence the progress bars and warnings of the libraries underneath.

    Only the command line does this: a library must not change its caller's
    logging. All calls are the libraries' public switches.
    """
    import logging
    import os
    import warnings

    os.environ.setdefault("TRANSFORMERS_VERBOSITY", "error")
    os.environ.setdefault("HF_HUB_DISABLE_PROGRESS_BARS", "1")
    os.environ.setdefault("TOKENIZERS_PARALLELISM", "false")
    warnings.filterwarnings("ignore")
    for name in ("transformers", "datasets", "huggingface_hub", "torch"):
        logging.getLogger(name).setLevel(logging.ERROR)
    from transformers.utils import logging as transformers_logging

    transformers_logging.set_verbosity_error()
    transformers_logging.disable_progress_bar()
    try:
        import datasets
    except ImportError:  # pragma: no cover - a dependency, but only fine-tuning needs it
        return
    datasets.disable_progress_bars()
    datasets.logging.set_verbosity_error()


def main(argv: list[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    if argv[:1] == ["bench"]:
        return _cmd_bench(argv[1:])
    args = build_parser().parse_args(argv)
    # Standard output carries only the table or the JSON; notes and bars go
    # to standard error, bars only on a terminal unless asked for.
    quiet, verbose = getattr(args, "quiet", False), getattr(args, "verbose", False)
    args.progress = False if quiet else (True if verbose else None)
    args.log = (lambda message: None) if quiet else functools.partial(
        _note, command=args.command)
    if not verbose:
        _quiet_libraries()
    try:
        return args.func(args)
    except (ValueError, FileNotFoundError, TypeError) as err:
        print(f"claimcheck {args.command}: {err}", file=sys.stderr)
        return 2


def _note(message: str, *, command: str) -> None:
    print(f"claimcheck {command}: {message}", file=sys.stderr)


if __name__ == "__main__":
    sys.exit(main())
