"""Train the attribution tagger (claimcheck.text.tagger) on PolNeAR train.

    python scripts/train_tagger.py --output runs/attribution-tagger

Reads ``../shared/data/attribution/polnear/train`` (one annotation per
article: the annotator id that sorts first, as the benchmark does), labels
every word piece with BIO tags for Source, Cue and Content, and trains the top
``--trainable-layers`` layers of e5-small plus a linear head with AdamW. The
frozen layers below run once per window (their outputs are kept in memory in
bfloat16), so each epoch costs only the trainable layers.
With ``--layers N`` the tagger keeps only e5-small's lowest N layers (a
smaller, faster student); ``--teacher DIR`` adds the loss of matching that
tagger's tag distributions (knowledge distillation: Hinton et al. 2015,
"Distilling the Knowledge in a Neural Network"), computed once per window;
``--init-layers 0,4,8,11`` starts such a student from those layers of the
teacher and the teacher's head instead of e5-small's lowest layers and a
fresh head (layer selection, as DistilBERT's student is initialised from
every second layer of its teacher: Sanh et al. 2019); ``--transfer`` adds
unlabelled news (a folder of .txt files, or a JSONL file such as FNC-1's
article bodies) on which the student learns the teacher's
distributions alone. In a batch that mixes both, the gold loss is the mean
over the labelled pieces of the batch, so its weight does not shrink with
the share of unlabelled windows.
Checkpoints go to ``<output>/checkpoint`` every ``--save-steps`` steps; running
the same command again resumes from there. At the end the model is saved to
``--output`` and scored on PolNeAR dev with the benchmark's overlap F1
(``--dev`` another split, ``--no-dev`` none: choices belong on folds of
train, and dev is read once at the end).
"""

from __future__ import annotations

import argparse
import json
import random
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))
sys.path.insert(0, str(REPO / "benchmarks"))

import attribution_eval  # noqa: E402
import torch  # noqa: E402
from tqdm.auto import tqdm  # noqa: E402

from claimcheck.text.tagger import AttributionTagger, bio_tags, windows  # noqa: E402

POLNEAR = REPO.parent / "shared" / "data" / "attribution" / "polnear"


def examples(tagger: AttributionTagger, split: Path,
             window: int) -> list[tuple[list[int], list[int]]]:
    """(piece ids, tag ids) windows for every article of a PolNeAR split."""
    chosen = attribution_eval.polnear_annotations(split)
    result = []
    for article, ann in tqdm(sorted(chosen.items()), desc=f"labelling {split.name}"):
        text = (split / "text" / f"{article}.txt").read_text(encoding="utf-8")
        ids, offsets = tagger.pieces(text)
        tags = bio_tags(offsets, attribution_eval.read_brat(ann))
        for first, stop in windows(text, offsets, window):
            result.append((ids[first:stop], tags[first:stop]))
    return result


def transfer_texts(path: Path, limit: int | None, seed: int) -> list[str]:
    """Unlabelled texts for distillation: every ``*.txt`` of a folder, or the
    distinct ``premise`` (else ``text``) fields of a JSONL file (FNC-1's
    article bodies); a seeded sample of ``limit`` of them when given."""
    if path.is_dir():
        texts = [f.read_text(encoding="utf-8") for f in sorted(path.glob("*.txt"))]
    elif path.is_file():
        seen: dict[str, None] = {}
        for line in path.read_text(encoding="utf-8").splitlines():
            if line.strip():
                row = json.loads(line)
                seen.setdefault(row.get("premise") or row.get("text") or "", None)
        texts = [t for t in seen if t.strip()]
    else:
        raise FileNotFoundError(f"--transfer: no folder or JSONL file at {path}")
    if limit is not None and limit < len(texts):
        texts = random.Random(seed).sample(texts, limit)
    return texts


def unlabelled(tagger: AttributionTagger, texts: list[str],
               window: int) -> list[tuple[list[int], None]]:
    """(piece ids, no tags) windows of unlabelled texts: the student learns
    only the teacher's distributions there."""
    result: list[tuple[list[int], None]] = []
    for text in tqdm(texts, desc="windows of the transfer texts"):
        ids, offsets = tagger.pieces(text)
        result.extend((ids[first:stop], None) for first, stop in windows(text, offsets, window))
    return result


def length_batches(data: list, size: int) -> list[list[int]]:
    """Indices of ``data`` sorted by window length and cut into batches."""
    order = sorted(range(len(data)), key=lambda i: len(data[i][0]))
    return [order[i: i + size] for i in range(0, len(order), size)]


