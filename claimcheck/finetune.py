"""Fine-tuning an NLI model on labelled pairs.

A plain PyTorch loop rather than ``transformers.Trainer``, for three reasons
that matter on a 2-core laptop: batches are bucketed by token length (most
NLI pairs are short, so padding to the longest of a random batch wastes most
of the compute), checkpoints hold only the trainable weights and optimiser
(≈250 MB instead of the full 470 MB model plus state), and resuming is exact
to the batch because the batch order is a pure function of the seed.
Metrics come from scikit-learn.
"""

from __future__ import annotations

import json
import math
import numbers
import os
import random
import time
import warnings
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from claimcheck.data import LABELS, load_pairs
from claimcheck.nli import PRECISIONS, NLIModel, native_bfloat16_precision

CHECKPOINT_DIR = "checkpoint"
EXPECTATIONS = ("label", "not_contradiction")
"""What a must-pass row can ask of a model (see :func:`expectation_failures`)."""


@dataclass(frozen=True)
class FinetuneResult:
    """What :func:`finetune` did.

    Attributes
    ----------
    output_dir : Path
        Folder holding the saved model (``NLIModel.load(output_dir)``).
    steps : int
        Optimiser steps taken in total (across resumed runs).
    losses : list of (step, mean training loss since the previous entry)
    evals : list of dicts with ``step`` and the eval metrics
    finished : bool
        False when a time budget stopped training before the last step
        (rerun the same call to resume).
    precision : str
        ``"float32"`` or ``"bfloat16"``: the arithmetic of the forward pass.
    """

    output_dir: Path
    steps: int
    losses: list[tuple[int, float]] = field(default_factory=list)
    evals: list[dict[str, Any]] = field(default_factory=list)
    finished: bool = True
    precision: str = "float32"


def length_bucketed_batches(
    lengths: Sequence[int], batch_size: int, *, seed: int, epoch: int, bucket: int = 64
) -> list[list[int]]:
    """Shuffled batches of indices whose lengths are close.

    The indices are shuffled, cut into chunks of ``bucket`` batches, each chunk
    sorted by length and cut into batches, and the batches shuffled again. The
    result depends only on ``lengths``, ``seed`` and ``epoch``.
    """
    rng = random.Random(seed * 1_000_003 + epoch)
    order = list(range(len(lengths)))
    rng.shuffle(order)
    chunk = batch_size * bucket
    batches = []
    for start in range(0, len(order), chunk):
        part = sorted(order[start : start + chunk], key=lambda i: lengths[i])
        batches += [part[i : i + batch_size] for i in range(0, len(part), batch_size)]
    rng.shuffle(batches)
    return batches


def classification_metrics(
    gold: Sequence[int], pred: Sequence[int], labels: Sequence[str] = LABELS
) -> dict[str, Any]:
    """Accuracy, macro-F1, per-label P/R/F1 and the confusion matrix."""
    from sklearn.metrics import (
        accuracy_score,
        confusion_matrix,
        f1_score,
        precision_recall_fscore_support,
    )

    ids = list(range(len(labels)))
    p, r, f, support = precision_recall_fscore_support(
        gold, pred, labels=ids, zero_division=0
    )
    return {
        "n": len(gold),
        "accuracy": float(accuracy_score(gold, pred)),
        "macro_f1": float(f1_score(gold, pred, labels=ids, average="macro", zero_division=0)),
        "per_label": {
            name: {"precision": float(p[i]), "recall": float(r[i]), "f1": float(f[i]),
                   "support": int(support[i])}
            for i, name in enumerate(labels)
        },
        "confusion_matrix": confusion_matrix(gold, pred, labels=ids).tolist(),
    }


def _lr_factor(step: int, total: int, warmup: int) -> float:
    """Linear warm-up then linear decay; a pure function of the step so that a
    resumed run with a different ``max_steps`` still follows one schedule."""
    if step < warmup:
        return (step + 1) / max(1, warmup)
    return max(0.0, (total - step) / max(1, total - warmup))


