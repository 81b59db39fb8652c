"""Does the attribution tagger gain from more trainable layers? A fold of
PolNeAR *train*, never dev.

The shipped 12-layer tagger trains only e5-small's top 4 layers and a head
(``scripts/train_tagger.py --trainable-layers 4``), and it scores about the
same on train as on dev (``models/attribution-tagger/README.md``): it does
not fit its own training data, which is what a model short of capacity
does. This script tests that on articles no run trains on: the 840 train
articles are cut into five folds by sorted name (every fifth article, from
the first, is held out: 168 articles), and one run per setting of
``--layers`` (trainable layers) trains stage 1 of the shipped recipe (4
epochs, learning rates 1e-4 / 1e-3, seed 7) on the other 672 and scores the
tagger alone on the held-out fold (overlap F1, as the benchmark), and the
pipeline with it (the rules first, as ``extract_claims`` runs: ``python
benchmarks/attribution_eval.py --polnear runs/tagger-folds/held --skip-gold
--tagger DIR``).

The fold folders are links into ``../shared`` under ``runs/tagger-folds/``
(nothing is copied); each run writes ``runs/tagger-folds/layers-N/`` and
resumes from its checkpoint when run again.

With ``--student`` a 4-layer tagger (``--student-layers N``: N layers), all
its layers trainable (the shape of the fast English tagger), is distilled on
the same 672 articles from the run with the most trainable layers (or
``--student-from N``; 5 epochs, as stage 1 of the shipped English tagger)
and scored on the same fold: does the fast shape keep the gain?

Usage::

    python benchmarks/tagger_capacity.py --layers 4 8 12 --student --student-from 8 \\
        > benchmarks/results/tagger-capacity.md

About 15 minutes for 4 trainable layers, 25 for 8, 35 for 12 and 25 for the
student on 2 CPU cores (Intel Xeon with AMX-BF16, bfloat16), more when other
jobs share the cores; a minute per run for the pipeline scores.
"""

from __future__ import annotations

import argparse
import functools
import json
import subprocess
import sys
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parents[1]
POLNEAR_TRAIN = REPO.parent / "shared" / "data" / "attribution" / "polnear" / "train"
FOLDS = REPO / "runs" / "tagger-folds"
sys.path.insert(0, str(REPO / "benchmarks"))
sys.path.insert(0, str(REPO))


def make_folds(train: Path, out: Path, every: int = 5) -> tuple[int, int]:
    """Link ``train``'s articles into ``out/fit`` and ``out/held`` (every
    ``every``-th article by sorted name, from the first, is held out);
    returns the two article counts."""
    annotations = sorted((train / "attributions").glob("*.ann"))
    if not annotations:
        raise FileNotFoundError(f"no PolNeAR annotations under {train / 'attributions'}")
    articles = sorted({ann.stem.rsplit("_", 1)[0] for ann in annotations})
    held = set(articles[::every])
    for name in ("fit", "held"):
        for sub in ("text", "attributions"):
            (out / name / sub).mkdir(parents=True, exist_ok=True)
    for ann in annotations:
        article = ann.stem.rsplit("_", 1)[0]
        fold = out / ("held" if article in held else "fit")
        for link, target in ((fold / "attributions" / ann.name, ann),
                             (fold / "text" / f"{article}.txt",
                              train / "text" / f"{article}.txt")):
            if not link.exists():
                link.symlink_to(target)
    return len(articles) - len(held), len(held)


def train(output: Path, *options: str) -> dict[str, Any]:
    """Stage 1 of the shipped recipe on the fit fold into ``output``, with
    ``options`` added (learning rates 1e-4 / 1e-3, seed 7), unless a finished
    run is there; its ``training.json``."""
    if not (output / "training.json").is_file():
        # Its own score print is dropped (training.json holds it): the table
        # alone goes to stdout.
        subprocess.run(
            [sys.executable, str(REPO / "scripts" / "train_tagger.py"),
             "--train", str(FOLDS / "fit"), "--dev", str(FOLDS / "held"),
             "--output", str(output), *options, "--lr", "1e-4", "--head-lr", "1e-3",
             "--seed", "7"], check=True, stdout=subprocess.DEVNULL)
    return json.loads((output / "training.json").read_text(encoding="utf-8"))