def frozen_states(tagger: AttributionTagger, data: list, first_trainable: int,
                  autocast: torch.autocast, batch_size: int = 32) -> list[torch.Tensor]:
    """Hidden states below the first trainable layer, computed once per window.

    The frozen layers see every window exactly once (in eval mode, so without
    dropout); each epoch then runs only the trainable layers on top.
    """
    bert = tagger.model.bert
    states: list[torch.Tensor] = [None] * len(data)  # type: ignore[list-item]
    tagger.model.eval()
    for group in tqdm(length_batches(data, batch_size), desc="frozen layers"):
        inputs = tagger.batch([data[i][0] for i in group])
        with torch.inference_mode(), autocast:
            hidden = bert.embeddings(input_ids=inputs["input_ids"])
            mask = _attention_mask(inputs["attention_mask"], hidden)
            for layer in bert.encoder.layer[:first_trainable]:
                hidden = layer(hidden, attention_mask=mask)
        for row, i in enumerate(group):
            states[i] = hidden[row, : len(data[i][0]) + 2].to(torch.bfloat16).clone()
    return states


def teacher_probabilities(teacher: AttributionTagger, data: list, temperature: float,
                          batch_size: int = 32) -> list[torch.Tensor]:
    """The teacher's tag distribution (softened by ``temperature``) for every
    piece of every window, [CLS] and [SEP] included, kept in float16."""
    probs: list[torch.Tensor] = [None] * len(data)  # type: ignore[list-item]
    autocast = torch.autocast("cpu", dtype=torch.bfloat16,
                              enabled=teacher.precision == "bfloat16")
    teacher.model.eval()
    for group in tqdm(length_batches(data, batch_size), desc="teacher"):
        inputs = teacher.batch([data[i][0] for i in group])
        with torch.inference_mode(), autocast:
            logits = teacher.model(**inputs).logits.float()
        soft = torch.softmax(logits / temperature, dim=-1)
        for row, i in enumerate(group):
            probs[i] = soft[row, : len(data[i][0]) + 2].half().clone()
    return probs


def _attention_mask(mask: torch.Tensor, hidden: torch.Tensor) -> torch.Tensor:
    """The additive (batch, 1, 1, length) mask a BERT layer adds to its scores.

    No public transformers API runs a slice of BERT's layers (what caching the
    frozen ones needs), so the layers are called one by one with the mask
    built here: 0 where a piece may be attended to, the dtype's minimum where it
    is padding. Eager and SDPA attention both take this form. If a transformers
    release changes what a layer expects, ``tests/test_tagger.py`` (cached
    layers against the model's own forward pass) fails.
    """
    keep = mask[:, None, None, :].to(hidden.dtype)
    return (1.0 - keep) * torch.finfo(hidden.dtype).min


def top_logits(model, states: list[torch.Tensor], first_trainable: int) -> torch.Tensor:
    """Run the trainable layers and the head on cached frozen states (padded)."""
    width = max(len(x) for x in states)
    hidden = torch.zeros((len(states), width, states[0].shape[-1]))
    mask = torch.zeros((len(states), width), dtype=torch.long)
    for row, x in enumerate(states):
        hidden[row, : len(x)] = x.float()
        mask[row, : len(x)] = 1
    layer_mask = _attention_mask(mask, hidden)
    for layer in model.bert.encoder.layer[first_trainable:]:
        hidden = layer(hidden, attention_mask=layer_mask)
    return model.classifier(model.dropout(hidden))