def finetune(
    train: Any,
    *,
    eval: Any = None,  # noqa: A002 - the public name the API promises
    base: str | os.PathLike | NLIModel | None = None,
    output_dir: str | os.PathLike,
    epochs: float = 1.0,
    max_steps: int | None = None,
    batch_size: int = 32,
    learning_rate: float = 3e-5,
    warmup_ratio: float = 0.06,
    weight_decay: float = 0.01,
    label_smoothing: float = 0.0,
    max_length: int = 128,
    seed: int = 0,
    eval_steps: int | None = None,
    save_steps: int = 200,
    time_budget_s: float | None = None,
    resume: bool = True,
    show_progress_bar: bool | None = None,
    model_card: str | None = None,
    device: str | None = None,
    precision: str = "auto",
    keep_if: Callable[[NLIModel], bool] | None = None,
) -> FinetuneResult:
    """Fine-tune an NLI model on labelled pairs and save it.

    Parameters
    ----------
    train : path, list of paths, ``datasets.Dataset`` or list of dicts
        Labelled pairs (``premise``, ``hypothesis``, ``label``); see
        :func:`claimcheck.data.load_pairs`.
    eval : same types, optional
        Pairs to evaluate on every ``eval_steps`` and at the end; with it the
        best-scoring model (accuracy) is the one saved.
    base : path, ``NLIModel``, ``"e5-small"`` or None
        Model to start from: None is the shipped NLI model, ``"e5-small"`` a
        fresh classifier on the bare encoder.
    output_dir : path
        Where the model is saved; ``output_dir/checkpoint`` holds the state
        an interrupted run resumes from.
    epochs, max_steps : float, int
        Training length, positive; ``max_steps`` wins when given.
    batch_size, learning_rate, warmup_ratio, weight_decay, max_length, seed
        The usual; word embeddings stay frozen.
    label_smoothing : float
        Cross-entropy label smoothing in [0, 1) (0: none). Spreads that much
        of each target's probability over the other labels, which keeps a
        model trained for several passes from becoming overconfident.
    eval_steps : int, optional
        Evaluate every this many steps (default: only at the end).
    save_steps : int
        Write a resumable checkpoint every this many steps.
    time_budget_s : float, optional
        Stop (after checkpointing) once this many seconds have passed; call
        again with the same arguments to continue. At least one step is
        taken whatever the budget.
    resume : bool
        Continue from ``output_dir/checkpoint`` when it exists.
    show_progress_bar : bool, optional
        None shows a bar when stderr is a terminal.
    model_card : str, optional
        Markdown written as ``README.md`` beside the saved model.
    device : str, optional
        ``"cpu"``, ``"cuda"`` or another torch device; None picks CUDA when
        PyTorch sees a GPU. The saved model is the same format either way.
    precision : {"auto", "float32", "bfloat16"}
        Arithmetic of the forward pass. ``"bfloat16"`` runs it under
        bfloat16 autocast (the weights, gradients' accumulation and the
        optimiser stay float32). ``"auto"`` picks bfloat16 on CUDA and on
        CPUs with native bfloat16 (AVX512-BF16, AMX; 1.2–1.45x faster on
        a 2-core AMX Xeon, ``run_benchmark.py finetune``), float32 elsewhere, where
        bfloat16 is emulated and slower.
    keep_if : callable, optional
        Called with the model at each evaluation (it needs ``eval``): a model
        for which it returns False is never saved as the best, whatever its
        accuracy; each ``evals`` entry records the answer as ``kept_if``. For
        example ``must_pass("my_must_pass.jsonl")``. If no
        evaluation passes, nothing is saved and a warning says so.

    Returns
    -------
    FinetuneResult

    Raises
    ------
    ValueError
        An argument out of range (a count that is not a positive integer,
        a rate, length or budget that is not positive, an ``output_dir``
        that is a file), before anything is loaded or written; also data
        errors from :func:`claimcheck.data.load_pairs`.
    FileNotFoundError
        A training or evaluation file does not exist.
    """
    import torch

    start_time = time.monotonic()
    output_dir = Path(output_dir)
    _check_positive_int("batch_size", batch_size)
    _check_positive_int("save_steps", save_steps)
    for name, value in (("max_steps", max_steps), ("eval_steps", eval_steps)):
        if value is not None:
            _check_positive_int(name, value)
    _check_positive_number("epochs", epochs)
    _check_positive_number("learning_rate", learning_rate)
    if time_budget_s is not None:
        _check_positive_number("time_budget_s", time_budget_s)
    if not 0.0 <= warmup_ratio <= 1.0:
        raise ValueError(f"warmup_ratio must be in [0, 1], got {warmup_ratio!r}")
    if not 0.0 <= label_smoothing < 1.0:
        raise ValueError(f"label_smoothing must be in [0, 1), got {label_smoothing}")
    _check_output_dir(output_dir)
    if keep_if is not None and eval is None:
        raise ValueError("keep_if is checked at each evaluation: pass eval= as well")
    dev = _training_device(device)
    use_bfloat16 = _training_precision(precision, dev) == "bfloat16"
    model = _base_model(base)
    model.model.to(dev)
    model.max_length = max_length
    labels = model.labels
    train_ds = load_pairs(train, labels=labels, name="train")
    eval_ds = load_pairs(eval, labels=labels, name="eval") if eval is not None else None

    # A text is cut to 32 characters a token before tokenizing: truncation
    # keeps at most max_length tokens anyway, and whole articles as premises
    # (FNC-1 bodies run to 55,000 characters) would otherwise take gigabytes
    # in the tokenizer (about 0.4 MB a pair measured on the NLI mix).
    cut = 32 * max_length
    enc = model.tokenizer(
        # load_pairs has already made the texts tokenizable (lone surrogates ->
        # U+FFFD, Arabic-Indic digits -> ASCII)
        [t[:cut] for t in train_ds["premise"]], [t[:cut] for t in train_ds["hypothesis"]],
        truncation="longest_first", max_length=max_length, return_token_type_ids=False,
        return_attention_mask=False,
    )
    input_ids: list[list[int]] = enc["input_ids"]
    targets = list(train_ds["label"])
    lengths = [len(ids) for ids in input_ids]
    per_epoch = math.ceil(len(input_ids) / batch_size)
    total = max_steps if max_steps is not None else max(1, math.ceil(epochs * per_epoch))
    warmup = int(warmup_ratio * total)

    params = model.trainable_parameters()
    decay = [p for p in params if p.ndim >= 2]
    no_decay = [p for p in params if p.ndim < 2]
    optimizer = torch.optim.AdamW(
        [{"params": decay, "weight_decay": weight_decay},
         {"params": no_decay, "weight_decay": 0.0}],
        lr=learning_rate,
        **({"fused": True} if dev.type == "cuda" else {}),
    )
    autocast = torch.autocast("cuda" if dev.type == "cuda" else "cpu", dtype=torch.bfloat16,
                              enabled=use_bfloat16)
    state = {"step": 0, "losses": [], "evals": [], "best": -1.0}
    ckpt = output_dir / CHECKPOINT_DIR
    if resume and (ckpt / "state.json").is_file():
        state = _load_checkpoint(ckpt, model, optimizer, dev)  # restores the RNG too
    else:
        if ckpt.exists():
            import shutil

            shutil.rmtree(ckpt)
        torch.manual_seed(seed)

    pad_id = model.tokenizer.pad_token_id
    step = state["step"]
    epoch_batches: dict[int, list[list[int]]] = {}
    bar = _bar(total, step, show_progress_bar)
    running, running_n = 0.0, 0
    finished = True
    model.model.train()
    while step < total:
        epoch, in_epoch = divmod(step, per_epoch)
        if epoch not in epoch_batches:
            epoch_batches = {epoch: length_bucketed_batches(lengths, batch_size, seed=seed,
                                                            epoch=epoch)}
        batch = epoch_batches[epoch][in_epoch]
        ids, mask = _pad([input_ids[i] for i in batch], pad_id)
        ids, mask = ids.to(dev, non_blocking=True), mask.to(dev, non_blocking=True)
        y = torch.tensor([targets[i] for i in batch], device=dev)
        for group in optimizer.param_groups:
            group["lr"] = learning_rate * _lr_factor(step, total, warmup)
        with autocast:
            logits = model.model(input_ids=ids, attention_mask=mask).logits
        loss = torch.nn.functional.cross_entropy(logits.float(), y,
                                                 label_smoothing=label_smoothing)
        loss.backward()
        torch.nn.utils.clip_grad_norm_(params, 1.0)
        optimizer.step()
        optimizer.zero_grad(set_to_none=True)
        step += 1
        running += loss.detach()  # a tensor: .item() every step would stall a GPU
        running_n += 1
        if bar is not None:
            bar.update(1)
        if step % 50 == 0 or step == total:
            mean = float(running) / running_n
            state["losses"].append((step, mean))
            if bar is not None:
                bar.set_postfix(loss=f"{mean:.4f}")
            running, running_n = 0.0, 0
        if eval_ds is not None and eval_steps and step % eval_steps == 0 and step < total:
            _evaluate_and_keep(model, eval_ds, step, state, output_dir, model_card, keep_if)
        out_of_time = time_budget_s is not None and time.monotonic() - start_time > time_budget_s
        if step % save_steps == 0 or out_of_time:
            state["step"] = step
            _save_checkpoint(ckpt, model, optimizer, state)
        if out_of_time and step < total:
            finished = False
            break
    if bar is not None:
        bar.close()
    state["step"] = step
    if running_n:
        state["losses"].append((step, float(running) / running_n))
    if finished:
        if eval_ds is not None:
            _evaluate_and_keep(model, eval_ds, step, state, output_dir, model_card, keep_if)
            if keep_if is not None and not any(e["kept_if"] for e in state["evals"]):
                warnings.warn(f"no evaluation passed keep_if: no model saved in {output_dir}",
                              stacklevel=2)
        else:
            _save_model(model, output_dir, model_card)
    _save_checkpoint(ckpt, model, optimizer, state)
    model.model.eval()
    return FinetuneResult(
        output_dir=output_dir,
        steps=step,
        losses=[tuple(x) for x in state["losses"]],
        evals=state["evals"],
        finished=finished,
        precision="bfloat16" if use_bfloat16 else "float32",
    )