def pipeline_scores(tagger_dir: Path) -> dict[str, Any]:
    """Overlap scores of the pipeline (rules, then this tagger's relations
    the rules miss) on the held-out fold."""
    import attribution_eval

    from claimcheck.text.tagger import AttributionTagger

    tagger = AttributionTagger.load(tagger_dir)
    predict = functools.partial(attribution_eval._predicted, tagger=tagger)
    result = attribution_eval.evaluate_polnear(FOLDS / "held", predict)
    return {role: result[role]["overlap"] for role in ("source", "content")}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--layers", type=int, nargs="+", default=[4, 8],
                        help="trainable top layers, one run each")
    parser.add_argument("--train", type=Path, default=POLNEAR_TRAIN)
    parser.add_argument("--epochs", type=float, default=4.0)
    parser.add_argument("--student", action="store_true",
                        help="also distil a 4-layer student (the fast English tagger's shape, "
                             "5 epochs) from the run with the most trainable layers")
    parser.add_argument("--student-layers", type=int, default=4, metavar="N",
                        help="the student's layers, all trainable (default 4)")
    parser.add_argument("--student-from", type=int, default=None, metavar="N",
                        help="the student's teacher: the run with N trainable layers "
                             "(default: the most)")
    args = parser.parse_args()
    if args.student and args.student_from is not None and args.student_from not in args.layers:
        parser.error(f"--student-from {args.student_from} is not among --layers")
    fit, held = make_folds(args.train, FOLDS)
    rows = []
    for layers in args.layers:
        output = FOLDS / f"layers-{layers}"
        info = train(output, "--trainable-layers", str(layers), "--epochs", str(args.epochs))
        rows.append((str(layers), info, output))
    if args.student:
        source = args.student_from or max(args.layers)
        n = args.student_layers
        output = FOLDS / f"student-{n}-from-{source}"
        info = train(output, "--layers", str(n), "--trainable-layers", str(n),
                     "--teacher", str(FOLDS / f"layers-{source}"), "--epochs", "5")
        rows.append((f"{n} of {n} (a {n}-layer student of the {source})", info, output))
    print(f"## Trainable layers of the attribution tagger, on a held-out fold of "
          f"PolNeAR train\n\n{fit} articles to train, {held} held out (every fifth by "
          f"name); stage 1 of the shipped recipe, {args.epochs:g} epochs; the tagger "
          f"alone, overlap F1 (`python benchmarks/tagger_capacity.py`; a student row: "
          f"5 epochs, distilled, `--student`). Pipeline: the rules first, then "
          f"the tagger's relations they miss, as `extract_claims` runs. Minutes are "
          f"wall time, with whatever else ran on the machine.\n")
    print("| trainable layers | source P | source R | source F1 | content P | content R "
          "| content F1 | pipeline source F1 | pipeline content F1 | last training loss "
          "| minutes |")
    print("|---|---|---|---|---|---|---|---|---|---|---|")
    for layers, info, folder in rows:
        score = info["dev_tagger_only"]
        source, content = score["source"], score["content"]
        pipeline = pipeline_scores(folder)
        last = info["last_loss"]
        print(f"| {layers} | {source['precision']:.3f} | {source['recall']:.3f} | "
              f"**{source['f1']:.3f}** | {content['precision']:.3f} | "
              f"{content['recall']:.3f} | **{content['f1']:.3f}** | "
              f"{pipeline['source']['f1']:.3f} | {pipeline['content']['f1']:.3f} | "
              f"{sum(last) / len(last):.3f} | {info['wall_seconds'] / 60:.0f} |", flush=True)


if __name__ == "__main__":
    main()