def init_from_teacher(student: AttributionTagger, teacher: AttributionTagger,
                      layers: list[int]) -> None:
    """Copy ``teacher``'s transformer layers ``layers`` into ``student``'s
    layers 0, 1, ... and the teacher's classifier head into the student's
    (in place).

    Raises
    ------
    ValueError
        If the student does not keep exactly ``len(layers)`` layers, an index
        is not a teacher layer, or the indices do not rise.
    """
    kept = student.model.config.num_hidden_layers
    have = teacher.model.config.num_hidden_layers
    if len(layers) != kept:
        raise ValueError(f"{len(layers)} layers given for a student of {kept}")
    if any(not 0 <= i < have for i in layers) or layers != sorted(set(layers)):
        raise ValueError(f"{layers} are not rising layer indices of a {have}-layer teacher")
    source = teacher.model.bert.encoder.layer
    with torch.no_grad():
        for k, i in enumerate(layers):
            student.model.bert.encoder.layer[k].load_state_dict(source[i].state_dict())
        student.model.classifier.load_state_dict(teacher.model.classifier.state_dict())


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--output", type=Path, default=REPO / "runs" / "attribution-tagger",
                        help="where the model goes (copy it to models/attribution-tagger "
                             "to ship it)")
    parser.add_argument("--train", type=Path, default=POLNEAR / "train")
    parser.add_argument("--dev", type=Path, default=POLNEAR / "dev",
                        help="split scored when training ends (default: PolNeAR dev)")
    parser.add_argument("--no-dev", action="store_true",
                        help="score nothing when training ends (keep dev unread)")
    parser.add_argument("--trainable-layers", type=int, default=4)
    parser.add_argument("--layers", type=int, default=None,
                        help="keep only e5-small's lowest N layers (default: all 12)")
    parser.add_argument("--teacher", type=Path, default=None,
                        help="a tagger folder whose tag distributions the new tagger also "
                             "learns to match (distillation)")
    parser.add_argument("--init-layers", type=str, default=None, metavar="I,J,...",
                        help="start the student's layers from these layers of --teacher (one "
                             "per layer kept, e.g. 0,4,8,11) and its head from the teacher's")
    parser.add_argument("--transfer", type=Path, default=None,
                        help="unlabelled news for distillation (a folder of .txt files or a "
                             "JSONL file with 'premise' or 'text'); needs --teacher")
    parser.add_argument("--transfer-max", type=int, default=None,
                        help="use a seeded sample of this many transfer texts")
    parser.add_argument("--distill-weight", type=float, default=0.5,
                        help="share of the distillation loss (the rest: the gold tags)")
    parser.add_argument("--temperature", type=float, default=2.0)
    parser.add_argument("--base", type=Path, default=None,
                        help="continue from this tagger folder (its trainable layers) "
                             "instead of a fresh head on e5-small")
    parser.add_argument("--epochs", type=float, default=2.0)
    parser.add_argument("--batch-size", type=int, default=16)
    parser.add_argument("--lr", type=float, default=1e-4)
    parser.add_argument("--head-lr", type=float, default=1e-3)
    parser.add_argument("--window", type=int, default=256)
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--threads", type=int, default=2)
    parser.add_argument("--save-steps", type=int, default=50)
    parser.add_argument("--max-windows", type=int, default=None,
                        help="train on the first N windows only (for quick checks)")
    args = parser.parse_args(argv)

    torch.set_num_threads(args.threads)
    torch.manual_seed(args.seed)
    random.seed(args.seed)
    started = time.time()
    if args.base is not None:
        tagger = AttributionTagger.load(args.base)
        args.trainable_layers = int(tagger.model.config.trainable_layers)
        tagger.freeze()
    else:
        tagger = AttributionTagger.from_base(trainable_layers=args.trainable_layers,
                                             layers=args.layers)
    teacher = AttributionTagger.load(args.teacher) if args.teacher is not None else None
    if args.init_layers is not None:
        if teacher is None or args.base is not None:
            parser.error("--init-layers needs --teacher and no --base")
        try:
            init_from_teacher(tagger, teacher,
                              [int(x) for x in args.init_layers.split(",")])
        except (ValueError, RuntimeError) as err:  # RuntimeError: shapes that differ
            parser.error(f"--init-layers: {err}")
    if args.transfer is not None and teacher is None:
        parser.error("--transfer needs --teacher: unlabelled text is learnt from the teacher")
    # What decides the windows besides --train, and the student's first
    # weights: kept in checkpoints and training.json.
    settings = {"transfer": str(args.transfer) if args.transfer else None,
                "transfer_max": args.transfer_max if args.transfer else None}
    if args.init_layers is not None:
        settings["init_layers"] = args.init_layers
    data = examples(tagger, args.train, args.window)
    if args.max_windows:
        data = data[: args.max_windows]
    if args.transfer is not None:
        data = data + unlabelled(tagger, transfer_texts(args.transfer, args.transfer_max,
                                                        args.seed), args.window)
    soft = (teacher_probabilities(teacher, data, args.temperature)
            if teacher is not None else None)
    # Length buckets: sort, cut into batches, shuffle the batches.
    batches = length_batches(data, args.batch_size)
    total_steps = int(len(batches) * args.epochs)
    model = tagger.model
    params = [(n, p) for n, p in model.named_parameters() if p.requires_grad]
    head = [p for n, p in params if n.startswith("classifier")]
    body = [p for n, p in params if not n.startswith("classifier")]
    optimizer = torch.optim.AdamW([{"params": body, "lr": args.lr},
                                   {"params": head, "lr": args.head_lr}], weight_decay=0.01)
    warmup = max(1, total_steps // 10)
    scheduler = torch.optim.lr_scheduler.LambdaLR(optimizer, lambda s: min(
        (s + 1) / warmup, max(0.0, (total_steps - s) / max(1, total_steps - warmup))))
    checkpoint = args.output / "checkpoint"
    step, losses = 0, []
    if (checkpoint / "state.pt").is_file():
        state = torch.load(checkpoint / "state.pt", weights_only=False)
        model.load_state_dict(state["model"], strict=False)
        optimizer.load_state_dict(state["optimizer"])
        scheduler.load_state_dict(state["scheduler"])
        step, losses = state["step"], state["losses"]
        if state.get("settings", settings) != settings:
            parser.error(f"{checkpoint} was trained with {state['settings']}, not {settings}: "
                         "the run would differ; remove the checkpoint or match them")
        print(f"resumed at step {step}", file=sys.stderr)
    schedule: list[list[int]] = []
    epoch = 0
    while len(schedule) < total_steps:
        shuffled = batches[:]
        random.Random(args.seed + epoch).shuffle(shuffled)
        schedule.extend(shuffled)
        epoch += 1
    first_trainable = tagger.first_trainable
    autocast = torch.autocast("cpu", dtype=torch.bfloat16, enabled=tagger.precision == "bfloat16")
    cached = frozen_states(tagger, data, first_trainable, autocast)
    model.train()
    bar = tqdm(range(step, total_steps), desc="training tagger", initial=step, total=total_steps)
    for step in bar:
        rows = schedule[step]
        width = max(len(data[i][0]) for i in rows) + 2
        labels = torch.full((len(rows), width), -100, dtype=torch.long)
        real = torch.zeros((len(rows), width), dtype=torch.bool)
        for r, i in enumerate(rows):
            real[r, 1: 1 + len(data[i][0])] = True
            if data[i][1] is not None:
                labels[r, 1: 1 + len(data[i][1])] = torch.tensor(data[i][1])
        with autocast:
            logits = top_logits(model, [cached[i] for i in rows], first_trainable)
        if (labels != -100).any():
            loss = torch.nn.functional.cross_entropy(
                logits.float().flatten(0, 1), labels.flatten(), ignore_index=-100)
        else:  # a batch of transfer windows only: the teacher's loss alone
            loss = logits.new_zeros(())
        if soft is not None:
            # KL(teacher || student) on the real pieces, scaled by T^2 so its
            # gradients keep their size whatever the temperature.
            target = torch.zeros(logits.shape)
            for r, i in enumerate(rows):
                target[r, : len(soft[i])] = soft[i].float()
            student = torch.log_softmax(logits.float() / args.temperature, dim=-1)
            kl = (target * (torch.log(target.clamp_min(1e-8)) - student)).sum(-1)
            distill = kl[real].mean() * args.temperature ** 2
            loss = (1 - args.distill_weight) * loss + args.distill_weight * distill
        loss.backward()
        torch.nn.utils.clip_grad_norm_([*body, *head], 1.0)
        optimizer.step()
        scheduler.step()
        optimizer.zero_grad()
        losses.append(round(loss.item(), 4))
        bar.set_postfix(loss=f"{sum(losses[-20:]) / len(losses[-20:]):.3f}")
        if (step + 1) % args.save_steps == 0 and step + 1 < total_steps:
            checkpoint.mkdir(parents=True, exist_ok=True)
            torch.save({"model": tagger.trainable_state(), "optimizer": optimizer.state_dict(),
                        "scheduler": scheduler.state_dict(), "step": step + 1,
                        "losses": losses, "settings": settings}, checkpoint / "state.pt.tmp")
            (checkpoint / "state.pt.tmp").replace(checkpoint / "state.pt")
    model.eval()
    tagger.save(args.output)
    trained = AttributionTagger.load(args.output)
    dev = None if args.no_dev else attribution_eval.evaluate_polnear(
        args.dev, predict=attribution_eval.tagger_predictor(trained))
    info = {
        "data": str(args.train), "base": str(args.base) if args.base else "e5-small",
        "articles_windows": len(data), "steps": total_steps,
        "epochs": args.epochs, "batch_size": args.batch_size, "lr": args.lr,
        "head_lr": args.head_lr, "trainable_layers": args.trainable_layers,
        "layers": int(model.config.num_hidden_layers),
        "teacher": str(args.teacher) if args.teacher else None,
        **settings,
        "distill_weight": args.distill_weight if args.teacher else None,
        "temperature": args.temperature if args.teacher else None,
        "window": args.window, "seed": args.seed, "threads": args.threads,
        "wall_seconds": round(time.time() - started), "first_loss": losses[:20],
        "last_loss": losses[-20:],
        "dev_tagger_only": None if dev is None else {
            "split": str(args.dev), "source": dev["source"]["overlap"],
            "content": dev["content"]["overlap"]},
    }
    (args.output / "training.json").write_text(json.dumps(info, indent=2) + "\n",
                                               encoding="utf-8")
    print(json.dumps(info["dev_tagger_only"], indent=2))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