def _check_positive_int(name: str, value: object) -> None:
    # bool is an int to Python, but batch_size=True is a mistake, not 1
    if isinstance(value, bool) or not isinstance(value, numbers.Integral) or value < 1:
        raise ValueError(f"{name} must be a positive integer, got {value!r}")


def _check_positive_number(name: str, value: object) -> None:
    if (isinstance(value, bool) or not isinstance(value, numbers.Real)
            or not 0 < value < math.inf):
        raise ValueError(f"{name} must be a positive number, got {value!r}")


def _check_output_dir(output_dir: Path) -> None:
    """A ValueError now, before any training, for an ``output_dir`` that
    cannot be made a folder: it, or a folder above it, is a file."""
    for folder in (output_dir, *output_dir.parents):
        if folder.exists():
            if not folder.is_dir():
                where = "is" if folder == output_dir else f"is inside {folder}, which is"
                raise ValueError(f"output_dir {output_dir} {where} a file, not a folder: "
                                 "pass the path of a new or existing folder")
            return


def _training_device(device: str | None):
    """The torch device to train on; a clear error for one that cannot be used."""
    import torch

    if device is None:
        return torch.device("cuda" if torch.cuda.is_available() else "cpu")
    try:
        dev = torch.device(device)
    except (RuntimeError, TypeError) as err:
        raise ValueError(f"device {device!r} is not a torch device ({err}); "
                         "use 'cpu', 'cuda' or 'cuda:N'") from None
    if dev.type == "cuda" and not torch.cuda.is_available():
        raise ValueError(f"device {device!r} asked for, but PyTorch sees no CUDA GPU here "
                         "(a CPU build of torch, or no driver); use device='cpu'")
    return dev


def _training_precision(precision: str, dev) -> str:
    """``"float32"`` or ``"bfloat16"`` for training on ``dev`` (see :func:`finetune`)."""
    if precision not in PRECISIONS:
        raise ValueError(f"precision must be one of {PRECISIONS}, got {precision!r}")
    if precision != "auto":
        return precision
    if dev.type == "cuda":
        return "bfloat16"
    return native_bfloat16_precision() if dev.type == "cpu" else "float32"


def _base_model(base: str | os.PathLike | NLIModel | None) -> NLIModel:
    if isinstance(base, NLIModel):
        return base
    if base == "e5-small":
        return NLIModel.from_encoder()
    return NLIModel.load(base)


def _pad(seqs: list[list[int]], pad_id: int):
    import torch

    width = max(len(s) for s in seqs)
    ids = torch.full((len(seqs), width), pad_id, dtype=torch.long)
    mask = torch.zeros((len(seqs), width), dtype=torch.long)
    for row, seq in enumerate(seqs):
        ids[row, : len(seq)] = torch.tensor(seq)
        mask[row, : len(seq)] = 1
    return ids, mask


def evaluate(model: NLIModel, pairs: Any, *, batch_size: int = 64,
             show_progress_bar: bool | None = None) -> dict[str, Any]:
    """Classification metrics of ``model`` on labelled pairs."""
    ds = load_pairs(pairs, labels=model.labels, name="eval")
    probs = model.predict(list(zip(ds["premise"], ds["hypothesis"])), batch_size=batch_size,
                          show_progress_bar=show_progress_bar)
    return classification_metrics(list(ds["label"]), probs.argmax(1).tolist(), model.labels)


def expectation_failures(model: NLIModel, rows: Sequence[dict], *,
                         batch_size: int = 32) -> list[dict]:
    """The rows of a must-pass set that ``model`` gets wrong, each with its
    probabilities added (an empty list: all pass).

    A row is a labelled pair (``premise``, ``hypothesis``, ``label``); by
    default the model's most probable label must be ``label``. With
    ``"expect": "not_contradiction"`` the contradiction probability must
    only stay below 0.5 (for unrelated sentences, where entailment and
    neutral are both acceptable).
    """
    if not rows:
        return []
    probs = model.predict([(r["premise"], r["hypothesis"]) for r in rows],
                          batch_size=batch_size, show_progress_bar=False)
    contra = model.label_index("contradiction")
    failures = []
    for row, p in zip(rows, probs):
        expect = row.get("expect", "label")
        if expect == "not_contradiction":
            ok = p[contra] < 0.5
        elif expect == "label":
            ok = model.labels[int(p.argmax())] == row["label"]
        else:
            raise ValueError(_unknown_expectation(expect))
        if not ok:
            failures.append({**row, "probabilities": dict(zip(model.labels, p.round(3).tolist()))})
    return failures


def must_pass(source: str | os.PathLike | Sequence[dict], *,
              log: Callable[[str], None] | None = None) -> Callable[[NLIModel], bool]:
    """A ``keep_if`` check for :func:`finetune`: True when the model scores
    every row of a must-pass set as expected (see :func:`expectation_failures`).

    ``source`` is a JSONL/CSV file or a list of rows; ``log`` (for example
    ``print``) is called with a line for each failure.
    """
    from claimcheck.data import _read_rows

    rows = _read_rows(Path(source)) if isinstance(source, (str, os.PathLike)) else list(source)
    if not rows:
        raise ValueError("the must-pass set is empty: give at least one labelled pair")
    for n, row in enumerate(rows):
        if not {"premise", "hypothesis", "label"} <= set(row):
            raise ValueError(f"must-pass row {n} needs premise, hypothesis and label")
        if row.get("expect", "label") not in EXPECTATIONS:
            raise ValueError(f"must-pass row {n}: {_unknown_expectation(row['expect'])}")

    def passes(model: NLIModel) -> bool:
        failures = expectation_failures(model, rows)
        for f in failures if log is not None else ():
            log(f"must-pass failure: {f['premise'][:50]!r} / {f['hypothesis'][:50]!r} "
                f"(expected {f.get('expect', f['label'])}): {f['probabilities']}")
        return not failures

    return passes


def _unknown_expectation(expect: object) -> str:
    return f"unknown expectation {expect!r}: use one of {EXPECTATIONS}"


def _evaluate_and_keep(model: NLIModel, eval_ds, step: int, state: dict, output_dir: Path,
                       model_card: str | None,
                       keep_if: Callable[[NLIModel], bool] | None = None) -> None:
    metrics = evaluate(model, eval_ds, show_progress_bar=False)
    entry = {"step": step, "accuracy": metrics["accuracy"], "macro_f1": metrics["macro_f1"]}
    passes = True
    if keep_if is not None:
        passes = entry["kept_if"] = bool(keep_if(model))
    model.model.train()
    state["evals"].append(entry)
    if passes and metrics["accuracy"] > state["best"]:
        state["best"] = metrics["accuracy"]
        _save_model(model, output_dir, model_card)
        (output_dir / "eval.json").write_text(json.dumps({"step": step, **metrics}, indent=1))


def _save_model(model: NLIModel, output_dir: Path, model_card: str | None) -> None:
    model.save(output_dir)
    if model_card:
        (output_dir / "README.md").write_text(model_card, encoding="utf-8")


def _save_checkpoint(ckpt: Path, model: NLIModel, optimizer, state: dict) -> None:
    import torch

    ckpt.mkdir(parents=True, exist_ok=True)
    trainable = {k: v for k, v in model.model.state_dict().items()
                 if not k.endswith("word_embeddings.weight")}
    tmp = ckpt / f"weights.pt.tmp{os.getpid()}"
    saved = {"model": trainable, "optimizer": optimizer.state_dict(),
             "rng": torch.get_rng_state()}
    if torch.cuda.is_available():
        saved["cuda_rng"] = torch.cuda.get_rng_state_all()
    torch.save(saved, tmp)
    tmp.replace(ckpt / "weights.pt")
    (ckpt / "state.json").write_text(json.dumps(state))


def _load_checkpoint(ckpt: Path, model: NLIModel, optimizer, device) -> dict:
    import torch

    saved = torch.load(ckpt / "weights.pt", weights_only=False, map_location=device)
    model.model.load_state_dict(saved["model"], strict=False)
    optimizer.load_state_dict(saved["optimizer"])
    torch.set_rng_state(saved["rng"].cpu())
    if "cuda_rng" in saved and torch.cuda.is_available():
        torch.cuda.set_rng_state_all([s.cpu() for s in saved["cuda_rng"]])
    state = json.loads((ckpt / "state.json").read_text())
    return state


def _bar(total: int, initial: int, show: bool | None):
    import sys

    if show is None:
        show = sys.stderr.isatty()
    if not show:
        return None
    from tqdm.auto import tqdm

    return tqdm(total=total, initial=initial, desc="fine-tune", unit="step")


__all__ = ["FinetuneResult", "classification_metrics", "evaluate", "expectation_failures",
           "finetune", "length_bucketed_batches", "must_pass"]
